"""De tijdlijn van één traject: welke status op welke datum, en hoe het eindigt.

Een tijdlijn loopt door de keten aanmelding → intake → actief → geplaatst → nazorg → afgerond
(`VERLOOP`), met bij elke stap een kans op uitval (`KANS_UITVAL`), of wordt gedwongen precies in
een gegeven status te eindigen (de vaste scenario's van het lopende programma).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from ..constants import Status
from .pools import GEPLAATST_GEWICHT, REDENEN_UITVAL, VOORPORTAAL_GEWICHT

#: (volgende status, kleinste en grootste aantal dagen tot die stap)
VERLOOP = [
    (Status.INTAKE, 5, 35),
    (Status.ACTIEF, 3, 21),
    (Status.GEPLAATST, 20, 160),
    (Status.NAZORG, 30, 90),
    (Status.AFGEROND, 150, 200),
]
KANS_UITVAL = {
    Status.AANGEMELD: 0.04, Status.INTAKE: 0.04, Status.ACTIEF: 0.10, Status.GEPLAATST: 0.04,
    Status.NAZORG: 0.02,
}


def gewogen(rnd: random.Random, keuzes):
    """Eén waarde uit paren (waarde, gewicht)."""
    waarden, gewichten = zip(*keuzes, strict=True)
    return rnd.choices(waarden, weights=gewichten)[0]


def verschuif(datum: datetime.date, dagen: int) -> datetime.date:
    """De datum `dagen` later (negatief: eerder)."""
    return datum + datetime.timedelta(days=dagen)


def tussen(rnd: random.Random, van: datetime.date, tot: datetime.date) -> datetime.date:
    """Een willekeurige datum van `van` tot en met `tot` (`van` als `tot` er niet na ligt)."""
    if tot <= van:
        return van
    return verschuif(van, rnd.randint(0, (tot - van).days))


@dataclass
class Tijdlijn:
    """De datums van één traject; `momenten` geeft per bereikte status de datum."""

    status: str
    momenten: dict[str, datetime.date]
    einddatum: datetime.date | None = None
    reden_uitval: str = ""
    voorportaal: str | None = None  # soort van een plaatsing die niet als 'geplaatst' telt
    geplaatst_soort: str | None = None

    @property
    def aanmelddatum(self):
        return self.momenten[Status.AANGEMELD]

    @property
    def startdatum(self):
        return self.momenten.get(Status.INTAKE)


def maak_tijdlijn(
    rnd: random.Random, van, tot, doel=None, voorportaal=None, geplaatst_soort=None
) -> Tijdlijn:
    """Een samenhangend verloop tussen `van` en `tot`.

    Zonder `doel` loopt het traject door de stappen tot vandaag (met kans op uitval en op
    lang 'actief' blijven); met `doel` eindigt het precies in die status.
    """
    if doel is None:
        momenten = {Status.AANGEMELD: tussen(rnd, van, tot)}
        status, datum = Status.AANGEMELD, momenten[Status.AANGEMELD]
        for volgende, kort, lang in VERLOOP:
            stap = rnd.randint(kort, lang)
            if status == Status.ACTIEF and rnd.random() < 0.3:
                stap += rnd.randint(200, 500)  # vindt (nog) geen baan, stage of wep
            if rnd.random() < KANS_UITVAL[status]:
                uitval = verschuif(datum, rnd.randint(1, stap))
                if uitval <= tot:
                    return Tijdlijn(
                        Status.UITGEVALLEN, momenten, einddatum=uitval,
                        reden_uitval=rnd.choice(REDENEN_UITVAL),
                        voorportaal=voorportaal_kans(rnd, momenten),
                    )
            if verschuif(datum, stap) > tot:
                break
            datum = verschuif(datum, stap)
            status = volgende
            momenten[status] = datum
        return Tijdlijn(
            status, momenten,
            einddatum=momenten.get(Status.AFGEROND),
            voorportaal=voorportaal_kans(rnd, momenten),
            geplaatst_soort=gewogen(rnd, GEPLAATST_GEWICHT)
            if Status.GEPLAATST in momenten else None,
        )

    # Gedwongen scenario: de stappen tot het doel passen precies tussen van en tot.
    uitgevallen = doel == Status.UITGEVALLEN
    laatste = Status.ACTIEF if uitgevallen else doel
    stappen = []
    for volgende, kort, lang in VERLOOP:
        if laatste == Status.AANGEMELD:
            break
        stappen.append((volgende, rnd.randint(kort, lang)))
        if volgende == laatste:
            break
    uitvalstap = rnd.randint(10, 40) if uitgevallen else 0
    totaal = sum(d for _s, d in stappen) + uitvalstap
    ruimte = max((tot - van).days, 1)
    schaal = min(1.0, ruimte * 0.9 / totaal) if totaal else 1.0
    stappen = [(s, max(1, int(d * schaal))) for s, d in stappen]
    uitvalstap = max(1, int(uitvalstap * schaal)) if uitgevallen else 0
    totaal = sum(d for _s, d in stappen) + uitvalstap
    datum = verschuif(tot, -totaal - rnd.randint(0, max(0, ruimte - totaal) // 2))
    momenten = {Status.AANGEMELD: datum}
    for status, stap in stappen:
        datum = verschuif(datum, stap)
        momenten[status] = datum
    if uitgevallen:
        return Tijdlijn(
            Status.UITGEVALLEN, momenten, einddatum=verschuif(datum, uitvalstap),
            reden_uitval=rnd.choice(REDENEN_UITVAL),
        )
    return Tijdlijn(
        doel, momenten, einddatum=momenten.get(Status.AFGEROND), voorportaal=voorportaal,
        geplaatst_soort=geplaatst_soort,
    )


def voorportaal_kans(rnd: random.Random, momenten) -> str | None:
    """Na 'actief' soms een voorportaal: proefplaatsing, opleiding, vrijwilligerswerk, ..."""
    if Status.ACTIEF in momenten and rnd.random() < 0.35:
        return gewogen(rnd, VOORPORTAAL_GEWICHT)
    return None
