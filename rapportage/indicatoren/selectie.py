"""Wat er geteld wordt: één programma, een periode en gemeenten, op een peildatum.

De periodes hieronder zijn de tijdregels van alle indicatoren (docs/domain.md, sectie
"Indicatoren"): periodes zijn inclusief (`van <= datum <= tot`), en iets telt pas als het
begonnen is (startdatum op of vóór de peildatum). Een periode waarvan het begin na het einde
ligt, is leeg: `BETWEEN a AND b` met a > b telt niets, op SQLite en PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from gemeenten.models import Gemeente
from trajecten.models import Plaatsing, Traject

from ..models import Plaatsingsfeit

Periode = tuple[datetime.date, datetime.date]


@dataclass(frozen=True)
class Selectie:
    """Eén programma (met zijn looptijd), een periode (inclusief), gemeenten en een peildatum.

    `gemeente_ids` is `None` voor alle gemeenten, anders een gesorteerde tuple; de selector
    zorgt dat dit nooit méér is dan de gemeenten van de gebruiker. `peildatum` is 'vandaag';
    tests zetten hem vast. De selectie is ook de cachesleutel van de cijfers.
    """

    programma_id: int
    van: datetime.date
    tot: datetime.date
    gemeente_ids: tuple[int, ...] | None
    peildatum: datetime.date
    programma_start: datetime.date
    programma_einde: datetime.date

    # --- de tijdregels ---

    @property
    def tot_peildatum(self) -> datetime.date:
        """Het einde van de periode, maar niet voorbij de peildatum: wat al gebeurd is."""
        return min(self.tot, self.peildatum)

    @property
    def trajecten_periode(self) -> Periode:
        """Trajecten gestart: in de periode, binnen de looptijd van het programma, begonnen."""
        return (max(self.van, self.programma_start),
                min(self.tot, self.programma_einde, self.peildatum))

    @property
    def plaatsingen_periode(self) -> Periode:
        """Plaatsingen: begonnen in de periode en op of vóór de peildatum."""
        return (self.van, self.tot_peildatum)

    @property
    def getekend_periode(self) -> Periode:
        """Getekend, nog niet gestart: begint in de periode, maar na de peildatum."""
        return (max(self.van, self.peildatum + datetime.timedelta(days=1)), self.tot)

    # --- de rijen die meetellen (eerst beperkt tot programma en gemeenten) ---

    def trajecten(self):
        qs = Traject.objects.filter(programma_id=self.programma_id)
        if self.gemeente_ids is not None:
            qs = qs.filter(gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    def plaatsingen(self):
        qs = Plaatsing.objects.filter(traject__programma_id=self.programma_id)
        if self.gemeente_ids is not None:
            qs = qs.filter(traject__gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    def plaatsingsfeiten(self):
        """Dezelfde plaatsingen als `plaatsingen()`, uit de feitentabel (zonder join)."""
        qs = Plaatsingsfeit.objects.filter(programma_id=self.programma_id)
        if self.gemeente_ids is not None:
            qs = qs.filter(gemeente_id__in=self.gemeente_ids)
        return qs.order_by()

    @property
    def vorige_kolom(self) -> str | None:
        """De kolom van de feitentabel die een deelnemer in deze selectie één keer telt: alle
        gemeenten de vorige werkplaatsing in het programma, één gemeente die in de gemeente.
        Een andere verzameling gemeenten heeft er geen: dan een distinct telling over de
        plaatsingen (wie in twee van die gemeenten geplaatst is, telt één keer)."""
        if self.gemeente_ids is None:
            return "vorige_in_programma"
        if len(self.gemeente_ids) == 1:
            return "vorige_in_gemeente"
        return None

    def gemeenten(self):
        qs = Gemeente.objects.all()
        if self.gemeente_ids is not None:
            qs = qs.filter(pk__in=self.gemeente_ids)
        return qs

    def landelijk(self) -> Selectie:
        """Dezelfde selectie over alle gemeenten."""
        return dataclasses.replace(self, gemeente_ids=None)
