"""Werkgevers van de gemeenten van de gebruiker en hun plaatsingen."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from ..models import Plaatsing, Werkgever


def werkgever_lijst(*, user) -> QuerySet[Werkgever]:
    """Werkgevers in de gemeenten van `user`, met het aantal plaatsingen (één query)."""
    return (
        Werkgever.objects.voor(user)
        .select_related("gemeente")
        .annotate(aantal_plaatsingen=Count("plaatsingen", distinct=True))
        .order_by("naam", "pk")
    )


def plaatsingen_bij_werkgever(*, user, werkgever: Werkgever) -> QuerySet[Plaatsing]:
    """Plaatsingen bij `werkgever` op trajecten in de gemeenten van `user`."""
    return (
        Plaatsing.objects.voor(user)
        .filter(werkgever=werkgever)
        .select_related("traject__deelnemer", "traject__gemeente")
        .order_by("-startdatum", "-pk")
    )
