"""Het toegangslog en de meldingen "BSN bestaat in andere gemeente" in de admin.

Toegangslog: lezen, filteren en exporteren; nooit wijzigen of verwijderen, en alleen met het
recht `gemeenten.toegangslog_inzien` (groep "privacy"), niet met `is_staff` of het gewone
leesrecht. Filteren op periode (datumhiërarchie jaar/maand/dag en de snelkeuzes vandaag,
7 dagen, deze maand, dit jaar), gebruiker, actie, resultaat en deelnemer
(`?deelnemer_nummer=<nummer>`, ook te zetten via de link bij een regel). De actie "Exporteer als
CSV" levert de geselecteerde regels; kies "alle N selecteren" om het hele gefilterde log te
exporteren. De export zelf komt ook in het log.

Meldingen: welke medewerker in welke gemeente een BSN wilde gebruiken dat bij een deelnemer in
een andere gemeente hoort, zonder het BSN; de beheerder regelt zo nodig een verhuizing en
markeert de melding als afgehandeld.
"""

from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.spreadsheet import veilige_cel

from .admin_lookups import AlleenVerklaardeFilters
from .models import BsnMelding, Toegangslog
from .toegang import RECHT_TOEGANGSLOG
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

    # Lezen alleen met het eigen recht (de groep "privacy"): het log laat zien wie welke
    # dossiers opende, en dat hoort niet bij elk beheerdersaccount.
    def has_module_permission(self, request):
        return request.user.has_perm(RECHT_TOEGANGSLOG)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(RECHT_TOEGANGSLOG)

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


class AfgehandeldFilter(admin.SimpleListFilter):
    title = _("afgehandeld")
    parameter_name = "afgehandeld"

    def lookups(self, request, model_admin):
        return [("nee", _("open")), ("ja", _("afgehandeld"))]

    def queryset(self, request, queryset):
        if self.value() == "nee":
            return queryset.open()
        if self.value() == "ja":
            return queryset.filter(afgehandeld_op__isnull=False)
        return queryset


@admin.register(BsnMelding)
class BsnMeldingAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    """"BSN bestaat in andere gemeente": beide gemeenten, wie en wanneer, nooit het BSN."""

    list_display = [
        "gemeld_op", "gebruikersnaam", "gemeente", "gemeente_dossier", "deelnemer",
        "afgehandeld_op",
    ]
    list_filter = [AfgehandeldFilter, "gemeente", "gemeente_dossier"]
    list_select_related = ["gemeente", "gemeente_dossier"]
    readonly_fields = [
        "gemeld_op", "gemeld_door", "gebruikersnaam", "gemeente", "gemeente_dossier",
        "deelnemer_nummer", "afgehandeld_op", "afgehandeld_door",
    ]
    fields = readonly_fields
    ordering = ["-gemeld_op", "-pk"]
    date_hierarchy = "gemeld_op"
    list_per_page = 100
    show_full_result_count = False
    actions = ["markeer_afgehandeld"]

    # Meldingen ontstaan alleen uit een geweigerde registratie of import, en blijven staan.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("deelnemer"), ordering="deelnemer_nummer")
    def deelnemer(self, obj):
        """Het deelnemernummer, met een link naar het dossier in de admin (die pagina vraagt
        zijn eigen recht en komt in het toegangslog)."""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:trajecten_deelnemer_change", args=[obj.deelnemer_nummer]),
            obj.deelnemer_nummer,
        )

    @admin.action(description=_("Markeer als afgehandeld"), permissions=["change"])
    def markeer_afgehandeld(self, request, queryset):
        aantal = queryset.open().update(
            afgehandeld_op=timezone.now(), afgehandeld_door=request.user
        )
        self.message_user(request, ngettext(
            "%(aantal)d melding is afgehandeld.", "%(aantal)d meldingen zijn afgehandeld.", aantal
        ) % {"aantal": aantal}, messages.SUCCESS)
