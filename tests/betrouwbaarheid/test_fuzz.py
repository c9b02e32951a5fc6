"""Fuzzing met hypothesis: elk formulier krijgt willekeurige en vijandige invoer.

Per voorbeeld maakt de test een vers dossier (deelnemer, traject, plaatsing, werkgever, coach) en
post een ingelogde medewerker het formulier. Meestal zijn één of twee velden vijandig (heel lang,
unicode met RTL/emoji/NUL-tekens, SQL- en HTML/JS-fragmenten, verkeerde typen, ontbrekend,
enorme of negatieve getallen, datums als 0000-00-00 en 9999-12-31) en de rest geldig, zodat
vijandige tekst ook echt wordt opgeslagen. Wat de test eist:

- nooit een 5xx (een exceptie in de view laat de test falen met de traceback);
- na het voorbeeld rendert elke pagina van het dossier nog (200): niets wat is opgeslagen,
  breekt een pagina;
- opgeslagen HTML komt nergens als HTML terug: geen element, event-attribuut of script met de
  markering `fuzzxss` in welke pagina ook (`controleer_ontsnapt`).

Snel gehouden: 25 voorbeelden per formulier (`FUZZ_VOORBEELDEN=200` voor een lange run).
"""

from __future__ import annotations

import datetime
import itertools
import os
from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum.nl import bsn as stdnum_bsn

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from gemeenten.models import Gemeente
from tests.betrouwbaarheid.hulp import HttpsClient, tekst
from trajecten.constants import (
    Belemmering,
    ContactSoort,
    Contractvorm,
    Inburgering,
    Opleidingsniveau,
    Sector,
    Soort,
    Status,
    Taal,
    Taalniveau,
    Uitvoerder,
)
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
)
from trajecten.importeren import KOLOMMEN
from trajecten.models import Deelnemer, Plaatsing, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_VOORBEELDEN", "25")),
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large,
    ],
)

# ---------------------------------------------------------------------------------------------
# Vijandige waarden
# ---------------------------------------------------------------------------------------------

#: HTML/JS: bevat de markering `fuzzxss`; komt die ooit als markup terug, dan is het mis.
XSS = [
    "<script>fuzzxss()</script>",
    '"><img src=x onerror=fuzzxss()>',
    "<svg/onload=fuzzxss()>",
    "javascript:fuzzxss()",
    "'><iframe src=javascript:fuzzxss()></iframe>",
    "<a href=\"javascript:fuzzxss()\">klik</a>",
    "{{ fuzzxss }}{% debug %}",
]
SQL = [
    "' OR '1'='1", "'; DROP TABLE trajecten_deelnemer; --", '" OR 1=1 --',
    "1; SELECT pg_sleep(5)", "%' --", "\\'; --", "%_%",
]
UNICODE = [
    "مرحبا بالعالم", "\u202egnp.exe", "שָׁלוֹם", "👩🏽‍🔧🇸🇾", "Z̶̡͈̯͍̞̠̈́́͂algo", "\u200b\u200c\u200d\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ω≈ç√∫", "a\r\nb\tc", "İıŞş", "ﷺ",
]
NUL = ["\x00", "a\x00b", "\x00<script>fuzzxss()</script>", "2026-01-01\x00"]
LANG = ["A" * 10_000, "é" * 3_000, "👍" * 2_000, "<b>" * 2_000, "9" * 5_000]
GETALLEN = [
    "-1", "0", "-0", "9" * 40, "1e309", "NaN", "inf", "-inf", "0x1F", "1,5", "1.5", "١٢٣",
    "2147483648", "-2147483649", "99999999999999999999", "-99999999999",
]
DATUMS = [
    "0000-00-00", "9999-12-31", "0001-01-01", "2024-02-30", "31-02-2020", "10000-01-01",
    "1900-01-01", "-0001-01-01", "2020-13-01", "today", "1970-01-01T00:00:00", "00-00-0000",
]
TYPEN = ["None", "null", "true", "[]", "{}", '["ar"]', "{'a': 1}", "", " "]
ALLES = XSS + SQL + UNICODE + NUL + LANG + GETALLEN + DATUMS + TYPEN

#: Het veld ontbreekt in de POST.
WEGLATEN = object()

#: Elke soort vijandige waarde even vaak (hypothesis kiest een tak van `one_of` gelijkmatig).
vijandige_waarde = st.one_of(
    *(st.sampled_from(soort) for soort in (XSS, SQL, UNICODE, NUL, LANG, GETALLEN, DATUMS, TYPEN)),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200),
    st.text(max_size=20).map(lambda t: f"{t}\x00{t}"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.lists(st.sampled_from(ALLES), min_size=2, max_size=3),  # meerdere waarden voor één veld
)
vijandig = st.one_of(vijandige_waarde, st.just(WEGLATEN))


def tekst_tot(max_lengte: int):
    """Geldige maar vijandige tekst: HTML, SQL, unicode of willekeurige tekens, zonder NUL."""
    bekend = [t for t in XSS + SQL + UNICODE if t.strip() and len(t) <= max_lengte]
    return st.one_of(
        st.sampled_from(bekend),
        st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=min(max_lengte, 60)),
    )


def datum(van: datetime.date, tot: datetime.date):
    return st.dates(min_value=van, max_value=max(van, tot)).map(datetime.date.isoformat)


def keuze(keuzes):
    return st.sampled_from([str(k) for k in keuzes])


def meerdere(keuzes):
    return st.lists(keuze(keuzes), max_size=4, unique=True)


@st.composite
def bsn(draw):
    cijfers = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    controle = sum(c * (9 - i) for i, c in enumerate(cijfers)) % 11
    kandidaat = "".join(map(str, cijfers)) + str(controle % 10)
    return kandidaat if stdnum_bsn.is_valid(kandidaat) else ""


@st.composite
def invoer(draw, geldig: dict):
    """Een POST: de meeste velden geldig, één of meer vijandig (of weggelaten)."""
    namen = sorted(geldig)
    bedorven = draw(st.one_of(
        st.sets(st.sampled_from(namen), min_size=1, max_size=2),
        st.sets(st.sampled_from(namen), max_size=len(namen)),
    ))
    data = {}
    for naam in namen:
        waarde = draw(vijandig if naam in bedorven else geldig[naam])
        if waarde is not WEGLATEN:
            data[naam] = waarde
    return data


# ---------------------------------------------------------------------------------------------
# Controle: niets opgeslagen breekt een pagina of komt als HTML terug
# ---------------------------------------------------------------------------------------------


class _OntsnappingsControle(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fouten: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
        for naam, waarde in attrs:
            if "fuzzxss" in (naam or ""):
                self.fouten.append(f"attribuutnaam <{tag} {naam}>")
            waarde = waarde or ""
            if "fuzzxss" not in waarde:
                continue
            if naam.startswith("on") or tag in ("script", "img", "svg", "iframe"):
                self.fouten.append(f"<{tag} {naam}={waarde[:40]!r}>")
            if naam in ("href", "src", "action", "formaction") and waarde.strip().lower(
            ).startswith("javascript:"):
                self.fouten.append(f"<{tag} {naam}={waarde[:40]!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "fuzzxss" in data:
            self.fouten.append(f"script met {data[:40]!r}")


def controleer_ontsnapt(antwoord, wat: str) -> None:
    if "html" not in antwoord.get("Content-Type", ""):
        return
    controle = _OntsnappingsControle()
    controle.feed(tekst(antwoord))
    assert not controle.fouten, f"{wat}: invoer kwam als HTML terug: {controle.fouten}"


def controleer_antwoord(antwoord, wat: str) -> None:
    assert antwoord.status_code < 500, f"{wat}: {antwoord.status_code}"
    controleer_ontsnapt(antwoord, wat)


def pagina_urls(deelnemer: Deelnemer) -> list[str]:
    """Elke pagina van een dossier: het dossier, de formulieren voor de deelnemer, het traject
    en elke plaatsing, en de werkgevers van de plaatsingen."""
    urls = [reverse(f"trajecten:{naam}", args=[deelnemer.pk]) for naam in (
        "dossier", "deelnemer_wijzigen", "deelnemer_verhuizen", "traject_starten",
    )]
    for traject in deelnemer.trajecten.all():
        urls += [reverse(f"trajecten:{naam}", args=[traject.pk]) for naam in (
            "intake", "coach_toewijzen", "status_wijzigen", "plaatsing_nieuw", "contact_nieuw",
            "traject_wijzigen",
        )]
        for plaatsing in Plaatsing.objects.filter(traject=traject):
            urls += [reverse(f"trajecten:{naam}", args=[plaatsing.pk]) for naam in (
                "plaatsing_beeindigen", "plaatsing_wijzigen",
            )]
            if plaatsing.werkgever_id:
                urls.append(reverse("trajecten:werkgever_detail", args=[plaatsing.werkgever_id]))
    return urls


def controleer_paginas(client, deelnemers, werkgevers=()) -> None:
    urls = [reverse("trajecten:werkvoorraad"), reverse("trajecten:deelnemer_lijst")]
    if werkgevers:
        urls.append(reverse("trajecten:werkgever_lijst"))
    for deelnemer in deelnemers:
        urls += pagina_urls(deelnemer)
    urls += [reverse("trajecten:werkgever_detail", args=[w.pk]) for w in werkgevers]
    for url in dict.fromkeys(urls):
        antwoord = client.get(url)
        assert antwoord.status_code == 200, f"{url}: {antwoord.status_code}"
        controleer_ontsnapt(antwoord, url)


# ---------------------------------------------------------------------------------------------
# Fixtures: een medewerker van elke gemeente (een verhuizing, waarheen ook, houdt het dossier
# in beeld, zodat de test het daarna nog kan openen)
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def fuzzer(groningen):
    lid = LidmaatschapFactory(user__username="fuzz-medewerker", gemeente=groningen,
                              rol=Rol.MEDEWERKER)
    for gemeente in Gemeente.objects.exclude(pk=groningen.pk):
        LidmaatschapFactory(user=lid.user, gemeente=gemeente, rol=Rol.MEDEWERKER)
    client = HttpsClient()
    client.force_login(lid.user)
    return client


_volgnummers = itertools.count(1)


def unieke_bsn() -> str:
    """Een geldig, in deze testrun uniek BSN. (Hypothesis zet de `random`-toestand per voorbeeld
    terug, dus `genereer_bsn` zou steeds dezelfde nummers geven.)"""
    while True:
        basis = f"8{next(_volgnummers):07d}"
        controle = sum(int(c) * (9 - i) for i, c in enumerate(basis)) % 11
        if controle < 10 and stdnum_bsn.is_valid(basis + str(controle)):
            return basis + str(controle)


class Dossier:
    """Een vers dossier per voorbeeld: een deelnemer met een actief traject, een werkgever en
    een plaatsing. Een coach, een aangemeld traject (voor de intake) en een deelnemer zonder
    traject (voor traject starten) worden pas gemaakt als de test ze vraagt."""

    def __init__(self, gemeente, programma):
        self.gemeente, self.programma = gemeente, programma
        self.deelnemer = DeelnemerFactory(gemeente=gemeente, bsn=unieke_bsn())
        self.traject = TrajectFactory(deelnemer=self.deelnemer, programma=programma,
                                      gestart=True)
        self.werkgever = WerkgeverFactory(gemeente=gemeente)
        self.plaatsing = PlaatsingFactory(traject=self.traject, werkgever=self.werkgever,
                                          startdatum=self.traject.startdatum)
        self.max_deelnemer = Deelnemer.objects.order_by("-pk").values_list("pk", flat=True)[0]
        self.max_werkgever = Werkgever.objects.order_by("-pk").values_list("pk", flat=True)[0]

    @cached_property
    def coach(self):
        return CoachFactory(gemeenten=[self.gemeente], max_deelnemers=50)

    @cached_property
    def aangemeld(self):
        return TrajectFactory(deelnemer__gemeente=self.gemeente, programma=self.programma,
                              deelnemer__bsn=unieke_bsn())

    @cached_property
    def zonder_traject(self):
        return DeelnemerFactory(gemeente=self.gemeente, bsn=unieke_bsn())

    def nieuwe(self):
        return (list(Deelnemer.objects.filter(pk__gt=self.max_deelnemer)),
                list(Werkgever.objects.filter(pk__gt=self.max_werkgever)))


def persoonsgegevens(*, met_gemeente: Gemeente | None):
    velden = {
        "voornaam": tekst_tot(100),
        "achternaam": tekst_tot(100),
        "geboortedatum": datum(datetime.date(1950, 1, 1), datetime.date(2005, 1, 1)),
        "land_van_herkomst": st.sampled_from(["SY", "ER", "AF", "UA"]),
        "bsn": st.one_of(st.just(""), bsn()),
        "v_nummer": tekst_tot(10),
        "telefoon": tekst_tot(20),
        "email": st.sampled_from(["", "deelnemer@example.org"]),
        "datum_verblijfsvergunning": datum(datetime.date(2010, 1, 1), VANDAAG),
        "taalniveau": keuze(Taalniveau.values),
        "talen": meerdere(Taal.values),
        "opleidingsniveau": keuze(Opleidingsniveau.values),
        "inburgering": keuze(Inburgering.values),
        "toestemming_datum": datum(datetime.date(2024, 1, 1), VANDAAG),
    }
    if met_gemeente:
        velden["gemeente"] = st.just(str(met_gemeente.pk))
        velden["dubbel_bevestigd"] = st.sampled_from(["", "true"])
    return velden


def fuzz_post(client, dossier: Dossier, url: str, data: dict, *, doel: Deelnemer | None = None):
    """Post `data`; daarna moet elke pagina van het dossier `doel` (standaard de deelnemer
    van het dossier) nog renderen, en na een geslaagde opslag ook die van elke nieuwe
    deelnemer en werkgever."""
    doel = doel or dossier.deelnemer
    antwoord = client.post(url, data)
    controleer_antwoord(antwoord, f"POST {url}")
    nieuwe_deelnemers, nieuwe_werkgevers = dossier.nieuwe()
    if antwoord.status_code == 302 or nieuwe_deelnemers or nieuwe_werkgevers:
        controleer_paginas(client, [doel, *nieuwe_deelnemers], nieuwe_werkgevers)
    else:
        # Geweigerd: er hoort niets veranderd te zijn; het dossier rendert nog.
        dossierpagina = client.get(reverse("trajecten:dossier", args=[doel.pk]))
        assert dossierpagina.status_code == 200
        controleer_ontsnapt(dossierpagina, "dossier")
    return antwoord


# ---------------------------------------------------------------------------------------------
# De formulieren van de werkplek
# ---------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_registreren(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer(persoonsgegevens(met_gemeente=groningen)))
    fuzz_post(fuzzer, dossier, reverse("trajecten:deelnemer_nieuw"), post)


@FUZZ
@given(data=st.data())
def test_fuzz_persoonsgegevens_wijzigen(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    velden = persoonsgegevens(met_gemeente=None)
    velden["versie"] = st.just(str(dossier.deelnemer.versie))
    post = data.draw(invoer(velden))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:deelnemer_wijzigen", args=[dossier.deelnemer.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_bsn_zoeken(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({"bsn": st.one_of(st.just(dossier.deelnemer.bsn), bsn())}))
    fuzz_post(fuzzer, dossier, reverse("trajecten:bsn_zoeken"), post)


@FUZZ
@given(data=st.data())
def test_fuzz_traject_starten(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "programma": st.just(str(vervolg.pk)),
        "uitvoerder": keuze(Uitvoerder.values),
        "aanmelddatum": datum(VANDAAG - datetime.timedelta(days=300), VANDAAG),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:traject_starten", args=[dossier.zonder_traject.pk]), post,
              doel=dossier.zonder_traject)


@FUZZ
@given(data=st.data())
def test_fuzz_intake(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    traject = data.draw(st.sampled_from([dossier.aangemeld, dossier.traject]))
    post = data.draw(invoer({
        "datum": datum(traject.aanmelddatum, VANDAAG),
        "beroepswens": tekst_tot(200),
        "sector": st.one_of(st.just(""), keuze(Sector.values)),
        "belemmeringen": meerdere(Belemmering.values),
        "actieplan": st.one_of(tekst_tot(2000), st.just("regel 1\nregel 2 <b>vet</b>")),
    }))
    fuzz_post(fuzzer, dossier, reverse("trajecten:intake", args=[traject.pk]), post,
              doel=traject.deelnemer)


@FUZZ
@given(data=st.data())
def test_fuzz_coach_toewijzen(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "coach": st.just(str(dossier.coach.pk)),
        "versie": st.just(str(dossier.traject.versie)),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:coach_toewijzen", args=[dossier.traject.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_status(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "naar": keuze(Status.values),
        "reden_uitval": tekst_tot(500),
        "datum": datum(dossier.traject.startdatum, VANDAAG),
        "versie": st.just(str(dossier.traject.versie)),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:status_wijzigen", args=[dossier.traject.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_traject_wijzigen(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "uitvoerder": keuze(Uitvoerder.values),
        "kosten": st.one_of(
            st.decimals(min_value=0, max_value=99_999_999, places=2).map(str),
            st.sampled_from(["2500", "1250,50", "0"]),
        ),
        "versie": st.just(str(dossier.traject.versie)),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:traject_wijzigen", args=[dossier.traject.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_plaatsing_registreren(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    start = dossier.traject.startdatum
    post = data.draw(invoer({
        "soort": keuze(Soort.values),
        "werkgever": st.sampled_from(["", str(dossier.werkgever.pk)]),
        "werkgever_naam": tekst_tot(200),
        "werkgever_kvk_nummer": st.sampled_from(["", "12345678", "87654321"]),
        "werkgever_sector": st.one_of(st.just(""), keuze(Sector.values)),
        "functie": tekst_tot(150),
        "startdatum": datum(start, VANDAAG),
        "einddatum": st.one_of(st.just(""), datum(start, VANDAAG + datetime.timedelta(300))),
        "uren_per_week": st.integers(0, 60).map(str),
        "contractvorm": keuze(Contractvorm.values),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:plaatsing_nieuw", args=[dossier.traject.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_plaatsing_beeindigen(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "einddatum": datum(dossier.plaatsing.startdatum, VANDAAG + datetime.timedelta(300)),
        "versie": st.just(str(dossier.plaatsing.versie)),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:plaatsing_beeindigen", args=[dossier.plaatsing.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_plaatsing_wijzigen(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "functie": tekst_tot(150),
        "einddatum": st.one_of(st.just(""), datum(dossier.plaatsing.startdatum,
                                                  VANDAAG + datetime.timedelta(300))),
        "uren_per_week": st.integers(0, 60).map(str),
        "contractvorm": keuze(Contractvorm.values),
        "versie": st.just(str(dossier.plaatsing.versie)),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:plaatsing_wijzigen", args=[dossier.plaatsing.pk]), post)


@FUZZ
@given(data=st.data())
def test_fuzz_contactmoment(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "soort": keuze(ContactSoort.values),
        "datum": datum(dossier.traject.aanmelddatum, VANDAAG),
        "notitie": st.one_of(tekst_tot(5000), st.just("regel 1\r\n<script>fuzzxss()</script>")),
    }))
    url = reverse("trajecten:contact_nieuw", args=[dossier.traject.pk])
    fuzz_post(fuzzer, dossier, url, post)
    # De soort kan ook uit de querystring komen (link vanuit de werkvoorraad).
    soort = data.draw(st.one_of(st.sampled_from(ALLES), keuze(ContactSoort.values)))
    controleer_antwoord(fuzzer.get(url, {"soort": soort}), f"GET {url}")


@FUZZ
@given(data=st.data())
def test_fuzz_werkgever(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "naam": tekst_tot(200),
        "kvk_nummer": st.one_of(st.just(""), st.integers(10_000_000, 99_999_999).map(str)),
        "sector": keuze(Sector.values),
        "gemeente": st.just(str(groningen.pk)),
        "werkakkoord": st.sampled_from(["", "on"]),
        "contactpersoon": tekst_tot(150),
        "contact_email": st.sampled_from(["", "hr@example.org"]),
        "contact_telefoon": tekst_tot(20),
    }))
    fuzz_post(fuzzer, dossier, reverse("trajecten:werkgever_nieuw"), post)


@FUZZ
@given(data=st.data())
def test_fuzz_verhuizen(fuzzer, groningen, emmen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    post = data.draw(invoer({
        "naar_gemeente": st.just(str(emmen.pk)),
        "bevestigd": st.just("on"),
    }))
    fuzz_post(fuzzer, dossier,
              reverse("trajecten:deelnemer_verhuizen", args=[dossier.deelnemer.pk]), post)


# ---------------------------------------------------------------------------------------------
# Import, lijsten met filters, rapportage en inloggen
# ---------------------------------------------------------------------------------------------


@st.composite
def importbestand(draw):
    naam = draw(st.sampled_from([
        "deelnemers.csv", "deelnemers.xlsx", "lijst.xls", "../../etc/passwd", "<script>.csv",
        "\u202ecsv.exe", "a" * 300 + ".csv", "deelnemers.CSV",
    ]))
    cel = st.one_of(st.sampled_from(ALLES), tekst_tot(30), st.just(""))
    soort = draw(st.sampled_from(["csv", "bytes"]))
    if soort == "bytes":
        return naam, draw(st.binary(max_size=3000))
    kolommen = draw(st.one_of(st.just(KOLOMMEN), st.lists(cel, min_size=1, max_size=16)))
    rijen = draw(st.lists(st.lists(cel, min_size=len(kolommen), max_size=len(kolommen)),
                          max_size=5))
    scheiding = draw(st.sampled_from([";", ",", "\t"]))
    regels = [scheiding.join(kolommen)] + [scheiding.join(r) for r in rijen]
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return naam, (bom + "\r\n".join(regels)).encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.data())
def test_fuzz_import(fuzzer, groningen, vervolg, data):
    dossier = Dossier(groningen, vervolg)
    naam, inhoud = data.draw(importbestand())
    bestand = SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")
    antwoord = fuzz_post(fuzzer, dossier, "/deelnemers/import/", {"bestand": bestand})
    assert antwoord.status_code in (200, 302, 413)


@FUZZ
@given(data=st.data())
def test_fuzz_filters_van_de_lijsten(fuzzer, groningen, vervolg, data):
    Dossier(groningen, vervolg)
    waarde = st.one_of(vijandige_waarde, tekst_tot(30))
    params = data.draw(st.fixed_dictionaries({}, optional={
        naam: waarde for naam in (
            "zoek", "gemeente", "status", "coach", "taalniveau", "inburgering", "programma",
            "o", "page",
        )
    }))
    for url in (reverse("trajecten:deelnemer_lijst"), reverse("trajecten:werkgever_lijst")):
        controleer_antwoord(fuzzer.get(url, params), f"GET {url} {params!r}")


@pytest.fixture
def coordinatoren(groningen):
    gemeente = HttpsClient()
    gemeente.force_login(LidmaatschapFactory(user__username="fuzz-coordinator",
                                             gemeente=groningen, rol=Rol.COORDINATOR).user)
    landelijk = HttpsClient()
    landelijk.force_login(LidmaatschapFactory(user__username="fuzz-landelijk", gemeente=None,
                                              rol=Rol.COORDINATOR).user)
    return {"gemeente": gemeente, "landelijk": landelijk}


@FUZZ
@given(data=st.data())
def test_fuzz_rapportagefilters(coordinatoren, groningen, vervolg, data):
    waarde = st.one_of(vijandige_waarde, tekst_tot(20))
    params = data.draw(st.fixed_dictionaries({}, optional={
        "programma": st.one_of(waarde, st.just(str(vervolg.pk))),
        "van": st.one_of(waarde, datum(datetime.date(2000, 1, 1), VANDAAG)),
        "tot": st.one_of(waarde, datum(datetime.date(2000, 1, 1), VANDAAG)),
        "gemeente": st.one_of(waarde, st.lists(st.sampled_from(["GM0014", "GM0114", "GM9999"]),
                                               max_size=3)),
    }))
    wie, naam = data.draw(st.sampled_from([
        ("landelijk", "rapportage:landelijk"), ("gemeente", "rapportage:export_csv"),
        ("gemeente", "rapportage:export_xlsx"), ("landelijk", "rapportage:export_csv"),
    ]))
    url = reverse(naam)
    controleer_antwoord(coordinatoren[wie].get(url, params), f"GET {url} {params!r}")
    cbs_code = data.draw(st.one_of(st.just(groningen.cbs_code), vijandige_waarde.filter(
        lambda w: isinstance(w, str) and "/" not in w and "?" not in w and "#" not in w
    )))
    url = f"/rapportage/gemeente/{quote(cbs_code, safe='')}/"
    controleer_antwoord(coordinatoren["gemeente"].get(url, params), f"GET {url} {params!r}")


@FUZZ
@given(data=st.data())
def test_fuzz_inloggen(fuzzer, medewerker, data):
    post = data.draw(invoer({
        "auth-username": st.sampled_from([medewerker.username, "onbekend"]),
        "auth-password": tekst_tot(100),
        "login_view-current_step": st.just("auth"),
        "next": st.sampled_from(["/werkvoorraad/", "https://example.org/", "//evil.example"]),
    }))
    client = HttpsClient()
    controleer_antwoord(client.post(reverse("login"), post), "POST login")
    volgende = data.draw(vijandige_waarde.filter(lambda w: isinstance(w, str)))
    controleer_antwoord(client.get(reverse("login"), {"next": volgende}), "GET login")
