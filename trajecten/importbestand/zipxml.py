"""De zip en de XML-onderdelen van een werkmap lezen, begrensd (voor `xlsxbestand.py`).

De zip wordt eerst gecontroleerd (aantal onderdelen, uitgepakte grootte, verhouding ingepakt /
uitgepakt). Daarna leest expat (`pyexpat`) elk onderdeel in stukken van 64 kB, met handlers die
tellen (`MAX_XML_ELEMENTEN` voor alle onderdelen samen) en tekst begrensd verzamelen
(`MAX_CELLENGTE`). XML-trucs zijn uitgesloten zoals defusedxml dat doet: geen DTD, geen
entiteiten, geen externe verwijzingen (billion laughs, XXE). Hier staan ook de kleine onderdelen:
relaties, werkmap, stijlen (welke celopmaak een datum is) en de gedeelde teksten.
"""

from __future__ import annotations

import io
import logging
import posixpath
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
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

from .grenzen import (
    MAX_CELLENGTE,
    MAX_GEDEELDE_TEKSTEN,
    MAX_STIJLEN,
    MAX_XLSX_ONDERDELEN,
    MAX_XLSX_UITGEPAKT,
    MAX_XLSX_VERHOUDING,
    MAX_XML_ELEMENTEN,
    VERHOUDING_VANAF,
    ImportGeweigerd,
    bestandsfout,
    onleesbaar_xlsx,
    te_complex_xlsx,
)

logger = logging.getLogger(__name__)

#: Tekens in alle bewaarde teksten samen (gedeelde teksten, en de waarden van de rijen). Een
#: bestand van 5.000 deelnemers heeft er ongeveer 2 miljoen.
MAX_TEKENS = 5_000_000
STUK = 64 * 1024
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class TeLang:
    """Een gedeelde tekst die langer is dan `MAX_CELLENGTE` (alleen een fout als hij gebruikt
    wordt)."""


TE_LANG = TeLang()


# --- de zip ----------------------------------------------------------------------------------


def archief(inhoud: bytes) -> zipfile.ZipFile:
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


class Teller:
    """De XML-elementen van alle onderdelen van één werkmap samen."""

    def __init__(self):
        self.over = MAX_XML_ELEMENTEN


class Onderdeel:
    """Handlers voor één XML-onderdeel; telt elementen en verzamelt begrensd tekst."""

    def __init__(self):
        self.teller = Teller()
        self._tekst: list[str] | None = None
        self._lengte = 0
        self._namen: dict[str, str] = {}

    def begin_tekst(self) -> None:
        self._tekst, self._lengte = [], 0

    def einde_tekst(self) -> str | TeLang:
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


def lees(
    archief: zipfile.ZipFile, pad: str, onderdeel: Onderdeel, teller: Teller
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


def helemaal(archief, pad, onderdeel, teller):
    for _stuk in lees(archief, pad, onderdeel, teller):
        pass
    return onderdeel


# --- werkmap, relaties, stijlen, gedeelde teksten ----------------------------------------------


class Relaties(Onderdeel):
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


class Werkmap(Onderdeel):
    def __init__(self):
        super().__init__()
        self.eerste_blad: str | None = None
        self.epoch = CALENDAR_WINDOWS_1900

    def start(self, naam, attrs):
        if naam == "sheet" and self.eerste_blad is None:
            self.eerste_blad = attrs.get(f"{NS_REL}}}id")
        elif naam == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            self.epoch = CALENDAR_MAC_1904


class Stijlen(Onderdeel):
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
            self.notaties[geheel(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif naam == "cellXfs":
            self._in_cellxfs = True
        elif naam == "xf" and self._in_cellxfs:
            if len(self.opmaak) >= MAX_STIJLEN:
                raise te_complex_xlsx()
            self.opmaak.append(geheel(attrs.get("numFmtId", "0")))

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


class GedeeldeTeksten(Onderdeel):
    """De tabel met gedeelde teksten: per `<si>` de tekst van zijn `<t>`'s, zonder fonetiek."""

    def __init__(self):
        super().__init__()
        self.teksten: list[str | TeLang] = []
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


def geheel(waarde, standaard: int = -1) -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return standaard
