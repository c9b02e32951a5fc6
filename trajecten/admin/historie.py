"""De wijzigingshistorie (django-auditlog) in de admin als Nederlandse zinnen.

Het pakket toont een wijziging als technische tabel ("ID: None → 3428", een gemaskeerd
"None", een lijst als `["en", "ti"]`). Hier dezelfde weergave als in het dossier
(`trajecten/historie.py`): "Talen: Arabisch → Arabisch, Tigrinya". De admin met de
beveiliging (alleen verklaarde filters, zoeken op objectnummer) blijft die van
`gemeenten.admin.WijzigingshistorieAdmin`; dit is hij, met de zinnen erbij.
"""

from auditlog.models import LogEntry
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten.admin import WijzigingshistorieAdmin

from ..historie import logregel_labels, logregel_velden


class WijzigingshistorieInZinnenAdmin(WijzigingshistorieAdmin):
    list_display = ["created", "resource_url", "action", "msg_short", "user_url"]

    @admin.display(description=_("wijzigingen"))
    def msg_short(self, obj):
        if obj.action in (LogEntry.Action.DELETE, LogEntry.Action.ACCESS):
            return ""
        labels = logregel_labels(obj)
        if not labels:
            return "–"
        return ngettext("%(n)s veld: %(velden)s", "%(n)s velden: %(velden)s", len(labels)) % {
            "n": len(labels), "velden": ", ".join(labels)}

    @admin.display(description=_("wijzigingen"))
    def msg(self, obj):
        velden = logregel_velden(obj)
        if not velden:
            return _("geen inhoudelijke wijziging")
        return format_html(
            '<ul class="app-wijzigingen">{}</ul>',
            format_html_join("", "<li>{}: {} → {}</li>",
                             ((str(label)[:1].upper() + str(label)[1:], oud, nieuw)
                              for label, oud, nieuw in velden)),
        )


admin.site.unregister(LogEntry)
admin.site.register(LogEntry, WijzigingshistorieInZinnenAdmin)
