"""Werkgevers en vrijwillige coaches per gemeente, en welke coach een traject krijgt.

Coaches hebben een geldige, verlopen (ouder dan drie jaar) of ontbrekende VOG; een open traject
krijgt alleen een actieve coach met een geldige VOG en ruimte onder `max_deelnemers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from ..constants import OPEN_STATUSSEN
from ..factories import CoachFactory, WerkgeverFactory
from ..models import Coach, Werkgever
from .bouwer import BATCH
from .pools import SECTOREN, WERKGEVER_NAMEN, WERKGEVER_SOORT
from .tijdlijn import Tijdlijn, verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer


def maak_werkgevers(b: Bouwer, aantal: int) -> None:
    """`aantal` werkgevers, om de beurt in elke gemeente, met een naam die bij de sector past."""
    rnd = b.rnd
    objecten = []
    for i in range(aantal):
        gemeente = b.gemeenten[i % len(b.gemeenten)]
        sector = rnd.choice(SECTOREN)
        kern = rnd.choice(WERKGEVER_NAMEN + [gemeente.naam.split()[-1]])
        naam = rnd.choice(WERKGEVER_SOORT[sector]).format(kern)
        objecten.append(WerkgeverFactory.build(gemeente=gemeente, sector=sector, naam=naam))
    b.bulk(Werkgever, objecten)
    for werkgever in objecten:
        b.werkgevers.setdefault(werkgever.gemeente_id, []).append(werkgever)


def maak_coaches(b: Bouwer, aantal: int) -> None:
    """`aantal` coaches, elk in een gemeente (soms twee); onthoudt wie inzetbaar is."""
    rnd, vandaag = b.rnd, b.vandaag
    coaches, gemeenten_per_coach = [], []
    for i in range(aantal):
        soort = rnd.random()
        extra = {}
        if soort < 0.12:
            extra["zonder_vog"] = True
        elif soort < 0.22:  # VOG ouder dan drie jaar
            extra["vog_datum"] = verschuif(
                vandaag - relativedelta(years=3), -rnd.randint(1, 700)
            )
        else:
            extra["vog_datum"] = verschuif(vandaag, -rnd.randint(7, 3 * 365 - 30))
        if rnd.random() < 0.10:
            extra["ongetraind"] = True
        else:
            extra["getraind_op"] = verschuif(vandaag, -rnd.randint(7, 900))
        coach = CoachFactory.build(
            actief=rnd.random() > 0.06, max_deelnemers=rnd.choice([2, 3, 3, 3, 4, 5]),
            **extra,
        )
        hoofd = b.gemeenten[i % len(b.gemeenten)]
        gemeenten = [hoofd]
        if rnd.random() < 0.15:
            tweede = rnd.choice(b.gemeenten)
            if tweede != hoofd:
                gemeenten.append(tweede)
        coaches.append(coach)
        gemeenten_per_coach.append(gemeenten)
    b.bulk(Coach, coaches)
    koppelingen = []
    for coach, gemeenten in zip(coaches, gemeenten_per_coach, strict=True):
        geldig = coach.actief and coach.heeft_geldige_vog(vandaag)
        if geldig:
            b.ruimte[coach.pk] = coach.max_deelnemers
        for gemeente in gemeenten:
            koppelingen.append(Coach.gemeenten.through(coach_id=coach.pk, gemeente_id=gemeente.pk))
            b.coaches.setdefault(gemeente.pk, []).append(coach.pk)
            if geldig:
                b.inzetbaar.setdefault(gemeente.pk, []).append(coach.pk)
    Coach.gemeenten.through.objects.bulk_create(koppelingen, batch_size=BATCH)


def kies_coach(b: Bouwer, gemeente_id: int, t: Tijdlijn) -> int | None:
    """De coach van een traject, of None (niet gestart, of in 15 % zonder coach); bij 3 % van
    de open trajecten een coach die niet (meer) telt."""
    rnd = b.rnd
    if t.startdatum is None or rnd.random() > 0.85:
        return None
    if t.status in OPEN_STATUSSEN:
        # Een enkele keer een coach die inmiddels niet meer telt (VOG verlopen of niet meer
        # actief): zo laat de demo 'zonder (geldige) coach' zien.
        if rnd.random() < 0.03:
            ongeldig = [c for c in b.coaches.get(gemeente_id, []) if c not in b.ruimte]
            if ongeldig:
                return rnd.choice(ongeldig)
        # Alleen coaches met een geldige VOG en ruimte (de caseload telt open trajecten);
        # volle coaches vallen er gaandeweg uit, zodat dit per traject O(1) blijft.
        vrij = b.inzetbaar.get(gemeente_id, [])
        while vrij:
            i = rnd.randrange(len(vrij))
            coach_id = vrij[i]
            if b.ruimte[coach_id] > 0:
                b.ruimte[coach_id] -= 1
                return coach_id
            vrij[i] = vrij[-1]
            vrij.pop()
        return None
    kandidaten = b.coaches.get(gemeente_id)
    return rnd.choice(kandidaten) if kandidaten else None
