"""Dashboards: toegang per rol, cijfers op de pagina, filters in de URL, sorteren zonder
JavaScript, programma wisselen, grafiekdata."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from rapportage import indicatoren as ind
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory, ProgrammaFactory
from rapportage.models import Programma
from tests.rapportage.hulp import tabellen

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


def test_standaard_het_programma_van_vandaag_met_700_en_2600(client, landelijk, peildatum):
    peildatum(D(2026, 6, 30))
    client.force_login(landelijk)
    response = client.get(LANDELIJK)
    huidig = Programma.objects.huidig()
    assert response.context["programma"] == huidig
    assert response.context["filters"]["van"] == huidig.startdatum
    assert response.context["filters"]["tot"] == huidig.einddatum
    assert response.context["selectie"].gemeente_ids is None
    t = tabellen(response.content.decode())
    # Beide koppen van het programma: 700 trajecten (het doel) en 2600 personen (de maatstaf
    # van 2006–2009), plus het gepubliceerde eindresultaat, als zodanig benoemd.
    (doel,) = t["tabel-doelen"]["rijen"]
    assert doel[3] == "700"
    rijen = t["tabel-vergelijking"]["rijen"]
    assert [r[0] for r in rijen] == [
        "Banenoffensief Vluchtelingen, dag 181", "Vervolg Banenoffensief, dag 181",
        "Banenoffensief Vluchtelingen, eindresultaat (berekend uit de gegevens)",
        "Banenoffensief Vluchtelingen 2006–2009, gepubliceerd eindresultaat",
    ]
    assert {r[3] for r in rijen} == {"2600"}
    assert rijen[3][2] == "2327" and "gepubliceerd" in rijen[3][4]


def test_landelijk_dashboard_toont_de_cijfers(client, landelijk, dataset, programma, peildatum):
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
    assert "30,0 %" in html
    assert 'class="rapportage-voortgang__waarde" x="0" y="0" width="30.0"' in html
    assert "Groningen" in html and "Emmen" in html
    # Geen inline script of stijl (CSP); de grafiekdata staan in een json_script.
    assert "style=" not in html
    assert '<script id="rapportage-grafieken" type="application/json">' in html
    assert "<script>" not in html


def test_gemeentefilter_in_de_url(client, landelijk, dataset, programma, peildatum):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk, "gemeente": ["GM0114"]})
    k = response.context["cijfers"]["kerncijfers"]
    assert (k["trajecten_gestart"], k["personen_geplaatst"]) == (1, 1)
    assert [r["cbs_code"] for r in response.context["cijfers"]["gemeenten"]] == ["GM0114"]
    assert "gemeente=GM0114" in response.context["filter_query"]
    # Een deel van de gemeenten: het landelijke cijfer staat ernaast.
    kop = tabellen(response.content.decode())["tabel-kerncijfers"]["koppen"]
    assert kop == ["Indicator", "Deze gemeenten", "Landelijk"]


def test_periodefilter(client, landelijk, dataset, programma, peildatum):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk, "van": "2026-03-01",
                                      "tot": "2026-12-31"})
    assert response.context["cijfers"]["kerncijfers"]["trajecten_gestart"] == 2


@pytest.mark.parametrize("query, melding", [
    ({"van": "gisteren"}, "Vul een geldige begindatum in"),
    ({"tot": "2026-13-45"}, "Vul een geldige einddatum in"),
    ({"van": "2027-01-01", "tot": "2026-01-01"}, "De einddatum ligt vóór de begindatum."),
    ({"van": "0001-01-01", "tot": "9999-12-31"}, "Kies een datum tussen 1-1-1900 en 31-12-2100."),
    ({"van": "1899-12-31"}, "Kies een datum tussen 1-1-1900 en 31-12-2100."),
    ({"tot": "2101-01-01"}, "Kies een datum tussen 1-1-1900 en 31-12-2100."),
    ({"programma": "999999"}, "Kies een bestaand programma."),
    ({"programma": "abc"}, "Kies een bestaand programma."),
    ({"gemeente": "GM9999"}, "Onbekende gemeente of geen toegang"),
    ({"sorteer": "bsn"}, "Op de kolom bsn kan niet gesorteerd worden."),
    ({"vorig_programma": "x"}, "Het vorige programma is geen nummer"),
])
def test_foute_filters_geven_een_nederlandse_melding(client, landelijk, query, melding):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, query)
    assert response.status_code == 400
    assert melding in response.content.decode()


def test_programma_wisselen_zet_de_periode_op_zijn_looptijd(client, landelijk, programma,
                                                            peildatum):
    """Het formulier stuurt het vorige programma mee; kiest de gebruiker een ander, dan
    gelden de datums van het oude programma niet meer (ook zonder JavaScript)."""
    oud = ProgrammaFactory(naam="Oud programma", startdatum=D(2006, 1, 1),
                           einddatum=D(2009, 3, 31))
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": oud.pk, "vorig_programma": programma.pk,
                                      "van": "2026-01-01", "tot": "2027-12-31"})
    assert (response.context["filters"]["van"], response.context["filters"]["tot"]) == (
        D(2006, 1, 1), D(2009, 3, 31))
    html = response.content.decode()
    assert "de periode is nu de looptijd van Oud programma" in html
    assert f'name="vorig_programma" value="{oud.pk}"' in html
    # Hetzelfde programma: de gekozen periode blijft.
    response = client.get(LANDELIJK, {"programma": programma.pk,
                                      "vorig_programma": programma.pk, "van": "2026-03-01"})
    assert response.context["filters"]["van"] == D(2026, 3, 1)
    assert "de periode is nu" not in response.content.decode()
    # Een gedeelde link zonder vorig programma: de datums in de link gelden.
    response = client.get(LANDELIJK, {"programma": oud.pk, "van": "2007-01-01"})
    assert response.context["filters"]["van"] == D(2007, 1, 1)


def test_tabel_sorteert_op_elke_kolom_zonder_javascript(client, landelijk, dataset, programma,
                                                        groningen, emmen, peildatum):
    DoelstellingFactory(programma=programma, gemeente=groningen, streefwaarde=4)
    DoelstellingFactory(programma=programma, gemeente=emmen, streefwaarde=100)
    client.force_login(landelijk)

    def namen(**query):
        response = client.get(LANDELIJK, {"programma": programma.pk, **query})
        assert response.status_code == 200
        return [r[0] for r in tabellen(response.content.decode())["tabel-gemeenten"]["rijen"]], (
            response.content.decode())

    assert namen()[0] == ["Emmen", "Groningen"]
    assert namen(sorteer="-gemeente")[0] == ["Groningen", "Emmen"]
    assert namen(sorteer="-trajecten_gestart")[0] == ["Groningen", "Emmen"]  # 2 tegen 1
    assert namen(sorteer="realisatie_trajecten_gestart")[0] == ["Emmen", "Groningen"]  # 1 %, 50 %
    volgorde, html = namen(sorteer="doel_trajecten_gestart")
    assert volgorde == ["Groningen", "Emmen"]
    # Elke kolomkop is een link; de gesorteerde kolom zegt het (aria-sort) en linkt naar de
    # omgekeerde volgorde.
    koppen = re.findall(r'<th class="utrecht-table__header-cell[^"]*" scope="col"'
                        r'( aria-sort="\w+")?><a class="utrecht-link rapportage-sorteer" '
                        r'href="\?([^"#]+)#kop-gemeenten">', html)
    assert len(koppen) == len(tabellen(html)["tabel-gemeenten"]["koppen"])
    links = [q.split("sorteer=")[1] for _a, q in koppen]
    assert links[:4] == ["gemeente", "trajecten_gestart", "-doel_trajecten_gestart",
                         "realisatie_trajecten_gestart"]
    assert all(f"programma={programma.pk}" in q for _a, q in koppen)
    assert ' aria-sort="ascending"' in [a for a, _q in koppen]
    # Achter op schema in tekst en met een icoon, niet alleen kleur.
    assert "achter op schema</span>" in html
    assert 'class="rapportage-schema__icoon"' in html


def test_gemeentepagina_met_landelijk_cijfer_ernaast(client, coordinator, dataset, programma,
                                                     groningen, peildatum):
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=4)
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=2, gemeente=groningen)
    client.force_login(coordinator)
    response = client.get(gemeente_url("GM0014"), {"programma": programma.pk})
    assert response.status_code == 200
    rijen = {r["label"]: r for r in response.context["kernrijen"]}
    trajecten = rijen["Trajecten gestart"]
    assert (trajecten["cel"].waarde, trajecten["landelijk"].waarde) == (2, 3)
    (doel,) = response.context["doelen"]
    # Groningen tegen haar eigen doel (1 van 2), het landelijke (2 van 4) ernaast.
    assert (doel["waarde"], doel["streefwaarde"], doel["landelijk"]["waarde"],
            doel["landelijk"]["streefwaarde"]) == (1, 2, 2, 4)
    assert [r["cbs_code"] for r in response.context["cijfers"]["gemeenten"]] == ["GM0014"]


def test_pagina_gelijk_aan_de_definities(client, landelijk, dataset, programma, peildatum):
    client.force_login(landelijk)
    response = client.get(LANDELIJK, {"programma": programma.pk})
    selectie = response.context["selectie"]
    assert response.context["cijfers"] == ind.dashboard(selectie)


def test_grafieken_leesbaar(client, landelijk, dataset, programma, peildatum):
    """Nederlandse maandnamen, astitels, de aantallen achter de percentages, en alleen lijnen
    die ook getekend worden (zonder doel geen doellijn in de legenda)."""
    client.force_login(landelijk)
    html = client.get(LANDELIJK, {"programma": programma.pk}).content.decode()
    data = json.loads(re.search(
        r'<script id="rapportage-grafieken" type="application/json">(.*?)</script>', html,
        re.S).group(1))
    trend = data["trend"]
    assert trend["maanden"][:3] == ["jan 2026", "feb 2026", "mrt 2026"]
    assert (trend["as_x"], trend["as_links"], trend["as_rechts"]) == (
        "Maand", "Per maand", "Cumulatief")
    sleutels = [r["sleutel"] for r in trend["reeksen"]]
    assert "doel_gestart" not in sleutels and "doel_geplaatst" not in sleutels
    assert all(any(w is not None for w in r["waarden"]) for r in trend["reeksen"])
    assert data["uitstroom"]["aantallen"] == [2, 1, 1, 1]
    assert data["uitstroom"]["deelnemers"] == 4
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=10)
    html = client.get(LANDELIJK, {"programma": programma.pk}).content.decode()
    assert '"sleutel": "doel_gestart"' in html


def twee_behandelaars(gemeente):
    """Anna de Vries en Bart Smit, medewerkers van `gemeente`."""
    return [LidmaatschapFactory(gemeente=gemeente, rol=Rol.MEDEWERKER, user__first_name=voor,
                                user__last_name=achter).user
            for voor, achter in (("Anna", "de Vries"), ("Bart", "Smit"))]


def test_gemeentepagina_toont_de_werkverdeling_zonder_deelnemers(client, coordinator, programma,
                                                                  groningen, emmen, peildatum):
    """Caseload per behandelaar en coachtekort (issue 13): alleen aantallen, geen namen van
    deelnemers, alleen de eigen gemeente."""
    from trajecten.constants import Status
    from trajecten.factories import TrajectFactory
    from trajecten.models import vandaag

    anna, bart = twee_behandelaars(groningen)
    open_ = dict(programma=programma, gemeente=groningen, deelnemer__gemeente=groningen,
                 gestart=True, status=Status.ACTIEF)
    for _ in range(3):
        TrajectFactory(behandelaar=anna, deelnemer__voornaam="Geheimnaam", **open_)
    TrajectFactory(behandelaar=bart, **open_)
    TrajectFactory(behandelaar=None, wachtlijst_sinds=vandaag() - datetime.timedelta(days=12),
                   **open_)
    # Een traject in Emmen telt in Groningen niet.
    TrajectFactory(programma=programma, gemeente=emmen, deelnemer__gemeente=emmen, gestart=True,
                   status=Status.ACTIEF, wachtlijst_sinds=vandaag() - datetime.timedelta(days=40))
    client.force_login(coordinator)
    response = client.get(gemeente_url("GM0014"), {"programma": programma.pk})
    assert response.status_code == 200
    html = response.content.decode()
    caseload = tabellen(html)["tabel-caseload"]["rijen"]
    assert caseload == [["Anna de Vries", "3"], ["Bart Smit", "1"], ["zonder behandelaar", "1"]]
    assert "1 traject wacht op een coach, het langst 12 dagen" in html
    assert "Geheimnaam" not in html


def test_de_werkverdeling_komt_uit_de_cache_en_volgt_elke_overdracht(
        client, coordinator, programma, groningen, emmen, peildatum):
    """De werkverdeling staat in de cache onder de versies van de gemeente: een tweede bezoek
    telt niet opnieuw, maar een overdracht aan een collega (een schrijfactie op het traject)
    staat bij het volgende bezoek op de pagina; een schrijfactie in Emmen laat haar staan."""
    from trajecten.constants import Status
    from trajecten.factories import TrajectFactory

    anna, bart = twee_behandelaars(groningen)
    open_ = dict(programma=programma, gemeente=groningen, deelnemer__gemeente=groningen,
                 gestart=True, status=Status.ACTIEF)
    trajecten = [TrajectFactory(behandelaar=anna, **open_) for _ in range(2)]
    client.force_login(coordinator)

    def caseload():
        html = client.get(gemeente_url("GM0014"), {"programma": programma.pk}).content.decode()
        return tabellen(html)["tabel-caseload"]["rijen"]

    assert caseload() == [["Anna de Vries", "2"]]
    with CaptureQueriesContext(connection) as warm:
        assert caseload() == [["Anna de Vries", "2"]]
    assert not [q for q in warm.captured_queries if "behandelaar_id" in q["sql"]]

    trajecten[0].behandelaar = bart
    trajecten[0].save()
    assert caseload() == [["Anna de Vries", "1"], ["Bart Smit", "1"]]
    TrajectFactory(programma=programma, gemeente=emmen, deelnemer__gemeente=emmen,
                   gestart=True, status=Status.ACTIEF)
    with CaptureQueriesContext(connection) as na_emmen:
        assert caseload() == [["Anna de Vries", "1"], ["Bart Smit", "1"]]
    assert not [q for q in na_emmen.captured_queries if "behandelaar_id" in q["sql"]]
