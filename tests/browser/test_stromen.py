"""De belangrijkste stromen, zoals een gebruiker ze in de browser doorloopt.

1. Een medewerker logt in (met MFA: hij koppelt een authenticator-app en typt de code),
   registreert een deelnemer, start een traject, legt de intake vast, wijst een coach toe en
   registreert een plaatsing.
2. De coördinator van de gemeente ziet die plaatsing op het gemeentedashboard en downloadt
   de CSV, waarin de rij van de gemeente de plaatsing telt.
3. Een beheerder voegt in de admin een coach met VOG toe; die coach is daarna te kiezen bij
   het toewijzen van een coach in een dossier.
4. Alleen het toetsenbord: het registratieformulier is met Tab, typen en Enter in te vullen.
"""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.browser.hulp import geheim_van, inloggen, sessie_voor, totp_code
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    TrajectFactory,
    genereer_bsn,
)
from trajecten.models import Coach, Deelnemer, Plaatsing, Traject


@pytest.fixture
def coach_groningen(groningen):
    return CoachFactory(naam="Marieke de Vries", gemeenten=[groningen], talen=["nl", "ar"])


def melding(page: Page, tekst: str):
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


@pytest.mark.mfa
def test_medewerker_registreert_en_plaatst_en_coordinator_ziet_het_op_dashboard_en_in_csv(
    page: Page, new_context, medewerker, coordinator, coach_groningen, lopend_programma
):
    # --- 1. Inloggen: wachtwoord, daarna de authenticator-app koppelen (MFA is verplicht).
    inloggen(page, medewerker.username)
    expect(page.get_by_role("heading", name="Tweede factor instellen")).to_be_visible()
    page.get_by_role("button", name="Volgende").click()
    geheim = page.locator("code").inner_text()
    page.get_by_label("Token").fill(totp_code(geheim))
    page.get_by_role("button", name="Volgende").click()
    # Gekoppeld: door naar waar hij heen wilde, de startpagina (= zijn werkvoorraad).
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    assert TOTPDevice.objects.filter(user=medewerker, confirmed=True).count() == 1

    # --- Deelnemer registreren.
    page.get_by_role("link", name="Deelnemer registreren").click()
    page.get_by_label("Voornaam").fill("Rania")
    page.get_by_label("Achternaam").fill("Haddad")
    page.get_by_label("Geboortedatum").fill("1991-04-17")
    page.get_by_label("Land van herkomst").select_option(label="Syrië")
    page.get_by_label("Arabisch").check()
    page.get_by_label("Datum toestemming").fill(datetime.date.today().isoformat())
    page.get_by_role("button", name="Registreren").click()
    melding(page, "De deelnemer is geregistreerd.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rania Haddad")
    deelnemer = Deelnemer.objects.get(voornaam="Rania", achternaam="Haddad")
    assert deelnemer.gemeente.cbs_code == "GM0014"
    assert str(deelnemer.pk) in page.url and "Haddad" not in page.url

    # --- Traject starten (programma en uitvoerder staan goed voor-ingevuld).
    page.get_by_role("link", name="Traject starten").click()
    expect(page.get_by_label("Programma")).to_have_value(str(lopend_programma.pk))
    page.get_by_role("button", name="Traject starten").click()
    melding(page, "Het traject is gestart")

    # --- Intake vastleggen.
    page.get_by_role("link", name="Intake vastleggen").first.click()
    page.get_by_label("Beroepswens", exact=True).fill("Verpleegkundige")
    page.get_by_label("taal", exact=True).check()
    page.get_by_label("Actieplan").fill("Taalcursus B1, daarna een werkervaringsplaats.")
    page.get_by_role("button", name="Intake opslaan").click()
    melding(page, "De intake is vastgelegd.")
    expect(page.locator("#intake")).to_contain_text("Verpleegkundige")

    # --- Coach toewijzen: de coach met VOG in Groningen staat bovenaan, met de reden.
    page.get_by_role("link", name="Coach toewijzen").click()
    keuze = page.get_by_label("Marieke de Vries")
    expect(page.locator(".app-suggestie").first).to_contain_text("spreekt Arabisch")
    keuze.check()
    page.get_by_role("button", name="Coach toewijzen").click()
    melding(page, "De coach is toegewezen.")
    expect(page.locator("#traject")).to_contain_text("Marieke de Vries")

    # --- Plaatsing registreren: een baan bij een nieuwe werkgever, vandaag begonnen.
    page.get_by_role("link", name="Plaatsing registreren").click()
    page.get_by_label("Soort", exact=True).select_option(label="baan")
    page.get_by_label("Naam nieuwe werkgever").fill("Zorggroep Noorderpoort")
    page.get_by_label("Sector nieuwe werkgever").select_option(label="zorg en welzijn")
    page.get_by_label("Functie").fill("Helpende zorg")
    page.get_by_label("Startdatum").fill(datetime.date.today().isoformat())
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Contractvorm").select_option(label="bepaalde tijd")
    page.get_by_role("button", name="Plaatsing registreren").click()
    melding(page, "De plaatsing is geregistreerd.")
    expect(page.locator("#plaatsingen")).to_contain_text("Zorggroep Noorderpoort")

    traject = Traject.objects.get(deelnemer=deelnemer)
    assert traject.coach == coach_groningen
    assert traject.startdatum is not None
    assert Plaatsing.objects.filter(traject=traject, soort="baan").count() == 1

    # --- 2. De coördinator van Groningen (met een gekoppelde app) logt in met wachtwoord en
    # code en ziet de plaatsing meetellen op het gemeentedashboard.
    apparaat = TOTPDevice.objects.create(user=coordinator, name="default", confirmed=True)
    coordinator_pagina = new_context().new_page()
    inloggen(coordinator_pagina, coordinator.username, volgende="/rapportage/gemeente/GM0014/")
    geheim_coordinator = geheim_van(apparaat.bin_key)
    coordinator_pagina.get_by_label("Token").fill(totp_code(geheim_coordinator))
    coordinator_pagina.get_by_role("button", name="Code controleren").click()
    expect(coordinator_pagina.get_by_role("heading", level=1)).to_have_text("Rapportage Groningen")
    rij = coordinator_pagina.get_by_role("row").filter(
        has=coordinator_pagina.get_by_role("rowheader", name="Personen geplaatst", exact=True)
    )
    expect(rij.get_by_role("cell").first).to_have_text("1")

    with coordinator_pagina.expect_download() as download_info:
        coordinator_pagina.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    inhoud = download.path().read_text(encoding="utf-8")
    groningen = next(r for r in csv.DictReader(io.StringIO(inhoud)) if r["cbs_code"] == "GM0014")
    assert int(groningen["personen_geplaatst"]) >= 1
    assert int(groningen["trajecten_gestart"]) >= 1
    assert "Haddad" not in inhoud  # alleen aggregaten, geen namen


def test_beheerder_voegt_coach_met_vog_toe_en_die_is_daarna_toe_te_wijzen(
    page: Page, new_context, live_server, beheerder, medewerker, groningen, lopend_programma
):
    traject = TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen, talen=["ti"]),
        programma=lopend_programma, gestart=True,
    )
    CoachFactory(naam="Piet Zonder VOG", gemeenten=[groningen], zonder_vog=True)
    # Een coach zonder VOG telt niet: er is niemand te kiezen.
    medewerker_pagina = new_context().new_page()
    sessie_voor(medewerker_pagina.context, medewerker, live_server.url)
    medewerker_pagina.goto(f"/trajecten/{traject.pk}/coach/")
    geen_coach = medewerker_pagina.get_by_text("Er is op dit moment geen coach beschikbaar")
    expect(geen_coach).to_be_visible()

    # De beheerder logt in en voegt in de admin een coach toe.
    inloggen(page, beheerder.username, volgende="/admin/")
    page.get_by_role("link", name="Coaches").first.click()
    page.get_by_role("link", name=re.compile("coach toevoegen", re.I)).click()
    page.locator("#id_naam").fill("Yonas Tesfay")
    page.locator("#id_email").fill("yonas@example.org")
    page.locator("#id_gemeenten_from").select_option(label="Groningen")
    page.locator("#id_gemeenten_add").click()
    page.locator("#id_vog_datum").fill(
        (datetime.date.today() - datetime.timedelta(days=30)).strftime("%Y-%m-%d")
    )
    page.locator("#id_talen").get_by_label("Tigrinya").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Yonas Tesfay")
    coach = Coach.objects.get(naam="Yonas Tesfay")
    assert coach.heeft_geldige_vog()
    assert list(coach.gemeenten.values_list("cbs_code", flat=True)) == ["GM0014"]

    # De medewerker ziet hem nu als suggestie, met de gedeelde taal als reden, en wijst hem toe.
    medewerker_pagina.reload()
    suggestie = medewerker_pagina.locator(".app-suggestie").filter(has_text="Yonas Tesfay")
    expect(suggestie).to_contain_text("Tigrinya")
    expect(medewerker_pagina.get_by_text("Piet Zonder VOG")).to_have_count(0)
    medewerker_pagina.get_by_label("Yonas Tesfay").check()
    medewerker_pagina.get_by_role("button", name="Coach toewijzen").click()
    expect(medewerker_pagina.locator("#traject")).to_contain_text("Yonas Tesfay")
    traject.refresh_from_db()
    assert traject.coach == coach


def test_registreren_kan_met_alleen_het_toetsenbord(page: Page, live_server, medewerker):
    """Tab gaat in de volgorde van het scherm langs elk veld, typen vult het in, spatie zet een
    vinkje, Enter op de knop verstuurt. Geen enkele muisklik."""
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto("/deelnemers/nieuw/")
    bsn = genereer_bsn()
    jaar = datetime.date.today().year
    # Dag en maand gelijk: de volgorde van de datumsegmenten hangt af van de taal van de
    # browser, dit werkt in elke volgorde. Typen in een keuzelijst kiest de passende optie.
    invoer = {
        "id_voornaam": "Semhar",
        "id_achternaam": "Tesfay",
        "id_geboortedatum": "03031994",
        "id_land_van_herkomst": "Eritrea",
        "id_bsn": bsn,
        "id_telefoon": "0612345678",
        "id_datum_verblijfsvergunning": f"0202{jaar - 2}",
        "id_taalniveau": "A2",
        "id_opleidingsniveau": "mbo",
        "id_inburgering": "bezig",
        "id_toestemming_datum": f"0101{jaar}",
    }
    vinkjes = {"Tigrinya", "Engels"}

    def focus() -> str:
        return page.evaluate("document.activeElement.id")

    def tab() -> str:
        # Een datumveld heeft drie segmenten (dag, maand, jaar): Tab gaat eerst daarlangs.
        voor = focus()
        for _ in range(3):
            page.keyboard.press("Tab")
            if focus() != voor or not voor:
                break
        return focus()

    # De velden van het formulier in schermvolgorde, zoals de browser ze kent.
    velden = page.evaluate(
        """() => Array.from(document.querySelectorAll('main form.app-formulier')[0].elements)
            .filter(e => e.tagName !== 'FIELDSET' && e.type !== 'hidden' && !e.disabled)
            .map(e => e.id || e.textContent.trim())"""
    )
    assert velden[0] == "id_voornaam" and velden[-1] == "Registreren", velden

    # Vanaf het begin van de pagina met Tab naar het eerste veld (langs skiplink en menu).
    for _ in range(30):
        if tab() == "id_voornaam":
            break
    for verwacht in velden[:-1]:
        assert focus() == verwacht, f"Tab springt naar {focus()!r}, verwacht {verwacht!r}"
        label = page.evaluate("document.activeElement.labels?.[0]?.textContent.trim() ?? ''")
        if verwacht in invoer:
            page.keyboard.type(invoer[verwacht])
        elif label in vinkjes:
            page.keyboard.press("Space")
        tab()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Registreren"
    page.keyboard.press("Enter")

    melding(page, "De deelnemer is geregistreerd.")
    deelnemer = Deelnemer.objects.get(voornaam="Semhar", achternaam="Tesfay")
    assert deelnemer.geboortedatum == datetime.date(1994, 3, 3)
    assert deelnemer.land_van_herkomst.code == "ER"
    assert deelnemer.gemeente.cbs_code == "GM0014"
    assert deelnemer.bsn == bsn
    assert deelnemer.telefoon == "0612345678"
    assert deelnemer.datum_verblijfsvergunning == datetime.date(jaar - 2, 2, 2)
    assert (deelnemer.taalniveau, deelnemer.opleidingsniveau, deelnemer.inburgering) == (
        "a2", "mbo", "bezig"
    )
    assert sorted(deelnemer.talen) == ["en", "ti"]
    assert deelnemer.toestemming_datum == datetime.date(jaar, 1, 1)
