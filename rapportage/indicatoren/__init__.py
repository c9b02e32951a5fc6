"""Alle indicatoren van de rapportage, elk met één definitie (docs/domain.md, "Indicatoren").

- `selectie`: wat er geteld wordt (programma, periode, gemeenten, peildatum) en de tijdregels;
- `expressies`: de definities als aggregaat-expressies;
- `kerncijfers`: de selectie als geheel (kerncijfers, uitstroom, trechter, doorlooptijd);
- `per_gemeente`: dezelfde definities gegroepeerd per gemeente, en de totaalrij;
- `doelstellingen`: waarde, realisatie, prognose en 'achter op schema' per doel;
- `trend`: het verloop per maand; `vergelijking`: dag N naast een eerder programma.

Een selectie is altijd al beperkt tot de gemeenten van de gebruiker voordat hier iets wordt
geteld. `dashboard()` geeft alles van één pagina in een vast aantal queries (17),
onafhankelijk van het aantal trajecten, gemeenten en doelstellingen; het resultaat bevat
alleen aggregaten (geen persoonsgegevens).
"""

from .doelstellingen import (
    achter_op_schema,
    doelstellingen,
    prognose,
    prognose_venster,
    realisatie,
    verstreken,
)
from .kerncijfers import KOSTEN_NORM, kerncijfers, mediaan_doorlooptijd, trechter, uitstroom
from .per_gemeente import TABELRIJ, per_gemeente, totaalrij
from .selectie import Selectie
from .trend import trend
from .vergelijking import vergelijking


def dashboard(selectie: Selectie, *, zonder_landelijk: bool = False) -> dict:
    """Alle cijfers van één dashboard (17 queries).

    `zonder_landelijk` (alleen voor een deel van de gemeenten): zonder wat over alle gemeenten
    gemeten wordt (de doelen van het hele programma en de vergelijking), zodat deze cijfers
    alleen van de eigen gemeenten afhangen; `samenvoegen` vult ze aan uit het landelijke
    dashboard tot precies `dashboard(selectie)`."""
    if zonder_landelijk and selectie.gemeente_ids is None:
        raise ValueError("zonder_landelijk geldt alleen voor een deel van de gemeenten")
    doelen = doelstellingen(selectie, alleen_gemeenten=zonder_landelijk)
    kern = kerncijfers(selectie)
    return {
        "doelstellingen": doelen,
        "kerncijfers": kern,
        "gemeenten": per_gemeente(selectie, doelen),
        "totaal": totaalrij(selectie, kern, doelen),
        "trechter": trechter(selectie),
        "trend": trend(selectie, doelen),
        "vergelijking": None if zonder_landelijk else vergelijking(selectie),
    }


def samenvoegen(eigen: dict, landelijk: dict) -> dict:
    """`dashboard(s, zonder_landelijk=True)` plus het landelijke dashboard (`s.landelijk()`,
    zelfde programma en peildatum) is `dashboard(s)`: de doelen van het hele programma en de
    vergelijking worden altijd over alle gemeenten gemeten, los van van/tot."""
    return {
        **eigen,
        "doelstellingen": [d for d in landelijk["doelstellingen"] if d["gemeente_id"] is None]
        + eigen["doelstellingen"],
        "vergelijking": landelijk["vergelijking"],
    }


__all__ = [
    "KOSTEN_NORM", "TABELRIJ", "Selectie", "achter_op_schema", "dashboard", "doelstellingen",
    "kerncijfers", "mediaan_doorlooptijd", "per_gemeente", "prognose", "prognose_venster",
    "realisatie", "samenvoegen", "totaalrij", "trechter", "trend", "uitstroom", "verstreken",
    "vergelijking",
]
