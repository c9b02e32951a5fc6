"""Fixtures voor de betrouwbaarheidstests: twee medewerkers van dezelfde gemeente, elk met een
eigen browser (client), en het lopende programma."""

import pytest

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from rapportage.models import Programma
from tests.betrouwbaarheid.hulp import HttpsClient


@pytest.fixture
def vervolg(db):
    return Programma.objects.get(naam="Vervolg Banenoffensief")


@pytest.fixture
def collega(groningen):
    """Een tweede medewerker van Groningen, met een naam die in conflictmeldingen verschijnt."""
    return LidmaatschapFactory(
        user__username="collega-groningen-test", user__first_name="Anna",
        user__last_name="de Vries", gemeente=groningen, rol=Rol.MEDEWERKER,
    ).user


@pytest.fixture
def browser_a(collega):
    """De browser van Anna (collega), die als eerste opslaat."""
    client = HttpsClient()
    client.force_login(collega)
    return client


@pytest.fixture
def browser_b(medewerker):
    """De browser van de andere medewerker, die daarna opslaat op een verouderd formulier."""
    client = HttpsClient()
    client.force_login(medewerker)
    return client
