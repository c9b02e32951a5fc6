"""Een XLSX-bestand stroomsgewijs lezen, met de grenzen van `grenzen.py`.

Waarom niet openpyxl (ook niet `read_only=True`, `reset_dimensions()`): openpyxl vult elke rij aan
tot de breedte die het bestand zelf opgeeft en vult ontbrekende rijen op (een werkblad dat
`A1:XFD1048576` opgeeft met één cel in de laatste rij: 3 GB); het bouwt elk `<row>`-element
helemaal in het geheugen voordat het een cel teruggeeft (één rij met tien miljoen `<c/>`), en het
leest de hele tabel met gedeelde teksten als objecten met een index. Wat het bestand zegt over
zijn eigen grootte telt hier niet: de lezer telt zelf.

Hoe: de zip en de XML-onderdelen leest `zipxml.py` (begrensd, zonder DTD of entiteiten); hier
staat het werkblad, met handlers die per cel werken en tellen. Elke grens (`MAX_XML_ELEMENTEN`,
`MAX_KOLOMMEN`, `MAX_CELLENGTE`, `MAX_GEDEELDE_TEKSTEN`, `MAX_TEKENS`, `MAX_STIJLEN`) wordt
bewaakt op het moment dat hij bereikt wordt. openpyxl levert alleen de datumnotaties en de
omrekening van Excel-datums.
"""

from __future__ import annotations

import datetime
import math
import posixpath
import re
from collections.abc import Iterator

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import from_excel

from .grenzen import (
    MAX_CELLENGTE,
    MAX_KOLOMMEN,
    cel_te_lang,
    onleesbaar_xlsx,
    te_complex_xlsx,
    te_veel_kolommen,
)
from .zipxml import (
    MAX_TEKENS,
    TE_LANG,
    GedeeldeTeksten,
    Onderdeel,
    Relaties,
    Stijlen,
    TeLang,
    Teller,
    Werkmap,
    archief,
    geheel,
    helemaal,
    lees,
)

#: De laatste rij van Excel; een hoger rijnummer is een kapot of vijandig bestand.
MAX_RIJNUMMER = 1_048_576
#: Een Excel-datum: 1 is 1900-01-01, 2958465 is 9999-12-31.
EXCEL_DATUMS = (1, 2958466)
GETAL = re.compile(r"-?\d+")


# --- het werkblad ------------------------------------------------------------------------------


class _Werkblad(Onderdeel):
    """Geeft per rij met een waarde (rijnummer, waarden); lege rijen en cellen kosten niets."""

    def __init__(self, teksten, datumstijlen: set[int], epoch):
        super().__init__()
        self.teksten, self.datumstijlen, self.epoch = teksten, datumstijlen, epoch
        self.klaar: list[tuple[int, list]] = []
        self.tekens = 0
        self._rij = 0
        self._cellen: dict[int, object] = {}
        self._kolom = 0
        self._cel: tuple[str, int] | None = None
        self._waarde: str | TeLang | None = None
        self._inline: list[str | TeLang] | None = None
        self._fonetiek = False

    def start(self, naam, attrs):
        if naam == "c":
            self._start_cel(attrs)
        elif naam == "row":
            rij = geheel(attrs.get("r"), self._rij + 1)
            if not 1 <= rij <= MAX_RIJNUMMER:
                raise onleesbaar_xlsx()
            self._rij, self._kolom, self._cellen = rij, 0, {}
        elif self._cel is None:
            return
        elif naam == "v":
            self.begin_tekst()
        elif naam == "is":
            self._inline = []
        elif naam == "rPh":
            self._fonetiek = True
        elif naam == "t" and self._inline is not None and not self._fonetiek:
            self.begin_tekst()

    def _start_cel(self, attrs):
        adres = attrs.get("r")
        if adres:
            try:
                letters, _rij = coordinate_from_string(adres)
                self._kolom = column_index_from_string(letters)
            except ValueError as exc:
                raise onleesbaar_xlsx() from exc
        else:
            self._kolom += 1
        self._cel = (attrs.get("t", "n"), geheel(attrs.get("s"), 0))
        self._waarde, self._inline = None, None

    def einde(self, naam):
        if naam == "v" and self._cel is not None:
            self._waarde = self.einde_tekst()
        elif naam == "t" and self._inline is not None and not self._fonetiek:
            self._inline.append(self.einde_tekst())
        elif naam == "rPh":
            self._fonetiek = False
        elif naam == "c" and self._cel is not None:
            self._einde_cel()
        elif naam == "row":
            if self._cellen:
                breedte = max(self._cellen)
                self.klaar.append(
                    (self._rij, [self._cellen.get(k) for k in range(1, breedte + 1)])
                )
            self._cellen = {}

    def _einde_cel(self):
        soort, stijl = self._cel
        self._cel = None
        if soort == "inlineStr":
            delen = self._inline or []
            waarde = TE_LANG if any(d is TE_LANG for d in delen) else "".join(delen)
        else:
            waarde = self._waarde
        if waarde is TE_LANG or (isinstance(waarde, str) and len(waarde) > MAX_CELLENGTE):
            raise cel_te_lang(self._rij, _letter(self._kolom))
        if waarde is None or waarde == "":
            return
        waarde = self._omgezet(soort, stijl, waarde)
        if waarde is None or waarde == "":
            return
        if self._kolom > MAX_KOLOMMEN:
            raise te_veel_kolommen(self._rij)
        if isinstance(waarde, str):
            self.tekens += len(waarde)
            if self.tekens > MAX_TEKENS:
                raise te_complex_xlsx()
        self._cellen[self._kolom] = waarde

    def _omgezet(self, soort: str, stijl: int, tekst: str):
        if soort == "s":
            index = geheel(tekst)
            if not 0 <= index < len(self.teksten):
                raise onleesbaar_xlsx()
            waarde = self.teksten[index]
            if waarde is TE_LANG:
                raise cel_te_lang(self._rij, _letter(self._kolom))
            return waarde
        if soort == "b":
            return tekst.strip() in ("1", "true")
        if soort == "d":
            try:
                return datetime.datetime.fromisoformat(tekst.strip())
            except ValueError:
                return tekst
        if soort in ("str", "inlineStr", "e"):
            return tekst
        return self._getal(stijl, tekst.strip())

    def _getal(self, stijl: int, tekst: str):
        if GETAL.fullmatch(tekst):
            getal: int | float = int(tekst)
        else:
            try:
                getal = float(tekst)
            except ValueError:
                return tekst
        if (stijl in self.datumstijlen and math.isfinite(getal)
                and EXCEL_DATUMS[0] <= getal < EXCEL_DATUMS[1]):
            return from_excel(getal, self.epoch)
        return getal


def _letter(kolom: int) -> str:
    return get_column_letter(kolom) if 1 <= kolom <= 18278 else str(kolom)


# --- samen ---------------------------------------------------------------------------------------


def lees_xlsx(inhoud: bytes) -> Iterator[tuple[int, list]]:
    """(rijnummer zoals in Excel, waarden) per rij van het eerste werkblad die een waarde heeft.

    Waarden zijn tekst, getal, `bool` of `datetime` (een datumcel); hoogstens `MAX_KOLOMMEN`.
    Geeft `ImportGeweigerd` bij een bestand dat geen werkmap is of dat een grens overschrijdt,
    zodra dat blijkt.
    """
    zip_ = archief(inhoud)
    teller = Teller()
    with zip_:
        namen = set(zip_.namelist())
        hoofd = (
            helemaal(zip_, "_rels/.rels", Relaties(""), teller)
            if "_rels/.rels" in namen else None
        )
        werkmap_pad = (hoofd.per_soort.get("officeDocument") if hoofd else None) \
            or "xl/workbook.xml"
        map_, naam = posixpath.split(werkmap_pad)
        relaties_pad = posixpath.join(map_, "_rels", naam + ".rels")
        if werkmap_pad not in namen or relaties_pad not in namen:
            raise onleesbaar_xlsx()
        werkmap = helemaal(zip_, werkmap_pad, Werkmap(), teller)
        relaties = helemaal(zip_, relaties_pad, Relaties(map_), teller)
        blad = relaties.per_id.get(werkmap.eerste_blad)
        if blad not in namen:
            raise onleesbaar_xlsx()
        stijlen = relaties.per_soort.get("styles")
        datumstijlen = (
            helemaal(zip_, stijlen, Stijlen(), teller).datumstijlen()
            if stijlen in namen else set()
        )
        gedeeld = relaties.per_soort.get("sharedStrings")
        teksten = (
            helemaal(zip_, gedeeld, GedeeldeTeksten(), teller).teksten
            if gedeeld in namen else []
        )
        werkblad = _Werkblad(teksten, datumstijlen, werkmap.epoch)
        for _stuk in lees(zip_, blad, werkblad, teller):
            rijen, werkblad.klaar = werkblad.klaar, []
            yield from rijen
