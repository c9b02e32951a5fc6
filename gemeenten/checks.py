"""Systeemchecks voor de beveiliging (draaien met `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


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


@register(Tags.security)
def vertrouwde_proxies(app_configs, **kwargs):
    """X-Forwarded-For telt alleen van de proxy-adressen in `VERTROUWDE_PROXY_ADRESSEN`."""
    from .beveiliging import ongeldige_proxy_adressen

    meldingen = []
    ongeldig = ongeldige_proxy_adressen(getattr(settings, "VERTROUWDE_PROXY_ADRESSEN", []))
    if ongeldig:
        meldingen.append(Error(
            f"VERTROUWDE_PROXY_ADRESSEN bevat iets dat geen IP-adres of netwerk is: "
            f"{', '.join(ongeldig)}.",
            hint="Gebruik adressen of netwerken, komma-gescheiden: 10.0.0.5,172.16.0.0/12.",
            id="banenoffensief.E002",
        ))
    if getattr(settings, "VERTROUWDE_PROXIES", 0) and not getattr(
        settings, "VERTROUWDE_PROXY_ADRESSEN", []
    ):
        meldingen.append(Warning(
            "VERTROUWDE_PROXIES staat aan, maar VERTROUWDE_PROXY_ADRESSEN is leeg: "
            "X-Forwarded-For wordt genegeerd en elk verzoek telt met het adres van de proxy.",
            hint="Zet VERTROUWDE_PROXY_ADRESSEN op het adres (of netwerk) van de reverse proxy.",
            id="banenoffensief.W002",
        ))
    return meldingen
