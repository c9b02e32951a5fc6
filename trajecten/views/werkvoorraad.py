"""De werkvoorraad: één lijst, het meest urgente eerst."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from gemeenten.toegang import Toegang, toegang

from .. import selectors
from .basis import bereiklinks, mijn_dossiers


@toegang(Toegang.MEDEWERKER)
@require_GET
def werkvoorraad(request):
    mijn = mijn_dossiers(request)
    return render(request, "trajecten/werkvoorraad.html", {
        "werkvoorraad": selectors.werkvoorraad(user=request.user, mijn=mijn),
        "mijn": mijn,
        "bereiklinks": bereiklinks(request, mijn),
    })
