"""De cache is exact: na elke schrijfactie (ook bulk, update en delete) zijn de cijfers op de
pagina gelijk aan de live definitie."""

import datetime

import pytest
from django.db import connection, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rapportage import indicatoren as ind
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory
from rapportage.models import Gegevensversie
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort, Status, Uitvoerder
from trajecten.factories import CoachFactory, DeelnemerFactory
from trajecten.models import Plaatsing, Traject

D = datetime.date


def gegevensversie():
    """(som van de versies, som van de sleutels) over alle (programma, gemeente)."""
    r = Gegevensversie.objects.aggregate(v=Sum("versie"), s=Sum("sleutel"))
    return (r["v"] or 0, r["s"] or 0)

pytestmark = pytest.mark.django_db
LANDELIJK = reverse("rapportage:landelijk")


@pytest.fixture
def pagina(client, landelijk, programma, peildatum):
    client.force_login(landelijk)

    def haal():
        response = client.get(LANDELIJK, {"programma": programma.pk})
        assert response.status_code == 200
        return response.context

    return haal


def live(context):
    return ind.dashboard(context["selectie"])


@pytest.fixture
def exact(client, programma, settings):
    """De (gecachte) pagina is gelijk aan een render zonder cache: cijfers én HTML."""

    def controleer(context):
        assert context["cijfers"] == live(context)
        settings.RAPPORTAGE_CACHE = False
        zonder_cache = client.get(LANDELIJK, {"programma": programma.pk}).context["inhoud"]
        settings.RAPPORTAGE_CACHE = True
        assert context["inhoud"] == zonder_cache
        assert client.get(LANDELIJK, {"programma": programma.pk}).context["inhoud"] == (
            zonder_cache)

    return controleer


def test_warme_cache_draait_geen_aggregaten(pagina, dataset):
    pagina()
    with CaptureQueriesContext(connection) as warm:
        pagina()
    aggregaten = [q for q in warm.captured_queries if "trajecten_" in q["sql"]]
    assert aggregaten == []


def test_cijfers_blijven_exact_na_elke_soort_schrijfactie(pagina, exact, dataset, programma,
                                                          groningen, emmen):
    eerst = pagina()
    exact(eerst)
    assert eerst["cijfers"]["kerncijfers"]["trajecten_gestart"] == 3

    # Gewone save (ORM/insert).
    t = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 6, 1),
                start=D(2026, 6, 2))
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["trajecten_gestart"] == 4
    exact(ctx)

    # Plaatsing erbij: personen geplaatst + 1.
    plaatsing(t, Soort.BAAN, D(2026, 7, 1))
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["personen_geplaatst"] == 3
    exact(ctx)

    # QuerySet.update() stuurt geen signalen; de trigger ziet hem wel.
    Plaatsing.objects.filter(traject=t).update(soort=Soort.VRIJWILLIGERSWERK)
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["personen_geplaatst"] == 2
    exact(ctx)

    # bulk_create evenmin.
    deelnemers = [DeelnemerFactory(gemeente=groningen) for _ in range(3)]
    Traject.objects.bulk_create([
        Traject(deelnemer=d, programma=programma, gemeente=groningen,
                uitvoerder=Uitvoerder.UWV, status=Status.ACTIEF,
                aanmelddatum=D(2026, 2, 1), startdatum=D(2026, 2, 2))
        for d in deelnemers
    ])
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["trajecten_gestart"] == 7
    exact(ctx)

    # Delete (via de queryset, met cascade naar plaatsingen).
    Traject.objects.filter(pk=t.pk).delete()
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["trajecten_gestart"] == 6
    exact(ctx)

    # Een coach bij een traject (coaches volgen de trajecten) en een doelstelling.
    coach = CoachFactory(gemeenten=[groningen], actief=True)
    Traject.objects.filter(pk=dataset["t2"].pk).update(coach=coach)
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=12)
    ctx = pagina()
    assert ctx["cijfers"]["kerncijfers"]["coaches_actief"] == 2
    assert [d["waarde"] for d in ctx["cijfers"]["doelstellingen"]] == [6]
    exact(ctx)


@pytest.mark.parametrize("schrijf", ["insert", "update", "delete", "m2m", "raw"])
def test_elke_schrijfactie_hoogt_de_versie_op(schrijf, dataset, programma, groningen):
    voor = gegevensversie()
    if schrijf == "insert":
        traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1))
    elif schrijf == "update":
        Traject.objects.filter(pk=dataset["t1"].pk).update(kosten=1)
    elif schrijf == "delete":
        Plaatsing.objects.filter(traject=dataset["t1"]).delete()
    elif schrijf == "m2m":
        programma.gemeenten.add(groningen)
    else:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE trajecten_traject SET kosten = 5 WHERE id = %s",
                           [dataset["t2"].pk])
    na = gegevensversie()
    assert na[0] > voor[0]
    assert na[1] != voor[1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_versie_hoogt_op_in_de_transactie_van_de_schrijfactie(groningen, programma):
    """Zonder testtransactie: de ophoging hoort bij de commit van de schrijfactie zelf."""
    voor = gegevensversie()
    with transaction.atomic():
        traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1))
        binnen = gegevensversie()
        if connection.vendor == "postgresql":
            # Uitgestelde trigger: pas bij de commit (geen vergrendeling tijdens de transactie).
            assert binnen == voor
    na_commit = gegevensversie()
    assert na_commit[0] > voor[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1))
        raise RuntimeError("terugdraaien")
    # Teruggedraaid: de versie van de teruggedraaide schrijfactie is nergens zichtbaar.
    assert gegevensversie() == na_commit
    assert Traject.objects.count() == 1


def test_elke_brontabel_heeft_een_versietrigger():
    """Ook na latere migraties (SQLite bouwt tabellen dan opnieuw op en verliest triggers)."""
    from django.apps import apps

    from rapportage.triggers import tabellen

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'rapportage_versie'"
            )
        else:
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'rapportage_versie_%' AND name LIKE '%_insert'"
            )
        met_trigger = {r[0] for r in cursor.fetchall()}
    assert {tabel for tabel, _via in tabellen(apps)} <= met_trigger
