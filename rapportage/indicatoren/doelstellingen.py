"""Doelstellingen: waarde, realisatie, prognose en 'achter op schema' (docs/domain.md,
"Indicatoren").

Een doelstelling wordt gemeten over haar eigen periode en haar eigen gemeente(n), niet over het
van/tot- of gemeentefilter: een doel voor het hele programma over alle gemeenten (landelijk),
een doel van een gemeente over die gemeente. Zo staat een gemeente nooit tegenover het
landelijke doel. Vijf queries, hoeveel doelstellingen, gemeenten of gegevens er ook zijn: de
doelstellingen zelf, en per indicator één landelijke telling en één telling gegroepeerd per
gemeente (gefilterde tellingen per verschillende periode).
"""

from __future__ import annotations

import datetime
from fractions import Fraction

from django.db.models import Count, F, Q

from trajecten.constants import GEPLAATST_SOORTEN

from ..constants import Indicator
from ..models import Doelstelling
from .selectie import Periode, Selectie

PROGNOSE_VENSTER_DAGEN = 90
#: Achter op schema: realisatie meer dan zoveel procentpunten onder het verstreken deel.
SCHEMA_MARGE = 10


def realisatie(waarde, streefwaarde) -> float | None:
    """Waarde / streefwaarde als percentage (None zonder streefwaarde)."""
    if not streefwaarde:
        return None
    return round(100 * waarde / streefwaarde, 1)


def prognose(*, waarde: int, nieuw_in_venster: int, venster_dagen: int,
             resterende_dagen: int) -> float:
    """De waarde doorgetrokken naar het einde van de periode in het tempo van het venster."""
    if venster_dagen <= 0:
        return float(waarde)
    return round(waarde + nieuw_in_venster / venster_dagen * max(resterende_dagen, 0), 1)


def prognose_venster(van: datetime.date, tot: datetime.date, peildatum: datetime.date):
    """(venster_dagen, resterende_dagen) voor een periode, of None vóór het begin."""
    if peildatum < van:
        return None
    if peildatum > tot:
        return (PROGNOSE_VENSTER_DAGEN, 0)
    dagen = min(PROGNOSE_VENSTER_DAGEN, (peildatum - van).days + 1)
    return (dagen, (tot - peildatum).days)


def verstreken(van: datetime.date, tot: datetime.date, peildatum: datetime.date) -> Fraction:
    """Het verstreken deel van de periode op de peildatum (dagen inclusief), tussen 0 en 1."""
    totaal = (tot - van).days + 1
    return Fraction(min(max((peildatum - van).days + 1, 0), totaal), totaal)


def achter_op_schema(waarde: int, streefwaarde: int, deel_verstreken: Fraction) -> bool:
    """Realisatie meer dan 10 procentpunten onder het verstreken deel (exact, niet afgerond)."""
    return Fraction(100 * waarde, streefwaarde) < 100 * deel_verstreken - SCHEMA_MARGE


def _telling(s: Selectie, indicator: str):
    """(rijen, gemeenteveld, telling): hoe `indicator` geteld wordt binnen de selectie."""
    if indicator == Indicator.TRAJECTEN_GESTART:
        return s.trajecten(), "gemeente_id", lambda q: Count("pk", filter=q)
    return (
        s.plaatsingen().filter(soort__in=GEPLAATST_SOORTEN),
        "traject__gemeente_id",
        lambda q: Count("traject__deelnemer", distinct=True, filter=q),
    )


def _telperiodes(s: Selectie, indicator: str, periode: Periode) -> tuple[Periode, Periode]:
    """(waarde, vóór het prognosevenster): begonnen in de periode, op of vóór de peildatum
    resp. vóór het venster van 90 dagen. Trajecten tellen alleen binnen de looptijd."""
    van, tot = periode
    if indicator == Indicator.TRAJECTEN_GESTART:
        van, tot = max(van, s.programma_start), min(tot, s.programma_einde)
    grens = s.peildatum - datetime.timedelta(days=PROGNOSE_VENSTER_DAGEN)
    return (van, min(tot, s.peildatum)), (van, min(tot, grens))


def _tellingen(s: Selectie, indicator: str, periodes: list[Periode]) -> dict[str, Count]:
    _rijen, _veld, telling = _telling(s, indicator)
    expressies = {}
    for i, periode in enumerate(periodes):
        waarde, voor_venster = _telperiodes(s, indicator, periode)
        expressies[f"w{i}"] = telling(Q(startdatum__range=waarde))
        expressies[f"v{i}"] = telling(Q(startdatum__range=voor_venster))
    return expressies


def _tel(rijen, expressies: dict, *, per: str | None = None) -> dict:
    """Eén query (per gemeente gegroepeerd als `per` het gemeenteveld is), ook zonder
    doelstellingen: dan over geen enkele rij (via de primaire sleutel, dus zonder scan). Zo
    hangt het aantal queries niet van de gegevens af."""
    if not expressies:
        rijen, expressies = rijen.filter(pk__lt=0), {"leeg": Count("pk")}
    if per:
        return {r.pop(per): r for r in rijen.values(per).annotate(**expressies)}
    return rijen.aggregate(**expressies)


def _waarden(s: Selectie, doelen: list[Doelstelling], indicator: str) -> dict[int, tuple]:
    """Per doelstelling van `indicator`: (waarde, vóór het venster). Twee queries: landelijk
    (doelen van het hele programma, over alle gemeenten) en per gemeente (gegroepeerd)."""
    eigen = [d for d in doelen if d.indicator == indicator]
    landelijk = [d for d in eigen if d.gemeente_id is None]
    per_gemeente = [d for d in eigen if d.gemeente_id is not None]

    periodes_l = sorted({d.periode for d in landelijk})
    rijen, _veld, _t = _telling(s.landelijk(), indicator)
    totaal = _tel(rijen, _tellingen(s, indicator, periodes_l))

    periodes_g = sorted({d.periode for d in per_gemeente})
    rijen, veld, _t = _telling(s, indicator)
    gegroepeerd = _tel(rijen, _tellingen(s, indicator, periodes_g), per=veld)

    uit = {}
    for d in landelijk:
        i = periodes_l.index(d.periode)
        uit[d.pk] = (totaal[f"w{i}"], totaal[f"v{i}"])
    for d in per_gemeente:
        i = periodes_g.index(d.periode)
        r = gegroepeerd.get(d.gemeente_id, {})
        uit[d.pk] = (r.get(f"w{i}", 0), r.get(f"v{i}", 0))
    return uit


def doelstellingen(s: Selectie, *, alleen_gemeenten: bool = False) -> list[dict]:
    """De doelstellingen van het programma: die voor het hele programma (landelijk gemeten)
    en die van de gemeenten in de selectie (per gemeente gemeten), met waarde, realisatie,
    prognose, verstreken deel van de periode en 'achter op schema'. Vijf queries.
    `alleen_gemeenten`: zonder de doelen van het hele programma (zie `dashboard`)."""
    qs = Doelstelling.objects.filter(programma_id=s.programma_id)
    if alleen_gemeenten:
        qs = qs.filter(gemeente_id__in=s.gemeente_ids)
    elif s.gemeente_ids is not None:
        qs = qs.filter(Q(gemeente__isnull=True) | Q(gemeente_id__in=s.gemeente_ids))
    doelen = list(
        qs.select_related("gemeente", "programma")
        .order_by(F("gemeente__naam").asc(nulls_first=True), "indicator",
                  F("startdatum").asc(nulls_first=True), "pk")
    )
    waarden = {}
    for indicator in Indicator.values:
        waarden.update(_waarden(s, doelen, indicator))
    return [_doel(s, d, *waarden[d.pk]) for d in doelen]


def _doel(s: Selectie, d: Doelstelling, waarde: int, voor_venster: int) -> dict:
    van, tot = d.periode
    peil = s.peildatum
    venster = prognose_venster(van, tot, peil)
    progn = None
    if venster is not None:
        progn = prognose(waarde=waarde, nieuw_in_venster=waarde - voor_venster,
                         venster_dagen=venster[0], resterende_dagen=venster[1])
    deel_verstreken = verstreken(van, tot, peil)
    return {
        "id": d.pk,
        "indicator": d.indicator,
        "indicator_label": str(d.get_indicator_display()),
        "omschrijving": d.omschrijving,
        "gemeente": d.gemeente.naam if d.gemeente else None,
        "gemeente_id": d.gemeente_id,
        "cbs_code": d.gemeente.cbs_code if d.gemeente else None,
        "heel_programma": d.startdatum is None and d.einddatum is None,
        "van": van,
        "tot": tot,
        "waarde": waarde,
        "streefwaarde": d.streefwaarde,
        "realisatie": realisatie(waarde, d.streefwaarde),
        "prognose": progn,
        "prognose_pct": realisatie(progn, d.streefwaarde) if progn is not None else None,
        "verstreken_pct": round(float(100 * deel_verstreken), 1),
        "achter_op_schema": achter_op_schema(waarde, d.streefwaarde, deel_verstreken),
    }
