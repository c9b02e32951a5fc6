"""Een tweede machine voor leeswerk: de rapportage leest van een PostgreSQL-replica.

- Zonder `DATABASE_REPLICA_URL` is er geen alias "replica" en leest alles van de primaire
  database; met de instelling ook, behalve binnen `leesdatabase_rapportage()`.
- Schrijven en de werkplek gebruiken altijd de primaire database (`ReplicaRouter`); binnen een
  open transactie op de primaire database ook het lezen (eigen wijzigingen zien).
- Onbereikbaar (verbinden duurt hooguit `REPLICA_CONNECT_TIMEOUT` s): terug naar de primaire
  database, met één logregel per storing; het resultaat wordt `REPLICA_ONTHOUD_SECONDEN`
  onthouden, zodat niet elk verzoek opnieuw wacht. Valt de replica weg tijdens het rekenen, dan
  rekent `op_replica` nog één keer op de primaire database: nooit een foutpagina.
- `replica_achterstand()`: hoever de gelezen gegevens achterlopen, voor "stand van …".
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import functools
import logging
import threading
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"

#: Binnen `leesdatabase_rapportage()`: True als de replica gebruikt mag worden (bereikbaar).
_lezen: contextvars.ContextVar[bool] = contextvars.ContextVar("rapportage_replica", default=False)

_storing = {"tot": 0.0, "gemeld": False}
_slot = threading.Lock()


def replica_ingesteld() -> bool:
    return REPLICA in connections.settings


def _onthoud_storing(exc: BaseException) -> None:
    with _slot:
        _storing["tot"] = time.monotonic() + settings.REPLICA_ONTHOUD_SECONDEN
        melden = not _storing["gemeld"]
        _storing["gemeld"] = True
    with contextlib.suppress(Exception):
        connections[REPLICA].close()
    if melden:
        logger.warning(
            "Replica onbereikbaar (%s): de rapportage leest van de primaire database; "
            "opnieuw proberen na %s s",
            type(exc).__name__, settings.REPLICA_ONTHOUD_SECONDEN,
        )


def _bruikbaar() -> bool:
    verbinding = connections[REPLICA]
    try:
        return verbinding.connection is not None and verbinding.is_usable()
    except Exception:  # noqa: BLE001 (een verbinding die weg is, kan van alles geven)
        return False


def replica_bereikbaar() -> bool:
    """Of de replica nu te gebruiken is (verbindt zo nodig, hooguit de connect-timeout lang)."""
    if not replica_ingesteld() or time.monotonic() < _storing["tot"]:
        return False
    verbinding = connections[REPLICA]
    try:
        verbinding.close_if_health_check_failed()
        verbinding.ensure_connection()
    except DatabaseError as exc:
        _onthoud_storing(exc)
        return False
    if _storing["gemeld"]:
        with _slot:
            _storing["gemeld"] = False
        logger.warning("Replica weer bereikbaar: de rapportage leest weer van de replica")
    return True


@contextlib.contextmanager
def leesdatabase_rapportage():
    """Lees binnen dit blok van de replica (als die er is en bereikbaar is); schrijven en een
    open transactie blijven op de primaire database."""
    teken = _lezen.set(replica_bereikbaar())
    try:
        yield
    finally:
        _lezen.reset(teken)


def op_replica(functie, /, *args, **kwargs):
    """`functie(*args, **kwargs)` met leeswerk op de replica. Faalt de replica halverwege
    (verbinding weg, of een query afgebroken door het bijwerken van de replica), dan één keer
    opnieuw op de primaire database. Alleen voor functies die niet schrijven."""
    with leesdatabase_rapportage():
        if not _lezen.get():
            return functie(*args, **kwargs)
        try:
            return functie(*args, **kwargs)
        except DatabaseError as exc:
            if not _bruikbaar():
                _onthoud_storing(exc)
            else:
                logger.warning("Query op de replica afgebroken (%s): opnieuw op de primaire "
                               "database", type(exc).__name__)
    return functie(*args, **kwargs)


def leest_van_replica(functie):
    """Decorator: `op_replica` voor elke aanroep (bijv. de rekenfunctie van een dashboard)."""

    @functools.wraps(functie)
    def omhulsel(*args, **kwargs):
        return op_replica(functie, *args, **kwargs)

    return omhulsel


def leest_van_replica_nu() -> bool:
    """Of het leeswerk op dit moment (binnen `leesdatabase_rapportage()`) naar de replica gaat."""
    return _lezen.get()


def leesverbinding():
    """De verbinding voor ruwe SQL van de rapportage (`with leesverbinding().cursor()`): dezelfde
    keuze als de router maakt voor het ORM."""
    return connections[ReplicaRouter().db_for_read(None)]


class ReplicaRouter:
    """Lezen binnen `leesdatabase_rapportage()` van de replica, al het andere primair."""

    def db_for_read(self, model, **hints):
        if _lezen.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


_ACHTERSTAND_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END
"""


def replica_achterstand() -> datetime.timedelta:
    """Hoever de gegevens waarvan de rapportage leest, achterlopen op de primaire database.

    0 zonder (bereikbare) replica: dan leest de rapportage de primaire database. Op een
    replica: de tijd sinds de laatst toegepaste transactie, maar 0 als alles wat ontvangen is
    ook is toegepast (een rustige primaire database schrijft niets, dan loopt er niets achter).
    Een pagina toont dus "stand van" `nu - replica_achterstand()`.
    """
    if not replica_bereikbaar() or connections[REPLICA].vendor != "postgresql":
        return datetime.timedelta(0)
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(_ACHTERSTAND_SQL)
            seconden = cursor.fetchone()[0]
    except DatabaseError as exc:
        _onthoud_storing(exc)
        return datetime.timedelta(0)
    return datetime.timedelta(seconds=float(seconden or 0))
