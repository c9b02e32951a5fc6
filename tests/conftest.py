import pytest
from django.test import Client

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory, UserFactory
from gemeenten.models import Gemeente


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "mfa: draai deze test met MFA_VERPLICHT aan (in andere tests staat MFA uit)"
    )


@pytest.fixture(autouse=True)
def _mfa_alleen_waar_gevraagd(request, settings):
    """MFA staat in tests uit, zodat `client.force_login(user)` volstaat.

    Tests van de tweede factor zelf zetten hem aan met `@pytest.mark.mfa`
    (tests/beveiliging/test_mfa.py). Productie en `check --deploy` hebben hem standaard aan.
    """
    settings.MFA_VERPLICHT = request.node.get_closest_marker("mfa") is not None


class HttpsClient(Client):
    """Praat altijd via HTTPS, zoals productie (SECURE_SSL_REDIRECT kan aan staan met DEBUG uit)."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


@pytest.fixture
def client():
    return HttpsClient()


@pytest.fixture(autouse=True)
def _statische_bestanden_zonder_manifest(settings):
    """Tests draaien zonder collectstatic; het manifest van WhiteNoise bestaat dan niet."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_in_tijdelijke_map(settings, tmp_path):
    """Geüploade documenten (trajecten.Document) komen in een tijdelijke map, nooit in media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _snelle_wachtwoordhash(settings):
    """PBKDF2 kost bewust veel rekentijd; in tests is die veiligheid zinloos en alleen traag."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def groningen(db):
    return Gemeente.objects.get(cbs_code="GM0014")


@pytest.fixture
def emmen(db):
    return Gemeente.objects.get(cbs_code="GM0114")


@pytest.fixture
def medewerker(groningen):
    """Een medewerker van Groningen."""
    return LidmaatschapFactory(
        user__username="medewerker-groningen-test", gemeente=groningen, rol=Rol.MEDEWERKER
    ).user


@pytest.fixture
def medewerker_emmen(emmen):
    return LidmaatschapFactory(
        user__username="medewerker-emmen-test", gemeente=emmen, rol=Rol.MEDEWERKER
    ).user


@pytest.fixture
def coordinator(groningen):
    """Een coördinator van Groningen."""
    return LidmaatschapFactory(
        user__username="coordinator-groningen-test", gemeente=groningen, rol=Rol.COORDINATOR
    ).user


@pytest.fixture
def landelijk(db):
    """Een landelijke coördinator (lidmaatschap zonder gemeente)."""
    return LidmaatschapFactory(
        user__username="landelijk-test", gemeente=None, rol=Rol.COORDINATOR
    ).user


@pytest.fixture
def beheerder(db):
    return UserFactory(username="beheerder-test", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _lege_cache():
    """Elke test begint met een lege cache: de tellers van de inloglimiet per IP-adres
    (django-ratelimit) staan daarin, en alle tests komen van 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()
