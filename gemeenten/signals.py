"""Inlog-gebeurtenissen naar het toegangslog (BIO2 8.15.01).

Dit zijn logregistraties, geen bedrijfsregels: daarom mogen ze als signal-ontvanger bestaan.
Het wachtwoord komt nergens in: Django geeft `credentials` al gemaskeerd door, en we nemen
alleen de gebruikersnaam over.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django_otp.forms import otp_verification_failed
from two_factor.signals import user_verified

from .beveiliging import gebruikersnaam_voor_log, onthoud_mfa_controle, onthoud_sessiebegin
from .models import Toegangslog
from .toegangslog import registreer_toegang


@receiver(user_logged_in, dispatch_uid="sessieklok_ingelogd")
def start_sessieklok(sender, request, user, **kwargs):
    if request is None:
        return
    # Geslaagde inlogs staan al in het AccessLog van django-axes; hier alleen de sessieklok.
    onthoud_sessiebegin(request)


@receiver(user_verified, dispatch_uid="sessieklok_mfa_gecontroleerd")
def onthoud_code_bij_inloggen(sender, request, user, device, **kwargs):
    # Net ingelogd met wachtwoord én code: de tweede factor is vers gecontroleerd.
    onthoud_mfa_controle(request)


@receiver(user_login_failed, dispatch_uid="toegangslog_inloggen_mislukt")
def log_inloggen_mislukt(sender, credentials, request=None, **kwargs):
    veld = get_user_model().USERNAME_FIELD
    # De bezoeker kiest deze tekst zelf (soms per ongeluk zijn wachtwoord): kort en zonder
    # stuurtekens bewaren.
    registreer_toegang(
        request=request,
        actie=Toegangslog.Actie.INLOGGEN_MISLUKT,
        resultaat=Toegangslog.Resultaat.MISLUKT,
        gebruikersnaam=gebruikersnaam_voor_log(
            credentials.get(veld) or credentials.get("username") or ""
        ),
    )


@receiver(user_locked_out, dispatch_uid="toegangslog_geblokkeerd")
def log_geblokkeerd(sender, request, username=None, ip_address=None, **kwargs):
    registreer_toegang(
        request=request,
        actie=Toegangslog.Actie.GEBLOKKEERD,
        resultaat=Toegangslog.Resultaat.GEWEIGERD,
        gebruikersnaam=gebruikersnaam_voor_log(username or ""),
        toelichting="django-axes",
    )


@receiver(otp_verification_failed, dispatch_uid="toegangslog_mfa_mislukt")
def log_mfa_mislukt(sender, user, **kwargs):
    # django-otp geeft hier geen request mee; gebruiker en tijdstip volstaan.
    registreer_toegang(
        actie=Toegangslog.Actie.MFA_MISLUKT,
        resultaat=Toegangslog.Resultaat.MISLUKT,
        actor=user,
    )
