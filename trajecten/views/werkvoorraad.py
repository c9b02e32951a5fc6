"""De werkvoorraad."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from gemeenten.toegang import Toegang, toegang

from .. import selectors


@toegang(Toegang.MEDEWERKER)
@require_GET
def werkvoorraad(request):
    groepen = selectors.werkvoorraad(user=request.user)
    return render(request, "trajecten/werkvoorraad.html", {
        "groepen": groepen,
        "totaal": sum(g.aantal for g in groepen),
    })
