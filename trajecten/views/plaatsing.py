"""Plaatsingen registreren, wijzigen en beëindigen; contactmomenten vastleggen."""

from __future__ import annotations

from functools import partial

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..forms import (
    ContactmomentForm,
    PlaatsingBeeindigenForm,
    PlaatsingForm,
    PlaatsingWijzigenForm,
)
from ..models import vandaag
from .basis import _dossier_url, _formulierpagina, _post
from .vacatures import voorinvullen


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = PlaatsingForm(_post(request), user=request.user,
                         initial=voorinvullen(request, traject))

    status_voor = traject.status

    def registreren(*, werkgever_naam, werkgever_kvk_nummer, werkgever_sector, **velden):
        return services.plaatsing_registreren(
            traject=traject, door=request.user, nieuwe_werkgever=form.nieuwe_werkgever(),
            **velden,
        )

    def melding(plaatsing) -> str:
        delen = [_("De plaatsing is geregistreerd.")]
        if plaatsing.traject.status != status_voor:
            delen.append(_("Het traject staat nu op ‘%(status)s’.")
                         % {"status": plaatsing.traject.get_status_display()})
        nazorg = selectors.nazorgafspraken(plaatsing=plaatsing)
        if nazorg:
            delen.append(ngettext(
                "Er is %(n)s nazorgafspraak gepland (%(datums)s).",
                "Er zijn %(n)s nazorgafspraken gepland (%(datums)s).",
                len(nazorg),
            ) % {"n": len(nazorg), "datums": ", ".join(
                date_format(a.datum, "d-m-Y") for a in nazorg
            )})
        return " ".join(delen)

    return _formulierpagina(
        request, form=form, opslaan=registreren,
        melding=melding,
        naar=_dossier_url(traject.deelnemer_id, "plaatsingen"),
        template="trajecten/plaatsing_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_beeindigen(request, pk: int):
    plaatsing = selectors.plaatsing_ophalen(user=request.user, pk=pk)
    form = PlaatsingBeeindigenForm(
        _post(request),
        initial={"einddatum": plaatsing.einddatum or vandaag(), "versie": plaatsing.versie},
    )
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.plaatsing_beeindigen, plaatsing=plaatsing, door=request.user),
        melding=_("De einddatum van de plaatsing is vastgelegd."),
        naar=_dossier_url(plaatsing.traject.deelnemer_id, "plaatsingen"),
        template="trajecten/plaatsing_beeindigen.html",
        context={"plaatsing": plaatsing, "deelnemer": plaatsing.traject.deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_wijzigen(request, pk: int):
    plaatsing = selectors.plaatsing_ophalen(user=request.user, pk=pk)
    form = PlaatsingWijzigenForm(
        _post(request), initial=PlaatsingWijzigenForm.initial_uit(plaatsing)
    )
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.plaatsing_wijzigen, plaatsing=plaatsing, door=request.user),
        melding=_("De plaatsing is opgeslagen."),
        naar=_dossier_url(plaatsing.traject.deelnemer_id, "plaatsingen"),
        template="trajecten/plaatsing_wijzigen.html",
        context={"plaatsing": plaatsing, "deelnemer": plaatsing.traject.deelnemer},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def contact_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    initial = {}
    if request.GET.get("soort"):
        initial["soort"] = request.GET["soort"]
    return _formulierpagina(
        request, form=ContactmomentForm(_post(request), initial=initial),
        opslaan=partial(
            services.contactmoment_registreren, traject=traject, door=request.user
        ),
        melding=_("Het contactmoment is vastgelegd."),
        naar=_dossier_url(traject.deelnemer_id, "tijdlijn"),
        template="trajecten/contact_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer},
    )
