"""Het opleidingsbudget: besteed per gemeente en voor het programma (docs/domain.md,
"Indicatoren", *Opleidingsbudget besteed*).

Besteed = de som van de uitgaven (`trajecten.Uitgave.bedrag`) met een datum in de periode, tot
en met de peildatum, op trajecten van het programma in de gekozen gemeenten; een uitgave telt
bij de gemeente van haar traject (`Traject.gemeente`, zoals elke indicator). Daarnaast het aantal
trajecten met minstens één zo'n uitgave. Twee queries: per gemeente, en voor de hele selectie
(het programma); de totaalrij is dus de telling, geen optelling van rijen.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Sum

from trajecten.models import Uitgave

from .selectie import Selectie

KOLOMMEN = ("opleidingsbudget_besteed", "opleidingsbudget_trajecten")


def _uitgaven(s: Selectie):
    qs = Uitgave.objects.filter(traject__programma_id=s.programma_id,
                                datum__range=s.plaatsingen_periode)
    if s.gemeente_ids is not None:
        qs = qs.filter(traject__gemeente_id__in=s.gemeente_ids)
    return qs.order_by()


def _cijfers() -> dict:
    return {"opleidingsbudget_besteed": Sum("bedrag"),
            "opleidingsbudget_trajecten": Count("traject", distinct=True)}


def _rij(r: dict | None) -> dict:
    r = r or {}
    return {"opleidingsbudget_besteed": r.get("opleidingsbudget_besteed") or Decimal("0"),
            "opleidingsbudget_trajecten": r.get("opleidingsbudget_trajecten") or 0}


def opleidingsbudget(s: Selectie) -> dict:
    """{"per_gemeente": {gemeente_id: rij}, "totaal": rij}, elke rij met `KOLOMMEN`."""
    per_gemeente = {
        r.pop("traject__gemeente_id"): _rij(r)
        for r in _uitgaven(s).values("traject__gemeente_id").annotate(**_cijfers())
    }
    return {"per_gemeente": per_gemeente, "totaal": _rij(_uitgaven(s).aggregate(**_cijfers()))}


def met_opleidingsbudget(rijen: list[dict], totaal: dict, budget: dict) -> None:
    """Zet de kolommen van het opleidingsbudget in de rijen van de tabel en de totaalrij."""
    for rij in rijen:
        rij.update(budget["per_gemeente"].get(rij["gemeente_id"]) or _rij(None))
    totaal.update(budget["totaal"])
