"""Meetgereedschap van `bench_rapportage`: percentielen, CPU-tijd uit /proc, een vrije poort,
één request, en de warme doorvoer met wrk (of, zonder wrk, een begrensde Python-lastgenerator
op 127.0.0.1). Een benchmark, geen productiecode."""

from __future__ import annotations

import math
import os
import re
import socket
import subprocess
import threading
import time
from http.client import HTTPConnection


def percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    return geordend[max(0, math.ceil(p / 100 * len(geordend)) - 1)]


def samenvatting(waarden: list[float]) -> str:
    return f"p50 {percentiel(waarden, 50):8.1f} ms   p95 {percentiel(waarden, 95):8.1f} ms"


def wrk(poort, pad, kop, *, verbindingen: int, seconden: int) -> tuple[str, float, int, int]:
    """wrk tegen 127.0.0.1: (uitvoer, requests/s, antwoorden anders dan 2xx/3xx, requests)."""
    commando = ["wrk", "-t", "2", "-c", str(verbindingen), "-d", f"{seconden}s", "--latency",
                "--timeout", "10s"]
    for sleutel, waarde in kop.items():
        commando += ["-H", f"{sleutel}: {waarde}"]
    commando.append(f"http://127.0.0.1:{poort}{pad}")
    uitvoer = subprocess.run(commando, capture_output=True, text=True,
                             timeout=seconden + 60).stdout
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uitvoer)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", uitvoer)
    aantal = re.search(r"(\d+) requests in", uitvoer)
    return (uitvoer, float(rps.group(1)) if rps else 0.0, int(fouten.group(1)) if fouten else 0,
            int(aantal.group(1)) if aantal else 0)


def python_last(poort, pad, kop, *, verbindingen: int, seconden: int):
    """Zonder wrk: `verbindingen` threads tot `seconden` om; (tijden in ms, requests/s, fouten)."""
    einde = time.monotonic() + seconden
    tijden, fouten, slot = [], [0], threading.Lock()

    def werker():
        verbinding = HTTPConnection("127.0.0.1", poort, timeout=10)
        while time.monotonic() < einde:
            begin = time.perf_counter()
            verbinding.request("GET", pad, headers=kop)
            antwoord = verbinding.getresponse()
            antwoord.read()
            with slot:
                tijden.append((time.perf_counter() - begin) * 1000)
                if antwoord.status != 200:
                    fouten[0] += 1
        verbinding.close()

    draden = [threading.Thread(target=werker) for _ in range(verbindingen)]
    begin = time.monotonic()
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=seconden + 30)
    return tijden, len(tijden) / (time.monotonic() - begin), fouten[0]


def cpu_seconden(pid: int) -> float:
    """CPU-tijd (user + system) van een proces en al zijn kinderen, uit /proc (Linux)."""
    totaal, te_doen = 0.0, [pid]
    tik = os.sysconf("SC_CLK_TCK")
    while te_doen:
        p = te_doen.pop()
        try:
            with open(f"/proc/{p}/stat") as f:
                velden = f.read().rsplit(")", 1)[1].split()
            totaal += (int(velden[11]) + int(velden[12])) / tik
            with open(f"/proc/{p}/task/{p}/children") as f:
                te_doen += [int(k) for k in f.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    return totaal


def seconden_tekst(seconden) -> str:
    return "niet binnen de meettijd" if seconden is None else f"{seconden:.1f} s"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haal(poort, pad, kop) -> int:
    verbinding = HTTPConnection("127.0.0.1", poort, timeout=120)
    verbinding.request("GET", pad, headers=kop)
    antwoord = verbinding.getresponse()
    antwoord.read()
    verbinding.close()
    return antwoord.status
