"""URL's van de werkplek van de medewerker (publieke interface, zie issue 3).

Een BSN komt nooit in een pad of querystring: zoeken op BSN is een POST naar `bsn_zoeken`, het
volledige BSN tonen een POST naar `bsn_tonen`. Een nummer in het pad heeft het padtype van zijn
model (`<traject:pk>`, zie `converters.py`): daarmee logt het toegangslog elke pagina over een
deelnemer en elke weigering.
"""

from django.urls import path

from . import converters, views  # noqa: F401 (converters registreert de padtypen)

app_name = "trajecten"

urlpatterns = [
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("deelnemers/", views.deelnemer_lijst, name="deelnemer_lijst"),
    path("deelnemers/zoeken-op-bsn/", views.bsn_zoeken, name="bsn_zoeken"),
    path("deelnemers/nieuw/", views.deelnemer_nieuw, name="deelnemer_nieuw"),
    path("deelnemers/<deelnemer:pk>/", views.dossier, name="dossier"),
    path("deelnemers/<deelnemer:pk>/bsn/", views.bsn_tonen, name="bsn_tonen"),
    path(
        "deelnemers/<deelnemer:pk>/wijzigen/", views.deelnemer_wijzigen,
        name="deelnemer_wijzigen",
    ),
    path(
        "deelnemers/<deelnemer:pk>/verhuizen/", views.deelnemer_verhuizen,
        name="deelnemer_verhuizen",
    ),
    path("deelnemers/<deelnemer:pk>/traject/", views.traject_starten, name="traject_starten"),
    path("trajecten/<traject:pk>/wijzigen/", views.traject_wijzigen, name="traject_wijzigen"),
    path("trajecten/<traject:pk>/intake/", views.intake, name="intake"),
    path("trajecten/<traject:pk>/coach/", views.coach_toewijzen, name="coach_toewijzen"),
    path("trajecten/<traject:pk>/status/", views.status_wijzigen, name="status_wijzigen"),
    path("trajecten/<traject:pk>/plaatsing/", views.plaatsing_nieuw, name="plaatsing_nieuw"),
    path("trajecten/<traject:pk>/contact/", views.contact_nieuw, name="contact_nieuw"),
    path(
        "plaatsingen/<plaatsing:pk>/beeindigen/", views.plaatsing_beeindigen,
        name="plaatsing_beeindigen",
    ),
    path(
        "plaatsingen/<plaatsing:pk>/wijzigen/", views.plaatsing_wijzigen,
        name="plaatsing_wijzigen",
    ),
    path("werkgevers/", views.werkgever_lijst, name="werkgever_lijst"),
    path("werkgevers/nieuw/", views.werkgever_nieuw, name="werkgever_nieuw"),
    path("werkgevers/<werkgever:pk>/", views.werkgever_detail, name="werkgever_detail"),
]
