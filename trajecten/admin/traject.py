"""Admin van het traject en wat erbij hoort: intake, plaatsingen, contactmomenten, afspraken."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..constants import Belemmering
from ..models import Afspraak, Contactmoment, Intake, Plaatsing, Traject
from .basis import BijTrajectAdmin, KeuzelijstMixin, VersieMixin


class IntakeInline(KeuzelijstMixin, admin.StackedInline):
    model = Intake
    keuzelijsten = {"belemmeringen": Belemmering.choices}
    extra = 0
    max_num = 1
    autocomplete_fields = ["medewerker"]


class PlaatsingInline(admin.TabularInline):
    model = Plaatsing
    extra = 0
    autocomplete_fields = ["werkgever"]
    fields = [
        "soort", "werkgever", "functie", "startdatum", "einddatum", "uren_per_week",
        "contractvorm",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("werkgever")


class ContactmomentInline(admin.TabularInline):
    model = Contactmoment
    extra = 0
    autocomplete_fields = ["medewerker"]
    fields = ["datum", "soort", "notitie", "medewerker"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("medewerker")


@admin.register(Traject)
class TrajectAdmin(AlleenVerklaardeFilters, VersieMixin, admin.ModelAdmin):
    list_display = [
        "id", "deelnemer", "programma", "gemeente", "behandelaar", "coach", "uitvoerder",
        "status", "aanmelddatum", "startdatum", "einddatum", "kosten",
    ]
    list_display_links = ["id", "deelnemer"]
    list_filter = [
        "status", "programma", "gemeente", "uitvoerder", ("coach", admin.EmptyFieldListFilter),
    ]
    search_fields = ["=id", "=deelnemer__id", "coach__naam"]
    search_help_text = _("Zoek op trajectnummer, deelnemernummer of naam van de coach.")
    list_select_related = ["deelnemer", "programma", "gemeente", "coach", "behandelaar"]
    autocomplete_fields = ["deelnemer", "coach", "behandelaar"]
    date_hierarchy = "aanmelddatum"
    ordering = ["-aanmelddatum", "-pk"]
    show_full_result_count = False
    inlines = [IntakeInline, PlaatsingInline, ContactmomentInline]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]


@admin.register(Intake)
class IntakeAdmin(VersieMixin, KeuzelijstMixin, BijTrajectAdmin):
    keuzelijsten = {"belemmeringen": Belemmering.choices}
    list_display = ["traject", "datum", "gemeente", "medewerker", "beroepswens", "sector"]
    list_filter = ["sector", "traject__gemeente", "traject__programma"]
    search_fields = ["=traject__id", "beroepswens"]
    list_select_related = ["traject__gemeente", "medewerker"]
    autocomplete_fields = ["traject", "medewerker"]
    date_hierarchy = "datum"
    ordering = ["-datum", "-pk"]


@admin.register(Plaatsing)
class PlaatsingAdmin(VersieMixin, BijTrajectAdmin):
    list_display = [
        "traject", "soort", "werkgever", "functie", "gemeente", "startdatum", "einddatum",
        "uren_per_week", "contractvorm",
    ]
    list_filter = ["soort", "contractvorm", "traject__programma", "traject__gemeente"]
    search_fields = ["=traject__id", "functie", "werkgever__naam"]
    list_select_related = ["traject__gemeente", "werkgever"]
    autocomplete_fields = ["traject", "werkgever"]
    date_hierarchy = "startdatum"
    ordering = ["-startdatum", "-pk"]


@admin.register(Contactmoment)
class ContactmomentAdmin(BijTrajectAdmin):
    list_display = ["traject", "datum", "soort", "gemeente", "medewerker"]
    list_filter = ["soort", "traject__gemeente", "traject__programma"]
    search_fields = ["=traject__id"]
    search_help_text = _("Zoek op trajectnummer.")
    list_select_related = ["traject__gemeente", "medewerker"]
    autocomplete_fields = ["traject", "medewerker"]
    date_hierarchy = "datum"
    ordering = ["-datum", "-pk"]


@admin.register(Afspraak)
class AfspraakAdmin(VersieMixin, BijTrajectAdmin):
    list_display = ["traject", "datum", "tijd", "soort", "status", "gemeente", "medewerker"]
    list_filter = ["status", "soort", "traject__gemeente"]
    search_fields = ["=traject__id"]
    search_help_text = _("Zoek op trajectnummer.")
    list_select_related = ["traject__gemeente", "medewerker"]
    autocomplete_fields = ["traject", "medewerker", "plaatsing"]
    date_hierarchy = "datum"
    ordering = ["-datum", "-tijd", "-pk"]
