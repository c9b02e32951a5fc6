"""Wat elke view van de werkplek deelt: de dossier-URL, POST-gegevens, pagineren en het vaste
verloop van een formulier (`_formulierpagina`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from .. import services

PAGINAGROOTTE = 25


def _dossier_url(deelnemer_id: int, anker: str = "") -> str:
    url = reverse("trajecten:dossier", args=[deelnemer_id])
    return f"{url}#{anker}" if anker else url


def _post(request):
    """De POST-gegevens, ook als die leeg zijn (een leeg formulier is gebonden en ongeldig)."""
    return request.POST if request.method == "POST" else None


def _pagina(request, queryset, grootte=PAGINAGROOTTE):
    return Paginator(queryset, grootte).get_page(request.GET.get("page"))


def _formulierpagina(
    request, *, form, opslaan, melding, naar, template: str, context=None, bij_fout=None
) -> HttpResponse:
    """Het vaste verloop van elk formulier van de werkplek (POST-redirect-GET).

    GET, of een ongeldig formulier: de pagina met het formulier. Een geldig formulier gaat naar
    `opslaan(**form.cleaned_data)` (één service); gelukt → succesmelding `melding` en een
    redirect naar `naar` (allebei een waarde, of een functie van wat `opslaan` teruggaf).
    Een `Bewerkingsconflict` komt als `conflict` op de pagina (`_conflict.html`: wie wijzigde
    wat); `bij_fout(exc)` mag een andere fout zelf afhandelen (geeft dan True); elke andere
    ValidationError komt bij de velden van het formulier. `context` (een dict, of een functie
    die er een geeft, pas aangeroepen als de pagina getoond wordt) komt erbij.
    """
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            resultaat = opslaan(**form.cleaned_data)
        except services.Bewerkingsconflict as exc:
            conflict = exc
        except ValidationError as exc:
            if not (bij_fout and bij_fout(exc)):
                form.voeg_fouten_toe(exc)
        else:
            messages.success(request, melding(resultaat) if callable(melding) else melding)
            return redirect(naar(resultaat) if callable(naar) else naar)
    extra = context() if callable(context) else (context or {})
    return render(request, template, {"form": form, "conflict": conflict, **extra})
