"""Inloggen, uitloggen, wachtwoord wijzigen en de tweede factor (TOTP).

De views van Django en django-two-factor-auth worden hier met `@toegang(...)` verklaard,
zodat de deny-by-default-middleware ze doorlaat. Inloggen gaat via de wizard van
django-two-factor-auth: eerst wachtwoord (door django-axes bewaakt), daarna de TOTP-code als
de gebruiker een apparaat heeft. Wie nog geen apparaat heeft, stelt het in na het inloggen
(`MFAMiddleware` stuurt hem erheen zolang `MFA_VERPLICHT` aan staat).
"""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from two_factor import views as tf_views
from two_factor.forms import AuthenticationTokenForm
from two_factor.utils import default_device

from .toegang import Toegang, toegang


@toegang(Toegang.PUBLIEK)
class Inloggen(tf_views.LoginView):
    """Stap 1 gebruikersnaam + wachtwoord, stap 2 de code uit de authenticator-app."""


@toegang(Toegang.PUBLIEK)
class Uitloggen(auth_views.LogoutView):
    """Alleen POST; beëindigt de sessie ook op de server (de sessierij wordt verwijderd)."""


@toegang(Toegang.INGELOGD)
class WachtwoordWijzigen(auth_views.PasswordChangeView):
    pass


@toegang(Toegang.INGELOGD)
class WachtwoordGewijzigd(auth_views.PasswordChangeDoneView):
    pass


@toegang(Toegang.INGELOGD)
class MFAInstellen(tf_views.SetupView):
    """Koppel een authenticator-app: QR-code scannen en één code invoeren."""


@toegang(Toegang.INGELOGD)
class MFAQRCode(tf_views.QRGeneratorView):
    pass


@toegang(Toegang.INGELOGD)
class MFAIngesteld(tf_views.SetupCompleteView):
    pass


@toegang(Toegang.INGELOGD)
class MFAReservecodes(tf_views.BackupTokensView):
    pass


@toegang(Toegang.INGELOGD)
class MFAOverzicht(tf_views.ProfileView):
    """Overzicht van de eigen tweede factor. Uitschakelen kan alleen een beheerder (admin)."""


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@toegang(Toegang.INGELOGD)
def mfa_controleren(request):
    """Vraag de TOTP-code van een ingelogde gebruiker wiens sessie nog niet is geverifieerd.

    Dat gebeurt als de gebruiker inlogde terwijl MFA uit stond, of als zijn apparaat pas na
    het inloggen is gekoppeld. Na een juiste code krijgt de sessie een nieuwe sleutel.
    """
    volgende = _volgende(request)
    apparaat = default_device(request.user)
    if apparaat is None:
        return HttpResponseRedirect(
            f"{resolve_url('two_factor:setup')}?{urlencode({'next': volgende})}"
        )
    if request.user.is_verified():
        return redirect(volgende)
    formulier = AuthenticationTokenForm(
        user=request.user,
        initial_device=apparaat,
        data=request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and formulier.is_valid():
        request.session.cycle_key()
        django_otp.login(request, request.user.otp_device)
        return redirect(volgende)
    return render(
        request, "two_factor/core/controleren.html", {"form": formulier, "next": volgende}
    )


@toegang(Toegang.PUBLIEK)
def admin_inloggen(request):
    """De admin heeft geen eigen inlogpagina: iedereen logt in met wachtwoord én code."""
    volgende = request.GET.get("next") or resolve_url("admin:index")
    return HttpResponseRedirect(f"{resolve_url('login')}?{urlencode({'next': volgende})}")
