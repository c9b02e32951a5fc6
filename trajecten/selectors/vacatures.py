"""Vacatures, voordrachten en de deelnemers die bij een vacature passen, met de reden
(zoals de coachsuggesties, `coaches.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..constants import GEPLAATST_SOORTEN, Sector, Status, Taalniveau
from ..models import Plaatsing, Traject, Vacature, Voordracht, vandaag
from ..zoeken import vouw
from .deelnemers import intake_van

#: Hooguit zoveel kandidaten per vacature (de beste eerst).
KANDIDATEN_MAX = 25
#: Statussen waarin een deelnemer beschikbaar is voor een vacature.
BESCHIKBARE_STATUSSEN = [Status.INTAKE, Status.ACTIEF]


def vacature_lijst(*, user, ook_gesloten: bool = False) -> QuerySet[Vacature]:
    """Vacatures van de gemeenten van `user` (standaard alleen open), met werkgever, gemeente
    en het aantal voordrachten per status; één query."""
    qs = Vacature.objects.voor(user)
    if not ook_gesloten:
        qs = qs.filter(open_tot__gte=vandaag())
    return (
        qs.select_related("werkgever", "gemeente")
        .annotate(
            aantal_voordrachten=Count("voordrachten"),
            aantal_aangenomen=Count(
                "voordrachten", filter=Q(voordrachten__status=Voordracht.Status.AANGENOMEN)),
        )
        .order_by("open_tot", "pk")
    )


def vacature_ophalen(*, user, pk: int) -> Vacature:
    """De vacature met `pk` als die van een gemeente van `user` is; anders `Http404`."""
    return get_object_or_404(
        Vacature.objects.voor(user).select_related("werkgever", "gemeente"), pk=pk
    )


def voordrachten_bij(*, user, vacature: Vacature) -> QuerySet[Voordracht]:
    """De voordrachten op `vacature` van deelnemers uit de gemeenten van `user`."""
    return (
        Voordracht.objects.voor(user).filter(vacature=vacature)
        .select_related("deelnemer", "door").order_by("-aangemaakt_op", "-pk")
    )


def voordracht_ophalen(*, user, pk: int) -> Voordracht:
    return get_object_or_404(
        Voordracht.objects.voor(user).select_related(
            "deelnemer", "vacature__werkgever", "vacature__gemeente"),
        pk=pk,
    )


#: Korte woorden die niets over een beroep zeggen.
STOPWOORDEN = {"een", "van", "bij", "met", "het", "der", "den", "voor", "and", "the", "ook"}


def woorden(tekst: str) -> set[str]:
    """De betekenisvolle woorden (drie letters of meer: ‘kok’; geen lidwoorden en
    voorzetsels) van een tekst, gevouwen."""
    return {w for w in re.split(r"[^a-z0-9]+", vouw(tekst or ""))
            if len(w) >= 3 and w not in STOPWOORDEN}


@dataclass
class Kandidaat:
    traject: Traject
    wensmatch: bool
    sectormatch: bool
    taalmarge: int
    redenen: list[str]

    @property
    def deelnemer(self):
        return self.traject.deelnemer

    @property
    def sorteersleutel(self):
        return (not self.wensmatch, not self.sectormatch, -self.taalmarge,
                self.traject.aanmelddatum, self.traject.pk)


def vacature_kandidaten(*, user, vacature: Vacature) -> list[Kandidaat]:
    """Deelnemers uit de gemeenten van `user` die bij `vacature` passen, beste eerst, elk met
    de reden (docs/domain.md, "Vacatures en voordrachten").

    Passen: de deelnemer woont in de gemeente van de vacature, heeft een traject in intake of
    actief, geen lopende baan, stage of werkervaringsplaats, is nog niet voorgedragen op deze
    vacature, heeft minstens het gevraagde taalniveau, en zijn beroepswens past (een woord van
    de functie in de beroepswens, of dezelfde sector). Volgorde: beroepswens, dan sector, dan
    taalniveau boven het gevraagde, dan wie het langst wacht. Eén query.
    """
    functiewoorden = woorden(vacature.functie)
    past = Q(intake__sector=vacature.sector)
    for woord in functiewoorden:
        past |= Q(intake__beroepswens__icontains=woord)
    loopt = Plaatsing.objects.filter(
        traject__deelnemer_id=OuterRef("deelnemer_id"), soort__in=GEPLAATST_SOORTEN,
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag()))
    voorgedragen = Voordracht.objects.filter(vacature=vacature,
                                             deelnemer_id=OuterRef("deelnemer_id"))
    trajecten = (
        Traject.objects.voor(user)
        .filter(deelnemer__gemeente_id=vacature.gemeente_id, status__in=BESCHIKBARE_STATUSSEN,
                deelnemer__taalniveau__gte=vacature.taalniveau)
        .filter(past)
        .exclude(Exists(loopt))
        .exclude(Exists(voorgedragen))
        .select_related("deelnemer", "intake")
        .order_by("aanmelddatum", "pk")
    )
    niveaus = list(Taalniveau.values)
    sectornamen = dict(Sector.choices)
    kandidaten = []
    for traject in trajecten[:200]:
        intake = intake_van(traject)
        wens = intake.beroepswens if intake else ""
        wensmatch = bool(functiewoorden & woorden(wens))
        sectormatch = bool(intake and intake.sector == vacature.sector)
        marge = niveaus.index(traject.deelnemer.taalniveau) - niveaus.index(vacature.taalniveau)
        redenen = []
        if wensmatch:
            redenen.append(_("beroepswens ‘%(wens)s’ past bij de functie") % {"wens": wens})
        if sectormatch:
            redenen.append(_("beroepswens in de sector %(sector)s")
                           % {"sector": sectornamen.get(vacature.sector, vacature.sector)})
        redenen.append(_("taalniveau %(niveau)s (gevraagd: %(gevraagd)s)") % {
            "niveau": traject.deelnemer.get_taalniveau_display(),
            "gevraagd": vacature.get_taalniveau_display()})
        redenen.append(_("beschikbaar: traject %(status)s, geen lopende baan of stage")
                       % {"status": traject.get_status_display()})
        kandidaten.append(Kandidaat(traject, wensmatch, sectormatch, marge, redenen))
    return sorted(kandidaten, key=lambda k: k.sorteersleutel)[:KANDIDATEN_MAX]
