import datetime

import pytest
from django.core.cache import cache
from django.db import connection

from rapportage.factories import ProgrammaFactory
from rapportage.indicatoren import Selectie
from trajecten.constants import Soort, Status
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
)

D = datetime.date
PEILDATUM = D(2026, 12, 31)


@pytest.fixture(autouse=True)
def versie_trigger_direct(db):
    """Tests committen nooit; de uitgestelde versietrigger van PostgreSQL moet dan direct
    vuren, anders ziet de cache binnen een test geen wijziging (in productie vuurt hij bij de
    commit, in dezelfde transactie)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def peildatum(monkeypatch):
    """Zet 'vandaag' van de rapportage vast (standaard 31-12-2026); `peildatum(datum)` kiest
    een andere dag. Pagina's en exports rekenen dan met die peildatum."""

    def zet(datum=PEILDATUM):
        monkeypatch.setattr("rapportage.selectors.peildatum", lambda: datum)
        return datum

    zet()
    return zet


@pytest.fixture
def programma(db):
    return ProgrammaFactory(
        naam="Testprogramma rapportage", startdatum=D(2026, 1, 1), einddatum=D(2027, 12, 31)
    )


@pytest.fixture
def ander_programma(db):
    return ProgrammaFactory(
        naam="Ander programma", startdatum=D(2026, 1, 1), einddatum=D(2027, 12, 31)
    )


def traject(*, programma, gemeente, aanmeld, start=None, status=None, kosten=0, deelnemer=None,
            coach=None, eind=None, reden=None):
    extra = {"reden_afgerond": reden} if reden else {}
    return TrajectFactory(
        programma=programma,
        gemeente=gemeente,
        deelnemer=deelnemer or DeelnemerFactory(gemeente=gemeente),
        aanmelddatum=aanmeld,
        startdatum=start,
        einddatum=eind,
        status=status or (Status.ACTIEF if start else Status.AANGEMELD),
        reden_uitval="weggevallen" if status == Status.UITGEVALLEN else "",
        kosten=kosten,
        coach=coach,
        **extra,
    )


def plaatsing(traject, soort, start, eind=None):
    return PlaatsingFactory(traject=traject, soort=soort, startdatum=start, einddatum=eind)


@pytest.fixture
def dataset(programma, ander_programma, groningen, emmen):
    """Een kleine, met de hand gemaakte dataset; de verwachte cijfers staan bij de tests."""
    coach = CoachFactory(naam="Coach Groningen", gemeenten=[groningen], actief=True,
                         getraind_op=D(2025, 12, 1))
    CoachFactory(naam="Coach Emmen", gemeenten=[emmen], actief=False, getraind_op=None)
    # A: twee keer geplaatst (baan loopt nog; stage korter dan zes maanden).
    t1 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 15),
                 start=D(2026, 2, 1), status=Status.GEPLAATST, kosten=1000, coach=coach)
    plaatsing(t1, Soort.BAAN, D(2026, 3, 1))
    plaatsing(t1, Soort.STAGE, D(2026, 5, 1), D(2026, 6, 1))
    # B: vrijwilligerswerk en opleiding tellen niet als geplaatst.
    t2 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 2, 1),
                 start=D(2026, 3, 1), kosten=2000)
    plaatsing(t2, Soort.VRIJWILLIGERSWERK, D(2026, 4, 1))
    plaatsing(t2, Soort.OPLEIDING, D(2026, 4, 15))
    # C (Emmen): werkervaringsplaats van twee maanden.
    t3 = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 3, 1),
                 start=D(2026, 4, 1), status=Status.GEPLAATST, kosten=500)
    plaatsing(t3, Soort.WERKERVARINGSPLAATS, D(2026, 6, 1), D(2026, 8, 1))
    # D: alleen aangemeld.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 5, 1))
    # E: ander programma telt nergens mee.
    t5 = traject(programma=ander_programma, gemeente=groningen, aanmeld=D(2026, 2, 1),
                 start=D(2026, 3, 1), status=Status.GEPLAATST, kosten=9999)
    plaatsing(t5, Soort.BAAN, D(2026, 4, 1))
    return {"t1": t1, "t2": t2, "t3": t3, "coach": coach}


@pytest.fixture
def selectie(programma):
    def maak(van=None, tot=None, gemeenten=None, peildatum=PEILDATUM):
        programma.refresh_from_db()
        return Selectie(
            programma_id=programma.pk,
            van=van or programma.startdatum,
            tot=tot or programma.einddatum,
            gemeente_ids=None if gemeenten is None else tuple(sorted(g.pk for g in gemeenten)),
            peildatum=peildatum,
            programma_start=programma.startdatum,
            programma_einde=programma.einddatum,
        )

    return maak
