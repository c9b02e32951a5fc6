"""De startpagina `/` stuurt elke rol naar zijn eigen startpagina."""

import pytest

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rol,bestemming", [
    ("medewerker", "/werkvoorraad/"),
    ("landelijk", "/rapportage/"),
    ("coordinator", "/rapportage/gemeente/GM0014/"),
    ("beheerder", "/admin/"),
])
def test_elke_rol_naar_zijn_startpagina(client, request, rol, bestemming):
    client.force_login(request.getfixturevalue(rol))
    r = client.get("/")
    assert r.status_code == 302
    assert r.url == bestemming


def test_medewerker_die_ook_coordinator_is_begint_bij_werkvoorraad(client, medewerker,
                                                                   groningen):
    LidmaatschapFactory(user=medewerker, gemeente=groningen, rol=Rol.COORDINATOR)
    client.force_login(medewerker)
    assert client.get("/").url == "/werkvoorraad/"


def test_coordinator_van_twee_gemeenten_begint_bij_de_eerste_op_naam(client, emmen, groningen):
    user = UserFactory()
    LidmaatschapFactory(user=user, gemeente=groningen, rol=Rol.COORDINATOR)
    LidmaatschapFactory(user=user, gemeente=emmen, rol=Rol.COORDINATOR)
    client.force_login(user)
    assert client.get("/").url == "/rapportage/gemeente/GM0114/"  # Emmen vóór Groningen


def test_gebruiker_zonder_rol_krijgt_uitleg(client):
    client.force_login(UserFactory())
    r = client.get("/")
    assert r.status_code == 200
    assert "nog geen rol" in r.content.decode()


def test_anoniem_naar_inloggen(client):
    r = client.get("/")
    assert r.status_code == 302
    assert r.url.startswith("/accounts/login/")


def test_menu_toont_de_paginas_van_de_rol(client, medewerker, coordinator):
    client.force_login(medewerker)
    html = client.get("/werkvoorraad/").content.decode()
    for link in ('href="/werkvoorraad/" aria-current="page"', 'href="/deelnemers/"',
                 'href="/werkgevers/"'):
        assert link in html
    assert 'href="/rapportage/' not in html and 'href="/admin/"' not in html

    client.force_login(coordinator)
    r = client.get("/werkvoorraad/")
    assert r.status_code == 403
    html = r.content.decode()
    assert 'href="/rapportage/gemeente/GM0014/"' in html
    assert 'href="/deelnemers/"' not in html
