"""Storingen nagespeeld tegen `make serve`: PostgreSQL en Redis achter een TCP-proxy
(`bench/storingsproxy.py`) die we pauzeren (alles blijft hangen), verbreken (weg) en herstellen.
Een meting, geen test (zie bench/README.md en README, "Betrouwbaarheid").

    .venv/bin/python bench/storingen.py
    STORING_SECONDEN=30 .venv/bin/python bench/storingen.py

Opzet: een eigen database (`BENCH_DB`, standaard `bo_bench_serve`, met demodata), proxy's op
`PG_PROXY_POORT` (15432 → 5432) en `REDIS_PROXY_POORT` (16379 → 6379), en `make serve` met
`DATABASE_URL` en `CACHE_URL` (Redis-db `BENCH_REDIS_DB`, standaard 9) via die proxy's; de
wachtrij (`CELERY_BROKER_URL`, db `BENCH_BROKER_DB`, standaard 10) gaat rechtstreeks. Per
storing, `STORING_SECONDEN` lang, herhaald: `/healthz`, een ingelogde pagina (`/werkvoorraad/`),
het dashboard van een coördinator, (bij PostgreSQL) een contactmoment opslaan of (bij Redis)
inloggen, terwijl `STORING_GEBRUIKERS` (6) anderen steeds `/werkvoorraad/` opvragen; daarna hoe
lang het duurt tot alles weer 200 geeft. Tot slot wat er in het log kwam.
"""

from __future__ import annotations

import datetime
import os
import re
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import serve_hulp
from serve_hulp import GEBRUIKER, Serve, bereid_database, inloggen, inlogpoging, vraag
from storingsproxy import Storingsproxy

SECONDEN = float(os.environ.get("STORING_SECONDEN", "20"))
PG_POORT = int(os.environ.get("PG_PROXY_POORT", "15432"))
REDIS_POORT = int(os.environ.get("REDIS_PROXY_POORT", "16379"))
GEBRUIKERS = int(os.environ.get("STORING_GEBRUIKERS", "6"))
CONTACT = re.compile(r'/trajecten/(\d+)/contact/')


def inloggen_als(basis: str, gebruiker: str) -> dict:
    oud = serve_hulp.GEBRUIKER
    serve_hulp.GEBRUIKER = gebruiker
    try:
        return inloggen(basis)
    finally:
        serve_hulp.GEBRUIKER = oud


class Meting:
    def __init__(self, basis: str, medewerker: dict, coordinator: dict, traject: str):
        self.basis, self.medewerker, self.coordinator = basis, medewerker, coordinator
        self.traject = traject
        self.regels: list[tuple] = []

    def ronde(self, storing: str, *, post: bool, inloggen: bool = True) -> dict:
        uit = {}
        r = self._vraag("/healthz", None)
        uit["healthz"] = (r.status, r.duur, r.body.strip() if r.status else "")
        r = self._vraag("/werkvoorraad/", self.medewerker)
        uit["pagina"] = (r.status, r.duur, self._soort(r))
        r = self._vraag("/rapportage/gemeente/GM0014/", self.coordinator)
        uit["dashboard"] = (r.status, r.duur, self._soort(r))
        if post:
            r = self._vraag(f"/trajecten/{self.traject}/contact/", self.medewerker, data={
                "soort": "gesprek", "datum": datetime.date.today().isoformat(),
                "notitie": f"storingstest {time.time():.0f}",
            })
            uit["opslaan"] = (r.status, r.duur, self._soort(r))
        elif inloggen:
            uit["inloggen"] = self._inloggen()
        for wat, (status, duur, soort) in uit.items():
            self.regels.append((storing, wat, status, duur, soort))
        return uit

    def _inloggen(self) -> tuple:
        """Het echte inlogformulier (de inloglimiet telt in de cache): 302 is ingelogd."""
        begin = time.monotonic()
        try:
            r, cookies = inlogpoging(self.basis, GEBRUIKER, timeout=40)
        except OSError as exc:
            return (0, time.monotonic() - begin, type(exc).__name__)
        return (r.status, time.monotonic() - begin,
                "ingelogd" if r.status == 302 and "sessionid" in cookies else "")

    def _vraag(self, pad, cookies, data=None):
        try:
            return vraag(self.basis, pad, cookies=dict(cookies) if cookies else None,
                         methode="POST" if data else "GET", data=data, timeout=40)
        except OSError as exc:
            return serve_hulp.Antwoord(0, 40.0, type(exc).__name__, {})

    @staticmethod
    def _soort(r) -> str:
        if "niet zeker of uw wijziging is opgeslagen" in r.body:
            return "503: uitkomst onbekend, link naar dossier" if "het dossier</a>" in r.body \
                else "503: uitkomst onbekend"
        if "Tijdelijk niet beschikbaar" in r.body:
            return "503-pagina (NL)"
        if r.status in (301, 302):
            return f"→ {r.kop.get('Location', '')}"
        return ""

    def tabel(self):
        per = defaultdict(list)
        for storing, wat, status, duur, soort in self.regels:
            per[(storing, wat)].append((status, duur, soort))
        print(f"\n{'storing':<26} {'verzoek':<10} {'statussen':<16} {'max s':>6} {'p50 s':>6}  "
              f"wat de gebruiker ziet")
        for (storing, wat), rijen in per.items():
            statussen = ",".join(sorted({str(s) for s, _, _ in rijen}))
            duren = sorted(d for _, d, _ in rijen)
            soorten = "; ".join(sorted({s for _, _, s in rijen if s}))[:70]
            print(f"{storing:<26} {wat:<10} {statussen:<16} {duren[-1]:>6.2f} "
                  f"{duren[len(duren) // 2]:>6.2f}  {soorten}")


class Achtergrond:
    """`aantal` gebruikers die tijdens een storing steeds `/werkvoorraad/` opvragen: zo meten we
    `/healthz` terwijl de workers het druk hebben met verzoeken die op de database wachten."""

    def __init__(self, basis: str, cookies: dict, aantal: int):
        self.basis, self.cookies, self.aantal = basis, cookies, aantal
        self.statussen: Counter = Counter()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def _loop(self):
        while not self._stop.is_set():
            try:
                r = vraag(self.basis, "/werkvoorraad/", cookies=dict(self.cookies), timeout=40)
                self.statussen[r.status] += 1
            except OSError as exc:
                self.statussen[type(exc).__name__] += 1

    def __enter__(self):
        self.statussen.clear()
        self._stop.clear()
        self._threads = [threading.Thread(target=self._loop) for _ in range(self.aantal)]
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for t in self._threads:
            t.join()


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def herstel_tijd(meting: Meting, storing: str) -> float:
    """Seconden na het herstellen tot /healthz, de pagina en het dashboard weer 200 geven."""
    begin = time.monotonic()
    while time.monotonic() - begin < 60:
        uit = meting.ronde(f"{storing}: herstel", post=False, inloggen=False)
        if all(status == 200 for status, _, _ in uit.values()):
            return time.monotonic() - begin
        time.sleep(0.5)
    return float("inf")


def main():
    db = os.environ.get("BENCH_DB", "bo_bench_serve")
    bereid_database(db)
    pg = Storingsproxy(PG_POORT, "127.0.0.1", 5432).start()
    redis = Storingsproxy(REDIS_POORT, "127.0.0.1", 6379).start()
    env = {
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_POORT}/{db}",
        "CACHE_URL": f"redis://127.0.0.1:{REDIS_POORT}/{os.environ.get('BENCH_REDIS_DB', '9')}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{os.environ.get('BENCH_BROKER_DB', '10')}",
        # Elke ronde logt in (en het herstel telt mee): de standaardgrens van 30 per minuut per
        # IP-adres zou de meting zelf blokkeren.
        "INLOGLIMIET_PER_IP": "600/m,10000/h",
        "SERVE_POORT": os.environ.get("SERVE_POORT", "8080"),
        "GUNICORN_POORT": os.environ.get("GUNICORN_POORT", "8081"),
    }
    log = Path(tempfile.mkdtemp(prefix="bo-storingen-")) / "serve.log"
    serve = Serve(env, log).start()
    try:
        basis = serve.basis
        medewerker = inloggen(basis)
        coordinator = inloggen_als(basis, "coordinator-groningen")
        trajecten = CONTACT.findall(vraag(basis, "/werkvoorraad/?bereik=alle",
                                          cookies=dict(medewerker)).body)
        meting = Meting(basis, medewerker, coordinator, trajecten[0] if trajecten else "0")
        print(f"make serve draait (log: {log}); ingelogd als {GEBRUIKER} en "
              f"coordinator-groningen; {SECONDEN:.0f} s per storing; load: {load()}")
        for _ in range(3):
            meting.ronde("geen storing", post=False)
        herstel, achtergronden = {}, {}
        achtergrond = Achtergrond(basis, medewerker, GEBRUIKERS)
        for naam, proxy, actie, post in (
            ("PostgreSQL gepauzeerd", pg, "pauzeer", True),
            ("PostgreSQL verbroken", pg, "verbreek", True),
            ("Redis gepauzeerd", redis, "pauzeer", False),
            ("Redis verbroken", redis, "verbreek", False),
        ):
            regels_voor = len(log.read_text().splitlines())
            getattr(proxy, actie)()
            einde = time.monotonic() + SECONDEN
            with achtergrond:
                while time.monotonic() < einde:
                    meting.ronde(naam, post=post)
            achtergronden[naam] = dict(achtergrond.statussen)
            proxy.herstel()
            herstel[naam] = herstel_tijd(meting, naam)
            nieuw = log.read_text().splitlines()[regels_voor:]
            herstel[naam] = (herstel[naam], sum(" ERROR " in r for r in nieuw),
                             sum("database onbereikbaar (" in r for r in nieuw), len(nieuw))
        meting.tabel()
        print(f"\n{'storing':<26} {'herstel s':>9} {'ERROR':>10} {'meldingen':>9} "
              f"{'logregels':>9}")
        for naam, (tijd, tracebacks, meldingen, regels) in herstel.items():
            print(f"{naam:<26} {tijd:>9.1f} {tracebacks:>10} {meldingen:>9} {regels:>9}")
        print(f"\nTegelijk {GEBRUIKERS} gebruikers die steeds /werkvoorraad/ opvragen, "
              f"statussen tijdens de storing:")
        for naam, statussen in achtergronden.items():
            print(f"  {naam:<26} {statussen}")
        print(f"load na afloop: {load()}")
        print("(ERROR: logregels op niveau ERROR; meldingen: 'database onbereikbaar' van "
              "config/storing.py, hoogstens één per worker per minuut; logregels: alles wat make "
              "serve in die tijd logde, ook de accesslogs)")
    finally:
        serve.stop()
        pg.stop()
        redis.stop()


if __name__ == "__main__":
    main()
