"""Gedeelde fixtures voor de tests van de werkplek (issue 3).

De HTTPS-client en de statische bestanden zonder manifest komen uit `tests/conftest.py`.
"""

import pytest

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from rapportage.models import Programma


@pytest.fixture
def vervolg(db):
    """Het lopende programma (uit de datamigratie)."""
    return Programma.objects.get(naam="Vervolg Banenoffensief")


@pytest.fixture
def mw(client, medewerker):
    """Een ingelogde client van de medewerker van Groningen."""
    client.force_login(medewerker)
    return client


@pytest.fixture
def collega(groningen):
    """Een tweede medewerker van Groningen (overdragen, 'Mijn dossiers')."""
    return LidmaatschapFactory(
        user__username="collega-groningen-test", user__first_name="Sanne",
        user__last_name="de Boer", gemeente=groningen, rol=Rol.MEDEWERKER,
    ).user
