"""Admin voor programma's en hun doelstellingen (streefwaarden per indicator).

De beheerder zet hier ook de doelen per gemeente: een doelstelling met een gemeente geldt voor
die gemeente, zonder eigen datums voor de hele looptijd (één per gemeente en indicator). Het
landelijke dashboard zet elke gemeente tegenover haar eigen doel (docs/domain.md,
"Indicatoren")."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Doelstelling, Programma


class DoelstellingInline(admin.TabularInline):
    model = Doelstelling
    extra = 0
    fields = ["indicator", "streefwaarde", "gemeente", "startdatum", "einddatum", "omschrijving"]
    autocomplete_fields = ["gemeente"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente")


@admin.register(Programma)
class ProgrammaAdmin(admin.ModelAdmin):
    list_display = ["naam", "startdatum", "einddatum", "budget", "aantal_gemeenten"]
    search_fields = ["naam"]
    ordering = ["-startdatum"]
    date_hierarchy = "startdatum"
    filter_horizontal = ["gemeenten"]
    autocomplete_fields = ["vergelijk_met"]
    inlines = [DoelstellingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            _aantal_gemeenten=Count("gemeenten", distinct=True)
        )

    @admin.display(description=_("gemeenten"), ordering="_aantal_gemeenten")
    def aantal_gemeenten(self, obj):
        return obj._aantal_gemeenten or _("alle")


class GeheelFilter(admin.SimpleListFilter):
    title = _("geldt voor")
    parameter_name = "geldt_voor"

    def lookups(self, request, model_admin):
        return [("programma", _("het hele programma")), ("gemeente", _("één gemeente"))]

    def queryset(self, request, queryset):
        if self.value() == "programma":
            return queryset.filter(gemeente__isnull=True)
        if self.value() == "gemeente":
            return queryset.filter(gemeente__isnull=False)
        return queryset


@admin.register(Doelstelling)
class DoelstellingAdmin(admin.ModelAdmin):
    list_display = [
        "programma", "indicator", "streefwaarde", "geldt_voor", "startdatum", "einddatum",
        "omschrijving",
    ]
    list_filter = ["programma", "indicator", GeheelFilter, "gemeente"]
    search_fields = ["programma__naam", "gemeente__naam", "omschrijving"]
    list_select_related = ["programma", "gemeente"]
    autocomplete_fields = ["programma", "gemeente"]
    ordering = ["programma__naam", "indicator", "startdatum"]

    @admin.display(description=_("geldt voor"), ordering="gemeente__naam")
    def geldt_voor(self, obj):
        return obj.gemeente or _("het hele programma")
