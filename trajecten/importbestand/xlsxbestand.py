"""Een XLSX-bestand stroomsgewijs lezen, met de grenzen van `grenzen.py`.

Waarom niet openpyxl (ook niet `read_only=True`, `reset_dimensions()`): openpyxl vult elke rij aan
tot de breedte die het bestand zelf opgeeft en vult ontbrekende rijen op (een werkblad dat
`A1:XFD1048576` opgeeft met één cel in de laatste rij: 3 GB); het bouwt elk `<row>`-element
helemaal in het geheugen voordat het een cel teruggeeft (één rij met tien miljoen `<c/>`), en het
leest de hele tabel met gedeelde teksten als objecten met een index. Wat het bestand zegt over
zijn eigen grootte telt hier niet: de lezer telt zelf.

Hoe: de zip wordt eerst gecontroleerd (aantal onderdelen, uitgepakte grootte, verhouding
ingepakt/uitgepakt), daarna leest expat (`pyexpat`) elk onderdeel in stukken van 64 kB, met
handlers die per cel werken en tellen. Elke grens (`MAX_XML_ELEMENTEN`, `MAX_KOLOMMEN`,
`MAX_CELLENGTE`, `MAX_GEDEELDE_TEKSTEN`, `MAX_TEKENS`, `MAX_STIJLEN`) wordt bewaakt op het moment
dat hij bereikt wordt. XML-trucs zijn uitgesloten zoals defusedxml dat doet: geen DTD, geen
entiteiten, geen externe verwijzingen (billion laughs, XXE). openpyxl levert alleen de
datumnotaties en de omrekening van Excel-datums.
"""

from __future__ import annotations

import datetime
import io
import logging
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.parsers import expat

from defusedxml.common import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from django.utils.translation import gettext as _
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from .grenzen import (
    MAX_CELLENGTE,
    MAX_GEDEELDE_TEKSTEN,
    MAX_KOLOMMEN,
    MAX_STIJLEN,
    MAX_XLSX_ONDERDELEN,
    MAX_XLSX_UITGEPAKT,
    MAX_XLSX_VERHOUDING,
    MAX_XML_ELEMENTEN,
    VERHOUDING_VANAF,
    ImportGeweigerd,
    bestandsfout,
    cel_te_lang,
    onleesbaar_xlsx,
    te_complex_xlsx,
    te_veel_kolommen,
)

logger = logging.getLogger(__name__)

#: Tekens in alle bewaarde teksten samen (gedeelde teksten, en de waarden van de rijen). Een
#: bestand van 5.000 deelnemers heeft er ongeveer 2 miljoen.
MAX_TEKENS = 5_000_000
STUK = 64 * 1024
#: De laatste rij van Excel; een hoger rijnummer is een kapot of vijandig bestand.
MAX_RIJNUMMER = 1_048_576
#: Een Excel-datum: 1 is 1900-01-01, 2958465 is 9999-12-31.
EXCEL_DATUMS = (1, 2958466)
GETAL = re.compile(r"-?\d+")
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _TeLang:
    """Een gedeelde tekst die langer is dan `MAX_CELLENGTE` (alleen een fout als hij gebruikt
    wordt)."""


TE_LANG = _TeLang()


# --- de zip ----------------------------------------------------------------------------------


def _archief(inhoud: bytes) -> zipfile.ZipFile:
    if not inhoud.startswith(b"PK\x03\x04"):
        raise onleesbaar_xlsx()
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, NotImplementedError,
            EOFError) as exc:
        raise onleesbaar_xlsx() from exc
    onderdelen = archief.infolist()
    if len(onderdelen) > MAX_XLSX_ONDERDELEN:
        raise te_complex_xlsx()
    # De opgegeven grootte begrenst ook wat zipfile werkelijk uitpakt: wie een kleinere grootte
    # opgeeft dan er in zit, krijgt een CRC-fout (onleesbaar) en niet meer bytes.
    te_groot = sum(o.file_size for o in onderdelen) > MAX_XLSX_UITGEPAKT or any(
        o.file_size > VERHOUDING_VANAF
        and o.file_size > MAX_XLSX_VERHOUDING * max(o.compress_size, 1)
        for o in onderdelen
    )
    if te_groot:
        raise bestandsfout(_("Het XLSX-bestand is uitgepakt te groot om te importeren."))
    return archief


def _weiger_dtd(name, sysid, pubid, has_internal_subset):
    raise DTDForbidden(name, sysid, pubid)


def _weiger_entiteit(name, is_parameter_entity, value, base, sysid, pubid, notation_name):
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _weiger_ongeparste_entiteit(name, base, sysid, pubid, notation_name):
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation_name)


def _weiger_externe_verwijzing(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


class _Teller:
    """De XML-elementen van alle onderdelen van één werkmap samen."""

    def __init__(self):
        self.over = MAX_XML_ELEMENTEN


class _Onderdeel:
    """Handlers voor één XML-onderdeel; telt elementen en verzamelt begrensd tekst."""

    def __init__(self):
        self.teller = _Teller()
        self._tekst: list[str] | None = None
        self._lengte = 0
        self._namen: dict[str, str] = {}

    def begin_tekst(self) -> None:
        self._tekst, self._lengte = [], 0

    def einde_tekst(self) -> str | _TeLang:
        """De verzamelde tekst, of `TE_LANG` als die langer was dan `MAX_CELLENGTE`."""
        delen, self._tekst = self._tekst, None
        if delen is None:
            return ""
        return TE_LANG if self._lengte > MAX_CELLENGTE else "".join(delen)

    def _naam(self, tag: str) -> str:
        naam = self._namen[tag] = tag.rpartition("}")[2]
        return naam

    def _start(self, tag, attrs):
        self.teller.over -= 1
        if self.teller.over < 0:
            raise te_complex_xlsx()
        self.start(self._namen.get(tag) or self._naam(tag), attrs)

    def _einde(self, tag):
        self.einde(self._namen.get(tag) or self._naam(tag))

    def _data(self, data):
        if self._tekst is not None and self._lengte <= MAX_CELLENGTE:
            self._tekst.append(data)
            self._lengte += len(data)

    def start(self, naam, attrs):  # pragma: no cover - per onderdeel
        pass

    def einde(self, naam):  # pragma: no cover - per onderdeel
        pass


def _lees(
    archief: zipfile.ZipFile, pad: str, onderdeel: _Onderdeel, teller: _Teller
) -> Iterator[None]:
    """Voert het onderdeel `pad` in stukken door expat; na elk stuk een `yield`."""
    onderdeel.teller = teller
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _weiger_dtd
    parser.EntityDeclHandler = _weiger_entiteit
    parser.UnparsedEntityDeclHandler = _weiger_ongeparste_entiteit
    parser.ExternalEntityRefHandler = _weiger_externe_verwijzing
    parser.StartElementHandler = onderdeel._start
    parser.EndElementHandler = onderdeel._einde
    parser.CharacterDataHandler = onderdeel._data
    try:
        with archief.open(pad) as bron:
            while True:
                stuk = bron.read(STUK)
                parser.Parse(stuk, not stuk)
                yield
                if not stuk:
                    return
    except ImportGeweigerd:
        raise
    except (expat.ExpatError, DefusedXmlException, zipfile.BadZipFile, zlib.error, KeyError,
            ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        logger.info("XLSX-import onleesbaar (%s)", type(exc).__name__)
        raise onleesbaar_xlsx() from exc


def _helemaal(archief, pad, onderdeel, teller):
    for _stuk in _lees(archief, pad, onderdeel, teller):
        pass
    return onderdeel


# --- werkmap, relaties, stijlen, gedeelde teksten ----------------------------------------------


class _Relaties(_Onderdeel):
    def __init__(self, map_: str):
        super().__init__()
        self.map, self.per_id, self.per_soort = map_, {}, {}

    def start(self, naam, attrs):
        if naam == "Relationship" and attrs.get("Target"):
            doel = attrs["Target"]
            doel = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(
                posixpath.join(self.map, doel)
            )
            self.per_id[attrs.get("Id")] = doel
            self.per_soort.setdefault(attrs.get("Type", "").rpartition("/")[2], doel)


class _Werkmap(_Onderdeel):
    def __init__(self):
        super().__init__()
        self.eerste_blad: str | None = None
        self.epoch = CALENDAR_WINDOWS_1900

    def start(self, naam, attrs):
        if naam == "sheet" and self.eerste_blad is None:
            self.eerste_blad = attrs.get(f"{NS_REL}}}id")
        elif naam == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            self.epoch = CALENDAR_MAC_1904


class _Stijlen(_Onderdeel):
    """Welke celopmaak (index in `cellXfs`) een datum is."""

    def __init__(self):
        super().__init__()
        self.notaties: dict[int, str] = {}
        self.opmaak: list[int] = []
        self._in_cellxfs = False

    def start(self, naam, attrs):
        if naam == "numFmt":
            if len(self.notaties) >= MAX_STIJLEN:
                raise te_complex_xlsx()
            self.notaties[_geheel(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif naam == "cellXfs":
            self._in_cellxfs = True
        elif naam == "xf" and self._in_cellxfs:
            if len(self.opmaak) >= MAX_STIJLEN:
                raise te_complex_xlsx()
            self.opmaak.append(_geheel(attrs.get("numFmtId", "0")))

    def einde(self, naam):
        if naam == "cellXfs":
            self._in_cellxfs = False

    def datumstijlen(self) -> set[int]:
        datums = set()
        for index, notatie_id in enumerate(self.opmaak):
            notatie = self.notaties.get(notatie_id) or BUILTIN_FORMATS.get(notatie_id, "")
            if notatie and is_date_format(notatie):
                datums.add(index)
        return datums


class _GedeeldeTeksten(_Onderdeel):
    """De tabel met gedeelde teksten: per `<si>` de tekst van zijn `<t>`'s, zonder fonetiek."""

    def __init__(self):
        super().__init__()
        self.teksten: list[str | _TeLang] = []
        self.tekens = 0
        self._delen: list[str] | None = None
        self._fonetiek = False

    def start(self, naam, attrs):
        if naam == "si":
            if len(self.teksten) >= MAX_GEDEELDE_TEKSTEN:
                raise te_complex_xlsx()
            self._delen = []
        elif naam == "rPh":
            self._fonetiek = True
        elif naam == "t" and self._delen is not None and not self._fonetiek:
            self.begin_tekst()

    def einde(self, naam):
        if naam == "t" and self._delen is not None and not self._fonetiek:
            deel = self.einde_tekst()
            self._delen.append(deel)
        elif naam == "rPh":
            self._fonetiek = False
        elif naam == "si" and self._delen is not None:
            delen, self._delen = self._delen, None
            if any(d is TE_LANG for d in delen) or sum(map(len, delen)) > MAX_CELLENGTE:
                self.teksten.append(TE_LANG)
                return
            tekst = "".join(delen)
            self.tekens += len(tekst)
            if self.tekens > MAX_TEKENS:
                raise te_complex_xlsx()
            self.teksten.append(tekst)


def _geheel(waarde, standaard: int = -1) -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return standaard


# --- het werkblad ------------------------------------------------------------------------------


class _Werkblad(_Onderdeel):
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
        self._waarde: str | _TeLang | None = None
        self._inline: list[str | _TeLang] | None = None
        self._fonetiek = False

    def start(self, naam, attrs):
        if naam == "c":
            self._start_cel(attrs)
        elif naam == "row":
            rij = _geheel(attrs.get("r"), self._rij + 1)
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
        self._cel = (attrs.get("t", "n"), _geheel(attrs.get("s"), 0))
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
            index = _geheel(tekst)
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
    archief = _archief(inhoud)
    teller = _Teller()
    with archief:
        namen = set(archief.namelist())
        hoofd = (
            _helemaal(archief, "_rels/.rels", _Relaties(""), teller)
            if "_rels/.rels" in namen else None
        )
        werkmap_pad = (hoofd.per_soort.get("officeDocument") if hoofd else None) \
            or "xl/workbook.xml"
        map_, naam = posixpath.split(werkmap_pad)
        relaties_pad = posixpath.join(map_, "_rels", naam + ".rels")
        if werkmap_pad not in namen or relaties_pad not in namen:
            raise onleesbaar_xlsx()
        werkmap = _helemaal(archief, werkmap_pad, _Werkmap(), teller)
        relaties = _helemaal(archief, relaties_pad, _Relaties(map_), teller)
        blad = relaties.per_id.get(werkmap.eerste_blad)
        if blad not in namen:
            raise onleesbaar_xlsx()
        stijlen = relaties.per_soort.get("styles")
        datumstijlen = (
            _helemaal(archief, stijlen, _Stijlen(), teller).datumstijlen()
            if stijlen in namen else set()
        )
        gedeeld = relaties.per_soort.get("sharedStrings")
        teksten = (
            _helemaal(archief, gedeeld, _GedeeldeTeksten(), teller).teksten
            if gedeeld in namen else []
        )
        werkblad = _Werkblad(teksten, datumstijlen, werkmap.epoch)
        for _stuk in _lees(archief, blad, werkblad, teller):
            rijen, werkblad.klaar = werkblad.klaar, []
            yield from rijen
