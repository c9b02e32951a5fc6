"""Werkgevers als partner: relatie, contactpersonen, contacten, social return, vacatures,
bijeenkomsten met aanwezigheid en voordrachten."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..models import (
    Bijeenkomst,
    Contactpersoon,
    SocialReturnAfspraak,
    Vacature,
    Voordracht,
    Werkgever,
    WerkgeverContact,
    vandaag,
)
from .basis import NLDSFormulier, VersieVeld, datumveld, modelveld


class _EigenGemeente(forms.Form):
    """Een keuze uit de eigen gemeenten; met één gemeente staat die al gekozen."""

    gemeente = forms.ModelChoiceField(queryset=None, label=_("gemeente"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.voor(user).order_by("naam")
        self.fields["gemeente"].queryset = gemeenten
        if len(gemeenten) == 1:
            self.fields["gemeente"].initial = gemeenten[0].pk


class WerkgeverRelatieForm(NLDSFormulier, forms.Form):
    sector = modelveld(Werkgever, "sector")
    grootte = modelveld(Werkgever, "grootte")
    werkakkoord = modelveld(Werkgever, "werkakkoord")
    werkakkoord_datum = datumveld(label=_("datum Werkakkoord"), required=False,
                                  help_text=_("Alleen bij een getekend Werkakkoord."))
    gemeenten = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("samenwerkende gemeenten"),
        help_text=_("U ziet alleen uw eigen gemeenten; andere samenwerkingen blijven staan."),
    )
    versie = VersieVeld()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].queryset = Gemeente.objects.voor(user).order_by("naam")


class ContactpersoonForm(NLDSFormulier, forms.Form):
    naam = modelveld(Contactpersoon, "naam")
    rol = modelveld(Contactpersoon, "rol")
    email = modelveld(Contactpersoon, "email")
    telefoon = modelveld(Contactpersoon, "telefoon")


class WerkgeverContactForm(NLDSFormulier, _EigenGemeente):
    datum = datumveld(label=_("datum"), initial=vandaag)
    soort = forms.ChoiceField(label=_("soort"), choices=[("", _("— kies —")),
                                                           *WerkgeverContact.Soort.choices])
    notitie = modelveld(WerkgeverContact, "notitie")


class SocialReturnForm(NLDSFormulier, _EigenGemeente):
    contract = modelveld(SocialReturnAfspraak, "contract")
    aantal_plaatsingen = modelveld(SocialReturnAfspraak, "aantal_plaatsingen")
    startdatum = datumveld(label=_("startdatum"))
    einddatum = datumveld(label=_("einddatum"),
                          help_text=_("Vóór deze datum moeten de plaatsingen er zijn."))


class VacatureForm(NLDSFormulier, _EigenGemeente):
    soort = modelveld(Vacature, "soort")
    functie = modelveld(Vacature, "functie")
    sector = modelveld(Vacature, "sector")
    uren_per_week = modelveld(Vacature, "uren_per_week")
    taalniveau = modelveld(Vacature, "taalniveau")
    aantal_plaatsen = modelveld(Vacature, "aantal_plaatsen")
    open_tot = datumveld(label=_("open tot"))


class BijeenkomstForm(NLDSFormulier, forms.Form):
    soort = forms.ChoiceField(label=_("soort"), choices=[("", _("— kies de soort —")),
                                                           *Bijeenkomst.Soort.choices])
    titel = modelveld(Bijeenkomst, "titel")
    datum = datumveld(label=_("datum"))
    plaats = modelveld(Bijeenkomst, "plaats")
    organisator = modelveld(Bijeenkomst, "organisator")
    gemeenten = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label=_("gemeenten"),
        error_messages={"required": _("Kies minstens één gemeente.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.voor(user).order_by("naam")
        self.fields["gemeenten"].queryset = gemeenten
        if len(gemeenten) == 1:
            self.fields["gemeenten"].initial = [gemeenten[0].pk]


class AanwezigheidForm(NLDSFormulier, forms.Form):
    werkgevers = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("werkgevers die er waren"),
    )
    deelnemers = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("deelnemers die er waren"),
        help_text=_("Deelnemers uit uw gemeenten met een lopend traject."),
    )
    versie = VersieVeld()

    def __init__(self, *args, werkgevers, deelnemers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgevers"].queryset = werkgevers
        self.fields["deelnemers"].queryset = deelnemers


class DeelnameForm(NLDSFormulier, forms.Form):
    bijeenkomst = forms.ModelChoiceField(
        queryset=None, label=_("bijeenkomst"), empty_label=_("— kies de bijeenkomst —"),
        error_messages={"required": _("Kies de bijeenkomst.")},
    )

    def __init__(self, *args, bijeenkomsten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijeenkomst"].queryset = bijeenkomsten


class VoordragenForm(NLDSFormulier, forms.Form):
    deelnemer = forms.IntegerField(widget=forms.HiddenInput)
    toelichting = modelveld(Voordracht, "toelichting")


class VoordrachtStatusForm(NLDSFormulier, forms.Form):
    status = forms.ChoiceField(label=_("nieuwe status"), choices=Voordracht.Status.choices,
                               widget=forms.RadioSelect)
    toelichting = modelveld(Voordracht, "toelichting")
    versie = VersieVeld()
