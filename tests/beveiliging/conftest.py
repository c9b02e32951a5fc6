import pytest

# De HTTPS-client en de statische bestanden zonder manifest komen uit tests/conftest.py.


@pytest.fixture
def wachtwoord():
    return "Wachtwoord-voor-tests-123"
