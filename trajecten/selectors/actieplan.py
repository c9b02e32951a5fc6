"""Het actieplan, het opleidingsbudget en de documenten van een dossier: ophalen (gescoped),
voortgang, en de verlopen acties voor de werkvoorraad."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404

from ..constants import OPEN_STATUSSEN
from ..models import Actie, ActieStatus, Document, Traject
from .signalen import Bereik, regelkolommen


def actie_ophalen(*, user, pk: int) -> Actie:
    """De actie met `pk` op een traject dat `user` mag zien; anders `Http404`."""
    return get_object_or_404(
        Actie.objects.voor(user).select_related("traject__deelnemer"), pk=pk
    )


def document_ophalen(*, user, pk: int) -> Document:
    """Het document met `pk` van een deelnemer die nu in een gemeente van `user` woont; anders
    `Http404` (net als het dossier)."""
    return get_object_or_404(Document.objects.voor(user).select_related("deelnemer"), pk=pk)


@dataclass
class Voortgang:
    """De voortgang van een actieplan: gedaan van het aantal acties dat telt (vervallen acties
    tellen niet mee), en hoeveel open acties over hun deadline zijn."""

    gedaan: int
    totaal: int
    verlopen: int


def voortgang(acties: list[Actie]) -> Voortgang:
    """Op de (al opgehaalde) acties van een traject: geen query."""
    tellend = [a for a in acties if a.status != ActieStatus.VERVALLEN]
    return Voortgang(
        gedaan=sum(1 for a in tellend if a.status == ActieStatus.GEDAAN),
        totaal=len(tellend),
        verlopen=sum(1 for a in tellend if a.is_verlopen),
    )


def actieplan(traject: Traject) -> list[Actie]:
    """De acties van een traject, deadline eerst (één query)."""
    return list(traject.acties.order_by("deadline", "pk"))


@dataclass
class Budgetstand:
    budget: Decimal
    besteed: Decimal

    @property
    def rest(self) -> Decimal:
        return self.budget - self.besteed

    @property
    def over(self) -> bool:
        return self.besteed > self.budget


def budgetstand(traject: Traject) -> Budgetstand:
    """Op een traject uit `dossier()` (met `opleidingsbudget` en `alle_uitgaven`): geen
    query."""
    return Budgetstand(
        budget=traject.opleidingsbudget,
        besteed=sum((u.bedrag for u in traject.alle_uitgaven), Decimal("0")),
    )


def acties_verlopen(b: Bereik) -> QuerySet:
    """Werkvoorraad: open acties op een open traject waarvan de deadline voorbij is."""
    qs = Actie.objects.filter(
        traject__in=b.trajecten().filter(status__in=OPEN_STATUSSEN).values("pk"),
        status=ActieStatus.OPEN, deadline__lt=b.peildatum,
    )
    return regelkolommen(qs, basis=F("deadline"), traject="traject__",
                         velden=("omschrijving", "uitvoerder"))


def dossier_extra(deelnemer, huidig: Traject | None) -> dict:
    """Wat het dossier over actieplan, budget, documenten en verhuizing toont, uit wat
    `dossier()` al ophaalde: geen query."""
    acties = huidig.alle_acties if huidig else []
    verhuizingen = deelnemer.alle_verhuizingen
    return {
        "acties": acties,
        "voortgang": voortgang(acties),
        "budgetstand": budgetstand(huidig) if huidig else None,
        "documenten": deelnemer.alle_documenten,
        "toestemmingsbewijs": next(
            (d for d in deelnemer.alle_documenten if d.bewijs_toestemming), None
        ),
        "laatste_verhuizing": verhuizingen[0] if verhuizingen else None,
    }
