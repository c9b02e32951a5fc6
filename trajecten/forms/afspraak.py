"""De agenda: een afspraak plannen of wijzigen, gehouden (met het verslag), afmelden."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import AFMELDINGEN, CONTACT_BIJ_AFSPRAAK, AfspraakSoort, ContactSoort
from ..models import Afspraak, vandaag
from ..selectors import medewerkers_van
from .basis import NLDSFormulier, VersieVeld, datumveld, modelveld


class TijdInvoer(forms.TimeInput):
    """`<input type="time">`; de browser toont de tijd in de taal van de gebruiker."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class AfspraakForm(NLDSFormulier, forms.Form):
    soort = forms.ChoiceField(
        label=_("soort afspraak"), choices=[("", _("— kies de soort —")), *AfspraakSoort.choices],
        error_messages={"required": _("Kies de soort afspraak.")},
    )
    datum = datumveld(label=_("datum"))
    tijd = forms.TimeField(label=_("tijd"), widget=TijdInvoer(), input_formats=["%H:%M"])
    duur_minuten = forms.TypedChoiceField(
        label=_("duur"), coerce=int, initial=60,
        choices=[(m, _("%(m)s minuten") % {"m": m}) for m in (15, 30, 45, 60, 90, 120)],
    )
    locatie = modelveld(
        Afspraak, "locatie",
        help_text=_("Bijvoorbeeld ‘gemeentehuis, spreekkamer 2’ of ‘telefonisch’. Geen adres of "
                    "naam van de deelnemer: de locatie staat ook in uw agenda-abonnement."),
    )
    notitie = modelveld(
        Afspraak, "notitie", widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen in het dossier, niet in het agenda-abonnement."),
    )
    medewerker = forms.ModelChoiceField(
        queryset=None, label=_("in de agenda van"),
        error_messages={"invalid_choice": _("Kies een medewerker van de gemeente van het "
                                            "traject.")},
    )

    def __init__(self, *args, traject, user, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["medewerker"]
        # De gemeente waar de deelnemer nu woont (toegang volgt de persoon); voor een open
        # traject is dat ook de gemeente van het traject.
        veld.queryset = medewerkers_van(traject.deelnemer.gemeente_id)
        veld.label_from_instance = lambda u: u.get_full_name() or u.get_username()
        veld.initial = user.pk
        self.fields["datum"].widget.attrs["min"] = vandaag().isoformat()


class AfspraakWijzigenForm(AfspraakForm):
    """Verzetten of wijzigen; in wiens agenda hij staat, volgt de behandelaar."""

    versie = VersieVeld()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["medewerker"]

    @staticmethod
    def initial_uit(afspraak: Afspraak) -> dict:
        velden = ("soort", "datum", "tijd", "duur_minuten", "locatie", "notitie", "versie")
        return {v: getattr(afspraak, v) for v in velden}


class AfspraakGehoudenForm(NLDSFormulier, forms.Form):
    """Het verslag van een gehouden afspraak: een contactmoment, voorgevuld uit de afspraak.
    Bij de nazorg na zes maanden ook: loopt de plaatsing nog?"""

    soort = forms.ChoiceField(label=_("soort contact"), choices=ContactSoort.choices)
    datum = datumveld(label=_("datum"))
    notitie = forms.CharField(label=_("verslag"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    plaatsing_loopt = forms.TypedChoiceField(
        label=_("loopt de plaatsing nog?"), widget=forms.RadioSelect,
        choices=[("ja", _("ja, de plaatsing loopt nog")),
                 ("nee", _("nee, de plaatsing is beëindigd"))],
        coerce=lambda w: w == "ja",
        error_messages={"required": _("Zeg of de plaatsing nog loopt.")},
    )
    plaatsing_einddatum = datumveld(
        label=_("einddatum van de plaatsing"), required=False,
        help_text=_("Alleen als de plaatsing is beëindigd."),
    )
    versie = VersieVeld()

    def __init__(self, *args, afspraak: Afspraak, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].widget.attrs["max"] = vandaag().isoformat()
        if not afspraak.is_zesmaandencontrole:
            del self.fields["plaatsing_loopt"]
            del self.fields["plaatsing_einddatum"]

    @staticmethod
    def initial_uit(afspraak: Afspraak) -> dict:
        return {
            "soort": CONTACT_BIJ_AFSPRAAK[afspraak.soort],
            "datum": min(afspraak.datum, vandaag()),
            "notitie": afspraak.notitie,
            "versie": afspraak.versie,
        }


class AfspraakAfmeldenForm(NLDSFormulier, forms.Form):
    status = forms.ChoiceField(
        label=_("wat gebeurde er?"), widget=forms.RadioSelect,
        choices=[(s.value, s.label) for s in AFMELDINGEN],
        error_messages={"required": _("Kies ‘niet verschenen’ of ‘geannuleerd’.")},
    )
    versie = VersieVeld()

