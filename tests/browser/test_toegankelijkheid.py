"""Toegankelijkheid (WCAG 2.1 AA) van de hoofdpagina's, gemeten met axe-core in Chromium.

Elke pagina hieronder wordt geladen zoals een gebruiker met die rol hem ziet; formulieren ook
nog eens nadat ze leeg (of fout) zijn verstuurd, met foutmeldingen erop. De eis: geen enkele
overtreding met impact *serious* of *critical* (regels van WCAG 2.0/2.1 A en AA en axe's best
practices). Daarnaast mag de browser geen fouten melden: geen JavaScript-fout en niets dat de
Content-Security-Policy tegenhoudt (geen inline script of stijl). En op 320 CSS-pixels breed
(WCAG 1.4.10, reflow) scrolt geen pagina opzij.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.hulp import axe_overtredingen, beschrijf, sessie_voor
from trajecten.constants import Soort
from trajecten.factories import (
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
)

FOUTOVERZICHT = "Er is niets opgeslagen. Controleer het volgende:"
#: De elementen die buiten het scherm uitsteken en zelf niet scrollen (voor de foutmelding).
TE_BREED = """() => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .filter(e => !e.closest('.app-tabel-container, .rapportage-scroll'))
    .slice(0, 10)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}`
               + ` (${Math.round(e.getBoundingClientRect().right)} px)`)"""


@dataclass
class Gegevens:
    deelnemer: int  # met een lopend traject, intake, coach, plaatsing en contact
    traject: int
    zonder_traject: int  # kan een traject starten
    werkgever: int
    afspraak: int  # vandaag, in de agenda van de medewerker


@dataclass
class Pagina:
    id: str
    rol: str | None  # fixture van de gebruiker; None = niet ingelogd
    pad: Callable[[Gegevens], str]
    #: Wat de gebruiker doet om de foutmeldingen te zien (None: alleen de pagina bekijken).
    fouten: Callable[[Page], None] | None = None
    verwacht: list[str] = field(default_factory=list)


def leeg_versturen(page: Page) -> None:
    """Maak de tekst-, datum- en getalvelden van het formulier leeg en verstuur het."""
    formulier = page.locator("main form.app-formulier").first
    formulier.evaluate(
        """f => f.querySelectorAll('input:not([type=hidden]):not([type=radio])'
                + ':not([type=checkbox]), textarea').forEach(e => { e.value = ''; })"""
    )
    formulier.locator("button[type=submit]").first.click()
    expect(page.get_by_role("alert").filter(has_text=FOUTOVERZICHT)).to_be_visible()


def verkeerd_wachtwoord(page: Page) -> None:
    page.get_by_label("Gebruikersnaam").fill("iemand")
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()


def formulier(id_: str, pad: Callable[[Gegevens], str]) -> list[Pagina]:
    """Een formulier: leeg geopend, en na versturen met fouten."""
    return [
        Pagina(id_, "medewerker", pad),
        Pagina(f"{id_}-met-fouten", "medewerker", pad, fouten=leeg_versturen),
    ]


PAGINAS: list[Pagina] = [
    Pagina("inloggen", None, lambda g: "/accounts/login/"),
    Pagina("inloggen-met-fouten", None, lambda g: "/accounts/login/", fouten=verkeerd_wachtwoord),
    Pagina("werkvoorraad", "medewerker", lambda g: "/werkvoorraad/"),
    Pagina("deelnemers", "medewerker", lambda g: "/deelnemers/"),
    Pagina("dossier", "medewerker", lambda g: f"/deelnemers/{g.deelnemer}/"),
    *formulier("deelnemer-registreren", lambda g: "/deelnemers/nieuw/"),
    *formulier("traject-starten", lambda g: f"/deelnemers/{g.zonder_traject}/traject/"),
    *formulier("intake", lambda g: f"/trajecten/{g.traject}/intake/"),
    *formulier("coach-toewijzen", lambda g: f"/trajecten/{g.traject}/coach/"),
    *formulier("status-wijzigen", lambda g: f"/trajecten/{g.traject}/status/"),
    *formulier("plaatsing-registreren", lambda g: f"/trajecten/{g.traject}/plaatsing/"),
    *formulier("contactmoment", lambda g: f"/trajecten/{g.traject}/contact/"),
    Pagina("agenda", "medewerker", lambda g: "/agenda/"),
    Pagina("agenda-in-outlook", "medewerker", lambda g: "/agenda/koppeling/"),
    *formulier("afspraak-plannen", lambda g: f"/trajecten/{g.traject}/afspraak/"),
    *formulier("afspraak-gehouden", lambda g: f"/afspraken/{g.afspraak}/gehouden/"),
    Pagina("afspraak-afmelden", "medewerker", lambda g: f"/afspraken/{g.afspraak}/afmelden/"),
    Pagina("behandelaar", "medewerker", lambda g: f"/trajecten/{g.traject}/behandelaar/"),
    Pagina("werkgevers", "medewerker", lambda g: "/werkgevers/"),
    Pagina("werkgever", "medewerker", lambda g: f"/werkgevers/{g.werkgever}/"),
    *formulier("werkgever-registreren", lambda g: "/werkgevers/nieuw/"),
    Pagina("dashboard-gemeente", "coordinator", lambda g: "/rapportage/gemeente/GM0014/"),
    Pagina("dashboard-landelijk", "landelijk", lambda g: "/rapportage/"),
    Pagina(
        "dashboard-gemeente-met-fouten", "coordinator",
        lambda g: "/rapportage/gemeente/GM0014/?van=2026-13-01",
    ),
]


@pytest.fixture
def gegevens(groningen, emmen, medewerker, lopend_programma) -> Gegevens:
    """Een gemeente met wat leven erin: coaches, werkgevers, trajecten in elke fase."""
    vandaag = datetime.date.today()
    coach = CoachFactory(naam="Marieke de Vries", gemeenten=[groningen])
    CoachFactory(naam="Yonas Tesfay", gemeenten=[groningen], talen=["nl", "ti"])
    werkgever = WerkgeverFactory(naam="Zorggroep Noorderpoort", gemeente=groningen)
    traject = TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen), programma=lopend_programma,
        geplaatst=True, coach=coach, aanmelddatum=vandaag - datetime.timedelta(days=60),
    )
    IntakeFactory(traject=traject, medewerker=medewerker, datum=traject.startdatum)
    PlaatsingFactory(traject=traject, werkgever=werkgever, soort=Soort.BAAN)
    ContactmomentFactory(traject=traject)
    afspraak = AfspraakFactory(traject=traject, medewerker=medewerker, datum=vandaag)
    for gemeente in (groningen, groningen, emmen):
        TrajectFactory(deelnemer=DeelnemerFactory(gemeente=gemeente), programma=lopend_programma)
        TrajectFactory(
            deelnemer=DeelnemerFactory(gemeente=gemeente), programma=lopend_programma,
            gestart=True,
        )
    zonder_traject = DeelnemerFactory(gemeente=groningen)
    return Gegevens(
        deelnemer=traject.deelnemer_id, traject=traject.pk, zonder_traject=zonder_traject.pk,
        werkgever=werkgever.pk, afspraak=afspraak.pk,
    )


@pytest.mark.parametrize("pagina", PAGINAS, ids=[p.id for p in PAGINAS])
def test_geen_ernstige_toegankelijkheidsproblemen(
    pagina: Pagina, page: Page, live_server, gegevens, request
):
    if pagina.rol:
        sessie_voor(page.context, request.getfixturevalue(pagina.rol), live_server.url)
    browserfouten: list[str] = []

    def console(bericht):
        # Een mislukt verzoek meldt `response` hieronder preciezer (de pagina zelf mag 400 zijn).
        if bericht.type == "error" and not bericht.text.startswith("Failed to load resource"):
            browserfouten.append(bericht.text)

    def antwoord_van_onderdeel(antwoord):
        if antwoord.status >= 400 and antwoord.request.resource_type != "document":
            browserfouten.append(f"{antwoord.status} {antwoord.url}")

    page.on("console", console)
    page.on("pageerror", lambda fout: browserfouten.append(str(fout)))
    page.on("response", antwoord_van_onderdeel)

    antwoord = page.goto(pagina.pad(gegevens))
    assert antwoord is not None and antwoord.status in (200, 400), antwoord and antwoord.status
    # De stijlen zijn echt geladen (anders meet axe bijvoorbeeld kleurcontrast verkeerd).
    assert page.evaluate(
        "Array.from(document.styleSheets).every(s => s.cssRules.length > 0)"
        " && document.styleSheets.length >= 3"
    ), "de stylesheets zijn niet (allemaal) geladen"
    if pagina.fouten:
        pagina.fouten(page)
    page.wait_for_load_state("load")

    overtredingen = axe_overtredingen(page, live_server.url)
    assert not overtredingen, (
        f"{pagina.id} ({page.url}) heeft toegankelijkheidsproblemen:\n{beschrijf(overtredingen)}"
    )
    assert not browserfouten, f"{pagina.id}: de browser meldt fouten: {browserfouten}"

    # WCAG 1.4.10 (reflow): op 320 CSS-pixels breed scrolt de pagina niet opzij; een brede
    # tabel scrolt in zijn eigen container.
    page.set_viewport_size({"width": 320, "height": 800})
    past = "() => document.documentElement.scrollWidth <= innerWidth"
    try:  # grafieken passen zich aan na een ResizeObserver-ronde
        page.wait_for_function(past, timeout=3000)
        breedte = None
    except PlaywrightTimeoutError:
        breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte is None, (
        f"{pagina.id}: op 320 px breed is de pagina {breedte} px breed:\n"
        + "\n".join(page.evaluate(TE_BREED))
    )
