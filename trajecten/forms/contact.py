"""Contactmoment vastleggen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import ContactSoort
from ..models import vandaag
from .basis import NLDSFormulier, datumveld


class ContactmomentForm(NLDSFormulier, forms.Form):
    soort = forms.ChoiceField(label=_("soort contact"), choices=ContactSoort.choices,
                              initial=ContactSoort.GESPREK)
    datum = datumveld(label=_("datum"), initial=vandaag)
    notitie = forms.CharField(label=_("notitie"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].widget.attrs["max"] = vandaag().isoformat()
