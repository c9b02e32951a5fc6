"""Een tweede machine voor leeswerk: de rapportage leest van de replica, al het andere niet, en
zonder bereikbare replica van de primaire database (één logregel, geen foutpagina).

De replica is hier een tweede alias naar dezelfde testdatabase: welke alias een query krijgt,
is zo te zien in het querylog per verbinding. Zonder testtransactie (`transaction=True`), want
binnen een open transactie leest de router bewust primair (eigen wijzigingen zien).
"""

import datetime
import logging

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection, connections
from django.test.utils import CaptureQueriesContext

from config import replica
from config.replica import (
    REPLICA,
    ReplicaRouter,
    leesdatabase_rapportage,
    leest_van_replica,
    replica_achterstand,
)
from tests.betrouwbaarheid.hulp import HttpsClient
from trajecten.models import Traject

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", REPLICA]
)

DASHBOARD = "/rapportage/"


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup, django_db_blocker):
    """"replica" = een tweede verbinding naar dezelfde testdatabase (vóór de testklasse
    bestaat, zodat de test hem mag gebruiken)."""
    connections.settings[REPLICA] = {**connections.settings["default"]}
    yield
    connections[REPLICA].close()
    del connections.settings[REPLICA]
    del connections[REPLICA]


@pytest.fixture(autouse=True)
def geen_oude_storing():
    replica._storing.update(tot=0.0, gemeld=False)


@pytest.fixture
def met_replica():
    return connections[REPLICA]


@pytest.fixture
def dode_replica(monkeypatch):
    """"replica" op een poort of pad waar geen database is."""
    verbinding = connections[REPLICA]
    if verbinding.connection is not None:  # ook een SQLite-database in het geheugen
        verbinding.connection.close()
        verbinding.connection = None
    if connection.vendor == "postgresql":
        monkeypatch.setitem(verbinding.settings_dict, "PORT", "8169")
        monkeypatch.setitem(verbinding.settings_dict, "OPTIONS",
                            {**verbinding.settings_dict.get("OPTIONS", {}), "connect_timeout": 1})
    else:
        monkeypatch.setitem(verbinding.settings_dict, "NAME", "/bestaat/niet/replica.sqlite3")
    yield
    verbinding.close()


def _tabellen(queries) -> str:
    return " ".join(q["sql"] for q in queries)


def test_zonder_replica_leest_alles_primair(monkeypatch):
    monkeypatch.setattr(replica, "replica_ingesteld", lambda: False)
    router = ReplicaRouter()
    with leesdatabase_rapportage():
        assert router.db_for_read(Traject) == "default"
    assert replica_achterstand() == datetime.timedelta(0)


def test_rapportage_leest_van_de_replica_en_de_rest_primair(met_replica, landelijk):
    router = ReplicaRouter()
    assert router.db_for_read(Traject) == "default"  # werkplek
    with leesdatabase_rapportage():
        assert router.db_for_read(Traject) == REPLICA
        assert router.db_for_write(Traject) == "default"
    browser = HttpsClient()
    browser.force_login(landelijk)

    with CaptureQueriesContext(met_replica) as op_replica, \
            CaptureQueriesContext(connection) as primair:
        antwoord = browser.get(DASHBOARD)

    assert antwoord.status_code == 200
    assert "trajecten_traject" in _tabellen(op_replica.captured_queries)
    assert "rapportage_gegevensversie" in _tabellen(op_replica.captured_queries)
    # Primair alleen sessie, gebruiker en rollen: geen cijfers.
    assert "trajecten_traject" not in _tabellen(primair.captured_queries)
    assert "django_session" in _tabellen(primair.captured_queries)


def test_export_leest_van_de_replica_en_logt_primair(met_replica, landelijk):
    browser = HttpsClient()
    browser.force_login(landelijk)
    programma = browser.get(DASHBOARD).context["programma"]
    cache.clear()

    with CaptureQueriesContext(met_replica) as op_replica, \
            CaptureQueriesContext(connection) as primair:
        antwoord = browser.get("/rapportage/export.csv", {"programma": programma.pk})

    assert antwoord.status_code == 200
    assert "trajecten_traject" in _tabellen(op_replica.captured_queries)
    assert "INSERT INTO \"gemeenten_toegangslog\"" in _tabellen(primair.captured_queries)
    assert "gemeenten_toegangslog" not in _tabellen(op_replica.captured_queries)


def test_binnen_een_transactie_leest_de_rapportage_primair(met_replica):
    from django.db import transaction

    with transaction.atomic(), leesdatabase_rapportage():
        assert ReplicaRouter().db_for_read(Traject) == "default"


def test_onbereikbare_replica_valt_terug_met_een_logregel(dode_replica, landelijk, caplog):
    browser = HttpsClient()
    browser.force_login(landelijk)

    with caplog.at_level(logging.WARNING, logger="config.replica"), \
            CaptureQueriesContext(connection) as primair:
        eerste = browser.get(DASHBOARD)
        tweede = browser.get(DASHBOARD)

    assert eerste.status_code == tweede.status_code == 200
    assert "trajecten_traject" in _tabellen(primair.captured_queries)
    meldingen = [r.getMessage() for r in caplog.records if r.name == "config.replica"]
    assert len(meldingen) == 1, meldingen
    assert meldingen[0].startswith("Replica onbereikbaar (OperationalError): de rapportage leest "
                                   "van de primaire database")
    assert replica_achterstand() == datetime.timedelta(0)


def test_replica_die_halverwege_wegvalt_rekent_opnieuw_primair(met_replica, caplog, monkeypatch):
    pogingen = []

    @leest_van_replica
    def tel():
        pogingen.append(ReplicaRouter().db_for_read(Traject))
        if len(pogingen) == 1:  # zoals een replica die net stopte
            monkeypatch.setattr(met_replica, "is_usable", lambda: False)
            raise OperationalError("the database system is shutting down")
        return Traject.objects.count()

    with caplog.at_level(logging.WARNING, logger="config.replica"):
        assert tel() == 0
    assert pogingen == [REPLICA, "default"]
    assert [r.getMessage()[:20] for r in caplog.records] == ["Replica onbereikbaar"]


def test_achterstand_van_een_bijgewerkte_replica_is_nul(met_replica):
    assert replica_achterstand() == datetime.timedelta(0)
