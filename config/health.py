"""`/healthz`: is deze instantie klaar om verkeer te krijgen?

Gebruikt door de healthcheck van docker-compose en door load balancers. Gegarandeerd:
- 200 `{"status": "ok"}` als de database antwoordt en er geen migraties openstaan;
- anders 503 `{"status": "fout", ...}` met alleen de naam van wat faalt, zonder
  persoonsgegevens, foutteksten of stacktraces (die staan alleen in het serverlog);
- geen sessie, geen gebruiker, geen cache: het antwoord is nooit van iemand anders.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from gemeenten.toegang import Toegang, toegang

logger = logging.getLogger(__name__)


def _database_antwoordt() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        # Alleen de soort fout: een verbindingsfout kan host- of gebruikersnamen bevatten.
        logger.error("healthz: database antwoordt niet (%s)", type(exc).__name__)
        return False
    return True


def _open_migraties() -> int:
    """Het aantal migraties dat nog niet op de database is toegepast."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@toegang(Toegang.PUBLIEK)
@never_cache
@require_safe
def healthz(request):
    if not _database_antwoordt():
        return JsonResponse({"status": "fout", "database": "onbereikbaar"}, status=503)
    try:
        open_migraties = _open_migraties()
    except DatabaseError as exc:
        logger.error("healthz: migratiestatus onleesbaar (%s)", type(exc).__name__)
        return JsonResponse({"status": "fout", "migraties": "onleesbaar"}, status=503)
    if open_migraties:
        logger.error("healthz: %d migraties niet toegepast", open_migraties)
        return JsonResponse(
            {"status": "fout", "migraties": "niet toegepast", "open_migraties": open_migraties},
            status=503,
        )
    return JsonResponse({"status": "ok"})
