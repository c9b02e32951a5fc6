"""Rollen en toegang, op één plek (deny-by-default).

Elke view verklaart met `@toegang(...)` welke rollen hem mogen openen, en eventueel welke
Django-rechten daarnaast nodig zijn. `ToegangMiddleware` weigert elke view zonder die
verklaring (behalve de admin, die zijn eigen staff- en rechtencontrole heeft). Scoping op
gemeente gebeurt daarna in de selectors: een record buiten de gemeenten van de gebruiker geeft
404.

Rollen komen uit lidmaatschappen; `is_staff` geeft alleen de beheerder-rol (de admin, waar de
Django-rechten van het account bepalen wat hij ziet). Dashboards en exports vragen een
lidmaatschap als coördinator, inzageverzoeken en het toegangslog een eigen recht
(`RECHT_INZAGEVERZOEK`, `RECHT_TOEGANGSLOG`; de groep `PRIVACYGROEP` heeft ze).
"""

from __future__ import annotations

import functools
from enum import StrEnum

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .constants import Rol
from .models import Lidmaatschap

#: Het hele dossier van een deelnemer downloaden (`/beheer/inzage/<id>/`, AVG art. 15).
RECHT_INZAGEVERZOEK = "trajecten.inzageverzoek_downloaden"
#: Het toegangslog lezen en exporteren (admin).
RECHT_TOEGANGSLOG = "gemeenten.toegangslog_inzien"
#: De groep met die rechten (en de meldingen "BSN bestaat in andere gemeente"), aangemaakt
#: door de migratie `gemeenten/migrations/0005_privacygroep.py`.
PRIVACYGROEP = "privacy"


class Toegang(StrEnum):
    PUBLIEK = "publiek"  # ook zonder inloggen (health check, login)
    INGELOGD = "ingelogd"  # elke ingelogde gebruiker (startpagina, wachtwoord wijzigen)
    MEDEWERKER = "medewerker"
    COORDINATOR = "coordinator"  # per gemeente of landelijk
    LANDELIJK = "landelijk"  # landelijke coördinator
    BEHEERDER = "beheerder"  # is_staff: wat hij mag, zeggen zijn Django-rechten


def rollen_van(user) -> set[Toegang]:
    """De rollen van een gebruiker; eenmaal per request berekend en op de user bewaard."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_toegang_rollen", None)
    if cached is not None:
        return cached
    rollen = {Toegang.INGELOGD}
    for rol, gemeente_id in Lidmaatschap.objects.filter(user=user).values_list(
        "rol", "gemeente_id"
    ):
        if rol == Rol.MEDEWERKER:
            rollen.add(Toegang.MEDEWERKER)
        elif rol == Rol.COORDINATOR:
            rollen.add(Toegang.COORDINATOR)
            if gemeente_id is None:
                rollen.add(Toegang.LANDELIJK)
    if user.is_active and user.is_staff:
        rollen.add(Toegang.BEHEERDER)
    user._toegang_rollen = rollen
    return rollen


def heeft_rol(user, *rollen: Toegang) -> bool:
    return bool(rollen_van(user) & set(rollen))


def toegang(*rollen: Toegang, rechten: tuple[str, ...] = ()):
    """Verklaar welke rollen een view mogen openen; werkt op functies en op class-based views.

    `rechten`: Django-rechten (`"app.codename"`) die de gebruiker daarnaast moet hebben, zoals
    `RECHT_INZAGEVERZOEK`. Anoniem → naar de inlogpagina; ingelogd zonder passende rol of recht
    → 403.
    """

    def controleer(request):
        if Toegang.PUBLIEK in rollen:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not heeft_rol(request.user, *rollen) or not request.user.has_perms(rechten):
            raise PermissionDenied
        return None

    def decorator(view):
        if isinstance(view, type):
            oorspronkelijk = view.dispatch

            @functools.wraps(oorspronkelijk)
            def dispatch(self, request, *args, **kwargs):
                return controleer(request) or oorspronkelijk(self, request, *args, **kwargs)

            view.dispatch = dispatch
            view.toegang_rollen = rollen
            return view

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            return controleer(request) or view(request, *args, **kwargs)

        wrapper.toegang_rollen = rollen
        return wrapper

    return decorator


def verklaarde_rollen(view_func) -> tuple | None:
    rollen = getattr(view_func, "toegang_rollen", None)
    if rollen is None and hasattr(view_func, "view_class"):
        rollen = getattr(view_func.view_class, "toegang_rollen", None)
    return rollen


#: Namespaces met een eigen toegangscontrole.
EIGEN_CONTROLE_NAMESPACES = {"admin"}


class ToegangMiddleware:
    """Deny-by-default: een view die geen rollen verklaart, is voor niemand bereikbaar."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and set(match.namespaces) & EIGEN_CONTROLE_NAMESPACES:
            return None
        if verklaarde_rollen(view_func) is None:
            raise PermissionDenied
        return None
