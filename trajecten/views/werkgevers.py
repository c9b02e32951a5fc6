"""Werkgevers van de eigen gemeenten: lijst, detail, nieuw."""

from __future__ import annotations

from functools import partial

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..forms import WerkgeverForm
from .basis import _formulierpagina, _pagina, _post


@toegang(Toegang.MEDEWERKER)
@require_GET
def werkgever_lijst(request):
    qs = selectors.werkgever_lijst(user=request.user)
    # PostgreSQL weigert NUL-tekens in tekst; in een zoekterm betekenen ze niets.
    zoek = request.GET.get("zoek", "").replace("\x00", "").strip()
    if zoek:
        qs = qs.filter(Q(naam__icontains=zoek) | Q(kvk_nummer=zoek))
    return render(request, "trajecten/werkgever_lijst.html", {
        "pagina": _pagina(request, qs), "zoek": zoek,
    })


@toegang(Toegang.MEDEWERKER)
@require_GET
def werkgever_detail(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    plaatsingen = selectors.plaatsingen_bij_werkgever(user=request.user, werkgever=werkgever)
    return render(request, "trajecten/werkgever_detail.html", {
        "werkgever": werkgever, "pagina": _pagina(request, plaatsingen),
        **selectors.werkgever_relatie(user=request.user, werkgever=werkgever),
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def werkgever_nieuw(request):
    return _formulierpagina(
        request, form=WerkgeverForm(_post(request), user=request.user),
        opslaan=partial(services.werkgever_registreren, door=request.user),
        melding=_("De werkgever is geregistreerd."),
        naar=lambda werkgever: reverse("trajecten:werkgever_detail", args=[werkgever.pk]),
        template="trajecten/werkgever_form.html",
        controleer=(reverse("trajecten:werkgever_lijst"), _("de lijst van werkgevers")),
    )
