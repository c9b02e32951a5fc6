"""Views van de werkplek van de medewerker: dun (rol controleren, invoer lezen, één selector of
service aanroepen, tonen). Elke view is alleen voor medewerkers (`@toegang`); objecten komen
via een gescopete selector, dus een id van een andere gemeente geeft 404. Schrijven gaat
altijd POST → service → redirect (POST-redirect-GET).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gemeenten.toegang import Toegang, toegang
from gemeenten.toegangslog import Actie, registreer_toegang

from . import selectors, services
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


def _verwerk_fout(form, exc: ValidationError) -> services.Bewerkingsconflict | None:
    """Een bewerkingsconflict gaat naar de pagina (`_conflict.html`: wie wijzigde wat); andere
    fouten gaan naar de velden van het formulier."""
    if isinstance(exc, services.Bewerkingsconflict):
        return exc
    form.voeg_fouten_toe(exc)
    return None


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
    dubbelen, waarschuwing = [], False
    if request.method == "POST" and form.is_valid():
        try:
            deelnemer = services.deelnemer_registreren(door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            d = form.cleaned_data
            dubbelen = selectors.mogelijke_dubbelen(
                user=request.user, voornaam=d["voornaam"], achternaam=d["achternaam"],
                geboortedatum=d["geboortedatum"], bsn=d.get("bsn", ""),
            )
            if getattr(exc, "code", None) == "mogelijk_dubbel":
                waarschuwing = True
            else:
                form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("De deelnemer is geregistreerd."))
            return redirect(_dossier_url(deelnemer.pk))
    return render(request, "trajecten/deelnemer_form.html", {
        "form": form, "dubbelen": dubbelen, "waarschuwing": waarschuwing, "nieuw": True,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_wijzigen(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = DeelnemerForm(
        _post(request), user=request.user, met_gemeente=False,
        initial=DeelnemerForm.initial_uit(deelnemer),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.deelnemer_wijzigen(deelnemer=deelnemer, door=request.user,
                                        **form.cleaned_data)
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("De persoonsgegevens zijn opgeslagen."))
            return redirect(_dossier_url(deelnemer.pk))
    return render(request, "trajecten/deelnemer_form.html", {
        "form": form, "deelnemer": deelnemer, "nieuw": False, "conflict": conflict,
    })


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
        "historie": selectors.wijzigingshistorie(deelnemer),
        "contact_form": ContactmomentForm() if huidig else None,
        "kan_starten": not any(t.is_open for t in trajecten),
        "Status": Status,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def deelnemer_verhuizen(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = VerhuizenForm(_post(request), deelnemer=deelnemer)
    if request.method == "POST" and form.is_valid():
        naar = form.cleaned_data["naar_gemeente"]
        try:
            services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=naar,
                                         door=request.user)
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            if selectors.is_medewerker_van(request.user, naar):
                messages.success(request, _("De verhuizing is vastgelegd."))
                return redirect(_dossier_url(deelnemer.pk))
            messages.success(request, _(
                "De verhuizing naar %(gemeente)s is vastgelegd. Het dossier is nu van die "
                "gemeente; u ziet het niet meer.") % {"gemeente": naar.naam})
            return redirect("trajecten:deelnemer_lijst")
    return render(request, "trajecten/deelnemer_verhuizen.html", {
        "form": form, "deelnemer": deelnemer,
    })


# ---------------------------------------------------------------------------------------------
# Traject
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def traject_starten(request, pk: int):
    deelnemer = selectors.deelnemer_ophalen(user=request.user, pk=pk)
    form = TrajectStartenForm(_post(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.traject_starten(deelnemer=deelnemer, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("Het traject is gestart (status: aangemeld)."))
            return redirect(_dossier_url(deelnemer.pk, "traject"))
    return render(request, "trajecten/traject_starten.html", {
        "form": form, "deelnemer": deelnemer,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def intake(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    bestaand = selectors.intake_van(traject)
    initial = {}
    if bestaand:
        initial = {v: getattr(bestaand, v) for v in
                   ("datum", "beroepswens", "sector", "belemmeringen", "actieplan")}
    form = IntakeForm(_post(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.intake_vastleggen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("De intake is vastgelegd."))
            return redirect(_dossier_url(traject.deelnemer_id, "intake"))
    return render(request, "trajecten/intake_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer, "bestaand": bestaand,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def coach_toewijzen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = CoachToewijzenForm(_post(request), user=request.user,
                              initial={"versie": traject.versie})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.coach_toewijzen(traject=traject, coach=form.cleaned_data["coach"],
                                     door=request.user, versie=form.cleaned_data["versie"])
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("De coach is toegewezen."))
            return redirect(_dossier_url(traject.deelnemer_id, "traject"))
    return render(request, "trajecten/coach_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer,
        "suggesties": selectors.coach_suggesties(traject=traject), "conflict": conflict,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def status_wijzigen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = StatusForm(_post(request), traject=traject, initial={"versie": traject.versie})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.status_wijzigen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("De status is gewijzigd."))
            return redirect(_dossier_url(traject.deelnemer_id, "traject"))
    return render(request, "trajecten/status_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer,
        "toegestaan": [Status(s) for s in form.toegestaan],
        "Status": Status, "conflict": conflict,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def traject_wijzigen(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = TrajectWijzigenForm(_post(request), initial=TrajectWijzigenForm.initial_uit(traject))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.traject_wijzigen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("Het traject is opgeslagen."))
            return redirect(_dossier_url(traject.deelnemer_id, "traject"))
    return render(request, "trajecten/traject_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer, "conflict": conflict,
    })


# ---------------------------------------------------------------------------------------------
# Plaatsing en contact
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    form = PlaatsingForm(_post(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.plaatsing_registreren(
                traject=traject, door=request.user, soort=d["soort"],
                werkgever=d["werkgever"], nieuwe_werkgever=form.nieuwe_werkgever(),
                functie=d["functie"], startdatum=d["startdatum"], einddatum=d["einddatum"],
                uren_per_week=d["uren_per_week"], contractvorm=d["contractvorm"],
            )
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("De plaatsing is geregistreerd."))
            return redirect(_dossier_url(traject.deelnemer_id, "plaatsingen"))
    return render(request, "trajecten/plaatsing_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_beeindigen(request, pk: int):
    plaatsing = selectors.plaatsing_ophalen(user=request.user, pk=pk)
    form = PlaatsingBeeindigenForm(
        _post(request),
        initial={"einddatum": plaatsing.einddatum or vandaag(), "versie": plaatsing.versie},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.plaatsing_beeindigen(plaatsing=plaatsing, door=request.user,
                                          **form.cleaned_data)
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("De einddatum van de plaatsing is vastgelegd."))
            return redirect(_dossier_url(plaatsing.traject.deelnemer_id, "plaatsingen"))
    return render(request, "trajecten/plaatsing_beeindigen.html", {
        "form": form, "plaatsing": plaatsing, "deelnemer": plaatsing.traject.deelnemer,
        "conflict": conflict,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def plaatsing_wijzigen(request, pk: int):
    plaatsing = selectors.plaatsing_ophalen(user=request.user, pk=pk)
    form = PlaatsingWijzigenForm(
        _post(request), initial=PlaatsingWijzigenForm.initial_uit(plaatsing)
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.plaatsing_wijzigen(plaatsing=plaatsing, door=request.user,
                                        **form.cleaned_data)
        except ValidationError as exc:
            conflict = _verwerk_fout(form, exc)
        else:
            messages.success(request, _("De plaatsing is opgeslagen."))
            return redirect(_dossier_url(plaatsing.traject.deelnemer_id, "plaatsingen"))
    return render(request, "trajecten/plaatsing_wijzigen.html", {
        "form": form, "plaatsing": plaatsing, "deelnemer": plaatsing.traject.deelnemer,
        "conflict": conflict,
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def contact_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    initial = {}
    if request.GET.get("soort"):
        initial["soort"] = request.GET["soort"]
    form = ContactmomentForm(_post(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_registreren(traject=traject, door=request.user,
                                               **form.cleaned_data)
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("Het contactmoment is vastgelegd."))
            return redirect(_dossier_url(traject.deelnemer_id, "tijdlijn"))
    return render(request, "trajecten/contact_form.html", {
        "form": form, "traject": traject, "deelnemer": traject.deelnemer,
    })


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
    form = WerkgeverForm(_post(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            werkgever = services.werkgever_registreren(door=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.voeg_fouten_toe(exc)
        else:
            messages.success(request, _("De werkgever is geregistreerd."))
            return redirect("trajecten:werkgever_detail", pk=werkgever.pk)
    return render(request, "trajecten/werkgever_form.html", {"form": form})
