"""Taken van het dossier (Celery; zonder broker in het proces zelf, zie config/celery.py).

Argumenten en uitkomsten bevatten alleen nummers en aantallen, nooit persoonsgegevens: ze staan
in de broker en in de taakuitkomsten in de admin.
"""

from __future__ import annotations

import logging

from celery import shared_task

from config.celery import Taak

from .avg import anonimiseer
from .import_opdracht import (
    importopdracht_mislukt,
    importopdracht_uitvoeren,
    importopdrachten_opschonen,
)

logger = logging.getLogger(__name__)


class ImportTaak(Taak):
    """Na de laatste poging: de opdracht op *mislukt*, zodat de medewerker het ziet."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        super().on_failure(exc, task_id, args, kwargs, einfo)
        try:
            importopdracht_mislukt(opdracht_id=args[0] if args else kwargs["opdracht_id"])
        except Exception:  # noqa: BLE001 (database weg: de FAILURE staat bij de uitkomsten)
            logger.exception("Import %s niet als mislukt gemarkeerd", task_id)


@shared_task(base=ImportTaak, bind=True, name="trajecten.import_uitvoeren")
def import_uitvoeren(self, opdracht_id: str) -> dict:
    """Controleer en importeer een geüpload bestand (`trajecten.import_opdracht`)."""
    status = importopdracht_uitvoeren(opdracht_id=opdracht_id, taak_id=self.request.id or "")
    return {"opdracht": opdracht_id, "status": str(status)}


@shared_task(base=Taak, name="trajecten.anonimiseer")
def anonimiseer_taak() -> dict:
    """De AVG-bewaartermijn, elke nacht (zoals `manage.py anonimiseer`)."""
    resultaat = anonimiseer()
    return {"deelnemers": len(resultaat.deelnemers), "trajecten": resultaat.trajecten}


@shared_task(base=Taak, name="trajecten.importopdrachten_opschonen")
def importopdrachten_opschonen_taak() -> dict:
    """Rapporten van oude imports weg (`Importopdracht.BEWAARDAGEN`)."""
    return {"verwijderd": importopdrachten_opschonen()}
