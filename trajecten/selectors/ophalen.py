"""Eén object ophalen, altijd binnen de gemeenten van de gebruiker: een id van een andere
gemeente geeft `Http404`, nooit het record.

Alles over een persoon (deelnemer, traject, plaatsing) volgt de gemeente waar de deelnemer nu
woont (`Model.objects.voor(user)`), ook een afgesloten traject dat na een verhuizing bij de oude
gemeente blijft tellen. Het toegangslog van elke opgehaalde pagina en elke weigering schrijft
`gemeenten.toegangslog.ToegangslogMiddleware`; selectors schrijven niets."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from gemeenten.models import Gemeente

from ..models import Deelnemer, Plaatsing, Traject, Werkgever


def is_medewerker_van(user, gemeente: Gemeente | int) -> bool:
    """Is `user` medewerker van `gemeente` (object of pk)?"""
    return Gemeente.objects.voor(user).filter(pk=getattr(gemeente, "pk", gemeente)).exists()


def deelnemer_ophalen(*, user, pk: int) -> Deelnemer:
    """De deelnemer met `pk` als die in een gemeente van `user` woont; anders `Http404`."""
    return get_object_or_404(Deelnemer.objects.voor(user).select_related("gemeente"), pk=pk)


def traject_ophalen(*, user, pk: int) -> Traject:
    """Het traject met `pk` van een deelnemer die in een gemeente van `user` woont; anders
    `Http404`."""
    return get_object_or_404(
        Traject.objects.voor(user).select_related(
            "deelnemer", "gemeente", "coach", "programma", "intake"
        ),
        pk=pk,
    )


def plaatsing_ophalen(*, user, pk: int) -> Plaatsing:
    """De plaatsing met `pk` van een deelnemer die in een gemeente van `user` woont; anders
    `Http404`."""
    return get_object_or_404(
        Plaatsing.objects.voor(user).select_related("traject__deelnemer", "werkgever"),
        pk=pk,
    )


def werkgever_ophalen(*, user, pk: int) -> Werkgever:
    """De werkgever met `pk` in een gemeente van `user`; anders `Http404`."""
    return get_object_or_404(Werkgever.objects.voor(user).select_related("gemeente"), pk=pk)


def deelnemer_met_bsn(*, user, bsn: str) -> Deelnemer | None:
    """Zoekt op BSN, alleen binnen de gemeenten van `user`."""
    if not bsn:
        return None
    return Deelnemer.objects.voor(user).filter(bsn=bsn).first()


def alle_gemeenten() -> QuerySet[Gemeente]:
    """Alle gemeenten: het doel van een verhuizing mag elke gemeente zijn."""
    return Gemeente.objects.order_by("naam")
