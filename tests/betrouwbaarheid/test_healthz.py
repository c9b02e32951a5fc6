"""`/healthz` tegen echte databases: gemigreerd, leeg (migraties open) en onbereikbaar.

De foutgevallen draaien de echte app in een apart proces met een eigen `DATABASE_URL`: zo
faalt de database echt (geen mock) en blijft de testdatabase van dit proces onaangeroerd.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

PROJECT = Path(__file__).resolve().parents[2]

HEALTHZ_IN_APART_PROCES = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client

def vraag():
    r = Client().get("/healthz")
    return {"status": r.status_code, "body": r.content.decode(), "location": r.get("Location")}

uitkomsten = [vraag()]
if "--migreer" in sys.argv:
    call_command("migrate", verbosity=0, interactive=False)
    uitkomsten.append(vraag())
print(json.dumps(uitkomsten))
"""


def healthz_met_database(database_url: str, *, migreer: bool = False) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY="alleen-voor-tests-niet-geheim",
        ALLOWED_HOSTS="testserver",
        MFA_VERPLICHT="true",
    )
    argv = [sys.executable, "-c", HEALTHZ_IN_APART_PROCES] + (["--migreer"] if migreer else [])
    proces = subprocess.run(
        argv, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    return json.loads(proces.stdout.strip().splitlines()[-1])


def _postgres_url(naam: str) -> str:
    s = connection.settings_dict
    gebruiker = s["USER"] or "postgres"
    return f"postgres://{gebruiker}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{naam}"


@pytest.fixture
def lege_database_url(tmp_path):
    """Een bestaande, bereikbare maar lege database van hetzelfde soort als de testdatabase."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'leeg.sqlite3'}"
        return
    import psycopg

    naam = f"bo_healthz_leeg_{uuid.uuid4().hex[:8]}"
    beheer = psycopg.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"] or "postgres",
        dbname="postgres",
        autocommit=True,
    )
    beheer.execute(f'CREATE DATABASE "{naam}"')
    try:
        yield _postgres_url(naam)
    finally:
        beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        beheer.close()


@pytest.fixture
def onbereikbare_database_url(tmp_path):
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'bestaat-niet' / 'db.sqlite3'}"
    return _postgres_url(f"bo_bestaat_niet_{uuid.uuid4().hex[:8]}")


@pytest.mark.django_db
def test_healthz_ok_als_database_antwoordt_en_alles_gemigreerd_is(client):
    antwoord = client.get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord.json() == {"status": "ok", "cache": "ok"}
    assert "no-cache" in antwoord["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_publiek_en_niet_schrijfbaar(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_503_bij_openstaande_migraties_en_200_na_migreren(lege_database_url):
    voor, na = healthz_met_database(lege_database_url, migreer=True)
    assert voor["status"] == 503
    body = json.loads(voor["body"])
    assert body["status"] == "fout"
    assert body["migraties"] == "niet toegepast"
    assert body["open_migraties"] > 10
    assert set(body) == {"status", "migraties", "open_migraties", "cache"}
    assert na["status"] == 200
    assert json.loads(na["body"]) == {"status": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_503_zonder_details_als_database_onbereikbaar_is(onbereikbare_database_url):
    (uitkomst,) = healthz_met_database(onbereikbare_database_url)
    assert uitkomst["status"] == 503
    assert json.loads(uitkomst["body"]) == {
        "status": "fout", "database": "onbereikbaar", "cache": "ok"
    }
    for geheim in ("Traceback", "bestaat", "postgres", "sqlite", "OperationalError"):
        assert geheim not in uitkomst["body"]


@pytest.mark.django_db
def test_healthz_wordt_niet_naar_https_omgeleid_andere_paginas_wel(settings):
    """In productie staat SECURE_SSL_REDIRECT aan; de healthcheck in de container praat HTTP."""
    settings.SECURE_SSL_REDIRECT = True
    client = Client()  # gewoon HTTP, niet de HTTPS-client van tests/conftest.py
    assert client.get("/accounts/login/").status_code == 301
    antwoord = client.get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok", "cache": "ok"}
