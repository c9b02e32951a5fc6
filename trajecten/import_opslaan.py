"""Bulkimport, het opslaan: alle gecontroleerde deelnemers in één transactie, of geen enkele.

Het lezen en begrenzen staat in `trajecten.importbestand`, het controleren per rij in
`trajecten.importeren`; dit is de laatste stap. `deelnemers_importeren` doet alles in één
aanroep (tests, benchmark); de taak op de wachtrij (`trajecten.import_opdracht`) roept
`controleer_bestand` en `deelnemers_opslaan` apart aan, om de voortgang te tonen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from .importbestand import ImportGeweigerd, bestandsfout
from .importeren import VOORTGANG_PER, _Controle, _Rij, controleer_bestand

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Importresultaat:
    aangemaakt: int
    per_gemeente: dict[str, int]


def deelnemers_importeren(*, inhoud: bytes, bestandsnaam: str, door) -> Importresultaat:
    """Importeer alle deelnemers uit het bestand, of geen enkele.

    Controleert eerst elke rij (`controleer_bestand`) en slaat dan alles op in één
    transactie (`deelnemers_opslaan`). Geeft `ImportGeweigerd` met de fouten per rij; dan is er
    niets opgeslagen.
    """
    rijen = controleer_bestand(inhoud=inhoud, bestandsnaam=bestandsnaam, door=door)
    return deelnemers_opslaan(rijen=rijen, door=door)


def deelnemers_opslaan(
    *, rijen: list[_Rij], door, voortgang: Callable[[int], None] | None = None
) -> Importresultaat:
    """Sla de gecontroleerde deelnemers op in één transactie (of een savepoint daarin).

    Tijdens het opslaan zijn de betrokken gemeenten vergrendeld en wordt opnieuw op bestaande
    deelnemers gecontroleerd, zodat twee gelijktijdige imports van hetzelfde bestand niets
    dubbel maken (PostgreSQL; SQLite laat schrijvers toch al op elkaar wachten). Geeft
    `ImportGeweigerd` als er intussen een deelnemer bij kwam; dan is er niets opgeslagen.
    `voortgang(n)` hoort elke `VOORTGANG_PER` deelnemers hoeveel er opgeslagen zijn.
    """
    try:
        with transaction.atomic(), set_actor(door):
            gemeente_ids = sorted({r.deelnemer.gemeente_id for r in rijen})
            list(Gemeente.objects.select_for_update().filter(pk__in=gemeente_ids).order_by("pk"))
            herhaling = _Controle(door=door)
            herhaling.dubbel_in_database(rijen)
            if herhaling.fouten:
                raise ImportGeweigerd(herhaling.fouten)
            per_gemeente: dict[str, int] = {}
            for n, r in enumerate(rijen, start=1):
                r.deelnemer.save()
                code = r.deelnemer.gemeente.cbs_code
                per_gemeente[code] = per_gemeente.get(code, 0) + 1
                if voortgang is not None and n % VOORTGANG_PER == 0:
                    voortgang(n)
    except IntegrityError as exc:
        logger.warning("Import teruggedraaid door een databaseregel (%s)", type(exc).__name__)
        raise bestandsfout(_(
            "Tijdens het opslaan bleek een deelnemer uit dit bestand al te bestaan (is er "
            "tegelijk iets ingevoerd?). Er is niets geïmporteerd; probeer het opnieuw."
        )) from exc
    return Importresultaat(aangemaakt=len(rijen), per_gemeente=per_gemeente)
