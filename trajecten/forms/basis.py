"""Wat elk formulier van de werkplek deelt: datumvelden, velden uit het model, de NL Design
System-klassen (`NLDSFormulier`), het BSN-veld en het verborgen versieveld."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..validators import normaliseer_bsn, valideer_bsn

DATUM_FORMAAT = "%Y-%m-%d"


class DatumInvoer(forms.DateInput):
    """`<input type="date">`; de browser toont de datum in de taal van de gebruiker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATUM_FORMAAT)


def datumveld(**kwargs) -> forms.DateField:
    kwargs.setdefault("widget", DatumInvoer())
    kwargs.setdefault("input_formats", [DATUM_FORMAAT, "%d-%m-%Y"])
    return forms.DateField(**kwargs)


def modelveld(model, naam: str, **kwargs):
    veld = model._meta.get_field(naam).formfield(**kwargs)
    if isinstance(veld, forms.DateField):
        veld.widget = DatumInvoer()
        veld.input_formats = [DATUM_FORMAAT, "%d-%m-%Y"]
    return veld


WIDGET_KLASSEN = {
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


class NLDSFormulier:
    """Mixin: NL Design System-klassen op elke widget en een helper voor servicefouten."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            for widgetklasse, klassen in WIDGET_KLASSEN.items():
                if isinstance(veld.widget, widgetklasse):
                    bestaand = veld.widget.attrs.get("class", "")
                    veld.widget.attrs["class"] = f"{bestaand} {klassen}".strip()
                    break

    def voeg_fouten_toe(self, exc: ValidationError) -> None:
        """Zet een ValidationError uit een service bij de juiste velden; fouten over velden
        die dit formulier niet heeft, komen bovenaan (niet aan een veld gebonden)."""
        if hasattr(exc, "error_dict"):
            for veld, fouten in exc.error_dict.items():
                self.add_error(veld if veld in self.fields else None, fouten)
        else:
            self.add_error(None, exc)


class BsnVeld(forms.CharField):
    """Een BSN; spaties en punten mogen, de 11-proef wordt gecontroleerd."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("BSN"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value):
        waarde = normaliseer_bsn(super().clean(value) or "")
        if waarde:
            valideer_bsn(waarde)
        return waarde


class VersieVeld(forms.IntegerField):
    """De versie van het record waarop een bewerkformulier gebaseerd is (verborgen veld).

    De service vergelijkt hem met de versie in de database; zo overschrijft niemand
    ongemerkt wat een collega intussen opsloeg (zie `services.Bewerkingsconflict`). Elk
    bewerkformulier van de werkplek stuurt hem mee en eist hem: een verzoek zonder versie (een
    script, een oude pagina, een gemanipuleerd formulier) of met een ongeldige waarde krijgt een
    melding en er wordt niets opgeslagen.
    """

    def __init__(self, **kwargs):
        melding = _("Het formulier is onvolledig verstuurd. Laad de pagina opnieuw en probeer "
                    "het nog eens.")
        kwargs.setdefault("required", True)
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("label", _("versie"))
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**31 - 1)
        kwargs.setdefault("error_messages", {
            soort: melding for soort in ("required", "invalid", "min_value", "max_value")
        })
        super().__init__(**kwargs)
