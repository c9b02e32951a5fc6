"""Het aantal queries van elk dashboard is constant: even groot bij weinig en bij meer
trajecten, en bij 11 of 40+ gemeenten (berekend zonder cache, dus het zware pad)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.factories import GemeenteFactory
from rapportage import indicatoren as ind
from rapportage.factories import DoelstellingFactory
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort
from trajecten.factories import CoachFactory

D = datetime.date
pytestmark = pytest.mark.django_db

#: Queries van `indicatoren.dashboard()`: doelstellingen 3, trajecten 1, plaatsingen 1,
#: coaches 2, uitstroom 1, mediaan 1, per gemeente 4, trechter 1, trend 2.
DASHBOARD_QUERIES = 16


@pytest.fixture(autouse=True)
def zonder_cache(settings):
    settings.RAPPORTAGE_CACHE = False


def meer_gegevens(programma, aantal_gemeenten=35, per_gemeente=3):
    for i in range(aantal_gemeenten):
        g = GemeenteFactory(cbs_code=f"GM{9100 + i}", naam=f"Testgemeente {i:02d}")
        programma.gemeenten.add(g)
        CoachFactory(gemeenten=[g])
        DoelstellingFactory(programma=programma, gemeente=g, streefwaarde=5)
        for j in range(per_gemeente):
            t = traject(programma=programma, gemeente=g, aanmeld=D(2026, 1, 1 + j),
                        start=D(2026, 2, 1 + j), kosten=100)
            plaatsing(t, [Soort.BAAN, Soort.STAGE, Soort.OPLEIDING][j % 3], D(2026, 3, 1 + j))


def aantal_queries(functie):
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def test_indicatoren_dashboard_aantal_queries_vast(dataset, programma, selectie):
    with CaptureQueriesContext(connection) as klein:
        ind.dashboard(selectie())
    assert len(klein.captured_queries) == DASHBOARD_QUERIES
    meer_gegevens(programma)
    with CaptureQueriesContext(connection) as groot:
        resultaat = ind.dashboard(selectie())
    assert len(groot.captured_queries) == DASHBOARD_QUERIES
    assert len(resultaat["gemeenten"]) >= 37
    assert len(resultaat["doelstellingen"]) == 35


@pytest.mark.parametrize("wie, url", [
    ("landelijk", reverse("rapportage:landelijk")),
    ("landelijk", reverse("rapportage:gemeente", args=["GM0014"])),
    ("coordinator", reverse("rapportage:gemeente", args=["GM0014"])),
    ("landelijk", reverse("rapportage:export_csv")),
    ("landelijk", reverse("rapportage:export_xlsx")),
])
def test_pagina_aantal_queries_gelijk_bij_11_en_40_plus_gemeenten(client, request, wie, url,
                                                                  dataset, programma):
    client.force_login(request.getfixturevalue(wie))
    query = {"programma": programma.pk}
    client.get(url, query)  # sessie en rollen opwarmen
    klein = aantal_queries(lambda: client.get(url, query))
    meer_gegevens(programma)
    assert ind.trajecten_gestart(programma.trajecten.all(), van=D(2026, 1, 1),
                                 tot=D(2027, 12, 31)) > 100
    groot = aantal_queries(lambda: client.get(url, query))
    assert klein == groot
