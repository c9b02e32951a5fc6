"""Het lopende programma (Vervolg Banenoffensief): deelnemers met een traject tot vandaag.

De eerste tien trajecten volgen de vaste `SCENARIOS`, zodat elke status en elke soort plaatsing
er altijd in zit; de rest loopt vrij door de keten (zie `tijdlijn.py`). Nooit een datum na de
peildatum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..constants import GEPLAATST_SOORTEN, Soort, Status
from ..factories import LANDEN, DeelnemerFactory
from ..models import Deelnemer
from .dossiers import maak_trajecten
from .pools import TAALNIVEAUS, UITVOERDERS
from .tijdlijn import gewogen, maak_tijdlijn, verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer

#: Eerste tien live trajecten: zo zit elke status en elke soort plaatsing er altijd in.
SCENARIOS = [
    (Status.AANGEMELD, None),
    (Status.INTAKE, None),
    (Status.ACTIEF, Soort.PROEFPLAATSING),
    (Status.ACTIEF, Soort.LEERWERKTRAJECT),
    (Status.ACTIEF, Soort.OPLEIDING),
    (Status.ACTIEF, Soort.VRIJWILLIGERSWERK),
    (Status.GEPLAATST, Soort.BAAN),
    (Status.NAZORG, Soort.STAGE),
    (Status.AFGEROND, Soort.WERKERVARINGSPLAATS),
    (Status.UITGEVALLEN, None),
]


def maak_lopend_blok(b: Bouwer, begin: int, aantal: int) -> None:
    """Deelnemers `begin` tot `begin + aantal` met hun traject, intake, plaatsingen, contacten."""
    rnd, vandaag = b.rnd, b.vandaag
    van = min(b.live.startdatum, verschuif(vandaag, -60))
    tijdlijnen, personen = [], []
    for i in range(begin, begin + aantal):
        if i < len(SCENARIOS):
            doel, soort = SCENARIOS[i]
            tijdlijn = maak_tijdlijn(
                rnd, van, vandaag, doel=doel,
                voorportaal=soort if soort not in GEPLAATST_SOORTEN else None,
                geplaatst_soort=soort if soort in GEPLAATST_SOORTEN else None,
            )
        else:
            tijdlijn = maak_tijdlijn(rnd, van, vandaag)
        gemeente = rnd.choice(b.gemeenten)
        a = tijdlijn.aanmelddatum
        vergunning = verschuif(a, -rnd.randint(14, 4 * 365))
        personen.append(
            DeelnemerFactory.build(
                **b.naam(rnd.choice(LANDEN)),
                gemeente=gemeente,
                bsn=b.bsn() if rnd.random() < 0.9 else "",
                geboortedatum=verschuif(a, -rnd.randint(18 * 365 + 5, 60 * 365)),
                datum_verblijfsvergunning=vergunning,
                toestemming_datum=max(vergunning, verschuif(a, -rnd.randint(0, 10))),
                taalniveau=gewogen(rnd, TAALNIVEAUS),
            )
        )
        tijdlijnen.append(tijdlijn)
    b.bulk(Deelnemer, personen)
    maak_trajecten(b, b.live, personen, tijdlijnen, UITVOERDERS, met_coach=True, met_agenda=True)
