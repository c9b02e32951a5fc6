"""Traject: starten, intake, coach, status, uitvoerder en kosten."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import OVERGANGEN, Belemmering, RedenAfgerond, Sector, Status, Uitvoerder
from ..models import Coach, Intake, Traject, vandaag
from ..selectors import lopende_programmas, medewerkers_van
from .basis import NLDSFormulier, VersieVeld, datumveld, modelveld


class TrajectStartenForm(NLDSFormulier, forms.Form):
    programma = forms.ModelChoiceField(
        queryset=None, label=_("programma"),
        error_messages={"invalid_choice": _("Kies een programma dat vandaag loopt in de "
                                            "gemeente van de deelnemer.")},
    )
    uitvoerder = forms.ChoiceField(label=_("uitvoerder"), choices=Uitvoerder.choices)
    aanmelddatum = datumveld(label=_("aanmelddatum"), initial=vandaag)

    def __init__(self, *args, deelnemer, **kwargs):
        super().__init__(*args, **kwargs)
        # Alleen programma's die vandaag lopen in de gemeente van de deelnemer; de service
        # controleert de aanmelddatum en de gemeente nog eens, wat het formulier ook stuurt.
        programmas = lopende_programmas(gemeente=deelnemer.gemeente_id)
        self.fields["programma"].queryset = programmas
        if len(programmas) == 1:
            self.fields["programma"].initial = programmas[0].pk


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
        help_text=_("De toelichting op het individueel actieplan: doelen en aanpak. De acties "
                    "zelf (wat, wie, deadline) zet u na het opslaan in het actieplan."),
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
    reden_afgerond = forms.ChoiceField(
        label=_("reden van afronden"), required=False,
        choices=[("", _("— kies een reden —")), *RedenAfgerond.choices],
        help_text=_("Verplicht bij ‘afgerond’. ‘Werk’ alleen na een baan, stage of "
                    "werkervaringsplaats."),
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


class WachtlijstForm(NLDSFormulier, forms.Form):
    """De knop 'Op de wachtlijst zetten' (op de pagina 'Coach toewijzen'): alleen de versie
    van het traject waarop de pagina gebaseerd was."""

    versie = VersieVeld()


class BehandelaarForm(NLDSFormulier, forms.Form):
    """Een traject overdragen aan een collega van dezelfde gemeente."""

    behandelaar = forms.ModelChoiceField(
        queryset=None, label=_("nieuwe behandelaar"),
        error_messages={"required": _("Kies een collega."),
                        "invalid_choice": _("Kies een medewerker van de gemeente van het "
                                            "traject.")},
    )
    versie = VersieVeld()

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        # Zoals `AfspraakForm`: collega's uit de gemeente waar de deelnemer nu woont.
        self.fields["behandelaar"].queryset = medewerkers_van(traject.deelnemer.gemeente_id)
        self.fields["behandelaar"].label_from_instance = (
            lambda u: u.get_full_name() or u.get_username()
        )
