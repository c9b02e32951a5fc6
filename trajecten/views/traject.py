"""Traject: starten, intake, coach, status, uitvoerder en kosten."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..constants import Status
from ..forms import (
    BehandelaarForm,
    CoachToewijzenForm,
    IntakeForm,
    StatusForm,
    TrajectStartenForm,
    TrajectWijzigenForm,
    WachtlijstForm,
)
from .basis import _dossier_url, _formulierpagina, _post


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def traject_starten(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=TrajectStartenForm(_post(request), deelnemer=deelnemer),
        opslaan=partial(services.traject_starten, deelnemer=deelnemer, door=request.user),
        melding=_("Het traject is gestart (status: aangemeld)."),
        naar=_dossier_url(deelnemer.pk, "traject"),
        template="trajecten/traject_starten.html", context={"deelnemer": deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def intake(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    bestaand = selectors.intake_van(traject)
    return _formulierpagina(
        request, form=IntakeForm(_post(request), initial=IntakeForm.initial_uit(bestaand)),
        opslaan=partial(services.intake_vastleggen, traject=traject, door=request.user),
        melding=_("De intake is vastgelegd. Zet de acties (wat, wie, deadline) in het "
                  "actieplan."),
        naar=_dossier_url(traject.deelnemer_id, "intake"),
        template="trajecten/intake_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer, "bestaand": bestaand},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def coach_toewijzen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = CoachToewijzenForm(_post(request), user=request.user,
                              initial={"versie": traject.versie})
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.coach_toewijzen, traject=traject, door=request.user),
        melding=_("De coach is toegewezen."),
        naar=_dossier_url(traject.deelnemer_id, "traject"),
        template="trajecten/coach_form.html",
        context=lambda: {
            "traject": traject, "deelnemer": traject.deelnemer,
            "suggesties": selectors.coach_suggesties(traject=traject),
            "coach_telt": traject.coach is not None and traject.coach.is_inzetbaar(),
        },
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def status_wijzigen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = StatusForm(_post(request), traject=traject, initial={"versie": traject.versie})
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.status_wijzigen, traject=traject, door=request.user),
        melding=_("De status is gewijzigd."),
        naar=_dossier_url(traject.deelnemer_id, "traject"),
        template="trajecten/status_form.html",
        context={
            "traject": traject, "deelnemer": traject.deelnemer,
            "toegestaan": [Status(s) for s in form.toegestaan], "Status": Status,
        },
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def traject_wijzigen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request,
        form=TrajectWijzigenForm(
            _post(request), initial=TrajectWijzigenForm.initial_uit(traject)
        ),
        opslaan=partial(services.traject_wijzigen, traject=traject, door=request.user),
        melding=_("Het traject is opgeslagen."),
        naar=_dossier_url(traject.deelnemer_id, "traject"),
        template="trajecten/traject_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def behandelaar(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = BehandelaarForm(
        _post(request), traject=traject,
        initial={"behandelaar": traject.behandelaar_id, "versie": traject.versie},
    )
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.behandelaar_overdragen, traject=traject, door=request.user),
        melding=lambda t: _("Het traject is overgedragen aan %(naam)s.") % {
            "naam": t.behandelaar.get_full_name() or t.behandelaar.get_username()
        },
        naar=_dossier_url(traject.deelnemer_id, "traject"),
        template="trajecten/behandelaar_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_POST
def wachtlijst(request, pk: int):
    """Geen coach beschikbaar: het traject op de wachtlijst zetten (alleen POST, vanaf de
    pagina 'Coach toewijzen')."""
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = WachtlijstForm(request.POST)
    fouten = list(form.errors.get("versie", []))
    if form.is_valid():
        try:
            services.op_wachtlijst_zetten(traject=traject, door=request.user,
                                          **form.cleaned_data)
        except ValidationError as exc:
            fouten = exc.messages
    if fouten:
        messages.error(request, " ".join(fouten))
        return redirect("trajecten:coach_toewijzen", pk=traject.pk)
    messages.success(request, _(
        "Het traject staat op de wachtlijst voor een coach. Het staat in de werkvoorraad tot "
        "er een coach is; de beheerder ziet het coachtekort per gemeente."
    ))
    return redirect(_dossier_url(traject.deelnemer_id, "traject"))
