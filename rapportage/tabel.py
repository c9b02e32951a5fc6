"""De kolommen van de tabel per gemeente, één keer gedefinieerd voor het scherm, de sortering
en het XLSX-blad "Per gemeente", zodat die drie altijd dezelfde cijfers tonen.

Een kolom haalt uit een rij van `indicatoren.per_gemeente()` (of de totaalrij) een `Cel`: de
waarde en, bij een percentage, de getallen erachter (teller en noemer). Hoe een cel eruitziet,
bepaalt het template (`_cel.html`) of het XLSX-rapport (`export.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .constants import Indicator


@dataclass(frozen=True)
class Cel:
    """Eén getal (of tekst) op het scherm en in het rapport.

    soort: tekst | aantal | pct (pct met teller en noemer) | euro | decimaal |
    prognose (waarde en pct) | schema (waarde True = achter op schema, False = op schema).
    """

    soort: str
    waarde: object = None
    teller: object = None
    noemer: object = None
    pct: float | None = None


@dataclass(frozen=True)
class Kolom:
    sleutel: str
    kop: str
    soort: str
    waarden: Callable[[dict], dict]

    def cel(self, rij: dict) -> Cel:
        return Cel(self.soort, **self.waarden(rij))

    def sorteerwaarde(self, rij: dict):
        cel = self.cel(rij)
        waarde = cel.pct if self.soort == "pct" else cel.waarde
        return waarde.casefold() if isinstance(waarde, str) else waarde


def _veld(sleutel):
    return lambda r: {"waarde": r[sleutel]}


#: Koppen van de doelkolommen per indicator: doel, realisatie, prognose, schema.
DOELKOPPEN = {
    Indicator.TRAJECTEN_GESTART: (
        _("Doel trajecten"), _("Realisatie doel trajecten"), _("Prognose trajecten"),
        _("Schema trajecten"),
    ),
    Indicator.PERSONEN_GEPLAATST: (
        _("Doel geplaatst"), _("Realisatie doel geplaatst"), _("Prognose geplaatst"),
        _("Schema geplaatst"),
    ),
}


def _doelkolommen(indicator: str) -> list[Kolom]:
    """De eigen doelstelling van de gemeente (voor de hele looptijd) voor `indicator`."""
    kop_doel, kop_realisatie, kop_prognose, kop_schema = DOELKOPPEN[indicator]

    def uit_doel(velden):
        def waarden(r):
            d = r["doelen"].get(indicator)
            return {k: d[v] for k, v in velden.items()} if d else {}
        return waarden

    return [
        Kolom(f"doel_{indicator}", kop_doel, "aantal", uit_doel({"waarde": "streefwaarde"})),
        Kolom(f"realisatie_{indicator}", kop_realisatie, "pct", uit_doel(
            {"teller": "waarde", "noemer": "streefwaarde", "pct": "realisatie"})),
        Kolom(f"prognose_{indicator}", kop_prognose, "prognose", uit_doel(
            {"waarde": "prognose", "pct": "prognose_pct"})),
        Kolom(f"schema_{indicator}", kop_schema, "schema",
              uit_doel({"waarde": "achter_op_schema"})),
    ]


def kolommen(doel_indicatoren: list[str]) -> list[Kolom]:
    """De kolommen van de tabel, met doelkolommen voor elke indicator in `doel_indicatoren`."""
    doelen = {i: _doelkolommen(i) for i in doel_indicatoren}
    return [
        Kolom("gemeente", _("Gemeente"), "tekst", _veld("gemeente")),
        Kolom("trajecten_gestart", _("Trajecten gestart"), "aantal", _veld("trajecten_gestart")),
        *doelen.get(Indicator.TRAJECTEN_GESTART, []),
        Kolom("personen_geplaatst", _("Personen geplaatst"), "aantal",
              _veld("personen_geplaatst")),
        *doelen.get(Indicator.PERSONEN_GEPLAATST, []),
        Kolom("getekend_niet_gestart", _("Getekend, nog niet gestart"), "aantal",
              _veld("getekend_niet_gestart")),
        Kolom("plaatsingen_baan", _("Baan"), "aantal", _veld("plaatsingen_baan")),
        Kolom("plaatsingen_stage", _("Stage"), "aantal", _veld("plaatsingen_stage")),
        Kolom("plaatsingen_werkervaringsplaats", _("Werkervaringsplaats"), "aantal",
              _veld("plaatsingen_werkervaringsplaats")),
        Kolom("plaatsingen_overig", _("Overige plaatsingen"), "aantal",
              _veld("plaatsingen_overig")),
        Kolom("duurzaam_geplaatst_pct", _("Duurzaam geplaatst"), "pct", lambda r: {
            "teller": r["duurzaam_teller"], "noemer": r["duurzaam_noemer"],
            "pct": r["duurzaam_geplaatst_pct"]}),
        Kolom("kosten_per_plaatsing", _("Kosten per plaatsing"), "euro",
              _veld("kosten_per_plaatsing")),
        Kolom("coaches_actief", _("Coaches actief"), "aantal", _veld("coaches_actief")),
        Kolom("coaches_getraind", _("Coaches getraind"), "aantal", _veld("coaches_getraind")),
        Kolom("deelnemers_per_coach", _("Deelnemers per coach"), "decimaal",
              _veld("deelnemers_per_coach")),
        # Issue 14, achteraan: het opleidingsbudget besteed (rapportage/indicatoren/budget.py).
        Kolom("opleidingsbudget_besteed", _("Opleidingsbudget besteed"), "euro",
              _veld("opleidingsbudget_besteed")),
    ]


#: Elke sleutel waarop gesorteerd kan worden (ook doelkolommen van beide indicatoren).
SORTEERBAAR = [k.sleutel for k in kolommen(list(Indicator.values))]


def doel_indicatoren(rijen: list[dict]) -> list[str]:
    """De indicatoren waarvoor minstens één rij van de tabel een doel heeft."""
    return [i for i in Indicator.values if any(i in r["doelen"] for r in rijen)]


def sorteer(rijen: list[dict], kolom: Kolom, aflopend: bool) -> list[dict]:
    """De rijen op `kolom`; lege waarden altijd onderaan, bij gelijke waarden op naam."""
    op_naam = sorted(rijen, key=lambda r: r["gemeente"].casefold())
    gevuld = [r for r in op_naam if kolom.sorteerwaarde(r) is not None]
    leeg = [r for r in op_naam if kolom.sorteerwaarde(r) is None]
    return sorted(gevuld, key=kolom.sorteerwaarde, reverse=aflopend) + leeg
