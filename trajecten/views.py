"""Views van de werkplek van de medewerker: dun (rol controleren, invoer lezen, één selector of
service aanroepen, tonen). Elke view is alleen voor medewerkers (`@toegang`); objecten komen
via een gescopete selector, dus een id van een deelnemer buiten de gemeenten van de gebruiker
geeft 404. Schrijven gaat altijd POST → service → redirect (POST-redirect-GET).

Het toegangslog hoeft een view niet zelf te schrijven: elke getoonde pagina over een deelnemer
en elke weigering logt `gemeenten.toegangslog.ToegangslogMiddleware`. Alleen een specifiekere
inzage (het dossier, het volledige BSN) logt de view zelf.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, registreer_toegang

from . import historie, selectors, services
from .constants import Status
from .filters import DeelnemerFilter
from .forms import (
    BsnZoekForm,
    CoachToewijzenForm,
    ContactmomentForm,
    DeelnemerForm,
    IntakeForm,
    PlaatsingBeeindigenForm,
    PlaatsingForm,
    PlaatsingWijzigenForm,
    StatusForm,
    TrajectStartenForm,
    TrajectWijzigenForm,
    VerhuizenForm,
    WerkgeverForm,
)
from .models import vandaag

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


# ---------------------------------------------------------------------------------------------
# Overzichten
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_GET
def werkvoorraad(request):
    groepen = selectors.werkvoorraad(user=request.user)
    return render(request, "trajecten/werkvoorraad.html", {
        "groepen": groepen,
        "totaal": sum(g.aantal for g in groepen),
    })


@toegang(Toegang.MEDEWERKER)
@require_GET
def deelnemer_lijst(request):
    filterset = DeelnemerFilter(
        request.GET or None, queryset=selectors.deelnemer_lijst(user=request.user),
        request=request,
    )
    return render(request, "trajecten/deelnemer_lijst.html", {
        "filter": filterset,
        "pagina": _pagina(request, filterset.qs),
        "bsn_form": BsnZoekForm(),
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def bsn_zoeken(request):
    """Zoeken op BSN gaat altijd per POST: een BSN staat nooit in een URL of een logregel."""
    form = BsnZoekForm(_post(request))
    if request.method == "POST" and form.is_valid():
        deelnemer = selectors.deelnemer_met_bsn(user=request.user, bsn=form.cleaned_data["bsn"])
        if deelnemer:
            return redirect(_dossier_url(deelnemer.pk))
        form.add_error("bsn", _("Er is in uw gemeenten geen deelnemer met dit BSN."))
    return render(request, "trajecten/deelnemer_bsn_zoeken.html", {"form": form})


# ---------------------------------------------------------------------------------------------
# Deelnemer
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_nieuw(request):
    form = DeelnemerForm(_post(request), user=request.user)
    pagina = {"dubbelen": [], "waarschuwing": False, "nieuw": True}

    def bij_fout(exc) -> bool:
        # Bij elke weigering de mogelijke dubbelen tonen; 'mogelijk dubbel' is geen veldfout
        # maar een waarschuwing met de knop 'Toch aanmaken'.
        d = form.cleaned_data
        pagina["dubbelen"] = selectors.mogelijke_dubbelen(
            user=request.user, voornaam=d["voornaam"], achternaam=d["achternaam"],
            geboortedatum=d["geboortedatum"], bsn=d.get("bsn", ""),
        )
        pagina["waarschuwing"] = getattr(exc, "code", None) == "mogelijk_dubbel"
        return pagina["waarschuwing"]

    return _formulierpagina(
        request, form=form, opslaan=partial(services.deelnemer_registreren, door=request.user),
        melding=_("De deelnemer is geregistreerd."), naar=lambda d: _dossier_url(d.pk),
        template="trajecten/deelnemer_form.html", context=pagina, bij_fout=bij_fout,
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_wijzigen(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = DeelnemerForm(
        _post(request), user=request.user, met_gemeente=False,
        initial=DeelnemerForm.initial_uit(deelnemer),
    )
    return _formulierpagina(
        request, form=form,
        opslaan=partial(services.deelnemer_wijzigen, deelnemer=deelnemer, door=request.user),
        melding=_("De persoonsgegevens zijn opgeslagen."), naar=_dossier_url(deelnemer.pk),
        template="trajecten/deelnemer_form.html",
        context={"deelnemer": deelnemer, "nieuw": False},
    )


@toegang(Toegang.MEDEWERKER)
@require_GET
def dossier(request, pk: int):
    deelnemer = selectors.dossier(user=request.user, pk=pk)
    # BIO2 8.15.01: elke inzage van een dossier in het toegangslog (een weigering logt de
    # middleware).
    registreer_toegang(request=request, actie=Actie.DOSSIER_BEKEKEN, object=deelnemer)
    trajecten = deelnemer.alle_trajecten
    huidig = next((t for t in trajecten if t.is_open), trajecten[0] if trajecten else None)
    return render(request, "trajecten/dossier.html", {
        "deelnemer": deelnemer,
        "trajecten": trajecten,
        "huidig": huidig,
        "intake": selectors.intake_van(huidig) if huidig else None,
        "eerdere": [t for t in trajecten if t is not huidig],
        "tijdlijn": selectors.tijdlijn(deelnemer),
        "historie": historie.wijzigingshistorie(deelnemer),
        "contact_form": ContactmomentForm() if huidig else None,
        "kan_starten": not any(t.is_open for t in trajecten),
        "Status": Status,
    })


@toegang(Toegang.MEDEWERKER)
@require_POST
def bsn_tonen(request, pk: int):
    """Het volledige BSN, alleen op uitdrukkelijk verzoek (een knop, dus POST) en altijd in het
    toegangslog; het dossier zelf toont het gemaskeerd."""
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    registreer_toegang(request=request, actie=Actie.BSN_GETOOND, object=deelnemer)
    return render(request, "trajecten/deelnemer_bsn.html", {"deelnemer": deelnemer})


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_verhuizen(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = VerhuizenForm(_post(request), deelnemer=deelnemer, initial={"versie": deelnemer.versie})

    def verhuizen(*, naar_gemeente, bevestigd, versie):
        """Geeft de nieuwe gemeente als het dossier daarmee buiten het zicht van de gebruiker
        valt (dan kan hij niet terug naar het dossier), anders None."""
        services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=naar_gemeente,
                                     door=request.user, versie=versie)
        return None if selectors.is_medewerker_van(request.user, naar_gemeente) else naar_gemeente

    return _formulierpagina(
        request, form=form, opslaan=verhuizen,
        melding=lambda uit_zicht: _("De verhuizing is vastgelegd.") if uit_zicht is None else _(
            "De verhuizing naar %(gemeente)s is vastgelegd. Het dossier is nu van die "
            "gemeente; u ziet het niet meer."
        ) % {"gemeente": uit_zicht.naam},
        naar=lambda uit_zicht: (
            _dossier_url(deelnemer.pk) if uit_zicht is None
            else reverse("trajecten:deelnemer_lijst")
        ),
        template="trajecten/deelnemer_verhuizen.html", context={"deelnemer": deelnemer},
    )


# ---------------------------------------------------------------------------------------------
# Traject
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def traject_starten(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request, form=TrajectStartenForm(_post(request)),
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
        melding=_("De intake is vastgelegd."),
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


# ---------------------------------------------------------------------------------------------
# Plaatsing en contact
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = PlaatsingForm(_post(request), user=request.user)

    def registreren(*, werkgever_naam, werkgever_kvk_nummer, werkgever_sector, **velden):
        return services.plaatsing_registreren(
            traject=traject, door=request.user, nieuwe_werkgever=form.nieuwe_werkgever(),
            **velden,
        )

    return _formulierpagina(
        request, form=form, opslaan=registreren,
        melding=_("De plaatsing is geregistreerd."),
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


# ---------------------------------------------------------------------------------------------
# Werkgevers
# ---------------------------------------------------------------------------------------------


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
    )
