"""Deelnemers: de lijst, zoeken op BSN, registreren, wijzigen, het dossier, het BSN tonen en
verhuizen."""

from __future__ import annotations

import secrets
from functools import partial

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, registreer_toegang

from .. import historie, selectors, services
from ..constants import Status
from ..filters import DeelnemerFilter
from ..forms import BsnZoekForm, ContactmomentForm, DeelnemerForm, VerhuizenForm
from ..selectors.actieplan import dossier_extra
from .basis import (
    _dossier_url,
    _formulierpagina,
    _pagina,
    _post,
    bereiklinks,
    mijn_dossiers,
)

#: Sessiesleutels: bewaarde zoekopdrachten van de deelnemerslijst, en het BSN van een zoekactie
#: zonder resultaat (om mee te registreren).
ZOEKOPDRACHTEN = "zoekopdrachten"
BSN_VOOR_REGISTRATIE = "bsn_voor_registratie"
#: Zoveel zoekopdrachten bewaart een sessie; de oudste valt eraf.
MAX_ZOEKOPDRACHTEN = 20
#: De lijst opent op deelnemers met een open traject.
STANDAARD_FILTER = {"status": "open"}


def _zoekvelden(gegevens) -> dict[str, str]:
    """De filtervelden uit `gegevens` (zonder sortering): wat een zoekopdracht bewaart."""
    return {
        naam: (gegevens.get(naam) or "").replace("\x00", "").strip()[:200]
        for naam in DeelnemerFilter.base_filters
        if naam != "o"
    }


def _bewaar_zoekopdracht(request, velden: dict) -> str:
    """Bewaart de zoekopdracht in de sessie (op de server) onder een willekeurige sleutel: in
    de URL staat alleen die sleutel, nooit de naam waarop gezocht wordt (adresbalk,
    toegangslogs van de webserver, Referer)."""
    opdrachten = request.session.get(ZOEKOPDRACHTEN, {})
    sleutel = secrets.token_urlsafe(8)
    opdrachten[sleutel] = velden
    while len(opdrachten) > MAX_ZOEKOPDRACHTEN:
        opdrachten.pop(next(iter(opdrachten)))
    request.session[ZOEKOPDRACHTEN] = opdrachten
    return sleutel


def _lijst_url(sleutel: str | None = None, **extra) -> str:
    params = QueryDict(mutable=True)
    if sleutel:
        params["zoekopdracht"] = sleutel
    params.update({k: v for k, v in extra.items() if v})
    url = reverse("trajecten:deelnemer_lijst")
    return f"{url}?{params.urlencode()}" if params else url


@toegang(Toegang.MEDEWERKER)
@require_GET
def deelnemer_lijst(request):
    """De deelnemerslijst. De filters komen uit een bewaarde zoekopdracht (`?zoekopdracht=`,
    zie `deelnemer_zoeken`), uit een oude URL met filters in de querystring (zonder naam), of
    zijn de standaard: open trajecten. Sorteren (`o`) en bladeren (`page`) gaan per GET."""
    if request.GET.get("zoek"):
        # Een oude link of bladwijzer met de naam in de URL: bewaren en zonder naam verder.
        sleutel = _bewaar_zoekopdracht(request, _zoekvelden(request.GET))
        return redirect(_lijst_url(sleutel, o=request.GET.get("o", "")))
    mijn = mijn_dossiers(request)
    sleutel = request.GET.get("zoekopdracht", "")
    bewaard = request.session.get(ZOEKOPDRACHTEN, {}).get(sleutel) if sleutel else None
    if sleutel and bewaard is None:
        messages.info(request, _("Deze zoekopdracht is verlopen; zoek opnieuw."))
    if bewaard is not None:
        velden = bewaard
    elif any(request.GET.get(naam) for naam in _zoekvelden(request.GET)):
        velden = _zoekvelden(request.GET)
    else:
        velden = dict(STANDAARD_FILTER)
    data = QueryDict(mutable=True)
    data.update({**velden, "o": request.GET.get("o", "")})
    filterset = DeelnemerFilter(
        data, queryset=selectors.deelnemer_lijst(user=request.user, mijn=mijn), request=request,
    )
    return render(request, "trajecten/deelnemer_lijst.html", {
        "filter": filterset,
        "pagina": _pagina(request, filterset.qs),
        "bsn_form": BsnZoekForm(),
        "mijn": mijn,
        "bereiklinks": bereiklinks(request, mijn),
    })


@toegang(Toegang.MEDEWERKER)
@require_POST
def deelnemer_zoeken(request):
    """Het zoekformulier van de deelnemerslijst (POST): bewaart de zoekopdracht en gaat naar
    de lijst met alleen de sleutel in de URL."""
    sleutel = _bewaar_zoekopdracht(request, _zoekvelden(request.POST))
    return redirect(_lijst_url(sleutel, o=request.POST.get("o", "")))


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def bsn_zoeken(request):
    """Zoeken op BSN gaat altijd per POST: een BSN staat nooit in een URL of een logregel.
    Niets gevonden: de pagina zegt dat en biedt aan een deelnemer met dit BSN te registreren
    (het BSN gaat via de sessie mee, niet via de URL)."""
    form = BsnZoekForm(_post(request))
    niet_gevonden = False
    if request.method == "POST" and form.is_valid():
        bsn = form.cleaned_data["bsn"]
        deelnemer = selectors.deelnemer_met_bsn(user=request.user, bsn=bsn)
        if deelnemer:
            return redirect(_dossier_url(deelnemer.pk))
        request.session[BSN_VOOR_REGISTRATIE] = bsn
        niet_gevonden = True
    return render(request, "trajecten/deelnemer_bsn_zoeken.html", {
        "form": form, "niet_gevonden": niet_gevonden,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_nieuw(request):
    initial = {}
    if request.method == "GET" and request.GET.get("met") == "bsn":
        initial["bsn"] = request.session.get(BSN_VOOR_REGISTRATIE, "")
    form = DeelnemerForm(_post(request), user=request.user, initial=initial)
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
        controleer=(reverse("trajecten:deelnemer_lijst"), _("de lijst van deelnemers")),
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
        "tijdlijn": selectors.tijdlijn(deelnemer, [
            *historie.overdrachten(deelnemer), *selectors.bijeenkomst_gebeurtenissen(deelnemer),
        ]),
        "historie": historie.wijzigingshistorie(deelnemer),
        "afspraken": [a for a in huidig.alle_afspraken if a.is_gepland] if huidig else [],
        "contact_form": ContactmomentForm() if huidig else None,
        "kan_starten": not any(t.is_open for t in trajecten),
        **dossier_extra(deelnemer, huidig),
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

    def verhuizen(*, naar_gemeente, bevestigd, versie, verhuisdatum, overdrachtsnotitie):
        """Geeft de nieuwe gemeente als het dossier daarmee buiten het zicht van de gebruiker
        valt (dan kan hij niet terug naar het dossier), anders None."""
        services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=naar_gemeente,
                                     door=request.user, versie=versie,
                                     verhuisdatum=verhuisdatum,
                                     overdrachtsnotitie=overdrachtsnotitie)
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
        controleer=(_dossier_url(deelnemer.pk), _("het dossier")),
    )
