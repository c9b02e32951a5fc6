"""Het importbestand: lezen en begrenzen (CSV en XLSX), de kolommen en de sjablonen.

`lees_bestand()` geeft de kopregel en de rijen van een upload, of `ImportGeweigerd` met een
Nederlandse reden. Hier worden alleen de vorm en de grenzen gecontroleerd; wat een rij betekent
(datums, landen, gemeenten, de regels voor een deelnemer) staat in `trajecten.importeren`, het
opslaan in `trajecten.import_opslaan`.

Elke grens wordt bewaakt tijdens het lezen (zie `grenzen.py`): de grootte van de upload, de
uitgepakte grootte van een XLSX, het aantal rijen (5.000), kolommen (60), tekens per cel (1.000),
en per XML-onderdeel het aantal elementen. Wat een bestand over zijn eigen afmetingen zegt, telt
niet. Gemeten met vijandige bestanden: `bench/import_vijandig.py` (cijfers in de README).
"""

from __future__ import annotations

from pathlib import PurePath

from django.utils.translation import gettext as _

from .csvbestand import lees_csv
from .grenzen import (
    MAX_BESTANDSGROOTTE,
    MAX_CELLENGTE,
    MAX_GETOONDE_FOUTEN,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    MAX_XLSX_UITGEPAKT,
    Importfout,
    ImportGeweigerd,
    bestandsfout,
    getal,
    te_veel_rijen,
)
from .kolommen import (
    DATUMKOLOMMEN,
    KOLOM_ALIASSEN,
    KOLOM_TOELICHTING,
    KOLOMMEN,
    VERPLICHTE_KOLOMMEN,
    is_leeg,
    kolomnaam,
    tekst,
)
from .sjablonen import sjabloon_csv, sjabloon_xlsx
from .xlsxbestand import lees_xlsx


def lees_bestand(*, inhoud: bytes, bestandsnaam: str) -> tuple[list[str], list[tuple[int, list]]]:
    """De kopregel (genormaliseerde kolomnamen) en de niet-lege rijen met hun rijnummer.

    Leest rij voor rij en stopt bij de eerste grens die wordt overschreden. Geeft
    `ImportGeweigerd` bij een bestand dat niet als tabel te lezen is of te groot is.
    """
    extensie = PurePath(bestandsnaam or "").suffix.lower()
    if extensie == ".xls":
        raise bestandsfout(_(
            "Oude Excel-bestanden (.xls) worden niet ondersteund. Sla het bestand op als "
            "‘Excel-werkmap (.xlsx)’ of als ‘CSV UTF-8’."
        ))
    if extensie not in (".csv", ".xlsx"):
        raise bestandsfout(_(
            "Alleen bestanden met de extensie .csv of .xlsx kunnen worden geïmporteerd."
        ))
    if len(inhoud) > MAX_BESTANDSGROOTTE:
        raise bestandsfout(_(
            "Het bestand is groter dan %(mb)s MB. Splits het in kleinere bestanden."
        ) % {"mb": MAX_BESTANDSGROOTTE // (1024 * 1024)})
    if not inhoud.strip():
        raise bestandsfout(_("Het bestand is leeg."))

    kop: list | None = None
    data: list[tuple[int, list]] = []
    for rijnummer, waarden in (lees_xlsx if extensie == ".xlsx" else lees_csv)(inhoud):
        if is_leeg(waarden):
            continue
        if kop is None:
            kop = waarden
        elif len(data) == MAX_RIJEN:
            raise te_veel_rijen()
        else:
            data.append((rijnummer, waarden))
    if kop is None:
        raise bestandsfout(_("Het bestand is leeg."))
    if not data:
        raise bestandsfout(_(
            "Het bestand bevat geen deelnemers: er staat alleen een kopregel in."
        ))
    return [kolomnaam(k) for k in kop], data


__all__ = [
    "DATUMKOLOMMEN",
    "KOLOMMEN",
    "KOLOM_ALIASSEN",
    "KOLOM_TOELICHTING",
    "MAX_BESTANDSGROOTTE",
    "MAX_CELLENGTE",
    "MAX_GETOONDE_FOUTEN",
    "MAX_KOLOMMEN",
    "MAX_RIJEN",
    "MAX_XLSX_UITGEPAKT",
    "VERPLICHTE_KOLOMMEN",
    "ImportGeweigerd",
    "Importfout",
    "bestandsfout",
    "getal",
    "is_leeg",
    "kolomnaam",
    "lees_bestand",
    "sjabloon_csv",
    "sjabloon_xlsx",
    "tekst",
]
