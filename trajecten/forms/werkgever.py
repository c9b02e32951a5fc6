"""Werkgever registreren."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..models import Werkgever
from .basis import NLDSFormulier, modelveld


class WerkgeverForm(NLDSFormulier, forms.Form):
    naam = modelveld(Werkgever, "naam")
    kvk_nummer = forms.CharField(label=_("KvK-nummer"), required=False, max_length=8,
                                 help_text=_("Acht cijfers; optioneel."))
    sector = modelveld(Werkgever, "sector")
    gemeente = forms.ModelChoiceField(queryset=None, label=_("gemeente"))
    werkakkoord = modelveld(Werkgever, "werkakkoord")
    contactpersoon = modelveld(Werkgever, "contactpersoon")
    contact_email = modelveld(Werkgever, "contact_email")
    contact_telefoon = modelveld(Werkgever, "contact_telefoon")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.voor(user)
        self.fields["gemeente"].queryset = gemeenten
        if len(gemeenten) == 1:
            self.fields["gemeente"].initial = gemeenten[0].pk
