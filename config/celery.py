"""De Celery-app: taken uit elke app (`tasks.py`), instellingen met het voorvoegsel CELERY_.

Zonder `CELERY_BROKER_URL` draaien taken in het aanroepende proces (zie config/settings.py).
Worker: `celery -A config worker`; planner: `celery -A config beat`.

Elke taak gebruikt `Taak` als basis (`@shared_task(base=Taak)`): bij een tijdelijke fout van
database of broker opnieuw, met oplopende wachttijd; na de laatste poging staat de fout als
FAILURE in de admin (Taakuitkomsten) en in het log, nooit stil verloren.
"""

import logging
import os

from celery import Celery, Task
from django.db import InterfaceError, OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("banenoffensief")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger("config.taken")

#: Fouten die bij een volgende poging weg kunnen zijn: database of netwerk even weg.
TIJDELIJKE_FOUTEN = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class Taak(Task):
    """Basis voor elke taak: opnieuw bij een tijdelijke fout (1, 2, 4 … s, hoogstens 10 min,
    5 keer), daarna een foutregel in het log en FAILURE in de resultaten (admin)."""

    autoretry_for = TIJDELIJKE_FOUTEN
    retry_backoff = True
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        logger.warning(
            "Taak %s (%s) opnieuw na %s (poging %s van %s)",
            self.name, task_id, type(exc).__name__, self.request.retries + 1,
            self.max_retries + 1,
        )

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        logger.error("Taak %s (%s) mislukt: %s", self.name, task_id, type(exc).__name__)
