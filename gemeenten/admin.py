"""Admin voor gemeenten, gebruikers en hun rollen (lidmaatschappen), en de beveiliging van
de admin van andere pakketten.

De beheerder geeft hier gebruikers hun rol: een lidmaatschap is (gebruiker, gemeente, rol);
een coördinator-lidmaatschap zonder gemeente is landelijk.

Elke admin met persoonsgegevens of geheimen filtert alleen via zijn verklaarde filters
(`AlleenVerklaardeFilters`); die van django-auditlog, django-axes en django-otp worden daarvoor
hier opnieuw geregistreerd. TOTP-apparaten en reservecodes zijn in de admin alleen te bekijken
(zonder sleutel, QR-code of codes) en te verwijderen: een beheerder kan geen apparaat voor een
ander maken, en geen geheim lezen (`OTP_ADMIN_HIDE_SENSITIVE_DATA`).
"""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from django_celery_results.admin import GroupResultAdmin, TaskResultAdmin
from django_celery_results.models import GroupResult, TaskResult
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_lookups import AlleenVerklaardeFilters
from .models import Gemeente, Lidmaatschap

User = get_user_model()

admin.site.site_header = _("Banenoffensief – beheer")
admin.site.site_title = _("Banenoffensief beheer")
admin.site.index_title = _("Beheer")


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code", "provincie", "is_pilot", "aantal_lidmaatschappen"]
    list_filter = ["is_pilot", "provincie"]
    search_fields = ["naam", "cbs_code"]
    ordering = ["naam"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            _aantal_lidmaatschappen=Count("lidmaatschappen")
        )

    @admin.display(description=_("gebruikers met een rol"), ordering="_aantal_lidmaatschappen")
    def aantal_lidmaatschappen(self, obj):
        return obj._aantal_lidmaatschappen


class LandelijkFilter(admin.SimpleListFilter):
    title = _("bereik")
    parameter_name = "bereik"

    def lookups(self, request, model_admin):
        return [("landelijk", _("landelijk")), ("gemeente", _("per gemeente"))]

    def queryset(self, request, queryset):
        if self.value() == "landelijk":
            return queryset.filter(gemeente__isnull=True)
        if self.value() == "gemeente":
            return queryset.filter(gemeente__isnull=False)
        return queryset


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = ["user", "rol", "gemeente_of_landelijk", "user_actief"]
    list_filter = ["rol", LandelijkFilter, "gemeente", "user__is_active"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user", "gemeente"]
    autocomplete_fields = ["user", "gemeente"]
    ordering = ["user__username", "gemeente__naam"]

    @admin.display(description=_("gemeente"), ordering="gemeente__naam")
    def gemeente_of_landelijk(self, obj):
        return obj.gemeente or _("landelijk")

    @admin.display(description=_("gebruiker actief"), boolean=True, ordering="user__is_active")
    def user_actief(self, obj):
        return obj.user.is_active


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 0
    fields = ["gemeente", "rol"]
    autocomplete_fields = ["gemeente"]
    verbose_name = _("rol in een gemeente")
    verbose_name_plural = _(
        "rollen (lidmaatschappen) – gemeente leeg bij een landelijke coördinator"
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("gemeente")


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class GebruikerAdmin(AlleenVerklaardeFilters, UserAdmin):
    """De standaard gebruikersadmin, met de rollen (lidmaatschappen) erbij."""

    inlines = [LidmaatschapInline]
    list_display = [
        "username", "email", "first_name", "last_name", "rollen", "is_staff", "is_active",
        "last_login",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active", "lidmaatschappen__rol"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            Prefetch(
                "lidmaatschappen",
                queryset=Lidmaatschap.objects.select_related("gemeente").order_by(
                    "rol", "gemeente__naam"
                ),
            )
        )

    @admin.display(description=_("rollen"))
    def rollen(self, obj):
        return ", ".join(
            f"{lid.get_rol_display()} {lid.gemeente or _('landelijk')}"
            for lid in obj.lidmaatschappen.all()
        )


# --- admin van andere pakketten: alleen de verklaarde filters, geen geheimen ------------------


class WijzigingshistorieAdmin(AlleenVerklaardeFilters, LogEntryAdmin):
    """De wijzigingshistorie bevat namen: zoeken alleen op objectnummer, niet op inhoud (een
    zoekterm staat in de URL)."""

    search_fields = ["=object_pk"]
    search_help_text = _("Zoek op objectnummer.")


class InlogpogingAdmin(AlleenVerklaardeFilters, AccessAttemptAdmin):
    pass


class InloglogAdmin(AlleenVerklaardeFilters, AccessLogAdmin):
    pass


class MislukteInlogAdmin(AlleenVerklaardeFilters, AccessFailureLogAdmin):
    pass


class AlleenBekijkenEnVerwijderen:
    """Een tweede factor maakt de gebruiker zelf (met een verse code); de beheerder kan hem alleen
    verwijderen, bijvoorbeeld als de telefoon kwijt is."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TOTPApparaatAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, TOTPDeviceAdmin):
    def get_urls(self):
        # Zonder de configuratie- en QR-pagina van django-otp: die tonen de sleutel.
        return admin.ModelAdmin.get_urls(self)


class ReservecodesAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, StaticDeviceAdmin):
    pass


class TaakuitkomstAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, TaskResultAdmin):
    """Achtergrondtaken en hun uitkomst: een taak die na haar herkansingen mislukt, staat hier
    (status FAILURE) voor de beheerder. Uitkomsten maakt alleen de worker."""


class TaakgroepAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, GroupResultAdmin):
    pass


for _model, _admin_klasse in (
    (LogEntry, WijzigingshistorieAdmin),
    (AccessAttempt, InlogpogingAdmin),
    (AccessLog, InloglogAdmin),
    (AccessFailureLog, MislukteInlogAdmin),
    (TOTPDevice, TOTPApparaatAdmin),
    (StaticDevice, ReservecodesAdmin),
    (TaskResult, TaakuitkomstAdmin),
    (GroupResult, TaakgroepAdmin),
):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _admin_klasse)
