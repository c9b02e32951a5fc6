"""Het accesslog van gunicorn bevat geen querystring, geen Referer en geen geheim token.

Een zoekterm (een naam) in de URL komt anders in elk accesslog, en via de Referer ook in de
regel van het volgende verzoek. Het token van het agenda-abonnement staat in het pad zelf; wie
het log leest, zou anders elke agenda kunnen lezen. De test start de echte gunicorn met
`config/gunicorn.conf.py`, zoals de Docker-image, en leest het log.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = "config/gunicorn.conf.py"
#: Een onbekend token (404 zonder database): het log behandelt het als elk ander token.
TOKEN = "Q2FsZW5kYXJHZWhlaW0tZ2VoZWltLWdlaGVpbQ"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vraag(url: str, **koppen) -> int:
    verzoek = urllib.request.Request(url, headers=koppen)
    try:
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            return antwoord.status
    except urllib.error.HTTPError as fout:
        return fout.code


def test_accesslog_zonder_querystring_referer_en_token(tmp_path):
    poort = _vrije_poort()
    log = tmp_path / "gunicorn.log"
    omgeving = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "DEBUG": "false", "SECRET_KEY": "alleen-voor-tests-niet-geheim",
        "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false", "LOG_LEVEL": "WARNING",
        # Zonder collectstatic: geen manifest van WhiteNoise.
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    with log.open("w") as uit:
        proces = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", CONFIG, "--bind", f"127.0.0.1:{poort}",
             "--workers", "1"],
            cwd=PROJECT, env=omgeving, stdout=uit, stderr=subprocess.STDOUT,
        )
        try:
            basis = f"http://127.0.0.1:{poort}"
            for _ in range(100):
                try:
                    _vraag(f"{basis}/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            status = _vraag(
                f"{basis}/accounts/login/?next=/deelnemers/%3Fzoek%3DFatima%2BAhmadi",
                Referer=f"{basis}/deelnemers/?zoek=Fatima+Ahmadi&bsn=999999990",
            )
            feed = _vraag(f"{basis}/agenda/feed/{TOKEN}.ics")
        finally:
            proces.terminate()
            proces.wait(timeout=30)
    tekst = log.read_text()
    assert status == 200, tekst
    regels = [r for r in tekst.splitlines() if '"GET /accounts/login/ HTTP/1.1" 200' in r]
    assert len(regels) == 1, tekst
    assert "Fatima" not in tekst
    assert "999999990" not in tekst
    assert "zoek" not in tekst
    assert feed == 404, tekst
    assert '"GET /agenda/feed/[geheim].ics HTTP/1.1" 404' in tekst
    assert TOKEN not in tekst


def test_elke_plek_die_gunicorn_start_gebruikt_de_instellingen():
    for bestand in ("Dockerfile", "docker-compose.yml", "bench/load.sh",
                    "rapportage/management/commands/bench_rapportage.py"):
        tekst = (PROJECT / bestand).read_text()
        assert "gunicorn" in tekst, bestand
        assert CONFIG in tekst, f"{bestand} start gunicorn zonder {CONFIG}"
    readme = (PROJECT / "README.md").read_text()
    for regel in readme.splitlines():
        if "gunicorn " in regel and "`gunicorn" in regel:
            assert CONFIG in regel, regel
