"""Wat de admin van het dossier deelt: keuzelijsten als vinkjes, `versie` ophogen en de
lijstkolom 'gemeente' van wat bij een traject hoort."""

from django import forms
from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gemeenten.admin_lookups import AlleenVerklaardeFilters

from ..services import volgende_versie


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


class BijTrajectAdmin(AlleenVerklaardeFilters, admin.ModelAdmin):
    """Intake, plaatsing, contactmoment en afspraak horen bij een traject; de lijst toont diens
    gemeente (in dezelfde query: `list_select_related` bevat `traject__gemeente`)."""

    show_full_result_count = False

    @admin.display(description=_("gemeente"), ordering="traject__gemeente__naam")
    def gemeente(self, obj):
        return obj.traject.gemeente
