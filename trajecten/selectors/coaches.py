"""Coachsuggesties: welke coach past bij een traject, en waarom."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..constants import Sector, Taal
from ..models import Coach, Traject
from .deelnemers import intake_van


@dataclass
class CoachSuggestie:
    coach: Coach
    caseload: int
    gedeelde_talen: list[str]
    sectormatch: bool
    redenen: list[str]

    @property
    def sorteersleutel(self):
        return (-len(self.gedeelde_talen), not self.sectormatch, self.caseload, self.coach.naam)


def coach_suggesties(*, traject: Traject) -> list[CoachSuggestie]:
    """Coaches die dit traject mogen krijgen, beste match eerst, met de reden waarom.

    Alleen actieve coaches van de gemeente van het traject met een geldige VOG en vrije
    capaciteit (open trajecten < max_deelnemers); de huidige coach van het traject valt weg.
    Volgorde: meeste gedeelde talen met de deelnemer, dan sector van de beroepswens, dan
    laagste caseload. Eén query; de rangschikking gebeurt op die (kleine) kandidatenlijst.
    """
    kandidaten = (
        Coach.objects.filter(gemeenten=traject.gemeente_id)
        .actief()
        .met_geldige_vog()
        .met_ruimte()
    )
    if traject.coach_id:
        kandidaten = kandidaten.exclude(pk=traject.coach_id)
    talen_deelnemer = set(traject.deelnemer.talen or [])
    intake = intake_van(traject)
    sector = intake.sector if intake else ""
    taalnamen = dict(Taal.choices)
    sectornamen = dict(Sector.choices)

    suggesties = []
    for coach in kandidaten:
        gedeeld = [t for t in (coach.talen or []) if t in talen_deelnemer]
        sectormatch = bool(sector) and sector in (coach.sectoren or [])
        redenen = []
        if gedeeld:
            redenen.append(_("spreekt %(talen)s, net als de deelnemer")
                           % {"talen": ", ".join(str(taalnamen.get(t, t)) for t in gedeeld)})
        if sectormatch:
            redenen.append(_("kent de sector %(sector)s (beroepswens)")
                           % {"sector": sectornamen.get(sector, sector)})
        redenen.append(_("begeleidt nu %(aantal)s van maximaal %(max)s deelnemers")
                       % {"aantal": coach.caseload, "max": coach.max_deelnemers})
        suggesties.append(CoachSuggestie(coach, coach.caseload, gedeeld, sectormatch, redenen))
    return sorted(suggesties, key=lambda s: s.sorteersleutel)
