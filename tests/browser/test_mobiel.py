"""Op een telefoon (390 CSS-pixels breed): de werkplek van de medewerker zonder opzij scrollen.

- Elke pagina die een medewerker opent, komt uit de URLconf; een nieuwe pagina zonder regel in
  `PAGINAS` (of een reden in `NIET_GEMETEN`) laat de test falen. Op elke pagina: de pagina is
  niet breder dan het scherm, geen tabel scrolt in zijn eigen container opzij, en in elke rij
  van een gestapelde tabel staan de links (ook de actie) helemaal in beeld. Pagina's met zo'n
  tabel, en het uitgeklapte menu, gaan ook door axe-core (WCAG 2.1 AA).
- Het menu is één regel (logo en de knop "Menu") en klapt uit zonder JavaScript (<details>);
  vanaf 768 px staat het gewoon open.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import resolve
from playwright.sync_api import Page, expect

from gemeenten.toegang import Toegang, verklaarde_rollen
from tests.beveiliging.urlmatrix import alle_patronen
from tests.browser.hulp import axe_overtredingen, beschrijf, sessie_voor
from trajecten.constants import Soort
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    UitgaveFactory,
    WerkgeverFactory,
)
from trajecten.models import (
    Bijeenkomst,
    Deelname,
    Importopdracht,
    Importstatus,
    SocialReturnAfspraak,
    Vacature,
    Voordracht,
)

TELEFOON = {"width": 390, "height": 844}


@dataclass
class Gegevens:
    deelnemer: int  # dossier met plaatsingen (lopend en beëindigd), intake en historie
    traject: int
    plaatsing: int
    zonder_traject: int
    werkgever: int
    afspraak: int  # vandaag, in de agenda van de medewerker
    importopdracht: str = ""  # een geweigerde import: het rapport per rij
    bijeenkomst: int = 0  # issue 16: met een werkgever en de deelnemer erbij
    vacature: int = 0
    voordracht: int = 0


#: Elke pagina van de medewerker en het pad waarop de test hem opent.
PAGINAS: dict[str, Callable[[Gegevens], str]] = {
    "trajecten:werkvoorraad": lambda g: "/werkvoorraad/",
    "trajecten:deelnemer_lijst": lambda g: "/deelnemers/",
    "trajecten:bsn_zoeken": lambda g: "/deelnemers/zoeken-op-bsn/",
    "trajecten:deelnemer_nieuw": lambda g: "/deelnemers/nieuw/",
    "trajecten:dossier": lambda g: f"/deelnemers/{g.deelnemer}/",
    "trajecten:deelnemer_wijzigen": lambda g: f"/deelnemers/{g.deelnemer}/wijzigen/",
    "trajecten:deelnemer_verhuizen": lambda g: f"/deelnemers/{g.deelnemer}/verhuizen/",
    "trajecten:traject_starten": lambda g: f"/deelnemers/{g.zonder_traject}/traject/",
    "trajecten:traject_wijzigen": lambda g: f"/trajecten/{g.traject}/wijzigen/",
    "trajecten:intake": lambda g: f"/trajecten/{g.traject}/intake/",
    "trajecten:coach_toewijzen": lambda g: f"/trajecten/{g.traject}/coach/",
    "trajecten:status_wijzigen": lambda g: f"/trajecten/{g.traject}/status/",
    "trajecten:plaatsing_nieuw": lambda g: f"/trajecten/{g.traject}/plaatsing/",
    "trajecten:contact_nieuw": lambda g: f"/trajecten/{g.traject}/contact/",
    "trajecten:plaatsing_beeindigen": lambda g: f"/plaatsingen/{g.plaatsing}/beeindigen/",
    "trajecten:plaatsing_wijzigen": lambda g: f"/plaatsingen/{g.plaatsing}/wijzigen/",
    "trajecten:werkgever_lijst": lambda g: "/werkgevers/",
    "trajecten:werkgever_nieuw": lambda g: "/werkgevers/nieuw/",
    "trajecten:werkgever_detail": lambda g: f"/werkgevers/{g.werkgever}/",
    "trajecten:behandelaar": lambda g: f"/trajecten/{g.traject}/behandelaar/",
    "trajecten:afspraak_nieuw": lambda g: f"/trajecten/{g.traject}/afspraak/",
    "trajecten:afspraak_wijzigen": lambda g: f"/afspraken/{g.afspraak}/wijzigen/",
    "trajecten:afspraak_gehouden": lambda g: f"/afspraken/{g.afspraak}/gehouden/",
    "trajecten:afspraak_afmelden": lambda g: f"/afspraken/{g.afspraak}/afmelden/",
    "trajecten:actieplan": lambda g: f"/trajecten/{g.traject}/actieplan/",
    "trajecten:actieplan_afdrukken": lambda g: f"/trajecten/{g.traject}/actieplan/afdrukken/",
    "trajecten:budget": lambda g: f"/trajecten/{g.traject}/opleidingsbudget/",
    "trajecten:documenten": lambda g: f"/deelnemers/{g.deelnemer}/documenten/",
    "trajecten:agenda": lambda g: "/agenda/",
    "trajecten:agenda_koppeling": lambda g: "/agenda/koppeling/",
    "importeren:formulier": lambda g: "/deelnemers/import/",
    "importeren:status": lambda g: f"/deelnemers/import/{g.importopdracht}/",
    "password_change": lambda g: "/accounts/password_change/",
    "password_change_done": lambda g: "/accounts/password_change/done/",
    "two_factor:profile": lambda g: "/accounts/mfa/",
    "two_factor:setup": lambda g: "/accounts/mfa/instellen/",
    # Werkgevers als partner (issue 16).
    "trajecten:social_return_achter": lambda g: "/werkgevers/social-return/",
    "trajecten:werkgever_relatie": lambda g: f"/werkgevers/{g.werkgever}/relatie/",
    "trajecten:contactpersoon_nieuw": lambda g: f"/werkgevers/{g.werkgever}/contactpersoon/",
    "trajecten:werkgever_contact_nieuw": lambda g: f"/werkgevers/{g.werkgever}/contact/",
    "trajecten:social_return_nieuw": lambda g: f"/werkgevers/{g.werkgever}/social-return/",
    "trajecten:vacature_nieuw": lambda g: f"/werkgevers/{g.werkgever}/vacature/",
    "trajecten:bijeenkomst_lijst": lambda g: "/bijeenkomsten/",
    "trajecten:bijeenkomst_nieuw": lambda g: "/bijeenkomsten/nieuw/",
    "trajecten:bijeenkomst_detail": lambda g: f"/bijeenkomsten/{g.bijeenkomst}/",
    "trajecten:deelname_nieuw": lambda g: f"/deelnemers/{g.deelnemer}/bijeenkomst/",
    "trajecten:vacature_lijst": lambda g: "/vacatures/",
    "trajecten:vacature_detail": lambda g: f"/vacatures/{g.vacature}/",
    "trajecten:voordracht_status": lambda g: f"/voordrachten/{g.voordracht}/",
}

#: Pagina's die alleen een POST toont: (de pagina met de knop, de tekst van de knop).
NA_EEN_KNOP: dict[str, tuple[str, str]] = {
    "trajecten:bsn_tonen": ("trajecten:dossier", "Toon volledig BSN"),
}

#: Wat een medewerker kan openen maar geen pagina is om te meten, met de reden.
NIET_GEMETEN: dict[str, str] = {
    "start": "stuurt door naar de werkvoorraad",
    "sessie_verlengen": "keep-alive: alleen POST, antwoordt met JSON",
    "trajecten:deelnemer_zoeken": "alleen POST: stuurt door naar de deelnemerslijst",
    "trajecten:wachtlijst": "alleen POST: een knop op 'Coach toewijzen'",
    "trajecten:actie_status": "alleen POST: een knop op het actieplan",
    "trajecten:document_verwijderen": "alleen POST: een knop in het dossier",
    "trajecten:document_downloaden": "een download (bijlage)",
    "trajecten:voordragen": "alleen POST: een knop op de pagina van de vacature",
    "mfa_controleren": "stuurt zonder apparaat door naar het instellen",
    "importeren:sjabloon_csv": "een download",
    "importeren:sjabloon_xlsx": "een download",
    "two_factor:qr": "een afbeelding, alleen tijdens het instellen",
    "two_factor:setup_complete": "alleen na een geverifieerde code",
    "two_factor:backup_tokens": "alleen na een geverifieerde code",
}

#: Waarden voor de padparameters, alleen om de view achter een patroon te vinden.
_VOORBEELD = {"pk": 1, "cbs_code": "GM0014", "token": "kenmerk.geheim",
              "opdracht": "00000000-0000-4000-8000-000000000001"}


def pagina_van_de_medewerker(patroon) -> bool:
    if patroon.namespace == "admin" or patroon.sleutel.startswith("route:admin/"):
        return False
    view = resolve(patroon.vul_in({n: _VOORBEELD[n] for n in patroon.parameters})).func
    rollen = verklaarde_rollen(view) or ()
    return Toegang.MEDEWERKER in rollen or Toegang.INGELOGD in rollen


#: Geen element buiten het scherm; de melding noemt welke.
TE_BREED = """() => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
    .slice(0, 10)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}`
               + ` (${Math.round(e.getBoundingClientRect().right)} px)`)"""

#: Tabellen die in hun container opzij scrollen.
TABELLEN_DIE_SCROLLEN = """() => Array.from(document.querySelectorAll('main table'))
    .filter(t => t.checkVisibility())
    .filter(t => {
        const c = t.closest('.app-tabel-container') || t;
        return c.scrollWidth > c.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth;
    })
    .map(t => t.className)"""

#: Per zichtbare rij van een gestapelde tabel: of er een actiecel is, en links die niet
#: helemaal in beeld staan.
RIJEN = """() => Array.from(document.querySelectorAll('main table.tabel-stapel > tbody > tr'))
    .filter(r => r.checkVisibility())
    .map(r => ({
        actiecel: !!r.querySelector('.actiecel'),
        acties: r.querySelectorAll('.actiecel a').length,
        links: r.querySelectorAll('a').length,
        buiten: Array.from(r.querySelectorAll('a')).filter(a => {
            const b = a.getBoundingClientRect();
            return !a.checkVisibility() || b.width === 0 || b.left < 0 || b.right > innerWidth;
        }).map(a => a.textContent.trim()),
    }))"""


@pytest.fixture
def gegevens(groningen, medewerker, lopend_programma) -> Gegevens:
    """Van elke groep in de werkvoorraad iets, en lange namen die moeten afbreken."""
    vandaag = datetime.date.today()
    werkgever = WerkgeverFactory(
        naam="Regionaal Opleidingscentrum Noorderpoort Zorg- en Welzijnsacademie B.V.",
        gemeente=groningen,
    )
    lang = DeelnemerFactory(
        gemeente=groningen, voornaam="Abdulrahman-Mohammed", achternaam="Al-Hashimi-Khalilzadeh"
    )
    traject = TrajectFactory(
        deelnemer=lang, programma=lopend_programma, geplaatst=True,
        aanmelddatum=vandaag - relativedelta(months=10),
        coach=CoachFactory(gemeenten=[groningen]),
    )
    IntakeFactory(traject=traject, medewerker=medewerker, datum=traject.startdatum)
    # Een baan van zeven maanden geleden zonder nazorgcontact: in de werkvoorraad.
    plaatsing = PlaatsingFactory(
        traject=traject, werkgever=werkgever, soort=Soort.BAAN,
        functie="Medewerker facilitaire dienstverlening en logistiek",
        startdatum=vandaag - relativedelta(months=7),
    )
    PlaatsingFactory(
        traject=traject, werkgever=werkgever, soort=Soort.STAGE,
        startdatum=vandaag - relativedelta(months=9), einddatum=vandaag - relativedelta(months=8),
    )
    ContactmomentFactory(traject=traject, datum=vandaag - datetime.timedelta(days=90))
    # Een afspraak vandaag: in de agenda, het dossier en de werkvoorraad.
    afspraak = AfspraakFactory(
        traject=traject, medewerker=medewerker, datum=vandaag,
        locatie="Gemeentehuis Groningen, Kreupelstraat 1, spreekkamer 2.14 (tweede verdieping)",
    )
    # Aangemeld zonder intake, zonder coach, en geen contact in 60 dagen.
    TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen), programma=lopend_programma,
        aanmelddatum=vandaag - datetime.timedelta(days=40),
    )
    TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen), programma=lopend_programma, gestart=True,
        aanmelddatum=vandaag - datetime.timedelta(days=100),
    )
    # Issue 14: een actieplan met een lange actie over de deadline, en een uitgave.
    ActieFactory(traject=traject, deadline=vandaag - datetime.timedelta(days=3),
                 omschrijving="Diplomawaardering aanvragen bij IDW en de vertaling laten "
                              "legaliseren door een beëdigd vertaler")
    ActieFactory(traject=traject, status="gedaan")
    UitgaveFactory(traject=traject, omschrijving="Cursus vaktaal zorg en welzijn (niveau 3)")
    zonder_traject = DeelnemerFactory(gemeente=groningen)
    opdracht = Importopdracht.objects.create(
        door=medewerker, soort=".xlsx", status=Importstatus.GEWEIGERD, rijen=2, aantal_fouten=2,
        fouten=[[2, "datum_verblijfsvergunning", "De datum van de verblijfsvergunning ligt vóór "
                 "de geboortedatum; controleer beide datums in het bestand."],
                [3, "", "Er is al een deelnemer met dit BSN geregistreerd."]],
    )
    bijeenkomst = Bijeenkomst.objects.create(
        soort="stagecafe", titel="Stage-café zorg en welzijn in de Noorderpoort", datum=vandaag,
        plaats="Noorderpoort, Zernikelaan 12, Groningen", organisator="Gemeente Groningen")
    bijeenkomst.gemeenten.add(groningen)
    bijeenkomst.werkgevers.add(werkgever)
    Deelname.objects.create(bijeenkomst=bijeenkomst, deelnemer=lang)
    vacature = Vacature.objects.create(
        werkgever=werkgever, gemeente=groningen, functie="Medewerker facilitaire dienstverlening",
        sector="zorg", uren_per_week=24, open_tot=vandaag + datetime.timedelta(days=30))
    voordracht = Voordracht.objects.create(vacature=vacature, deelnemer=lang)
    SocialReturnAfspraak.objects.create(
        werkgever=werkgever, gemeente=groningen, contract="Raamcontract schoonmaak en groen",
        aantal_plaatsingen=5, startdatum=vandaag - datetime.timedelta(days=300),
        einddatum=vandaag + datetime.timedelta(days=30))
    return Gegevens(
        deelnemer=lang.pk, traject=traject.pk, plaatsing=plaatsing.pk,
        zonder_traject=zonder_traject.pk, werkgever=werkgever.pk, afspraak=afspraak.pk,
        bijeenkomst=bijeenkomst.pk, vacature=vacature.pk, voordracht=voordracht.pk,
        importopdracht=str(opdracht.pk),
    )


def test_elke_pagina_van_de_medewerker_staat_in_de_lijst():
    """Wie een pagina voor de medewerker toevoegt, neemt hem op in de meting op 390 px."""
    paginas = {p.sleutel for p in alle_patronen() if pagina_van_de_medewerker(p)}
    assert "trajecten:werkvoorraad" in paginas and "password_change" in paginas
    gemeten = PAGINAS.keys() | NA_EEN_KNOP.keys()
    assert paginas - gemeten - NIET_GEMETEN.keys() == set(), (
        "Nieuwe pagina's van de medewerker: voeg ze toe aan PAGINAS (of NIET_GEMETEN, met reden)"
    )
    assert (gemeten | NIET_GEMETEN.keys()) - paginas == set(), "verouderde regels"


def test_op_een_telefoon_past_elke_pagina_van_de_medewerker_in_het_scherm(
    page: Page, live_server, medewerker, gegevens
):
    sessie_voor(page.context, medewerker, live_server.url)
    page.set_viewport_size(TELEFOON)
    problemen: list[str] = []
    actierijen = {}

    for naam, pad in PAGINAS.items():
        url = pad(gegevens)
        antwoord = page.goto(url)
        if antwoord is None or antwoord.status != 200:
            problemen.append(f"{naam} ({url}): status {antwoord and antwoord.status}")
            continue
        # Ook wat achter een uitklapper zit (de wijzigingshistorie, het volledige BSN).
        page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")

        breedte = page.evaluate("document.documentElement.scrollWidth")
        if breedte > TELEFOON["width"]:
            problemen.append(f"{naam}: {breedte} px breed: {page.evaluate(TE_BREED)}")
        if scrollend := page.evaluate(TABELLEN_DIE_SCROLLEN):
            problemen.append(f"{naam}: tabellen scrollen opzij: {scrollend}")
        rijen = page.evaluate(RIJEN)
        if rijen or naam == "trajecten:werkvoorraad":
            # Gestapelde tabellen (en het uitgeklapte menu) blijven toegankelijk.
            if naam == "trajecten:werkvoorraad":
                page.locator("header summary").click()
            if overtredingen := axe_overtredingen(page, live_server.url):
                problemen.append(f"{naam}: toegankelijkheid:\n{beschrijf(overtredingen)}")
        for rij in rijen:
            if rij["buiten"]:
                problemen.append(f"{naam}: links niet (helemaal) in beeld: {rij['buiten']}")
            if rij["actiecel"] and not rij["acties"]:
                problemen.append(f"{naam}: een actiecel zonder link")
        actierijen[naam] = sum(1 for r in rijen if r["acties"])

    for naam, (pagina, knop) in NA_EEN_KNOP.items():
        page.goto(PAGINAS[pagina](gegevens))
        page.get_by_role("button", name=knop).click()
        page.wait_for_load_state()
        breedte = page.evaluate("document.documentElement.scrollWidth")
        if breedte > TELEFOON["width"]:
            problemen.append(f"{naam}: {breedte} px breed: {page.evaluate(TE_BREED)}")

    assert not problemen, "\n".join(problemen)
    # De tabellen met een actie per rij zijn echt gemeten (de werkvoorraad: afspraak vandaag,
    # intake, coach, nazorg, contact; in het dossier de afspraak en twee plaatsingen; de agenda:
    # de afspraak vandaag en in de week).
    assert actierijen["trajecten:werkvoorraad"] >= 5
    assert actierijen["trajecten:dossier"] == 3
    assert actierijen["trajecten:agenda"] == 2


@pytest.mark.parametrize("javascript", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_het_menu_is_op_een_telefoon_een_knop_en_klapt_ook_zonder_javascript_uit(
    browser, browser_context_args, request, live_server, medewerker, javascript
):
    context = browser.new_context(
        **{**browser_context_args, "viewport": TELEFOON, "java_script_enabled": javascript}
    )
    request.addfinalizer(context.close)
    sessie_voor(context, medewerker, live_server.url)
    page = context.new_page()
    page.goto("/werkvoorraad/")

    knop = page.locator("header summary")
    werkgevers = page.get_by_role("link", name="Werkgevers")
    uitloggen = page.get_by_role("button", name="Uitloggen")
    expect(knop).to_have_text("Menu")
    expect(werkgevers).to_be_hidden()
    expect(uitloggen).to_be_hidden()
    # Eén regel: de kop is niet hoger dan de knop met wat ruimte eromheen, logo ernaast.
    kop = page.locator("header").bounding_box()
    knopvak = knop.bounding_box()
    logo = page.get_by_role("link", name="Banenoffensief").bounding_box()
    assert kop["height"] <= knopvak["height"] + 32, kop
    assert abs((logo["y"] + logo["height"] / 2) - (knopvak["y"] + knopvak["height"] / 2)) < 8

    knop.click()
    expect(werkgevers).to_be_visible()
    expect(uitloggen).to_be_visible()
    werkgevers.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkgevers")
    expect(page.get_by_role("link", name="Werkvoorraad")).to_be_hidden()  # weer ingeklapt

    # Vanaf 768 px: geen knop, het menu staat gewoon in de kop.
    page.set_viewport_size({"width": 768, "height": 900})
    expect(knop).to_be_hidden()
    expect(page.get_by_role("link", name="Werkvoorraad")).to_be_visible()
    expect(uitloggen).to_be_visible()
