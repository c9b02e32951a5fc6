"""Bijeenkomsten van de gemeenten van de gebruiker, wie er was, en de tijdlijnregels."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN
from ..models import Bijeenkomst, Deelname, Deelnemer, vandaag
from .deelnemers import Gebeurtenis


def bijeenkomst_lijst(*, user) -> QuerySet[Bijeenkomst]:
    """Bijeenkomsten van de gemeenten van `user`, nieuwste eerst, met het aantal werkgevers en
    deelnemers (uit zijn gemeenten) dat er was; één query (plus de gemeenten, prefetch)."""
    eigen = Gemeente.objects.voor(user)
    return (
        Bijeenkomst.objects.voor(user)
        .annotate(
            aantal_werkgevers=Count("werkgevers", distinct=True),
            aantal_deelnemers=Count("deelnames", distinct=True,
                                    filter=Q(deelnames__deelnemer__gemeente__in=eigen)),
        )
        .prefetch_related(Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")))
        .order_by("-datum", "-pk")
    )


def bijeenkomst_ophalen(*, user, pk: int) -> Bijeenkomst:
    """De bijeenkomst met `pk` als die voor een gemeente van `user` is; anders `Http404`."""
    return get_object_or_404(Bijeenkomst.objects.voor(user), pk=pk)


def aanwezigen(*, user, bijeenkomst: Bijeenkomst) -> dict:
    """De werkgevers die er waren en de deelnemers uit de gemeenten van `user` die er waren
    (deelnemers van andere gemeenten alleen als aantal)."""
    eigen = Deelnemer.objects.voor(user)
    deelnames = bijeenkomst.deelnames.select_related("deelnemer").order_by(
        "deelnemer__achternaam", "deelnemer__voornaam")
    return {
        "werkgevers": list(bijeenkomst.werkgevers.order_by("naam")),
        "deelnemers": [d.deelnemer for d in deelnames.filter(deelnemer__in=eigen)],
        "andere_deelnemers": deelnames.exclude(deelnemer__in=eigen).count(),
        "gemeenten": list(bijeenkomst.gemeenten.order_by("naam")),
    }


def kandidaat_aanwezigen(*, user, bijeenkomst: Bijeenkomst) -> QuerySet[Deelnemer]:
    """Deelnemers die de medewerker als aanwezig kan vastleggen: uit zijn gemeenten én die van
    de bijeenkomst, met een lopend traject, of al als aanwezig vastgelegd."""
    return (
        Deelnemer.objects.voor(user)
        .filter(gemeente__in=bijeenkomst.gemeenten.all())
        .filter(Q(trajecten__status__in=OPEN_STATUSSEN) | Q(deelnames__bijeenkomst=bijeenkomst))
        .distinct()
        .order_by("achternaam", "voornaam", "pk")
    )


def bijeenkomsten_voor_deelnemer(*, user, deelnemer: Deelnemer,
                                 dagen: int = 120) -> QuerySet[Bijeenkomst]:
    """Bijeenkomsten van de gemeente van de deelnemer in de afgelopen `dagen` (tot vandaag):
    de keuzes om vanuit het dossier vast te leggen dat hij er was."""
    tot = vandaag()
    return (
        Bijeenkomst.objects.voor(user)
        .filter(gemeenten=deelnemer.gemeente_id,
                datum__range=(tot - datetime.timedelta(days=dagen), tot))
        .order_by("-datum", "-pk")
    )


def bijeenkomst_gebeurtenissen(deelnemer: Deelnemer) -> list[Gebeurtenis]:
    """De bijeenkomsten waar de deelnemer was, als regels voor de tijdlijn; één query."""
    return [
        Gebeurtenis(
            d.bijeenkomst.datum, "bijeenkomst",
            _("Bijeenkomst: %(soort)s") % {"soort": d.bijeenkomst.get_soort_display()},
            f"{d.bijeenkomst.titel} ({d.bijeenkomst.plaats})", 4,
        )
        for d in Deelname.objects.filter(deelnemer=deelnemer).select_related("bijeenkomst")
    ]
