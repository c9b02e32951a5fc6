"""200 trage of stille clients tegen `make serve`, 60 s lang; ondertussen meten we een gewone
ingelogde pagina (`/werkvoorraad/`) en `/healthz`. Een meting, geen test (zie bench/README.md).

    .venv/bin/python bench/trage_clients.py                       # make serve: nginx → gunicorn
    .venv/bin/python bench/trage_clients.py --zonder-proxy        # hetzelfde, recht op gunicorn

Het script maakt en vult een eigen database (`BENCH_DB`, standaard `bo_bench_serve`), start
`make serve` (poorten `SERVE_POORT`/`GUNICORN_POORT`, standaard 8080/8081) en stopt hem weer.
De trage clients, in vier gelijke groepen:

- **stil**: verbinden en niets sturen;
- **slowloris**: een verzoekkop met elke 5 s één regel erbij;
- **trage body**: een POST die 100 kB aankondigt en elke 5 s één byte stuurt;
- **trage lezer**: een ingelogde deelnemerslijst opvragen met een ontvangstbuffer van 1 kB en
  het antwoord nooit lezen (één verzoek per verbinding, de hele meting lang).

Sluit de server zo'n verbinding, dan opent de client meteen een nieuwe: er staan steeds zoveel
verbindingen open als gevraagd. Doel (issue 17): de pagina < 1 s, `/healthz` < 0,5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from serve_hulp import Serve, bereid_database, inloggen, percentielen, vraag

SOORTEN = ("stil", "slowloris", "trage body", "trage lezer")


class TrageClients:
    def __init__(self, host: str, poort: int, aantal: int, cookie: str):
        self.host, self.poort, self.aantal, self.cookie = host, poort, aantal, cookie
        self.open = Counter()
        self.geopend = Counter()
        self.gesloten_door_server = Counter()

    async def _verbind(self, soort: str):
        sock = socket.socket()
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, (self.host, self.poort))
        return await asyncio.open_connection(sock=sock)

    async def _trage_lezer(self, stop: asyncio.Event):
        """Een kale socket met een ontvangstbuffer van 1 kB die nooit leest (asyncio's streams
        zouden zelf tot 128 kB lezen), de hele meting lang; één verzoek per verbinding."""
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
            sock.setblocking(False)
            try:
                await loop.sock_connect(sock, (self.host, self.poort))
                await loop.sock_sendall(sock, (
                    f"GET /deelnemers/?bereik=alle HTTP/1.1\r\nHost: {self.host}:{self.poort}"
                    f"\r\nCookie: {self.cookie}\r\n\r\n").encode())
                self.open["trage lezer"] += 1
                self.geopend["trage lezer"] += 1
                await stop.wait()
                self.open["trage lezer"] -= 1
            except OSError:
                await asyncio.sleep(0.5)
            finally:
                sock.close()

    async def _client(self, soort: str, stop: asyncio.Event):
        if soort == "trage lezer":
            return await self._trage_lezer(stop)
        kop = f"Host: {self.host}:{self.poort}\r\n"
        while not stop.is_set():
            try:
                lezer, schrijver = await self._verbind(soort)
            except OSError:
                await asyncio.sleep(0.5)
                continue
            self.open[soort] += 1
            self.geopend[soort] += 1
            try:
                if soort == "slowloris":
                    schrijver.write(f"GET /werkvoorraad/ HTTP/1.1\r\n{kop}".encode())
                elif soort == "trage body":
                    schrijver.write(
                        f"POST /accounts/login/ HTTP/1.1\r\n{kop}Content-Type: application/"
                        f"x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n".encode()
                    )
                await schrijver.drain()
                while not stop.is_set():
                    if soort == "slowloris":
                        schrijver.write(b"X-Traag: ja\r\n")
                    elif soort == "trage body":
                        schrijver.write(b"a")
                    if soort in ("slowloris", "trage body"):
                        await schrijver.drain()
                    try:
                        # Alleen kijken of de server de verbinding sloot (en wat hij stuurde).
                        data = await asyncio.wait_for(lezer.read(1), timeout=5)
                        if not data:
                            break
                        await asyncio.sleep(5)
                    except TimeoutError:
                        continue
            except (ConnectionError, OSError):
                pass
            finally:
                self.open[soort] -= 1
                if not stop.is_set():
                    self.gesloten_door_server[soort] += 1
                schrijver.transport.abort()

    async def draai(self, seconden: float, klaar: threading.Event):
        stop = asyncio.Event()
        taken = [asyncio.create_task(self._client(SOORTEN[i % len(SOORTEN)], stop))
                 for i in range(self.aantal)]
        await asyncio.sleep(5)  # iedereen verbonden, de trage lezers hebben hun verzoek gedaan
        klaar.set()
        await asyncio.sleep(seconden)
        stop.set()
        await asyncio.gather(*taken, return_exceptions=True)


def meet(basis: str, cookies: dict, stop: threading.Event, uitkomst: dict, timeout: float):
    """Om de beurt de pagina en /healthz, elke 0,5 s, tot `stop`."""
    while not stop.is_set():
        for pad, naam in (("/werkvoorraad/", "pagina"), ("/healthz", "healthz")):
            begin = time.monotonic()
            try:
                r = vraag(basis, pad, cookies=dict(cookies), timeout=timeout)
                goed = r.status == 200 and (naam == "healthz" or "Werkvoorraad" in r.body)
                uitkomst[naam].append((r.duur, goed, r.status))
            except OSError as exc:
                uitkomst[naam].append((time.monotonic() - begin, False, type(exc).__name__))
        stop.wait(0.5)


def meetreeks(basis, cookies, seconden, timeout, clients: TrageClients | None):
    uitkomst = {"pagina": [], "healthz": []}
    stop = threading.Event()
    if clients is None:
        thread = threading.Thread(target=meet, args=(basis, cookies, stop, uitkomst, timeout))
        thread.start()
        time.sleep(seconden)
    else:
        klaar = threading.Event()
        thread = threading.Thread(
            target=lambda: (klaar.wait(), meet(basis, cookies, stop, uitkomst, timeout))
        )
        thread.start()
        asyncio.run(clients.draai(seconden, klaar))
    stop.set()
    thread.join()
    return uitkomst


def toon(titel: str, uitkomst: dict, doelen: dict):
    print(f"\n{titel}")
    for naam, metingen in uitkomst.items():
        tijden = [d for d, _, _ in metingen]
        fout = Counter(str(s) for _, goed, s in metingen if not goed)
        haalt = all(goed for _, goed, _ in metingen) and tijden and max(tijden) < doelen[naam]
        print(f"  {naam:<8} {percentielen(tijden)}  fouten {sum(fout.values())}"
              f"{' ' + dict(fout).__repr__() if fout else ''}  doel max < {doelen[naam]} s: "
              f"{'gehaald' if haalt else 'NIET gehaald'}")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--duur", type=float, default=60)
    ap.add_argument("--zonder-proxy", action="store_true",
                    help="de trage clients en de metingen recht op gunicorn (zonder nginx)")
    args = ap.parse_args()

    db = os.environ.get("BENCH_DB", "bo_bench_serve")
    env = {"DATABASE_URL": bereid_database(db),
           "SERVE_POORT": os.environ.get("SERVE_POORT", "8080"),
           "GUNICORN_POORT": os.environ.get("GUNICORN_POORT", "8081")}
    for naam in ("CACHE_URL", "CELERY_BROKER_URL"):
        if naam in os.environ:
            env[naam] = os.environ[naam]
    log = Path(tempfile.mkdtemp(prefix="bo-traag-")) / "serve.log"
    serve = Serve(env, log).start()
    try:
        poort = int(env["GUNICORN_POORT"] if args.zonder_proxy else env["SERVE_POORT"])
        basis = f"127.0.0.1:{poort}"
        cookies = inloggen(serve.basis)
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        doelen = {"pagina": 1.0, "healthz": 0.5}
        print(f"make serve draait (log: {log}); metingen op http://{basis}/ "
              f"({'gunicorn zonder nginx' if args.zonder_proxy else 'nginx → gunicorn'}); "
              f"load: {load()}")
        for _ in range(5):  # opwarmen: de eerste verzoeken per worker zijn koud
            vraag(basis, "/werkvoorraad/", cookies=dict(cookies))
        toon("Zonder trage clients (10 s):", meetreeks(basis, cookies, 10, 10, None), doelen)
        clients = TrageClients("127.0.0.1", poort, args.clients, cookie)
        uitkomst = meetreeks(basis, cookies, args.duur, 10, clients)
        toon(f"Met {args.clients} trage clients ({args.duur:.0f} s):", uitkomst, doelen)
        print("  trage clients per soort: geopend (door de server gesloten en opnieuw geopend)")
        for soort in SOORTEN:
            print(f"    {soort:<12} {clients.geopend[soort]:>4} "
                  f"({clients.gesloten_door_server[soort]})")
        print(f"  load na afloop: {load()}")
    finally:
        serve.stop()


if __name__ == "__main__":
    main()
