"""Exports: de tabel per gemeente als CSV (machineleesbaar) en het rapport als XLSX.

CSV: de kolommen beginnen met `cbs_code, gemeente, trajecten_gestart, personen_geplaatst, …`
(publieke interface, volgorde vast; nieuwe kolommen komen achteraan) en eindigen met de
totaalrij `cbs_code = TOTAAL`. XLSX: de bladen Samenvatting, Per gemeente, Trend per maand,
Toelichting en (sinds issue 16, achteraan) Werkgevers, met Nederlandse koppen, echte
getalnotaties, kolombreedtes en een vastgezette kopregel; de cijfers komen uit
`selectors.pagina_gegevens()`, dezelfde bron als het scherm.
Alleen aggregaten, geen persoonsgegevens; tekstcellen zijn veilig tegen formule-injectie.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from django.utils import formats
from django.utils.functional import Promise
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from config.spreadsheet import veilige_cel
from trajecten.constants import Soort

from .constants import Indicator
from .indicatoren.werkgevers import KOLOMMEN as WERKGEVER_KOLOMMEN
from .indicatoren.werkgevers import SLEUTELS as WERKGEVER_SLEUTELS
from .tabel import Cel, Kolom
from .toelichting import DEFINITIES, TOTAALRIJ

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
    # Sinds issue 11, achteraan zodat bestaande verwerking blijft werken:
    "getekend_niet_gestart",
    "plaatsingen_overig",
    "duurzaam_teller",
    "duurzaam_noemer",
    "deelnemers_met_coach",
    *[kolom for i in Indicator.values for kolom in (
        f"doel_{i}", f"realisatie_{i}_pct", f"prognose_{i}", f"achter_op_schema_{i}")],
    # Sinds issue 14, achteraan: het opleidingsbudget (rapportage/indicatoren/budget.py).
    "opleidingsbudget_besteed",
    "opleidingsbudget_trajecten",
    # Sinds issue 16 (werkgevers als partner), weer achteraan:
    *WERKGEVER_SLEUTELS,
]

GETAL = "0"
DECIMAAL = "0.0"
PROCENT = "0.0%"
EURO = '"€" #,##0.00'
MAAND = "mmm yyyy"
DATUM = "dd-mm-yyyy"


def bestandsnaam(programma_naam: str, datum: datetime.date, extensie: str) -> str:
    return f"rapportage-{slugify(programma_naam)}-{datum.isoformat()}.{extensie}"


# --- CSV --------------------------------------------------------------------------------------


def _ja_nee(waarde):
    return None if waarde is None else ("ja" if waarde else "nee")


def csv_rij(rij: dict) -> dict:
    """Een rij van de tabel (of de totaalrij) in de CSV-kolommen."""
    uit = {k: rij.get(k) for k in KOLOMMEN}
    uit["gemeente"] = rij["gemeente"] if rij["gemeente"] is not None else "Totaal"
    for indicator in Indicator.values:
        d = rij["doelen"].get(indicator) or {}
        uit[f"doel_{indicator}"] = d.get("streefwaarde")
        uit[f"realisatie_{indicator}_pct"] = d.get("realisatie")
        uit[f"prognose_{indicator}"] = d.get("prognose")
        uit[f"achter_op_schema_{indicator}"] = _ja_nee(d.get("achter_op_schema"))
    return uit


def als_csv(rijen: list[dict], totaal: dict) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for rij in [*rijen, totaal]:
        waarden = csv_rij(rij)
        schrijver.writerow(
            ["" if waarden[k] is None else veilige_cel(waarden[k]) for k in KOLOMMEN]
        )
    return uit.getvalue()


# --- XLSX: van cel naar spreadsheetkolommen -----------------------------------------------------


def _getal(waarde):
    return float(waarde) if isinstance(waarde, Decimal) else waarde


def _fractie(pct):
    return None if pct is None else pct / 100


def _schema(waarde):
    if waarde is None:
        return None
    return _("achter op schema") if waarde else _("op schema")


def deelkolommen(kolom: Kolom) -> list[tuple[str, str | None, int]]:
    """(kop, getalnotatie, breedte) van de spreadsheetkolommen voor één tabelkolom; een
    percentage krijgt zijn teller en noemer in eigen kolommen."""
    kop = str(kolom.kop)
    return {
        "tekst": [(kop, None, 34)],
        "aantal": [(kop, GETAL, 12)],
        "euro": [(kop, EURO, 14)],
        "decimaal": [(kop, DECIMAAL, 12)],
        "pct": [(f"{kop} (%)", PROCENT, 14), (f"{kop}: aantal", GETAL, 12),
                (f"{kop}: van", GETAL, 12)],
        "prognose": [(kop, DECIMAAL, 12), (f"{kop} (% van doel)", PROCENT, 14)],
        "schema": [(kop, None, 18)],
    }[kolom.soort]


def celwaarden(cel: Cel) -> list:
    """De waarden van een cel in de volgorde van `deelkolommen`."""
    if cel.soort == "pct":
        return [_fractie(cel.pct), cel.teller, cel.noemer]
    if cel.soort == "prognose":
        return [cel.waarde, _fractie(cel.pct)]
    if cel.soort == "schema":
        return [_schema(cel.waarde)]
    return [_getal(cel.waarde)]


# --- XLSX: bladen -------------------------------------------------------------------------------


def _celwaarde(waarde):
    """Lazy vertaalde tekst wordt gewone tekst; Decimal een getal."""
    if isinstance(waarde, Promise):
        return str(waarde)
    return _getal(waarde)


def _blad(boek, titel: str, koppen: list[tuple[str, str | None, int]], rijen: list[list]):
    """Een blad met een vastgezette, vette kopregel, kolombreedtes en getalnotaties per kolom.
    Een cel mag `(waarde, notatie)` zijn om de notatie van zijn kolom te vervangen."""
    blad = boek.create_sheet(titel)
    blad.append([veilige_cel(kop) for kop, _notatie, _breedte in koppen])
    for cel in blad[1]:
        cel.font = Font(bold=True)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
    for rij in rijen:
        blad.append([veilige_cel(_celwaarde(w[0] if isinstance(w, tuple) else w)) for w in rij])
        for cel, w, (_kop, notatie, _breedte) in zip(blad[blad.max_row], rij, koppen,
                                                       strict=False):
            gekozen = w[1] if isinstance(w, tuple) else notatie
            if gekozen and cel.value is not None:
                cel.number_format = gekozen
    for i, (_kop, _notatie, breedte) in enumerate(koppen, start=1):
        blad.column_dimensions[get_column_letter(i)].width = breedte
    blad.freeze_panes = "A2"
    return blad


def _per_gemeente(boek, tabel: dict) -> None:
    kolommen = tabel["kolommen"][1:]
    koppen = [(_("CBS-code"), None, 10), (str(tabel["kolommen"][0].kop), None, 34)]
    koppen += [d for k in kolommen for d in deelkolommen(k)]
    rijen = [*tabel["rijen"], *([tabel["totaal"]] if tabel["totaal"] else [])]
    _blad(boek, "Per gemeente", koppen, [
        [r["rij"]["cbs_code"], r["rij"]["gemeente"] or _("Totaal")]
        + [w for cel in r["cellen"] for w in celwaarden(cel)]
        for r in rijen
    ])


SAMENVATTING = [
    ("Onderdeel", None, 22), ("Omschrijving", None, 60), ("Waarde", None, 14),
    ("Aantal", GETAL, 10), ("Van", GETAL, 10), ("Streefwaarde", GETAL, 12),
    ("Realisatie", PROCENT, 12), ("Prognose", DECIMAAL, 12),
    ("Prognose (% van streefwaarde)", PROCENT, 14), ("Verstreken deel van de periode", PROCENT, 14),
    ("Schema", None, 18), ("Landelijk", None, 14), ("Landelijk: aantal", GETAL, 12),
    ("Landelijk: van", GETAL, 12), ("KIS-monitor 2017 (referentie)", PROCENT, 14),
]
NOTATIE = {"aantal": GETAL, "euro": EURO, "decimaal": DECIMAAL, "pct": PROCENT}


def _cel_samenvatting(cel: Cel | None) -> list:
    """Waarde (met notatie), aantal en van van een kerncijfer."""
    if cel is None:
        return [None, None, None]
    if cel.soort == "pct":
        return [(_fractie(cel.pct), PROCENT), cel.teller, cel.noemer]
    return [(_getal(cel.waarde), NOTATIE[cel.soort]), None, None]


def _periode(van, tot) -> str:
    return f"{formats.date_format(van, 'd-m-Y')} – {formats.date_format(tot, 'd-m-Y')}"


def _doelregels(doelen: list[dict]) -> list[list]:
    rijen = []
    for d in doelen:
        ld = d.get("landelijk")
        landelijk = [(_fractie(ld["realisatie"]), PROCENT), ld["waarde"], ld["streefwaarde"]] \
            if ld else [None, None, None]
        wie = d.get("gemeente") or _("heel programma (landelijk)")
        if d.get("eigen") is False:
            omschrijving = f"{capfirst(d['indicator_label'])} – {_('geen eigen doel')}"
            rijen.append([_("Doelstelling"), omschrijving] + [None] * 9 + landelijk + [None])
            continue
        rijen.append([
            _("Doelstelling"),
            f"{capfirst(d['indicator_label'])} – {wie} ({_periode(d['van'], d['tot'])})",
            (d["waarde"], GETAL), None, None, d["streefwaarde"], _fractie(d["realisatie"]),
            d["prognose"], _fractie(d["prognose_pct"]), _fractie(d["verstreken_pct"]),
            _schema(d["achter_op_schema"]), *landelijk, None,
        ])
    return rijen


def _vergelijkregels(v: dict | None, gepubliceerd: dict) -> list[list]:
    onderdeel = _("Vergelijking 2006–2009")
    rijen = []
    if v and v["eerder"] and v["dag"]:
        e, p = v["eerder"], v["programma"]
        for naam, datum, geplaatst, pct in (
            (e["naam"], e["datum"], e["geplaatst"], e["pct"]),
            (p["naam"], p["datum"], p["geplaatst"], p["pct"]),
        ):
            rijen.append([onderdeel, _("%(naam)s, dag %(dag)s (t/m %(datum)s)") % {
                "naam": naam, "dag": v["dag"], "datum": formats.date_format(datum, "d-m-Y")},
                (geplaatst, GETAL), None, None, v["maatstaf"], _fractie(pct)]
                + [None] * 8)
        rijen.append([onderdeel, _("%(naam)s, eindresultaat (berekend uit de gegevens)")
                      % {"naam": e["naam"]}, (e["eind_geplaatst"], GETAL), None, None,
                      v["maatstaf"], _fractie(e["eind_pct"])] + [None] * 8)
    rijen.append([onderdeel, _("%(naam)s, gepubliceerd eindresultaat (afgerond; %(bron)s)")
                  % {"naam": gepubliceerd["naam"], "bron": gepubliceerd["bron"]},
                  (gepubliceerd["geplaatst"], GETAL), None, None, gepubliceerd["doel"],
                  (gepubliceerd["realisatie"] / 100, "0%")] + [None] * 8)
    return rijen


def _samenvatting(boek, g: dict) -> None:
    rijen = _doelregels(g["doelen"])
    for r in g["kernrijen"]:
        rijen.append([_("Kerncijfer"), str(r["label"]), *_cel_samenvatting(r["cel"])]
                     + [None] * 6 + _cel_samenvatting(r["landelijk"]) + [None])
    for r in g["uitstroomrijen"]:
        rijen.append([_("Uitstroom"), capfirst(r["label"]), *_cel_samenvatting(r["cel"])]
                     + [None] * 6 + _cel_samenvatting(r["landelijk"]) + [r["kis"] / 100])
    for p in g["cijfers"]["kerncijfers"]["plaatsingen_per_soort"]:
        rijen.append([_("Plaatsingen, begonnen"), capfirst(p["label"]), (p["aantal"], GETAL)]
                     + [None] * 12)
        rijen.append([_("Plaatsingen, getekend en nog niet begonnen"), capfirst(p["label"]),
                      (p["getekend"], GETAL)] + [None] * 12)
    if not g["deelselectie"]:
        rijen += _vergelijkregels(g["vergelijking"], g["gepubliceerd"])
    _blad(boek, "Samenvatting", [(_(kop), n, b) for kop, n, b in SAMENVATTING], rijen)


def _trend(boek, trend: list[dict]) -> None:
    koppen = [
        (_("Maand"), MAAND, 12), (_("Gestart"), GETAL, 10),
        (_("Geplaatst (nieuwe personen)"), GETAL, 14), (_("Gestart cumulatief"), GETAL, 14),
        (_("Doellijn trajecten"), DECIMAAL, 14), (_("Geplaatst cumulatief"), GETAL, 14),
        (_("Doellijn geplaatst"), DECIMAAL, 14),
    ]
    _blad(boek, "Trend per maand", koppen, [
        [m["maand"], m["gestart"], m["geplaatst"], m["gestart_cumulatief"], m["doel_gestart"],
         m["geplaatst_cumulatief"], m["doel_geplaatst"]]
        for m in trend
    ])


def _toelichting(boek, *, filters: dict, selectie, gemeenten: list[str],
                 gemaakt_op: datetime.date) -> None:
    rijen = [
        [_("Programma"), filters["programma"].naam],
        [_("Van"), (filters["van"], DATUM)],
        [_("Tot en met"), (filters["tot"], DATUM)],
        [_("Gemeenten"), ", ".join(gemeenten) if gemeenten else _("alle gemeenten")],
        [_("Peildatum van dit rapport"), (selectie.peildatum, DATUM)],
        [_("Gemaakt op"), (gemaakt_op, DATUM)],
        [_("Inhoud"), _("Alleen aggregaten; geen persoonsgegevens.")],
        [_("Totaalrij"), str(TOTAALRIJ)],
        *[[str(term), str(tekst)] for term, tekst in DEFINITIES],
    ]
    blad = _blad(boek, "Toelichting", [(_("Onderwerp"), None, 28), (_("Toelichting"), None, 110)],
                 rijen)
    for rij in blad.iter_rows(min_row=2):
        rij[1].alignment = Alignment(wrap_text=True, vertical="top")


def _werkgevers(boek, cijfers: dict) -> None:
    """Het blad Werkgevers (sinds issue 16, als laatste blad): per gemeente en de totaalrij."""
    koppen = [(_("CBS-code"), None, 10), (_("Gemeente"), None, 28)]
    koppen += [(str(capfirst(label)), GETAL, 14) for _k, label in WERKGEVER_KOLOMMEN]
    _blad(boek, "Werkgevers", koppen, [
        [r["cbs_code"], r["gemeente"] or _("Totaal")] + [r.get(k, 0) for k in WERKGEVER_SLEUTELS]
        for r in [*cijfers["gemeenten"], cijfers["totaal"]]
    ])


def als_xlsx(gegevens: dict, *, filters: dict, selectie, gemaakt_op: datetime.date) -> bytes:
    """Het rapport: Samenvatting, Per gemeente, Trend per maand, Toelichting, Werkgevers."""
    boek = Workbook()
    boek.remove(boek.active)
    _samenvatting(boek, gegevens)
    _per_gemeente(boek, gegevens["tabel"])
    _trend(boek, gegevens["cijfers"]["trend"])
    gemeenten = sorted(g.naam for g in filters.get("gemeente") or []) or (
        [r["rij"]["gemeente"] for r in gegevens["tabel"]["rijen"]]
        if selectie.gemeente_ids is not None else [])
    _toelichting(boek, filters=filters, selectie=selectie, gemeenten=gemeenten,
                 gemaakt_op=gemaakt_op)
    _werkgevers(boek, gegevens["cijfers"])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
