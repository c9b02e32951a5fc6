from django.contrib import admin
from django.urls import include, path

from config.health import healthz
from gemeenten.views_accounts import admin_inloggen

# Een databasestoring geeft een Nederlandse 503 in plaats van een 500 (config/storing.py).
handler500 = "config.storing.serverfout"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("rapportage/", include("rapportage.urls")),
    path("deelnemers/import/", include("trajecten.urls_import")),
    # De admin logt in via /accounts/login/ (wachtwoord + TOTP), niet via zijn eigen formulier.
    path("admin/login/", admin_inloggen, name="admin_login_doorsturen"),
    path("admin/", admin.site.urls),
    path("accounts/", include("gemeenten.urls_accounts")),
    path("beheer/", include("trajecten.urls_avg")),
    path("", include("trajecten.urls")),
    path("", include("gemeenten.urls")),
]
