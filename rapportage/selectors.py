"""Leesfuncties van de rapportage: de selectie voor een gebruiker en de cijfers voor een
pagina. Altijd eerst beperkt tot de gemeenten van de gebruiker (als coördinator)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from gemeenten.toegang import Toegang, heeft_rol

from . import cache
from .constants import BANENOFFENSIEF_2006_2009, KIS_REFERENTIE, Indicator
from .indicatoren import Selectie


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
    return Selectie(
        programma_id=filters["programma"].pk,
        van=filters["van"],
        tot=filters["tot"],
        gemeente_ids=ids,
        peildatum=timezone.localdate(),
    )


def landelijke_selectie(selectie: Selectie) -> Selectie:
    return Selectie(selectie.programma_id, selectie.van, selectie.tot, None, selectie.peildatum)


def filter_query(filters: dict, *, gemeente: Gemeente | None = None) -> str:
    """De querystring van de filters, voor exportlinks en links tussen pagina's."""
    paren = [("programma", filters["programma"].pk), ("van", filters["van"].isoformat()),
             ("tot", filters["tot"].isoformat())]
    codes = [gemeente.cbs_code] if gemeente else [g.cbs_code for g in filters.get("gemeente") or []]
    paren += [("gemeente", c) for c in codes]
    return urlencode(paren)


def _balk(pct):
    return None if pct is None else max(0.0, min(float(pct), 100.0))


def pagina_gegevens(selectie: Selectie, *, met_landelijk: bool = False) -> dict:
    """Alles wat een dashboardpagina toont: de (gecachte) cijfers van de selectie en, voor
    een gemeentepagina, het landelijke cijfer ernaast."""
    cijfers = cache.dashboard(selectie)
    landelijk = cache.dashboard(landelijke_selectie(selectie)) if met_landelijk else None
    landelijke_doelen = {d["id"]: d for d in landelijk["doelstellingen"]} if landelijk else {}
    doelen = [
        {**d, "balk": _balk(d["realisatie"]), "prognose_balk": _balk(d["prognose_pct"]),
         "landelijk": landelijke_doelen.get(d["id"]) if d["gemeente_id"] is None else None}
        for d in cijfers["doelstellingen"]
    ]
    k = cijfers["kerncijfers"]
    kl = landelijk["kerncijfers"] if landelijk else None
    return {
        "cijfers": cijfers,
        "doelen": doelen,
        "kernrijen": kernrijen(k, kl),
        "uitstroomrijen": [
            {"label": label, "aantal": k["uitstroom"]["aantallen"][sleutel],
             "aandeel": k["uitstroom"]["aandelen"][sleutel],
             "landelijk": kl["uitstroom"]["aandelen"][sleutel] if kl else None,
             "kis": KIS_REFERENTIE[sleutel]}
            for sleutel, label in (
                ("werk", _("werk (baan, stage, werkervaringsplaats)")),
                ("onderwijs", _("onderwijs (opleiding, leerwerktraject)")),
                ("vrijwilligerswerk", _("vrijwilligerswerk")),
                ("nog_niet_gestart", _("nog niet gestart")),
            )
        ],
        "historisch": BANENOFFENSIEF_2006_2009,
        "vergelijk_doel": next(
            (d for d in doelen if d["indicator"] == Indicator.PERSONEN_GEPLAATST
             and d["gemeente_id"] is None and d["heel_programma"]),
            None,
        ),
        "grafieken": grafiekdata(cijfers),
    }


def kernrijen(k: dict, kl: dict | None) -> list[dict]:
    def rij(label, waarde, landelijk, eenheid=""):
        return {"label": label, "waarde": waarde, "landelijk": landelijk, "eenheid": eenheid}

    def uit(d, *pad):
        if d is None:
            return None
        for stap in pad:
            d = d[stap]
        return d

    return [
        rij(_("Trajecten gestart"), k["trajecten_gestart"], uit(kl, "trajecten_gestart")),
        rij(_("Personen geplaatst"), k["personen_geplaatst"], uit(kl, "personen_geplaatst")),
        rij(_("Duurzaam geplaatst (na 6 maanden nog aan het werk)"),
            k["duurzaam"]["percentage"], uit(kl, "duurzaam", "percentage"), "%"),
        rij(_("Kosten per plaatsing (norm 2006–2009: € 2.500)"), k["kosten_per_plaatsing"],
            uit(kl, "kosten_per_plaatsing"), "€"),
        rij(_("Mediane doorlooptijd aanmelding → eerste plaatsing"),
            k["mediaan_doorlooptijd"], uit(kl, "mediaan_doorlooptijd"), _("dagen")),
        rij(_("Coaches getraind"), k["coaches"]["getraind"], uit(kl, "coaches", "getraind")),
        rij(_("Coaches actief"), k["coaches"]["actief"], uit(kl, "coaches", "actief")),
        rij(_("Deelnemers per actieve coach"), k["coaches"]["deelnemers_per_coach"],
            uit(kl, "coaches", "deelnemers_per_coach")),
    ]


def grafiekdata(cijfers: dict) -> dict:
    """De getallen voor Chart.js (via json_script); dezelfde getallen staan in de tabellen."""
    trend = cijfers["trend"]
    k = cijfers["kerncijfers"]
    return {
        "trend": {
            "maanden": [m["maand"].strftime("%Y-%m") for m in trend],
            "gestart": [m["gestart"] for m in trend],
            "geplaatst": [m["geplaatst"] for m in trend],
            "gestart_cumulatief": [m["gestart_cumulatief"] for m in trend],
            "geplaatst_cumulatief": [m["geplaatst_cumulatief"] for m in trend],
            "doel_gestart": [m["doel_gestart"] for m in trend],
            "doel_geplaatst": [m["doel_geplaatst"] for m in trend],
            "labels": {
                "gestart": _("Gestart per maand"), "geplaatst": _("Geplaatst per maand"),
                "gestart_cumulatief": _("Gestart cumulatief"),
                "geplaatst_cumulatief": _("Geplaatst cumulatief"),
                "doel_gestart": _("Doellijn trajecten"), "doel_geplaatst": _("Doellijn geplaatst"),
            },
        },
        "trechter": {
            "labels": [s["label"] for s in cijfers["trechter"]["stappen"]] + [_("uitgevallen")],
            "aantallen": [s["bereikt"] for s in cijfers["trechter"]["stappen"]]
            + [cijfers["trechter"]["uitgevallen"]],
            "titel": _("Trajecten (ten minste bereikt)"),
        },
        "soorten": {
            "labels": [p["label"] for p in k["plaatsingen_per_soort"]],
            "aantallen": [p["aantal"] for p in k["plaatsingen_per_soort"]],
            "titel": _("Plaatsingen"),
        },
        "uitstroom": {
            "labels": [_("werk"), _("onderwijs"), _("vrijwilligerswerk"), _("nog niet gestart")],
            "aandelen": [k["uitstroom"]["aandelen"][s] or 0 for s in
                         ("werk", "onderwijs", "vrijwilligerswerk", "nog_niet_gestart")],
            "kis": [KIS_REFERENTIE[s] for s in
                    ("werk", "onderwijs", "vrijwilligerswerk", "nog_niet_gestart")],
            "titel": _("Deze selectie (%)"), "kis_titel": _("KIS-monitor (%)"),
        },
    }
