"""Admin voor de dossiermodellen: het dagelijkse gereedschap van de beheerder.

Geen N+1: elke lijst haalt zijn relaties met `list_select_related`/prefetch op en de caseload
van coaches komt uit één geannoteerde query (`Coach.objects.met_caseload()`).

Deelnemers zijn alleen op id te zoeken: een zoekterm komt in de URL (en daarmee in logregels)
terecht, en namen en BSN's horen daar niet in. Zoeken op naam of BSN gebeurt in de werkruimte.

Elke wijzig-, historie- en verwijderpagina van een deelnemer, traject, intake, plaatsing of
contactmoment komt in het toegangslog (*bekeken in de beheeromgeving*, met het deelnemernummer),
en elke geweigerde poging ook: dat doet `gemeenten.toegangslog.ToegangslogMiddleware` voor alle
admins samen. Wat een beheerder mag zien, bepalen zijn Django-rechten; `is_staff` alleen geeft
niets.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from .constants import OPEN_STATUSSEN, Belemmering, Sector, Taal
from .models import (
    Coach,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
    Werkgever,
    vandaag,
)
from .services import volgende_versie

VOG_GELDIG = "geldig"
VOG_VERLOPEN = "verlopen"
VOG_ONTBREEKT = "ontbreekt"
VOG_LABELS = {
    VOG_GELDIG: _("geldig"),
    VOG_VERLOPEN: _("verlopen"),
    VOG_ONTBREEKT: _("ontbreekt"),
}


class KeuzelijstMixin:
    """JSON-lijstvelden (talen, sectoren, belemmeringen) als vinkjes in plaats van ruwe JSON."""

    keuzelijsten: dict = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.keuzelijsten:
            return forms.MultipleChoiceField(
                choices=self.keuzelijsten[db_field.name], required=False,
                widget=forms.CheckboxSelectMultiple, label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class VersieMixin:
    """Een wijziging via de admin hoogt `versie` (optimistische vergrendeling) op met dezelfde
    `volgende_versie` als de services: wie in de werkruimte een verouderd formulier opslaat,
    krijgt een conflict. Ook een gewijzigde inline-rij (een plaatsing bij een traject)."""

    def save_model(self, request, obj, form, change):
        if change and form.has_changed() and hasattr(obj, "versie"):
            volgende_versie(obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        verwijderd = set(getattr(formset, "deleted_forms", []))
        for inline_form in formset.initial_forms:
            instance = inline_form.instance
            if inline_form not in verwijderd and inline_form.has_changed() and hasattr(
                instance, "versie"
            ):
                volgende_versie(instance)
        super().save_formset(request, form, formset, change)


# --- Deelnemer -------------------------------------------------------------------------------


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


# --- Coach -----------------------------------------------------------------------------------


class VogFilter(admin.SimpleListFilter):
    """VOG-status in de database: geldig (jonger dan drie jaar), verlopen, ontbreekt."""

    title = _("VOG")
    parameter_name = "vog"

    def lookups(self, request, model_admin):
        return list(VOG_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() == VOG_GELDIG:
            return queryset.filter(pk__in=Coach.objects.met_geldige_vog().values("pk"))
        if self.value() == VOG_VERLOPEN:
            return queryset.filter(vog_datum__isnull=False).exclude(
                pk__in=Coach.objects.met_geldige_vog().values("pk")
            )
        if self.value() == VOG_ONTBREEKT:
            return queryset.filter(vog_datum__isnull=True)
        return queryset


class GetraindFilter(admin.SimpleListFilter):
    title = _("getraind als werkcoach")
    parameter_name = "getraind"

    def lookups(self, request, model_admin):
        return [("ja", _("ja")), ("nee", _("nee"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(getraind_op__isnull=False)
        if self.value() == "nee":
            return queryset.filter(getraind_op__isnull=True)
        return queryset


class OpenTrajectInline(admin.TabularInline):
    """De open trajecten van een coach, alleen ter inzage en met niet meer gegevens dan nodig:
    het deelnemernummer, geen naam. Wie coaches beheert, hoeft niet te weten wie ze begeleiden;
    het traject zelf opent (met het recht daarvoor) via de link, en dat komt in het
    toegangslog."""

    model = Traject
    fk_name = "coach"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["deelnemer_nummer", "gemeente", "status", "startdatum"]
    readonly_fields = fields
    verbose_name = _("open traject")
    verbose_name_plural = _("open trajecten")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status__in=OPEN_STATUSSEN)
            .select_related("gemeente")
            .order_by("startdatum", "pk")
        )

    @admin.display(description=_("deelnemer"))
    def deelnemer_nummer(self, obj):
        return obj.deelnemer_id


@admin.register(Coach)
class CoachAdmin(AlleenVerklaardeFilters, KeuzelijstMixin, admin.ModelAdmin):
    keuzelijsten = {"talen": Taal.choices, "sectoren": Sector.choices}
    list_display = [
        "naam", "email", "gemeenten_lijst", "getraind_op", "vog", "caseload_van_max", "actief",
    ]
    list_filter = ["gemeenten", GetraindFilter, VogFilter, "actief"]
    search_fields = ["naam", "email"]
    ordering = ["naam"]
    filter_horizontal = ["gemeenten"]
    inlines = [OpenTrajectInline]
    actions = ["markeer_vandaag_getraind", "deactiveren"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]
    fieldsets = [
        (None, {"fields": ["naam", "email", "telefoon", "gemeenten", "actief"]}),
        (_("Werkcoach"), {"fields": ["getraind_op", "vog_datum", "max_deelnemers", "talen",
                                     "sectoren"]}),
        (_("Historie"), {"fields": ["aangemaakt_op", "gewijzigd_op"]}),
    ]

    def get_queryset(self, request):
        # Caseload in dezelfde query als de lijst; gemeenten in één prefetch-query.
        return super().get_queryset(request).met_caseload().prefetch_related("gemeenten")

    @admin.display(description=_("gemeenten"))
    def gemeenten_lijst(self, obj):
        return ", ".join(g.naam for g in obj.gemeenten.all()) or "–"

    @admin.display(description=_("VOG"), ordering="vog_datum")
    def vog(self, obj):
        return VOG_LABELS[obj.vog_status]

    @admin.display(description=_("caseload"), ordering="caseload")
    def caseload_van_max(self, obj):
        return f"{obj.caseload} / {obj.max_deelnemers}"

    @admin.action(description=_("Markeer als vandaag getraind"))
    def markeer_vandaag_getraind(self, request, queryset):
        datum = vandaag()
        aantal = 0
        # Per coach opslaan (geen update()): zo komt de wijziging in de wijzigingshistorie.
        for coach in queryset:
            coach.getraind_op = datum
            coach.save(update_fields=["getraind_op", "gewijzigd_op"])
            aantal += 1
        self.message_user(
            request,
            ngettext(
                "%(aantal)d coach is gemarkeerd als vandaag getraind.",
                "%(aantal)d coaches zijn gemarkeerd als vandaag getraind.",
                aantal,
            ) % {"aantal": aantal},
            messages.SUCCESS,
        )

    @admin.action(description=_("Deactiveren"))
    def deactiveren(self, request, queryset):
        aantal = 0
        open_trajecten = 0
        for coach in queryset:
            coach.actief = False
            coach.save(update_fields=["actief", "gewijzigd_op"])
            aantal += 1
            open_trajecten += coach.caseload
        bericht = ngettext(
            "%(aantal)d coach is gedeactiveerd.",
            "%(aantal)d coaches zijn gedeactiveerd.",
            aantal,
        ) % {"aantal": aantal}
        if open_trajecten:
            bericht += " " + ngettext(
                "Er is nog %(n)d open traject met deze coach; wijs een andere coach toe.",
                "Er zijn nog %(n)d open trajecten met deze coaches; wijs een andere coach toe.",
                open_trajecten,
            ) % {"n": open_trajecten}
        self.message_user(request, bericht, messages.SUCCESS)


# --- Werkgever -------------------------------------------------------------------------------


@admin.register(Werkgever)
class WerkgeverAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = [
        "naam", "kvk_nummer", "sector", "gemeente", "werkakkoord", "aantal_plaatsingen",
    ]
    list_filter = ["werkakkoord", "sector", "gemeente"]
    search_fields = ["naam", "=kvk_nummer", "contactpersoon"]
    list_select_related = ["gemeente"]
    ordering = ["naam"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]

    def get_queryset(self, request):
        # Een gecorreleerde subquery telt alleen voor de rijen op de pagina.
        aantal = (
            Plaatsing.objects.filter(werkgever=OuterRef("pk"))
            .order_by()
            .values("werkgever")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(
            _aantal_plaatsingen=Coalesce(Subquery(aantal), 0)
        )

    @admin.display(description=_("plaatsingen"), ordering="_aantal_plaatsingen")
    def aantal_plaatsingen(self, obj):
        return obj._aantal_plaatsingen


# --- Traject en wat erbij hoort --------------------------------------------------------------


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
        "id", "deelnemer", "programma", "gemeente", "coach", "uitvoerder", "status",
        "aanmelddatum", "startdatum", "einddatum", "kosten",
    ]
    list_display_links = ["id", "deelnemer"]
    list_filter = [
        "status", "programma", "gemeente", "uitvoerder", ("coach", admin.EmptyFieldListFilter),
    ]
    search_fields = ["=id", "=deelnemer__id", "coach__naam"]
    search_help_text = _("Zoek op trajectnummer, deelnemernummer of naam van de coach.")
    list_select_related = ["deelnemer", "programma", "gemeente", "coach"]
    autocomplete_fields = ["deelnemer", "coach"]
    date_hierarchy = "aanmelddatum"
    ordering = ["-aanmelddatum", "-pk"]
    show_full_result_count = False
    inlines = [IntakeInline, PlaatsingInline, ContactmomentInline]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op"]


class BijTrajectAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    """Intake, plaatsing en contactmoment horen bij een traject; de lijst toont diens gemeente
    (in dezelfde query: `list_select_related` bevat `traject__gemeente`)."""

    show_full_result_count = False

    @admin.display(description=_("gemeente"), ordering="traject__gemeente__naam")
    def gemeente(self, obj):
        return obj.traject.gemeente


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
