"""Het dossier bij een tijdlijn: traject, intake, plaatsingen en contactmomenten.

Alles volgt de tijdlijn: een intake op de startdatum, een voorportaal (proefplaatsing,
opleiding, ...) vóór een echte plaatsing, gesprekken tot de plaatsing, daarna een
werkgeverscontact en nazorg, en bij uitval een laatste gesprek met de reden.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..constants import Belemmering, ContactSoort, Contractvorm, RedenAfgerond, Soort, Status
from ..models import Afspraak, Contactmoment, Intake, Plaatsing, Traject
from .agenda import kies_behandelaar, koppel_verslagen, maak_agenda, wachtlijst_of_verhuisd
from .organisaties import kies_coach
from .pools import (
    BELEMMERING_GEWICHT,
    BEROEPEN,
    NOTITIES_GESPREK,
    NOTITIES_NAZORG,
    NOTITIES_WERKGEVER,
    SECTOREN,
    STAPPEN,
)
from .tijdlijn import Tijdlijn, gewogen, tussen, verschuif

if TYPE_CHECKING:
    from .bouwer import Bouwer


def maak_trajecten(
    b: Bouwer, programma, personen, tijdlijnen, uitvoerders, *, met_coach, kosten=None,
    contacten_per_fase=6, met_agenda=False,
) -> list[Traject]:
    """Per persoon een traject volgens zijn tijdlijn, met intake, plaatsingen en contacten.

    `kosten` geeft per traject het bedrag (de historie); zonder die lijst volgen de kosten de
    duur van het traject. `met_coach`: open trajecten krijgen een inzetbare coach.
    `met_agenda` (het lopende programma): een behandelaar, afspraken en de wachtlijst
    (`agenda.py`); de nazorgcontacten zijn dan de verslagen van de nazorgafspraken.
    """
    rnd, vandaag = b.rnd, b.vandaag
    trajecten = []
    for i, (persoon, t) in enumerate(zip(personen, tijdlijnen, strict=True)):
        coach_id = kies_coach(b, persoon.gemeente_id, t) if met_coach else None
        if kosten is not None:
            bedrag = kosten[i]
        elif t.startdatum:
            maanden = max(1, ((t.einddatum or vandaag) - t.startdatum).days // 30)
            bedrag = Decimal(min(6000, 250 + maanden * rnd.randint(80, 220)))
        else:
            bedrag = Decimal(0)
        traject = Traject(
            deelnemer_id=persoon.pk, programma=programma, gemeente_id=persoon.gemeente_id,
            coach_id=coach_id, uitvoerder=gewogen(rnd, uitvoerders), status=t.status,
            aanmelddatum=t.aanmelddatum, startdatum=t.startdatum, einddatum=t.einddatum,
            reden_uitval=t.reden_uitval, reden_afgerond=_reden_afgerond(t), kosten=bedrag,
        )
        if met_agenda:
            traject.behandelaar_id = kies_behandelaar(b, persoon.gemeente_id, t)
            wachtlijst_of_verhuisd(b, traject)
        trajecten.append(traject)
    b.bulk(Traject, trajecten)

    intakes, plaatsingen, contacten = [], [], []
    for traject, t in zip(trajecten, tijdlijnen, strict=True):
        medewerker_id = traject.behandelaar_id or b.medewerker_van.get(traject.gemeente_id)
        if t.startdatum:
            intakes.append(_intake(b, traject, t, medewerker_id))
        plaatsingen.extend(_plaatsingen(b, traject, t))
        contacten.extend(_contacten(b, traject, t, medewerker_id, contacten_per_fase,
                                    nazorg=not met_agenda))
    b.bulk(Intake, intakes)
    b.bulk(Plaatsing, plaatsingen)
    if met_agenda:
        b.bulk(Afspraak, maak_agenda(b, trajecten, tijdlijnen, plaatsingen, contacten))
        koppel_verslagen(b)
    b.bulk(Contactmoment, contacten)
    return trajecten


def _reden_afgerond(t: Tijdlijn) -> str:
    """Afgerond na een baan, stage of werkervaringsplaats: werk; na alleen een opleiding of
    vrijwilligerswerk: die uitstroom; anders 'anders'."""
    if t.status != Status.AFGEROND:
        return ""
    if t.geplaatst_soort:
        return RedenAfgerond.WERK
    return {
        Soort.OPLEIDING: RedenAfgerond.ONDERWIJS,
        Soort.VRIJWILLIGERSWERK: RedenAfgerond.VRIJWILLIGERSWERK,
    }.get(t.voorportaal, RedenAfgerond.ANDERS)


def _intake(b: Bouwer, traject, t: Tijdlijn, medewerker_id) -> Intake:
    rnd = b.rnd
    sector = rnd.choice(SECTOREN)
    beroep = rnd.choice(BEROEPEN[sector])
    belemmeringen = sorted(
        {gewogen(rnd, BELEMMERING_GEWICHT.items()) for _ in range(rnd.randint(1, 3))}
    )
    stappen = "; ".join(STAPPEN[Belemmering(code)] for code in belemmeringen)
    return Intake(
        traject_id=traject.pk, datum=t.startdatum, medewerker_id=medewerker_id,
        beroepswens=beroep, sector=sector, belemmeringen=belemmeringen,
        actieplan=f"Doel: werk als {beroep.lower()}. Stappen: {stappen}; daarna "
                  f"solliciteren met hulp van de coach.",
    )

def _plaatsingen(b: Bouwer, traject, t: Tijdlijn) -> list[Plaatsing]:
    rnd, vandaag = b.rnd, b.vandaag
    resultaat = []
    grens = t.einddatum or vandaag
    geplaatst_op = t.momenten.get(Status.GEPLAATST)
    if t.voorportaal and Status.ACTIEF in t.momenten:
        # Een voorportaal (proefplaatsing, opleiding, ...) ligt vóór een echte plaatsing.
        actief = t.momenten[Status.ACTIEF]
        grens_voorportaal = geplaatst_op or grens
        start = verschuif(actief, rnd.randint(7, 60))
        if start > grens_voorportaal:
            start = tussen(rnd, actief, grens_voorportaal)
        eind = verschuif(start, rnd.randint(30, 120))
        if eind > grens_voorportaal:
            eind = grens_voorportaal if (geplaatst_op or t.einddatum) else None
        werkgever = b.werkgever(traject.gemeente_id)
        resultaat.append(
            Plaatsing(
                traject_id=traject.pk, soort=t.voorportaal,
                werkgever=None if t.voorportaal == Soort.OPLEIDING else werkgever,
                functie="" if t.voorportaal == Soort.OPLEIDING
                else rnd.choice(BEROEPEN[werkgever.sector]),
                startdatum=start, einddatum=eind,
                uren_per_week=rnd.choice([8, 12, 16, 20, 24]),
                contractvorm=Contractvorm.GEEN,
            )
        )
    if geplaatst_op and t.geplaatst_soort:
        soorten = [t.geplaatst_soort]
        if t.geplaatst_soort == Soort.STAGE and rnd.random() < 0.4:
            soorten.append(Soort.BAAN)  # stage, daarna een baan: telt één persoon
        start = geplaatst_op
        for n, soort in enumerate(soorten):
            werkgever = b.werkgever(traject.gemeente_id)
            eind = None
            if soort != Soort.BAAN or rnd.random() < 0.25:
                eind = verschuif(start, rnd.randint(60, 300))
            if n + 1 < len(soorten):
                eind = verschuif(start, rnd.randint(60, 150))
            if t.status == Status.UITGEVALLEN:
                eind = t.einddatum
            if eind and (eind > vandaag or eind < start):
                eind = None
            resultaat.append(
                Plaatsing(
                    traject_id=traject.pk, soort=soort, werkgever=werkgever,
                    functie=rnd.choice(BEROEPEN[werkgever.sector]), startdatum=start,
                    einddatum=eind, uren_per_week=rnd.choice([16, 20, 24, 28, 32, 36, 38]),
                    contractvorm=_contractvorm(b, soort),
                )
            )
            if eind is None or verschuif(eind, 14) > grens:
                break
            start = verschuif(eind, rnd.randint(1, 14))
    return resultaat

def _contractvorm(b: Bouwer, soort: str) -> str:
    if soort == Soort.STAGE:
        return Contractvorm.STAGEOVEREENKOMST
    if soort == Soort.WERKERVARINGSPLAATS:
        return Contractvorm.GEEN
    return b.rnd.choice(
        [Contractvorm.BEPAALDE_TIJD, Contractvorm.BEPAALDE_TIJD, Contractvorm.ONBEPAALDE_TIJD,
         Contractvorm.UITZEND, Contractvorm.OPROEP]
    )

def _contacten(
    b: Bouwer, traject, t: Tijdlijn, medewerker_id, per_fase, *, nazorg: bool = True
) -> list[Contactmoment]:
    rnd, vandaag = b.rnd, b.vandaag
    contacten = []

    def contact(datum, soort, notitie):
        contacten.append(
            Contactmoment(
                traject_id=traject.pk, datum=datum, soort=soort, notitie=notitie,
                medewerker_id=medewerker_id,
            )
        )

    if not t.startdatum:
        return contacten
    grens = t.einddatum or vandaag
    geplaatst_op = t.momenten.get(Status.GEPLAATST)
    datum = t.startdatum
    tot = geplaatst_op or grens
    for _ in range(per_fase):
        datum = verschuif(datum, rnd.randint(21, 45))
        if datum >= tot:
            break
        contact(datum, ContactSoort.GESPREK, rnd.choice(NOTITIES_GESPREK))
    if geplaatst_op:
        contact(
            max(t.startdatum, verschuif(geplaatst_op, -rnd.randint(0, 14))),
            ContactSoort.WERKGEVERSCONTACT, rnd.choice(NOTITIES_WERKGEVER),
        )
        datum = t.momenten.get(Status.NAZORG, geplaatst_op)
        for _ in range(per_fase if nazorg else 0):
            datum = verschuif(datum, rnd.randint(25, 40))
            if datum > grens:
                break
            contact(datum, ContactSoort.NAZORG, rnd.choice(NOTITIES_NAZORG))
    if t.status == Status.UITGEVALLEN:
        contact(t.einddatum, ContactSoort.GESPREK, f"Traject beëindigd: {t.reden_uitval}.")
    return contacten
