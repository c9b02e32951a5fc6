"""Hulpjes voor de rapportagetests: tabellen van het scherm lezen, getallen uit Nederlandse
notatie halen, CSV en XLSX lezen. Zo vergelijken de tests wat een gebruiker ziet."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from openpyxl import load_workbook

#: Een getal in Nederlandse notatie: 1.750,00 of 83,3 of 12 (een datum telt niet mee).
GETAL = re.compile(
    r"(?<![\d-])-?\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d-])"  # met duizendtallen: 1.750,00
    r"|(?<![\d.,-])-?\d+(?:,\d+)?(?![\d-])"  # zonder: 83,3 of 12
)


def getallen(tekst: str) -> list[float]:
    """Alle getallen in een celtekst, in volgorde: '83,3 % (5 van 6)' → [83.3, 5, 6]."""
    return [float(g.replace(".", "").replace(",", ".")) for g in GETAL.findall(tekst)]


class _Tabellen(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tabellen: dict[str, dict] = {}
        self._tabel = None
        self._deel = None
        self._rij = None
        self._cel = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._tabel = self.tabellen.setdefault(
                attrs["id"], {"koppen": [], "rijen": [], "voet": []})
        elif self._tabel is None:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._deel = tag
        elif tag == "tr":
            self._rij = []
        elif tag in ("th", "td"):
            self._cel = []

    def handle_endtag(self, tag):
        if self._tabel is None:
            return
        if tag in ("th", "td") and self._cel is not None:
            self._rij.append(" ".join("".join(self._cel).split()))
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            doel = {"thead": "koppen", "tbody": "rijen", "tfoot": "voet"}[self._deel]
            if doel == "koppen":
                self._tabel["koppen"] = [k.replace("▲", "").replace("▼", "").strip()
                                         for k in self._rij]
            else:
                self._tabel[doel].append(self._rij)
            self._rij = None
        elif tag == "table":
            self._tabel = None

    def handle_data(self, data):
        if self._cel is not None:
            self._cel.append(data)


def tabellen(html: str) -> dict[str, dict]:
    """{id: {"koppen": [...], "rijen": [[cel, ...]], "voet": [[...]]}} van elke tabel met id."""
    lezer = _Tabellen()
    lezer.feed(html)
    return lezer.tabellen


def als_dicts(tabel: dict, *, voet: bool = False) -> dict[str, dict[str, str]]:
    """Rijen van een tabel als {eerste cel: {kop: cel}}."""
    rijen = tabel["voet"] if voet else tabel["rijen"]
    return {r[0]: dict(zip(tabel["koppen"], r, strict=True)) for r in rijen}


def lees_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def werkboek(response):
    return load_workbook(io.BytesIO(response.content))


def blad_rijen(boek, naam: str) -> list[dict]:
    """De rijen van een blad als dicts op de kopregel."""
    rijen = list(boek[naam].iter_rows(values_only=True))
    kop = rijen[0]
    return [dict(zip(kop, r, strict=True)) for r in rijen[1:]]
