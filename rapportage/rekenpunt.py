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
from django.db.models import Q, Subquery, Sum
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
    """De huidige versies waarop de delen van `selectie` rusten, in één query."""
    p = selectie.programma_id
    eerder = Subquery(Programma.objects.filter(pk=p).values("vergelijk_met_id")[:1])
    landelijk = Q(programma_id=0) | Q(programma_id=p) | Q(programma_id=eerder)
    sommen = {"lv": Sum("versie"), "ls": Sum("sleutel")}
    if selectie.gemeente_ids is not None:
        eigen = Q(programma_id=0) | Q(programma_id=p, gemeente_id__in=selectie.gemeente_ids)
        sommen |= {"ev": Sum("versie", filter=eigen), "es": Sum("sleutel", filter=eigen)}
    r = Gegevensversie.objects.filter(landelijk).aggregate(**sommen)
    uit = {LANDELIJK: (p, r["lv"], r["ls"])}
    if selectie.gemeente_ids is not None:
        uit[EIGEN] = (p, r["ev"], r["es"])
    return uit


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
    instellingen = {"work_mem": WORK_MEM}
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
