"""De agenda van de medewerker: de week, afspraken plannen en afhandelen, het agenda-abonnement
(.ics) voor Outlook."""

from __future__ import annotations

import datetime
from functools import partial

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from icalendar import Calendar, Event

from gemeenten.toegang import Toegang, toegang

from .. import selectors, services
from ..constants import CONTACT_BIJ_AFSPRAAK
from ..forms import (
    AfspraakAfmeldenForm,
    AfspraakForm,
    AfspraakGehoudenForm,
    AfspraakWijzigenForm,
)
from ..models import vandaag
from .basis import _dossier_url, _formulierpagina, _post

#: Sessiesleutel: het token van een zojuist gemaakt agenda-abonnement, één keer te tonen.
NIEUW_TOKEN = "agendafeed_nieuw"


def _week(request) -> datetime.date:
    """De maandag van de gevraagde ISO-week (`?week=2026-W49`), anders van deze week."""
    waarde = request.GET.get("week", "")
    try:
        jaar, week = waarde.split("-W")
        return datetime.date.fromisocalendar(int(jaar), int(week), 1)
    except ValueError:
        if waarde:
            messages.info(request, _("Onbekende week; u ziet deze week."))
        heden = vandaag()
        return heden - datetime.timedelta(days=heden.weekday())


def _weeksleutel(maandag: datetime.date) -> str:
    jaar, week, _dag = maandag.isocalendar()
    return f"{jaar}-W{week:02d}"


@toegang(Toegang.MEDEWERKER)
@require_GET
def agenda(request):
    """Mijn afspraken: vandaag, en de gekozen week (maandag t/m zondag) per dag."""
    maandag = _week(request)
    zondag = maandag + datetime.timedelta(days=6)
    heden = vandaag()
    week = list(selectors.agenda(user=request.user, van=maandag, tot=zondag))
    dagen = []
    for i in range(7):
        dag = maandag + datetime.timedelta(days=i)
        dagen.append({"datum": dag, "vandaag": dag == heden,
                      "afspraken": [a for a in week if a.datum == dag]})
    if maandag <= heden <= zondag:
        vandaag_lijst = [a for a in week if a.datum == heden]
    else:
        vandaag_lijst = list(selectors.agenda(user=request.user, van=heden, tot=heden))
    return render(request, "trajecten/agenda.html", {
        "vandaag": vandaag_lijst,
        "dagen": dagen,
        "week": {
            "maandag": maandag, "zondag": zondag, "nummer": maandag.isocalendar()[1],
            "vorige": _weeksleutel(maandag - datetime.timedelta(days=7)),
            "volgende": _weeksleutel(maandag + datetime.timedelta(days=7)),
            "is_deze": maandag <= heden <= zondag,
        },
        "aantal_in_week": sum(len(d["afspraken"]) for d in dagen),
    })


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def afspraak_nieuw(request, pk: int):
    traject = selectors.traject_ophalen(user=request.user, pk=pk)
    initial = {}
    if request.GET.get("soort"):
        initial["soort"] = request.GET["soort"]
    return _formulierpagina(
        request, form=AfspraakForm(_post(request), traject=traject, user=request.user,
                                   initial=initial),
        opslaan=partial(services.afspraak_plannen, traject=traject, door=request.user),
        melding=lambda a: _("De afspraak is gepland op %(datum)s om %(tijd)s.") % {
            "datum": date_format(a.datum, "d-m-Y"), "tijd": a.tijd.strftime("%H:%M"),
        },
        naar=_dossier_url(traject.deelnemer_id, "afspraken"),
        template="trajecten/afspraak_form.html",
        context={"traject": traject, "deelnemer": traject.deelnemer, "nieuw": True},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def afspraak_wijzigen(request, pk: int):
    afspraak = selectors.afspraak_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request,
        form=AfspraakWijzigenForm(
            _post(request), traject=afspraak.traject, user=request.user,
            initial=AfspraakWijzigenForm.initial_uit(afspraak),
        ),
        opslaan=partial(services.afspraak_wijzigen, afspraak=afspraak, door=request.user),
        melding=_("De afspraak is opgeslagen."),
        naar=_dossier_url(afspraak.traject.deelnemer_id, "afspraken"),
        template="trajecten/afspraak_form.html",
        context={"afspraak": afspraak, "traject": afspraak.traject,
                 "deelnemer": afspraak.traject.deelnemer, "nieuw": False},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def afspraak_gehouden(request, pk: int):
    """De afspraak is gehouden: het contactformulier, voorgevuld uit de afspraak."""
    afspraak = selectors.afspraak_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request,
        form=AfspraakGehoudenForm(
            _post(request), afspraak=afspraak, initial=AfspraakGehoudenForm.initial_uit(afspraak)
        ),
        opslaan=partial(services.afspraak_gehouden, afspraak=afspraak, door=request.user),
        melding=_("Het verslag is vastgelegd en de afspraak staat op ‘gehouden’."),
        naar=_dossier_url(afspraak.traject.deelnemer_id, "tijdlijn"),
        template="trajecten/afspraak_gehouden.html",
        context={"afspraak": afspraak, "traject": afspraak.traject,
                 "deelnemer": afspraak.traject.deelnemer,
                 "voorgesteld": CONTACT_BIJ_AFSPRAAK[afspraak.soort]},
    )


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def afspraak_afmelden(request, pk: int):
    """Niet verschenen of geannuleerd."""
    afspraak = selectors.afspraak_ophalen(user=request.user, pk=pk)
    return _formulierpagina(
        request,
        form=AfspraakAfmeldenForm(_post(request), initial={"versie": afspraak.versie}),
        opslaan=partial(services.afspraak_afmelden, afspraak=afspraak, door=request.user),
        melding=lambda a: _("De afspraak staat op ‘%(status)s’.")
        % {"status": a.get_status_display()},
        naar=_dossier_url(afspraak.traject.deelnemer_id, "afspraken"),
        template="trajecten/afspraak_afmelden.html",
        context={"afspraak": afspraak, "traject": afspraak.traject,
                 "deelnemer": afspraak.traject.deelnemer},
    )


# ---------------------------------------------------------------------------------------------
# Het agenda-abonnement
# ---------------------------------------------------------------------------------------------


@toegang(Toegang.MEDEWERKER)
@require_http_methods(["GET", "POST"])
def agenda_koppeling(request):
    """Het persoonlijke agenda-abonnement maken, vernieuwen of opheffen. Een nieuwe geheime URL
    staat één keer op de pagina (daarna bestaat alleen de hash nog)."""
    actie = request.POST.get("actie") if request.method == "POST" else None
    if actie == "opheffen":
        services.agendafeed_opheffen(door=request.user)
        messages.success(request, _("Het agenda-abonnement is opgeheven; de oude link werkt "
                                    "niet meer."))
        return redirect("trajecten:agenda_koppeling")
    if actie == "vernieuwen":
        request.session[NIEUW_TOKEN] = services.agendafeed_vernieuwen(door=request.user)
        messages.success(request, _("Er is een nieuwe agendalink gemaakt; een eerdere link "
                                    "werkt niet meer."))
        return redirect("trajecten:agenda_koppeling")
    token = request.session.pop(NIEUW_TOKEN, None)
    url = (request.build_absolute_uri(reverse("trajecten:agenda_feed", args=[token]))
           if token else None)
    return render(request, "trajecten/agenda_koppeling.html", {
        "feed": selectors.agendafeed_van(request.user), "url": url,
    })


@toegang(Toegang.PUBLIEK)
@require_GET
def agenda_feed(request, token: str):
    """De afspraken van één medewerker als iCalendar (RFC 5545), voor een agenda-abonnement in
    Outlook. Zonder inloggen, dus zonder persoonsgegevens: per afspraak de soort, de initialen
    van de deelnemer, tijd, locatie en een link naar het dossier (daar moet de medewerker wel
    inloggen). Een onbekend of vervangen token geeft 404."""
    gevonden = selectors.agendafeed(token=token)
    if gevonden is None:
        raise Http404
    _gebruiker, afspraken = gevonden
    kalender = Calendar()
    kalender.add("prodid", "-//Banenoffensief//Agenda//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", _("Banenoffensief – mijn afspraken"))
    gestempeld = timezone.now()
    for afspraak in afspraken:
        dossier = request.build_absolute_uri(
            reverse("trajecten:dossier", args=[afspraak.traject.deelnemer_id])
        )
        gebeurtenis = Event()
        gebeurtenis.add("uid", f"afspraak-{afspraak.pk}@{request.get_host()}")
        gebeurtenis.add("dtstamp", gestempeld)
        gebeurtenis.add("dtstart", afspraak.begin.astimezone(datetime.UTC))
        gebeurtenis.add("dtend", afspraak.einde.astimezone(datetime.UTC))
        gebeurtenis.add("sequence", afspraak.versie)
        gebeurtenis.add("last-modified", afspraak.gewijzigd_op.astimezone(datetime.UTC))
        gebeurtenis.add("summary", f"{afspraak.get_soort_display().capitalize()} – "
                                   f"{afspraak.traject.deelnemer.initialen}")
        if afspraak.locatie:
            gebeurtenis.add("location", afspraak.locatie)
        gebeurtenis.add("description", _("Dossier: %(url)s") % {"url": dossier})
        gebeurtenis.add("url", dossier)
        gebeurtenis.add("status", "CONFIRMED")
        kalender.add_component(gebeurtenis)
    antwoord = HttpResponse(kalender.to_ical(), content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return antwoord
