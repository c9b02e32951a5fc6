"""Wat elke view van de werkplek deelt: de dossier-URL, POST-gegevens, pagineren en het vaste
verloop van een formulier (`_formulierpagina`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from .. import services

PAGINAGROOTTE = 25


def _dossier_url(deelnemer_id: int, anker: str = "") -> str:
    url = reverse("trajecten:dossier", args=[deelnemer_id])
    return f"{url}#{anker}" if anker else url


def _is_dossier(url: str) -> bool:
    try:
        return resolve(url.split("#")[0]).url_name == "dossier"
    except Resolver404:
        return False


def _post(request):
    """De POST-gegevens, ook als die leeg zijn (een leeg formulier is gebonden en ongeldig)."""
    return request.POST if request.method == "POST" else None


def _pagina(request, queryset, grootte=PAGINAGROOTTE):
    return Paginator(queryset, grootte).get_page(request.GET.get("page"))


def _formulierpagina(
    request, *, form, opslaan, melding, naar, template: str, context=None, bij_fout=None,
    controleer: tuple[str, str] | None = None,
) -> HttpResponse:
    """Het vaste verloop van elk formulier van de werkplek (POST-redirect-GET).

    GET, of een ongeldig formulier: de pagina met het formulier. Een geldig formulier gaat naar
    `opslaan(**form.cleaned_data)` (één service); gelukt → succesmelding `melding` en een
    redirect naar `naar` (allebei een waarde, of een functie van wat `opslaan` teruggaf).
    Een `Bewerkingsconflict` komt als `conflict` op de pagina (`_conflict.html`: wie wijzigde
    wat); `bij_fout(exc)` mag een andere fout zelf afhandelen (geeft dan True); elke andere
    ValidationError komt bij de velden van het formulier. `context` (een dict, of een functie
    die er een geeft, pas aangeroepen als de pagina getoond wordt) komt erbij.

    Valt de database weg tijdens het opslaan (`OperationalError`/`InterfaceError`, ook tijdens
    of na de COMMIT), dan is de uitkomst onbekend: de fout gaat door naar de 503-pagina
    (`config/storing.py`), die zegt dat de wijziging misschien is opgeslagen en linkt naar
    `controleer` (url, omschrijving) om dat eerst na te kijken; standaard `naar` als dat een
    vaste URL is ("het dossier" als het het dossier is).
    """
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            resultaat = opslaan(**form.cleaned_data)
        except (OperationalError, InterfaceError):
            if controleer is None and isinstance(naar, str):
                controleer = (naar, _("het dossier") if _is_dossier(naar)
                              else _("de pagina waar het staat"))
            request.uitkomst_onbekend = controleer
            raise
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


#: Sessiesleutel van de keuze 'Mijn dossiers' / 'Alle dossiers van mijn gemeente(n)'.
BEREIK_SESSIE = "dossierbereik"
BEREIKEN = ("mijn", "alle")


def mijn_dossiers(request) -> bool:
    """Toont de pagina 'Mijn dossiers' (standaard) of alle dossiers van de gemeenten van de
    gebruiker? `?bereik=alle` of `?bereik=mijn` kiest; de keuze geldt voor de rest van de
    sessie, op de werkvoorraad én de deelnemerslijst."""
    keuze = request.GET.get("bereik")
    if keuze in BEREIKEN and request.session.get(BEREIK_SESSIE) != keuze:
        request.session[BEREIK_SESSIE] = keuze
    return request.session.get(BEREIK_SESSIE, "mijn") == "mijn"


def bereiklinks(request, mijn: bool) -> list[dict]:
    """De twee keuzes als links (met de rest van de querystring, zonder paginanummer)."""
    links = []
    for waarde, label in (("mijn", _("Mijn dossiers")),
                          ("alle", _("Alle dossiers van mijn gemeente(n)"))):
        params = request.GET.copy()
        params["bereik"] = waarde
        params.pop("page", None)
        links.append({"href": f"?{params.urlencode()}", "label": label,
                      "actief": (waarde == "mijn") == mijn})
    return links

