"""Het toegangslog in de admin: lezen, filteren en exporteren; nooit wijzigen of verwijderen.

Filteren op periode (datumhiërarchie jaar/maand/dag en de snelkeuzes vandaag, 7 dagen, deze
maand, dit jaar), gebruiker, actie, resultaat en deelnemer (`?deelnemer_nummer=<nummer>`, ook
te zetten via de link bij een regel). De actie "Exporteer als CSV" levert de geselecteerde regels;
kies "alle N selecteren" om het hele gefilterde log te exporteren. De export zelf komt ook in
het log.
"""

from __future__ import annotations

import csv

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .admin_lookups import AlleenVerklaardeFilters
from .models import Toegangslog
from .toegangslog import registreer_toegang

CSV_KOLOMMEN = [
    "tijdstip",
    "gebruikersnaam",
    "actie",
    "resultaat",
    "soort_object",
    "objectnummer",
    "deelnemernummer",
    "ip_adres",
    "pad",
    "toelichting",
]


def veilige_cel(waarde) -> str:
    """Voorkom formule-injectie in spreadsheets: een cel die met = + - @ begint krijgt een '."""
    tekst = "" if waarde is None else str(waarde)
    if tekst and tekst[0] in "=+-@\t\r":
        return "'" + tekst
    return tekst


class _Regels:
    """Bestandachtig object voor csv.writer dat de geschreven regel teruggeeft."""

    def write(self, regel):
        return regel


class DeelnemerFilter(admin.SimpleListFilter):
    """Maakt `?deelnemer_nummer=<n>` een toegestane filter zonder keuzelijst van nummers."""

    title = _("deelnemer")
    parameter_name = "deelnemer_nummer"

    def lookups(self, request, model_admin):
        waarde = self.value()
        return [(waarde, _("deelnemer %(nummer)s") % {"nummer": waarde})] if waarde else []

    def queryset(self, request, queryset):
        waarde = self.value()
        if waarde is None:
            return queryset
        if not waarde.isdigit():
            return queryset.none()
        return queryset.filter(deelnemer_nummer=int(waarde))


@admin.register(Toegangslog)
class ToegangslogAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = [
        "tijdstip",
        "gebruikersnaam",
        "actie",
        "resultaat",
        "content_type",
        "object_id",
        "deelnemer",
        "ip_adres",
    ]
    list_filter = [
        ("tijdstip", admin.DateFieldListFilter),
        "actie",
        "resultaat",
        ("actor", admin.RelatedOnlyFieldListFilter),
        DeelnemerFilter,
    ]
    search_fields = ["gebruikersnaam", "=object_id", "ip_adres"]
    date_hierarchy = "tijdstip"
    list_select_related = ["content_type"]
    ordering = ["-tijdstip", "-pk"]
    list_per_page = 100
    show_full_result_count = False
    actions = ["exporteer_csv"]

    # Alleen-toevoegen: niemand, ook een superuser niet, wijzigt of verwijdert een regel.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("deelnemer"), ordering="deelnemer_nummer")
    def deelnemer(self, obj):
        """Het deelnemernummer als link naar alle regels over die deelnemer."""
        if obj.deelnemer_nummer is None:
            return "–"
        return format_html(
            '<a href="?deelnemer_nummer={}">{}</a>', obj.deelnemer_nummer, obj.deelnemer_nummer
        )

    @admin.action(description=_("Exporteer als CSV"))
    def exporteer_csv(self, request, queryset):
        aantal = queryset.count()
        eigen_regel = registreer_toegang(
            request=request,
            actie=Toegangslog.Actie.EXPORT,
            toelichting=f"toegangslog: {aantal} regels",
        )
        # De export bevat wat er bij het klikken in de selectie stond, niet zijn eigen logregel.
        queryset = queryset.exclude(pk=eigen_regel.pk)
        schrijver = csv.writer(_Regels(), delimiter=";")

        def regels():
            yield "\ufeff" + schrijver.writerow(CSV_KOLOMMEN)
            regels_op_volgorde = queryset.select_related("content_type").order_by("tijdstip", "pk")
            for regel in regels_op_volgorde.iterator(chunk_size=2000):
                yield schrijver.writerow(
                    [
                        veilige_cel(timezone.localtime(regel.tijdstip).isoformat()),
                        veilige_cel(regel.gebruikersnaam),
                        veilige_cel(regel.actie),
                        veilige_cel(regel.resultaat),
                        veilige_cel(regel.content_type.model if regel.content_type else ""),
                        veilige_cel(regel.object_id),
                        veilige_cel(regel.deelnemer_nummer),
                        veilige_cel(regel.ip_adres),
                        veilige_cel(regel.pad),
                        veilige_cel(regel.toelichting),
                    ]
                )

        response = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
        datum = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="toegangslog-{datum}.csv"'
        return response
