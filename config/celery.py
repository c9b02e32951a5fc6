"""De Celery-app: taken uit elke app (`tasks.py`), instellingen met het voorvoegsel CELERY_.

Zonder `CELERY_BROKER_URL` draaien taken in het aanroepende proces (zie config/settings.py).
Worker: `celery -A config worker`; planner: `celery -A config beat`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("banenoffensief")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
