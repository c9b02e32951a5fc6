"""De agenda: afspraken van een medewerker per week, één afspraak, het agenda-abonnement."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import Http404

from ..constants import AfspraakStatus
from ..models import Afspraak, Agendafeed, Plaatsing, vandaag
from .ophalen import traject_ophalen

#: Het agenda-abonnement bevat afspraken van zoveel dagen terug tot zoveel dagen vooruit.
FEED_DAGEN_TERUG = 60
FEED_DAGEN_VOORUIT = 366


def afspraak_ophalen(*, user, pk: int) -> Afspraak:
    """De afspraak met `pk` op een traject dat `user` mag openen; anders `Http404`.

    Het traject komt uit `traject_ophalen`, zodat voor een afspraak precies dezelfde toegang
    geldt als voor het traject waar hij bij hoort."""
    traject_id = Afspraak.objects.filter(pk=pk).values_list("traject_id", flat=True).first()
    if traject_id is None:
        raise Http404
    traject = traject_ophalen(user=user, pk=traject_id)
    afspraak = Afspraak.objects.select_related("medewerker", "plaatsing__werkgever").get(pk=pk)
    afspraak.traject = traject
    return afspraak


def agenda(*, user, van: datetime.date, tot: datetime.date) -> QuerySet[Afspraak]:
    """De afspraken in de agenda van `user` van `van` tot en met `tot`, op datum en tijd, met
    traject en deelnemer (één query). Ook afspraken op trajecten die niet meer in zijn
    gemeenten liggen, vallen weg: wat hij niet mag openen, staat niet in zijn agenda."""
    return (
        Afspraak.objects.voor(user).van(user)
        .filter(datum__range=(van, tot))
        .exclude(status=AfspraakStatus.GEANNULEERD)
        .select_related("traject__deelnemer")
        .order_by("datum", "tijd", "pk")
    )


def nazorgafspraken(*, plaatsing: Plaatsing) -> list[Afspraak]:
    return list(plaatsing.nazorgafspraken.order_by("datum", "pk"))


def agendafeed_van(user) -> Agendafeed | None:
    return Agendafeed.objects.filter(user=user).first()


def agendafeed(*, token: str):
    """Het agenda-abonnement bij een geheime URL: (gebruiker, afspraken), of None.

    None bij een onbekend kenmerk, een verkeerd geheim (constante-tijdvergelijking, zie
    `Agendafeed.klopt`) of een gebruiker die niet meer actief is. De afspraken: van
    `FEED_DAGEN_TERUG` dagen terug tot `FEED_DAGEN_VOORUIT` dagen vooruit, zonder
    geannuleerde, alleen in de eigen gemeenten (`agenda`)."""
    kenmerk, _punt, geheim = (token or "").partition(".")
    if not kenmerk or not geheim:
        return None
    feed = Agendafeed.objects.select_related("user").filter(kenmerk=kenmerk).first()
    if feed is None or not feed.klopt(geheim) or not feed.user.is_active:
        return None
    heden = vandaag()
    afspraken = agenda(
        user=feed.user,
        van=heden - datetime.timedelta(days=FEED_DAGEN_TERUG),
        tot=heden + datetime.timedelta(days=FEED_DAGEN_VOORUIT),
    )
    return feed.user, afspraken
