"""Geen verloren werk door de time-out van de sessie, in een echte browser (met de CSP aan).

De inactiviteitstermijn is hier seconden in plaats van dertig minuten (`SESSIE_INACTIEF_SECONDEN`
in de instellingen); de melding komt dan na de helft van de termijn, en typen verlengt hooguit
eens per kwart ervan (gemeenten/beveiliging.py, `sessietijden`).

1. Vóór de time-out verschijnt de melding (alertdialog, focus op "Blijf ingelogd"); Enter verlengt
   de sessie, Escape niet: dan is de sessie na de termijn voorbij.
2. Wie typt, blijft ingelogd: een intake die langer wordt getypt dan de termijn, wordt opgeslagen.
3. Verloopt de sessie toch, dan komt de invoer na het opnieuw inloggen terug in het formulier,
   via de knop van het formulier of via "Opnieuw inloggen" in de melding.
4. De twaalfurengrens na het inloggen staat in de melding en wordt niet verlengd.
"""

from __future__ import annotations

import time
from importlib import import_module

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from gemeenten.beveiliging import LAATSTE_ACTIVITEIT, SESSIE_BEGIN
from tests.browser.hulp import WACHTWOORD, axe_overtredingen, beschrijf, sessie_voor
from trajecten.factories import TrajectFactory
from trajecten.models import Intake

VERLENGEN = "/sessie/verlengen/"


def sessie_van(page: Page):
    """De sessie van de server achter het cookie van de browser."""
    sleutel = next(
        c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME
    )
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=sleutel)


def zet_sessie(page: Page, **waarden) -> None:
    sessie = sessie_van(page)
    sessie.update(waarden)
    sessie.save()


def wacht_tot(tijdstip: float) -> None:
    time.sleep(max(tijdstip - time.time(), 0))


def laatste_activiteit_na(page: Page, tijdstip: int, *, binnen: float = 5) -> bool:
    """Of de server binnen `binnen` seconden een latere activiteit dan `tijdstip` bewaart."""
    einde = time.time() + binnen
    while time.time() < einde:
        if sessie_van(page)[LAATSTE_ACTIVITEIT] > tijdstip:
            return True
        time.sleep(0.1)
    return False


def opnieuw_inloggen(page: Page, gebruikersnaam: str) -> None:
    """Het inlogformulier waar de browser nu staat (met `?next=` naar het formulier)."""
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.fixture
def traject(groningen, lopend_programma):
    return TrajectFactory(
        deelnemer__gemeente=groningen, programma=lopend_programma, gestart=True
    )


def melding(page: Page):
    return page.get_by_role("alertdialog")


def melding_zegt(page: Page, tekst: str, **kwargs) -> None:
    """De melding toont `tekst` (de teksten van de andere toestanden staan verborgen in de DOM)."""
    expect(melding(page)).to_contain_text(tekst, use_inner_text=True, **kwargs)


@pytest.mark.parametrize("verlengen", [True, False], ids=["blijf-ingelogd", "weggeklikt"])
def test_de_melding_komt_voor_de_time_out_en_blijf_ingelogd_verlengt_de_sessie(
    page: Page, live_server, medewerker, settings, verlengen
):
    settings.SESSIE_INACTIEF_SECONDEN = 8  # melding na 4 seconden
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto("/werkvoorraad/")
    ingelogd = sessie_van(page)[LAATSTE_ACTIVITEIT]
    expect(melding(page)).to_be_hidden()

    expect(melding(page)).to_be_visible(timeout=8000)
    melding_zegt(page, "U wordt bijna uitgelogd")
    knop = page.get_by_role("button", name="Blijf ingelogd")
    expect(knop).to_be_focused()
    overtredingen = axe_overtredingen(page, live_server.url)
    assert not overtredingen, beschrijf(overtredingen)

    page.keyboard.press("Enter" if verlengen else "Escape")
    expect(melding(page)).to_be_hidden()
    assert laatste_activiteit_na(page, ingelogd, binnen=2 if not verlengen else 5) is verlengen

    # Twee seconden na de oorspronkelijke grens: alleen een verlengde sessie loopt nog.
    wacht_tot(ingelogd + 8 + 2)
    page.reload()
    if verlengen:
        expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    else:
        assert "/accounts/login/" in page.url
        expect(page.get_by_role("status")).to_contain_text("te lang niet actief")


def test_wie_typt_blijft_ingelogd_en_de_intake_wordt_opgeslagen(
    page: Page, live_server, medewerker, settings, traject
):
    settings.SESSIE_INACTIEF_SECONDEN = 6  # typen verlengt hooguit eens per seconde
    verzoeken: list[str] = []
    page.on("request", lambda r: verzoeken.append(r.url) if VERLENGEN in r.url else None)
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto(f"/trajecten/{traject.pk}/intake/")
    begin = time.time()
    page.get_by_label("Beroepswens", exact=True).fill("Heftruckchauffeur")
    actieplan = page.get_by_label("Individueel actieplan")

    # Twee keer zo lang typen als de termijn, zoals een intake van 40 minuten tegen 30.
    stappen = 0
    while time.time() - begin < 12:
        actieplan.press_sequentially(f"Stap {stappen}. ", delay=20)
        expect(melding(page)).to_be_hidden()
        page.wait_for_timeout(700)
        stappen += 1
    assert 4 <= len(verzoeken) <= 12 + 1, verzoeken  # wel verlengd, niet bij elke toets
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("status").filter(has_text="De intake is vastgelegd")).to_be_visible()
    intake = Intake.objects.get(traject=traject)
    assert intake.beroepswens == "Heftruckchauffeur"
    assert intake.actieplan.startswith("Stap 0. Stap 1.")
    assert f"Stap {stappen - 1}." in intake.actieplan


@pytest.mark.parametrize("via", ["opslaan", "opnieuw-inloggen"])
def test_na_een_verlopen_sessie_komt_de_invoer_terug_in_het_formulier(
    page: Page, live_server, medewerker, settings, traject, via
):
    settings.SESSIE_INACTIEF_SECONDEN = 4
    sessie_voor(page.context, medewerker, live_server.url)
    page.goto(f"/trajecten/{traject.pk}/intake/")
    page.get_by_label("Beroepswens", exact=True).fill("Verzorgende IG")
    page.get_by_label("taal", exact=True).check()
    page.get_by_label("Individueel actieplan").fill("Eerst de taalcursus, dan een stage.")

    # De gebruiker typt niet verder: de sessie verloopt, de melding zegt het.
    melding_zegt(page, "Uw sessie is verlopen", timeout=15_000)
    expect(page.get_by_role("link", name="Opnieuw inloggen")).to_be_focused()
    if via == "opslaan":
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Opslaan").click()
    else:
        page.get_by_role("link", name="Opnieuw inloggen").click()

    # Naar het inloggen; opgeslagen is er niets, maar de invoer is in dit tabblad bewaard.
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert not Intake.objects.filter(traject=traject).exists()
    settings.SESSIE_INACTIEF_SECONDEN = 30 * 60
    opnieuw_inloggen(page, medewerker.username)

    expect(page).to_have_url(f"{live_server.url}/trajecten/{traject.pk}/intake/")
    teruggezet = page.get_by_role("status").filter(has_text="staat weer in het formulier")
    expect(teruggezet).to_be_visible()
    expect(teruggezet).to_be_focused()
    expect(page.get_by_label("Beroepswens", exact=True)).to_have_value("Verzorgende IG")
    expect(page.get_by_label("taal", exact=True)).to_be_checked()
    expect(page.get_by_label("Individueel actieplan")).to_have_value(
        "Eerst de taalcursus, dan een stage."
    )
    assert page.evaluate("sessionStorage.length") == 0  # de invoer staat nergens meer apart

    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").filter(has_text="De intake is vastgelegd")).to_be_visible()
    # De pagina na de opslag is helemaal geladen (zijn scripts hebben gedraaid): het concept dat
    # bij het versturen werd bewaard, is daar gewist.
    page.wait_for_load_state("load")
    assert page.evaluate("sessionStorage.length") == 0
    intake = Intake.objects.get(traject=traject)
    assert (intake.beroepswens, intake.actieplan) == (
        "Verzorgende IG", "Eerst de taalcursus, dan een stage."
    )
    page.goto(f"/trajecten/{traject.pk}/intake/")  # niets meer om terug te zetten
    expect(page.locator("#concept-teruggezet")).to_be_hidden()


def test_de_twaalfurengrens_staat_in_de_melding_en_wordt_niet_verlengd(
    page: Page, live_server, medewerker, settings
):
    settings.SESSIE_INACTIEF_SECONDEN = 6
    sessie_voor(page.context, medewerker, live_server.url)
    nu = int(time.time())
    # Over acht seconden is het twaalf uur na het inloggen.
    zet_sessie(page, **{SESSIE_BEGIN: nu - 12 * 3600 + 8, LAATSTE_ACTIVITEIT: nu})
    page.goto("/werkvoorraad/")

    # Eerst komt de inactiviteitsgrens; de melding noemt ook de twaalfurengrens die erna komt.
    melding_zegt(page, "U wordt bijna uitgelogd", timeout=8000)
    melding_zegt(page, "eindigt uw sessie hoe dan ook, twaalf uur na")
    page.get_by_role("button", name="Blijf ingelogd").click()
    expect(melding(page)).to_be_hidden()

    # Daarna komt de twaalfurengrens eerst; die kan niemand verlengen.
    melding_zegt(page, "Uw sessie eindigt bijna", timeout=8000)
    melding_zegt(page, "twaalf uur ingelogd")
    expect(page.get_by_role("button", name="Blijf ingelogd")).to_be_hidden()
    sluiten = page.get_by_role("button", name="Melding sluiten")
    expect(sluiten).to_be_focused()
    tijden = page.evaluate(
        """url => fetch(url, {method: 'POST', headers: {'X-CSRFToken':
            document.getElementById('sessie-melding').dataset.csrf}}).then(r => r.json())""",
        VERLENGEN,
    )
    assert tijden["absoluut"] <= 3 < tijden["inactief"]
    sluiten.click()
    expect(melding(page)).to_be_hidden()

    melding_zegt(page, "Uw sessie is verlopen", timeout=8000)
    page.reload()
    assert "/accounts/login/" in page.url
    expect(page.get_by_role("status")).to_contain_text("na twaalf uur verlopen")
