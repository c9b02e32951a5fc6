"""Het verloop per maand: gestart, geplaatst (nieuwe personen), cumulatief en de doellijn
(docs/domain.md, "Indicatoren"). Twee queries."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db import connection
from django.db.models import Count, Min
from django.db.models.functions import TruncMonth

from config.replica import leesverbinding

from ..constants import Indicator
from . import expressies as ex
from .doelstellingen import verstreken
from .selectie import Selectie


def gestart_per_maand(s: Selectie) -> dict[datetime.date, int]:
    """Trajecten gestart per maand van hun startdatum; opgeteld = trajecten gestart."""
    return {
        _als_datum(maand): n
        for maand, n in s.trajecten().filter(startdatum__range=s.trajecten_periode)
        .annotate(maand=TruncMonth("startdatum"))
        .values_list("maand")
        .annotate(n=Count("pk"))
        .values_list("maand", "n")
    }


def _maand_sql(kolom: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {kolom})::date"
    return f"strftime('%%Y-%%m-01', {kolom})"


def geplaatst_per_maand(s: Selectie) -> dict[datetime.date, int]:
    """Personen per maand van hun eerste (begonnen) plaatsing in de periode; opgeteld =
    personen geplaatst. Eén query: over de feitentabel de eerste werkplaatsing in de periode
    per deelnemer (`eerste_in_venster`), anders de eerste plaatsing per deelnemer als
    subquery."""
    if s.vorige_kolom:
        return {
            _als_datum(maand): n
            for maand, n in s.plaatsingsfeiten()
            .filter(ex.geplaatst_q(s), ex.eerste_in_venster(s.vorige_kolom, s.van))
            .annotate(maand=TruncMonth("startdatum"))
            .values_list("maand")
            .annotate(n=Count("pk"))
            .values_list("maand", "n")
        }
    binnen = (
        s.plaatsingen().filter(ex.geplaatst_q(s))
        .values("traject__deelnemer_id")
        .annotate(eerste=Min("startdatum"))
        .values("eerste")
    )
    sql, params = binnen.query.sql_with_params()
    maand = _maand_sql("s.eerste")
    with leesverbinding().cursor() as cursor:
        cursor.execute(
            f"SELECT {maand} AS maand, COUNT(*) FROM ({sql}) s GROUP BY 1 ORDER BY 1", params
        )
        rijen = cursor.fetchall()
    return {_als_datum(m): n for m, n in rijen}


def doelen_voor_lijn(s: Selectie, doelen: list[dict], indicator: str) -> list[dict]:
    """De doelstellingen waaruit de doellijn bestaat: alle gemeenten samen de doelstelling van
    het hele programma (of de som van zijn doelen per periode); één gemeente haar eigen
    doelstelling(en); een andere verzameling gemeenten heeft geen doellijn."""
    if s.gemeente_ids is None:
        kandidaten = [d for d in doelen if d["indicator"] == indicator and d["gemeente_id"] is None]
    elif len(s.gemeente_ids) == 1:
        kandidaten = [d for d in doelen if d["indicator"] == indicator
                      and d["gemeente_id"] == s.gemeente_ids[0]]
    else:
        return []
    heel = [d for d in kandidaten if d["heel_programma"]]
    return heel[:1] or kandidaten


def trend(s: Selectie, doelen: list[dict]) -> list[dict]:
    """Per maand van de periode: gestart, geplaatst, cumulatief (tot de peildatum) en de
    lineaire doellijn. De laatste cumulatieve waarde is gelijk aan de kerncijfers."""
    gestart = gestart_per_maand(s)
    geplaatst = geplaatst_per_maand(s)
    lijn_g = doelen_voor_lijn(s, doelen, Indicator.TRAJECTEN_GESTART)
    lijn_p = doelen_voor_lijn(s, doelen, Indicator.PERSONEN_GEPLAATST)
    maanden = []
    maand = s.van.replace(day=1)
    cum_g = cum_p = 0
    while maand <= s.tot:
        einde = min(maand + relativedelta(months=1, days=-1), s.tot)
        cum_g += gestart.get(maand, 0)
        cum_p += geplaatst.get(maand, 0)
        # Na de peildatum is er nog niets gebeurd: geen (vlakke) cumulatieve lijn tekenen.
        toekomst = maand > s.peildatum
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


def _doellijn(doelen: list[dict], datum: datetime.date) -> float | None:
    """Het lineair naar `datum` verdeelde deel van de streefwaarden (None zonder doel)."""
    if not doelen:
        return None
    return round(sum(
        float(d["streefwaarde"] * verstreken(d["van"], d["tot"], datum)) for d in doelen
    ), 1)


def _als_datum(waarde) -> datetime.date:
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, str):
        return datetime.date.fromisoformat(waarde[:10])
    return waarde
