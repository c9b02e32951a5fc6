"""De relatie met een werkgever: Werkakkoord en gemeenten, contactpersonen, contacten,
social return (en de lijst 'achter op schema')."""

from __future__ import annotations

from functools import partial

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..forms import (
    ContactpersoonForm,
    SocialReturnForm,
    WerkgeverContactForm,
    WerkgeverRelatieForm,
)
from .basis import _formulierpagina, _post


def _naar_werkgever(werkgever, anker=""):
    url = reverse("trajecten:werkgever_detail", args=[werkgever.pk])
    return f"{url}#{anker}" if anker else url


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def werkgever_relatie(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    form = WerkgeverRelatieForm(_post(request), user=request.user, initial={
        "sector": werkgever.sector, "grootte": werkgever.grootte,
        "werkakkoord": werkgever.werkakkoord, "werkakkoord_datum": werkgever.werkakkoord_datum,
        "gemeenten": list(werkgever.gemeenten.values_list("pk", flat=True)),
        "versie": werkgever.versie,
    })
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.werkgever_relatie_wijzigen, werkgever=werkgever,
                        door=request.user),
        melding=_("De gegevens van de werkgever zijn opgeslagen."),
        naar=_naar_werkgever(werkgever),
        template="trajecten/relatie_form.html",
        context={"werkgever": werkgever, "titel": _("Werkakkoord, grootte en gemeenten")},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def contactpersoon_nieuw(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=ContactpersoonForm(_post(request)),
        opslaan=partial(services.contactpersoon_toevoegen, werkgever=werkgever,
                        door=request.user),
        melding=_("De contactpersoon is toegevoegd."),
        naar=_naar_werkgever(werkgever, "contactpersonen"),
        template="trajecten/relatie_form.html",
        context={"werkgever": werkgever, "titel": _("Contactpersoon toevoegen")},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def werkgever_contact_nieuw(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=WerkgeverContactForm(_post(request), user=request.user),
        opslaan=partial(services.werkgever_contact_vastleggen, werkgever=werkgever,
                        door=request.user),
        melding=_("Het contact is vastgelegd."),
        naar=_naar_werkgever(werkgever, "contacten"),
        template="trajecten/relatie_form.html",
        context={"werkgever": werkgever, "titel": _("Contact vastleggen")},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def social_return_nieuw(request, pk: int):
    werkgever = selectors.werkgever_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=SocialReturnForm(_post(request), user=request.user),
        opslaan=partial(services.social_return_vastleggen, werkgever=werkgever,
                        door=request.user),
        melding=_("De social return-afspraak is vastgelegd."),
        naar=_naar_werkgever(werkgever, "social-return"),
        template="trajecten/relatie_form.html",
        context={"werkgever": werkgever, "titel": _("Social return-afspraak vastleggen")},
    )


@toegang(Toegang.MEDEWERKER)
@require_GET
def social_return_achter(request):
    return render(request, "trajecten/social_return_achter.html", {
        "afspraken": selectors.social_return_achter(user=request.user),
    })
