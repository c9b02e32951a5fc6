"""Inloggen, uitloggen, wachtwoord wijzigen en de tweede factor (TOTP).

De views van Django en django-two-factor-auth worden hier met `@toegang(...)` verklaard,
zodat de deny-by-default-middleware ze doorlaat. Inloggen gaat via de wizard van
django-two-factor-auth: eerst wachtwoord (door django-axes bewaakt), daarna de TOTP-code als
de gebruiker een apparaat heeft. Wie nog geen apparaat heeft, stelt het in na het inloggen
(`MFAMiddleware` stuurt hem erheen zolang `MFA_VERPLICHT` aan staat).

Wat een anonieme bezoeker kan laten opslaan, is begrensd: de inlogpagina bewaart geen sessie
zolang niemand een stap verder is, en POST's naar de inlogpagina zijn per IP-adres begrensd
(`INLOGLIMIET_PER_IP`, django-ratelimit). Een tweede factor toevoegen of vervangen, en
reservecodes maken of bekijken, vraagt een verse code (`VerseCodeVereist`) en komt in het
toegangslog.
"""

from __future__ import annotations

import logging

import django_otp
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from two_factor import views as tf_views
from two_factor.forms import AuthenticationTokenForm
from two_factor.utils import default_device

from .beveiliging import inloglimiet_bereikt, mfa_vers, onthoud_mfa_controle
from .models import Toegangslog
from .toegang import Toegang, toegang
from .toegangslog import registreer_toegang

logger = logging.getLogger(__name__)


#: Een inlogformulier is een paar honderd bytes; django-axes bewaart de POST van elke mislukte
#: poging (aan elkaar geplakt per gebruikersnaam + IP), dus een groter verzoek komt er niet in.
MAX_INLOGVERZOEK = 8 * 1024


def te_groot_inlogverzoek(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_INLOGVERZOEK
    except ValueError:
        return True


def te_veel_pogingen(request):
    # Bewust niet in het toegangslog: dat is precies wat deze grens begrenst.
    logger.warning("Inloglimiet per IP-adres bereikt")
    return render(request, "registration/te_veel_pogingen.html", status=429)


@toegang(Toegang.PUBLIEK)
class Inloggen(tf_views.LoginView):
    """Stap 1 gebruikersnaam + wachtwoord, stap 2 de code uit de authenticator-app."""

    def get(self, request, *args, **kwargs):
        return self._zonder_lege_sessie(super().get(request, *args, **kwargs))

    def post(self, request, *args, **kwargs):
        if inloglimiet_bereikt(request):
            return self._zonder_lege_sessie(te_veel_pogingen(request))
        if te_groot_inlogverzoek(request):
            return self._zonder_lege_sessie(HttpResponse(
                _("Dit inlogverzoek is te groot."), status=413,
                content_type="text/plain; charset=utf-8",
            ))
        return self._zonder_lege_sessie(super().post(request, *args, **kwargs))

    def _zonder_lege_sessie(self, response):
        """Een anonieme bezoeker die niet voorbij de eerste stap is, krijgt geen sessierij.

        De wizard zet zijn stap in de sessie; bewaren heeft pas zin als er iets te onthouden
        valt (de gebruiker na een juist wachtwoord, op weg naar de code). Zo maakt het
        opvragen van de inlogpagina, of een verkeerd wachtwoord, geen rij in de database. De
        wizard leest (en markeert) de sessie ook tijdens het renderen van de pagina: daarom pas
        daarna.
        """
        if getattr(response, "is_rendered", True):
            self._sessie_niet_bewaren()
        else:
            response.add_post_render_callback(lambda _response: self._sessie_niet_bewaren())
        return response

    def _sessie_niet_bewaren(self) -> None:
        request = self.request
        niets_te_onthouden = (
            not request.user.is_authenticated
            and request.session.session_key is None
            and self.storage.current_step in (None, self.steps.first)
        )
        if niets_te_onthouden:
            request.session.modified = False


@toegang(Toegang.PUBLIEK)
class Uitloggen(auth_views.LogoutView):
    """Alleen POST; beëindigt de sessie ook op de server (de sessierij wordt verwijderd)."""


@toegang(Toegang.INGELOGD)
class WachtwoordWijzigen(auth_views.PasswordChangeView):
    pass


@toegang(Toegang.INGELOGD)
class WachtwoordGewijzigd(auth_views.PasswordChangeDoneView):
    pass


class VerseCodeVereist:
    """Wie al een tweede factor heeft, voert eerst opnieuw een code in (hoogstens
    `MFA_VERS_SECONDEN` oud, in deze sessie) voordat hij er een toevoegt of vervangt.

    Zonder die eis kan een sessie die alleen het wachtwoord kent (of een onbeheerde, lang
    geleden bevestigde sessie) met één POST een eigen authenticator-app koppelen en daarmee
    de tweede factor omzeilen.
    """

    def verse_code_nodig(self, request) -> bool:  # pragma: no cover - per view
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if (request.user.is_authenticated and self.verse_code_nodig(request)
                and not mfa_vers(request)):
            doel = urlencode({"next": request.get_full_path(), "opnieuw": "1"})
            return HttpResponseRedirect(f"{resolve_url('mfa_controleren')}?{doel}")
        return super().dispatch(request, *args, **kwargs)


@toegang(Toegang.INGELOGD)
class MFAInstellen(VerseCodeVereist, tf_views.SetupView):
    """Koppel een authenticator-app: QR-code scannen en één code invoeren.

    De eerste keer (nog geen tweede factor) kan dat na alleen het wachtwoord; een tweede of
    vervangende app alleen met een verse code. Elke koppeling komt in het toegangslog.
    """

    def verse_code_nodig(self, request) -> bool:
        return any(devices_for_user(request.user, confirmed=True))

    def done(self, form_list, **kwargs):
        had_al = self.verse_code_nodig(self.request)
        response = super().done(form_list, **kwargs)
        onthoud_mfa_controle(self.request)
        registreer_toegang(
            request=self.request, actie=Toegangslog.Actie.MFA_GEKOPPELD,
            toelichting="authenticator-app gekoppeld"
            + ("; er was al een tweede factor" if had_al else ""),
        )
        return response


@toegang(Toegang.INGELOGD)
class MFAQRCode(tf_views.QRGeneratorView):
    pass


@toegang(Toegang.INGELOGD)
class MFAIngesteld(tf_views.SetupCompleteView):
    pass


@toegang(Toegang.INGELOGD)
class MFAReservecodes(VerseCodeVereist, tf_views.BackupTokensView):
    """Reservecodes zijn een tweede factor: maken én bekijken vraagt een verse code.

    Wie nog niet met een code is ingelogd, stuurt `otp_required` van django-two-factor-auth
    zelf naar het inloggen; de verse code geldt voor een sessie die wel is bevestigd.
    """

    def verse_code_nodig(self, request) -> bool:
        return request.user.is_verified()

    def form_valid(self, form):
        response = super().form_valid(form)
        registreer_toegang(
            request=self.request, actie=Toegangslog.Actie.RESERVECODES,
            toelichting="nieuwe reservecodes; de oude zijn vervallen",
        )
        return response


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
    het inloggen is gekoppeld. Met `?opnieuw=1` vraagt de pagina de code ook aan een sessie die
    al bevestigd is (een verse code, zie `VerseCodeVereist`). Na een juiste code krijgt de
    sessie een nieuwe sleutel.
    """
    volgende = _volgende(request)
    apparaat = default_device(request.user)
    if apparaat is None:
        return HttpResponseRedirect(
            f"{resolve_url('two_factor:setup')}?{urlencode({'next': volgende})}"
        )
    if request.method != "POST" and request.user.is_verified() and not request.GET.get(
        "opnieuw"
    ):
        return redirect(volgende)
    formulier = AuthenticationTokenForm(
        user=request.user,
        initial_device=apparaat,
        data=request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and formulier.is_valid():
        request.session.cycle_key()
        django_otp.login(request, request.user.otp_device)
        onthoud_mfa_controle(request)
        return redirect(volgende)
    return render(
        request, "two_factor/core/controleren.html",
        {"form": formulier, "next": volgende, "opnieuw": request.user.is_verified()},
    )


@toegang(Toegang.PUBLIEK)
def admin_inloggen(request):
    """De admin heeft geen eigen inlogpagina: iedereen logt in met wachtwoord én code."""
    volgende = request.GET.get("next") or resolve_url("admin:index")
    return HttpResponseRedirect(f"{resolve_url('login')}?{urlencode({'next': volgende})}")
