"""De feitentabel van de plaatsingen (issue 15): bijgehouden in de transactie van elke
schrijfactie, gelijk aan een herbouw, en dezelfde cijfers als de distinct telling over de
plaatsingen die zij vervangt (docs/domain.md, "Personen geplaatst")."""

import datetime
import random
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from gemeenten.factories import GemeenteFactory
from rapportage import feiten
from rapportage import indicatoren as ind
from rapportage.indicatoren import expressies as ex
from rapportage.models import Plaatsingsfeit
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort
from trajecten.factories import DeelnemerFactory
from trajecten.models import Plaatsing, Traject

D = datetime.date
pytestmark = pytest.mark.django_db


def tabel():
    return sorted(Plaatsingsfeit.objects.values_list())


def gelijk_aan_herbouw():
    """De bijgehouden tabel is rij voor rij wat een herbouw zou maken."""
    assert feiten.verschillen(connection) == 0
    voor = tabel()
    feiten.herbouw(connection)
    assert tabel() == voor
    return voor


def test_elke_schrijfactie_houdt_de_feiten_bij_zoals_een_herbouw(programma, groningen, emmen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    t1 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 10),
                 start=D(2026, 2, 1), deelnemer=deelnemer)
    # Twee werkplaatsingen op dezelfde dag en een opleiding.
    a = plaatsing(t1, Soort.BAAN, D(2026, 3, 1))
    b = plaatsing(t1, Soort.STAGE, D(2026, 3, 1))
    c = plaatsing(t1, Soort.OPLEIDING, D(2026, 2, 15))
    rijen = {r.plaatsing_id: r for r in Plaatsingsfeit.objects.all()}
    assert rijen[a.pk].vorige_in_programma is None and rijen[a.pk].eerste_van_traject
    assert rijen[b.pk].vorige_in_programma == D(2026, 3, 1)
    assert not rijen[b.pk].eerste_van_traject
    assert (rijen[c.pk].eerste_van_traject, rijen[c.pk].vorige_in_programma) == (False, None)
    gelijk_aan_herbouw()

    # Een tweede traject in Emmen (na een verhuizing): per gemeente opnieuw de eerste.
    t2 = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 5, 1),
                 start=D(2026, 5, 2), deelnemer=deelnemer)
    d = plaatsing(t2, Soort.WERKERVARINGSPLAATS, D(2026, 6, 1))
    feit = Plaatsingsfeit.objects.get(pk=d.pk)
    assert (feit.vorige_in_gemeente, feit.vorige_in_programma) == (None, D(2026, 3, 1))
    gelijk_aan_herbouw()

    # Het ORM zonder signalen, raw SQL (zoals een controle van buiten), een verhuizing van
    # het traject, een andere aanmelddatum en een verwijderde plaatsing.
    Plaatsing.objects.filter(pk=a.pk).update(startdatum=D(2026, 7, 1))
    assert Plaatsingsfeit.objects.get(pk=b.pk).vorige_in_programma is None
    gelijk_aan_herbouw()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE trajecten_plaatsing SET soort = 'vrijwilligerswerk' "
                       "WHERE id = %s", [b.pk])
    assert Plaatsingsfeit.objects.get(pk=a.pk).eerste_van_traject
    gelijk_aan_herbouw()
    Traject.objects.filter(pk=t1.pk).update(gemeente=emmen, aanmelddatum=D(2026, 1, 5))
    assert Plaatsingsfeit.objects.get(pk=a.pk).gemeente_id == emmen.pk
    assert Plaatsingsfeit.objects.get(pk=d.pk).vorige_in_gemeente is None  # a is later
    gelijk_aan_herbouw()
    Plaatsing.objects.filter(pk=d.pk).delete()
    assert not Plaatsingsfeit.objects.filter(pk=d.pk).exists()
    gelijk_aan_herbouw()

    # Een plaatsing naar het traject van een ander: beide deelnemers opnieuw.
    ander = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                    start=D(2026, 1, 2))
    e = plaatsing(ander, Soort.BAAN, D(2026, 1, 20))
    Plaatsing.objects.filter(pk=a.pk).update(traject=ander)
    assert Plaatsingsfeit.objects.get(pk=a.pk).vorige_in_programma == D(2026, 1, 20)
    assert Plaatsingsfeit.objects.get(pk=e.pk).deelnemer_id == ander.deelnemer_id
    gelijk_aan_herbouw()

    # Bulk: veel plaatsingen in één statement (PostgreSQL: één set-gewijze herberekening).
    Plaatsing.objects.bulk_create([
        Plaatsing(traject=t2, soort=Soort.BAAN, startdatum=D(2026, 8, i + 1),
                  werkgever=e.werkgever, functie="bulk", uren_per_week=10,
                  contractvorm=e.contractvorm)
        for i in range(20)
    ])
    assert Plaatsingsfeit.objects.filter(traject_id=t2.pk).count() == 20
    gelijk_aan_herbouw()


def willekeurige_gegevens(programma, ander_programma, gemeenten, seed):
    """Deelnemers met één tot drie trajecten in willekeurige gemeenten en programma's, elk
    nul tot vier plaatsingen van elke soort, met opzet vaak op dezelfde dag."""
    rnd = random.Random(seed)
    dagen = [D(2025, 12, 1) + datetime.timedelta(days=rnd.randrange(0, 600, 7))
             for _ in range(12)]
    for _ in range(30):
        deelnemer = DeelnemerFactory(gemeente=rnd.choice(gemeenten))
        for _ in range(rnd.randint(1, 3)):
            t = traject(programma=rnd.choice([programma, programma, ander_programma]),
                        gemeente=rnd.choice(gemeenten), aanmeld=D(2025, 11, 1),
                        start=D(2025, 11, 15), deelnemer=deelnemer)
            for _ in range(rnd.randint(0, 4)):
                start = rnd.choice(dagen)
                eind = rnd.choice([None, start + datetime.timedelta(days=rnd.randint(30, 300))])
                plaatsing(t, rnd.choice(list(Soort)), start, eind)


VENSTERS = [
    (D(2025, 12, 1), D(2027, 12, 31)), (D(2026, 1, 1), D(2026, 6, 30)),
    (D(2026, 3, 1), D(2026, 3, 31)), (D(2026, 6, 15), D(2027, 3, 1)),
    (D(2026, 9, 1), D(2026, 8, 1)),  # leeg: begin na einde
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_de_feiten_tellen_dezelfde_personen_als_de_distinct_telling(
        programma, ander_programma, groningen, emmen, selectie, seed):
    """Voor elk venster, alle gemeenten, één gemeente en elke rij van de tabel per gemeente:
    personen geplaatst en met contract uit de feiten (gewone telling) zijn gelijk aan de
    distinct telling over plaatsingen × trajecten; ook de trend, de doorlooptijd en het
    dashboard als geheel na een herbouw."""
    derde = GemeenteFactory(cbs_code="GM0106", naam="Assen")
    willekeurige_gegevens(programma, ander_programma, [groningen, emmen, derde], seed)
    gelijk_aan_herbouw()
    for van, tot in VENSTERS:
        for gemeenten in (None, [groningen], [emmen, derde]):
            s = selectie(van=van, tot=tot, gemeenten=gemeenten, peildatum=D(2026, 10, 1))
            distinct = s.plaatsingen().aggregate(**ex.plaatsing_cijfers(s))
            if s.vorige_kolom:
                uit_feiten = s.plaatsingsfeiten().aggregate(
                    **ex.plaatsing_cijfers(s, vorige=s.vorige_kolom))
                assert uit_feiten == distinct, (van, tot, gemeenten)
            per_gemeente_distinct = {
                r.pop("traject__gemeente_id"): r for r in s.plaatsingen()
                .values("traject__gemeente_id").annotate(**ex.plaatsing_cijfers(s))}
            per_gemeente_feiten = {
                r.pop("gemeente_id"): r for r in s.plaatsingsfeiten().values("gemeente_id")
                .annotate(**ex.plaatsing_cijfers(s, vorige="vorige_in_gemeente"))}
            assert per_gemeente_feiten == per_gemeente_distinct, (van, tot, gemeenten)
            # De trend telt op tot personen geplaatst, per maand van de eerste in het venster.
            trend = ind.trend(s, [])
            laatste = [m["geplaatst_cumulatief"] for m in trend
                       if m["geplaatst_cumulatief"] is not None]
            assert (laatste[-1] if laatste else 0) == distinct["personen_geplaatst"]


def test_doorlooptijd_uit_de_feiten_is_de_eerste_werkplaatsing_van_het_traject(
        programma, groningen, selectie):
    # Aanmelding 1 januari; eerste werk 11 januari (10 dagen), een latere baan telt niet.
    t1 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                 start=D(2026, 1, 2))
    plaatsing(t1, Soort.OPLEIDING, D(2026, 1, 5))
    plaatsing(t1, Soort.STAGE, D(2026, 1, 11))
    plaatsing(t1, Soort.BAAN, D(2026, 3, 1))
    # Eerste werk na de peildatum: nog geen doorlooptijd.
    t2 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                 start=D(2026, 1, 2))
    plaatsing(t2, Soort.BAAN, D(2026, 12, 1))
    # 30 dagen.
    t3 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 2, 1),
                 start=D(2026, 2, 2))
    plaatsing(t3, Soort.WERKERVARINGSPLAATS, D(2026, 3, 3))
    s = selectie(peildatum=D(2026, 10, 1))
    assert ind.mediaan_doorlooptijd(s) == 20.0  # (10 + 30) / 2
    # Een venster dat de eerste van t1 niet bevat: alleen t3, ook al begon t1's baan erin.
    s = selectie(van=D(2026, 2, 1), tot=D(2026, 6, 30), peildatum=D(2026, 10, 1))
    assert ind.mediaan_doorlooptijd(s) == 30.0


def test_feiten_herbouwen_herstelt_en_controleert(programma, groningen, capsys):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                start=D(2026, 1, 2))
    p = plaatsing(t, Soort.BAAN, D(2026, 2, 1))
    call_command("feiten_herbouwen", "--controleer")
    assert "gelijk aan een herbouw" in capsys.readouterr().out
    # Een restore van alleen de brontabellen, of iemand die de tabel leegmaakt.
    Plaatsingsfeit.objects.filter(pk=p.pk).update(vorige_in_programma=D(2025, 1, 1))
    with pytest.raises(CommandError, match="1 feiten wijken af"):
        call_command("feiten_herbouwen", "--controleer")
    call_command("feiten_herbouwen")
    assert "herbouwd: 1 plaatsingen" in capsys.readouterr().out
    call_command("feiten_herbouwen", "--controleer")
    assert Plaatsingsfeit.objects.get(pk=p.pk).vorige_in_programma is None


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="gelijktijdige transacties: SQLite heeft één schrijver tegelijk")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gelijktijdige_plaatsingen_van_een_deelnemer_zien_elkaar(programma, groningen, emmen):
    """A legt een plaatsing vast en commit pas na een seconde; B legt intussen een latere
    plaatsing vast op een ander traject van dezelfde deelnemer. B wacht in de trigger op A
    (een slot per deelnemer) en rekent daarna met A's plaatsing: de feiten zijn gelijk aan een
    herbouw. Zonder het slot zou B's plaatsing als eerste werkplaatsing tellen."""
    deelnemer = DeelnemerFactory(gemeente=groningen)
    t1 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                 start=D(2026, 1, 2), deelnemer=deelnemer)
    t2 = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 1, 1),
                 start=D(2026, 1, 2), deelnemer=deelnemer)
    voorbeeld = plaatsing(t1, Soort.OPLEIDING, D(2026, 1, 10))
    gestart, fouten = threading.Event(), []

    def nieuw(traject_, start):
        return Plaatsing.objects.create(
            traject=traject_, soort=Soort.BAAN, startdatum=start, werkgever=voorbeeld.werkgever,
            functie="Monteur", uren_per_week=32, contractvorm=voorbeeld.contractvorm)

    def a():
        try:
            with transaction.atomic():
                nieuw(t1, D(2026, 3, 1))
                gestart.set()
                time.sleep(1.0)
        except Exception as fout:  # noqa: BLE001 - de test meldt het
            fouten.append(fout)
        finally:
            connection.close()

    def b():
        try:
            gestart.wait(10)
            with transaction.atomic():
                nieuw(t2, D(2026, 4, 1))
        except Exception as fout:  # noqa: BLE001
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=a), threading.Thread(target=b)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(20)
    assert fouten == []
    later = Plaatsingsfeit.objects.get(traject_id=t2.pk, soort=Soort.BAAN)
    assert (later.vorige_in_programma, later.vorige_in_gemeente) == (D(2026, 3, 1), None)
    assert feiten.verschillen(connection) == 0
