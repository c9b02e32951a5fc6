"""Het opleidingsbudget: uitgaven vastleggen (docs/domain.md, "Opleidingsbudget")."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import Opleidingsbudget, Traject, Uitgave, UitgaveSoort, vandaag
from .basis import Fouten, datum_nl, recent, vergrendel_traject


def budget_van(traject: Traject) -> Decimal:
    """Het opleidingsbudget van een traject: het bedrag dat de beheerder instelde voor zijn
    programma en gemeente, of 0 zonder regel (één query)."""
    bedrag = (
        Opleidingsbudget.objects.filter(programma_id=traject.programma_id,
                                        gemeente_id=traject.gemeente_id)
        .values_list("bedrag", flat=True).first()
    )
    return bedrag if bedrag is not None else Decimal("0")


def besteed(traject: Traject) -> Decimal:
    return traject.uitgaven.aggregate(s=Sum("bedrag"))["s"] or Decimal("0")


@transaction.atomic
def uitgave_registreren(
    *,
    traject: Traject,
    door,
    soort: str,
    bedrag: Decimal,
    datum: datetime.date,
    omschrijving: str = "",
    reden_overschrijding: str = "",
) -> Uitgave:
    """Legt een uitgave uit het opleidingsbudget vast, goedgekeurd door `door`.

    Komt het totaal met deze uitgave boven het budget van het traject, dan is een reden
    verplicht (`reden_overschrijding`); anders weigert de service. De datum ligt niet in de
    toekomst en niet vóór de aanmelding. Dezelfde uitgave binnen het dubbel-venster geeft de
    eerste terug."""
    traject = vergrendel_traject(traject, door=door)
    omschrijving = (omschrijving or "").strip()
    reden_overschrijding = (reden_overschrijding or "").strip()
    fouten = Fouten()
    if soort not in UitgaveSoort.values:
        fouten.voeg_toe("soort", _("Kies waarvoor het geld is."))
    if bedrag is None or bedrag <= 0:
        fouten.voeg_toe("bedrag", _("Het bedrag moet groter zijn dan nul."))
    if datum and datum > vandaag():
        fouten.voeg_toe("datum", _("Een uitgave ligt niet in de toekomst."))
    if datum and datum < traject.aanmelddatum:
        fouten.voeg_toe("datum", _(
            "De uitgave kan niet vóór de aanmelding (%(datum)s) liggen."
        ) % {"datum": datum_nl(traject.aanmelddatum)})
    fouten.gooi()
    eerder = recent(traject.uitgaven.filter(soort=soort, bedrag=bedrag, datum=datum,
                                            omschrijving=omschrijving))
    if eerder:
        return eerder
    budget = budget_van(traject)
    rest = budget - besteed(traject)
    if bedrag > rest and not reden_overschrijding:
        raise ValidationError({"reden_overschrijding": [_(
            "Met deze uitgave gaat het traject € %(over)s boven het opleidingsbudget van "
            "€ %(budget)s (nog € %(rest)s over). Geef een reden om boven het budget te gaan."
        ) % {"over": bedrag - max(rest, Decimal("0")), "budget": budget,
             "rest": max(rest, Decimal("0"))}]})
    uitgave = Uitgave(
        traject=traject, soort=soort, bedrag=bedrag, datum=datum, omschrijving=omschrijving,
        goedgekeurd_door=door,
        reden_overschrijding=reden_overschrijding if bedrag > rest else "",
    )
    uitgave.full_clean()
    uitgave.save()
    return uitgave
