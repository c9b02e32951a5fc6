"""Taken van gemeenten en beveiliging (Celery; zie config/celery.py)."""

from __future__ import annotations

from celery import shared_task

from config.celery import Taak

from .bewaartermijn import logboeken_opschonen


@shared_task(base=Taak, name="gemeenten.logboeken_opschonen")
def logboeken_opschonen_taak() -> dict:
    """De bewaartermijn van de logboeken, elke nacht (zoals `manage.py logboeken_opschonen`)."""
    r = logboeken_opschonen()
    return {"verwijderd": r.totaal}
