"""Plaatsing: registreren (eventueel met een nieuwe werkgever), wijzigen en beëindigen."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..constants import GEPLAATST_SOORTEN, GESLOTEN_STATUSSEN, Contractvorm, Soort, Status
from ..models import Bijeenkomst, Plaatsing, Traject, Werkgever, vandaag
from .basis import (
    Fouten,
    datum_nl,
    is_medewerker_van,
    recent,
    vergrendel_plaatsing,
    vergrendel_traject,
)
from .nazorg import nazorg_plannen
from .traject import volgende_status
from .versies import bewaar_nieuwe_versie, eis_versie
from .werkgever import werkgever_registreren, werkgever_velden

#: Een plaatsing mag hooguit zoveel dagen vooruit beginnen (een getekend contract).
PLAATSING_MAX_DAGEN_VOORUIT = 92
#: Soorten plaatsing waarbij een werkgever verplicht is.
SOORTEN_MET_WERKGEVER = [*GEPLAATST_SOORTEN, Soort.PROEFPLAATSING, Soort.LEERWERKTRAJECT]


def _controleer_uren_en_contract(
    fouten: Fouten, uren_per_week, contractvorm: str, soort: str
) -> None:
    if uren_per_week is None:
        if soort == Soort.BAAN:
            fouten.voeg_toe("uren_per_week", _("Vul bij een baan het aantal uren per week in."))
    elif not 0 <= uren_per_week <= 60:
        fouten.voeg_toe("uren_per_week", _("Het aantal uren per week ligt tussen 0 en 60."))
    elif uren_per_week == 0 and soort == Soort.BAAN:
        fouten.voeg_toe("uren_per_week", _("Een baan heeft minstens één uur per week."))
    if contractvorm not in Contractvorm.values:
        fouten.voeg_toe("contractvorm", _("Kies een contractvorm uit de lijst."))


def _werkgever_zichtbaar(door, werkgever: Werkgever) -> bool:
    """Een werkgever van een eigen gemeente, of een die met een eigen gemeente samenwerkt."""
    return (is_medewerker_van(door, werkgever.gemeente_id)
            or Werkgever.objects.voor(door).filter(pk=werkgever.pk).exists())


def _controleer_herkomst(fouten: Fouten, door, bijeenkomst, vacature) -> None:
    if bijeenkomst is not None and not Bijeenkomst.objects.voor(door).filter(
            pk=bijeenkomst.pk).exists():
        fouten.voeg_toe("bijeenkomst", _("Kies een bijeenkomst van uw eigen gemeenten."))
    if vacature is not None and not is_medewerker_van(door, vacature.gemeente_id):
        fouten.voeg_toe("vacature", _("Kies een vacature van uw eigen gemeenten."))


@transaction.atomic
def plaatsing_registreren(
    *,
    traject: Traject,
    door,
    soort: str,
    startdatum: datetime.date,
    werkgever: Werkgever | None = None,
    nieuwe_werkgever: dict | None = None,
    functie: str = "",
    einddatum: datetime.date | None = None,
    uren_per_week: int | None = None,
    contractvorm: str = Contractvorm.GEEN,
    bijeenkomst=None,
    vacature=None,
) -> Plaatsing:
    """Registreert een plaatsing op een gestart, open traject.

    `bijeenkomst` en `vacature` (optioneel) zeggen waar de plaatsing uit voortkwam; ze zijn van
    de gemeenten van `door` (zie `_controleer_herkomst`).

    De werkgever is een bestaande werkgever uit de gemeenten van `door`, of wordt in dezelfde
    transactie aangemaakt uit `nieuwe_werkgever` (naam, kvk_nummer, sector; fouten komen terug
    als `werkgever_<veld>`). Regels: start niet vóór de start van het traject en hooguit
    drie maanden vooruit; einde niet vóór start; 0–60 uur per week (leeg mag, behalve bij een
    baan: die heeft uren); werkgever verplicht bij baan, stage, werkervaringsplaats,
    proefplaatsing en leerwerktraject.

    Een baan, stage of werkervaringsplaats op een traject in 'intake' of 'actief' zet het
    traject via de toegestane overgangen op 'geplaatst' (intake → actief → geplaatst, elke stap
    een eigen regel in de wijzigingshistorie), en plant de nazorgafspraken na 1, 3 en 6
    maanden (`afspraak.nazorg_plannen`), alles in dezelfde transactie.

    Dubbel verzonden binnen het dubbel-venster: de eerste plaatsing komt terug, ook met een
    nieuwe werkgever. Die werkgever wordt dan niet nog eens gemaakt (en een KvK-nummer geeft
    geen melding dat hij al bestaat): er wordt gezocht vóórdat er iets wordt aangemaakt, onder
    de vergrendeling van het traject, dus ook twee gelijktijdige verzoeken geven één plaatsing
    en één werkgever.
    """
    traject = vergrendel_traject(traject, door=door)
    if not traject.startdatum or traject.status in (Status.AANGEMELD, *GESLOTEN_STATUSSEN):
        raise ValidationError(
            _("Een plaatsing kan alleen op een gestart, lopend traject. Leg eerst de intake "
              "vast."),
            code="traject_niet_gestart",
        )
    fouten = Fouten()
    if soort not in Soort.values:
        fouten.voeg_toe("soort", _("Kies een soort plaatsing uit de lijst."))
    if startdatum < traject.startdatum:
        fouten.voeg_toe("startdatum", _(
            "De plaatsing kan niet beginnen vóór de start van het traject (%(datum)s)."
        ) % {"datum": datum_nl(traject.startdatum)})
    if startdatum > vandaag() + datetime.timedelta(days=PLAATSING_MAX_DAGEN_VOORUIT):
        fouten.voeg_toe("startdatum", _(
            "De startdatum ligt te ver in de toekomst: hooguit drie maanden vooruit."
        ))
    if einddatum and einddatum < startdatum:
        fouten.voeg_toe("einddatum", _("De einddatum kan niet vóór de startdatum liggen."))
    _controleer_uren_en_contract(fouten, uren_per_week, contractvorm, soort)
    _controleer_herkomst(fouten, door, bijeenkomst, vacature)
    if werkgever is not None and not _werkgever_zichtbaar(door, werkgever):
        fouten.voeg_toe("werkgever", _("Kies een werkgever uit uw eigen gemeenten."))
    if werkgever is None and not nieuwe_werkgever and soort in SOORTEN_MET_WERKGEVER:
        fouten.voeg_toe("werkgever", _("Kies een werkgever of maak een nieuwe werkgever aan."))
    fouten.gooi()

    functie = (functie or "").strip()
    if werkgever is None and nieuwe_werkgever:
        nieuw = {"gemeente": traject.gemeente, **werkgever_velden(nieuwe_werkgever)}
        eerder = recent(traject.plaatsingen.filter(
            soort=soort, startdatum=startdatum, functie=functie,
            **{f"werkgever__{veld}": waarde for veld, waarde in nieuw.items()},
        ))
        if eerder:
            return eerder
        try:
            werkgever = werkgever_registreren(
                door=door, gemeente=traject.gemeente, **nieuwe_werkgever
            )
        except ValidationError as exc:
            raise ValidationError(
                {f"werkgever_{veld}": fout for veld, fout in exc.message_dict.items()}
            ) from exc

    gelijk = traject.plaatsingen.filter(
        soort=soort, werkgever=werkgever, startdatum=startdatum, functie=functie
    )
    eerder = recent(gelijk)
    if eerder:
        return eerder
    if gelijk.exists():
        raise ValidationError(
            _("Deze plaatsing (zelfde soort, werkgever, functie en startdatum) is al "
              "geregistreerd."),
            code="plaatsing_bestaat",
        )

    plaatsing = Plaatsing(
        traject=traject, soort=soort, werkgever=werkgever, functie=functie,
        startdatum=startdatum, einddatum=einddatum, uren_per_week=uren_per_week,
        contractvorm=contractvorm, bijeenkomst=bijeenkomst, vacature=vacature,
    )
    plaatsing.full_clean()
    plaatsing.save()
    if soort in GEPLAATST_SOORTEN:
        if traject.status == Status.INTAKE:
            volgende_status(traject, Status.ACTIEF)
        if traject.status == Status.ACTIEF:
            volgende_status(traject, Status.GEPLAATST)
        nazorg_plannen(plaatsing=plaatsing, door=door)
    return plaatsing


def _controleer_einddatum(fouten: Fouten, plaatsing: Plaatsing, einddatum) -> None:
    if einddatum is None:
        return
    if einddatum < plaatsing.startdatum:
        fouten.voeg_toe("einddatum", _(
            "De einddatum kan niet vóór de startdatum (%(datum)s) liggen."
        ) % {"datum": datum_nl(plaatsing.startdatum)})
    elif einddatum > vandaag() + datetime.timedelta(days=366):
        fouten.voeg_toe("einddatum", _(
            "De einddatum ligt te ver in de toekomst (hooguit een jaar)."
        ))


@transaction.atomic
def plaatsing_beeindigen(
    *, plaatsing: Plaatsing, einddatum: datetime.date, door, versie: int | None = None
) -> Plaatsing:
    """Zet de einddatum van een plaatsing (niet vóór de start; een afgesproken einde mag in de
    toekomst liggen, hooguit een jaar vooruit). Met `versie`: `Bewerkingsconflict` als de
    plaatsing intussen door iemand anders is gewijzigd."""
    plaatsing = vergrendel_plaatsing(plaatsing, door=door)
    if plaatsing.einddatum == einddatum:
        return plaatsing
    eis_versie(plaatsing, versie, {"einddatum": einddatum})
    fouten = Fouten()
    _controleer_einddatum(fouten, plaatsing, einddatum)
    fouten.gooi()
    plaatsing.einddatum = einddatum
    bewaar_nieuwe_versie(plaatsing)
    return plaatsing


@transaction.atomic
def plaatsing_wijzigen(
    *,
    plaatsing: Plaatsing,
    door,
    versie: int | None = None,
    functie: str,
    einddatum: datetime.date | None,
    uren_per_week: int | None,
    contractvorm: str,
) -> Plaatsing:
    """Wijzigt functie, einddatum, uren per week en contractvorm van een plaatsing.

    Soort, werkgever en startdatum bepalen de indicatoren en de status van het traject; die
    blijven zoals geregistreerd. Regels: einde niet vóór de start en hooguit een jaar vooruit
    (leeg = loopt nog), 0–60 uur per week (verplicht bij een baan), een contractvorm uit de
    lijst. Met `versie`:
    `Bewerkingsconflict` als de plaatsing intussen door iemand anders is gewijzigd; dan wordt
    niets overschreven.
    """
    plaatsing = vergrendel_plaatsing(plaatsing, door=door)
    velden = {
        "functie": (functie or "").strip(), "einddatum": einddatum,
        "uren_per_week": uren_per_week, "contractvorm": contractvorm,
    }
    if eis_versie(plaatsing, versie, velden):
        return plaatsing
    fouten = Fouten()
    _controleer_einddatum(fouten, plaatsing, einddatum)
    _controleer_uren_en_contract(fouten, uren_per_week, contractvorm, plaatsing.soort)
    fouten.gooi()
    for naam, waarde in velden.items():
        setattr(plaatsing, naam, waarde)
    bewaar_nieuwe_versie(plaatsing)
    return plaatsing
