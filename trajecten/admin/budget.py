"""Het opleidingsbudget per programma en gemeente: de beheerder stelt het bedrag in."""

from django.contrib import admin

from ..models import Opleidingsbudget


@admin.register(Opleidingsbudget)
class OpleidingsbudgetAdmin(admin.ModelAdmin):
    list_display = ("programma", "gemeente", "bedrag")
    list_select_related = ("programma", "gemeente")
    list_filter = ("programma",)
    ordering = ("programma", "gemeente__naam")
