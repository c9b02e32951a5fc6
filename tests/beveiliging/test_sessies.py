"""Sessies: nieuwe sessie-id bij inloggen, uitloggen beëindigt de sessie, time-outs, cookies."""

import time

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session

from gemeenten.beveiliging import LAATSTE_ACTIVITEIT, SESSIE_BEGIN
from tests.beveiliging.hulp import stap_wachtwoord

pytestmark = pytest.mark.django_db

INGELOGDE_PAGINA = "/accounts/password_change/"


def _zet_sessie(client, **waarden):
    sessie = client.session
    for sleutel, waarde in waarden.items():
        sessie[sleutel] = waarde
    sessie.save()


def test_inloggen_geeft_een_nieuwe_sessie_id(client, medewerker, wachtwoord):
    client.get("/accounts/login/")
    oud = client.session.session_key
    assert oud and Session.objects.filter(session_key=oud).exists()

    stap_wachtwoord(client, medewerker.username, wachtwoord)

    nieuw = client.session.session_key
    assert nieuw != oud
    assert client.session["_auth_user_id"] == str(medewerker.pk)
    assert not Session.objects.filter(session_key=oud).exists()


def test_uitloggen_beeindigt_de_sessie_op_de_server(client, medewerker):
    client.force_login(medewerker)
    sleutel = client.session.session_key
    assert client.get(INGELOGDE_PAGINA).status_code == 200

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert not Session.objects.filter(session_key=sleutel).exists()
    # Wie het oude cookie bewaarde, komt er niet meer mee binnen.
    client.cookies[django_settings.SESSION_COOKIE_NAME] = sleutel
    response = client.get(INGELOGDE_PAGINA)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_uitloggen_met_get_kan_niet(client, medewerker):
    client.force_login(medewerker)
    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session


def test_na_dertig_minuten_niets_doen_is_de_sessie_voorbij(client, medewerker):
    client.force_login(medewerker)
    sleutel = client.session.session_key
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: int(time.time()) - 31 * 60})

    response = client.get(INGELOGDE_PAGINA)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/password_change/"
    assert not Session.objects.filter(session_key=sleutel).exists()
    response = client.get(response["Location"])
    assert "Uw sessie is verlopen omdat u te lang niet actief was" in response.content.decode()


def test_binnen_dertig_minuten_blijft_de_sessie_en_schuift_de_termijn_op(client, medewerker):
    client.force_login(medewerker)
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: int(time.time()) - 29 * 60})

    assert client.get(INGELOGDE_PAGINA).status_code == 200
    assert client.session[LAATSTE_ACTIVITEIT] >= int(time.time()) - 5


def test_na_twaalf_uur_is_de_sessie_voorbij_ook_bij_activiteit(client, medewerker):
    client.force_login(medewerker)
    nu = int(time.time())
    _zet_sessie(client, **{SESSIE_BEGIN: nu - 12 * 3600 - 1, LAATSTE_ACTIVITEIT: nu})

    response = client.get(INGELOGDE_PAGINA)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_sessietijden_in_de_instellingen(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSIE_INACTIEF_SECONDEN == 30 * 60


def test_cookies_zijn_secure_httponly_en_samesite(client, medewerker, wachtwoord):
    # De tests draaien zoals productie: DEBUG uit.
    assert django_settings.DEBUG is False
    client.get("/accounts/login/")

    response = stap_wachtwoord(client, medewerker.username, wachtwoord)

    sessiecookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert sessiecookie["secure"] is True
    assert sessiecookie["httponly"] is True
    assert sessiecookie["samesite"] == "Lax"
    csrfcookie = client.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrfcookie["secure"] is True
    assert csrfcookie["httponly"] is True


def test_wachtwoordregels_staan_aan(client, medewerker, wachtwoord):
    client.force_login(medewerker)

    response = client.post(
        INGELOGDE_PAGINA,
        {"old_password": wachtwoord, "new_password1": "kort123", "new_password2": "kort123"},
    )

    assert response.status_code == 200
    tekst = response.content.decode()
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in tekst
    medewerker.refresh_from_db()
    assert medewerker.check_password(wachtwoord)


def test_wachtwoord_wijzigen_lukt_met_een_sterk_wachtwoord(client, medewerker, wachtwoord):
    client.force_login(medewerker)
    nieuw = "Een-lang-en-sterk-wachtwoord-2026"

    response = client.post(
        INGELOGDE_PAGINA,
        {"old_password": wachtwoord, "new_password1": nieuw, "new_password2": nieuw},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_change/done/"
    medewerker.refresh_from_db()
    assert medewerker.check_password(nieuw)
    assert "Uw wachtwoord is gewijzigd" in client.get(response["Location"]).content.decode()
