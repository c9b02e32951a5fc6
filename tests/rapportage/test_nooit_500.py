"""Nooit een 500, voor welk van/tot-filter ook: de pagina of een Nederlandse melding (400).

Snel gehouden (de HTTP-laag kost per request tientallen ms, de indicatoren ~15 ms per periode):

1. het filterformulier voor élk paar (van, tot) uit de maandbegins en -eindes van elk geseed
   programma, met een maand marge erom, in beide volgordes: geldig, of fouten (nooit een
   exceptie);
2. alles wat van de periode afhangt (kerncijfers, tabel per gemeente, trechter, trend) direct
   voor élke periode van hele maanden (maandbegin t/m maandeinde) in elk geseed programma, en
   de kerncijfers en trend voor elk ander paar maandgrenzen van het lopende programma, met een
   peildatum midden in het programma (de situatie van de oude crash); daarbij controleert de
   test dat de cumulatieve trendlijn op de kerncijfers eindigt en dat het totaal nooit meer
   telt dan de som van de rijen;
3. hypothesis: willekeurige periodes én peildata tussen 1900 en 2100 door het hele dashboard;
4. hypothesis: willekeurige en vijandige querystrings op elk dashboard en beide exports (HTTP),
   plus de bekende gevallen uit het issue.
"""

import calendar
import dataclasses
import datetime
import itertools
import os

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapportage import indicatoren as ind
from rapportage.demodata import doelen_per_gemeente
from rapportage.forms import RapportageFilterForm
from rapportage.models import Programma
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort, Status
from trajecten.datums import plus_maanden
from trajecten.factories import CoachFactory, DeelnemerFactory

D = datetime.date
pytestmark = pytest.mark.django_db
SEED = ["Banenoffensief Vluchtelingen", "Vervolg Banenoffensief"]
VOORBEELDEN = settings(
    max_examples=int(os.environ.get("RAPPORTAGE_VOORBEELDEN", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def randen(van: D, tot: D, marge: int = 0) -> list[D]:
    """Elk maandbegin en elk maandeinde van `van` t/m `tot`, met `marge` maanden erom."""
    maand = plus_maanden(van.replace(day=1), -marge)
    laatste = plus_maanden(tot.replace(day=1), marge)
    uit = []
    while maand <= laatste:
        uit += [maand, maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])]
        maand = plus_maanden(maand, 1)
    return uit


def peildatum_in(programma: Programma) -> D:
    return programma.startdatum + (programma.einddatum - programma.startdatum) * 2 // 3


@pytest.fixture
def gevuld(groningen, emmen, medewerker):
    """Gegevens in beide geseede programma's: plaatsingen op maandeindes (ook 29 februari),
    korte en lange, lopende en getekende, een persoon in twee gemeenten, coaches; en de
    demodoelen per gemeente."""
    doelen_per_gemeente()
    coach = CoachFactory(gemeenten=[groningen, emmen], getraind_op=D(2006, 6, 1))
    for programma in Programma.objects.filter(naam__in=SEED):
        start = programma.startdatum
        persoon = DeelnemerFactory(gemeente=groningen)
        for i in range(6):
            aanmeld = plus_maanden(start, 3 * i)
            eind = plus_maanden(aanmeld, 5) if i % 2 else None
            t = traject(programma=programma, gemeente=[groningen, emmen][i % 2],
                        aanmeld=aanmeld, start=aanmeld + datetime.timedelta(days=9),
                        status=Status.AFGEROND if eind else Status.GEPLAATST, eind=eind,
                        coach=coach if i % 3 else None, kosten=100 * i,
                        deelnemer=persoon if i < 2 else None)
            maandeinde = plus_maanden(aanmeld, 1).replace(
                day=calendar.monthrange(aanmeld.year, plus_maanden(aanmeld, 1).month)[1]
                if aanmeld.month != 12 else 31)
            plaatsing(t, [Soort.BAAN, Soort.STAGE, Soort.WERKERVARINGSPLAATS][i % 3],
                      maandeinde, plus_maanden(maandeinde, 6) if i % 2 else None)
            plaatsing(t, Soort.OPLEIDING, aanmeld + datetime.timedelta(days=20))
        traject(programma=programma, gemeente=emmen, aanmeld=plus_maanden(start, 1))
    # Schrikkeldag en een contract dat pas na de peildatum van de walk begint.
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    t = traject(programma=vervolg, gemeente=groningen, aanmeld=D(2026, 1, 5),
                start=D(2026, 1, 10), status=Status.GEPLAATST)
    plaatsing(t, Soort.BAAN, D(2027, 3, 1))
    oud = Programma.objects.get(naam="Banenoffensief Vluchtelingen")
    t = traject(programma=oud, gemeente=emmen, aanmeld=D(2008, 2, 1), start=D(2008, 2, 2),
                status=Status.GEPLAATST)
    plaatsing(t, Soort.BAAN, D(2008, 2, 29), D(2008, 8, 29))
    return {p.naam: p for p in Programma.objects.filter(naam__in=SEED)}


@pytest.mark.parametrize("naam", SEED)
def test_filterformulier_voor_elk_paar_maandgrenzen(gevuld, naam):
    programma = gevuld[naam]
    datums = randen(programma.startdatum, programma.einddatum, marge=1)
    for van, tot in itertools.product(datums, repeat=2):
        form = RapportageFilterForm({"programma": programma.pk, "van": van.isoformat(),
                                     "tot": tot.isoformat()})
        assert form.is_valid() == (van <= tot), (van, tot, form.errors)


def _kern_en_trend(s: ind.Selectie, doelen: list[dict]) -> dict:
    kern = ind.kerncijfers(s)
    ind.trechter(s)
    trend = ind.trend(s, doelen)
    gestart = [m["gestart_cumulatief"] for m in trend if m["gestart_cumulatief"] is not None]
    geplaatst = [m["geplaatst_cumulatief"] for m in trend
                 if m["geplaatst_cumulatief"] is not None]
    # De cumulatieve lijn eindigt (bij de peildatum of het einde) op de kerncijfers.
    assert (gestart[-1] if gestart else 0, geplaatst[-1] if geplaatst else 0) == (
        kern["trajecten_gestart"], kern["personen_geplaatst"]), (s.van, s.tot)
    return kern


def _tabel(s: ind.Selectie, doelen: list[dict], kern: dict) -> None:
    rijen = ind.per_gemeente(s, doelen)
    assert sum(r["trajecten_gestart"] for r in rijen) == kern["trajecten_gestart"]
    assert sum(r["personen_geplaatst"] for r in rijen) >= kern["personen_geplaatst"]


def _selectie(programma: Programma, peildatum: D) -> ind.Selectie:
    return ind.Selectie(programma_id=programma.pk, van=programma.startdatum,
                        tot=programma.einddatum, gemeente_ids=None, peildatum=peildatum,
                        programma_start=programma.startdatum,
                        programma_einde=programma.einddatum)


def _maandeinde(datum: D) -> bool:
    return (datum + datetime.timedelta(days=1)).day == 1


@pytest.mark.parametrize("naam", SEED)
def test_indicatoren_voor_elk_paar_hele_maanden(gevuld, naam):
    """Elke periode van een maandbegin tot en met een maandeinde binnen de looptijd."""
    programma = gevuld[naam]
    s = _selectie(programma, peildatum_in(programma))
    doelen = ind.doelstellingen(s)
    ind.vergelijking(s)
    datums = randen(programma.startdatum, programma.einddatum)
    paren = [(v, t) for v, t in itertools.product(datums, repeat=2)
             if v <= t and v.day == 1 and _maandeinde(t)]
    maanden = len(datums) // 2
    assert len(paren) == maanden * (maanden + 1) // 2
    for van, tot in paren:
        selectie = dataclasses.replace(s, van=van, tot=tot)
        _tabel(selectie, doelen, _kern_en_trend(selectie, doelen))


def test_indicatoren_voor_elk_ander_paar_maandgrenzen_van_het_lopende_programma(gevuld):
    """Ook van of tot midden in een maand-overgang (een maandeinde als begin, een maandbegin
    als einde) in het Vervolg Banenoffensief, met de peildatum erin."""
    programma = gevuld["Vervolg Banenoffensief"]
    s = _selectie(programma, peildatum_in(programma))
    doelen = ind.doelstellingen(s)
    datums = randen(programma.startdatum, programma.einddatum)
    paren = [(v, t) for v, t in itertools.product(datums, repeat=2)
             if v <= t and not (v.day == 1 and _maandeinde(t))]
    assert len(paren) == 48 * 49 // 2 - 24 * 25 // 2  # alle paren min de hele maanden
    for van, tot in paren:
        _kern_en_trend(dataclasses.replace(s, van=van, tot=tot), doelen)


datums = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


@VOORBEELDEN
@given(van=datums, tot=datums, peildatum=datums, naam=st.sampled_from(SEED),
       gemeenten=st.sampled_from([None, ("GM0014",), ("GM0014", "GM0114")]))
def test_hele_dashboard_voor_willekeurige_periode_en_peildatum(gevuld, van, tot, peildatum,
                                                               naam, gemeenten):
    from gemeenten.models import Gemeente

    van, tot = min(van, tot), max(van, tot)
    programma = gevuld[naam]
    ids = None if gemeenten is None else tuple(sorted(
        Gemeente.objects.filter(cbs_code__in=gemeenten).values_list("pk", flat=True)))
    s = ind.Selectie(programma_id=programma.pk, van=van, tot=tot, gemeente_ids=ids,
                     peildatum=peildatum, programma_start=programma.startdatum,
                     programma_einde=programma.einddatum)
    d = ind.dashboard(s)
    _tabel(s, d["doelstellingen"], _kern_en_trend(s, d["doelstellingen"]))


URLS = [
    ("landelijk", reverse("rapportage:landelijk")),
    ("landelijk", reverse("rapportage:gemeente", args=["GM0014"])),
    ("coordinator", reverse("rapportage:gemeente", args=["GM0014"])),
    ("landelijk", reverse("rapportage:export_csv")),
    ("coordinator", reverse("rapportage:export_xlsx")),
    ("landelijk", reverse("rapportage:export_xlsx")),
]
datumtekst = st.one_of(
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)).map(D.isoformat),
    st.sampled_from(["", "2026-02-30", "31-12-2026", "gisteren", "2026-13-01", "0000-00-00",
                     "10000-01-01", "2026-06-02\x00", "' OR 1=1 --"]),
)


@st.composite
def periodes(draw):
    """Meestal een geldige periode rond de programma's (de pagina moet renderen), soms
    willekeurige of vijandige tekst (een melding)."""
    if draw(st.integers(0, 3)):
        van = draw(st.dates(min_value=D(2004, 1, 1), max_value=D(2029, 12, 31)))
        tot = draw(st.dates(min_value=van, max_value=D(2030, 12, 31)))
        return van.isoformat(), tot.isoformat()
    return draw(datumtekst), draw(datumtekst)


@pytest.fixture
def http(client, request, gevuld, settings, peildatum):
    settings.RAPPORTAGE_CACHE = False  # elk voorbeeld rekent echt
    peildatum(D(2026, 12, 1))
    ingelogd = {}

    def haal(wie, url, query):
        if ingelogd.get("wie") != wie:
            client.force_login(request.getfixturevalue(wie))
            ingelogd["wie"] = wie
        return client.get(url, query)

    return haal


@VOORBEELDEN
@given(plek=st.sampled_from(URLS), periode=periodes(),
       programma=st.sampled_from(SEED * 3 + ["", "999999", "abc"]), wissel=st.booleans())
def test_elke_pagina_en_export_geeft_200_of_400(gevuld, http, plek, periode, programma,
                                                wissel):
    wie, url = plek
    query = {"van": periode[0], "tot": periode[1]}
    if programma in gevuld:
        query["programma"] = gevuld[programma].pk
        if wissel:
            query["vorig_programma"] = gevuld[SEED[0]].pk
    elif programma:
        query["programma"] = programma
    # De testclient geeft een exceptie in de view door: een 500 laat deze test falen.
    response = http(wie, url, query)
    assert response.status_code in (200, 400), (url, query, response.status_code)
    if response.status_code == 400:
        tekst = response.content.decode()
        assert "De filters kloppen niet" in tekst or "De filters zijn ongeldig" in tekst


@pytest.mark.parametrize("wie, url", [
    ("landelijk", "/rapportage/gemeente/GM0014/?van=2026-11-01"),
    ("coordinator", "/rapportage/gemeente/GM0014/?van=2026-11-01"),
    ("landelijk", "/rapportage/export.xlsx?van=2026-06-02"),
    ("landelijk", "/rapportage/export.csv?van=2026-06-02"),
    ("landelijk", "/rapportage/?van=2026-06-02"),
])
def test_bekende_crashes_uit_het_issue(http, wie, url):
    pad, query = url.split("?")
    assert http(wie, pad, dict([query.split("=")])).status_code == 200


@pytest.mark.parametrize("pad", ["/rapportage/", "/rapportage/export.csv",
                                 "/rapportage/export.xlsx", "/rapportage/gemeente/GM0014/"])
def test_jaar_1_tot_9999_geeft_een_nederlandse_melding(http, pad):
    response = http("landelijk", pad, {"van": "0001-01-01", "tot": "9999-12-31"})
    assert response.status_code == 400
    assert "Kies een datum tussen 1-1-1900 en 31-12-2100" in response.content.decode()
