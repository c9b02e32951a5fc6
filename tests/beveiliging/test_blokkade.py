"""django-axes: na 5 mislukte pogingen per gebruikersnaam+IP 15 minuten geblokkeerd."""

import datetime

import pytest
from axes.models import AccessAttempt

from gemeenten.models import Toegangslog
from tests.beveiliging.hulp import stap_wachtwoord

pytestmark = pytest.mark.django_db

FOUT = "helemaal-niet-het-wachtwoord"


def _vijf_keer_fout(client, gebruiker, **extra):
    antwoorden = [stap_wachtwoord(client, gebruiker.username, FOUT, **extra) for _ in range(5)]
    return antwoorden


def test_vier_fouten_dan_juist_wachtwoord_lukt(client, medewerker, wachtwoord):
    for _ in range(4):
        response = stap_wachtwoord(client, medewerker.username, FOUT)
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()

    response = stap_wachtwoord(client, medewerker.username, wachtwoord)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(medewerker.pk)


def test_na_vijf_fouten_geblokkeerd_ook_met_juist_wachtwoord(client, medewerker, wachtwoord):
    antwoorden = _vijf_keer_fout(client, medewerker)
    assert antwoorden[-1].status_code == 429

    response = stap_wachtwoord(client, medewerker.username, wachtwoord)

    assert response.status_code == 429
    tekst = response.content.decode()
    assert "Tijdelijk geblokkeerd" in tekst
    assert "15 minuten geblokkeerd, ook met het juiste wachtwoord" in tekst
    assert "_auth_user_id" not in client.session


def test_blokkade_geldt_per_gebruikersnaam_en_ip(client, medewerker, coordinator, wachtwoord):
    _vijf_keer_fout(client, medewerker)

    # Zelfde gebruiker vanaf een ander adres, en een andere gebruiker vanaf hetzelfde adres.
    ander_ip = stap_wachtwoord(client, medewerker.username, wachtwoord, REMOTE_ADDR="192.0.2.7")
    assert ander_ip.status_code == 302
    client.logout()
    andere_gebruiker = stap_wachtwoord(client, coordinator.username, wachtwoord)
    assert andere_gebruiker.status_code == 302


def test_na_vijftien_minuten_kan_de_gebruiker_weer_inloggen(client, medewerker, wachtwoord):
    _vijf_keer_fout(client, medewerker)
    assert stap_wachtwoord(client, medewerker.username, wachtwoord).status_code == 429

    # De tijd verstrijkt: de pogingen liggen nu 16 minuten in het verleden.
    verleden = datetime.timedelta(minutes=16)
    for poging in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=poging.pk).update(
            attempt_time=poging.attempt_time - verleden
        )

    response = stap_wachtwoord(client, medewerker.username, wachtwoord)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(medewerker.pk)


def test_mislukte_pogingen_en_blokkade_staan_in_het_toegangslog(client, medewerker):
    _vijf_keer_fout(client, medewerker)
    stap_wachtwoord(client, medewerker.username, FOUT)

    mislukt = Toegangslog.objects.filter(actie=Toegangslog.Actie.INLOGGEN_MISLUKT)
    assert mislukt.count() == 6
    regel = mislukt.first()
    assert regel.gebruikersnaam == medewerker.username
    assert regel.resultaat == Toegangslog.Resultaat.MISLUKT
    assert regel.ip_adres == "127.0.0.1"
    assert regel.pad == "/accounts/login/"
    assert Toegangslog.objects.filter(
        actie=Toegangslog.Actie.GEBLOKKEERD, gebruikersnaam=medewerker.username
    ).exists()


def test_wachtwoord_wordt_nergens_bewaard(client, medewerker):
    _vijf_keer_fout(client, medewerker)

    for poging in AccessAttempt.objects.all():
        assert FOUT not in poging.post_data
        assert FOUT not in poging.get_data
    for regel in Toegangslog.objects.all():
        assert FOUT not in " ".join(
            str(v) for v in [regel.gebruikersnaam, regel.pad, regel.toelichting, regel.object_id]
        )
