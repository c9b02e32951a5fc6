"""Storingen (issue 17): een onbereikbare of hangende database geeft een Nederlandse 503, één
logregel per storing, en een schrijfactie met onbekende uitkomst zegt: kijk eerst in het dossier.

De database faalt echt: een apart proces met een `DATABASE_URL` die niet bestaat, of (alleen
PostgreSQL) een TCP-proxy die het verkeer vasthoudt (`bench/storingsproxy.py`). Alleen de
"verbinding valt weg na de COMMIT" is nagespeeld: een `transaction.on_commit`-hook die de fout
van psycopg geeft nadat de echte service echt heeft opgeslagen.
"""

import datetime
import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import OperationalError, connection, transaction
from django.urls import reverse

from config import storing
from trajecten import services
from trajecten.factories import DeelnemerFactory, TrajectFactory
from trajecten.models import Contactmoment

PROJECT = Path(__file__).resolve().parents[2]

PAGINAS_IN_APART_PROCES = """
import json
import django
django.setup()
from django.test import Client

client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "een-sessie-van-voor-de-storing"
uitkomsten = []
for _ in range(20):
    r = client.get("/werkvoorraad/")
    uitkomsten.append({"status": r.status_code, "body": r.content.decode(),
                       "retry": r.get("Retry-After")})
r = client.post("/trajecten/1/contact/", {"soort": "gesprek"})
uitkomsten.append({"status": r.status_code, "body": r.content.decode(),
                   "retry": r.get("Retry-After")})
print(json.dumps(uitkomsten))
"""


def in_apart_proces(code: str, **omgeving) -> tuple[list, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="false",
               SECRET_KEY="alleen-voor-tests-niet-geheim", ALLOWED_HOSTS="testserver",
               SECURE_SSL_REDIRECT="false",
               STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
               **omgeving)
    proces = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert proces.returncode == 0, proces.stderr[-3000:]
    return json.loads(proces.stdout.strip().splitlines()[-1]), proces.stderr


def test_onbereikbare_database_geeft_nederlandse_503_en_een_logregel(tmp_path):
    uitkomsten, log = in_apart_proces(
        PAGINAS_IN_APART_PROCES,
        DATABASE_URL=f"sqlite:///{tmp_path / 'bestaat-niet' / 'db.sqlite3'}",
    )
    *paginas, post = uitkomsten
    for r in paginas + [post]:
        assert r["status"] == 503
        assert "Tijdelijk niet beschikbaar" in r["body"]
        assert r["retry"] == str(storing.OPNIEUW_NA)
        assert "niets half opgeslagen" not in r["body"]
        assert "Traceback" not in r["body"] and "sqlite" not in r["body"]
    assert "niet zeker of uw wijziging is opgeslagen" not in paginas[0]["body"]
    # Een POST: de uitkomst is onbekend, dus eerst kijken (hier is geen dossier bekend).
    assert "niet zeker of uw wijziging is opgeslagen" in post["body"]
    # 21 verzoeken met 503, één melding met één stacktrace.
    assert log.count(" ERROR ") == 1
    assert log.count("database onbereikbaar (OperationalError)") == 1
    assert log.count("django.db.utils.OperationalError: unable to open database file") == 1
    assert "Service Unavailable" not in log


def test_een_melding_per_storing(caplog):
    storing._pagina_demper.gemeld = None
    fout = OperationalError("verbinding weg")
    with caplog.at_level(logging.ERROR, logger="config.storing"):
        assert storing.meld_storing(fout, nu=1000.0)
        for seconde in range(1, 50):
            assert not storing.meld_storing(fout, nu=1000.0 + seconde)
        assert storing.meld_storing(fout, nu=1000.0 + storing.STILTE + 1)
    assert len(caplog.records) == 2
    assert "0 verzoeken met 503" in caplog.records[0].getMessage()
    assert "49 verzoeken met 503" in caplog.records[1].getMessage()
    storing._pagina_demper.gemeld = None


@pytest.fixture
def traject(groningen):
    from rapportage.models import Programma

    return TrajectFactory(deelnemer=DeelnemerFactory(gemeente=groningen), gestart=True,
                          programma=Programma.objects.get(naam="Vervolg Banenoffensief"))


def test_gewone_fout_blijft_een_500(client, medewerker, traject, monkeypatch):
    """Alleen een databasestoring wordt een 503; een bug blijft de 500-pagina."""
    client.force_login(medewerker)
    client.raise_request_exception = False

    def kapot(**kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr(services, "contactmoment_registreren", kapot)
    r = client.post(reverse("trajecten:contact_nieuw", args=[traject.pk]),
                    {"soort": "gesprek", "datum": datetime.date.today().isoformat()})
    assert r.status_code == 500
    assert "Er ging iets mis" in r.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_verbinding_weg_na_commit_zegt_kijk_eerst_in_het_dossier(client, medewerker, traject,
                                                                 monkeypatch):
    client.force_login(medewerker)
    client.raise_request_exception = False
    echt = services.contactmoment_registreren

    def verbinding_weg():
        raise OperationalError("server closed the connection unexpectedly")

    def valt_weg_na_commit(**kwargs):
        with transaction.atomic():
            uitkomst = echt(**kwargs)
            transaction.on_commit(verbinding_weg)
        return uitkomst

    monkeypatch.setattr(services, "contactmoment_registreren", valt_weg_na_commit)
    url = reverse("trajecten:contact_nieuw", args=[traject.pk])
    data = {"soort": "gesprek", "datum": datetime.date.today().isoformat(), "notitie": "Cv"}
    r = client.post(url, data)

    html = r.content.decode()
    assert r.status_code == 503
    assert "niet zeker of uw wijziging is opgeslagen" in html
    dossier = reverse("trajecten:dossier", args=[traject.deelnemer_id])
    assert f'href="{dossier}#tijdlijn">het dossier</a>' in html
    assert "niets half opgeslagen" not in html
    # Het was wél opgeslagen; het dossier toont het.
    assert Contactmoment.objects.filter(traject=traject).count() == 1
    assert "Cv" in client.get(dossier).content.decode()

    # Opnieuw proberen (de verbinding is terug) slaat niets dubbel op.
    monkeypatch.setattr(services, "contactmoment_registreren", echt)
    r = client.post(url, data)
    assert r.status_code == 302 and r.url == f"{dossier}#tijdlijn"
    assert Contactmoment.objects.filter(traject=traject).count() == 1


def test_inloggen_werkt_als_redis_weg_is(client, medewerker, settings):
    """De tellers van de inloglimiet staan in Redis; valt Redis weg, dan kan iedereen nog
    inloggen (de poging telt dan niet mee)."""
    from tests.beveiliging.hulp import stap_wachtwoord

    medewerker.set_password("een-lang-testwachtwoord")
    medewerker.save()
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # niemand luistert: verbinding geweigerd
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }}
    antwoord = stap_wachtwoord(client, medewerker.username, "een-lang-testwachtwoord")
    assert antwoord.status_code == 302
    assert client.get(reverse("trajecten:werkvoorraad")).status_code == 200


# --- PostgreSQL die hangt: een proxy die het verkeer vasthoudt --------------------------------

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="de termijnen (connect_timeout, statement_timeout, waakhond) gelden voor PostgreSQL",
)


def _proxyklasse():
    spec = importlib.util.spec_from_file_location(
        "storingsproxy", PROJECT / "bench" / "storingsproxy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Storingsproxy


@pytest.fixture
def proxy_naar_postgresql():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    instellingen = connection.settings_dict
    proxy = _proxyklasse()(poort, instellingen["HOST"] or "127.0.0.1",
                           int(instellingen["PORT"] or 5432)).start()
    yield proxy
    proxy.stop()


@alleen_postgresql
@pytest.mark.django_db
def test_hangende_verbinding_wordt_na_de_termijn_verbroken(proxy_naar_postgresql):
    from config.postgresql.base import MARGE, DatabaseWrapper, zonder_onderbreker

    instellingen = {**connection.settings_dict, "PORT": proxy_naar_postgresql.poort,
                    "STATEMENT_TIMEOUT": 1}
    wrapper = DatabaseWrapper(instellingen, alias=f"proxy-{uuid.uuid4().hex[:6]}")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
        proxy_naar_postgresql.pauzeer()
        begin = time.monotonic()
        with pytest.raises(OperationalError), wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
        duur = time.monotonic() - begin
        assert 1 <= duur < 1 + MARGE + 1
        assert not wrapper.is_usable()  # de socket is dicht: dat ziet de volgende meteen
        wrapper.close()

        # De stroomonderbreker: nieuwe verbindingen falen even meteen, /healthz probeert echt.
        begin = time.monotonic()
        with pytest.raises(OperationalError, match="nieuwe verbinding overgeslagen"):
            wrapper.ensure_connection()
        assert time.monotonic() - begin < 0.5
        proxy_naar_postgresql.herstel()
        with zonder_onderbreker():
            wrapper.ensure_connection()  # gelukt: de onderbreker gaat dicht
        wrapper.close()
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        wrapper.close()


@alleen_postgresql
@pytest.mark.django_db
def test_onderbreker_verbreekt_ook_wie_al_wacht(proxy_naar_postgresql):
    """Een connect-timeout elders in het proces (hier: `onderbreek()`) zegt genoeg: een query
    die al op de hangende database wacht, hoeft zijn termijn van 30 + 2 s niet uit te zitten."""
    import threading

    from config.postgresql import base as backend

    instellingen = {**connection.settings_dict, "PORT": proxy_naar_postgresql.poort,
                    "STATEMENT_TIMEOUT": 30}
    uitkomst = {}

    def wacht():
        wrapper = backend.DatabaseWrapper(instellingen, alias=f"wacht-{uuid.uuid4().hex[:6]}")
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("SELECT 1")
                proxy_naar_postgresql.pauzeer()
                begin = time.monotonic()
                try:
                    cursor.execute("SELECT 1")
                except OperationalError:
                    uitkomst["fout_na"] = time.monotonic() - begin
        finally:
            wrapper.close()

    backend._onderbreker["tot"] = 0.0
    draad = threading.Thread(target=wacht)
    draad.start()
    time.sleep(1)
    backend.onderbreek()
    draad.join(10)
    backend._onderbreker["tot"] = 0.0
    assert uitkomst["fout_na"] < 2


HEALTHZ_IN_APART_PROCES = """
import json, sys, time
sys.path.insert(0, "bench")
import django
django.setup()
from django.test import Client
from storingsproxy import Storingsproxy

proxy = Storingsproxy(int(sys.argv[1]), sys.argv[2], int(sys.argv[3])).start()
client = Client(raise_request_exception=False)
uitkomsten = []
for stap in ("voor", "pauze", "herstel"):
    if stap == "pauze":
        proxy.pauzeer()
    elif stap == "herstel":
        proxy.herstel()
    for pad in ("/healthz", "/werkvoorraad/"):
        # Een ingelogde gebruiker (een 302 naar inloggen wist het cookie); de load balancer
        # stuurt geen cookie.
        if pad == "/healthz":
            client.cookies.pop("sessionid", None)
        else:
            client.cookies["sessionid"] = "een-sessie"
        begin = time.monotonic()
        r = client.get(pad)
        uitkomsten.append({"stap": stap, "pad": pad, "status": r.status_code,
                           "duur": time.monotonic() - begin, "body": r.content.decode()})
print(json.dumps(uitkomsten))
"""


@alleen_postgresql
@pytest.mark.django_db
def test_healthz_503_binnen_3_s_en_paginas_503_als_postgresql_hangt():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    instellingen = connection.settings_dict
    gebruiker = instellingen["USER"] or "postgres"
    url = f"postgres://{gebruiker}@127.0.0.1:{poort}/{instellingen['NAME']}"
    code = HEALTHZ_IN_APART_PROCES.replace("sys.argv[1]", str(poort)).replace(
        "sys.argv[2]", repr(instellingen["HOST"] or "127.0.0.1")).replace(
        "sys.argv[3]", str(instellingen["PORT"] or 5432))
    uitkomsten, _ = in_apart_proces(code, DATABASE_URL=url, DB_STATEMENT_TIMEOUT="2",
                                    CONN_MAX_AGE="60")
    per = {(u["stap"], u["pad"]): u for u in uitkomsten}
    assert per[("voor", "/healthz")]["status"] == 200
    healthz = per[("pauze", "/healthz")]
    assert healthz["status"] == 503 and healthz["duur"] < 3
    assert json.loads(healthz["body"])["database"] == "onbereikbaar"
    pagina = per[("pauze", "/werkvoorraad/")]
    assert pagina["status"] == 503 and "Tijdelijk niet beschikbaar" in pagina["body"]
    assert pagina["duur"] < 2 + 2 + 1  # statement-timeout + marge van de waakhond
    assert per[("herstel", "/healthz")]["status"] == 200
