"""Admin van coaches (VOG, caseload, acties) en het coachtekort per gemeente."""

from dateutil.relativedelta import relativedelta
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..constants import OPEN_STATUSSEN, Sector, Taal
from ..models import Coach, Coachtekort, Traject, vandaag
from ..models.coach import vog_grens
from ..selectors import coachtekort_per_gemeente, wachtdagen
from .basis import KeuzelijstMixin

VOG_GELDIG = "geldig"
VOG_VERLOOPT = "verloopt"
VOG_VERLOPEN = "verlopen"
VOG_ONTBREEKT = "ontbreekt"
VOG_LABELS = {
    VOG_GELDIG: _("geldig"),
    VOG_VERLOPEN: _("verlopen"),
    VOG_ONTBREEKT: _("geen VOG"),
}
#: "VOG verloopt binnen 3 maanden": de beheerder vraagt dan tijdig een nieuwe aan.
VOG_WAARSCHUWING_MAANDEN = 3


class VogFilter(admin.SimpleListFilter):
    """VOG-status in de database: geldig (jonger dan drie jaar), verloopt binnen drie maanden,
    verlopen, geen VOG. Dezelfde grens als `Coach.heeft_geldige_vog` (`vog_grens`)."""

    title = _("VOG")
    parameter_name = "vog"

    def lookups(self, request, model_admin):
        return [
            (VOG_GELDIG, VOG_LABELS[VOG_GELDIG]),
            (VOG_VERLOOPT, _("VOG verloopt binnen %(n)s maanden")
             % {"n": VOG_WAARSCHUWING_MAANDEN}),
            (VOG_VERLOPEN, VOG_LABELS[VOG_VERLOPEN]),
            (VOG_ONTBREEKT, VOG_LABELS[VOG_ONTBREEKT]),
        ]

    def queryset(self, request, queryset):
        if self.value() == VOG_GELDIG:
            return queryset.filter(pk__in=Coach.objects.met_geldige_vog().values("pk"))
        if self.value() == VOG_VERLOOPT:
            # Nu geldig, maar over drie maanden niet meer.
            later = vandaag() + relativedelta(months=VOG_WAARSCHUWING_MAANDEN)
            return queryset.filter(pk__in=Coach.objects.met_geldige_vog().values("pk")).filter(
                vog_datum__lte=vog_grens(later)
            )
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
    # Wat de beheerder het meest nodig heeft (VOG, caseload, actief) direct na de naam, zodat
    # het ook op een scherm van 1280 px zonder scrollen in beeld is (tests/browser/
    # test_admin_breedte.py); het e-mailadres achteraan.
    list_display = [
        "naam", "vog", "vog_verloopt_op", "caseload_van_max", "actief", "gemeenten_lijst",
        "getraind_op", "email",
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
        # Caseload en verloopdatum van de VOG in dezelfde query als de lijst; gemeenten in één
        # prefetch-query.
        return (
            super().get_queryset(request).met_caseload().met_vog_verloopt_op()
            .prefetch_related("gemeenten")
        )

    @admin.display(description=_("gemeenten"))
    def gemeenten_lijst(self, obj):
        return ", ".join(g.naam for g in obj.gemeenten.all()) or "–"

    @admin.display(description=_("VOG"), ordering="vog_datum")
    def vog(self, obj):
        return VOG_LABELS[obj.vog_status]

    @admin.display(description=_("VOG verloopt op"), ordering="vog_verloopt_op",
                   empty_value=_("geen VOG"))
    def vog_verloopt_op(self, obj):
        return obj.vog_verloopt_op

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


@admin.register(Coachtekort)
class CoachtekortAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    """Het coachtekort per gemeente: hoeveel trajecten op de wachtlijst voor een coach staan,
    hoe lang de langste al wacht, en hoeveel trajecten een coach hebben die niet meer telt.
    Alleen lezen; één query voor de hele lijst (`selectors.coachtekort_per_gemeente`)."""

    list_display = ["naam", "wachtend", "langste_wachttijd", "zonder_geldige_coach"]
    ordering = ["naam"]
    search_fields = ["naam"]
    show_full_result_count = False

    def get_queryset(self, request):
        return coachtekort_per_gemeente(super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("op de wachtlijst"), ordering="wachtend")
    def wachtend(self, obj):
        return obj.wachtend

    @admin.display(description=_("langste wachttijd"), ordering="wacht_sinds")
    def langste_wachttijd(self, obj):
        if obj.wacht_sinds is None:
            return "–"
        return ngettext("%(n)d dag (sinds %(datum)s)", "%(n)d dagen (sinds %(datum)s)",
                        wachtdagen(obj.wacht_sinds)) % {
            "n": wachtdagen(obj.wacht_sinds), "datum": obj.wacht_sinds.strftime("%d-%m-%Y"),
        }

    @admin.display(description=_("coach telt niet meer"), ordering="zonder_geldige_coach")
    def zonder_geldige_coach(self, obj):
        return obj.zonder_geldige_coach
