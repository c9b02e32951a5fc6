import pytest
from django.test import Client


class HttpsClient(Client):
    """Praat altijd via HTTPS, zoals productie (SECURE_SSL_REDIRECT staat aan)."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


@pytest.fixture
def client():
    return HttpsClient()


@pytest.fixture
def wachtwoord():
    return "Wachtwoord-voor-tests-123"


@pytest.fixture(autouse=True)
def _statische_bestanden_zonder_manifest(settings):
    """De tests draaien met DEBUG uit, maar zonder `collectstatic` vooraf."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
