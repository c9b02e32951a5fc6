"""X-Forwarded-For telt alleen als het verzoek van een vertrouwde proxy komt.

Zonder die eis kiest elke client zijn eigen IP-adres zodra `VERTROUWDE_PROXIES` > 0: een andere
kop per poging, en de blokkade van django-axes (per gebruikersnaam + IP) telt nooit tot vijf.
"""

import pytest
from django.core import checks

from gemeenten.models import Toegangslog
from tests.beveiliging.hulp import stap_wachtwoord

pytestmark = pytest.mark.django_db

FOUT = "helemaal-niet-het-wachtwoord"


def test_wisselende_kop_van_een_gewone_client_omzeilt_de_blokkade_niet(
    client, medewerker, wachtwoord, settings
):
    """De app staat achter één proxy, maar dit verzoek komt niet van die proxy."""
    settings.VERTROUWDE_PROXIES = 1
    settings.VERTROUWDE_PROXY_ADRESSEN = ["10.0.0.2"]
    for poging in range(5):
        stap_wachtwoord(client, medewerker.username, FOUT,
                        HTTP_X_FORWARDED_FOR=f"198.51.100.{poging}")

    antwoord = stap_wachtwoord(client, medewerker.username, wachtwoord,
                               HTTP_X_FORWARDED_FOR="198.51.100.99")

    assert antwoord.status_code == 429
    assert "_auth_user_id" not in client.session
    # Het toegangslog noemt het echte adres, niet wat de client in de kop zette.
    adressen = set(Toegangslog.objects.filter(
        actie=Toegangslog.Actie.INLOGGEN_MISLUKT
    ).values_list("ip_adres", flat=True))
    assert adressen == {"127.0.0.1"}


def test_zonder_proxy_adressen_telt_de_kop_nooit(client, medewerker, wachtwoord, settings):
    settings.VERTROUWDE_PROXIES = 1
    settings.VERTROUWDE_PROXY_ADRESSEN = []
    for poging in range(5):
        stap_wachtwoord(client, medewerker.username, FOUT,
                        HTTP_X_FORWARDED_FOR=f"198.51.100.{poging}")
    assert stap_wachtwoord(client, medewerker.username, wachtwoord).status_code == 429


def test_achter_de_vertrouwde_proxy_telt_het_adres_van_de_client(
    client, medewerker, wachtwoord, settings
):
    """Via de echte proxy (127.0.0.1 in de testclient) blokkeert axes per echte client: een
    andere client achter dezelfde proxy kan gewoon inloggen."""
    settings.VERTROUWDE_PROXIES = 1
    settings.VERTROUWDE_PROXY_ADRESSEN = ["127.0.0.0/8"]
    for _ in range(5):
        stap_wachtwoord(client, medewerker.username, FOUT,
                        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    geblokkeerd = stap_wachtwoord(client, medewerker.username, wachtwoord,
                                  HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.5")
    assert geblokkeerd.status_code == 429
    ander = stap_wachtwoord(client, medewerker.username, wachtwoord,
                            HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert ander.status_code == 302
    assert set(Toegangslog.objects.filter(
        actie=Toegangslog.Actie.INLOGGEN_MISLUKT
    ).values_list("ip_adres", flat=True)) == {"203.0.113.5"}


def test_systeemcheck_over_de_proxy_instellingen(settings):
    def ids():
        return {m.id for m in checks.run_checks()}

    settings.VERTROUWDE_PROXIES = 0
    settings.VERTROUWDE_PROXY_ADRESSEN = []
    assert not {"banenoffensief.W002", "banenoffensief.E002"} & ids()
    settings.VERTROUWDE_PROXIES = 1
    assert "banenoffensief.W002" in ids()
    settings.VERTROUWDE_PROXY_ADRESSEN = ["10.0.0.1", "geen-adres"]
    assert "banenoffensief.E002" in ids()
    settings.VERTROUWDE_PROXY_ADRESSEN = ["10.0.0.1", "fd00::/8"]
    assert not {"banenoffensief.W002", "banenoffensief.E002"} & ids()
