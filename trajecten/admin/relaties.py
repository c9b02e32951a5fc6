"""Admin van werkgevers als partner: contactpersonen, contacten, social return, bijeenkomsten,
vacatures en voordrachten. Elke lijst haalt zijn relaties in dezelfde query op."""

from django.contrib import admin

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..models import (
    Bijeenkomst,
    Contactpersoon,
    Deelname,
    SocialReturnAfspraak,
    Vacature,
    Voordracht,
    WerkgeverContact,
)
from .basis import VersieMixin


@admin.register(Contactpersoon)
class ContactpersoonAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = ["naam", "rol", "werkgever"]
    list_select_related = ["werkgever"]
    search_fields = ["naam", "werkgever__naam"]
    autocomplete_fields = ["werkgever"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]


@admin.register(WerkgeverContact)
class WerkgeverContactAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = ["datum", "soort", "werkgever", "gemeente", "medewerker"]
    list_filter = ["soort", "gemeente"]
    list_select_related = ["werkgever", "gemeente", "medewerker"]
    autocomplete_fields = ["werkgever"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]
    show_full_result_count = False


@admin.register(SocialReturnAfspraak)
class SocialReturnAfspraakAdmin(AlleenVerklaardeFilters, VersieMixin, admin.ModelAdmin):
    list_display = ["contract", "werkgever", "gemeente", "aantal_plaatsingen", "startdatum",
                    "einddatum"]
    list_filter = ["gemeente"]
    list_select_related = ["werkgever", "gemeente"]
    autocomplete_fields = ["werkgever"]
    readonly_fields = ["versie", "aangemaakt_op", "gewijzigd_op"]


class DeelnameInline(admin.TabularInline):
    model = Deelname
    extra = 0
    raw_id_fields = ["deelnemer"]
    readonly_fields = ["vastgelegd_door"]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(AlleenVerklaardeFilters, VersieMixin, admin.ModelAdmin):
    list_display = ["titel", "soort", "datum", "plaats", "organisator"]
    list_filter = ["soort", "gemeenten"]
    search_fields = ["titel", "plaats", "organisator"]
    filter_horizontal = ["gemeenten"]
    autocomplete_fields = ["werkgevers"]
    readonly_fields = ["versie", "aangemaakt_door", "aangemaakt_op", "gewijzigd_op"]
    inlines = [DeelnameInline]


@admin.register(Deelname)
class DeelnameAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    """Wie bij welke bijeenkomst was; alleen op nummer te zoeken (geen namen in een URL)."""

    list_display = ["pk", "bijeenkomst", "deelnemer_id", "aangemaakt_op"]
    list_select_related = ["bijeenkomst"]
    search_fields = ["=id"]
    raw_id_fields = ["deelnemer", "bijeenkomst"]
    readonly_fields = ["vastgelegd_door", "aangemaakt_op", "gewijzigd_op"]
    show_full_result_count = False


@admin.register(Vacature)
class VacatureAdmin(AlleenVerklaardeFilters, VersieMixin, admin.ModelAdmin):
    list_display = ["functie", "werkgever", "gemeente", "soort", "uren_per_week", "taalniveau",
                    "aantal_plaatsen", "open_tot"]
    list_filter = ["soort", "sector", "gemeente"]
    list_select_related = ["werkgever", "gemeente"]
    search_fields = ["functie", "werkgever__naam"]
    autocomplete_fields = ["werkgever"]
    readonly_fields = ["versie", "aangemaakt_op", "gewijzigd_op"]


@admin.register(Voordracht)
class VoordrachtAdmin(AlleenVerklaardeFilters, VersieMixin, admin.ModelAdmin):
    """Voordrachten zijn alleen op nummer te zoeken (namen horen niet in een URL)."""

    list_display = ["pk", "status", "vacature", "deelnemer_nummer", "aangemaakt_op"]
    list_filter = ["status"]
    list_select_related = ["vacature__werkgever"]
    search_fields = ["=id"]
    raw_id_fields = ["deelnemer", "vacature"]
    readonly_fields = ["versie", "door", "aangemaakt_op", "gewijzigd_op"]
    show_full_result_count = False

    @admin.display(description="deelnemer")
    def deelnemer_nummer(self, obj):
        return obj.deelnemer_id
