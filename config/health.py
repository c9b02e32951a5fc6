"""`/healthz`: is deze instantie klaar om verkeer te krijgen?

Gebruikt door de healthcheck van docker-compose en door load balancers. Gegarandeerd:
- 200 `{"status": "ok", "cache": "ok"}` als de database antwoordt en er geen migraties
  openstaan;
- 200 met `"cache": "onbereikbaar"` als alleen de cache (Redis) wegvalt of hangt: de app werkt
  dan nog (trager), dus de load balancer houdt de node;
- anders 503 `{"status": "fout", ...}` met alleen de naam van wat faalt, zonder
  persoonsgegevens, foutteksten of stacktraces (die staan alleen in het serverlog);
- een antwoord binnen `TERMIJN` seconden, ook als de database of Redis hangt: beide controles
  draaien in een eigen thread met een eigen verbinding, en wat niet op tijd antwoordt, telt
  als onbereikbaar;
- geen sessie, geen gebruiker: het antwoord is nooit van iemand anders.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config.postgresql.base import zonder_onderbreker
from config.storing import Demper
from gemeenten.toegang import Toegang, toegang

logger = logging.getLogger(__name__)

#: Seconden voor alle controles samen; de load balancer wacht meestal 5 s.
TERMIJN = 2.0

# Een load balancer vraagt elke paar seconden: per soort storing hoogstens één logregel per minuut.
_dempers = {"database": Demper(), "cache": Demper()}


def _meld(soort: str, niveau: int, tekst: str, *args) -> None:
    gezwegen = _dempers[soort].melden()
    if gezwegen is not None:
        logger.log(niveau, f"healthz: {tekst} (%d keer gezwegen sinds de vorige melding)",
                   *args, gezwegen)


def _database() -> dict:
    """Antwoordt de database, en staan er migraties open?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        # Alleen de soort fout: een verbindingsfout kan host- of gebruikersnamen bevatten.
        _meld("database", logging.ERROR, "database antwoordt niet (%s)", type(exc).__name__)
        return {"database": "onbereikbaar"}
    try:
        executor = MigrationExecutor(connection)
        open_migraties = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    except DatabaseError as exc:
        _meld("database", logging.ERROR, "migratiestatus onleesbaar (%s)", type(exc).__name__)
        return {"migraties": "onleesbaar"}
    if open_migraties:
        _meld("database", logging.ERROR, "%d migraties niet toegepast", open_migraties)
        return {"migraties": "niet toegepast", "open_migraties": open_migraties}
    return {}


def _cache() -> dict:
    """Schrijft en leest een eigen sleutel (geen gegevens van iemand)."""
    sleutel, waarde = "healthz", uuid.uuid4().hex
    try:
        cache.set(sleutel, waarde, timeout=30)
        gelezen = cache.get(sleutel)
    except Exception as exc:  # elke fout van de cache-backend (redis-py heeft een eigen soort)
        _meld("cache", logging.WARNING, "cache onbereikbaar (%s)", type(exc).__name__)
        return {"cache": "onbereikbaar"}
    return {"cache": "ok" if gelezen == waarde else "onbereikbaar"}


def _in_thread(controle, uitkomst: dict, naam: str) -> threading.Thread:
    def draai():
        try:
            with zonder_onderbreker():
                uitkomst[naam] = controle()
        finally:
            # De verbinding van deze thread; de workerverbinding blijft onaangeroerd.
            connection.close()

    thread = threading.Thread(target=draai, name=f"healthz-{naam}", daemon=True)
    thread.start()
    return thread


@toegang(Toegang.PUBLIEK)
@never_cache
@require_safe
def healthz(request):
    uitkomst: dict = {}
    threads = [_in_thread(_database, uitkomst, "database"), _in_thread(_cache, uitkomst, "cache")]
    einde = time.monotonic() + TERMIJN
    for thread in threads:
        thread.join(max(0.0, einde - time.monotonic()))
    database = uitkomst.get("database")
    if database is None:
        _meld("database", logging.ERROR, "database antwoordt niet binnen %s s", TERMIJN)
        database = {"database": "onbereikbaar"}
    cache_stand = uitkomst.get("cache")
    if cache_stand is None:
        _meld("cache", logging.WARNING, "cache antwoordt niet binnen %s s", TERMIJN)
        cache_stand = {"cache": "onbereikbaar"}
    if database:
        antwoord = JsonResponse({"status": "fout", **database, **cache_stand}, status=503)
        antwoord._has_been_logged = True  # gemeld hierboven, gedempt; niet per verzoek
        return antwoord
    return JsonResponse({"status": "ok", **cache_stand})
