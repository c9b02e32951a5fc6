"""Formulieren van de werkplek: ze lezen en typeren de invoer; de regels staan in `services/`.

Velden komen waar het kan uit het model (`formfield()`), zodat labels en keuzes één bron
hebben. `NLDSFormulier` geeft elke widget de NL Design System-klassen; foutmeldingen,
`aria-describedby` en `aria-invalid` regelt de tag `{% veld %}`
(templatetags/werkplek_formulieren.py).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente
from rapportage.models import Programma

from .constants import (
    OVERGANGEN,
    Belemmering,
    ContactSoort,
    Contractvorm,
    Sector,
    Soort,
    Status,
    Taal,
    Uitvoerder,
)
from .models import Coach, Deelnemer, Intake, Plaatsing, Traject, Werkgever, vandaag
from .selectors import alle_gemeenten
from .validators import normaliseer_bsn, valideer_bsn

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


class TrajectStartenForm(NLDSFormulier, forms.Form):
    programma = forms.ModelChoiceField(queryset=None, label=_("programma"))
    uitvoerder = forms.ChoiceField(label=_("uitvoerder"), choices=Uitvoerder.choices)
    aanmelddatum = datumveld(label=_("aanmelddatum"), initial=vandaag)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programma"].queryset = Programma.objects.order_by("-startdatum")
        lopend = Programma.objects.huidig()
        if lopend:
            self.fields["programma"].initial = lopend.pk


class IntakeForm(NLDSFormulier, forms.Form):
    datum = datumveld(label=_("datum van de intake"), initial=vandaag)
    beroepswens = modelveld(Intake, "beroepswens")
    sector = forms.ChoiceField(
        label=_("sector van de beroepswens"), required=False,
        choices=[("", _("— kies een sector —")), *Sector.choices],
    )
    belemmeringen = forms.MultipleChoiceField(
        label=_("belemmeringen"), choices=Belemmering.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actieplan = modelveld(
        Intake, "actieplan",
        help_text=_("Het individueel actieplan: doelen, stappen en wie wat doet."),
    )
    # 0: het formulier is geopend toen er nog geen intake was.
    versie = VersieVeld(min_value=0)

    @staticmethod
    def initial_uit(intake: Intake | None) -> dict:
        if intake is None:
            return {"versie": 0}
        velden = ("datum", "beroepswens", "sector", "belemmeringen", "actieplan", "versie")
        return {v: getattr(intake, v) for v in velden}


class CoachToewijzenForm(NLDSFormulier, forms.Form):
    coach = forms.ModelChoiceField(
        queryset=None, label=_("coach"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies een coach.")},
    )
    versie = VersieVeld()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Het formulier accepteert elke coach uit de gemeenten van de gebruiker; of die coach
        # dít traject mag krijgen (VOG, capaciteit, gemeente) beslist de service.
        self.fields["coach"].queryset = Coach.objects.voor(user)


class StatusForm(NLDSFormulier, forms.Form):
    naar = forms.ChoiceField(
        label=_("nieuwe status"), choices=Status.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Kies de nieuwe status.")},
    )
    reden_uitval = forms.CharField(
        label=_("reden van uitval"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij ‘uitgevallen’."),
    )
    datum = datumveld(
        label=_("einddatum"), required=False, initial=vandaag,
        help_text=_("Bij ‘afgerond’ of ‘uitgevallen’; standaard vandaag."),
    )
    versie = VersieVeld()

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.toegestaan = [
            s for s in OVERGANGEN.get(Status(traject.status), []) if s != Status.INTAKE
        ]


class PlaatsingForm(NLDSFormulier, forms.Form):
    soort = forms.ChoiceField(label=_("soort"), choices=Soort.choices)
    werkgever = forms.ModelChoiceField(
        queryset=None, label=_("werkgever"), required=False,
        empty_label=_("— nieuwe werkgever aanmaken (hieronder) —"),
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
        label=_("uren per week"), initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "max": 60, "inputmode": "numeric"}),
    )
    contractvorm = forms.ChoiceField(label=_("contractvorm"), choices=Contractvorm.choices,
                                     initial=Contractvorm.GEEN)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgever"].queryset = Werkgever.objects.voor(user).order_by("naam")

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
        label=_("uren per week"), min_value=0, max_value=60,
        widget=forms.NumberInput(attrs={"min": 0, "max": 60, "inputmode": "numeric"}),
    )
    contractvorm = forms.ChoiceField(label=_("contractvorm"), choices=Contractvorm.choices)
    versie = VersieVeld()

    @staticmethod
    def initial_uit(plaatsing: Plaatsing) -> dict:
        velden = ("functie", "einddatum", "uren_per_week", "contractvorm", "versie")
        return {v: getattr(plaatsing, v) for v in velden}


class TrajectWijzigenForm(NLDSFormulier, forms.Form):
    """Uitvoerder en kosten van een traject (coach en status hebben hun eigen formulier)."""

    uitvoerder = forms.ChoiceField(label=_("uitvoerder"), choices=Uitvoerder.choices)
    kosten = modelveld(
        Traject, "kosten", min_value=0, localize=True,
        help_text=_("In euro's, bijvoorbeeld 2500 of 1250,50."),
    )
    versie = VersieVeld()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kosten"].widget.attrs["inputmode"] = "decimal"

    @staticmethod
    def initial_uit(traject: Traject) -> dict:
        return {v: getattr(traject, v) for v in ("uitvoerder", "kosten", "versie")}


class ContactmomentForm(NLDSFormulier, forms.Form):
    soort = forms.ChoiceField(label=_("soort contact"), choices=ContactSoort.choices,
                              initial=ContactSoort.GESPREK)
    datum = datumveld(label=_("datum"), initial=vandaag)
    notitie = forms.CharField(label=_("notitie"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].widget.attrs["max"] = vandaag().isoformat()


class VerhuizenForm(NLDSFormulier, forms.Form):
    naar_gemeente = forms.ModelChoiceField(queryset=None, label=_("nieuwe gemeente"))
    bevestigd = forms.BooleanField(
        label=_("Ik begrijp dat de deelnemer met het lopende traject naar de nieuwe gemeente "
                "gaat en dat deze gemeente het dossier daarna niet meer ziet."),
        error_messages={"required": _("Bevestig de verhuizing.")},
    )
    versie = VersieVeld()

    def __init__(self, *args, deelnemer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_gemeente"].queryset = alle_gemeenten().exclude(pk=deelnemer.gemeente_id)


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


__all__ = [
    "BsnZoekForm",
    "CoachToewijzenForm",
    "ContactmomentForm",
    "DeelnemerForm",
    "IntakeForm",
    "PlaatsingBeeindigenForm",
    "PlaatsingForm",
    "PlaatsingWijzigenForm",
    "StatusForm",
    "TrajectStartenForm",
    "TrajectWijzigenForm",
    "VerhuizenForm",
    "WerkgeverForm",
]
