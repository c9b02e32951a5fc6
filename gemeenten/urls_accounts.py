"""URL's onder /accounts/: inloggen, uitloggen, wachtwoord en de tweede factor.

De namen `login`, `logout`, `password_change` en `password_change_done` zijn openbare
interface (`LOGIN_URL`, `{% url 'logout' %}`). De MFA-pagina's staan in de namespace
`two_factor`, omdat django-two-factor-auth ze onder die namen opzoekt.
Wachtwoord vergeten via e-mail is er bewust niet: een beheerder zet een nieuw wachtwoord.
"""

from django.urls import include, path

from . import views_accounts as views

mfa_patterns = (
    [
        path("", views.MFAOverzicht.as_view(), name="profile"),
        path("instellen/", views.MFAInstellen.as_view(), name="setup"),
        path("instellen/qrcode/", views.MFAQRCode.as_view(), name="qr"),
        path("instellen/klaar/", views.MFAIngesteld.as_view(), name="setup_complete"),
        path("reservecodes/", views.MFAReservecodes.as_view(), name="backup_tokens"),
    ],
    "two_factor",
)

urlpatterns = [
    path("login/", views.Inloggen.as_view(), name="login"),
    path("logout/", views.Uitloggen.as_view(), name="logout"),
    path("password_change/", views.WachtwoordWijzigen.as_view(), name="password_change"),
    path(
        "password_change/done/", views.WachtwoordGewijzigd.as_view(), name="password_change_done"
    ),
    path("mfa/controleren/", views.mfa_controleren, name="mfa_controleren"),
    path("mfa/", include(mfa_patterns)),
]
