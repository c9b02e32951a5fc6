import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .models import Programma
from .tabel import SORTEERBAAR

#: Daarbuiten weigeren de filters een datum (geen jaar 1 of 9999 in de rekenkunde).
VROEGSTE_DATUM = datetime.date(1900, 1, 1)
LAATSTE_DATUM = datetime.date(2100, 12, 31)
BUITEN_BEREIK = _("Kies een datum tussen 1-1-1900 en 31-12-2100.")


class RapportageFilterForm(forms.Form):
    """De filters van dashboards en exports; ze staan in de URL (GET), dus een view is te
    bookmarken en te delen. Alles is optioneel: zonder filters het programma van vandaag over
    zijn hele looptijd, over alle gemeenten die de gebruiker mag zien.

    `vorig_programma` (verborgen) is het programma waar de getoonde periode bij hoorde: kiest
    de gebruiker een ander programma, dan springt de periode naar de looptijd van dat
    programma, ook zonder JavaScript. `sorteer` is de kolom van de tabel per gemeente
    (`-` ervoor: aflopend).
    """

    programma = forms.ModelChoiceField(
        label=_("Programma"), queryset=Programma.objects.all(), required=False,
        error_messages={"invalid_choice": _("Kies een bestaand programma.")},
    )
    van = forms.DateField(label=_("Van"), required=False,
                          error_messages={"invalid": _("Vul een geldige begindatum in "
                                                       "(jjjj-mm-dd).")})
    tot = forms.DateField(label=_("Tot en met"), required=False,
                          error_messages={"invalid": _("Vul een geldige einddatum in "
                                                       "(jjjj-mm-dd).")})
    gemeente = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"), queryset=Gemeente.objects.none(), required=False,
        to_field_name="cbs_code",
        error_messages={
            "invalid_choice": _("Onbekende gemeente of geen toegang: %(value)s."),
            "invalid_pk_value": _("Onbekende gemeente: %(pk)s."),
        },
    )
    vorig_programma = forms.IntegerField(
        label=_("Vorig programma"), required=False, widget=forms.HiddenInput,
        error_messages={"invalid": _("Het vorige programma is geen nummer; kies de filters "
                                     "opnieuw.")},
    )
    sorteer = forms.ChoiceField(
        label=_("Sorteren op"), required=False,
        choices=[(k, k) for k in SORTEERBAAR] + [(f"-{k}", f"-{k}") for k in SORTEERBAAR],
        error_messages={"invalid_choice": _("Op de kolom %(value)s kan niet gesorteerd "
                                            "worden.")},
    )

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is None:
            del self.fields["gemeente"]
        else:
            self.fields["gemeente"].queryset = gemeenten

    @staticmethod
    def _in_bereik(datum):
        if datum is not None and not VROEGSTE_DATUM <= datum <= LAATSTE_DATUM:
            raise forms.ValidationError(BUITEN_BEREIK, code="buiten_bereik")
        return datum

    def clean_van(self):
        return self._in_bereik(self.cleaned_data.get("van"))

    def clean_tot(self):
        return self._in_bereik(self.cleaned_data.get("tot"))

    def clean(self):
        data = super().clean()
        programma = data.get("programma") or Programma.objects.huidig()
        if programma is None:
            raise forms.ValidationError(_("Er is nog geen programma om over te rapporteren."))
        data["programma"] = programma
        if self.errors:
            return data
        gewisseld = data.get("vorig_programma") not in (None, programma.pk)
        data["periode_teruggezet"] = gewisseld and bool(data.get("van") or data.get("tot"))
        if gewisseld:
            data["van"], data["tot"] = programma.startdatum, programma.einddatum
        data["van"] = data.get("van") or programma.startdatum
        data["tot"] = data.get("tot") or programma.einddatum
        if data["van"] < VROEGSTE_DATUM or data["tot"] > LAATSTE_DATUM:
            raise forms.ValidationError(
                _("De looptijd van dit programma ligt buiten 1900–2100; kies zelf een "
                  "periode daarbinnen."), code="buiten_bereik")
        if data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data
