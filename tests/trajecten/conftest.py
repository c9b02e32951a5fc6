"""Gedeelde fixtures voor de tests van de werkplek (issue 3)."""

import pytest
from django.test import Client

from rapportage.models import Programma


class HttpsClient(Client):
    """Praat altijd via HTTPS, zoals productie (SECURE_SSL_REDIRECT staat aan met DEBUG uit)."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


@pytest.fixture
def client():
    return HttpsClient()


@pytest.fixture(autouse=True)
def statische_bestanden_zonder_manifest(settings):
    """Tests draaien zonder collectstatic; het manifest van WhiteNoise bestaat dan niet."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def vervolg(db):
    """Het lopende programma (uit de datamigratie)."""
    return Programma.objects.get(naam="Vervolg Banenoffensief")


@pytest.fixture
def mw(client, medewerker):
    """Een ingelogde client van de medewerker van Groningen."""
    client.force_login(medewerker)
    return client
