"""De klok van de sessie op de pagina, voor de melding "Blijf ingelogd" (static/js/app.js)."""

from django import template
from django.conf import settings

from gemeenten.beveiliging import Sessietijden, sessietijden

register = template.Library()


@register.simple_tag(takes_context=True)
def sessieklok(context) -> Sessietijden | None:
    """De sessietijden van een ingelogde gebruiker (met tweede factor, als die verplicht is);
    None op pagina's zonder sessie, zoals het inloggen."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if getattr(settings, "MFA_VERPLICHT", True) and not user.is_verified():
        return None
    return sessietijden(request.session)
