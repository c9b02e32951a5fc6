# De Celery-app laden met Django, zodat @shared_task haar gebruikt (ook in `manage.py`).
from .celery import app as celery_app

__all__ = ("celery_app",)
