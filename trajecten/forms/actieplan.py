"""Het actieplan, het opleidingsbudget en documenten."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Actie, ActieStatus, Document, Uitgave, vandaag
from .basis import NLDSFormulier, VersieVeld, datumveld, modelveld


class ActieForm(NLDSFormulier, forms.Form):
    omschrijving = modelveld(Actie, "omschrijving")
    uitvoerder = modelveld(Actie, "uitvoerder")
    deadline = modelveld(Actie, "deadline")


class ActieStatusForm(NLDSFormulier, forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=ActieStatus.choices)
    versie = VersieVeld()


class UitgaveForm(NLDSFormulier, forms.Form):
    soort = modelveld(Uitgave, "soort")
    omschrijving = modelveld(Uitgave, "omschrijving")
    bedrag = forms.DecimalField(label=_("bedrag (EUR)"), max_digits=10, decimal_places=2,
                                min_value=0)
    datum = datumveld(label=_("datum"), initial=vandaag)
    reden_overschrijding = forms.CharField(
        label=_("reden om boven het budget te gaan"), required=False,
        help_text=_("Alleen nodig als de uitgave het resterende budget overschrijdt."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].widget.attrs["max"] = vandaag().isoformat()


class DocumentForm(NLDSFormulier, forms.Form):
    soort = modelveld(Document, "soort")
    bestand = forms.FileField(
        label=_("bestand"),
        help_text=_("PDF, JPG, PNG, DOCX of ODT, hooguit 10 MB."),
        widget=forms.ClearableFileInput(attrs={
            "accept": ".pdf,.jpg,.jpeg,.png,.docx,.odt",
        }),
    )
    bewijs_toestemming = forms.BooleanField(
        label=_("Dit is het bewijs van de datum van toestemming"), required=False,
        help_text=_("Alleen bij een toestemmingsverklaring."),
    )
