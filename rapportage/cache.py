"""Cache van de dashboardcijfers, exact door de gegevensversie in de sleutel.

Sleutel = (versie, sleutel) uit `RapportageVersie` + de selectie (programma, periode,
gemeenten, peildatum). Elke request leest eerst de versie (één PK-query) en pas daarna de
cijfers; een schrijfactie hoogt de versie op in haar eigen transactie (databasetrigger). Een
gecachte ingang onder de huidige versie is dus altijd berekend na de laatste gecommitte
wijziging: elke gunicorn-worker ziet een wijziging meteen, ook met een cache per proces.

Bij een misser rekent één request (per sleutel, met een slot in de cache); gelijktijdige
requests voor dezelfde sleutel wachten op dat resultaat in plaats van allemaal dezelfde
zware aggregaten te draaien.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from . import indicatoren
from .models import RapportageVersie

SLOT_SECONDEN = 60
WACHT_STAP = 0.05
#: Oude versies worden nooit meer gelezen; ze verlopen vanzelf.
BEWAAR_SECONDEN = 6 * 3600


def gegevensversie() -> tuple[int, int] | None:
    """(versie, sleutel) van de gegevens, of None als de rij ontbreekt (dan niet cachen)."""
    return RapportageVersie.objects.filter(pk=1).values_list("versie", "sleutel").first()


def cache_sleutel(soort: str, versie, sleuteldelen) -> str:
    ruw = repr((soort, versie, sleuteldelen)).encode()
    return f"rapportage:{soort}:{hashlib.sha256(ruw).hexdigest()}"


def cache_aan() -> bool:
    return getattr(settings, "RAPPORTAGE_CACHE", True)


def gecachet(soort: str, sleuteldelen, bereken):
    """`bereken()`, uit de cache als de gegevens sinds de berekening niet veranderd zijn.

    De sleutel bevat de gegevensversie (gelezen vóór het rekenen) en `sleuteldelen`; het
    resultaat is dus altijd gelijk aan live rekenen onder de huidige versie. Bij een misser
    rekent één request per sleutel; gelijktijdige requests wachten op dat resultaat.
    """
    versie = gegevensversie() if cache_aan() else None
    if versie is None:
        return bereken()
    sleutel = cache_sleutel(soort, versie, sleuteldelen)
    gegevens = cache.get(sleutel)
    if gegevens is not None:
        return gegevens
    slot = f"{sleutel}:bezig"
    if cache.add(slot, 1, timeout=SLOT_SECONDEN):
        try:
            gegevens = bereken()
            cache.set(sleutel, gegevens, timeout=BEWAAR_SECONDEN)
        finally:
            cache.delete(slot)
        return gegevens
    einde = time.monotonic() + SLOT_SECONDEN
    while time.monotonic() < einde:
        time.sleep(WACHT_STAP)
        gegevens = cache.get(sleutel)
        if gegevens is not None:
            return gegevens
        if cache.get(slot) is None:  # de rekenaar faalde: zelf rekenen
            break
    return bereken()


def dashboard(selectie: indicatoren.Selectie) -> dict:
    """De cijfers van `indicatoren.dashboard(selectie)`; gelijk aan live rekenen."""
    return gecachet("dashboard", selectie, lambda: indicatoren.dashboard(selectie))
