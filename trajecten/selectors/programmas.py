"""Programma's waarvoor een traject kan starten."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from gemeenten.models import Gemeente
from rapportage.models import Programma

from ..models import vandaag


def lopende_programmas(
    *, gemeente: Gemeente | int, peildatum: datetime.date | None = None
) -> QuerySet[Programma]:
    """Programma's die op `peildatum` (standaard vandaag) lopen en waaraan `gemeente`
    meedoet (`Programma.gemeenten`), nieuwste eerst: wat 'Traject starten' aanbiedt. De regel
    zelf (aanmelddatum binnen de looptijd, gemeente doet mee) bewaakt `traject_starten`."""
    peildatum = peildatum or vandaag()
    return Programma.objects.filter(
        startdatum__lte=peildatum, einddatum__gte=peildatum, gemeenten=gemeente
    ).order_by("-startdatum", "naam")
