"""Bijeenkomsten: plannen, achteraf vastleggen wie er was (op de pagina van de bijeenkomst of
vanuit het dossier)."""

from __future__ import annotations

from functools import partial

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..forms import AanwezigheidForm, BijeenkomstForm, DeelnameForm
from ..models import Werkgever
from .basis import _dossier_url, _formulierpagina, _pagina, _post


@toegang(Toegang.MEDEWERKER)
@require_GET
def bijeenkomst_lijst(request):
    return render(request, "trajecten/bijeenkomst_lijst.html", {
        "pagina": _pagina(request, selectors.bijeenkomst_lijst(user=request.user)),
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def bijeenkomst_nieuw(request):
    return _formulierpagina(
        request, form=BijeenkomstForm(_post(request), user=request.user),
        opslaan=partial(services.bijeenkomst_plannen, door=request.user),
        melding=_("De bijeenkomst is gepland."),
        naar=lambda b: reverse("trajecten:bijeenkomst_detail", args=[b.pk]),
        template="trajecten/relatie_form.html",
        context={"titel": _("Bijeenkomst plannen"),
                 "terug": reverse("trajecten:bijeenkomst_lijst")},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def bijeenkomst_detail(request, pk: int):
    """De bijeenkomst met wie er was, en het formulier om de aanwezigheid vast te leggen."""
    bijeenkomst = selectors.bijeenkomst_ophalen(user=request.user, pk=pk)
    aanwezig = selectors.aanwezigen(user=request.user, bijeenkomst=bijeenkomst)
    form = AanwezigheidForm(
        _post(request),
        werkgevers=Werkgever.objects.voor(request.user).order_by("naam"),
        deelnemers=selectors.kandidaat_aanwezigen(user=request.user, bijeenkomst=bijeenkomst),
        initial={"werkgevers": [w.pk for w in aanwezig["werkgevers"]],
                 "deelnemers": [d.pk for d in aanwezig["deelnemers"]],
                 "versie": bijeenkomst.versie},
    )
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.aanwezigheid_vastleggen, bijeenkomst=bijeenkomst,
                        door=request.user),
        melding=_("De aanwezigheid is vastgelegd."),
        naar=reverse("trajecten:bijeenkomst_detail", args=[bijeenkomst.pk]),
        template="trajecten/bijeenkomst_detail.html",
        context={"bijeenkomst": bijeenkomst, **aanwezig},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelname_nieuw(request, pk: int):
    """Vanuit het dossier: de deelnemer was bij een bijeenkomst."""
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = DeelnameForm(_post(request), bijeenkomsten=selectors.bijeenkomsten_voor_deelnemer(
        user=request.user, deelnemer=deelnemer))
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.deelname_vastleggen, deelnemer=deelnemer, door=request.user),
        melding=_("De deelname aan de bijeenkomst is vastgelegd."),
        naar=_dossier_url(deelnemer.pk, "tijdlijn"),
        template="trajecten/relatie_form.html",
        context={"deelnemer": deelnemer, "titel": _("Bij een bijeenkomst geweest"),
                 "terug": _dossier_url(deelnemer.pk)},
    )
