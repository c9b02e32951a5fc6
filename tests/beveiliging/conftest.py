import pytest

# De HTTPS-client en de statische bestanden zonder manifest komen uit tests/conftest.py.


@pytest.fixture
def wachtwoord():
    return "Wachtwoord-voor-tests-123"


@pytest.fixture
def verse_rapportagecache(db):
    """Geen gecachte cijfers uit een andere test: op PostgreSQL vuurt de versietrigger van de
    rapportage pas bij de commit, en tests committen niet."""
    from django.core.cache import cache
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()
