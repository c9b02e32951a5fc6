"""Werkgevers van de gemeenten van de gebruiker en hun plaatsingen."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from ..models import Plaatsing, Werkgever


def werkgever_lijst(*, user) -> QuerySet[Werkgever]:
    """Werkgevers in de gemeenten van `user`, met het aantal plaatsingen dat `user` bij die
    werkgever ziet (die van deelnemers in zijn gemeenten, zoals `plaatsingen_bij_werkgever`);
    één query."""
    zichtbaar = Q(plaatsingen__in=Plaatsing.objects.voor(user))
    return (
        Werkgever.objects.voor(user)
        .select_related("gemeente")
        .annotate(aantal_plaatsingen=Count("plaatsingen", filter=zichtbaar, distinct=True))
        .order_by("naam", "pk")
    )


def plaatsingen_bij_werkgever(*, user, werkgever: Werkgever) -> QuerySet[Plaatsing]:
    """Plaatsingen bij `werkgever` van deelnemers die nu in de gemeenten van `user` wonen: een
    verhuisde deelnemer staat niet meer op de werkgeverpagina van zijn oude gemeente."""
    return (
        Plaatsing.objects.voor(user)
        .filter(werkgever=werkgever)
        .select_related("traject__deelnemer", "traject__gemeente")
        .order_by("-startdatum", "-pk")
    )
