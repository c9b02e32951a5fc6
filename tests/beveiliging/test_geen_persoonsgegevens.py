"""Wie wat niet mag zien, ziet het niet.

- Coaches en werkgevers krijgen nooit het BSN of de belemmeringen (gezondheid) te zien. Ze
  hebben geen eigen inlog; wat over hen gaat en met hen gedeeld kan worden, is de
  werkgeverpagina, de pagina om een coach toe te wijzen en de coachpagina in de admin (met de
  open trajecten van de coach). Daar staat geen BSN (ook niet gemaskeerd), geen belemmering en
  geen actieplan.
- Coördinatoren zien alleen cijfers: dashboards en exports bevatten geen namen of BSN's van
  deelnemers, en geen namen van coaches.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection

from rapportage.models import Programma
from trajecten.constants import Belemmering, Soort, Status
from trajecten.factories import (
    CoachFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    genereer_bsn,
)

pytestmark = pytest.mark.django_db

VOORNAAM = "Tsegereda"
ACHTERNAAM = "Gebremeskelova"
COACHNAAM = "Wilhelmina Coachbergen"
BEROEPSWENS = "Kapper in eigen salon"
ACTIEPLAN = "Eerst behandeling rugklachten afronden, daarna taalcursus B1"


@pytest.fixture(autouse=True)
def _verse_rapportagecache():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()


@pytest.fixture
def geplaatst(groningen):
    """Een geplaatste deelnemer in Groningen met een coach, een intake met de belemmering
    gezondheid, en een plaatsing bij een werkgever."""
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    coach = CoachFactory(naam=COACHNAAM, gemeenten=[groningen])
    traject = TrajectFactory(
        deelnemer__gemeente=groningen, deelnemer__voornaam=VOORNAAM,
        deelnemer__achternaam=ACHTERNAAM, deelnemer__bsn=genereer_bsn(),
        programma=vervolg, geplaatst=True, coach=coach,
    )
    IntakeFactory(
        traject=traject, beroepswens=BEROEPSWENS, actieplan=ACTIEPLAN,
        belemmeringen=[Belemmering.GEZONDHEID.value, Belemmering.TRAUMA.value],
    )
    werkgever = WerkgeverFactory(gemeente=groningen, naam="Kapsalon De Schaar")
    PlaatsingFactory(traject=traject, werkgever=werkgever, soort=Soort.BAAN)
    return traject


def _verboden_voor_coach_en_werkgever(traject) -> dict[str, str]:
    bsn = traject.deelnemer.bsn
    return {
        "BSN": bsn,
        "gemaskeerd BSN": traject.deelnemer.bsn_gemaskeerd,
        "belemmering gezondheid": str(Belemmering.GEZONDHEID.label),
        "belemmering trauma": str(Belemmering.TRAUMA.label),
        "actieplan": ACTIEPLAN,
    }


def _gevonden(html: str, verboden: dict[str, str]) -> list[str]:
    return [wat for wat, tekst in verboden.items() if tekst in html]


# --- coaches en werkgevers -------------------------------------------------------------------


def test_werkgeverpagina_toont_plaatsingen_zonder_bsn_of_belemmeringen(
    client, medewerker, geplaatst
):
    werkgever = geplaatst.plaatsingen.get().werkgever
    client.force_login(medewerker)

    html = client.get(f"/werkgevers/{werkgever.pk}/").content.decode()

    assert f"{VOORNAAM} {ACHTERNAAM}" in html  # de plaatsing staat er wel
    assert _gevonden(html, _verboden_voor_coach_en_werkgever(geplaatst)) == []


def test_coach_toewijzen_toont_geen_bsn_of_belemmeringen(client, medewerker, geplaatst):
    geplaatst.coach = None
    geplaatst.save(update_fields=["coach"])
    client.force_login(medewerker)

    html = client.get(f"/trajecten/{geplaatst.pk}/coach/").content.decode()

    assert COACHNAAM in html  # de coach staat bij de suggesties
    assert _gevonden(html, _verboden_voor_coach_en_werkgever(geplaatst)) == []


@pytest.mark.parametrize("pagina", ["wijzigen", "overzicht"])
def test_coach_in_de_admin_zonder_bsn_of_belemmeringen(client, beheerder, geplaatst, pagina):
    """De coachpagina toont de open trajecten van de coach (inline): alleen deelnemernummer,
    gemeente, status en startdatum, geen naam."""
    geplaatst.status = Status.ACTIEF  # open traject: staat in de inline
    geplaatst.save(update_fields=["status"])
    client.force_login(beheerder)
    pad = {
        "wijzigen": f"/admin/trajecten/coach/{geplaatst.coach_id}/change/",
        "overzicht": "/admin/trajecten/coach/",
    }[pagina]

    html = client.get(pad).content.decode()

    assert COACHNAAM in html
    if pagina == "wijzigen":
        assert f"/admin/trajecten/traject/{geplaatst.pk}/change/" in html  # in de inline
        assert VOORNAAM not in html and ACHTERNAAM not in html
    assert _gevonden(html, _verboden_voor_coach_en_werkgever(geplaatst)) == []


@pytest.mark.parametrize("pagina", ["wijzigen", "overzicht"])
def test_werkgever_in_de_admin_zonder_bsn_of_belemmeringen(
    client, beheerder, geplaatst, pagina
):
    werkgever = geplaatst.plaatsingen.get().werkgever
    client.force_login(beheerder)
    pad = {
        "wijzigen": f"/admin/trajecten/werkgever/{werkgever.pk}/change/",
        "overzicht": "/admin/trajecten/werkgever/",
    }[pagina]

    html = client.get(pad).content.decode()

    assert werkgever.naam in html
    assert _gevonden(html, _verboden_voor_coach_en_werkgever(geplaatst)) == []


# --- coördinatoren: alleen cijfers --------------------------------------------------------------


def _verboden_voor_coordinator(traject) -> dict[str, str]:
    return {
        "voornaam": VOORNAAM,
        "achternaam": ACHTERNAAM,
        "BSN": traject.deelnemer.bsn,
        "gemaskeerd BSN": traject.deelnemer.bsn_gemaskeerd,
        "v-nummer": traject.deelnemer.v_nummer,
        "naam van de coach": COACHNAAM,
        "beroepswens": BEROEPSWENS,
        "actieplan": ACTIEPLAN,
    }


def _xlsx_tekst(inhoud: bytes) -> str:
    werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True)
    return " ".join(
        str(waarde)
        for blad in werkmap.worksheets
        for rij in blad.iter_rows(values_only=True)
        for waarde in rij
        if waarde is not None
    )


@pytest.mark.parametrize(("wie", "pad"), [
    ("coordinator", "/rapportage/gemeente/GM0014/"),
    ("landelijk", "/rapportage/gemeente/GM0014/"),
    ("landelijk", "/rapportage/"),
])
def test_dashboards_tonen_cijfers_zonder_persoonsgegevens(client, request, geplaatst, wie, pad):
    client.force_login(request.getfixturevalue(wie))

    antwoord = client.get(pad, {"programma": geplaatst.programma_id})

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Groningen" in html
    gestart = antwoord.context["cijfers"]["kerncijfers"]["trajecten_gestart"]
    assert gestart == 1  # het dossier telt mee …
    assert _gevonden(html, _verboden_voor_coordinator(geplaatst)) == []  # … maar anoniem


@pytest.mark.parametrize("soort", ["csv", "xlsx"])
def test_exports_bevatten_cijfers_zonder_persoonsgegevens(client, coordinator, geplaatst, soort):
    client.force_login(coordinator)

    antwoord = client.get(f"/rapportage/export.{soort}", {"programma": geplaatst.programma_id})

    assert antwoord.status_code == 200
    tekst = (
        antwoord.content.decode("utf-8-sig") if soort == "csv" else _xlsx_tekst(antwoord.content)
    )
    assert "Groningen" in tekst
    assert _gevonden(tekst, _verboden_voor_coordinator(geplaatst)) == []


# --- een andere gemeente ziet niets van het dossier -------------------------------------------


def test_bsn_van_een_andere_gemeente_registreren_verraadt_het_dossier_niet(
    client, medewerker_emmen, emmen, geplaatst
):
    """Het BSN is landelijk uniek, dus de registratie wordt geweigerd; maar de medewerker van
    Emmen krijgt geen naam, gemeente of link naar het dossier in Groningen te zien."""
    client.force_login(medewerker_emmen)
    deelnemer = geplaatst.deelnemer

    antwoord = client.post("/deelnemers/nieuw/", {
        "voornaam": VOORNAAM, "achternaam": "Anders", "geboortedatum": "1990-01-01",
        "land_van_herkomst": "ER", "gemeente": emmen.pk, "bsn": deelnemer.bsn,
        "taalniveau": "a2", "opleidingsniveau": "mbo", "inburgering": "bezig",
    })

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Dit BSN kan hier niet worden gebruikt." in html
    assert "Er is al een deelnemer met dit BSN" not in html
    assert ACHTERNAAM not in html
    assert f"/deelnemers/{deelnemer.pk}/" not in html
    assert "Groningen" not in html
