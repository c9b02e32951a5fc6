"""Behandelaars en coaches per gemeente: wie kan een traject overnemen, hoe de open trajecten
over de behandelaars verdeeld zijn en hoe groot het coachtekort is.

`caseload_per_behandelaar` en `coachtekort_per_gemeente` geven alleen aantallen en datums,
geen gegevens van deelnemers: ze zijn ook bedoeld voor het gemeentedashboard.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Min, Q, QuerySet

from gemeenten.constants import Rol
from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN
from ..models import Traject, vandaag
from ..models.coach import inzetbaar


def medewerkers_van(gemeente: Gemeente | int) -> QuerySet:
    """Actieve gebruikers met een lidmaatschap *medewerker* van `gemeente`, op naam."""
    return (
        get_user_model().objects.filter(
            is_active=True,
            lidmaatschappen__rol=Rol.MEDEWERKER,
            lidmaatschappen__gemeente=gemeente,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class Caseload:
    behandelaar_id: int | None
    naam: str  # leeg: zonder behandelaar
    open_trajecten: int


def caseload_per_behandelaar(gemeente: Gemeente | int) -> list[Caseload]:
    """Het aantal open trajecten per behandelaar in `gemeente` (één query), grootste eerst
    (bij gelijke aantallen op gebruikersnaam); trajecten zonder behandelaar als één regel met
    lege naam, bij gelijke aantallen achteraan. Alleen aantallen."""
    rijen = (
        Traject.objects.filter(gemeente=gemeente, status__in=OPEN_STATUSSEN)
        .values("behandelaar_id", "behandelaar__first_name", "behandelaar__last_name",
                "behandelaar__username")
        .annotate(aantal=Count("pk"))
        .order_by("-aantal", F("behandelaar__username").asc(nulls_last=True))
    )
    return [
        Caseload(
            behandelaar_id=r["behandelaar_id"],
            naam=" ".join(filter(None, (r["behandelaar__first_name"],
                                        r["behandelaar__last_name"])))
            or (r["behandelaar__username"] or ""),
            open_trajecten=r["aantal"],
        )
        for r in rijen
    ]


def coachtekort_per_gemeente(
    gemeenten: QuerySet[Gemeente] | None = None, peildatum: datetime.date | None = None
) -> QuerySet[Gemeente]:
    """`gemeenten` (standaard alle) met per gemeente, in één query:

    - `wachtend`: open trajecten op de wachtlijst voor een coach;
    - `wacht_sinds`: de vroegste wachtlijstdatum (de langste wachttijd), of leeg;
    - `zonder_geldige_coach`: open trajecten met een coach die niet meer telt (niet actief of
      zonder geldige VOG).
    Alleen aantallen en datums, geen gegevens van deelnemers.
    """
    peildatum = peildatum or vandaag()
    gemeenten = Gemeente.objects.all() if gemeenten is None else gemeenten
    open_ = Q(trajecten__status__in=OPEN_STATUSSEN)
    op_wachtlijst = open_ & Q(trajecten__wachtlijst_sinds__isnull=False)
    return gemeenten.annotate(
        wachtend=Count("trajecten", filter=op_wachtlijst),
        wacht_sinds=Min("trajecten__wachtlijst_sinds", filter=op_wachtlijst),
        zonder_geldige_coach=Count(
            "trajecten",
            filter=open_ & Q(trajecten__coach__isnull=False)
            & ~inzetbaar("trajecten__coach__", peildatum),
        ),
    ).order_by("naam")


def wachtdagen(wacht_sinds: datetime.date | None, peildatum: datetime.date | None = None) -> int:
    """Hoeveel dagen iemand al wacht (0 zonder wachtlijst)."""
    if wacht_sinds is None:
        return 0
    return ((peildatum or vandaag()) - wacht_sinds).days
