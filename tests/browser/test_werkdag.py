"""De dag van een klantmanager, in de browser.

1. De werkvoorraad, het langst over tijd bovenaan; de afspraak van vandaag wordt gehouden en
   het verslag wordt een contactmoment.
2. Een baan zet het traject (in intake) op 'geplaatst' en plant drie nazorgafspraken; daarna
   gaat het dossier naar een collega, wat de tijdlijn laat zien.
3. Alle coaches zitten vol: het traject gaat op de wachtlijst en staat in de werkvoorraad.
4. Zoeken zonder accenten, zonder dat de naam in de adresbalk komt.
"""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from tests.browser.hulp import sessie_voor
from trajecten.constants import AfspraakSoort, AfspraakStatus, ContactSoort, Status
from trajecten.factories import (
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    TrajectFactory,
)
from trajecten.models import Afspraak, Contactmoment, Traject

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


def melding(page: Page, tekst: str):
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


@pytest.fixture
def traject(groningen, medewerker, lopend_programma):
    def maak(achternaam, voornaam="Test", **velden):
        velden.setdefault("behandelaar", medewerker)
        velden.setdefault("status", Status.ACTIEF)
        velden.setdefault("aanmelddatum", VANDAAG - 40 * DAG)
        if velden["status"] != Status.AANGEMELD:
            velden.setdefault("startdatum", VANDAAG - 30 * DAG)
            if "coach" not in velden:
                velden["coach"] = CoachFactory(gemeenten=[groningen])
        t = TrajectFactory(
            deelnemer=DeelnemerFactory(gemeente=groningen, voornaam=voornaam,
                                       achternaam=achternaam),
            programma=lopend_programma, **velden,
        )
        if velden["status"] != Status.AANGEMELD:
            ContactmomentFactory(traject=t, datum=VANDAAG - 3 * DAG)
        return t

    return maak


def test_werkvoorraad_op_urgentie_en_een_afspraak_wordt_een_contact(
    page: Page, live_server, medewerker, traject
):
    wacht = traject("Wachter", coach=None, wachtlijst_sinds=VANDAAG - 50 * DAG)
    intake = traject("Laatkomer", status=Status.AANGEMELD, aanmelddatum=VANDAAG - 40 * DAG)
    vandaag = traject("Afspraakmaker")
    afspraak = AfspraakFactory(traject=vandaag, medewerker=medewerker, datum=VANDAAG,
                               soort=AfspraakSoort.GESPREK, tijd=datetime.time(9, 0),
                               notitie="Cv doornemen")
    sessie_voor(page.context, medewerker, live_server.url)

    page.goto("/werkvoorraad/")
    rijen = page.locator("table.app-werkvoorraad tbody tr")
    expect(rijen).to_have_count(3)
    expect(rijen.nth(0)).to_contain_text("Wachter")
    expect(rijen.nth(0)).to_contain_text("50")
    expect(rijen.nth(1)).to_contain_text("Laatkomer")
    expect(rijen.nth(1)).to_contain_text("Intake te laat")
    expect(rijen.nth(2)).to_contain_text("Afspraakmaker")
    expect(rijen.nth(2)).to_contain_text("vandaag")
    assert wacht and intake

    # De afspraak van vandaag is gehouden: het contactformulier, voorgevuld.
    rijen.nth(2).get_by_role("link", name="Verslag vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Afspraak gehouden: verslag")
    expect(page.get_by_label("Soort contact")).to_have_value("gesprek")
    expect(page.get_by_label("Datum")).to_have_value(VANDAAG.isoformat())
    expect(page.get_by_label("Verslag")).to_have_value("Cv doornemen")
    page.get_by_label("Verslag").fill("Cv doorgenomen; twee vacatures in de zorg gevonden.")
    page.get_by_role("button", name="Verslag vastleggen").click()
    melding(page, "de afspraak staat op ‘gehouden’")
    expect(page.locator("#tijdlijn")).to_contain_text("twee vacatures in de zorg")

    afspraak.refresh_from_db()
    contact = Contactmoment.objects.get(afspraak=afspraak)
    assert (afspraak.status, contact.soort) == (AfspraakStatus.GEHOUDEN, ContactSoort.GESPREK)
    page.goto("/werkvoorraad/")
    expect(page.locator("table.app-werkvoorraad tbody tr")).to_have_count(2)


def test_baan_zet_status_plant_nazorg_en_het_dossier_gaat_naar_een_collega(
    page: Page, live_server, medewerker, groningen, traject
):
    collega = LidmaatschapFactory(
        user__first_name="Sanne", user__last_name="de Boer", gemeente=groningen,
        rol=Rol.MEDEWERKER,
    ).user
    t = traject("Haddad", voornaam="Rania", status=Status.INTAKE)
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto(f"/deelnemers/{t.deelnemer_id}/")
    page.get_by_role("link", name="Plaatsing registreren").click()
    page.get_by_label("Soort", exact=True).select_option(label="baan")
    page.get_by_label("Naam nieuwe werkgever").fill("Zorggroep Noorderpoort")
    page.get_by_label("Sector nieuwe werkgever").select_option(label="zorg en welzijn")
    page.get_by_label("Startdatum").fill(VANDAAG.isoformat())
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Contractvorm").select_option(label="bepaalde tijd")
    page.get_by_role("button", name="Plaatsing registreren").click()
    melding(page, "Het traject staat nu op ‘geplaatst’.")
    melding(page, "Er zijn 3 nazorgafspraken gepland")
    nazorg = page.locator("#afspraken tbody tr")
    expect(nazorg).to_have_count(3)
    for maanden in ("na 1 maand", "na 3 maanden", "na 6 maanden"):
        expect(page.locator("#afspraken")).to_contain_text(maanden)
    t.refresh_from_db()
    assert t.status == Status.GEPLAATST
    assert Afspraak.objects.filter(traject=t, soort=AfspraakSoort.NAZORG).count() == 3

    # Overdragen aan een collega: in de tijdlijn, en de nazorg staat in haar agenda.
    page.get_by_role("link", name="Overdragen").click()
    page.get_by_label("Nieuwe behandelaar").select_option(label="Sanne de Boer")
    page.get_by_role("button", name="Overdragen").click()
    melding(page, "Het traject is overgedragen aan Sanne de Boer.")
    expect(page.locator("#tijdlijn")).to_contain_text("Behandelaar: Sanne de Boer")
    expect(page.locator("#traject")).to_contain_text("Sanne de Boer")
    assert Afspraak.objects.filter(traject=t, medewerker=collega).count() == 3
    # Niet meer in 'Mijn dossiers' van de medewerker, wel onder 'Alle dossiers'.
    page.goto("/deelnemers/")
    expect(page.get_by_role("link", name="Haddad, Rania")).to_have_count(0)
    page.get_by_role("link", name="Alle dossiers van mijn gemeente(n)").click()
    expect(page.get_by_role("link", name="Haddad, Rania")).to_be_visible()


def test_alle_coaches_vol_dan_de_wachtlijst(page: Page, live_server, medewerker, groningen,
                                           traject):
    vol = CoachFactory(gemeenten=[groningen], naam="Volle Coach", max_deelnemers=1)
    traject("Begeleid", coach=vol)
    t = traject("Wachtend", coach=None, status=Status.INTAKE)
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto("/werkvoorraad/")
    expect(page.locator("table.app-werkvoorraad")).to_contain_text("Zonder (geldige) coach")
    page.get_by_role("link", name="Coach toewijzen").click()
    expect(page.get_by_text("Er is op dit moment geen coach beschikbaar")).to_be_visible()
    page.get_by_role("button", name="Op de wachtlijst zetten").click()
    melding(page, "staat op de wachtlijst voor een coach")
    expect(page.locator("#traject")).to_contain_text(
        f"op de wachtlijst sinds {VANDAAG:%d-%m-%Y}"
    )
    page.goto("/werkvoorraad/")
    regel = page.locator("table.app-werkvoorraad tbody tr").filter(has_text="Wachtend")
    expect(regel).to_contain_text("Wacht op een coach")
    expect(regel.get_by_role("link", name="Coach zoeken")).to_be_visible()
    t.refresh_from_db()
    assert t.wachtlijst_sinds == VANDAAG


def test_zoeken_zonder_accenten_en_zonder_naam_in_de_adresbalk(page: Page, live_server,
                                                               medewerker, traject):
    traject("Çelik", voornaam="Şükrü")
    traject("Ahmadi", voornaam="Fatima")
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto("/deelnemers/")
    page.get_by_label("Zoek op naam of v-nummer").fill("celik")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("link", name="Çelik, Şükrü")).to_be_visible()
    expect(page.get_by_role("link", name="Ahmadi, Fatima")).to_have_count(0)
    assert "celik" not in page.url.lower() and "zoekopdracht=" in page.url
    # Sorteren houdt de zoekopdracht vast, nog steeds zonder naam in de URL.
    page.get_by_role("link", name=re.compile("^Geboortedatum")).click()
    expect(page.get_by_role("link", name="Çelik, Şükrü")).to_be_visible()
    assert "celik" not in page.url.lower() and "o=geboortedatum" in page.url
    page.get_by_label("Zoek op naam of v-nummer").fill("Ahmadi, Fatima")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("link", name="Ahmadi, Fatima")).to_be_visible()
    assert "ahmadi" not in page.url.lower()
    assert Traject.objects.count() == 2
