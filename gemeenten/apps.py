from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = _("Gemeenten en rollen")

    def ready(self):
        # Registraties bij het opstarten: systeemchecks, inlog-logging en de toegangslog-admin.
        from . import admin_toegang, checks, signals  # noqa: F401
        from .derden_nl import nederlandse_namen

        nederlandse_namen()
