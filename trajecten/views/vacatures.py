"""Vacatures, passende deelnemers en voordrachten (intern: de werkgever ziet niets)."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..constants import OPEN_STATUSSEN
from ..forms import VacatureForm, VoordrachtStatusForm, VoordragenForm
from ..models import Voordracht
from .basis import _formulierpagina, _pagina, _post


def voorinvullen(request, traject) -> dict:
    """De beginwaarden van het plaatsingsformulier na een aangenomen voordracht
    (`?voordracht=<nummer>`): soort, werkgever, functie, uren en de vacature. Een onbekend
    of ander nummer vult niets in."""
    nummer = request.GET.get("voordracht", "")
    if not nummer.isdigit():
        return {}
    voordracht = (
        Voordracht.objects.voor(request.user)
        .filter(pk=int(nummer), deelnemer_id=traject.deelnemer_id,
                status=Voordracht.Status.AANGENOMEN)
        .select_related("vacature").first()
    )
    if voordracht is None:
        return {}
    v = voordracht.vacature
    return {"soort": v.soort, "werkgever": v.werkgever_id, "functie": v.functie,
            "uren_per_week": v.uren_per_week, "vacature": v.pk}


@toegang(Toegang.MEDEWERKER)
@require_GET
def vacature_lijst(request):
    ook_gesloten = request.GET.get("ook_gesloten") == "1"
    qs = selectors.vacature_lijst(user=request.user, ook_gesloten=ook_gesloten)
    return render(request, "trajecten/vacature_lijst.html", {
        "pagina": _pagina(request, qs), "ook_gesloten": ook_gesloten,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def vacature_nieuw(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=VacatureForm(_post(request), user=request.user,
                                   initial={"sector": werkgever.sector}),
        opslaan=partial(services.vacature_registreren, werkgever=werkgever, door=request.user),
        melding=_("De vacature is geregistreerd."),
        naar=lambda vacature: reverse("trajecten:vacature_detail", args=[vacature.pk]),
        template="trajecten/relatie_form.html",
        context={"werkgever": werkgever, "titel": _("Vacature of stageplaats registreren")},
    )


@toegang(Toegang.MEDEWERKER)
@require_GET
def vacature_detail(request, pk: int):
    vacature = selectors.vacature_ophalen(user=request.user, pk=pk)
    return render(request, "trajecten/vacature_detail.html", {
        "vacature": vacature,
        "voordrachten": list(selectors.voordrachten_bij(user=request.user, vacature=vacature)),
        "kandidaten": selectors.vacature_kandidaten(user=request.user, vacature=vacature),
    })


@toegang(Toegang.MEDEWERKER)
@require_POST
def voordragen(request, pk: int):
    vacature = selectors.vacature_ophalen(user=request.user, pk=pk)
    form = VoordragenForm(request.POST)
    naar = reverse("trajecten:vacature_detail", args=[vacature.pk])
    if not form.is_valid():
        messages.error(request, _("Kies een deelnemer om voor te dragen."))
        return redirect(naar)
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=form.cleaned_data["deelnemer"])
    try:
        services.voordragen(vacature=vacature, deelnemer=deelnemer, door=request.user,
                            toelichting=form.cleaned_data["toelichting"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(naam)s is voorgedragen.") % {"naam": deelnemer})
    return redirect(naar)


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def voordracht_status(request, pk: int):
    voordracht = selectors.voordracht_ophalen(user=request.user, pk=pk)
    form = VoordrachtStatusForm(_post(request), initial={
        "status": voordracht.status, "toelichting": voordracht.toelichting,
        "versie": voordracht.versie,
    })

    def naar(v: Voordracht) -> str:
        if v.status == Voordracht.Status.AANGENOMEN:
            traject = v.deelnemer.trajecten.filter(status__in=OPEN_STATUSSEN).order_by(
                "-aanmelddatum", "-pk").first()
            if traject:
                url = reverse("trajecten:plaatsing_nieuw", args=[traject.pk])
                return f"{url}?voordracht={v.pk}"
        return reverse("trajecten:vacature_detail", args=[v.vacature_id])

    def melding(v: Voordracht) -> str:
        if v.status == Voordracht.Status.AANGENOMEN:
            return _("De deelnemer is aangenomen. Leg nu de plaatsing vast; het formulier is "
                     "ingevuld met de gegevens van de vacature.")
        return _("De voordracht staat nu op ‘%(status)s’.") % {"status": v.get_status_display()}

    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.voordracht_status_wijzigen, voordracht=voordracht,
                        door=request.user),
        melding=melding, naar=naar,
        template="trajecten/voordracht_form.html",
        context={"voordracht": voordracht, "deelnemer": voordracht.deelnemer,
                 "overgangen": services.VOORDRACHT_OVERGANGEN.get(voordracht.status, [])},
    )
