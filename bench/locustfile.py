"""Belastingstest (geen test, een meting): de werkdag van een medewerker.

Elke virtuele gebruiker logt in als een demo-medewerker en doet dan, met bedenktijd, een mix van:
werkvoorraad bekijken, de deelnemerslijst doorbladeren, een dossier openen en een
contactmoment vastleggen. Draai het via `bench/load.sh` (gunicorn + PostgreSQL op 127.0.0.1);
zie `bench/README.md`.

Instellingen via de omgeving:
- `BENCH_GEBRUIKERS` (standaard `medewerker-groningen,medewerker-emmen`), `BENCH_WACHTWOORD`
  (standaard `demo`): de accounts van `seed_demo`;
- `BENCH_BEDENKTIJD` (standaard `1-3`): seconden tussen twee handelingen, als `min-max`.

De server draait zonder TLS op loopback, maar met productie-instellingen (DEBUG uit), dus met
Secure-cookies. `_secure_cookie_ok` stuurt die cookies daarom ook over http terug, maar
alleen naar 127.0.0.1/localhost.
"""

from __future__ import annotations

import datetime
import itertools
import os
import random
import re
import time
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

GEBRUIKERS = os.environ.get(
    "BENCH_GEBRUIKERS", "medewerker-groningen,medewerker-emmen"
).split(",")
WACHTWOORD = os.environ.get("BENCH_WACHTWOORD", "demo")
BEDENKTIJD = [float(s) for s in os.environ.get("BENCH_BEDENKTIJD", "1-3").split("-")]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

DOSSIER_LINK = re.compile(r'href="/deelnemers/(\d+)/["#]')
DOSSIER_PAD = re.compile(r"/deelnemers/\d+/")
# Een link of een formulier (action) naar het contactformulier van een open traject.
CONTACT_LINK = re.compile(r'"/trajecten/(\d+)/contact/')
_volgnummer = itertools.count(1)
#: Inloggen kost bewust veel CPU (PBKDF2) en 50 gelijktijdige logins zijn geen werkdag: de meting
#: begint pas als iedereen is ingelogd (de statistiek wordt dan op nul gezet).
_ingelogd = 0
_meting_begon: float | None = None


def _secure_cookie_ok(self, cookie, request, _standaard=DefaultCookiePolicy.return_ok_secure):
    """Secure-cookies ook over http terugsturen, maar alleen naar de eigen machine."""
    host = urlsplit(request.get_full_url()).hostname
    return host in LOOPBACK or _standaard(self, cookie, request)


# Op de klasse, niet op één cookiejar: requests bouwt per verzoek (en per doorverwijzing) een
# nieuwe jar met het standaardbeleid.
DefaultCookiePolicy.return_ok_secure = _secure_cookie_ok


class Formulieren(HTMLParser):
    """Verzamelt de formulieren van een pagina: actie, methode en velden met hun waarde."""

    def __init__(self):
        super().__init__()
        self.formulieren: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.formulieren.append(
                {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get")
                 .lower(), "velden": {}}
            )
        elif self.formulieren and tag in ("input", "select", "textarea"):
            naam = attrs.get("name")
            if naam and (tag != "input" or attrs.get("type") not in ("checkbox", "radio")
                         or "checked" in attrs):
                self.formulieren[-1]["velden"].setdefault(naam, attrs.get("value") or "")


def formulieren(html: str) -> list[dict]:
    lezer = Formulieren()
    lezer.feed(html)
    return lezer.formulieren


class Medewerker(HttpUser):
    wait_time = between(*BEDENKTIJD)

    def on_start(self):
        self.dossiers: list[str] = []
        self.trajecten: list[str] = []
        self.inloggen()
        self.werkvoorraad()
        self.deelnemers()
        self._meld_ingelogd()

    def _meld_ingelogd(self):
        global _ingelogd, _meting_begon
        _ingelogd += 1
        opties = self.environment.parsed_options
        if opties is not None and _ingelogd == opties.num_users:
            self.environment.stats.reset_all()
            _meting_begon = time.monotonic()
            print(f"Alle {_ingelogd} gebruikers zijn ingelogd; de meting begint nu.", flush=True)

    def inloggen(self):
        gebruiker = random.choice(GEBRUIKERS)
        pagina = self.client.get("/accounts/login/", name="/accounts/login/")
        formulier = next(
            (f for f in formulieren(pagina.text)
             if f["method"] == "post" and any(n.endswith("password") for n in f["velden"])),
            {"velden": {}},
        )
        velden = dict(formulier["velden"])
        for naam in velden:
            if naam.endswith("username"):
                velden[naam] = gebruiker
            elif naam.endswith("password"):
                velden[naam] = WACHTWOORD
        with self.client.post(
            formulier.get("action") or "/accounts/login/", data=velden,
            name="/accounts/login/ (POST)", catch_response=True,
        ) as antwoord:
            if "/accounts/login/" in antwoord.url or antwoord.status_code != 200:
                antwoord.failure(f"inloggen als {gebruiker} mislukt ({antwoord.status_code})")

    def _onthoud(self, html: str) -> None:
        if dossiers := DOSSIER_LINK.findall(html):
            self.dossiers = sorted(set(self.dossiers) | set(dossiers))[-300:]
        if trajecten := CONTACT_LINK.findall(html):
            self.trajecten = sorted(set(self.trajecten) | set(trajecten))[-300:]

    def _pagina(self, pad: str, naam: str):
        with self.client.get(pad, name=naam, catch_response=True) as antwoord:
            if antwoord.status_code != 200:
                antwoord.failure(f"HTTP {antwoord.status_code}")
            elif "/accounts/" in antwoord.url:
                antwoord.failure("doorgestuurd naar inloggen of MFA")
            return antwoord

    @task(3)
    def werkvoorraad(self):
        self._onthoud(self._pagina("/werkvoorraad/", "/werkvoorraad/").text or "")

    @task(3)
    def deelnemers(self):
        pagina = random.choice([1, 1, 1, 2, 3])
        self._onthoud(self._pagina(f"/deelnemers/?page={pagina}", "/deelnemers/").text or "")

    @task(4)
    def dossier(self):
        if not self.dossiers:
            return self.deelnemers()
        pad = f"/deelnemers/{random.choice(self.dossiers)}/"
        self._onthoud(self._pagina(pad, "/deelnemers/[id]/").text or "")

    @task(1)
    def contact_vastleggen(self):
        if not self.trajecten:
            return self.dossier()
        pad = f"/trajecten/{random.choice(self.trajecten)}/contact/"
        pagina = self._pagina(pad, "/trajecten/[id]/contact/")
        # Het contactformulier, niet het uitlogformulier in de navigatiebalk.
        formulier = next(
            (f for f in formulieren(pagina.text or "")
             if f["method"] == "post" and f["action"] in ("", pad) and "soort" in f["velden"]),
            None,
        )
        if formulier is None:
            return
        velden = dict(formulier["velden"])
        velden.update(
            soort="gesprek",
            datum=datetime.date.today().isoformat(),
            notitie=f"Belastingstest: voortgang besproken ({next(_volgnummer)}).",
        )
        with self.client.post(
            formulier["action"] or pad, data=velden, name="/trajecten/[id]/contact/ (POST)",
            catch_response=True,
        ) as antwoord:
            if (antwoord.status_code != 200 or not antwoord.history
                    or not DOSSIER_PAD.search(antwoord.url)):
                antwoord.failure(f"contactmoment niet opgeslagen (HTTP {antwoord.status_code})")


@events.test_stop.add_listener
def _meetvenster(environment, **kwargs):
    if _meting_begon is None:
        print("Niet alle gebruikers kwamen binnen de looptijd binnen: de cijfers bevatten het "
              "inloggen.", flush=True)
    else:
        print(f"Meetvenster: {time.monotonic() - _meting_begon:.0f} s met alle gebruikers.",
              flush=True)
