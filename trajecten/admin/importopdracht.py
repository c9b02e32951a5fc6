"""Admin van importopdrachten: voor de beheerder zichtbaar welke import mislukte of nog loopt.

Alleen lezen (en verwijderen): opdrachten maakt de upload, de status de taak. Het bestand en het
foutrapport (dat waarden uit het bestand kan noemen) staan hier niet: die zijn voor de uploader.
"""

from django.contrib import admin

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..models import Importopdracht


@admin.register(Importopdracht)
class ImportopdrachtAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    list_display = [
        "aangemaakt_op", "door", "status", "pogingen", "rijen", "aangemaakt", "aantal_fouten",
        "klaar_op", "taak_id",
    ]
    list_filter = ["status"]
    list_select_related = ["door"]
    ordering = ["-aangemaakt_op"]
    fields = [
        "id", "door", "soort", "status", "pogingen", "taak_id", "rijen", "gecontroleerd",
        "aangemaakt", "per_gemeente", "aantal_fouten", "aangemaakt_op", "klaar_op",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
