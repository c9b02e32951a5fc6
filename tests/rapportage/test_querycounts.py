"""Het aantal queries van elk dashboard en elke export is vastgepind en constant: even groot
bij weinig en bij veel trajecten, en bij 11 of 40+ gemeenten met elk een eigen doel (berekend
zonder cache, dus het zware pad)."""

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

#: `indicatoren.dashboard()`: doelstellingen 5 (de doelen; per indicator landelijk en per
#: gemeente), kerncijfers 4 (trajecten, plaatsingen, uitstroom, mediaan), per gemeente 3
#: (trajecten, plaatsingen, gemeenten), trechter 1, trend 2, vergelijking 2, opleidingsbudget 2
#: (per gemeente, voor het programma; issue 14); werkgevers als partner 7 (issue 16: contacten
#: per gemeente en totaal, bijeenkomsten per gemeente en totaal, deelnames, plaatsingen uit een
#: bijeenkomst of vacature, social return).
DASHBOARD = 19 + 7
#: Sessie, gebruiker en rollen van een ingelogde gebruiker.
SESSIE = 3

#: Per pagina: (gebruiker, url) → queries, naast de dashboards die erin zitten.
PAGINAS = {
    # + programma (filter), programma's en gemeenten (keuzelijsten), één dashboard.
    ("landelijk", "rapportage:landelijk"): SESSIE + 3 + DASHBOARD,
    # + landelijk-controle, gemeente, programma, programma's; gemeente en landelijk ernaast;
    #   werkverdeling 2 (caseload per behandelaar, coachtekort).
    ("landelijk", "rapportage:gemeente"): SESSIE + 4 + 2 * DASHBOARD + 2,
    # + landelijk-controle, gemeente (gescoped), rollen, programma, programma's; twee
    #   dashboards; werkverdeling 2.
    ("coordinator", "rapportage:gemeente"): SESSIE + 6 + 2 * DASHBOARD + 2,
    # + landelijk-controle, programma, regel in het toegangslog; één dashboard.
    ("landelijk", "rapportage:export_csv"): SESSIE + 3 + DASHBOARD,
    ("landelijk", "rapportage:export_xlsx"): SESSIE + 3 + DASHBOARD,
    # + landelijk-controle (twee keer: filter en selectie), eigen gemeenten (filter en
    #   selectie), programma, toegangslog; de CSV één dashboard, het rapport ook het landelijke.
    ("coordinator", "rapportage:export_csv"): SESSIE + 5 + DASHBOARD,
    ("coordinator", "rapportage:export_xlsx"): SESSIE + 5 + 2 * DASHBOARD,
}


@pytest.fixture(autouse=True)
def zonder_cache(settings):
    settings.RAPPORTAGE_CACHE = False


def meer_gegevens(programma, aantal_gemeenten=35, per_gemeente=3):
    for i in range(aantal_gemeenten):
        g = GemeenteFactory(cbs_code=f"GM{9100 + i}", naam=f"Testgemeente {i:02d}")
        programma.gemeenten.add(g)
        coach = CoachFactory(gemeenten=[g])
        DoelstellingFactory(programma=programma, gemeente=g, streefwaarde=5)
        for j in range(per_gemeente):
            t = traject(programma=programma, gemeente=g, aanmeld=D(2026, 1, 1 + j),
                        start=D(2026, 2, 1 + j), kosten=100, coach=coach)
            plaatsing(t, [Soort.BAAN, Soort.STAGE, Soort.OPLEIDING][j % 3], D(2026, 3, 1 + j))


def aantal_queries(functie):
    with CaptureQueriesContext(connection) as ctx:
        functie()
    return len(ctx.captured_queries)


def test_indicatoren_dashboard_aantal_queries_vast(dataset, programma, selectie):
    s = selectie()
    assert aantal_queries(lambda: ind.dashboard(s)) == DASHBOARD
    meer_gegevens(programma)
    resultaat = {}
    assert aantal_queries(lambda: resultaat.update(ind.dashboard(s))) == DASHBOARD
    assert len(resultaat["gemeenten"]) >= 37
    assert len(resultaat["doelstellingen"]) == 35
    assert resultaat["kerncijfers"]["trajecten_gestart"] > 100


@pytest.mark.parametrize("wie, naam", list(PAGINAS))
def test_pagina_aantal_queries_vast_bij_11_en_40_plus_gemeenten(client, request, wie, naam,
                                                                dataset, programma, peildatum):
    client.force_login(request.getfixturevalue(wie))
    url = reverse(naam, args=["GM0014"]) if naam == "rapportage:gemeente" else reverse(naam)
    query = {"programma": programma.pk}
    assert client.get(url, query).status_code == 200  # sessie opwarmen
    assert aantal_queries(lambda: client.get(url, query)) == PAGINAS[wie, naam]
    meer_gegevens(programma)
    assert aantal_queries(lambda: client.get(url, query)) == PAGINAS[wie, naam]


def test_warme_pagina_rekent_niets(client, landelijk, dataset, programma, settings, peildatum):
    """Met de cache: sessie, gebruiker, rollen, programma (filter) en de gegevensversie; de
    keuzelijsten zitten in de gecachte inhoud."""
    settings.RAPPORTAGE_CACHE = True
    client.force_login(landelijk)
    url = reverse("rapportage:landelijk")
    client.get(url, {"programma": programma.pk})
    assert aantal_queries(lambda: client.get(url, {"programma": programma.pk})) == SESSIE + 2
