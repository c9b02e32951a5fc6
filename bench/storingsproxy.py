"""Een TCP-proxy om storingen na te spelen: doorgeven, pauzeren, verbreken en herstellen.

    .venv/bin/python bench/storingsproxy.py 15432:127.0.0.1:5432 16379:127.0.0.1:6379

Daarna per regel op stdin: `pauzeer 15432`, `verbreek 15432`, `herstel 15432` (of `alles`
in plaats van een poort), `stop`. Zet de app er met `DATABASE_URL=…@127.0.0.1:15432/…` en
`CACHE_URL=redis://127.0.0.1:16379/…` achter. `bench/storingen.py` gebruikt de klasse
`Storingsproxy` rechtstreeks (ook `tests/betrouwbaarheid/test_storingen.py`).

- **pauzeren**: verbindingen blijven open en nieuwe worden aangenomen, maar er gaat geen byte
  meer door (in beide richtingen): een hangende server of een netwerk dat pakketten vasthoudt;
- **verbreken**: alle verbindingen dicht en nieuwe geweigerd: een server die weg is;
- **herstellen**: weer gewoon doorgeven (wat tijdens een pauze bleef hangen, gaat alsnog door).
"""

from __future__ import annotations

import asyncio
import sys
import threading


class Storingsproxy:
    """Eén luisterpoort → één doel; draait in een eigen thread met een eigen event loop."""

    def __init__(self, poort: int, doel_host: str, doel_poort: int, *, host: str = "127.0.0.1"):
        self.poort, self.host = poort, host
        self.doel = (doel_host, doel_poort)
        self.toestand = "door"
        self._loop = asyncio.new_event_loop()
        self._open: set[asyncio.StreamWriter] = set()
        self._server = None
        self._door: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    # --- bediening (vanuit elke thread) -------------------------------------------------------
    def start(self) -> Storingsproxy:
        self._thread.start()
        self._roep(self._luister())
        return self

    def pauzeer(self):
        self._roep(self._zet("pauze"))

    def verbreek(self):
        self._roep(self._zet("weg"))

    def herstel(self):
        self._roep(self._zet("door"))

    def stop(self):
        self._roep(self._zet("weg"))
        self._roep(self._sluit())
        self._loop.call_soon_threadsafe(self._loop.stop)

    def _roep(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    # --- in de event loop ---------------------------------------------------------------------
    async def _luister(self):
        self._door = asyncio.Event()
        self._door.set()
        self._server = await asyncio.start_server(self._verbinding, self.host, self.poort)

    async def _zet(self, toestand: str):
        self.toestand = toestand
        if toestand == "door":
            self._door.set()
            if self._server is None:
                await self._luister()
        else:
            self._door.clear()
        if toestand == "weg":
            if self._server is not None:
                self._server.close()
                self._server = None
            for w in list(self._open):
                w.transport.abort()
            self._open.clear()

    async def _sluit(self):
        taken = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for taak in taken:
            taak.cancel()
        await asyncio.gather(*taken, return_exceptions=True)

    async def _verbinding(self, lezer, schrijver):
        if self.toestand == "weg":
            schrijver.transport.abort()
            return
        try:
            doel_lezer, doel_schrijver = await asyncio.open_connection(*self.doel)
        except OSError:
            schrijver.transport.abort()
            return
        self._open.update({schrijver, doel_schrijver})
        await asyncio.gather(self._pomp(lezer, doel_schrijver), self._pomp(doel_lezer, schrijver))
        self._open.difference_update({schrijver, doel_schrijver})

    async def _pomp(self, lezer, schrijver):
        try:
            while True:
                await self._door.wait()
                data = await lezer.read(65536)
                if not data:
                    break
                await self._door.wait()  # tijdens een pauze blijft ook wat al gelezen is hangen
                schrijver.write(data)
                await schrijver.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            schrijver.transport.abort() if self.toestand == "weg" else schrijver.close()


def main(argv: list[str]) -> None:
    proxies = {}
    for arg in argv:
        poort, host, doel = arg.split(":")
        proxies[poort] = Storingsproxy(int(poort), host, int(doel)).start()
        print(f"127.0.0.1:{poort} → {host}:{doel}", flush=True)
    for regel in sys.stdin:
        delen = regel.split()
        if not delen:
            continue
        if delen[0] == "stop":
            break
        doelen = proxies.values() if delen[-1] == "alles" else [proxies[delen[-1]]]
        for p in doelen:
            getattr(p, delen[0])()
        print(" ".join(f"{p.poort}:{p.toestand}" for p in proxies.values()), flush=True)
    for p in proxies.values():
        p.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
