"""Nederlandse namen voor de apps en modellen van derden in de admin (issue 14).

django-axes, django-otp en django-auditlog tonen in de admin hun technische namen: "AXES",
"OTP_STATIC", "Static devices", "TOTP devices". Die pakketten maken deze namen niet vertaalbaar
(de naam van de app komt uit het label, die van de otp-modellen is een vaste Engelse tekst), dus
een vertaalcatalogus helpt niet; daarom zetten we ze hier bij het opstarten
(`GemeentenConfig.ready`). Alleen de weergave verandert: `Meta.verbose_name` in
`original_attrs` blijft, dus er ontstaat geen migratie in die pakketten. Hun vertaalbare teksten
(kolommen, velden) staan in `locale/nl/`.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

#: app-label → (naam van de app, {modelnaam: (enkelvoud, meervoud)}).
NAMEN = {
    "axes": (_("Inlogpogingen en blokkades"), {
        "accessattempt": (_("inlogpoging"), _("inlogpogingen (per gebruiker en IP)")),
        "accesslog": (_("inlog"), _("inlogs en uitlogs")),
        "accessfailurelog": (_("mislukte inlog"), _("mislukte inlogs")),
        "accessattemptexpiration": (_("verloop van een inlogpoging"),
                                    _("verloop van inlogpogingen")),
    }),
    "otp_static": (_("Tweede factor: reservecodes"), {
        "staticdevice": (_("set reservecodes"), _("sets reservecodes")),
        "statictoken": (_("reservecode"), _("reservecodes")),
    }),
    "otp_totp": (_("Tweede factor: authenticator-app"), {
        "totpdevice": (_("authenticator-app"), _("authenticator-apps")),
    }),
    "auditlog": (_("Wijzigingshistorie"), {
        "logentry": (_("wijziging"), _("wijzigingen")),
    }),
}


def nederlandse_namen() -> None:
    for label, (app_naam, modellen) in NAMEN.items():
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        config.verbose_name = app_naam
        for model_naam, (enkelvoud, meervoud) in modellen.items():
            try:
                meta = config.get_model(model_naam)._meta
            except LookupError:
                continue
            meta.verbose_name = enkelvoud
            meta.verbose_name_plural = meervoud
