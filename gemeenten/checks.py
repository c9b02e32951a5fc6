"""Systeemchecks voor de beveiliging (draaien met `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def mfa_verplicht(app_configs, **kwargs):
    """Waarschuw als MFA uit staat: dat mag alleen in een lokale demo (BIO2 5.17.01)."""
    if getattr(settings, "MFA_VERPLICHT", True):
        return []
    return [
        Warning(
            "MFA_VERPLICHT staat uit: gebruikers komen zonder tweede factor bij persoonsgegevens.",
            hint="Zet MFA_VERPLICHT=true (de standaard); uit is alleen voor een lokale demo.",
            id="banenoffensief.W001",
        )
    ]
