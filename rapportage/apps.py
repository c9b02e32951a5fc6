from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Rapportage")

    def ready(self):
        from .triggers import na_migratie

        # Cache-invalidatie, geen bedrijfsregel: de versietriggers na elke migratie herstellen
        # (SQLite gooit ze weg als een latere migratie een brontabel opnieuw opbouwt).
        post_migrate.connect(na_migratie, sender=self, dispatch_uid="rapportage_triggers")
