"""Werkgevers als partner, in de browser (issue 16): een stage-café plannen, vastleggen wie er
was, een deelnemer voordragen op een vacature en hem plaatsen; op elke nieuwe pagina meet
axe-core de toegankelijkheid (WCAG 2.1 AA: geen overtreding serious of critical)."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from tests.browser.hulp import axe_overtredingen, beschrijf, sessie_voor
from trajecten.constants import Sector, Status, Taalniveau
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    IntakeFactory,
    TrajectFactory,
    WerkgeverFactory,
)
from trajecten.models import Bijeenkomst, Deelname, Plaatsing, SocialReturnAfspraak, Voordracht

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


def toegankelijk(page: Page, base_url: str) -> None:
    overtredingen = axe_overtredingen(page, base_url)
    assert not overtredingen, f"{page.url}\n{beschrijf(overtredingen)}"


def melding(page: Page, tekst: str):
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


@pytest.fixture
def situatie(groningen, medewerker, lopend_programma):
    werkgever = WerkgeverFactory(gemeente=groningen, naam="Brasserie De Kade",
                                 sector=Sector.HORECA, werkakkoord=True)
    deelnemer = DeelnemerFactory(gemeente=groningen, voornaam="Amanuel", achternaam="Tesfay",
                                 taalniveau=Taalniveau.B1)
    traject = TrajectFactory(
        deelnemer=deelnemer, programma=lopend_programma, status=Status.ACTIEF,
        aanmelddatum=VANDAAG - 60 * DAG, startdatum=VANDAAG - 50 * DAG,
        coach=CoachFactory(gemeenten=[groningen]), behandelaar=medewerker,
    )
    IntakeFactory(traject=traject, beroepswens="Kok in een restaurant", sector=Sector.HORECA,
                  datum=VANDAAG - 50 * DAG)
    SocialReturnAfspraak.objects.create(
        werkgever=werkgever, gemeente=groningen, contract="Catering stadhuis",
        aantal_plaatsingen=3, startdatum=VANDAAG - 200 * DAG, einddatum=VANDAAG + 20 * DAG)
    return {"werkgever": werkgever, "deelnemer": deelnemer, "traject": traject}


def test_stagecafe_aanwezigheid_voordragen_en_plaatsen(page: Page, live_server, medewerker,
                                                       situatie):
    werkgever, deelnemer = situatie["werkgever"], situatie["deelnemer"]
    sessie_voor(page.context, medewerker, live_server.url)

    # 1. Een stage-café plannen (vandaag).
    page.goto("/bijeenkomsten/")
    toegankelijk(page, live_server.url)
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    page.get_by_label("Soort").select_option("stagecafe")
    page.get_by_label("Titel").fill("Stage-café horeca")
    page.get_by_label("Datum").fill(VANDAAG.isoformat())
    page.get_by_label("Plaats").fill("Forum Groningen")
    page.get_by_label("Organisator").fill("Gemeente Groningen")
    toegankelijk(page, live_server.url)
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De bijeenkomst is gepland.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stage-café horeca")

    # 2. Achteraf vastleggen wie er was.
    page.get_by_label("Brasserie De Kade").check()
    page.get_by_label("Amanuel Tesfay").check()
    toegankelijk(page, live_server.url)
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    melding(page, "De aanwezigheid is vastgelegd.")
    expect(page.locator("#aanwezige-werkgevers")).to_contain_text("Brasserie De Kade")
    expect(page.locator("#aanwezige-deelnemers")).to_contain_text("Amanuel Tesfay")
    bijeenkomst = Bijeenkomst.objects.get()
    assert Deelname.objects.filter(bijeenkomst=bijeenkomst, deelnemer=deelnemer).exists()

    # 3. Op de werkgeverpagina: social return achter op schema; een vacature registreren.
    page.goto(f"/werkgevers/{werkgever.pk}/")
    expect(page.locator("#social-return")).to_contain_text("achter op schema")
    expect(page.locator("#bijeenkomsten")).to_contain_text("Stage-café horeca")
    toegankelijk(page, live_server.url)
    page.get_by_role("link", name="Vacature of stageplaats registreren").click()
    page.get_by_label("Functie").fill("Kok")
    page.get_by_label("Uren per week").fill("32")
    page.get_by_label("Taalniveau Nederlands nodig").select_option("a2")
    page.get_by_label("Open tot").fill((VANDAAG + 30 * DAG).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De vacature is geregistreerd.")

    # 4. De passende deelnemer, met de reden, voordragen.
    kandidaten = page.locator("#kandidaten")
    expect(kandidaten).to_contain_text("Amanuel Tesfay")
    expect(kandidaten).to_contain_text("beroepswens ‘Kok in een restaurant’ past bij de functie")
    expect(kandidaten).to_contain_text("taalniveau B1 (gevraagd: A2)")
    toegankelijk(page, live_server.url)
    page.get_by_role("button", name="Amanuel Tesfay voordragen").click()
    melding(page, "Amanuel Tesfay is voorgedragen.")
    expect(page.locator("#voordrachten")).to_contain_text("Voorgedragen")
    expect(kandidaten).not_to_contain_text("Amanuel Tesfay")

    # 5. Gesprek, dan aangenomen: het plaatsingsformulier staat ingevuld klaar.
    page.get_by_role("link", name="Verloop bijwerken voor Amanuel Tesfay").click()
    toegankelijk(page, live_server.url)
    page.get_by_label("gesprek").check()
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De voordracht staat nu op ‘gesprek’.")
    page.get_by_role("link", name="Verloop bijwerken voor Amanuel Tesfay").click()
    page.get_by_label("aangenomen").check()
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De deelnemer is aangenomen.")
    expect(page.get_by_label("Functie")).to_have_value("Kok")
    expect(page.get_by_label("Uren per week")).to_have_value("32")
    expect(page.get_by_label("Werkgever", exact=True)).to_have_value(str(werkgever.pk))
    page.get_by_label("Via bijeenkomst").select_option(str(bijeenkomst.pk))
    page.get_by_label("Startdatum").fill(VANDAAG.isoformat())
    page.get_by_label("Contractvorm").select_option("bepaalde_tijd")
    toegankelijk(page, live_server.url)
    page.get_by_role("button", name="Plaatsing registreren").click()
    melding(page, "De plaatsing is geregistreerd.")

    # 6. Het dossier: de plaatsing en de bijeenkomst op de tijdlijn.
    tijdlijn = page.locator("#tijdlijn")
    expect(tijdlijn).to_contain_text("Bijeenkomst: stage-café")
    expect(tijdlijn).to_contain_text("Kok bij Brasserie De Kade")
    plaatsing = Plaatsing.objects.get(traject=situatie["traject"])
    assert (plaatsing.vacature.functie, plaatsing.bijeenkomst) == ("Kok", bijeenkomst)
    assert Voordracht.objects.get().status == Voordracht.Status.AANGENOMEN

    # De overige nieuwe pagina's.
    for pad in ("/vacatures/", "/werkgevers/social-return/", f"/werkgevers/{werkgever.pk}/relatie/",
                f"/werkgevers/{werkgever.pk}/contact/", f"/deelnemers/{deelnemer.pk}/bijeenkomst/"):
        page.goto(pad)
        toegankelijk(page, live_server.url)
