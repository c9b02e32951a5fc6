"""Alle indicatoren van de rapportage, elk met één definitie (docs/domain.md, "Indicatoren").

- `selectie`: wat er geteld wordt (programma, periode, gemeenten, peildatum) en de tijdregels;
- `expressies`: de definities als aggregaat-expressies;
- `kerncijfers`: de selectie als geheel (kerncijfers, uitstroom, trechter, doorlooptijd);
- `per_gemeente`: dezelfde definities gegroepeerd per gemeente, en de totaalrij;
- `doelstellingen`: waarde, realisatie, prognose en 'achter op schema' per doel;
- `trend`: het verloop per maand; `vergelijking`: dag N naast een eerder programma;
- `budget`: het opleidingsbudget besteed, per gemeente en voor het programma.

- `werkgevers`: werkgevers als partner (contacten, Werkakkoord, bijeenkomsten, plaatsingen uit
  een bijeenkomst of vacature, social return), per gemeente en voor de selectie.

Een selectie is altijd al beperkt tot de gemeenten van de gebruiker voordat hier iets wordt
geteld. `dashboard()` geeft alles van één pagina in een vast aantal queries (19 + 7),
onafhankelijk van het aantal trajecten, gemeenten en doelstellingen; het resultaat bevat
alleen aggregaten (geen persoonsgegevens).
"""

from .budget import met_opleidingsbudget, opleidingsbudget
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
from .werkgevers import voeg_toe as werkgevers_toevoegen
from .werkgevers import werkgever_cijfers


def dashboard(selectie: Selectie, *, zonder_landelijk: bool = False) -> dict:
    """Alle cijfers van één dashboard (19 queries, plus 7 voor de werkgevers).

    `zonder_landelijk` (alleen voor een deel van de gemeenten): zonder wat over alle gemeenten
    gemeten wordt (de doelen van het hele programma en de vergelijking), zodat deze cijfers
    alleen van de eigen gemeenten afhangen; `samenvoegen` vult ze aan uit het landelijke
    dashboard tot precies `dashboard(selectie)`."""
    if zonder_landelijk and selectie.gemeente_ids is None:
        raise ValueError("zonder_landelijk geldt alleen voor een deel van de gemeenten")
    doelen = doelstellingen(selectie, alleen_gemeenten=zonder_landelijk)
    kern = kerncijfers(selectie)
    gemeenten, totaal = per_gemeente(selectie, doelen), totaalrij(selectie, kern, doelen)
    met_opleidingsbudget(gemeenten, totaal, opleidingsbudget(selectie))
    werkgevers_toevoegen(gemeenten, totaal, werkgever_cijfers(selectie))
    return {
        "doelstellingen": doelen,
        "kerncijfers": kern,
        "gemeenten": gemeenten,
        "totaal": totaal,
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
    "kerncijfers", "mediaan_doorlooptijd", "met_opleidingsbudget", "opleidingsbudget",
    "per_gemeente", "prognose", "prognose_venster", "realisatie", "samenvoegen", "totaalrij",
    "trechter", "trend", "uitstroom", "verstreken", "vergelijking",
]
