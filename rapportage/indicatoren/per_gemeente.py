"""De tabel per gemeente en haar totaalrij (docs/domain.md, "Indicatoren").

Dezelfde expressies als de kerncijfers, gegroepeerd per gemeente: drie queries, hoeveel
gemeenten of gegevens er ook zijn. De totaalrij is de telling over de hele selectie (de
kerncijfers), geen optelling van de rijen: wie na een verhuizing in twee gemeenten geplaatst
is, telt in beide rijen maar één keer in het totaal; een coach in twee gemeenten net zo.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from trajecten.constants import GEPLAATST_SOORTEN, Soort

from . import expressies as ex
from .selectie import Selectie

OVERIGE_SOORTEN = [x for x in Soort if x not in GEPLAATST_SOORTEN]


def tabelrij(p: dict, t: dict) -> dict:
    """De kolommen van één rij (een gemeente, of de hele selectie) uit de uitkomsten van
    `plaatsing_cijfers` (`p`) en `traject_cijfers` (`t`); ontbrekend telt als 0."""
    geplaatst = p.get("personen_geplaatst", 0)
    kosten = t.get("kosten", Decimal("0"))
    teller, noemer = p.get("duurzaam_teller", 0), p.get("duurzaam_noemer", 0)
    actief = t.get("coaches_actief", 0)
    met_coach = t.get("deelnemers_met_coach", 0)
    return {
        "trajecten_gestart": t.get("trajecten_gestart", 0),
        "personen_geplaatst": geplaatst,
        "getekend_niet_gestart": p.get("personen_met_contract", 0) - geplaatst,
        **{f"plaatsingen_{x.value}": p.get(f"soort_{x.value}", 0) for x in Soort},
        "plaatsingen_overig": sum(p.get(f"soort_{x.value}", 0) for x in OVERIGE_SOORTEN),
        "duurzaam_teller": teller,
        "duurzaam_noemer": noemer,
        "duurzaam_geplaatst_pct": ex.pct(teller, noemer),
        "kosten": kosten,
        "kosten_per_plaatsing": ex.deel(kosten, geplaatst),
        "coaches_getraind": t.get("coaches_getraind", 0),
        "coaches_actief": actief,
        "deelnemers_met_coach": met_coach,
        "deelnemers_per_coach": ex.deel(met_coach, actief, 1),
    }


def _doelen_van(doelen: list[dict], gemeente_id) -> dict[str, dict]:
    """De doelen voor de hele looptijd van één gemeente (None: van het hele programma)."""
    return {d["indicator"]: d for d in doelen
            if d["gemeente_id"] == gemeente_id and d["heel_programma"]}


def per_gemeente(s: Selectie, doelen: list[dict]) -> list[dict]:
    """Eén rij per gemeente die meedoet aan het programma of er trajecten in heeft, op naam;
    met haar eigen doelen voor de hele looptijd (uit `doelstellingen()`)."""
    traject_cijfers = {
        r.pop("gemeente_id"): r
        for r in s.trajecten().values("gemeente_id").annotate(**ex.traject_cijfers(s))
    }
    # Per gemeente telt een deelnemer één keer via de vorige werkplaatsing in die gemeente.
    plaatsing_cijfers = {
        r.pop("gemeente_id"): r
        for r in s.plaatsingsfeiten().values("gemeente_id")
        .annotate(**ex.plaatsing_cijfers(s, vorige="vorige_in_gemeente"))
    }
    gemeenten = (
        s.gemeenten()
        .filter(Q(pk__in=set(traject_cijfers) | set(plaatsing_cijfers))
                | Q(programmas=s.programma_id))
        .distinct()
        .order_by("naam")
        .values("pk", "cbs_code", "naam")
    )
    return [
        {
            "gemeente_id": g["pk"],
            "cbs_code": g["cbs_code"],
            "gemeente": g["naam"],
            **tabelrij(plaatsing_cijfers.get(g["pk"], {}), traject_cijfers.get(g["pk"], {})),
            "doelen": _doelen_van(doelen, g["pk"]),
        }
        for g in gemeenten
    ]


#: De sleutels van een tabelrij (ook in de kerncijfers, die dezelfde namen gebruiken).
TABELRIJ = tuple(tabelrij({}, {}))


def totaalrij(s: Selectie, kern: dict, doelen: list[dict]) -> dict:
    """De totaalrij: de kerncijfers van de selectie in de kolommen van de tabel. Alleen voor
    alle gemeenten samen horen de doelen van het hele programma erbij."""
    return {
        "gemeente_id": None,
        "cbs_code": "TOTAAL",
        "gemeente": None,
        **{k: kern[k] for k in TABELRIJ},
        "doelen": _doelen_van(doelen, None) if s.gemeente_ids is None else {},
    }
