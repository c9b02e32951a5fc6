"""Export van de per-gemeentetabel als CSV en XLSX (alleen aggregaten, geen persoonsgegevens).

De kolommen beginnen met `cbs_code, gemeente, trajecten_gestart, personen_geplaatst` (publieke
interface); de getallen komen uit dezelfde (gecachte) berekening als de pagina.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from django.utils.text import slugify
from openpyxl import Workbook

from trajecten.constants import Soort

KOLOMMEN = [
    "cbs_code",
    "gemeente",
    "trajecten_gestart",
    "personen_geplaatst",
    *[f"plaatsingen_{s.value}" for s in Soort],
    "duurzaam_geplaatst_pct",
    "kosten",
    "kosten_per_plaatsing",
    "coaches_getraind",
    "coaches_actief",
    "deelnemers_per_coach",
]

#: Tekens waarmee een spreadsheet een cel als formule kan lezen (CSV/formula injection).
GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    """Maak een celwaarde veilig voor Excel/LibreOffice: tekst die met =, +, -, @, tab of
    carriage return begint, krijgt een apostrof ervoor, zodat hij als tekst wordt gelezen en
    nooit als formule. Getallen en lege waarden blijven wat ze zijn."""
    if isinstance(waarde, str) and waarde.startswith(GEVAARLIJKE_BEGINTEKENS):
        return "'" + waarde
    return waarde


def _getal(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    return waarde


def rijen(tabel: list[dict]) -> list[list]:
    return [[veilige_cel(_getal(r[k])) for k in KOLOMMEN] for r in tabel]


def bestandsnaam(programma_naam: str, datum: datetime.date, extensie: str) -> str:
    return f"rapportage-{slugify(programma_naam)}-{datum.isoformat()}.{extensie}"


def als_csv(tabel: list[dict]) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in rijen(tabel):
        schrijver.writerow(["" if w is None else w for w in rij])
    return uit.getvalue()


def als_xlsx(tabel: list[dict], *, toelichting: list[tuple[str, str]]) -> bytes:
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Per gemeente")
    blad.append(KOLOMMEN)
    for rij in rijen(tabel):
        blad.append(rij)
    info = boek.create_sheet("Toelichting")
    for sleutel, waarde in toelichting:
        info.append([veilige_cel(sleutel), veilige_cel(waarde)])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
