"""Het actieplan op papier (issue 14): Chromium drukt de afdrukpagina af naar PDF; die past op
hooguit twee A4-pagina's en bevat elke actie. En elke dossierpagina drukt af zonder menu of
knoppen."""

from __future__ import annotations

import datetime
import io

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.hulp import sessie_voor
from trajecten.constants import Status
from trajecten.factories import (
    ActieFactory,
    CoachFactory,
    DeelnemerFactory,
    IntakeFactory,
    TrajectFactory,
)
from trajecten.models import ActieStatus, ActieUitvoerder

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)

ACTIES = [
    ("Cv opstellen met de coach", ActieUitvoerder.COACH),
    ("Inschrijven bij het UWV als werkzoekende", ActieUitvoerder.DEELNEMER),
    ("Taalles Nederlands op B1-niveau volgen, twee keer per week", ActieUitvoerder.DEELNEMER),
    ("Diploma laten waarderen bij IDW", ActieUitvoerder.BEHANDELAAR),
    ("Sollicitatiegesprek oefenen", ActieUitvoerder.COACH),
    ("Proefdag regelen bij Zorggroep Noord", ActieUitvoerder.WERKGEVER),
    ("VOG aanvragen voor werk in de zorg", ActieUitvoerder.DEELNEMER),
    ("Kinderopvang regelen voor de werkdagen", ActieUitvoerder.BEHANDELAAR),
    ("Fietsles volgen voor woon-werkverkeer", ActieUitvoerder.DEELNEMER),
    ("Netwerkbijeenkomst werkgevers bezoeken", ActieUitvoerder.COACH),
    ("BIG-registratie uitzoeken", ActieUitvoerder.BEHANDELAAR),
    ("Evaluatiegesprek na drie maanden", ActieUitvoerder.BEHANDELAAR),
]


@pytest.fixture
def traject(groningen, medewerker, lopend_programma):
    deelnemer = DeelnemerFactory(gemeente=groningen, voornaam="Semhar", achternaam="Tesfay",
                                 bsn="999990019", geboortedatum=datetime.date(1994, 5, 17))
    t = TrajectFactory(
        deelnemer=deelnemer, programma=lopend_programma, status=Status.ACTIEF,
        aanmelddatum=VANDAAG - 40 * DAG, startdatum=VANDAAG - 30 * DAG, behandelaar=medewerker,
        coach=CoachFactory(gemeenten=[groningen], naam="Kees Coach"),
    )
    IntakeFactory(traject=t, medewerker=medewerker, beroepswens="Verpleegkundige",
                  actieplan="Eerst de taal op B1, dan de diplomawaardering en een proefdag. "
                            "De coach helpt met het cv en het netwerk.")
    for i, (wat, wie) in enumerate(ACTIES):
        status = ActieStatus.GEDAAN if i < 3 else ActieStatus.OPEN
        ActieFactory(traject=t, omschrijving=wat, uitvoerder=wie, status=status,
                     deadline=VANDAAG + (i * 7 - 10) * DAG)
    return t


def test_actieplan_als_pdf_op_hooguit_twee_a4(page: Page, context, live_server, medewerker,
                                              traject):
    sessie_voor(context, medewerker, live_server.url)
    page.goto(f"/trajecten/{traject.pk}/actieplan/afdrukken/")
    expect(page.get_by_role("heading", name="Individueel actieplan")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    lezer = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(lezer.pages) <= 2
    for pagina in lezer.pages:  # A4: 210 × 297 mm = 595,3 × 841,9 punten (Chromium rondt af)
        assert abs(float(pagina.mediabox.width) - 595.3) < 2
        assert abs(float(pagina.mediabox.height) - 841.9) < 2
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in lezer.pages)
    for wat, _wie in ACTIES:
        assert wat in tekst, wat
    for verwacht in ("Semhar Tesfay", "17-05-1994", "Kees Coach", "Verpleegkundige",
                     "Handtekening deelnemer", "Handtekening behandelaar"):
        assert verwacht in tekst, verwacht
    assert "999990019" not in tekst and "0019" not in tekst
    for weg in ("Werkvoorraad", "Uitloggen", "Wijzigingshistorie", "Opslaan"):
        assert weg not in tekst, weg


def test_dossier_drukt_af_zonder_menu_en_knoppen(page: Page, context, live_server, medewerker,
                                                 traject):
    sessie_voor(context, medewerker, live_server.url)
    page.goto(f"/deelnemers/{traject.deelnemer_id}/")
    knop = page.get_by_role("link", name="Persoonsgegevens wijzigen")
    expect(knop).to_be_visible()
    expect(page.get_by_text("3 van 12 acties gedaan")).to_be_visible()
    page.emulate_media(media="print")
    expect(knop).to_be_hidden()
    expect(page.locator("header.app-page-header")).to_be_hidden()
    expect(page.get_by_role("heading", name="Persoonsgegevens", exact=True)).to_be_visible()
    tekst = " ".join(
        (p.extract_text() or "") for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    )
    assert "Semhar Tesfay" in tekst
    assert "Persoonsgegevens wijzigen" not in tekst and "Uitloggen" not in tekst
