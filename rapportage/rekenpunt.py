"""Het ene rekenpunt van de dashboardcache: welke delen een dashboard heeft (het landelijke
deel, en voor een deel van de gemeenten hun eigen cijfers), op welke gegevensversies een deel
rust (`stempels`), en `bereken`: eerst versies en stand, dan de indicatoren, op de leesreplica
als die er is. `rapportage/cache.py` beslist wanneer er gerekend wordt; hier alleen hoe.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from config.replica import (
    leest_van_replica_nu,
    leesverbinding,
    op_replica,
    replica_achterstand,
)

from . import indicatoren
from .models import Gegevensversie, Programma

LANDELIJK = "landelijk"
EIGEN = "eigen"
WORK_MEM = getattr(settings, "RAPPORTAGE_WORK_MEM", "64MB")


def peilmoment() -> datetime.datetime:
    """Het moment waarop berekende cijfers exact zijn (de 'stand van'). Eén plek: rekent de
    rapportage op een leesreplica, dan gaat de replicatie-achterstand eraf."""
    if leest_van_replica_nu():
        return timezone.now() - replica_achterstand()
    return timezone.now()


@dataclass(frozen=True)
class Deel:
    """Wat er gecachet wordt: het landelijke dashboard of de eigen cijfers van gemeenten."""

    soort: str
    selectie: indicatoren.Selectie

    @property
    def sleutel(self) -> str:
        ruw = repr((self.soort, self.selectie)).encode()
        return f"rapportage:{self.soort}:{hashlib.sha256(ruw).hexdigest()}"

    def als_taak(self) -> dict:
        s = dataclasses.asdict(self.selectie)
        return {"soort": self.soort, "selectie": {
            k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in s.items()}}

    @classmethod
    def uit_taak(cls, soort: str, selectie: dict) -> Deel:
        velden = dict(selectie)
        for k in ("van", "tot", "peildatum", "programma_start", "programma_einde"):
            velden[k] = datetime.date.fromisoformat(velden[k])
        if velden["gemeente_ids"] is not None:
            velden["gemeente_ids"] = tuple(velden["gemeente_ids"])
        return cls(soort, indicatoren.Selectie(**velden))


def delen(selectie: indicatoren.Selectie) -> list[Deel]:
    """De delen van een dashboard: alle gemeenten het landelijke deel; een deel van de
    gemeenten de eigen cijfers en het landelijke deel (doelen, vergelijking, cijfer ernaast)."""
    landelijk = Deel(LANDELIJK, selectie.landelijk())
    if selectie.gemeente_ids is None:
        return [landelijk]
    return [Deel(EIGEN, selectie), landelijk]


def stempels(selectie: indicatoren.Selectie) -> dict[str, tuple]:
    """De huidige versies waarop de delen van `selectie` rusten, in één query.

    Landelijk: de versies van het programma, van het programma waarmee het vergeleken wordt en
    de algemene (0, 0). Eigen: die van (programma, gemeente) voor de gekozen gemeenten en de
    algemene. Ruwe SQL met een vaste tekst: elke warme dashboardrequest doet deze query, en het
    ORM kostte hier meer CPU dan de rest van de cache-afhandeling samen."""
    p = selectie.programma_id
    ids = selectie.gemeente_ids
    versies, programmas = Gegevensversie._meta.db_table, Programma._meta.db_table
    kolommen = "SUM(versie), SUM(sleutel)"
    params: list = []
    if ids is not None:
        eigen = "programma_id = 0"
        if ids:
            eigen += f" OR (programma_id = %s AND gemeente_id IN ({', '.join(['%s'] * len(ids))}))"
            params += [p, *ids]
        kolommen += (f", SUM(CASE WHEN {eigen} THEN versie END),"
                     f" SUM(CASE WHEN {eigen} THEN sleutel END)")
        params += params  # de tweede CASE
    sql = (f"SELECT {kolommen} FROM {versies} WHERE programma_id = 0 OR programma_id = %s"
           f" OR programma_id = (SELECT vergelijk_met_id FROM {programmas} WHERE id = %s)")
    with leesverbinding().cursor() as cursor:
        cursor.execute(sql, [*params, p, p])
        rij = _getallen(cursor.fetchone())
    uit = {LANDELIJK: (p, rij[0], rij[1])}
    if ids is not None:
        uit[EIGEN] = (p, rij[2], rij[3])
    return uit


def gemeenteversie(gemeente_id: int) -> tuple:
    """De versies van één gemeente over alle programma's, met de algemene: wat de
    werkverdeling van die gemeente (open trajecten, coaches) kan veranderen. Van de primaire
    database, zoals de werkverdeling zelf."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT SUM(versie), SUM(sleutel) FROM {Gegevensversie._meta.db_table}"
            " WHERE gemeente_id = %s OR (programma_id = 0 AND gemeente_id = 0)", [gemeente_id])
        return _getallen(cursor.fetchone())


def _getallen(rij) -> tuple:
    """Sommen van versies als int (PostgreSQL geeft SUM(bigint) als numeric); leeg blijft None."""
    return tuple(None if x is None else int(x) for x in rij)


@dataclass(frozen=True)
class Ingang:
    stempel: tuple
    stand: datetime.datetime
    duur: float
    gegevens: dict


def bereken(deel: Deel, *, achtergrond: bool = False) -> Ingang:
    """HET rekenpunt: eerst de versies en de stand, dan de indicatoren (die dus minstens
    alles zien wat vóór de stand gecommit was). `achtergrond` (de Celery-taak): PostgreSQL
    rekent dan zonder parallelle workers, zodat lezers de andere cores houden.

    Met een leesreplica (`DATABASE_REPLICA_URL`) komen versies én cijfers van de replica (dus
    bij elkaar horend), en gaat de achterstand van de stand af; is de replica weg, dan alles
    van de primaire database (`config.replica.op_replica`)."""
    return op_replica(_bereken, deel, achtergrond=achtergrond)


def _bereken(deel: Deel, *, achtergrond: bool) -> Ingang:
    stempel = stempels(deel.selectie)[deel.soort]
    stand = peilmoment()
    begin = time.monotonic()
    with _rekeninstellingen(achtergrond):
        if deel.soort == EIGEN:
            gegevens = indicatoren.dashboard(deel.selectie, zonder_landelijk=True)
        else:
            gegevens = indicatoren.dashboard(deel.selectie)
    return Ingang(stempel, stand, time.monotonic() - begin, gegevens)


@contextmanager
def _rekeninstellingen(achtergrond: bool):
    connection = leesverbinding()
    if connection.vendor != "postgresql":
        yield
        return
    # Geen JIT: het compileren kost bij deze tellingen meer dan het oplevert (~10 %).
    instellingen = {"work_mem": WORK_MEM, "jit": "off"}
    if achtergrond:
        instellingen["max_parallel_workers_per_gather"] = "0"
    with connection.cursor() as cursor:
        for naam, waarde in instellingen.items():
            cursor.execute("SELECT set_config(%s, %s, false)", [naam, waarde])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for naam in instellingen:
                cursor.execute(f"RESET {naam}")
