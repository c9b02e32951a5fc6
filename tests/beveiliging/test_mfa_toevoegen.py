"""Een tweede factor toevoegen of vervangen vraagt een verse code, en komt in het toegangslog.

Vóór issue 12 kon een sessie die alleen het wachtwoord kende (of een lang geleden bevestigde
sessie op een onbeheerde computer) met een directe POST naar de instelstap een eigen
authenticator-app koppelen, en was de sessie daarmee ook nog bevestigd.
"""

import base64
import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.beveiliging import MFA_GECONTROLEERD
from gemeenten.models import Toegangslog
from tests.beveiliging.hulp import huidige_code, maak_apparaat, stap_code, stap_wachtwoord

pytestmark = [pytest.mark.django_db, pytest.mark.mfa]

INSTELLEN = "/accounts/mfa/instellen/"
RESERVECODES = "/accounts/mfa/reservecodes/"


def koppel_eigen_app(client) -> object:
    """Doorloop de instelwizard zoals een aanvaller met zijn eigen telefoon: welkom, dan direct
    een code uit de eigen app. Geeft het laatste antwoord."""
    antwoord = client.post(INSTELLEN, {"mfa_instellen-current_step": "welcome"})
    if antwoord.status_code != 200 or "secret_key" not in (antwoord.context or {}):
        return antwoord
    sleutel = base64.b32decode(antwoord.context["secret_key"])
    return client.post(INSTELLEN, {"mfa_instellen-current_step": "generator",
                                   "generator-token": f"{totp(sleutel):06d}"})


def volgende_code(apparaat: TOTPDevice) -> str:
    """De code van de volgende periode van 30 s: de huidige is al gebruikt (en een TOTP-apparaat
    weigert dezelfde code een tweede keer)."""
    apparaat.refresh_from_db()
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits,
                apparaat.drift + 1)
    return f"{code:06d}"


def inloggen_met_code(client, gebruiker, wachtwoord, apparaat):
    stap_wachtwoord(client, gebruiker.username, wachtwoord)
    assert stap_code(client, huidige_code(apparaat)).status_code == 302


def test_sessie_met_alleen_het_wachtwoord_koppelt_geen_tweede_app(client, medewerker):
    """De gebruiker heeft al een app; deze sessie is niet met een code bevestigd."""
    maak_apparaat(medewerker)
    client.force_login(medewerker)

    antwoord = koppel_eigen_app(client)

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/accounts/mfa/controleren/?next=")
    assert "opnieuw=1" in antwoord["Location"]
    assert TOTPDevice.objects.filter(user=medewerker).count() == 1
    assert client.get("/werkvoorraad/").status_code == 302  # nog steeds niet bevestigd


def test_lang_geleden_bevestigde_sessie_moet_eerst_opnieuw_de_code(
    client, medewerker, wachtwoord
):
    apparaat = maak_apparaat(medewerker)
    inloggen_met_code(client, medewerker, wachtwoord, apparaat)
    sessie = client.session
    sessie[MFA_GECONTROLEERD] = int(time.time()) - 11 * 60
    sessie.save()

    antwoord = koppel_eigen_app(client)

    assert antwoord.status_code == 302
    assert "/accounts/mfa/controleren/" in antwoord["Location"]
    assert TOTPDevice.objects.filter(user=medewerker).count() == 1
    # De pagina vraagt de code ook al is de sessie bevestigd, en stuurt daarna door.
    controleren = client.get(antwoord["Location"])
    assert controleren.status_code == 200
    assert "kan alleen vlak na het invoeren van uw code" in controleren.content.decode()
    verder = client.post(antwoord["Location"], {"otp_token": volgende_code(apparaat),
                                                "next": INSTELLEN})
    assert verder.status_code == 302
    assert verder["Location"] == INSTELLEN
    assert koppel_eigen_app(client).status_code == 302
    assert TOTPDevice.objects.filter(user=medewerker).count() == 2


def test_vlak_na_het_inloggen_mag_het_en_het_komt_in_het_toegangslog(
    client, medewerker, wachtwoord
):
    apparaat = maak_apparaat(medewerker)
    inloggen_met_code(client, medewerker, wachtwoord, apparaat)

    antwoord = koppel_eigen_app(client)

    assert antwoord.status_code == 302
    assert TOTPDevice.objects.filter(user=medewerker).count() == 2
    regel = Toegangslog.objects.get(actie=Toegangslog.Actie.MFA_GEKOPPELD)
    assert regel.actor == medewerker
    assert regel.toelichting == "authenticator-app gekoppeld; er was al een tweede factor"
    assert regel.ip_adres == "127.0.0.1"


def test_de_eerste_app_kan_na_alleen_het_wachtwoord_en_wordt_gelogd(client, medewerker):
    """Zonder tweede factor is er niets om vers te controleren: dit is het eerste instellen."""
    client.force_login(medewerker)
    assert koppel_eigen_app(client).status_code == 302
    assert TOTPDevice.objects.filter(user=medewerker, confirmed=True).count() == 1
    assert Toegangslog.objects.get(
        actie=Toegangslog.Actie.MFA_GEKOPPELD
    ).toelichting == "authenticator-app gekoppeld"


def test_reservecodes_vragen_ook_een_verse_code(client, medewerker, wachtwoord):
    apparaat = maak_apparaat(medewerker)
    inloggen_met_code(client, medewerker, wachtwoord, apparaat)
    assert client.get(RESERVECODES).status_code == 200
    assert client.post(RESERVECODES).status_code == 302
    assert StaticDevice.objects.get(user=medewerker).token_set.count() == 10
    assert Toegangslog.objects.filter(actie=Toegangslog.Actie.RESERVECODES).count() == 1

    sessie = client.session
    sessie[MFA_GECONTROLEERD] = int(time.time()) - 11 * 60
    sessie.save()
    oude_codes = set(StaticDevice.objects.get(user=medewerker).token_set.values_list("token"))
    for antwoord in (client.get(RESERVECODES), client.post(RESERVECODES)):
        assert antwoord.status_code == 302
        assert "/accounts/mfa/controleren/" in antwoord["Location"]
    assert set(StaticDevice.objects.get(user=medewerker).token_set.values_list(
        "token")) == oude_codes
