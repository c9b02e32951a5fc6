"""Demogegevens in bulk, voor `manage.py seed_demo`.

Wat dit garandeert:

- **Deterministisch**: hetzelfde `seed` (en dezelfde peildatum `vandaag`) geeft dezelfde
  gegevens: alle toeval komt uit één `random.Random(seed)` plus de met hetzelfde seed
  gezaaide generatoren van `random`, factory-boy en Faker (die de factories gebruiken).
- **Realistisch**: namen uit de Nederlandse, Arabische, Tigrinya en Perzische pools van de
  factories; per traject een samenhangende tijdlijn (aanmelding → intake → actief → plaatsing
  → nazorg → afgerond, of uitgevallen met een reden), nooit een datum na vandaag.
- **Volledig**: trajecten in élke status, plaatsingen van élke soort (vanaf tien deelnemers),
  coaches met een geldige, verlopen of ontbrekende VOG, werkgevers, intakes, gesprekken,
  werkgeverscontacten en nazorg, verspreid over de elf voortrekkersgemeenten.
- **Het Banenoffensief 2006–2009** zoals gepubliceerd: precies 2327 verschillende personen met
  een baan, stage of werkervaringsplaats die begon tussen 2006-01-01 en 2009-03-31 (doel 2600),
  en samen precies EUR 2 500 kosten per plaatsing.
- **Snel**: alles gaat met `bulk_create` in blokken (geen save per rij, dus ook geen
  wijzigingshistorie en geen signalen voor deze demogegevens).

De personen en organisaties (deelnemers, coaches, werkgevers) komen uit de factory-boy
factories in `trajecten/factories.py`. De modules, in de volgorde van de opbouw:

- `accounts.py`: de demo-accounts, één per rol;
- `opruimen.py`: de dossiertabellen wissen;
- `bouwer.py`: de toestand van één opbouw (toeval, peildatum, wat al gemaakt is);
- `pools.py`: waaruit gekozen wordt (namen, beroepen, notities, gewichten);
- `organisaties.py`: werkgevers en coaches;
- `tijdlijn.py`: welke status op welke datum;
- `dossiers.py`: traject, intake, plaatsingen en contacten bij een tijdlijn;
- `lopend.py`: het Vervolg Banenoffensief tot vandaag;
- `historie.py`: het Banenoffensief 2006–2009;
- `actieplan.py`: actieplannen, opleidingsbudgetten, documenten en overdrachten (issue 14).
- `partners.py`: werkgevers als partner (Werkakkoorden, contacten, social return,
  bijeenkomsten, vacatures en voordrachten).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

import factory.random
from django.db import transaction

from .. import factories, models
from .accounts import DEMO_ACCOUNTS, DemoAccount, maak_demo_accounts
from .actieplan import maak_actieplan_budget_documenten
from .bouwer import BLOK, HISTORISCH_PROGRAMMA, LIVE_PROGRAMMA, Bouwer, Telling
from .historie import HISTORIE_GEPLAATST, HISTORIE_NIET_GEPLAATST, maak_historie
from .lopend import maak_lopend_blok
from .opruimen import (
    DOSSIERMODELLEN,
    heeft_dossiergegevens,
    wis_dossiergegevens,
)
from .organisaties import maak_coaches, maak_werkgevers
from .partners import maak_partners

__all__ = [
    "DEMO_ACCOUNTS",
    "DOSSIERMODELLEN",
    "HISTORIE_GEPLAATST",
    "HISTORIE_NIET_GEPLAATST",
    "HISTORISCH_PROGRAMMA",
    "LIVE_PROGRAMMA",
    "DemoAccount",
    "Telling",
    "bouw_demodata",
    "heeft_dossiergegevens",
    "maak_demo_accounts",
    "wis_dossiergegevens",
]


def bouw_demodata(
    *, deelnemers: int = 500, seed: int = 1, vandaag: datetime.date | None = None,
    voortgang: Callable[[str], None] | None = None,
) -> Telling:
    """Bouwt de demogegevens in een lege dossierdatabase (roep eerst `wis_dossiergegevens`).

    `deelnemers` is het aantal deelnemers in het lopende programma; daarnaast komen er
    2927 deelnemers in het Banenoffensief 2006–2009. Geeft de telling terug.
    """
    random.seed(seed)
    factory.random.reseed_random(seed)
    for f in (factories.DeelnemerFactory, factories.CoachFactory, factories.WerkgeverFactory):
        f.reset_sequence(0, force=True)
    b = Bouwer(
        rnd=random.Random(seed), vandaag=vandaag or models.vandaag(), voortgang=voortgang
    )
    with transaction.atomic():
        maak_werkgevers(b, max(4 * len(b.gemeenten), deelnemers // 25))
        maak_coaches(b, max(30, deelnemers // 4))
        b.voortgang(f"werkgevers en coaches klaar; {deelnemers} deelnemers volgen")
        for begin in range(0, deelnemers, BLOK):
            aantal = min(BLOK, deelnemers - begin)
            maak_lopend_blok(b, begin, aantal)
            b.voortgang(f"lopend programma: {begin + aantal}")
        maak_historie(b)
        maak_actieplan_budget_documenten(b, seed=seed)
        maak_partners(b)
    return b.telling
