from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .models import Programma


class RapportageFilterForm(forms.Form):
    """De filters van dashboards en exports; ze staan in de URL (GET), dus een view is te
    bookmarken en te delen. Alles is optioneel: zonder filters het programma van vandaag over
    zijn hele looptijd, over alle gemeenten die de gebruiker mag zien."""

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

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten is None:
            del self.fields["gemeente"]
        else:
            self.fields["gemeente"].queryset = gemeenten

    def clean(self):
        data = super().clean()
        programma = data.get("programma") or Programma.objects.huidig()
        if programma is None:
            raise forms.ValidationError(_("Er is nog geen programma om over te rapporteren."))
        data["programma"] = programma
        if not self.errors:
            data["van"] = data.get("van") or programma.startdatum
            data["tot"] = data.get("tot") or programma.einddatum
            if data["van"] > data["tot"]:
                self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data
