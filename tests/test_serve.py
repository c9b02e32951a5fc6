"""`make serve` (scripts/serve.py): de omgeving en de nginx-configuratie, zonder nginx te starten.

Dat nginx met deze configuratie werkt (trage clients, 503 bij storingen) meten
`bench/trage_clients.py` en `bench/storingen.py` tegen een echte `make serve` (README,
"Betrouwbaarheid").
"""

import importlib.util
import re
from pathlib import Path

import pytest

from trajecten.importbestand.grenzen import MAX_BESTANDSGROOTTE

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def serve(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("serve", PROJECT / "scripts" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "RUN", tmp_path / ".serve")
    monkeypatch.setattr(module, "PROJECT", PROJECT)
    for naam in ("DATABASE_URL", "SECRET_KEY", "DEBUG", "CACHE_URL", "CELERY_BROKER_URL"):
        monkeypatch.delenv(naam, raising=False)
    return module


def test_sqlite_wordt_geweigerd_met_een_nederlandse_melding(serve, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///db.sqlite3")
    with pytest.raises(SystemExit):
        serve.omgeving()
    assert "make serve draait op PostgreSQL, niet op SQLite" in capsys.readouterr().err


def test_standaarden_debug_uit_en_een_bewaarde_sleutel(serve, monkeypatch):
    monkeypatch.setenv("DEBUG", "true")
    env = serve.omgeving()
    assert env["DEBUG"] == "false"
    assert env["DATABASE_URL"].startswith("postgres://")
    assert env["CACHE_URL"].startswith("redis://")
    sleutel = (serve.RUN / "secret_key")
    assert env["SECRET_KEY"] == sleutel.read_text().strip() and len(env["SECRET_KEY"]) > 40
    assert sleutel.stat().st_mode & 0o077 == 0  # alleen voor de eigenaar
    assert serve.omgeving()["SECRET_KEY"] == env["SECRET_KEY"]  # de volgende keer dezelfde
    monkeypatch.setenv("SECRET_KEY", "uit-de-omgeving")
    assert serve.omgeving()["SECRET_KEY"] == "uit-de-omgeving"


def test_nginx_config_bufferend_met_korte_termijnen_en_ruimte_voor_uploads(serve):
    env = {**serve.STANDAARDEN}
    hoofd = serve.nginx_config(env)
    server = (hoofd.parent / "banenoffensief.conf").read_text()
    assert "${" not in server
    assert "listen 127.0.0.1:8080 default_server;" in server
    assert "server 127.0.0.1:8081;" in server
    for regel in ("proxy_buffering on;", "proxy_request_buffering on;",
                  "client_header_timeout 10s;", "client_body_timeout 10s;"):
        assert regel in server
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", server).group(1))
    assert megabytes * 1024 * 1024 > MAX_BESTANDSGROOTTE and megabytes >= 10
    # Het accesslog volgt de regels van gunicorn: geen $request (querystring), geen Referer.
    log_format = re.search(r"log_format banenoffensief (.*?);", server, re.S).group(1)
    assert "$request " not in log_format and "$request_uri" not in log_format
    assert "$http_referer" not in log_format and "$args" not in log_format
    assert "include" in hoofd.read_text() and str(hoofd.parent) in hoofd.read_text()
