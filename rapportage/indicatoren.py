"""Alle indicatoren van de rapportage, op één plek (DOMAIN.md, 'Indicators').

Elke indicator heeft hier precies één definitie: een functie die een aggregaat-expressie geeft
(`*_expr`) en een gewone functie over querysets die hem uitrekent. Het dashboard, de
per-gemeentetabel, de exports, de tests en de benchmark gebruiken alleen deze definities; de
per-gemeentetabel groepeert dezelfde expressies met `.values(...).annotate(...)`.

Alles wordt in de database geaggregeerd (gefilterde en distinct tellingen, TruncMonth); er is
geen Python-lus over rijen. Een selectie (`Selectie`) is altijd al beperkt tot de gemeenten van
de gebruiker voordat hier iets wordt geteld.

Keuzes die DOMAIN.md openlaat (en die overal hetzelfde zijn):

- **Periode** is inclusief: `van <= datum <= tot`.
- **werk** = de Banenoffensief-telling: baan, stage of werkervaringsplaats (`GEPLAATST_SOORTEN`).
  Een proefplaatsing is een voorportaal, geen werk, en telt in geen van de uitstroomcategorieën.
  **onderwijs** = opleiding of leerwerktraject (een leerwerktraject is een beroepsopleiding
  met werkplek). **vrijwilligerswerk** = vrijwilligerswerk. Een deelnemer kan in meer dan één
  categorie vallen (zoals in de KIS-monitor); de aandelen tellen dus niet op tot 100 %.
- **kosten per plaatsing** = som van `Traject.kosten` van de trajecten die in de periode
  startten, gedeeld door personen geplaatst in de periode.
- **duurzaam geplaatst** telt plaatsingen (baan, stage, werkervaringsplaats) die in de periode
  én minstens zes kalendermaanden vóór de peildatum begonnen; daarvan de plaatsingen zonder
  einddatum of met een einddatum op of na startdatum + 6 maanden.
- **coaches actief** = coaches met `actief`, **coaches getraind** = coaches met een
  trainingsdatum op of voor het einde van de periode, beide gekoppeld aan een gemeente in de
  selectie. **deelnemers per coach** = deelnemers met een open traject met coach, gedeeld door
  de actieve coaches.
- **prognose**: waarde + tempo × resterende dagen, met tempo = nieuwe gevallen in de laatste
  90 dagen (of sinds het begin van de periode, als die korter loopt) / dat aantal dagen. Vóór
  het begin of na het einde van de periode is er geen prognose (resp. is hij gelijk aan de
  waarde).
- **doorlooptijd**: per traject de dagen van aanmelddatum tot de eerste plaatsing (baan, stage,
  werkervaringsplaats) van dat traject, voor trajecten waarvan die eerste plaatsing in de
  periode valt; daarvan de mediaan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import connection
from django.db.models import (
    Count,
    DateField,
    F,
    Func,
    Min,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth

from gemeenten.models import Gemeente
from trajecten.constants import GEPLAATST_SOORTEN, OPEN_STATUSSEN, STATUS_VOLGORDE, Soort, Status
from trajecten.models import Coach, Plaatsing, Traject

from .constants import Indicator
from .models import Doelstelling

ONDERWIJS_SOORTEN = [Soort.OPLEIDING, Soort.LEERWERKTRAJECT]
VRIJWILLIGERSWERK_SOORTEN = [Soort.VRIJWILLIGERSWERK]
#: De kosten per plaatsing van het Banenoffensief Vluchtelingen 2006–2009 (DOMAIN.md).
KOSTEN_NORM = Decimal("2500")
PROGNOSE_VENSTER_DAGEN = 90
DUURZAAM_MAANDEN = 6


@dataclass(frozen=True)
class Selectie:
    """Wat er geteld wordt: één programma, een periode (inclusief) en gemeenten.

    `gemeente_ids` is `None` voor alle gemeenten, anders een gesorteerde tuple; de view zorgt
    dat dit nooit méér is dan de gemeenten van de gebruiker. `peildatum` is 'vandaag' (de
    prognose en duurzaamheid hangen ervan af); tests zetten hem vast.
    """

    programma_id: int
    van: datetime.date
    tot: datetime.date
    gemeente_ids: tuple[int, ...] | None
    peildatum: datetime.date

    def trajecten(self):
        qs = Traject.objects.filter(programma_id=self.programma_id)
        if self.gemeente_ids is not None:
            qs = qs.filter(gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    def plaatsingen(self):
        qs = Plaatsing.objects.filter(traject__programma_id=self.programma_id)
        if self.gemeente_ids is not None:
            qs = qs.filter(traject__gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    def coaches(self):
        qs = Coach.objects.all()
        if self.gemeente_ids is not None:
            qs = qs.filter(gemeenten__in=self.gemeente_ids)
        return qs.order_by()

    def coach_koppelingen(self):
        """De koppeltabel coach × gemeente, voor tellingen per gemeente."""
        qs = Coach.gemeenten.through.objects.all()
        if self.gemeente_ids is not None:
            qs = qs.filter(gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    def gemeenten(self):
        qs = Gemeente.objects.all()
        if self.gemeente_ids is not None:
            qs = qs.filter(pk__in=self.gemeente_ids)
        return qs


class PlusMaanden(Func):
    """`datum + n kalendermaanden` in SQL (PostgreSQL en SQLite)."""

    output_field = DateField()

    def __init__(self, expressie, maanden: int):
        super().__init__(expressie)
        self.maanden = int(maanden)

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) + interval '{self.maanden} months')::date", params

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '+{self.maanden} months')", params


# --- Definities: aggregaat-expressies -------------------------------------------------------
# Over Traject:


def trajecten_gestart_expr(van, tot):
    """Trajecten van het programma met een startdatum in de periode."""
    return Count("pk", filter=Q(startdatum__range=(van, tot)))


def kosten_expr(van, tot):
    """Som van de kosten van de trajecten die in de periode startten."""
    return Coalesce(
        Sum("kosten", filter=Q(startdatum__range=(van, tot))), Value(Decimal("0"))
    )


def deelnemers_met_coach_expr():
    """Deelnemers met een open traject waaraan een coach gekoppeld is (nu)."""
    return Count(
        "deelnemer", distinct=True, filter=Q(status__in=OPEN_STATUSSEN, coach__isnull=False)
    )


# Over Plaatsing:


def personen_geplaatst_expr(van, tot, deelnemer="traject__deelnemer"):
    """Verschillende deelnemers met een baan, stage of werkervaringsplaats die in de periode
    begon; wie twee keer geplaatst is, telt één keer."""
    return Count(
        deelnemer,
        distinct=True,
        filter=Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=(van, tot)),
    )


def plaatsingen_soort_expr(soort, van, tot):
    """Plaatsingen van één soort die in de periode begonnen."""
    return Count("pk", filter=Q(soort=soort, startdatum__range=(van, tot)))


def _duurzaam_basis(van, tot, peildatum) -> Q | None:
    grens = peildatum - relativedelta(months=DUURZAAM_MAANDEN)
    laatste = min(tot, grens)
    if laatste < van:
        return None
    return Q(soort__in=GEPLAATST_SOORTEN, startdatum__range=(van, laatste))


def duurzaam_noemer_expr(van, tot, peildatum):
    """Plaatsingen (baan/stage/wep) in de periode die minstens zes maanden geleden begonnen."""
    basis = _duurzaam_basis(van, tot, peildatum)
    return Count("pk", filter=basis) if basis is not None else Value(0)


def duurzaam_teller_expr(van, tot, peildatum):
    """Daarvan: nog lopend zes maanden na de start."""
    basis = _duurzaam_basis(van, tot, peildatum)
    if basis is None:
        return Value(0)
    lopend = Q(einddatum__isnull=True) | Q(
        einddatum__gte=PlusMaanden(F("startdatum"), DUURZAAM_MAANDEN)
    )
    return Count("pk", filter=basis & lopend)


# Over Coach en de koppeltabel coach × gemeente:


def coaches_actief_expr(coach="pk", via=""):
    """Verschillende coaches met `actief` (`via` = 'coach__' vanuit de koppeltabel)."""
    return Count(coach, distinct=True, filter=Q(**{f"{via}actief": True}))


def coaches_getraind_expr(tot, coach="pk", via=""):
    """Verschillende coaches die op of vóór `tot` als werkcoach getraind zijn."""
    return Count(coach, distinct=True, filter=Q(**{f"{via}getraind_op__lte": tot}))


# --- Indicatoren: één query per functie -----------------------------------------------------


def trajecten_gestart(trajecten, *, van, tot) -> int:
    return trajecten.aggregate(n=trajecten_gestart_expr(van, tot))["n"]


def personen_geplaatst(plaatsingen, *, van, tot) -> int:
    return plaatsingen.aggregate(n=personen_geplaatst_expr(van, tot))["n"]


def realisatie(waarde: int, streefwaarde: int) -> float | None:
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


def plaatsingen_per_soort(plaatsingen, *, van, tot) -> dict[str, int]:
    return plaatsingen.aggregate(
        **{s.value: plaatsingen_soort_expr(s, van, tot) for s in Soort}
    )


def duurzaam_geplaatst(plaatsingen, *, van, tot, peildatum) -> dict:
    """{'teller', 'noemer', 'percentage'}; percentage None als de noemer 0 is."""
    r = plaatsingen.aggregate(
        teller=duurzaam_teller_expr(van, tot, peildatum),
        noemer=duurzaam_noemer_expr(van, tot, peildatum),
    )
    return {**r, "percentage": _pct(r["teller"], r["noemer"])}


def kosten_per_plaatsing(trajecten, plaatsingen, *, van, tot) -> Decimal | None:
    kosten = trajecten.aggregate(k=kosten_expr(van, tot))["k"]
    return _deel(kosten, personen_geplaatst(plaatsingen, van=van, tot=tot))


def coaches(selectie: Selectie) -> dict:
    """Coaches getraind en actief (distinct) en deelnemers per coach, in twee queries."""
    r = selectie.coaches().aggregate(
        getraind=coaches_getraind_expr(selectie.tot), actief=coaches_actief_expr()
    )
    met_coach = selectie.trajecten().aggregate(n=deelnemers_met_coach_expr())["n"]
    return {**r, "deelnemers_met_coach": met_coach,
            "deelnemers_per_coach": _deel(met_coach, r["actief"], 1)}


def uitstroom(trajecten, *, van, tot) -> dict:
    """KIS-aandelen van de deelnemers (met een traject aangemeld op of voor `tot`)."""
    in_periode = Q(plaatsingen__startdatum__range=(van, tot))

    def naar(soorten):
        return Count("deelnemer", distinct=True,
                     filter=in_periode & Q(plaatsingen__soort__in=soorten))

    r = trajecten.filter(aanmelddatum__lte=tot).aggregate(
        deelnemers=Count("deelnemer", distinct=True),
        gestart=Count("deelnemer", distinct=True, filter=Q(startdatum__lte=tot)),
        werk=naar(GEPLAATST_SOORTEN),
        onderwijs=naar(ONDERWIJS_SOORTEN),
        vrijwilligerswerk=naar(VRIJWILLIGERSWERK_SOORTEN),
    )
    totaal = r["deelnemers"]
    aantallen = {
        "werk": r["werk"],
        "onderwijs": r["onderwijs"],
        "vrijwilligerswerk": r["vrijwilligerswerk"],
        "nog_niet_gestart": totaal - r["gestart"],
    }
    return {
        "deelnemers": totaal,
        "aantallen": aantallen,
        "aandelen": {k: _pct(v, totaal) for k, v in aantallen.items()},
    }


def trechter(trajecten, *, van, tot) -> dict:
    """Trajecten aangemeld in de periode per huidige status, plus 'ten minste bereikt'."""
    per_status = dict(
        trajecten.filter(aanmelddatum__range=(van, tot))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    stappen = []
    nog = sum(per_status.get(s, 0) for s in STATUS_VOLGORDE)
    for status in STATUS_VOLGORDE:
        stappen.append({
            "status": status.value, "label": str(status.label),
            "aantal": per_status.get(status, 0), "bereikt": nog,
        })
        nog -= per_status.get(status, 0)
    return {"stappen": stappen, "uitgevallen": per_status.get(Status.UITGEVALLEN, 0)}


def gestart_per_maand(trajecten, *, van, tot) -> dict[datetime.date, int]:
    return dict(
        trajecten.filter(startdatum__range=(van, tot))
        .annotate(maand=TruncMonth("startdatum"))
        .values_list("maand")
        .annotate(n=Count("pk"))
        .values_list("maand", "n")
    )


def _maand_sql(kolom: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {kolom})::date"
    return f"strftime('%%Y-%%m-01', {kolom})"


def geplaatst_per_maand(plaatsingen, *, van, tot) -> dict[datetime.date, int]:
    """Personen per maand van hun eerste plaatsing in de periode; opgeteld = personen
    geplaatst. Eén query: de eerste plaatsing per deelnemer als subquery, gegroepeerd op maand.
    """
    binnen = (
        plaatsingen.filter(soort__in=GEPLAATST_SOORTEN, startdatum__range=(van, tot))
        .values("traject__deelnemer_id")
        .annotate(eerste=Min("startdatum"))
        .values("eerste")
    )
    sql, params = binnen.query.sql_with_params()
    maand = _maand_sql("s.eerste")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {maand} AS maand, COUNT(*) FROM ({sql}) s GROUP BY 1 ORDER BY 1", params
        )
        rijen = cursor.fetchall()
    return {_als_datum(m): n for m, n in rijen}


def mediaan_doorlooptijd(plaatsingen, *, van, tot) -> float | None:
    """Mediaan in dagen van aanmelding tot eerste plaatsing; één query.

    PostgreSQL: percentile_cont; SQLite: de middelste rij(en) via ROW_NUMBER() en COUNT() OVER.
    """
    eerste = (
        plaatsingen.filter(soort__in=GEPLAATST_SOORTEN)
        .values("traject_id")
        .annotate(eerste=Min("startdatum"), aanmeld=Min("traject__aanmelddatum"))
        .filter(eerste__range=(van, tot))
        .values("eerste", "aanmeld")
    )
    sql, params = eerste.query.sql_with_params()
    if connection.vendor == "postgresql":
        query = (
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (s.eerste - s.aanmeld)) "
            f"FROM ({sql}) s"
        )
    else:
        query = (
            "SELECT AVG(d) FROM (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS rn, "
            "COUNT(*) OVER () AS c FROM (SELECT julianday(s.eerste) - julianday(s.aanmeld) "
            f"AS d FROM ({sql}) s) t) u WHERE rn IN ((c + 1) / 2, (c + 2) / 2)"
        )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        (waarde,) = cursor.fetchone()
    return None if waarde is None else round(float(waarde), 1)


# --- Doelstellingen -------------------------------------------------------------------------


def _doel_filter(doel: Doelstelling, veld_gemeente: str) -> Q:
    van, tot = doel.periode
    q = Q(startdatum__range=(van, tot))
    if doel.gemeente_id is not None:
        q &= Q(**{veld_gemeente: doel.gemeente_id})
    return q


def _doel_waarden(selectie: Selectie, doelen: list[Doelstelling], indicator: str) -> dict:
    """Per doelstelling van `indicator`: (waarde, tot_peildatum, voor_venster), in één query
    (gefilterde tellingen, één scan), ook als er geen doelstellingen zijn: het aantal queries
    hangt niet af van het aantal doelstellingen."""
    peil = selectie.peildatum
    venster_grens = peil - datetime.timedelta(PROGNOSE_VENSTER_DAGEN)
    if indicator == Indicator.TRAJECTEN_GESTART:
        qs, gemeente_veld = selectie.trajecten(), "gemeente_id"

        def telling(q):
            return Count("pk", filter=q)
    else:
        qs, gemeente_veld = (
            selectie.plaatsingen().filter(soort__in=GEPLAATST_SOORTEN),
            "traject__gemeente_id",
        )

        def telling(q):
            return Count("traject__deelnemer", distinct=True, filter=q)

    expressies = {}
    for d in doelen:
        basis = _doel_filter(d, gemeente_veld)
        expressies[f"w{d.pk}"] = telling(basis)
        expressies[f"p{d.pk}"] = telling(basis & Q(startdatum__lte=peil))
        expressies[f"v{d.pk}"] = telling(basis & Q(startdatum__lte=venster_grens))
    if not expressies:
        expressies["leeg"] = Count("pk")
    r = qs.aggregate(**expressies)
    return {d.pk: (r[f"w{d.pk}"], r[f"p{d.pk}"], r[f"v{d.pk}"]) for d in doelen}


def doelstellingen(selectie: Selectie) -> list[dict]:
    """Elke doelstelling van het programma binnen de selectie met waarde, realisatie en
    prognose; drie queries (de doelstellingen, en per indicator één scan met gefilterde
    tellingen), onafhankelijk van het aantal doelstellingen.

    Een doelstelling zonder gemeente telt over alle gemeenten van de selectie; een doelstelling
    van een gemeente buiten de selectie wordt niet getoond. Elke doelstelling wordt over haar
    eigen periode gemeten (niet over het filter van/tot).
    """
    peil = selectie.peildatum
    qs = Doelstelling.objects.filter(programma_id=selectie.programma_id)
    if selectie.gemeente_ids is not None:
        qs = qs.filter(Q(gemeente__isnull=True) | Q(gemeente_id__in=selectie.gemeente_ids))
    rijen = list(
        qs.select_related("gemeente", "programma")
        .order_by(F("gemeente__naam").asc(nulls_first=True), "indicator",
                  F("startdatum").asc(nulls_first=True), "pk")
    )
    waarden = {}
    for indicator in Indicator.values:
        waarden.update(
            _doel_waarden(selectie, [d for d in rijen if d.indicator == indicator], indicator)
        )
    resultaat = []
    for d in rijen:
        waarde, tot_peildatum, voor_venster = waarden[d.pk]
        van, tot = d.periode
        venster = prognose_venster(van, tot, peil)
        progn = None
        if venster is not None:
            progn = prognose(
                waarde=waarde, nieuw_in_venster=tot_peildatum - voor_venster,
                venster_dagen=venster[0], resterende_dagen=venster[1],
            )
        resultaat.append({
            "id": d.pk,
            "indicator": d.indicator,
            "indicator_label": str(d.get_indicator_display()),
            "omschrijving": d.omschrijving,
            "gemeente": d.gemeente.naam if d.gemeente else None,
            "gemeente_id": d.gemeente_id,
            "heel_programma": d.startdatum is None and d.einddatum is None,
            "van": van,
            "tot": tot,
            "waarde": waarde,
            "streefwaarde": d.streefwaarde,
            "realisatie": realisatie(waarde, d.streefwaarde),
            "prognose": progn,
            "prognose_pct": realisatie(progn, d.streefwaarde) if progn is not None else None,
        })
    return resultaat


# --- Per gemeente: dezelfde definities, gegroepeerd ------------------------------------------


def per_gemeente(selectie: Selectie) -> list[dict]:
    """Eén rij per gemeente (die meedoet aan het programma of er trajecten in heeft), in vier
    gegroepeerde queries, onafhankelijk van het aantal gemeenten."""
    van, tot, peil = selectie.van, selectie.tot, selectie.peildatum
    traject_cijfers = {
        r.pop("gemeente_id"): r
        for r in selectie.trajecten()
        .values("gemeente_id")
        .annotate(
            trajecten_gestart=trajecten_gestart_expr(van, tot),
            kosten=kosten_expr(van, tot),
            deelnemers_met_coach=deelnemers_met_coach_expr(),
        )
    }
    plaatsing_cijfers = {
        r.pop("traject__gemeente_id"): r
        for r in selectie.plaatsingen()
        .values("traject__gemeente_id")
        .annotate(
            personen_geplaatst=personen_geplaatst_expr(van, tot),
            duurzaam_teller=duurzaam_teller_expr(van, tot, peil),
            duurzaam_noemer=duurzaam_noemer_expr(van, tot, peil),
            **{f"soort_{s.value}": plaatsingen_soort_expr(s, van, tot) for s in Soort},
        )
    }
    coach_cijfers = {
        r.pop("gemeente_id"): r
        for r in selectie.coach_koppelingen()
        .values("gemeente_id")
        .annotate(
            coaches_actief=coaches_actief_expr("coach_id", "coach__"),
            coaches_getraind=coaches_getraind_expr(tot, "coach_id", "coach__"),
        )
    }
    met_cijfers = set(traject_cijfers) | set(plaatsing_cijfers)
    gemeenten = (
        selectie.gemeenten()
        .filter(Q(pk__in=met_cijfers) | Q(programmas=selectie.programma_id))
        .distinct()
        .order_by("naam")
        .values("pk", "cbs_code", "naam")
    )
    rijen = []
    for g in gemeenten:
        t = traject_cijfers.get(g["pk"], {})
        p = plaatsing_cijfers.get(g["pk"], {})
        c = coach_cijfers.get(g["pk"], {})
        geplaatst = p.get("personen_geplaatst", 0)
        rijen.append({
            "gemeente_id": g["pk"],
            "cbs_code": g["cbs_code"],
            "gemeente": g["naam"],
            "trajecten_gestart": t.get("trajecten_gestart", 0),
            "personen_geplaatst": geplaatst,
            **{f"plaatsingen_{s.value}": p.get(f"soort_{s.value}", 0) for s in Soort},
            "plaatsingen_overig": sum(p.get(f"soort_{s.value}", 0) for s in Soort
                                      if s not in GEPLAATST_SOORTEN),
            "duurzaam_geplaatst_pct": _pct(p.get("duurzaam_teller", 0),
                                           p.get("duurzaam_noemer", 0)),
            "kosten": t.get("kosten", Decimal("0")),
            "kosten_per_plaatsing": _deel(t.get("kosten", Decimal("0")), geplaatst),
            "coaches_getraind": c.get("coaches_getraind", 0),
            "coaches_actief": c.get("coaches_actief", 0),
            "deelnemers_per_coach": _deel(t.get("deelnemers_met_coach", 0),
                                          c.get("coaches_actief", 0), 1),
        })
    return rijen


# --- Alles voor één dashboard ---------------------------------------------------------------


def kerncijfers(selectie: Selectie) -> dict:
    """Alle indicatoren voor de selectie als geheel (een vast aantal queries)."""
    s = selectie
    van, tot = s.van, s.tot
    t = s.trajecten().aggregate(
        trajecten_gestart=trajecten_gestart_expr(van, tot), kosten=kosten_expr(van, tot)
    )
    p = s.plaatsingen().aggregate(
        personen_geplaatst=personen_geplaatst_expr(van, tot),
        duurzaam_teller=duurzaam_teller_expr(van, tot, s.peildatum),
        duurzaam_noemer=duurzaam_noemer_expr(van, tot, s.peildatum),
        **{f"soort_{x.value}": plaatsingen_soort_expr(x, van, tot) for x in Soort},
    )
    geplaatst = p["personen_geplaatst"]
    return {
        "trajecten_gestart": t["trajecten_gestart"],
        "personen_geplaatst": geplaatst,
        "kosten": t["kosten"],
        "kosten_per_plaatsing": _deel(t["kosten"], geplaatst),
        "kosten_norm": KOSTEN_NORM,
        "duurzaam": {
            "teller": p["duurzaam_teller"], "noemer": p["duurzaam_noemer"],
            "percentage": _pct(p["duurzaam_teller"], p["duurzaam_noemer"]),
        },
        "plaatsingen_per_soort": [
            {"soort": x.value, "label": str(x.label), "aantal": p[f"soort_{x.value}"],
             "telt_als_geplaatst": x in GEPLAATST_SOORTEN}
            for x in Soort
        ],
        "coaches": coaches(s),
        "uitstroom": uitstroom(s.trajecten(), van=van, tot=tot),
        "mediaan_doorlooptijd": mediaan_doorlooptijd(s.plaatsingen(), van=van, tot=tot),
    }


def _doelen_voor_lijn(selectie: Selectie, doelen: list[dict], indicator: str) -> list[dict]:
    """De doelstellingen waaruit de doellijn van de trend bestaat.

    Alle gemeenten: de programmabrede doelstelling zonder eigen periode, anders de som van de
    programmabrede doelstellingen per periode (bijv. per jaar). Eén gemeente: haar eigen
    doelstelling(en). Een deelverzameling gemeenten heeft geen doellijn.
    """
    if selectie.gemeente_ids is None:
        kandidaten = [d for d in doelen if d["indicator"] == indicator and d["gemeente_id"] is None]
    elif len(selectie.gemeente_ids) == 1:
        kandidaten = [d for d in doelen if d["indicator"] == indicator
                      and d["gemeente_id"] == selectie.gemeente_ids[0]]
    else:
        return []
    heel = [d for d in kandidaten if d["heel_programma"]]
    return heel[:1] or kandidaten


def trend(selectie: Selectie, doelen: list[dict]) -> list[dict]:
    """Per maand van de periode: gestart, geplaatst, cumulatief, en de lineaire doellijn."""
    van, tot = selectie.van, selectie.tot
    gestart = gestart_per_maand(selectie.trajecten(), van=van, tot=tot)
    geplaatst = geplaatst_per_maand(selectie.plaatsingen(), van=van, tot=tot)
    gestart = {_als_datum(k): v for k, v in gestart.items()}
    lijn_g = _doelen_voor_lijn(selectie, doelen, Indicator.TRAJECTEN_GESTART)
    lijn_p = _doelen_voor_lijn(selectie, doelen, Indicator.PERSONEN_GEPLAATST)
    maanden = []
    maand = van.replace(day=1)
    cum_g = cum_p = 0
    while maand <= tot:
        einde = min(maand + relativedelta(months=1) - datetime.timedelta(days=1), tot)
        cum_g += gestart.get(maand, 0)
        cum_p += geplaatst.get(maand, 0)
        # Na de peildatum is er nog niets gebeurd: geen (vlakke) cumulatieve lijn tekenen.
        toekomst = maand > selectie.peildatum
        maanden.append({
            "maand": maand,
            "gestart": gestart.get(maand, 0),
            "geplaatst": geplaatst.get(maand, 0),
            "gestart_cumulatief": None if toekomst else cum_g,
            "geplaatst_cumulatief": None if toekomst else cum_p,
            "doel_gestart": _doellijn(lijn_g, einde),
            "doel_geplaatst": _doellijn(lijn_p, einde),
        })
        maand += relativedelta(months=1)
    return maanden


def dashboard(selectie: Selectie) -> dict:
    """Alle cijfers van één dashboard; een vast aantal queries, onafhankelijk van het aantal
    trajecten en gemeenten. Het resultaat bevat alleen aggregaten (geen persoonsgegevens)."""
    doelen = doelstellingen(selectie)
    return {
        "doelstellingen": doelen,
        "kerncijfers": kerncijfers(selectie),
        "gemeenten": per_gemeente(selectie),
        "trechter": trechter(selectie.trajecten(), van=selectie.van, tot=selectie.tot),
        "trend": trend(selectie, doelen),
    }


# --- Hulpfuncties ---------------------------------------------------------------------------


def _doellijn(doelen: list[dict], datum: datetime.date) -> float | None:
    """Het lineair naar `datum` verdeelde deel van de streefwaarden (None zonder doel)."""
    if not doelen:
        return None
    waarde = 0.0
    for doel in doelen:
        van, tot = doel["van"], doel["tot"]
        totaal = (tot - van).days + 1
        verstreken = min(max((datum - van).days + 1, 0), totaal)
        waarde += doel["streefwaarde"] * verstreken / totaal
    return round(waarde, 1)


def _pct(teller, noemer) -> float | None:
    if not noemer:
        return None
    return round(100 * teller / noemer, 1)


def _deel(teller, noemer, decimalen=2):
    if not noemer:
        return None
    return round(Decimal(teller) / Decimal(noemer), decimalen)


def _als_datum(waarde) -> datetime.date:
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, str):
        return datetime.date.fromisoformat(waarde[:10])
    return waarde
