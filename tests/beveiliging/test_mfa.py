"""Tweede factor (TOTP): zonder geverifieerde code geen pagina met gegevens (BIO2 5.17.01)."""

import base64

import pytest
from django.core import checks
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.models import Toegangslog
from tests.beveiliging.hulp import (
    huidige_code,
    maak_apparaat,
    stap_code,
    stap_wachtwoord,
    wizard_prefix,
)
from trajecten.factories import DeelnemerFactory

pytestmark = [pytest.mark.django_db, pytest.mark.mfa]

ADMIN = "/admin/"


def test_met_apparaat_geeft_wachtwoord_alleen_geen_toegang(client, beheerder, wachtwoord):
    apparaat = maak_apparaat(beheerder)

    response = stap_wachtwoord(client, beheerder.username, wachtwoord, volgende=ADMIN)

    assert response.status_code == 200
    assert "Voer de zescijferige code in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Nog niet ingelogd: de admin stuurt via zijn inlogadres naar de inlogpagina met code.
    response = client.get(ADMIN)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session

    response = stap_code(client, huidige_code(apparaat), volgende=ADMIN)

    assert response.status_code == 302
    assert response["Location"] == ADMIN
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert response.context["user"] == beheerder


def test_verkeerde_code_wordt_geweigerd_en_gelogd(client, beheerder, wachtwoord):
    apparaat = maak_apparaat(beheerder)
    stap_wachtwoord(client, beheerder.username, wachtwoord)
    fout = "000000" if huidige_code(apparaat) != "000000" else "111111"

    response = stap_code(client, fout)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(ADMIN).status_code == 302
    assert Toegangslog.objects.filter(
        actie=Toegangslog.Actie.MFA_MISLUKT, actor=beheerder
    ).exists()


def test_zonder_apparaat_na_wachtwoord_eerst_instellen(client, beheerder, wachtwoord):
    response = stap_wachtwoord(client, beheerder.username, wachtwoord)
    assert response.status_code == 302  # ingelogd met alleen het wachtwoord, nog niet geverifieerd

    response = client.get(ADMIN)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/mfa/instellen/?next=%2Fadmin%2F"


def test_ingelogd_met_apparaat_maar_niet_geverifieerd_gaat_naar_controleren(
    client, beheerder
):
    apparaat = maak_apparaat(beheerder)
    client.force_login(beheerder)

    response = client.get("/accounts/password_change/")
    assert response.status_code == 302
    assert response["Location"] == (
        "/accounts/mfa/controleren/?next=%2Faccounts%2Fpassword_change%2F"
    )

    response = client.get(response["Location"])
    assert response.status_code == 200
    assert "Code controleren" in response.content.decode()

    response = client.post(
        "/accounts/mfa/controleren/",
        {"otp_token": "12345", "next": "/accounts/password_change/"},
    )
    assert response.status_code == 200
    assert client.get("/accounts/password_change/").status_code == 302

    response = client.post(
        "/accounts/mfa/controleren/",
        {"otp_token": huidige_code(apparaat), "next": "/accounts/password_change/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_change/"
    assert client.get("/accounts/password_change/").status_code == 200


def test_controleren_stuurt_niet_naar_een_andere_site(client, beheerder):
    apparaat = maak_apparaat(beheerder)
    client.force_login(beheerder)

    response = client.post(
        "/accounts/mfa/controleren/",
        {"otp_token": huidige_code(apparaat), "next": "https://kwaadwillend.example/"},
    )

    assert response.status_code == 302
    assert "kwaadwillend" not in response["Location"]


def test_instellen_koppelt_de_app_en_opent_de_pagina(client, beheerder):
    client.force_login(beheerder)
    pad = "/accounts/mfa/instellen/?next=%2Fadmin%2F"

    response = client.get(pad)
    assert response.status_code == 200
    assert "Tweede factor instellen" in response.content.decode()
    prefix = wizard_prefix(response)

    response = client.post(pad, {f"{prefix}-current_step": "welcome"})
    assert response.status_code == 200
    sleutel = base64.b32decode(response.context["secret_key"])
    assert 'src="/accounts/mfa/instellen/qrcode/"' in response.content.decode()
    assert client.get("/accounts/mfa/instellen/qrcode/").status_code == 200

    response = client.post(
        pad, {f"{prefix}-current_step": "generator", "generator-token": "000001"}
    )
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=beheerder).exists()

    response = client.post(
        pad,
        {f"{prefix}-current_step": "generator", "generator-token": f"{totp(sleutel):06d}"},
    )

    assert response.status_code == 302
    assert response["Location"] == ADMIN
    assert TOTPDevice.objects.filter(user=beheerder, confirmed=True).count() == 1
    assert client.get(ADMIN).status_code == 200


@pytest.mark.parametrize(
    "pad", ["/accounts/login/", "/accounts/mfa/instellen/", "/accounts/mfa/", "/healthz"]
)
def test_inloggen_mfa_en_healthz_blijven_bereikbaar(client, beheerder, pad):
    client.force_login(beheerder)
    assert client.get(pad).status_code == 200


def test_uitloggen_kan_zonder_tweede_factor(client, beheerder):
    client.force_login(beheerder)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_inzagedownload_vraagt_ook_de_tweede_factor(client, beheerder, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    client.force_login(beheerder)

    response = client.get(f"/beheer/inzage/{deelnemer.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/mfa/instellen/")
    assert not Toegangslog.objects.filter(actie=Toegangslog.Actie.INZAGEVERZOEK).exists()


def test_admin_inlogformulier_verwijst_naar_inloggen_met_code(client):
    response = client.get("/admin/login/?next=/admin/gemeenten/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fgemeenten%2F"


def test_systeemcheck_waarschuwt_alleen_als_mfa_uit_staat(settings):
    def ids():
        return {m.id for m in checks.run_checks(include_deployment_checks=True)}

    assert "banenoffensief.W001" not in ids()
    settings.MFA_VERPLICHT = False
    assert "banenoffensief.W001" in ids()


@pytest.mark.django_db
def test_zonder_mfa_verplicht_volstaat_het_wachtwoord(client, beheerder, settings):
    settings.MFA_VERPLICHT = False
    client.force_login(beheerder)
    assert client.get(ADMIN).status_code == 200
