"""Hulpjes voor de beveiligingstests: inloggen via de echte wizard en TOTP-codes maken."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

INLOGGEN = "/accounts/login/"


def wizard_prefix(response) -> str:
    return response.context["wizard"]["management_form"].prefix


#: Na het inloggen naar een pagina die elke ingelogde gebruiker mag zien.
STANDAARD_VOLGENDE = "/accounts/mfa/"


def stap_wachtwoord(
    client, gebruikersnaam, wachtwoord, *, volgende=STANDAARD_VOLGENDE, **extra
):
    """Post stap 1 van de inlogwizard (gebruikersnaam + wachtwoord)."""
    pad = INLOGGEN + (f"?next={volgende}" if volgende else "")
    return client.post(
        pad,
        {
            "inloggen-current_step": "auth",
            "auth-username": gebruikersnaam,
            "auth-password": wachtwoord,
        },
        **extra,
    )


def stap_code(client, code, *, volgende=STANDAARD_VOLGENDE):
    pad = INLOGGEN + (f"?next={volgende}" if volgende else "")
    return client.post(pad, {"inloggen-current_step": "token", "token-otp_token": code})


def maak_apparaat(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def huidige_code(apparaat: TOTPDevice) -> str:
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return f"{code:0{apparaat.digits}d}"
