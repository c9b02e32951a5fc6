"""Plaatsing: registreren (eventueel met een nieuwe werkgever), wijzigen en beëindigen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import Contractvorm, Sector, Soort
from ..models import Bijeenkomst, Plaatsing, Vacature, Werkgever, vandaag
from .basis import NLDSFormulier, VersieVeld, datumveld, modelveld


class PlaatsingForm(NLDSFormulier, forms.Form):
    """Een plaatsing registreren. Wat altijd verplicht is, heeft `required=True` (geen
    '(optioneel)' bij het label); wat alleen bij sommige soorten verplicht is, zegt dat in de
    hulptekst. Niets staat vooraf ingevuld wat de medewerker niet koos."""

    soort = forms.ChoiceField(
        label=_("soort"), choices=[("", _("— kies de soort —")), *Soort.choices],
        error_messages={"required": _("Kies de soort plaatsing.")},
    )
    werkgever = forms.ModelChoiceField(
        queryset=None, label=_("werkgever"), required=False,
        empty_label=_("— nieuwe werkgever aanmaken (hieronder) —"),
        help_text=_("Verplicht bij baan, stage, werkervaringsplaats, proefplaatsing en "
                    "leerwerktraject: kies er een, of maak hieronder een nieuwe aan."),
    )
    werkgever_naam = forms.CharField(
        label=_("naam nieuwe werkgever"), required=False, max_length=200
    )
    werkgever_kvk_nummer = forms.CharField(
        label=_("KvK-nummer nieuwe werkgever"), required=False, max_length=8,
        help_text=_("Acht cijfers; optioneel."),
    )
    werkgever_sector = forms.ChoiceField(
        label=_("sector nieuwe werkgever"), required=False,
        choices=[("", _("— kies een sector —")), *Sector.choices],
    )
    functie = modelveld(Plaatsing, "functie")
    startdatum = datumveld(label=_("startdatum"))
    einddatum = datumveld(label=_("einddatum"), required=False,
                          help_text=_("Leeg als de plaatsing nog loopt."))
    uren_per_week = forms.IntegerField(
        label=_("uren per week"), required=False,
        help_text=_("Verplicht bij een baan; bij andere soorten leeg als het niet bekend is."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 60, "inputmode": "numeric"}),
    )
    contractvorm = forms.ChoiceField(
        label=_("contractvorm"), choices=[("", _("— kies de contractvorm —")),
                                          *Contractvorm.choices],
        error_messages={"required": _("Kies de contractvorm; zonder arbeidscontract is "
                                      "‘geen arbeidscontract’.")},
    )
    vacature = forms.ModelChoiceField(
        queryset=None, label=_("via vacature"), required=False, empty_label=_("— geen —"),
        help_text=_("Optioneel: de vacature waarop de deelnemer werd aangenomen."),
    )
    bijeenkomst = forms.ModelChoiceField(
        queryset=None, label=_("via bijeenkomst"), required=False, empty_label=_("— geen —"),
        help_text=_("Optioneel: de bijeenkomst waaruit de plaatsing voortkwam."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgever"].queryset = Werkgever.objects.voor(user).order_by("naam")
        self.fields["vacature"].queryset = (
            Vacature.objects.voor(user).select_related("werkgever").order_by("functie", "pk"))
        self.fields["bijeenkomst"].queryset = (
            Bijeenkomst.objects.voor(user).order_by("-datum", "-pk"))

    def nieuwe_werkgever(self) -> dict | None:
        d = self.cleaned_data
        if d.get("werkgever") or not (d.get("werkgever_naam") or d.get("werkgever_kvk_nummer")):
            return None
        return {
            "naam": d.get("werkgever_naam", ""),
            "kvk_nummer": d.get("werkgever_kvk_nummer", ""),
            "sector": d.get("werkgever_sector", ""),
        }


class PlaatsingBeeindigenForm(NLDSFormulier, forms.Form):
    einddatum = datumveld(label=_("einddatum"), initial=vandaag)
    versie = VersieVeld()


class PlaatsingWijzigenForm(NLDSFormulier, forms.Form):
    """Functie, einde, uren en contract van een plaatsing; soort, werkgever en start blijven."""

    functie = modelveld(Plaatsing, "functie")
    einddatum = datumveld(label=_("einddatum"), required=False,
                          help_text=_("Leeg als de plaatsing nog loopt."))
    uren_per_week = forms.IntegerField(
        label=_("uren per week"), required=False, min_value=0, max_value=60,
        help_text=_("Verplicht bij een baan."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 60, "inputmode": "numeric"}),
    )
    contractvorm = forms.ChoiceField(label=_("contractvorm"), choices=Contractvorm.choices)
    versie = VersieVeld()

    @staticmethod
    def initial_uit(plaatsing: Plaatsing) -> dict:
        velden = ("functie", "einddatum", "uren_per_week", "contractvorm", "versie")
        return {v: getattr(plaatsing, v) for v in velden}
