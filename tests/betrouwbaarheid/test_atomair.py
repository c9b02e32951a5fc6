"""Alles of niets: een schrijfactie die halverwege faalt, laat niets achter.

Elke test laat een service over meerdere rijen een latere stap mislukken (de `save()` of
`full_clean()` van het tweede model gooit een fout, zoals een databasestoring of een bug zou
doen) en controleert dat ook de eerste stap is teruggedraaid: geen half record, geen regel in
de wijzigingshistorie, geen nieuwe versie. De database zelf is echt (geen mocks); alleen één
stap van de service wordt vervangen.
"""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tests.betrouwbaarheid.hulp import HttpsClient
from trajecten import importeren, services
from trajecten.constants import Status
from trajecten.factories import TrajectFactory, genereer_bsn
from trajecten.models import Deelnemer, Intake, Plaatsing, Traject, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()


class Storing(Exception):
    """Een fout midden in een service (databasestoring, bug)."""


def faal(*args, **kwargs):
    raise Storing("storing halverwege")


@pytest.fixture
def aangemeld(groningen, vervolg):
    return TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg,
                          aanmelddatum=VANDAAG - datetime.timedelta(days=10))


@pytest.fixture
def actief(groningen, vervolg):
    return TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)


def historie() -> int:
    return LogEntry.objects.count()


def test_intake_zonder_trajectstatus_laat_geen_intake_achter(
    medewerker, aangemeld, monkeypatch
):
    """intake_vastleggen = intake opslaan + traject naar 'intake' met startdatum. Faalt het
    traject, dan is er ook geen intake."""
    voor = historie()
    monkeypatch.setattr(Traject, "save", faal)
    with pytest.raises(Storing):
        services.intake_vastleggen(traject=aangemeld, door=medewerker, datum=VANDAAG,
                                   beroepswens="Elektricien", actieplan="Taal B1")
    monkeypatch.undo()
    assert not Intake.objects.filter(traject=aangemeld).exists()
    aangemeld.refresh_from_db()
    assert (aangemeld.status, aangemeld.startdatum, aangemeld.versie) == (
        Status.AANGEMELD, None, 1
    )
    assert historie() == voor


def test_intake_via_de_pagina_geeft_een_foutpagina_en_laat_niets_achter(
    medewerker, aangemeld, monkeypatch
):
    client = HttpsClient(raise_request_exception=False)
    client.force_login(medewerker)
    monkeypatch.setattr(Traject, "save", faal)
    antwoord = client.post(reverse("trajecten:intake", args=[aangemeld.pk]),
                           {"datum": VANDAAG.isoformat(), "beroepswens": "Elektricien",
                            "versie": 0})
    monkeypatch.undo()
    assert antwoord.status_code == 500
    assert not Intake.objects.exists()
    aangemeld.refresh_from_db()
    assert aangemeld.status == Status.AANGEMELD


def test_plaatsing_met_nieuwe_werkgever_laat_geen_werkgever_achter(
    medewerker, actief, monkeypatch
):
    """plaatsing_registreren = werkgever aanmaken + plaatsing + traject naar 'geplaatst'.
    Faalt de plaatsing, dan is de net aangemaakte werkgever ook weg."""
    voor = historie()
    monkeypatch.setattr(Plaatsing, "full_clean", faal)
    with pytest.raises(Storing):
        services.plaatsing_registreren(
            traject=actief, door=medewerker, soort="baan", startdatum=actief.startdatum,
            uren_per_week=32,
            nieuwe_werkgever={"naam": "Bakkerij De Halve Maan", "sector": "horeca"},
        )
    monkeypatch.undo()
    assert not Werkgever.objects.filter(naam="Bakkerij De Halve Maan").exists()
    assert not Plaatsing.objects.exists()
    actief.refresh_from_db()
    assert actief.status == Status.ACTIEF and actief.versie == 1
    assert historie() == voor


def test_plaatsing_zonder_trajectstatus_laat_geen_plaatsing_en_werkgever_achter(
    medewerker, actief, monkeypatch
):
    """Nu faalt de laatste stap (traject naar 'geplaatst'): werkgever en plaatsing, al
    opgeslagen, verdwijnen allebei."""
    monkeypatch.setattr(Traject, "save", faal)
    with pytest.raises(Storing):
        services.plaatsing_registreren(
            traject=actief, door=medewerker, soort="baan", startdatum=actief.startdatum,
            uren_per_week=32,
            nieuwe_werkgever={"naam": "Bakkerij De Halve Maan", "sector": "horeca"},
        )
    monkeypatch.undo()
    assert not Werkgever.objects.filter(naam="Bakkerij De Halve Maan").exists()
    assert not Plaatsing.objects.exists()
    actief.refresh_from_db()
    assert actief.status == Status.ACTIEF


def test_verhuizing_zonder_traject_laat_de_deelnemer_in_de_oude_gemeente(
    medewerker, actief, groningen, emmen, monkeypatch
):
    """deelnemer_verhuizen = deelnemer naar de nieuwe gemeente + elk open traject mee. Faalt
    het traject, dan blijft ook de deelnemer in Groningen (anders zou het traject bij een
    gemeente horen waar de deelnemer niet meer woont)."""
    deelnemer = actief.deelnemer
    voor = historie()
    monkeypatch.setattr(Traject, "full_clean", faal)
    with pytest.raises(Storing):
        services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=emmen, door=medewerker)
    monkeypatch.undo()
    deelnemer.refresh_from_db()
    actief.refresh_from_db()
    assert deelnemer.gemeente == groningen and deelnemer.versie == 1
    assert actief.gemeente == groningen and actief.versie == 1
    assert historie() == voor


def test_traject_wijzigen_faalt_bij_opslaan_en_houdt_de_oude_kosten(
    medewerker, actief, monkeypatch
):
    monkeypatch.setattr(Traject, "save", faal)
    with pytest.raises(Storing):
        services.traject_wijzigen(traject=actief, door=medewerker, versie=1,
                                  uitvoerder="uaf", kosten=Decimal("750"))
    monkeypatch.undo()
    actief.refresh_from_db()
    assert (actief.kosten, actief.uitvoerder, actief.versie) == (0, "vluchtelingenwerk", 1)


def test_import_met_storing_bij_de_derde_deelnemer_importeert_niemand(
    medewerker, monkeypatch
):
    """Niet een databaseregel maar een willekeurige fout bij de derde rij: ook de eerste twee
    (al opgeslagen, met hun historie) verdwijnen."""
    kop = ";".join(importeren.KOLOMMEN)
    rijen = []
    for voornaam in ("Semhar", "Yonas", "Dawit"):
        waarden = {"voornaam": voornaam, "achternaam": "Tesfay", "geboortedatum": "14-03-1991",
                   "land_van_herkomst": "ER", "gemeente": "GM0014", "bsn": genereer_bsn(),
                   "toestemming_datum": "02-01-2026"}
        rijen.append(";".join(waarden.get(k, "") for k in importeren.KOLOMMEN))
    inhoud = ("\r\n".join([kop, *rijen]) + "\r\n").encode()
    voor = historie()
    origineel = Deelnemer.save
    opgeslagen = []

    def save_met_storing(self, *args, **kwargs):
        if len(opgeslagen) == 2:
            raise Storing("storing bij de derde rij")
        origineel(self, *args, **kwargs)
        opgeslagen.append(self.pk)

    monkeypatch.setattr(Deelnemer, "save", save_met_storing)
    with pytest.raises(Storing):
        importeren.deelnemers_importeren(inhoud=inhoud, bestandsnaam="lijst.csv",
                                         door=medewerker)
    monkeypatch.undo()
    assert len(opgeslagen) == 2  # de eerste twee waren echt opgeslagen
    assert not Deelnemer.objects.filter(pk__in=opgeslagen).exists()
    assert not Deelnemer.objects.filter(achternaam="Tesfay").exists()
    assert historie() == voor
