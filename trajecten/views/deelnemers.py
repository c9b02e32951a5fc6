"""Deelnemers: de lijst, zoeken op BSN, registreren, wijzigen, het dossier en verhuizen."""

from __future__ import annotations

from functools import partial

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, registreer_toegang

from .. import historie, selectors, services
from ..constants import Status
from ..filters import DeelnemerFilter
from ..forms import BsnZoekForm, ContactmomentForm, DeelnemerForm, VerhuizenForm
from .basis import _dossier_url, _formulierpagina, _pagina, _post


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
@require_http_methods(["GET", "POST"])
def deelnemer_verhuizen(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = VerhuizenForm(_post(request), deelnemer=deelnemer)

    def verhuizen(*, naar_gemeente, bevestigd):
        """Geeft de nieuwe gemeente als het dossier daarmee buiten het zicht van de gebruiker
        valt (dan kan hij niet terug naar het dossier), anders None."""
        services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=naar_gemeente,
                                     door=request.user)
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
