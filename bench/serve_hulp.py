"""Gedeeld door `bench/trage_clients.py` en `bench/storingen.py`: `make serve` starten tegen een
eigen database (met demodata), inloggen en een pagina opvragen, alles met de standaardbibliotheek.

De app draait zoals `make serve` hem draait (nginx → gunicorn, DEBUG uit), met twee
uitzonderingen voor een meting: `MFA_VERPLICHT=false` (de meting logt in met wachtwoord, zoals
`bench/load.sh`) en de omgeving die het script meegeeft (bijvoorbeeld een proxy ervoor).
"""

from __future__ import annotations

import html
import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PY = str(PROJECT / ".venv" / "bin" / "python")
GEBRUIKER, WACHTWOORD = "medewerker-groningen", "demo"


def psql(sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", sql, "postgres"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()


def bereid_database(db: str, deelnemers: int = 200) -> str:
    """De database `db` (aangemaakt als hij ontbreekt), gemigreerd en met demodata."""
    if psql(f"SELECT 1 FROM pg_database WHERE datname='{db}'") != "1":
        psql(f'CREATE DATABASE "{db}"')
    url = f"postgres://postgres@127.0.0.1:5432/{db}"
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "true"}
    for args in (["migrate", "--noinput"],
                 ["seed_demo", "--als-leeg", "--deelnemers", str(deelnemers)]):
        subprocess.run([PY, "manage.py", *args], cwd=PROJECT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return url


@dataclass
class Serve:
    """`make serve` als eigen procesgroep; `stop()` stopt de hele groep."""

    env: dict
    log: Path
    proces: subprocess.Popen | None = None
    basis: str = field(init=False)

    def __post_init__(self):
        self.basis = f"127.0.0.1:{self.env.get('SERVE_POORT', '8080')}"

    def start(self, seconden: int = 120) -> Serve:
        env = {**os.environ, "MFA_VERPLICHT": "false", "LOG_LEVEL": "WARNING", **self.env}
        self.proces = subprocess.Popen(
            ["make", "--no-print-directory", "serve"], cwd=PROJECT, env=env,
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        einde = time.monotonic() + seconden
        while time.monotonic() < einde:
            if self.proces.poll() is not None:
                sys.exit(f"make serve stopte (zie {self.log})")
            try:
                if vraag(self.basis, "/healthz", timeout=3).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(1)
        self.stop()
        sys.exit(f"make serve gaf na {seconden} s geen 200 op /healthz (zie {self.log})")

    def stop(self) -> None:
        if self.proces and self.proces.poll() is None:
            os.killpg(self.proces.pid, signal.SIGTERM)
            try:
                self.proces.wait(40)
            except subprocess.TimeoutExpired:
                os.killpg(self.proces.pid, signal.SIGKILL)


@dataclass
class Antwoord:
    status: int
    duur: float
    body: str
    kop: dict


def vraag(basis: str, pad: str, *, cookies: dict | None = None, methode: str = "GET",
          data: dict | None = None, timeout: float = 30) -> Antwoord:
    host, poort = basis.split(":")
    verbinding = http.client.HTTPConnection(host, int(poort), timeout=timeout)
    koppen = {"Host": basis}
    if cookies:
        koppen["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        koppen["Content-Type"] = "application/x-www-form-urlencoded"
    begin = time.monotonic()
    try:
        verbinding.request(methode, pad, body=body, headers=koppen)
        r = verbinding.getresponse()
        inhoud = r.read().decode("utf-8", "replace")
        duur = time.monotonic() - begin
        if cookies is not None:
            for naam, waarde in r.getheaders():
                if naam.lower() == "set-cookie":
                    k, _, v = waarde.split(";", 1)[0].partition("=")
                    cookies[k.strip()] = v.strip()
        return Antwoord(r.status, duur, inhoud, dict(r.getheaders()))
    finally:
        verbinding.close()


VERBORGEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')


def inloggen(basis: str) -> dict:
    """Inloggen via het echte formulier; geeft de cookies van de sessie."""
    r, cookies = inlogpoging(basis, GEBRUIKER)
    if r.status != 302 or "sessionid" not in cookies:
        sys.exit(f"inloggen als {GEBRUIKER} mislukt (HTTP {r.status})")
    return cookies


def inlogpoging(basis: str, gebruiker: str, timeout: float = 30) -> tuple[Antwoord, dict]:
    cookies: dict = {}
    pagina = vraag(basis, "/accounts/login/", cookies=cookies, timeout=timeout)
    velden = {}
    for invoer in VERBORGEN.findall(pagina.body):
        naam = re.search(r'name="([^"]+)"', invoer)
        waarde = re.search(r'value="([^"]*)"', invoer)
        if naam:
            velden[naam.group(1)] = html.unescape(waarde.group(1)) if waarde else ""
    velden.update({"auth-username": gebruiker, "auth-password": WACHTWOORD})
    r = vraag(basis, "/accounts/login/", cookies=cookies, methode="POST", data=velden,
              timeout=timeout)
    return r, cookies


def percentielen(tijden: list[float]) -> str:
    if not tijden:
        return "geen metingen"
    t = sorted(tijden)

    def p(q):
        return t[min(len(t) - 1, int(round(q * (len(t) - 1))))] * 1000

    return f"n={len(t)}  p50 {p(0.5):.0f} ms  p95 {p(0.95):.0f} ms  max {t[-1] * 1000:.0f} ms"
