"""Admin van werkgevers, met het aantal plaatsingen."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..models import Plaatsing, Werkgever


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
    filter_horizontal = ["gemeenten"]

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
