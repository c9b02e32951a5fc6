"""Behandelaars, afspraken en de wachtlijst bij de trajecten van het lopende programma.

- **Behandelaar**: een demo-medewerker van de gemeente van het traject, om de beurt; een klein
  deel heeft er (nog) geen, en een paar open trajecten zijn net verhuisd naar de gemeente
  (`binnengekomen_op`, zonder behandelaar: 'Verhuisd naar uw gemeente' in de werkvoorraad).
- **Afspraken**: bij een baan, stage of werkervaringsplaats de nazorg na 1, 3 en 6 maanden
  (voorbij: gehouden met een nazorgcontact als verslag, soms niet verschenen of nog niet
  bijgewerkt; nog te komen: gepland); bij een open traject het laatste gesprek als gehouden
  afspraak, vaak een volgende afspraak de komende weken (ook vandaag), soms een vergeten
  afspraak van vorige week; een aangemelde deelnemer vaak een geplande intake.
- **Wachtlijst**: de helft van de trajecten in intake of actief zonder coach staat op de
  wachtlijst, sinds een datum tussen de start en vandaag.

Nooit een gehouden afspraak in de toekomst; alle toeval uit `b.rnd`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..constants import (
    GEPLAATST_SOORTEN,
    NAZORG_MAANDEN,
    OPEN_STATUSSEN,
    AfspraakSoort,
    AfspraakStatus,
    ContactSoort,
    Status,
)
from ..models import Afspraak, Contactmoment
from ..services.nazorg import NAZORG_TIJD, nazorgdatum
from .pools import NOTITIES_NAZORG
from .tijdlijn import Tijdlijn, tussen, verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer

TIJDEN = [datetime.time(u, m) for u, m in ((9, 0), (9, 30), (10, 0), (11, 0), (13, 30),
                                             (14, 0), (15, 0), (16, 0))]
LOCATIES = ["Gemeentehuis, spreekkamer 2", "Werkplein, balie 4", "Telefonisch",
            "Bij de werkgever", "Taalcafé bibliotheek"]
SOORTEN_VOLGEND = [AfspraakSoort.GESPREK, AfspraakSoort.GESPREK, AfspraakSoort.MET_COACH,
                   AfspraakSoort.WERKGEVERSBEZOEK]


def kies_behandelaar(b: Bouwer, gemeente_id: int, t: Tijdlijn) -> int | None:
    """Een demo-medewerker van de gemeente (om de beurt), of in 4 % niemand."""
    medewerkers = b.medewerkers.get(gemeente_id, [])
    if not medewerkers or b.rnd.random() < 0.04:
        return None
    b.volgende_behandelaar[gemeente_id] = (b.volgende_behandelaar.get(gemeente_id, -1) + 1) % len(
        medewerkers
    )
    return medewerkers[b.volgende_behandelaar[gemeente_id]]


def wachtlijst_of_verhuisd(b: Bouwer, traject) -> None:
    """Vóór het opslaan: de helft van de trajecten in intake of actief zonder coach op de
    wachtlijst; de helft van de open trajecten zonder behandelaar net verhuisd."""
    rnd, vandaag = b.rnd, b.vandaag
    if traject.status not in OPEN_STATUSSEN:
        return
    if (traject.coach_id is None and traject.status in (Status.INTAKE, Status.ACTIEF)
            and rnd.random() < 0.5):
        traject.wachtlijst_sinds = tussen(rnd, traject.startdatum, vandaag)
    elif traject.behandelaar_id is None and rnd.random() < 0.5:
        traject.binnengekomen_op = tussen(
            rnd, max(traject.aanmelddatum, verschuif(vandaag, -30)), vandaag
        )


def werkdag(datum: datetime.date) -> datetime.date:
    while datum.weekday() >= 5:
        datum += datetime.timedelta(days=1)
    return datum


def maak_agenda(b: Bouwer, trajecten, tijdlijnen, plaatsingen, contacten) -> list[Afspraak]:
    """Afspraken bij een blok trajecten (al opgeslagen, met pk's); `contacten` (nog niet
    opgeslagen) krijgt de verslagen van gehouden nazorg erbij, en `koppel_verslagen` koppelt
    ze na het opslaan van de afspraken. Geeft de (nog niet opgeslagen) afspraken; de aanroeper
    slaat op in de volgorde afspraken → `koppel_verslagen` → contacten."""
    rnd, vandaag = b.rnd, b.vandaag
    eerste_plaatsing = {}
    for p in plaatsingen:
        if p.soort in GEPLAATST_SOORTEN:
            eerste_plaatsing.setdefault(p.traject_id, p)
    laatste_gesprek = {}
    for c in contacten:
        if c.soort == ContactSoort.GESPREK and c.datum < vandaag:
            laatste_gesprek[c.traject_id] = c  # contacten staan op datum
    afspraken: list[Afspraak] = []
    koppelingen: list[tuple[Afspraak, Contactmoment]] = []

    def afspraak(traject, soort, datum, status=AfspraakStatus.GEPLAND, **extra):
        a = Afspraak(
            traject_id=traject.pk, medewerker_id=traject.behandelaar_id, soort=soort,
            datum=datum, tijd=extra.pop("tijd", rnd.choice(TIJDEN)), status=status,
            locatie=extra.pop("locatie", rnd.choice(LOCATIES)), **extra,
        )
        afspraken.append(a)
        return a

    for traject, t in zip(trajecten, tijdlijnen, strict=True):
        is_open = traject.status in OPEN_STATUSSEN
        einde = t.einddatum or vandaag
        p = eerste_plaatsing.get(traject.pk)
        if p is not None:
            for maanden in NAZORG_MAANDEN:
                datum = nazorgdatum(p.startdatum, maanden)
                if datum > einde and not is_open:
                    break
                notitie = f"Nazorg {maanden} maand(en) na de start."
                velden = {"plaatsing_id": p.pk, "nazorg_maanden": maanden, "tijd": NAZORG_TIJD,
                          "notitie": notitie}
                if datum >= vandaag:
                    afspraak(traject, AfspraakSoort.NAZORG, datum, **velden)
                    continue
                kans = rnd.random()
                if kans < 0.07 and verschuif(vandaag, -14) <= datum:
                    afspraak(traject, AfspraakSoort.NAZORG, datum, **velden)  # niet bijgewerkt
                elif kans < 0.12:
                    afspraak(traject, AfspraakSoort.NAZORG, datum,
                             AfspraakStatus.NIET_VERSCHENEN, **velden)
                else:
                    if maanden == max(NAZORG_MAANDEN):
                        velden["plaatsing_loopt"] = p.einddatum is None or p.einddatum > datum
                    a = afspraak(traject, AfspraakSoort.NAZORG, datum, AfspraakStatus.GEHOUDEN,
                                 **velden)
                    contact = Contactmoment(
                        traject_id=traject.pk, datum=datum, soort=ContactSoort.NAZORG,
                        notitie=rnd.choice(NOTITIES_NAZORG), medewerker_id=traject.behandelaar_id,
                    )
                    contacten.append(contact)
                    koppelingen.append((a, contact))
        if not is_open:
            continue
        gesprek = laatste_gesprek.get(traject.pk)
        if gesprek is not None:
            koppelingen.append((afspraak(traject, AfspraakSoort.GESPREK, gesprek.datum,
                                         AfspraakStatus.GEHOUDEN), gesprek))
        if traject.status == Status.AANGEMELD:
            if rnd.random() < 0.7:
                afspraak(traject, AfspraakSoort.INTAKE, werkdag(verschuif(vandaag,
                                                                         rnd.randint(0, 10))))
            continue
        kans = rnd.random()
        if kans < 0.2:
            afspraak(traject, rnd.choice(SOORTEN_VOLGEND), vandaag)
        elif kans < 0.65:
            afspraak(traject, rnd.choice(SOORTEN_VOLGEND),
                     werkdag(verschuif(vandaag, rnd.randint(1, 21))))
        elif kans < 0.72:
            afspraak(traject, AfspraakSoort.GESPREK, verschuif(vandaag, -rnd.randint(1, 7)))
    b.koppelingen = koppelingen
    return afspraken


def koppel_verslagen(b: Bouwer) -> None:
    """Na het opslaan van de afspraken: elk verslag (contact) wijst naar zijn afspraak."""
    for a, contact in b.koppelingen:
        contact.afspraak_id = a.pk
    b.koppelingen = []
