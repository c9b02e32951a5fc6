"""Leesfuncties van de rapportage: de selectie voor een gebruiker en alles wat een dashboard
of export toont. Altijd eerst beperkt tot de gemeenten van de gebruiker (als coördinator).

`pagina_gegevens()` is de ene bron voor het scherm én het XLSX-rapport: dezelfde rijen, cellen
en koppen, zodat elk getal in het rapport gelijk is aan dat op het scherm.
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.models import Gemeente
from gemeenten.toegang import Toegang, heeft_rol

from . import cache, opslag, rekenpunt, tabel
from .constants import GEPUBLICEERD_2006_2009, KIS_REFERENTIE
from .indicatoren import Selectie, werkgevers
from .tabel import Cel
from .toelichting import TOTAALRIJ

UITSTROOM_LABELS = (
    ("werk", gettext_lazy("werk (baan, stage, werkervaringsplaats)")),
    ("onderwijs", gettext_lazy("onderwijs (opleiding, leerwerktraject)")),
    ("vrijwilligerswerk", gettext_lazy("vrijwilligerswerk")),
    ("nog_niet_gestart", gettext_lazy("nog niet gestart")),
)


#: De werkverdeling van een gemeente wordt hooguit zo lang hergebruikt (de namen van
#: medewerkers hebben geen versietrigger; de aantallen wel, via de trajecten).
WERKVERDELING_SECONDEN = 300


def werkverdeling(gemeente: Gemeente) -> dict:
    """Hoe het werk nu over de gemeente verdeeld is (de stand van vandaag, niet van een
    periode): open trajecten per behandelaar en het coachtekort. Namen van medewerkers, geen
    gegevens van deelnemers.

    Gecachet onder de gegevensversies van de gemeente (alle programma's) en de algemene, en de
    datum: elke wijziging van een traject of coach geeft bij de volgende request de nieuwe
    stand. Zonder cache twee queries; met cache één (de versies)."""
    if not cache.cache_aan():
        return _werkverdeling(gemeente)
    versie, willekeurig = rekenpunt.gemeenteversie(gemeente.pk)
    sleutel = (f"rapportage:werkverdeling:{gemeente.pk}:{timezone.localdate():%Y%m%d}:"
               f"{versie}-{willekeurig}")
    bewaard = opslag.get(sleutel)
    if bewaard is None:
        bewaard = _werkverdeling(gemeente)
        opslag.set_many({sleutel: bewaard}, timeout=WERKVERDELING_SECONDEN)
    return bewaard


def _werkverdeling(gemeente: Gemeente) -> dict:
    from trajecten.selectors import behandelaars

    tekort = behandelaars.coachtekort_per_gemeente(Gemeente.objects.filter(pk=gemeente.pk))[0]
    return {
        "caseload": behandelaars.caseload_per_behandelaar(gemeente),
        "wachtend": tekort.wachtend,
        "wachtdagen": behandelaars.wachtdagen(tekort.wacht_sinds),
        "zonder_geldige_coach": tekort.zonder_geldige_coach,
    }


def peildatum() -> datetime.date:
    """'Vandaag' voor de indicatoren: wat daarna begint, is nog niet gebeurd."""
    return timezone.localdate()


def ziet_alle_gemeenten(user) -> bool:
    return heeft_rol(user, Toegang.LANDELIJK)


def gemeenten_voor(user):
    """De gemeenten waarvan `user` cijfers mag zien (landelijk: alle)."""
    return Gemeente.objects.voor_rapportage(user)


def selectie_voor(user, filters: dict, *, gemeente: Gemeente | None = None) -> Selectie:
    """De selectie voor een gevalideerd filterformulier, nooit breder dan de gemeenten van
    `user`. Met `gemeente` precies die gemeente (de view heeft de toegang al gecontroleerd)."""
    if gemeente is not None:
        ids = (gemeente.pk,)
    elif filters.get("gemeente"):
        ids = tuple(sorted(g.pk for g in filters["gemeente"]))
    elif ziet_alle_gemeenten(user):
        ids = None
    else:
        ids = tuple(sorted(gemeenten_voor(user).values_list("pk", flat=True)))
    programma = filters["programma"]
    return Selectie(
        programma_id=programma.pk,
        van=filters["van"],
        tot=filters["tot"],
        gemeente_ids=ids,
        peildatum=peildatum(),
        programma_start=programma.startdatum,
        programma_einde=programma.einddatum,
    )


def filter_query(filters: dict, *, gemeente: Gemeente | None = None) -> str:
    """De querystring van de filters, voor exportlinks en links tussen pagina's."""
    paren = [("programma", filters["programma"].pk), ("van", filters["van"].isoformat()),
             ("tot", filters["tot"].isoformat())]
    codes = [gemeente.cbs_code] if gemeente else [g.cbs_code for g in filters.get("gemeente") or []]
    paren += [("gemeente", c) for c in codes]
    return urlencode(paren)


def _balk(pct):
    return None if pct is None else max(0.0, min(float(pct), 100.0))


def pagina_gegevens(selectie: Selectie, *, sorteer: str = "",
                    bron: cache.Cijfers | None = None) -> dict:
    """Alles wat een dashboard of XLSX-rapport toont. Voor een deel van de gemeenten staan
    de landelijke cijfers ernaast (en de doelen van die gemeenten zelf); voor alle gemeenten
    de doelen van het hele programma en de vergelijking met het eerdere programma. `bron`:
    de cijfers als de aanroeper ze al heeft (`cache.cijfers`)."""
    bron = bron or cache.cijfers(selectie)
    cijfers, landelijk = bron.cijfers, bron.landelijk
    deel = selectie.gemeente_ids is not None
    k = cijfers["kerncijfers"]
    kl = landelijk["kerncijfers"] if landelijk else None
    return {
        "cijfers": cijfers,
        "deelselectie": deel,
        "doelen": doelrijen(cijfers["doelstellingen"], deel=deel),
        "kernrijen": kernrijen(k, kl),
        "uitstroomrijen": uitstroomrijen(k, kl),
        "tabel": tabelgegevens(cijfers, sorteer=sorteer),
        "vergelijking": None if deel else cijfers["vergelijking"],
        "gepubliceerd": GEPUBLICEERD_2006_2009,
        "totaalrij_uitleg": TOTAALRIJ,
        "grafieken": grafiekdata(cijfers),
        "werkgevers": werkgevers.tabel(cijfers, landelijk),
    }


def doelrijen(doelen: list[dict], *, deel: bool) -> list[dict]:
    """De rijen van de doelentabel. Alle gemeenten: de doelen van het hele programma. Een deel
    van de gemeenten: hun eigen doelen, elk met het landelijke doel van dezelfde indicator
    ernaast, en een rij 'geen eigen doel' voor een landelijk doel zonder eigen doel."""
    landelijk = [d for d in doelen if d["gemeente_id"] is None]
    if not deel:
        return [_met_balken(d) for d in landelijk]

    def landelijk_doel(d):
        zelfde = [x for x in landelijk if x["indicator"] == d["indicator"]]
        return next((x for x in zelfde if (x["van"], x["tot"]) == (d["van"], d["tot"])),
                    next((x for x in zelfde if x["heel_programma"]), None))

    eigen = [d for d in doelen if d["gemeente_id"] is not None]
    rijen = [
        {**_met_balken(d), "eigen": True, "landelijk": landelijk_doel(d),
         "landelijk_cel": _realisatiecel(landelijk_doel(d))}
        for d in eigen
    ]
    met_eigen = {d["indicator"] for d in eigen}
    rijen += [
        {"eigen": False, "indicator": d["indicator"], "indicator_label": d["indicator_label"],
         "van": d["van"], "tot": d["tot"], "landelijk": d, "landelijk_cel": _realisatiecel(d)}
        for d in landelijk if d["heel_programma"] and d["indicator"] not in met_eigen
    ]
    return rijen


def _met_balken(d: dict) -> dict:
    return {**d, "balk": _balk(d["realisatie"]), "prognose_balk": _balk(d["prognose_pct"]),
            "prognose_cel": Cel("prognose", d["prognose"], pct=d["prognose_pct"]),
            "schema_cel": Cel("schema", d["achter_op_schema"])}


def _realisatiecel(d: dict | None) -> Cel | None:
    if d is None:
        return None
    return Cel("pct", teller=d["waarde"], noemer=d["streefwaarde"], pct=d["realisatie"])


def _kerncellen(k: dict) -> list[tuple[str, Cel]]:
    return [
        (_("Trajecten gestart"), Cel("aantal", k["trajecten_gestart"])),
        (_("Personen geplaatst"), Cel("aantal", k["personen_geplaatst"])),
        (_("Getekend, nog niet gestart (personen, tellen nog niet als geplaatst)"),
         Cel("aantal", k["getekend_niet_gestart"])),
        (_("Duurzaam geplaatst (na 6 maanden nog aan het werk)"),
         Cel("pct", teller=k["duurzaam_teller"], noemer=k["duurzaam_noemer"],
             pct=k["duurzaam_geplaatst_pct"])),
        (_("Kosten per plaatsing (norm 2006–2009: € 2.500)"),
         Cel("euro", k["kosten_per_plaatsing"])),
        (_("Mediane doorlooptijd aanmelding → eerste plaatsing (dagen)"),
         Cel("decimaal", k["mediaan_doorlooptijd"])),
        (_("Coaches actief (coach van een traject dat in de periode open was)"),
         Cel("aantal", k["coaches_actief"])),
        (_("Coaches getraind (van de actieve coaches)"), Cel("aantal", k["coaches_getraind"])),
        (_("Deelnemers per actieve coach"), Cel("decimaal", k["deelnemers_per_coach"])),
    ]


def kernrijen(k: dict, kl: dict | None) -> list[dict]:
    landelijk = [cel for _label, cel in _kerncellen(kl)] if kl else None
    return [
        {"label": label, "cel": cel, "landelijk": landelijk[i] if landelijk else None}
        for i, (label, cel) in enumerate(_kerncellen(k))
    ]


def uitstroomrijen(k: dict, kl: dict | None) -> list[dict]:
    def cel(u, sleutel):
        return Cel("pct", teller=u["aantallen"][sleutel], noemer=u["deelnemers"],
                   pct=u["aandelen"][sleutel])

    return [
        {"label": label, "cel": cel(k["uitstroom"], sleutel),
         "landelijk": cel(kl["uitstroom"], sleutel) if kl else None,
         "kis": KIS_REFERENTIE[sleutel]}
        for sleutel, label in UITSTROOM_LABELS
    ]


def tabelgegevens(cijfers: dict, *, sorteer: str = "") -> dict:
    """De tabel per gemeente: kolommen, rijen (gesorteerd) en de totaalrij (bij meer dan één
    rij), elk als cellen."""
    rijen = cijfers["gemeenten"]
    kolommen = tabel.kolommen(tabel.doel_indicatoren(rijen))
    sleutel, aflopend = sorteer.removeprefix("-"), sorteer.startswith("-")
    kolom = next((x for x in kolommen if x.sleutel == sleutel), None)
    if kolom is not None:
        rijen = tabel.sorteer(rijen, kolom, aflopend)
    totaal = cijfers["totaal"] if len(rijen) > 1 else None
    huidig = kolom.sleutel if kolom else "gemeente"
    aflopend = aflopend if kolom else False
    return {
        "kolommen": kolommen,
        "koppen": [
            {"kolom": x,
             "aria_sort": ("descending" if aflopend else "ascending")
             if x.sleutel == huidig else None,
             "sorteer": f"-{x.sleutel}" if x.sleutel == huidig and not aflopend else x.sleutel}
            for x in kolommen
        ],
        "sorteerbaar": len(rijen) > 1,
        "rijen": [{"rij": r, "cellen": [x.cel(r) for x in kolommen[1:]]} for r in rijen],
        "totaal": {"rij": totaal, "cellen": [x.cel(totaal) for x in kolommen[1:]]}
        if totaal else None,
    }


def grafiekdata(cijfers: dict) -> dict:
    """De getallen voor Chart.js (via json_script); dezelfde getallen staan in de tabellen.
    Een lijn zonder één waarde (bijv. geen doellijn) komt niet in de grafiek en dus ook niet
    in de legenda."""
    trend = cijfers["trend"]
    k = cijfers["kerncijfers"]
    reeksen = [
        ("gestart", _("Gestart per maand"), "staaf"),
        ("geplaatst", _("Geplaatst per maand (nieuwe personen)"), "staaf"),
        ("gestart_cumulatief", _("Gestart cumulatief"), "lijn"),
        ("doel_gestart", _("Doellijn trajecten"), "doel"),
        ("geplaatst_cumulatief", _("Geplaatst cumulatief"), "lijn"),
        ("doel_geplaatst", _("Doellijn geplaatst"), "doel"),
    ]
    uitstroom = k["uitstroom"]
    return {
        "trend": {
            "maanden": [formats.date_format(m["maand"], "b Y") for m in trend],
            "reeksen": [
                {"sleutel": sleutel, "label": label, "soort": soort,
                 "waarden": [m[sleutel] for m in trend]}
                for sleutel, label, soort in reeksen
                if any(m[sleutel] is not None for m in trend)
            ],
            "as_x": _("Maand"), "as_links": _("Per maand"), "as_rechts": _("Cumulatief"),
        },
        "trechter": {
            "labels": [s["label"] for s in cijfers["trechter"]["stappen"]] + [_("uitgevallen")],
            "aantallen": [s["bereikt"] for s in cijfers["trechter"]["stappen"]]
            + [cijfers["trechter"]["uitgevallen"]],
            "titel": _("Trajecten (ten minste bereikt)"), "as": _("Aantal trajecten"),
        },
        "soorten": {
            "labels": [p["label"] for p in k["plaatsingen_per_soort"]],
            "aantallen": [p["aantal"] for p in k["plaatsingen_per_soort"]],
            "getekend": [p["getekend"] for p in k["plaatsingen_per_soort"]],
            "titel": _("Begonnen"), "titel_getekend": _("Getekend, nog niet begonnen"),
            "as": _("Aantal plaatsingen"),
        },
        "uitstroom": {
            # Korte labels: op 390 px blijft de grafiek leesbaar; de tabel heeft de lange.
            "labels": [_("werk"), _("onderwijs"), _("vrijwilligerswerk"), _("nog niet gestart")],
            "aandelen": [uitstroom["aandelen"][s] or 0 for s, _label in UITSTROOM_LABELS],
            "aantallen": [uitstroom["aantallen"][s] for s, _label in UITSTROOM_LABELS],
            "deelnemers": uitstroom["deelnemers"],
            "kis": [KIS_REFERENTIE[s] for s, _label in UITSTROOM_LABELS],
            "titel": _("Deze selectie (%)"),
            "kis_titel": _("KIS-monitor 2017, alle vluchtelingen (%, referentie)"),
            "as": _("Aandeel (%)"), "van": _("van"),
        },
    }
