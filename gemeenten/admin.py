"""Admin voor gemeenten, gebruikers en hun rollen (lidmaatschappen).

De beheerder geeft hier gebruikers hun rol: een lidmaatschap is (gebruiker, gemeente, rol);
een coördinator-lidmaatschap zonder gemeente is landelijk.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

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
class LidmaatschapAdmin(admin.ModelAdmin):
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
class GebruikerAdmin(UserAdmin):
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
