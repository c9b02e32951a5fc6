"""Filters van de deelnemerslijst (django-filter).

Werkt op `selectors.deelnemer_lijst(user=...)`: status, coach en programma filteren op het
huidige (meest recente) traject van de deelnemer, dat daar als subquery is geannoteerd.
De keuzelijsten voor gemeente en coach bevatten alleen wat de gebruiker mag zien.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente
from rapportage.models import Programma

from .constants import OPEN_STATUSSEN, Inburgering, Status, Taalniveau
from .forms import NLDSFormulier
from .models import Coach
from .zoeken import zoekwoorden


class FilterFormulier(NLDSFormulier, forms.Form):
    pass


def _gemeenten(request):
    return Gemeente.objects.voor(request.user) if request else None


def _coaches(request):
    return Coach.objects.voor(request.user).order_by("naam") if request else Coach.objects.none()


class DeelnemerFilter(django_filters.FilterSet):
    zoek = django_filters.CharFilter(
        label=_("Zoek op naam of v-nummer"), method="filter_zoek",
        help_text=_("Hoofdletters en accenten maken niet uit; ‘Achternaam, Voornaam’ mag ook."),
    )
    gemeente = django_filters.ModelChoiceFilter(
        label=_("gemeente"), queryset=_gemeenten, empty_label=_("alle gemeenten"),
    )
    status = django_filters.ChoiceFilter(
        label=_("status traject"), field_name="traject_status",
        choices=[("open", _("open trajecten")), *Status.choices, ("geen", _("geen traject"))],
        method="filter_status",
        empty_label=_("alle statussen"),
    )
    coach = django_filters.ModelChoiceFilter(
        label=_("coach"), field_name="traject_coach_id", queryset=_coaches,
        empty_label=_("alle coaches"), method="filter_coach",
    )
    taalniveau = django_filters.ChoiceFilter(
        label=_("taalniveau"), choices=Taalniveau.choices, empty_label=_("alle niveaus"),
    )
    inburgering = django_filters.ChoiceFilter(
        label=_("inburgering"), choices=Inburgering.choices, empty_label=_("alle"),
    )
    programma = django_filters.ModelChoiceFilter(
        label=_("programma"), queryset=Programma.objects.order_by("-startdatum"),
        empty_label=_("alle programma's"), method="filter_programma",
    )
    o = django_filters.OrderingFilter(
        label=_("sorteren op"),
        fields=(
            ("achternaam", "naam"),
            ("geboortedatum", "geboortedatum"),
            ("gemeente__naam", "gemeente"),
            ("traject_status", "status"),
            ("traject_coach_naam", "coach"),
            ("taalniveau", "taalniveau"),
            ("inburgering", "inburgering"),
            ("aangemaakt_op", "geregistreerd"),
        ),
        field_labels={
            "achternaam": _("naam"),
            "geboortedatum": _("geboortedatum"),
            "gemeente__naam": _("gemeente"),
            "traject_status": _("status"),
            "traject_coach_naam": _("coach"),
            "taalniveau": _("taalniveau"),
            "inburgering": _("inburgering"),
            "aangemaakt_op": _("geregistreerd op"),
        },
    )

    class Meta:
        form = FilterFormulier
        fields = ["zoek", "gemeente", "status", "coach", "taalniveau", "inburgering",
                  "programma"]

    def filter_zoek(self, queryset, name, value):
        """Elk woord van de zoekterm komt voor in de zoeknaam (achternaam en voornaam zonder
        hoofdletters en accenten, `trajecten.zoeken`), in elke volgorde; of de term is precies
        het v-nummer. Op PostgreSQL bedient een trigram-index de `LIKE '%…%'`."""
        woorden = zoekwoorden(value)
        if not woorden:
            return queryset
        naam = Q()
        for woord in woorden:
            naam &= Q(zoeknaam__contains=woord)
        return queryset.filter(naam | Q(v_nummer__iexact="".join(value.split())))

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(traject_status__in=OPEN_STATUSSEN)
        if value == "geen":
            return queryset.filter(traject_status__isnull=True)
        return queryset.filter(traject_status=value)

    def filter_coach(self, queryset, name, value):
        return queryset.filter(traject_coach_id=value.pk)

    def filter_programma(self, queryset, name, value):
        return queryset.filter(traject_programma_id=value.pk)

    @property
    def qs(self):
        qs = super().qs
        # Vaste volgorde als er niet gesorteerd is, met pk als tiebreaker (stabiele pagina's).
        if not qs.query.order_by:
            qs = qs.order_by("achternaam", "voornaam", "pk")
        else:
            qs = qs.order_by(*qs.query.order_by, "pk")
        return qs
