"""Admin van het actieplan, de uitgaven, de documenten en de verhuizingen (issue 14).

Zoals de andere modellen van het dossier: zoeken alleen op nummer, lijsten in een vast aantal
queries, elke objectpagina in het toegangslog (`DOSSIERMODELLEN`). Documenten en verhuizingen
ontstaan alleen in de werkplek (de typecontrole op inhoud, de overdracht); hier zijn ze te
bekijken en te verwijderen, een document zonder link naar het bestand (dat downloadt alleen via
het dossier).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..models import Actie, Document, Uitgave, Verhuizing
from .basis import BijTrajectAdmin, VersieMixin


@admin.register(Actie)
class ActieAdmin(VersieMixin, BijTrajectAdmin):
    list_display = ["traject", "omschrijving", "uitvoerder", "deadline", "status", "gemeente"]
    list_filter = ["status", "uitvoerder", "traject__gemeente"]
    search_fields = ["=traject__id"]
    search_help_text = _("Zoek op trajectnummer.")
    list_select_related = ["traject__gemeente"]
    autocomplete_fields = ["traject"]
    ordering = ["deadline", "pk"]


@admin.register(Uitgave)
class UitgaveAdmin(BijTrajectAdmin):
    list_display = ["traject", "datum", "soort", "bedrag", "gemeente", "goedgekeurd_door"]
    list_filter = ["soort", "traject__gemeente", "traject__programma"]
    search_fields = ["=traject__id"]
    search_help_text = _("Zoek op trajectnummer.")
    list_select_related = ["traject__gemeente", "goedgekeurd_door"]
    autocomplete_fields = ["traject", "goedgekeurd_door"]
    date_hierarchy = "datum"
    ordering = ["-datum", "-pk"]


class AlleenBekijkenEnVerwijderen:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, admin.ModelAdmin):
    list_display = ["deelnemer_id", "soort", "mimetype", "grootte", "bewijs_toestemming",
                    "aangemaakt_op"]
    list_filter = ["soort", "bewijs_toestemming"]
    search_fields = ["=deelnemer__id"]
    search_help_text = _("Zoek op deelnemernummer.")
    fields = ["deelnemer", "soort", "bestandsnaam", "mimetype", "grootte", "bewijs_toestemming",
              "geupload_door", "aangemaakt_op"]
    readonly_fields = fields
    ordering = ["-aangemaakt_op", "-pk"]
    show_full_result_count = False


@admin.register(Verhuizing)
class VerhuizingAdmin(AlleenVerklaardeFilters, AlleenBekijkenEnVerwijderen, admin.ModelAdmin):
    list_display = ["deelnemer_id", "van_gemeente", "naar_gemeente", "verhuisdatum"]
    list_filter = ["naar_gemeente", "van_gemeente"]
    search_fields = ["=deelnemer__id"]
    search_help_text = _("Zoek op deelnemernummer.")
    list_select_related = ["van_gemeente", "naar_gemeente"]
    fields = ["deelnemer", "van_gemeente", "naar_gemeente", "verhuisdatum",
              "overdrachtsnotitie", "door", "aangemaakt_op"]
    readonly_fields = fields
    ordering = ["-verhuisdatum", "-pk"]
    show_full_result_count = False
