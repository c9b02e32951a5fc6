"""Deelnemer: persoonsgegevens, zoeken op BSN en verhuizen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import Taal
from ..models import Deelnemer, vandaag
from ..selectors import alle_gemeenten
from .basis import BsnVeld, NLDSFormulier, VersieVeld, datumveld, modelveld


class DeelnemerForm(NLDSFormulier, forms.Form):
    """Persoonsgegevens van een deelnemer (registreren en wijzigen)."""

    voornaam = modelveld(Deelnemer, "voornaam")
    achternaam = modelveld(Deelnemer, "achternaam")
    geboortedatum = modelveld(Deelnemer, "geboortedatum")
    land_van_herkomst = modelveld(Deelnemer, "land_van_herkomst")
    gemeente = forms.ModelChoiceField(queryset=None, label=_("gemeente"))
    bsn = BsnVeld(required=False, help_text=_("Negen cijfers; optioneel."))
    v_nummer = modelveld(Deelnemer, "v_nummer")
    telefoon = modelveld(Deelnemer, "telefoon")
    email = modelveld(Deelnemer, "email")
    datum_verblijfsvergunning = modelveld(Deelnemer, "datum_verblijfsvergunning")
    taalniveau = modelveld(Deelnemer, "taalniveau")
    talen = forms.MultipleChoiceField(
        label=_("talen die de deelnemer spreekt"), choices=Taal.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opleidingsniveau = modelveld(Deelnemer, "opleidingsniveau")
    inburgering = modelveld(Deelnemer, "inburgering")
    toestemming_datum = modelveld(
        Deelnemer, "toestemming_datum",
        help_text=_("Datum waarop de deelnemer schriftelijk toestemming gaf voor het verwerken "
                    "van zijn gegevens. Zonder toestemming kan er geen traject starten."),
    )
    dubbel_bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)
    versie = VersieVeld()

    def __init__(self, *args, user, met_gemeente: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if met_gemeente:
            gemeenten = Gemeente.objects.voor(user)
            self.fields["gemeente"].queryset = gemeenten
            if len(gemeenten) == 1:
                self.fields["gemeente"].initial = gemeenten[0].pk
            del self.fields["versie"]
        else:
            del self.fields["gemeente"]
            del self.fields["dubbel_bevestigd"]
        self.fields["geboortedatum"].widget.attrs["max"] = vandaag().isoformat()
        self.fields["toestemming_datum"].widget.attrs["max"] = vandaag().isoformat()
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    @staticmethod
    def initial_uit(deelnemer: Deelnemer) -> dict:
        velden = [
            "voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "bsn", "v_nummer",
            "telefoon", "email", "datum_verblijfsvergunning", "taalniveau", "talen",
            "opleidingsniveau", "inburgering", "toestemming_datum",
        ]
        data = {v: getattr(deelnemer, v) for v in velden}
        data["land_van_herkomst"] = deelnemer.land_van_herkomst.code
        data["versie"] = deelnemer.versie
        return data


class BsnZoekForm(NLDSFormulier, forms.Form):
    bsn = BsnVeld(required=True, label=_("BSN"))


class VerhuizenForm(NLDSFormulier, forms.Form):
    naar_gemeente = forms.ModelChoiceField(queryset=None, label=_("nieuwe gemeente"))
    verhuisdatum = datumveld(label=_("verhuisdatum"), initial=vandaag, required=False,
                             help_text=_("Leeg: vandaag."))
    overdrachtsnotitie = forms.CharField(
        label=_("overdrachtsnotitie voor de nieuwe gemeente"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waar staat de deelnemer, wat loopt er, waar moet de nieuwe medewerker "
                    "op letten? Geen BSN."),
    )
    bevestigd = forms.BooleanField(
        label=_("Ik begrijp dat de deelnemer met het lopende traject naar de nieuwe gemeente "
                "gaat en dat deze gemeente het dossier daarna niet meer ziet."),
        error_messages={"required": _("Bevestig de verhuizing.")},
    )
    versie = VersieVeld()

    def __init__(self, *args, deelnemer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_gemeente"].queryset = alle_gemeenten().exclude(pk=deelnemer.gemeente_id)
