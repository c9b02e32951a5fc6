"""Het BSN, namen en gezondheidsgegevens lekken niet naar logs, URL's of exports.

De test doorloopt de hoofdstromen zoals gebruikers dat doen (registreren met een gegenereerd
BSN, zoeken op BSN, dossier, het volledige BSN tonen, intake met de belemmering gezondheid,
plaatsing, export, import, inzageverzoek, een validatiefout, een 404 op een andere gemeente en
daar hetzelfde BSN registreren) en vangt intussen ELKE
logregel: `caplog` op DEBUG voor alle loggers, en daarnaast een eigen handler in de stijl van
`assertLogs` op de root-logger en op elke logger die niet doorgeeft (zoals `django.server`).
Daarna mag het test-BSN, de naam en de gezondheidstekst nergens staan: niet in een logregel
(ook niet in argumenten, tracebacks of de request-repr), niet in een URL waarheen de app
doorstuurde (`redirect_chain`), niet in een querystring, niet in de rapportage-exports, niet in
het toegangslog of zijn CSV-export, en het BSN ook niet ongemaskeerd in de wijzigingshistorie.

SQL-logging (`django.db.backends`) bestaat alleen met `DEBUG=True`, wat productie nooit heeft;
die staat hier dus ook uit, zoals in productie.
"""

from __future__ import annotations

import datetime
import io
import logging

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template

from gemeenten.models import BsnMelding, Toegangslog
from rapportage.models import Programma
from tests.conftest import HttpsClient
from trajecten.constants import Belemmering
from trajecten.factories import genereer_bsn
from trajecten.importeren import KOLOMMEN
from trajecten.models import Deelnemer, Intake, Plaatsing, Traject

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
VOORNAAM = "Mebrathom"
ACHTERNAAM = "Woldegiorgis"
GEZONDHEID = "Hernia-operatie gepland; fysiotherapie tweemaal per week"
IMPORT_ACHTERNAAM = "Habtemariamson"


def _iso(dagen_geleden: int) -> str:
    return (VANDAAG - datetime.timedelta(days=dagen_geleden)).isoformat()


# --- alles vangen --------------------------------------------------------------------------------


class Vanger(logging.Handler):
    """Zoals `assertLogs`: bewaart elke regel, maar dan volledig geformatteerd (met traceback,
    stack en de repr van alle extra attributen zoals het request van `django.request`)."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.teksten: list[str] = []
        self.formatter = logging.Formatter("%(levelname)s:%(name)s:%(message)s")

    def emit(self, record):
        self.teksten.append(self.format(record) + " " + repr(vars(record)))


@pytest.fixture
def vanger(caplog):
    """Alle loggers op DEBUG; `caplog` én een `Vanger` op de root en op elke logger die niet
    doorgeeft aan de root. Na de test alles terug zoals het was."""
    caplog.set_level(logging.DEBUG)
    vanger = Vanger()
    root = logging.getLogger()
    root.addHandler(vanger)
    namen = set(logging.root.manager.loggerDict) | {
        "django", "django.request", "django.server", "django.security", "django.template",
        "axes", "auditlog", "gemeenten", "trajecten", "rapportage", "config",
    }
    oud = []
    for naam in sorted(namen):
        logger = logging.getLogger(naam)
        oud.append((logger, logger.level, logger.disabled))
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if not logger.propagate:
            logger.addHandler(vanger)
            logger.addHandler(caplog.handler)
    yield vanger
    root.removeHandler(vanger)
    for logger, niveau, uit in oud:
        logger.setLevel(niveau)
        logger.disabled = uit
        for handler in (vanger, caplog.handler):
            if handler in logger.handlers:
                logger.removeHandler(handler)


class Browser:
    """Een ingelogde gebruiker die redirects volgt en elke URL onthoudt die hij ziet."""

    def __init__(self, user=None):
        self.client = HttpsClient()
        if user is not None:
            self.client.force_login(user)
        self.urls: list[str] = []

    def _onthoud(self, response):
        for url, _status in getattr(response, "redirect_chain", []):
            self.urls.append(url)
        if response.has_header("Location"):
            self.urls.append(response["Location"])
        verzoek = response.request
        self.urls.append(f"{verzoek['PATH_INFO']}?{verzoek.get('QUERY_STRING', '')}")
        return response

    def get(self, pad, data=None, *, volg=True):
        return self._onthoud(self.client.get(pad, data, follow=volg))

    def post(self, pad, data=None, *, volg=True):
        return self._onthoud(self.client.post(pad, data or {}, follow=volg))


def _xlsx_tekst(inhoud: bytes) -> str:
    werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True)
    return " ".join(
        str(waarde)
        for blad in werkmap.worksheets
        for rij in blad.iter_rows(values_only=True)
        for waarde in rij
        if waarde is not None
    )


def _csv_bestand(*rijen: dict) -> SimpleUploadedFile:
    regels = [";".join(KOLOMMEN)] + [";".join(r.get(k, "") for k in KOLOMMEN) for r in rijen]
    inhoud = ("\ufeff" + "\r\n".join(regels) + "\r\n").encode()
    return SimpleUploadedFile("deelnemers.csv", inhoud, content_type="text/csv")


@pytest.fixture(autouse=True)
def _verse_rapportagecache():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()


# --- de stromen ----------------------------------------------------------------------------------


def test_hoofdstromen_lekken_geen_bsn_naam_of_gezondheid(
    vanger, caplog, groningen, medewerker, medewerker_emmen, coordinator, beheerder
):
    bsn = genereer_bsn()
    import_bsn = genereer_bsn()
    ongeldig_bsn = bsn[:-1] + str((int(bsn[-1]) + 1) % 10)  # faalt de 11-proef
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    mw = Browser(medewerker)
    downloads: dict[str, str] = {}

    # Registreren met BSN; dan een validatiefout (ongeldig BSN) en een dubbel BSN.
    registratie = {
        "voornaam": VOORNAAM, "achternaam": ACHTERNAAM, "geboortedatum": "1988-02-11",
        "land_van_herkomst": "ER", "gemeente": groningen.pk, "bsn": bsn, "v_nummer": "",
        "telefoon": "", "email": "", "datum_verblijfsvergunning": "", "taalniveau": "a2",
        "talen": ["ti"], "opleidingsniveau": "mbo", "inburgering": "bezig",
        "toestemming_datum": _iso(30),
    }
    antwoord = mw.post("/deelnemers/nieuw/", registratie)
    deelnemer = Deelnemer.objects.get(bsn=bsn)
    assert antwoord.redirect_chain[-1][0] == f"/deelnemers/{deelnemer.pk}/"
    ongeldig = mw.post("/deelnemers/nieuw/", {**registratie, "bsn": ongeldig_bsn})
    assert ongeldig.status_code == 200 and "11-proef" in ongeldig.content.decode()
    dubbel = mw.post("/deelnemers/nieuw/", {**registratie, "achternaam": "Anders"})
    assert dubbel.status_code == 200
    assert Deelnemer.objects.count() == 1

    # Zoeken op BSN (POST) en het dossier openen.
    gevonden = mw.post("/deelnemers/zoeken-op-bsn/", {"bsn": bsn})
    assert gevonden.redirect_chain == [(f"/deelnemers/{deelnemer.pk}/", 302)]
    assert mw.get(f"/deelnemers/{deelnemer.pk}/").status_code == 200
    # Het volledige BSN alleen op verzoek (POST), en dan in de pagina, niet in het log.
    onthuld = mw.post(f"/deelnemers/{deelnemer.pk}/bsn/")
    assert onthuld.status_code == 200 and bsn in onthuld.content.decode()

    # Traject, intake met de belemmering gezondheid, plaatsing.
    mw.post(f"/deelnemers/{deelnemer.pk}/traject/", {
        "programma": vervolg.pk, "uitvoerder": "vluchtelingenwerk", "aanmelddatum": _iso(20),
    })
    traject = Traject.objects.get(deelnemer=deelnemer)
    intake = mw.post(f"/trajecten/{traject.pk}/intake/", {
        "datum": _iso(15), "beroepswens": "Verzorgende IG", "sector": "zorg",
        "belemmeringen": [Belemmering.GEZONDHEID.value, Belemmering.TAAL.value],
        "actieplan": GEZONDHEID, "versie": 0,
    })
    assert intake.status_code == 200
    assert Intake.objects.get(traject=traject).belemmeringen == ["gezondheid", "taal"]
    dossier = mw.get(f"/deelnemers/{deelnemer.pk}/").content.decode()
    assert GEZONDHEID in dossier  # de medewerker ziet het wel, in de pagina
    mw.post(f"/trajecten/{traject.pk}/plaatsing/", {
        "soort": "werkervaringsplaats", "werkgever": "", "werkgever_naam": "Zorggroep Noord",
        "werkgever_kvk_nummer": "", "werkgever_sector": "zorg", "functie": "Helpende",
        "startdatum": _iso(5), "einddatum": "", "uren_per_week": "24", "contractvorm": "geen",
    })
    assert Plaatsing.objects.filter(traject=traject).count() == 1

    # Een medewerker van een andere gemeente: 404 op het dossier, niets gevonden op het BSN.
    emmen = Browser(medewerker_emmen)
    weg = emmen.get(f"/deelnemers/{deelnemer.pk}/")
    assert weg.status_code == 404
    assert emmen.get(f"/trajecten/{traject.pk}/intake/").status_code == 404
    niets = emmen.post("/deelnemers/zoeken-op-bsn/", {"bsn": bsn})
    assert "Geen deelnemer gevonden" in niets.content.decode()
    # Emmen registreert hetzelfde BSN: neutraal geweigerd, een melding voor de beheerder.
    elders = emmen.post("/deelnemers/nieuw/", {
        **registratie, "voornaam": "Iemand", "achternaam": "Anders",
        "gemeente": medewerker_emmen.lidmaatschappen.get().gemeente_id,
    })
    assert "Dit BSN kan hier niet worden gebruikt." in elders.content.decode()
    assert BsnMelding.objects.filter(deelnemer_nummer=deelnemer.pk).exists()
    for pagina in (weg, niets, elders):
        inhoud = pagina.content.decode()
        assert ACHTERNAAM not in inhoud and GEZONDHEID not in inhoud

    # Import: een geldig bestand, en een met een fout in een rij met een BSN.
    rij = {"voornaam": "Filmon", "achternaam": IMPORT_ACHTERNAAM, "geboortedatum": "1993-07-01",
           "land_van_herkomst": "ER", "gemeente": "GM0014", "bsn": import_bsn,
           "toestemming_datum": _iso(10)}
    goed = mw.post("/deelnemers/import/", {"bestand": _csv_bestand(rij)})
    assert "1 deelnemers geïmporteerd" in goed.content.decode()
    fout = mw.post("/deelnemers/import/", {
        "bestand": _csv_bestand({**rij, "bsn": genereer_bsn(), "geboortedatum": "31-02-1990"}),
    })
    assert fout.status_code == 200
    assert Deelnemer.objects.count() == 2

    # Coördinator: dashboard en exports (alleen aggregaten).
    co = Browser(coordinator)
    assert co.get("/rapportage/gemeente/GM0014/", {"programma": vervolg.pk}).status_code == 200
    for soort in ("csv", "xlsx"):
        export = co.get(f"/rapportage/export.{soort}", {"programma": vervolg.pk})
        assert export.status_code == 200
        downloads[soort] = (
            export.content.decode("utf-8-sig") if soort == "csv" else _xlsx_tekst(export.content)
        )
    assert "Groningen" in downloads["csv"] and "Groningen" in downloads["xlsx"]

    # Beheerder: inzageverzoek (bevat het BSN, dat is de bedoeling) en het toegangslog als CSV.
    beheer = Browser(beheerder)
    inzage = beheer.get(f"/beheer/inzage/{deelnemer.pk}/")
    assert inzage.status_code == 200 and bsn in inzage.content.decode()
    assert bsn not in inzage["Content-Disposition"]
    assert ACHTERNAAM not in inzage["Content-Disposition"]
    logexport = beheer.client.post("/admin/gemeenten/toegangslog/", {
        "action": "exporteer_csv", "select_across": "1", "index": "0",
        "_selected_action": list(Toegangslog.objects.values_list("pk", flat=True)),
    })
    assert logexport.status_code == 200
    downloads["toegangslog"] = b"".join(logexport.streaming_content).decode("utf-8-sig")
    assert "dossier_bekeken" in downloads["toegangslog"] or "dossier bekeken" in downloads[
        "toegangslog"]

    # --- en dan zoeken ----------------------------------------------------------------------
    geheimen = {
        "BSN": bsn, "ongeldig BSN": ongeldig_bsn, "import-BSN": import_bsn,
        "achternaam": ACHTERNAAM, "voornaam": VOORNAAM, "import-naam": IMPORT_ACHTERNAAM,
        "gezondheidstekst": GEZONDHEID,
        "belemmering gezondheid": str(Belemmering.GEZONDHEID.label),
    }

    # De vangst is echt: de 404 van Emmen en de inlogregels van django-axes staan erin.
    logtekst = "\n".join(vanger.teksten)
    assert f"Not Found: /deelnemers/{deelnemer.pk}/" in logtekst
    assert any(r.name.startswith("axes") for r in caplog.records)
    caplogtekst = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {r.exc_text or ''} {vars(r)!r}"
        for r in caplog.records
    )

    urls = "\n".join(mw.urls + emmen.urls + co.urls + beheer.urls)
    assert f"/deelnemers/{deelnemer.pk}/" in urls
    toegangslog = "\n".join(str(regel) for regel in Toegangslog.objects.values())
    meldingen = "\n".join(str(regel) for regel in BsnMelding.objects.values())
    assert str(deelnemer.pk) in meldingen
    historie = "\n".join(str(regel) for regel in LogEntry.objects.values())
    assert ACHTERNAAM in historie  # de wijzigingshistorie bevat het dossier wel …

    lekken = [
        f"{wat} staat in {waar}"
        for wat, geheim in geheimen.items()
        for waar, tekst in {
            "de logregels (Vanger)": logtekst,
            "de logregels (caplog)": caplogtekst,
            "een URL of redirect": urls,
            "het toegangslog": toegangslog,
            "de meldingen BSN in andere gemeente": meldingen,
            "de CSV-export": downloads["csv"],
            "de XLSX-export": downloads["xlsx"],
            "de export van het toegangslog": downloads["toegangslog"],
        }.items()
        if geheim in tekst
    ]
    # … maar het BSN alleen gemaskeerd.
    lekken += [f"{wat} staat in de wijzigingshistorie" for wat in ("BSN", "import-BSN")
               if geheimen[wat] in historie]
    assert not lekken, "\n".join(lekken)


def test_templatelogger_laat_de_context_weg(vanger, caplog):
    """Django logt een ontbrekende templatevariabele op DEBUG met een exceptie waarin de hele
    context staat; het filter uit `LOGGING` (gemeenten.logfilters) haalt die weg."""
    deelnemer = Deelnemer(voornaam=VOORNAAM, achternaam=ACHTERNAAM, bsn=genereer_bsn())

    Template("{{ ontbreekt }}").render(Context({"deelnemer": deelnemer, "bsn": deelnemer.bsn}))

    regel = next(r for r in caplog.records if r.name == "django.template")
    assert regel.getMessage().startswith("Exception while resolving variable 'ontbreekt'")
    alles = "\n".join(vanger.teksten)
    assert "ontbreekt" in alles
    for geheim in (ACHTERNAAM, deelnemer.bsn):
        assert geheim not in alles
