"""De grenzen van een importbestand en de weigering met een reden per rij.

Elke grens wordt gecontroleerd tijdens het lezen, vóórdat er iets groots wordt opgebouwd: een
bestand dat een grens overschrijdt wordt geweigerd op het moment dat dat blijkt, niet nadat het
helemaal is ingelezen. Zo blijft elke upload tot `MAX_BESTANDSGROOTTE` binnen een vaste
hoeveelheid geheugen en tijd (gemeten met `bench/import_vijandig.py`, zie de README).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BESTANDSGROOTTE = 5 * 1024 * 1024  # 5 MB
#: Deelnemers (niet-lege rijen onder de kopregel) per bestand.
MAX_RIJEN = 5000
#: Kolommen met een waarde; lege kolommen daarachter (Excel vult soms aan) tellen niet.
MAX_KOLOMMEN = 60
#: Tekens in één cel; het langste veld van een deelnemer (e-mail) is 254 tekens.
MAX_CELLENGTE = 1000
#: Tekens in één CSV-rij (ook over regeleinden binnen aanhalingstekens heen).
MAX_RIJLENGTE = MAX_KOLOMMEN * (MAX_CELLENGTE + 3)
#: Een XLSX is een zip; uitgepakt mag hij niet onbeperkt groeien (zip-bom).
MAX_XLSX_UITGEPAKT = 60 * 1024 * 1024
#: Een werkmap van Excel heeft een stuk of twintig onderdelen.
MAX_XLSX_ONDERDELEN = 1000
#: Uitgepakt hoogstens zoveel keer groter dan ingepakt, voor onderdelen boven `VERHOUDING_VANAF`.
MAX_XLSX_VERHOUDING = 100
VERHOUDING_VANAF = 1024 * 1024
#: XML-elementen in alle onderdelen van een werkmap samen (rijen, cellen, gedeelde teksten,
#: stijlen …): begrenst de rekentijd. Een werkmap van 5.000 deelnemers heeft er ongeveer 300.000.
MAX_XML_ELEMENTEN = 600_000
#: Verschillende teksten in de tabel met gedeelde teksten (sharedStrings.xml).
MAX_GEDEELDE_TEKSTEN = (MAX_RIJEN + 1) * MAX_KOLOMMEN
#: Celopmaak (Excel zelf kent er hoogstens 64.000).
MAX_STIJLEN = 64_000
#: Zoveel fouten tonen we; daarna alleen het aantal (een verkeerd bestand geeft er duizenden).
MAX_GETOONDE_FOUTEN = 500


def getal(n: int) -> str:
    """5000 → "5.000", zoals een Nederlandse lezer het verwacht."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class Importfout:
    """Eén reden waarom het bestand niet geïmporteerd wordt.

    `rij` is het rijnummer zoals in Excel (de kopregel is rij 1); `None` als het om het hele
    bestand gaat. `kolom` is leeg als het om de hele rij of het hele bestand gaat.
    """

    rij: int | None
    kolom: str
    reden: str

    def __str__(self) -> str:
        if self.rij is None:
            return self.reden
        if self.kolom:
            return _("Rij %(rij)s, kolom %(kolom)s: %(reden)s") % {
                "rij": self.rij, "kolom": self.kolom, "reden": self.reden,
            }
        return _("Rij %(rij)s: %(reden)s") % {"rij": self.rij, "reden": self.reden}


class ImportGeweigerd(ValidationError):
    """Het bestand is (helemaal) niet geïmporteerd; `fouten` zegt per rij waarom."""

    def __init__(self, fouten: list[Importfout]):
        self.fouten = fouten
        super().__init__([str(f) for f in fouten[:MAX_GETOONDE_FOUTEN]], code="import_geweigerd")


def bestandsfout(reden: str, *, rij: int | None = None, kolom: str = "") -> ImportGeweigerd:
    return ImportGeweigerd([Importfout(rij, kolom, reden)])


def te_veel_kolommen(rij: int) -> ImportGeweigerd:
    return bestandsfout(_(
        "Deze rij heeft waarden in meer dan %(max)s kolommen. Gebruik alleen de kolommen uit "
        "het sjabloon. Er is niets geïmporteerd."
    ) % {"max": MAX_KOLOMMEN}, rij=rij)


def cel_te_lang(rij: int, kolom: str) -> ImportGeweigerd:
    return bestandsfout(_(
        "Deze cel bevat meer dan %(max)s tekens. Er is niets geïmporteerd."
    ) % {"max": getal(MAX_CELLENGTE)}, rij=rij, kolom=kolom)


def te_veel_rijen() -> ImportGeweigerd:
    return bestandsfout(_(
        "Het bestand bevat meer dan %(max)s deelnemers. Splits het in bestanden van "
        "hoogstens %(max)s rijen."
    ) % {"max": getal(MAX_RIJEN)})


def onleesbaar_xlsx() -> ImportGeweigerd:
    return bestandsfout(_(
        "Het XLSX-bestand kan niet worden gelezen. Sla het in Excel opnieuw op als "
        "‘Excel-werkmap (.xlsx)’ of gebruik CSV UTF-8."
    ))


def te_complex_xlsx() -> ImportGeweigerd:
    return bestandsfout(_(
        "Het XLSX-bestand is te groot of te ingewikkeld om te importeren (te veel cellen, "
        "opmaak of teksten). Kopieer alleen de deelnemers naar het sjabloon en importeer dat."
    ))
