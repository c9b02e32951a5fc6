"""Admin van de deelnemer: zoeken alleen op nummer, BSN gemaskeerd."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..constants import Taal
from ..models import Deelnemer, Traject
from .basis import KeuzelijstMixin, VersieMixin


class TrajectVanDeelnemerInline(admin.TabularInline):
    """De trajecten van een deelnemer, alleen ter inzage (wijzigen gaat via het traject)."""

    model = Traject
    fk_name = "deelnemer"
    extra = 0
    show_change_link = True
    can_delete = False
    fields = ["programma", "gemeente", "status", "aanmelddatum", "startdatum", "einddatum"]
    readonly_fields = fields
    verbose_name_plural = _("trajecten")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("programma", "gemeente")


@admin.register(Deelnemer)
class DeelnemerAdmin(AlleenVerklaardeFilters, VersieMixin, KeuzelijstMixin, admin.ModelAdmin):
    keuzelijsten = {"talen": Taal.choices}
    list_display = [
        "achternaam", "voornaam", "bsn_gemaskeerd", "gemeente", "land_van_herkomst",
        "taalniveau", "inburgering", "toestemming_datum",
    ]
    list_filter = [
        "gemeente", ("land_van_herkomst", CountryFilter), "taalniveau", "inburgering",
        "opleidingsniveau",
    ]
    # Alleen op id: namen en BSN's horen niet in een URL (zie de moduledocstring).
    search_fields = ["=id"]
    search_help_text = _(
        "Zoek op deelnemernummer (id). Zoeken op naam of BSN kan in de werkruimte."
    )
    list_select_related = ["gemeente"]
    ordering = ["achternaam", "voornaam", "pk"]
    show_full_result_count = False
    inlines = [TrajectVanDeelnemerInline]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]

    @admin.display(description=_("BSN"))
    def bsn_gemaskeerd(self, obj):
        return obj.bsn_gemaskeerd or "–"
