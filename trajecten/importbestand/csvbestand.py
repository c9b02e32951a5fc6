"""Een CSV-bestand regel voor regel lezen, met de grenzen van `grenzen.py`.

Het bestand wordt niet in één keer gedecodeerd en niet in één keer gesplitst: de regels komen
uit een `TextIOWrapper` over de bytes, en `csv.reader` krijgt ze één voor één. Per rij telt
`_BegrensdeRegels` de tekens die de lezer opvraagt (ook over regeleinden binnen
aanhalingstekens heen); een rij van meer dan `MAX_RIJLENGTE` tekens wordt geweigerd vóórdat de
lezer er een lijst van maakt. Zo kost een kopregel van 2,6 miljoen kolommen geen 2,6 miljoen
strings, maar één weigering.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from .grenzen import (
    MAX_CELLENGTE,
    MAX_KOLOMMEN,
    MAX_RIJLENGTE,
    ImportGeweigerd,
    bestandsfout,
    cel_te_lang,
    getal,
    te_veel_kolommen,
)


class _BegrensdeRegels:
    """Geeft de regels van een tekststroom en weigert een rij die te lang wordt."""

    def __init__(self, stroom: io.TextIOBase):
        self.stroom = stroom
        self.rij = 1
        self.tekens = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        regel = self.stroom.readline(MAX_RIJLENGTE + 1)
        if not regel:
            raise StopIteration
        self.tekens += len(regel)
        if self.tekens > MAX_RIJLENGTE:
            raise bestandsfout(_(
                "Deze rij is langer dan %(max)s tekens. Staat er een aanhalingsteken (\") dat "
                "niet wordt gesloten, of heel veel kolommen? Er is niets geïmporteerd."
            ) % {"max": getal(MAX_RIJLENGTE)}, rij=self.rij)
        return regel

    def volgende_rij(self) -> None:
        self.rij += 1
        self.tekens = 0


def _begrensd(rijnummer: int, waarden: list[str]) -> list[str]:
    if len(waarden) > MAX_KOLOMMEN:
        if any(w.strip() for w in waarden[MAX_KOLOMMEN:]):
            raise te_veel_kolommen(rijnummer)
        waarden = waarden[:MAX_KOLOMMEN]
    for index, waarde in enumerate(waarden):
        if len(waarde) > MAX_CELLENGTE:
            raise cel_te_lang(rijnummer, get_column_letter(index + 1))
    return waarden


def _scheidingsteken(inhoud: bytes) -> str:
    """`;` of `,`: wat het vaakst in de eerste niet-lege regel staat (zonder alles te decoderen)."""
    begin = re.compile(rb"\S").search(inhoud, len(codecs.BOM_UTF8) * inhoud.startswith(
        codecs.BOM_UTF8))
    if begin is None:
        return ","
    einde = inhoud.find(b"\n", begin.start(), begin.start() + MAX_RIJLENGTE)
    regel = inhoud[begin.start():einde if einde != -1 else begin.start() + MAX_RIJLENGTE]
    return ";" if regel.count(b";") > regel.count(b",") else ","


def lees_csv(inhoud: bytes) -> Iterator[tuple[int, list[str]]]:
    """(rijnummer, waarden) per rij met tekst; hoogstens `MAX_KOLOMMEN` waarden.

    Geeft `ImportGeweigerd` bij een bestand dat geen UTF-8-CSV is, of dat een grens overschrijdt.
    Het scheidingsteken (`;` of `,`) volgt uit de eerste niet-lege regel.
    """
    if inhoud.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise bestandsfout(_(
            "Het bestand is opgeslagen als ‘Unicode-tekst’ (UTF-16). Sla het in Excel op als "
            "‘CSV UTF-8 (door komma's gescheiden)’ of gebruik het XLSX-sjabloon."
        ))
    if b"\x00" in inhoud:
        raise bestandsfout(_(
            "Dit is geen CSV-tekstbestand. Is het een Excel-bestand? Gebruik dan de extensie "
            ".xlsx, of sla het in Excel op als ‘CSV UTF-8’."
        ))
    regels = _BegrensdeRegels(
        io.TextIOWrapper(io.BytesIO(inhoud), encoding="utf-8-sig", newline="")
    )
    lezer = csv.reader(regels, delimiter=_scheidingsteken(inhoud), strict=True)
    rijnummer = 0
    try:
        for rijnummer, waarden in enumerate(lezer, start=1):
            regels.volgende_rij()
            if waarden:  # een lege regel (Excel exporteert er soms duizenden) kost niets
                yield rijnummer, _begrensd(rijnummer, waarden)
    except UnicodeDecodeError as exc:
        raise bestandsfout(_(
            "Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8 (door "
            "komma's gescheiden)’ of gebruik het XLSX-sjabloon."
        )) from exc
    except csv.Error as exc:
        raise bestandsfout(_(
            "Rij %(rij)s is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet wordt "
            "gesloten, of een veel te lange waarde). Er is niets geïmporteerd."
        ) % {"rij": rijnummer + 1}) from exc


__all__ = ["ImportGeweigerd", "lees_csv"]
