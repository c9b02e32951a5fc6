"""Beveiligingsmiddleware: MFA afdwingen, sessietijden en geen caching van pagina's.

- `MFAMiddleware` (BIO2 5.17.01): met `MFA_VERPLICHT` aan komt een ingelogde gebruiker
  zonder geverifieerde tweede factor op geen enkele pagina met gegevens; hij gaat eerst
  naar het instellen (geen apparaat) of het controleren (wel een apparaat) van zijn code.
  Ook de Django-admin valt hieronder.
- `SessieMiddleware`: een sessie eindigt na `SESSIE_INACTIEF_SECONDEN` zonder activiteit
  (30 minuten) en uiterlijk `SESSION_COOKIE_AGE` na het inloggen (12 uur), ook als de
  gebruiker steeds actief is.
- `GeenCacheMiddleware`: elke door Django gemaakte response krijgt `Cache-Control: no-store`,
  zodat geen browser of proxy een pagina met persoonsgegevens bewaart. Statische bestanden
  (WhiteNoise, eerder in de keten) vallen hierbuiten.
- `client_ip`: het IP-adres van de client, waarbij X-Forwarded-For alleen telt als het verzoek
  van een vertrouwde proxy komt (toegangslog, blokkade van django-axes, inloglimiet).
- `inloglimiet_bereikt`: inlogpogingen per IP-adres (`INLOGLIMIET_PER_IP`, django-ratelimit).
- `mfa_vers` / `onthoud_mfa_controle`: de tweede factor is "vers" gecontroleerd als de code in
  deze sessie minder dan `MFA_VERS_SECONDEN` geleden is ingevoerd; een tweede factor toevoegen of
  vervangen vraagt dat (`gemeenten.views_accounts`).
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import time
import unicodedata
from dataclasses import dataclass

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import is_ratelimited
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

SESSIE_BEGIN = "bo_sessie_begin"
LAATSTE_ACTIVITEIT = "bo_laatste_activiteit"
#: Wanneer in deze sessie voor het laatst een juiste code (tweede factor) is ingevoerd.
MFA_GECONTROLEERD = "bo_mfa_gecontroleerd"
#: Een mislukte inlogpoging bewaart hoogstens zoveel tekens van de ingetypte gebruikersnaam.
MAX_GEBRUIKERSNAAM_MISLUKT = 64
#: Laatste activiteit hooguit eens per minuut opslaan: scheelt een sessie-write per request.
ACTIVITEIT_RESOLUTIE_SECONDEN = 60

#: URL-namen die zonder tweede factor bereikbaar blijven (inloggen, uitloggen, MFA zelf).
MFA_VRIJE_URLNAMEN = {"login", "logout", "mfa_controleren", "admin_login_doorsturen"}
MFA_VRIJE_NAMESPACES = {"two_factor"}
MFA_VRIJE_PADEN = ("/healthz",)


def client_ip(request) -> str | None:
    """Het IP-adres van de client.

    Standaard `REMOTE_ADDR`. X-Forwarded-For telt alleen als het verzoek binnenkomt van een adres
    in `VERTROUWDE_PROXY_ADRESSEN` (IP-adressen of netwerken): dan wordt van rechts af het adres
    genomen dat die proxy doorgaf, en zolang dat ook een vertrouwde proxy is het volgende, in
    totaal hoogstens `VERTROUWDE_PROXIES` stappen. Adressen die een client zelf in de kop zet,
    staan links daarvan en tellen dus nooit. Een verzonnen kop van een gewone client wordt
    genegeerd, zodat niemand de blokkade (django-axes) of de inloglimiet omzeilt door de kop te
    wisselen. Een doorgegeven waarde die geen IP-adres is, geeft `None`.
    """
    if request is None:
        return None
    adres = _ip(request.META.get("REMOTE_ADDR"))
    stappen = getattr(settings, "VERTROUWDE_PROXIES", 0)
    proxies = _netwerken(tuple(getattr(settings, "VERTROUWDE_PROXY_ADRESSEN", ())))
    if adres is not None and stappen and proxies:
        doorgestuurd = [
            deel.strip()
            for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if deel.strip()
        ]
        for _stap in range(stappen):
            if not doorgestuurd or not any(adres in netwerk for netwerk in proxies):
                break
            adres = _ip(doorgestuurd.pop())
            if adres is None:
                return None
    return str(adres) if adres is not None else None


def _ip(waarde) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(waarde) if waarde else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=8)
def _netwerken(waarden: tuple[str, ...]) -> tuple:
    """De vertrouwde proxies als netwerken; een ongeldige waarde meldt `check` (E002)."""
    netwerken = []
    for waarde in waarden:
        try:
            netwerken.append(ipaddress.ip_network(waarde.strip(), strict=False))
        except ValueError:
            logger.error("VERTROUWDE_PROXY_ADRESSEN: %r is geen IP-adres of netwerk", waarde)
    return tuple(netwerken)


def ongeldige_proxy_adressen(waarden) -> list[str]:
    """De waarden uit `VERTROUWDE_PROXY_ADRESSEN` die geen IP-adres of netwerk zijn."""
    ongeldig = []
    for waarde in waarden:
        try:
            ipaddress.ip_network(str(waarde).strip(), strict=False)
        except ValueError:
            ongeldig.append(str(waarde))
    return ongeldig


def _inlogsleutel(group, request) -> str:
    """Het IP-adres voor de inloglimiet; IPv6 per /64 (één aansluiting heeft er miljarden)."""
    adres = client_ip(request) or "onbekend"
    if ":" in adres:
        adres = str(ipaddress.ip_network(f"{adres}/64", strict=False).network_address)
    return adres


def inloglimiet_bereikt(request) -> bool:
    """Telt deze inlogpoging mee en zegt of het IP-adres over een van de grenzen is.

    De tellers staan in de cache. Is die onbereikbaar (Redis weg of hangend), dan telt de
    poging niet en mag ze door (zoals `RATELIMIT_FAIL_OPEN`; django-ratelimit vangt alleen een
    DNS-fout af): liever inloggen mogelijk dan iedereen buitengesloten; axes blokkeert nog
    steeds per gebruikersnaam + IP (in de database).
    """
    bereikt = False
    try:
        for grens in settings.INLOGLIMIET_PER_IP:
            bereikt |= is_ratelimited(
                request, group=f"inloggen:{grens}", key=_inlogsleutel, rate=grens, increment=True
            )
    except (RedisError, OSError) as exc:
        logger.warning("inloglimiet niet geteld: cache onbereikbaar (%s)", type(exc).__name__)
        return False
    return bereikt


def gebruikersnaam_voor_log(waarde) -> str:
    """Een ingetypte gebruikersnaam zoals hij in het log mag: zonder stuurtekens en ingekort.

    Bij een mislukte inlogpoging kiest de bezoeker de tekst zelf (soms per ongeluk zijn
    wachtwoord). Hij wordt dus nooit langer dan `MAX_GEBRUIKERSNAAM_MISLUKT` tekens bewaard.
    """
    tekst = "".join(
        teken for teken in str(waarde or "") if unicodedata.category(teken)[0] != "C"
    ).strip()
    if len(tekst) > MAX_GEBRUIKERSNAAM_MISLUKT:
        return tekst[: MAX_GEBRUIKERSNAAM_MISLUKT - 1] + "…"
    return tekst


def onthoud_mfa_controle(request) -> None:
    """Er is zojuist in deze sessie een juiste code (tweede factor) ingevoerd."""
    request.session[MFA_GECONTROLEERD] = int(time.time())


def mfa_vers(request) -> bool:
    """Is de tweede factor in deze sessie minder dan `MFA_VERS_SECONDEN` geleden gecontroleerd?"""
    if not request.user.is_verified():
        return False
    gecontroleerd = request.session.get(MFA_GECONTROLEERD)
    return gecontroleerd is not None and (
        time.time() - gecontroleerd <= settings.MFA_VERS_SECONDEN
    )


def onthoud_sessiebegin(request) -> None:
    """Zet het begin van een nieuwe sessie (bij het inloggen)."""
    nu = int(time.time())
    request.session[SESSIE_BEGIN] = nu
    request.session[LAATSTE_ACTIVITEIT] = nu


#: Zoveel seconden vóór het einde van de sessie verschijnt de melding "Blijf ingelogd"
#: (WCAG 2.2.1: waarschuwen en met één handeling laten verlengen).
WAARSCHUWING_SECONDEN = 120
#: Typen in een formulier verlengt de sessie hooguit eens per zoveel seconden.
VERLENGEN_HOOGUIT_ELKE_SECONDEN = 60


@dataclass(frozen=True)
class Sessietijden:
    """De klok van een sessie, in seconden vanaf nu: voor de melding "Blijf ingelogd"
    (static/js/app.js) en de keep-alive (`views_sessie.py`)."""

    termijn: int  # de inactiviteitstermijn zelf (SESSIE_INACTIEF_SECONDEN)
    inactief: int  # tot de inactiviteitsgrens; schuift op bij activiteit
    absoluut: int  # tot twaalf uur na het inloggen; schuift nooit op
    waarschuwen: int  # zoveel seconden vóór het einde verschijnt de melding
    verlengen_na: int  # typen verlengt de sessie hooguit eens per zoveel seconden


def sessietijden(sessie, *, nu: int | None = None) -> Sessietijden:
    """Hoe lang de sessie nog loopt, volgens dezelfde regels als `SessieMiddleware`.

    Bij een korte inactiviteitstermijn (tests, een demo) waarschuwt de pagina na hooguit de
    helft ervan en verlengt typen hooguit eens per kwart, zodat beide regels blijven werken.
    """
    nu = int(time.time()) if nu is None else nu
    termijn = settings.SESSIE_INACTIEF_SECONDEN
    laatst = sessie.get(LAATSTE_ACTIVITEIT, nu)
    begin = sessie.get(SESSIE_BEGIN, nu)
    return Sessietijden(
        termijn=termijn,
        inactief=max(laatst + termijn - nu, 0),
        absoluut=max(begin + settings.SESSION_COOKIE_AGE - nu, 0),
        waarschuwen=min(WAARSCHUWING_SECONDEN, termijn // 2),
        verlengen_na=max(min(VERLENGEN_HOOGUIT_ELKE_SECONDEN, termijn // 4), 1),
    )


def verleng_sessie(sessie) -> Sessietijden:
    """Noteer nu als laatste activiteit (de keep-alive). De twaalfurengrens schuift niet op."""
    nu = int(time.time())
    sessie[LAATSTE_ACTIVITEIT] = nu
    return sessietijden(sessie, nu=nu)


def mfa_vrij(request, match) -> bool:
    if request.path_info.startswith(MFA_VRIJE_PADEN):
        return True
    if settings.STATIC_URL and request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
        return True
    if match is None:
        return False
    if match.url_name in MFA_VRIJE_URLNAMEN:
        return True
    return bool(set(match.namespaces) & MFA_VRIJE_NAMESPACES)


class MFAMiddleware:
    """Geen gegevens zonder tweede factor (na `django_otp.middleware.OTPMiddleware`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(settings, "MFA_VERPLICHT", True):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if mfa_vrij(request, request.resolver_match):
            return None
        from two_factor.utils import default_device

        doel = "mfa_controleren" if default_device(user) else "two_factor:setup"
        return _doorsturen(doel, request.get_full_path())


def _doorsturen(urlnaam: str, volgende: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{resolve_url(urlnaam)}?{urlencode({'next': volgende})}")


class SessieMiddleware:
    """Inactiviteits- en absolute time-out voor ingelogde sessies.

    Staat na AuthenticationMiddleware en MessageMiddleware in de keten.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = int(time.time())
            sessie = request.session
            begin = sessie.get(SESSIE_BEGIN)
            laatst = sessie.get(LAATSTE_ACTIVITEIT)
            if begin is None:
                begin = sessie[SESSIE_BEGIN] = nu
            te_lang = nu - begin > settings.SESSION_COOKIE_AGE
            inactief = laatst is not None and nu - laatst > settings.SESSIE_INACTIEF_SECONDEN
            if te_lang or inactief:
                logout(request)
                messages.info(
                    request,
                    _("Uw sessie is verlopen omdat u te lang niet actief was. Log opnieuw in.")
                    if inactief
                    else _("Uw sessie is na twaalf uur verlopen. Log opnieuw in."),
                )
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if laatst is None or nu - laatst >= ACTIVITEIT_RESOLUTIE_SECONDEN:
                sessie[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)


class GeenCacheMiddleware:
    """`Cache-Control: no-store` (en private, max-age=0) op elke dynamische response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        return response


class AxesBackend(AxesStandaloneBackend):
    """django-axes' blokkadecontrole, maar zonder request (geen webinlog) geen controle.

    Elke inlogpoging via het web (`/accounts/login/`, de admin stuurt daarheen) geeft het
    request mee en wordt dus bewaakt. `authenticate()` zonder request komt alleen voor buiten
    het web, zoals `Client.login()` in tests of een shell; axes zou daar een ValueError geven.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class MinimaleLengteValidator(MinimumLengthValidator):
    """Django's lengtecontrole, met een Nederlandse foutmelding.

    Django 5.2 veranderde de msgid van deze melding, waardoor de Nederlandse vertaling
    ontbreekt en gebruikers een Engelse fout zagen.
    """

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort: gebruik minstens %(min_length)d teken.",
            "Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}
