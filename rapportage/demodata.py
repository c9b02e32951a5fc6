"""Demodoelen voor `seed_demo`: de 700 trajecten van het Vervolg Banenoffensief verdeeld over
zijn gemeenten (de elf voortrekkersgemeenten), als doel per gemeente voor de hele looptijd.

Verdeling: gelijk over de gemeenten van het programma, de rest (700 = 11 × 63 + 7) één extra
voor de eerste gemeenten in de volgorde van hun CBS-code; de som is precies de streefwaarde van
het landelijke doel. Idempotent: bestaande doelen per gemeente worden bijgewerkt.
"""

from __future__ import annotations

from .constants import Indicator
from .models import Doelstelling, Programma

PROGRAMMA = "Vervolg Banenoffensief"


def verdeel(totaal: int, aantal: int) -> list[int]:
    """`totaal` in `aantal` gehele delen die ten hoogste 1 verschillen; de grotere eerst."""
    basis, rest = divmod(totaal, aantal)
    return [basis + 1 if i < rest else basis for i in range(aantal)]


def doelen_per_gemeente() -> list[Doelstelling]:
    """Zet het doel 'trajecten gestart' van het hele programma om in doelen per gemeente.

    Doet niets zonder het programma, zijn landelijke doel of gemeenten.
    """
    programma = Programma.objects.filter(naam=PROGRAMMA).first()
    landelijk = Doelstelling.objects.filter(
        programma=programma, indicator=Indicator.TRAJECTEN_GESTART, gemeente__isnull=True,
        startdatum__isnull=True, einddatum__isnull=True,
    ).first()
    gemeenten = list(programma.gemeenten.order_by("cbs_code")) if programma else []
    if landelijk is None or not gemeenten:
        return []
    return [
        Doelstelling.objects.update_or_create(
            programma=programma, indicator=Indicator.TRAJECTEN_GESTART, gemeente=gemeente,
            startdatum=None, einddatum=None,
            defaults={"streefwaarde": streefwaarde,
                      "omschrijving": f"deel van de {landelijk.streefwaarde} trajecten"},
        )[0]
        for gemeente, streefwaarde in zip(
            gemeenten, verdeel(landelijk.streefwaarde, len(gemeenten)), strict=True)
    ]
