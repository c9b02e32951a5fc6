"""Het Banenoffensief Vluchtelingen 2006–2009, met het gepubliceerde resultaat.

Precies 2327 verschillende personen met een baan, stage of werkervaringsplaats die begon tussen
2006-01-01 en 2009-03-31 (doel 2600), van 2927 deelnemers; sommigen twee keer geplaatst (telt één
keer), enkelen pas ná de looptijd (tellen niet mee). De kosten komen samen uit op precies
EUR 2 500 per plaatsing.
"""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

from ..constants import GEPLAATST_SOORTEN, Soort, Status
from ..factories import DeelnemerFactory
from ..models import Deelnemer, Plaatsing
from .dossiers import maak_trajecten
from .pools import (
    GEPLAATST_GEWICHT,
    HISTORISCHE_INBURGERING,
    HISTORISCHE_LANDEN,
    HISTORISCHE_UITVOERDERS,
    REDENEN_UITVAL,
    TAALNIVEAUS,
)
from .tijdlijn import Tijdlijn, gewogen, tussen, verschuif, voorportaal_kans

if TYPE_CHECKING:
    from .bouwer import Bouwer

HISTORIE_VAN = datetime.date(2006, 1, 1)
HISTORIE_TOT = datetime.date(2009, 3, 31)
HISTORIE_GEPLAATST = 2327
HISTORIE_NIET_GEPLAATST = 600
HISTORIE_KOSTEN_PER_PLAATSING = Decimal("2500.00")
LAATSTE_AANMELDING = datetime.date(2008, 12, 31)


def maak_historie(b: Bouwer) -> None:
    """De 2927 deelnemers van 2006–2009 met hun trajecten; telt daarna de geplaatste personen."""
    rnd = b.rnd
    tijdlijnen, personen = [], []
    for i in range(HISTORIE_GEPLAATST + HISTORIE_NIET_GEPLAATST):
        tijdlijn = historische_tijdlijn(rnd, geplaatst=i < HISTORIE_GEPLAATST)
        a = tijdlijn.aanmelddatum
        personen.append(
            DeelnemerFactory.build(
                **b.naam(rnd.choice(HISTORISCHE_LANDEN)),
                gemeente=rnd.choice(b.gemeenten),
                bsn="",  # het BSN bestond pas vanaf eind 2007
                geboortedatum=verschuif(a, -rnd.randint(18 * 365 + 5, 55 * 365)),
                datum_verblijfsvergunning=verschuif(a, -rnd.randint(60, 6 * 365)),
                toestemming_datum=a,
                taalniveau=gewogen(rnd, TAALNIVEAUS),
                inburgering=gewogen(rnd, HISTORISCHE_INBURGERING),
            )
        )
        tijdlijnen.append(tijdlijn)
    b.bulk(Deelnemer, personen)
    maak_trajecten(
        b, b.historie, personen, tijdlijnen, HISTORISCHE_UITVOERDERS, met_coach=False,
        kosten=verdeel_kosten(tijdlijnen), contacten_per_fase=1,
    )
    b.telling.historie_geplaatst = (
        Plaatsing.objects.filter(
            traject__programma=b.historie,
            soort__in=GEPLAATST_SOORTEN,
            startdatum__range=(HISTORIE_VAN, HISTORIE_TOT),
        )
        .values("traject__deelnemer")
        .distinct()
        .count()
    )


def historische_tijdlijn(rnd: random.Random, *, geplaatst: bool) -> Tijdlijn:
    """Eén traject uit 2006–2009; `geplaatst`: een van de 2327, geplaatst binnen de looptijd."""
    a = tussen(rnd, HISTORIE_VAN, LAATSTE_AANMELDING)
    start = verschuif(a, rnd.randint(7, 35))
    momenten = {Status.AANGEMELD: a, Status.INTAKE: start, Status.ACTIEF: verschuif(start, 7)}
    if geplaatst:
        plaatsing = min(verschuif(start, rnd.randint(21, 240)), HISTORIE_TOT)
        plaatsing = max(plaatsing, verschuif(start, 8))
        momenten[Status.GEPLAATST] = plaatsing
        momenten[Status.NAZORG] = verschuif(plaatsing, rnd.randint(30, 90))
        einde = verschuif(momenten[Status.NAZORG], rnd.randint(120, 240))
        if rnd.random() < 0.12:
            return Tijdlijn(
                Status.UITGEVALLEN, momenten, einddatum=einde,
                reden_uitval="Contract niet verlengd; daarna buiten beeld geraakt",
                geplaatst_soort=gewogen(rnd, GEPLAATST_GEWICHT),
            )
        momenten[Status.AFGEROND] = einde
        return Tijdlijn(
            Status.AFGEROND, momenten, einddatum=einde,
            geplaatst_soort=gewogen(rnd, GEPLAATST_GEWICHT),
        )

    keuze = rnd.random()
    if keuze < 0.05:
        # Geplaatst, maar pas na de looptijd: telt niet mee in de 2327.
        plaatsing = verschuif(HISTORIE_TOT, rnd.randint(1, 150))
        momenten[Status.GEPLAATST] = plaatsing
        momenten[Status.AFGEROND] = verschuif(plaatsing, rnd.randint(90, 200))
        return Tijdlijn(
            Status.AFGEROND, momenten, einddatum=momenten[Status.AFGEROND],
            geplaatst_soort=gewogen(rnd, GEPLAATST_GEWICHT),
        )
    if keuze < 0.35:
        # Alleen een opleiding of vrijwilligerswerk: geen 'geplaatst'.
        einde = verschuif(start, rnd.randint(120, 400))
        momenten[Status.AFGEROND] = einde
        return Tijdlijn(
            Status.AFGEROND, momenten, einddatum=einde,
            voorportaal=rnd.choice([Soort.OPLEIDING, Soort.VRIJWILLIGERSWERK]),
        )
    return Tijdlijn(
        Status.UITGEVALLEN, momenten, einddatum=verschuif(start, rnd.randint(10, 300)),
        reden_uitval=rnd.choice(REDENEN_UITVAL),
        voorportaal=voorportaal_kans(rnd, momenten) if rnd.random() < 0.5 else None,
    )


def verdeel_kosten(tijdlijnen) -> list[Decimal]:
    """Precies EUR 2 500 per geplaatste persoon in totaal, verdeeld naar de duur per traject."""
    totaal = HISTORIE_KOSTEN_PER_PLAATSING * HISTORIE_GEPLAATST
    gewichten = [
        (t.einddatum - t.aanmelddatum).days + (300 if t.geplaatst_soort else 30)
        for t in tijdlijnen
    ]
    som = sum(gewichten)
    bedragen = [
        (totaal * g / som).quantize(Decimal("0.01"), rounding=ROUND_DOWN) for g in gewichten
    ]
    bedragen[-1] += totaal - sum(bedragen)
    return bedragen
