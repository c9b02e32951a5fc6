"""Dashboards: toegang per rol, cijfers op de pagina, filters in de URL."""

import datetime

import pytest
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from rapportage import indicatoren as ind
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory
from rapportage.models import Programma

D = datetime.date
pytestmark = pytest.mark.django_db
LANDELIJK = reverse("rapportage:landelijk")


def gemeente_url(code="GM0014"):
    return reverse("rapportage:gemeente", args=[code])


@pytest.mark.parametrize("rol, status", [
    ("landelijk", 200), ("beheerder", 403), ("coordinator", 403), ("medewerker", 403),
])
def test_landelijk_dashboard_per_rol(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(LANDELIJK).status_code == status


def test_anoniem_naar_inloggen(client):
    response = client.get(LANDELIJK)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("rol, status", [
    ("coordinator", 200), ("landelijk", 200), ("beheerder", 403), ("medewerker", 403),
])
def test_gemeentedashboard_per_rol(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(gemeente_url("GM0014")).status_code == status


def test_coordinator_van_een_andere_gemeente_krijgt_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(gemeente_url("GM0114")).status_code == 404
    assert client.get(gemeente_url("GM9999")).status_code == 404


def test_medewerker_en_coordinator_tegelijk_ziet_alleen_eigen_gemeente(client, coordinator,
                                                                       emmen):
    LidmaatschapFactory(user=coordinator, gemeente=emmen, rol=Rol.MEDEWERKER)
    client.force_login(coordinator)
    assert client.get(gemeente_url("GM0014")).status_code == 200
    assert client.get(gemeente_url("GM0114")).status_code == 404


def test_standaard_het_programma_van_vandaag_over_zijn_hele_looptijd(client, landelijk):
    client.force_login(landelijk)
    response = client.get(LANDELIJK)
    huidig = Programma.objects.huidig()
    assert response.context["programma"] == huidig
    assert response.context["filters"]["van"] == huidig.startdatum
    assert response.context["filters"]["tot"] == huidig.einddatum
    assert response.context["selectie"].gemeente_ids is None
    html = response.content.decode()
    assert huidig.naam in html
    assert "2327" in html and "2600" in html  # het Banenoffensief 2006–2009 ernaast


def test_landelijk_dashboard_toont_de_cijfers(client, landelijk, dataset, programma):
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=10)
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk})
    assert response.status_code == 200
    k = response.context["cijfers"]["kerncijfers"]
    assert (k["trajecten_gestart"], k["personen_geplaatst"]) == (3, 2)
    (doel,) = response.context["doelen"]
    assert (doel["waarde"], doel["streefwaarde"], doel["realisatie"]) == (3, 10, 30.0)
    html = response.content.decode()
    assert "30.0 %" in html or "30,0 %" in html
    assert 'class="rapportage-voortgang__waarde" x="0" y="0" width="30.0"' in html
    assert "Groningen" in html and "Emmen" in html
    # Geen inline script of stijl (CSP); de grafiekdata staan in een json_script.
    assert "style=" not in html
    assert '<script id="rapportage-grafieken" type="application/json">' in html
    assert "<script>" not in html


def test_gemeentefilter_in_de_url(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk, "gemeente": ["GM0114"]})
    k = response.context["cijfers"]["kerncijfers"]
    assert (k["trajecten_gestart"], k["personen_geplaatst"]) == (1, 1)
    assert [r["cbs_code"] for r in response.context["cijfers"]["gemeenten"]] == ["GM0114"]
    assert "gemeente=GM0114" in response.context["filter_query"]


def test_periodefilter(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk, "van": "2026-03-01",
                                      "tot": "2026-12-31"})
    assert response.context["cijfers"]["kerncijfers"]["trajecten_gestart"] == 2


@pytest.mark.parametrize("query, melding", [
    ({"van": "gisteren"}, "Vul een geldige begindatum in"),
    ({"tot": "2026-13-45"}, "Vul een geldige einddatum in"),
    ({"van": "2027-01-01", "tot": "2026-01-01"}, "De einddatum ligt vóór de begindatum."),
    ({"programma": "999999"}, "Kies een bestaand programma."),
    ({"programma": "abc"}, "Kies een bestaand programma."),
    ({"gemeente": "GM9999"}, "Onbekende gemeente of geen toegang"),
])
def test_foute_filters_geven_een_nederlandse_melding(client, landelijk, query, melding):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, query)
    assert response.status_code == 400
    assert melding in response.content.decode()


def test_gemeentepagina_met_landelijk_cijfer_ernaast(client, coordinator, dataset, programma):
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=4)
    client.force_login(coordinator)
    response = client.get(gemeente_url("GM0014"), {"programma": programma.pk})
    assert response.status_code == 200
    rijen = {r["label"]: r for r in response.context["kernrijen"]}
    assert (rijen["Trajecten gestart"]["waarde"], rijen["Trajecten gestart"]["landelijk"]) == (
        2, 3)
    assert (rijen["Personen geplaatst"]["waarde"],
            rijen["Personen geplaatst"]["landelijk"]) == (1, 2)
    (doel,) = response.context["doelen"]
    assert (doel["waarde"], doel["landelijk"]["waarde"]) == (1, 2)
    assert [r["cbs_code"] for r in response.context["cijfers"]["gemeenten"]] == ["GM0014"]
    assert "Landelijk" in response.content.decode()


def test_pagina_gelijk_aan_de_definities(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk})
    selectie = response.context["selectie"]
    assert response.context["cijfers"] == ind.dashboard(selectie)
