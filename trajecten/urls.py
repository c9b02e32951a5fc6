"""URL's van de werkplek van de medewerker (publieke interface, zie issue 3).

Een BSN of naam komt nooit in een pad of querystring: zoeken op BSN is een POST naar
`bsn_zoeken`, het volledige BSN tonen een POST naar `bsn_tonen`, zoeken op naam een POST naar
`deelnemer_zoeken` (de lijst krijgt daarna alleen een willekeurige sleutel van de zoekopdracht).
Een nummer in het pad heeft het padtype van zijn model (`<traject:pk>`, zie `converters.py`):
daarmee logt het toegangslog elke pagina over een deelnemer en elke weigering. Het
agenda-abonnement (`agenda_feed`) is de enige URL zonder inloggen met gegevens: een geheim
token, en geen namen of BSN's.
"""

from django.urls import path

from . import converters, views  # noqa: F401 (converters registreert de padtypen)
from .urls_relaties import urlpatterns as relaties

app_name = "trajecten"

urlpatterns = [
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("deelnemers/", views.deelnemer_lijst, name="deelnemer_lijst"),
    path("deelnemers/zoeken/", views.deelnemer_zoeken, name="deelnemer_zoeken"),
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
    path("trajecten/<traject:pk>/behandelaar/", views.behandelaar, name="behandelaar"),
    path("trajecten/<traject:pk>/wachtlijst/", views.wachtlijst, name="wachtlijst"),
    path("trajecten/<traject:pk>/afspraak/", views.afspraak_nieuw, name="afspraak_nieuw"),
    path(
        "afspraken/<afspraak:pk>/wijzigen/", views.afspraak_wijzigen, name="afspraak_wijzigen",
    ),
    path(
        "afspraken/<afspraak:pk>/gehouden/", views.afspraak_gehouden, name="afspraak_gehouden",
    ),
    path(
        "afspraken/<afspraak:pk>/afmelden/", views.afspraak_afmelden, name="afspraak_afmelden",
    ),
    path("trajecten/<traject:pk>/actieplan/", views.actieplan, name="actieplan"),
    path(
        "trajecten/<traject:pk>/actieplan/afdrukken/", views.actieplan_afdrukken,
        name="actieplan_afdrukken",
    ),
    path("acties/<actie:pk>/status/", views.actie_status, name="actie_status"),
    path("trajecten/<traject:pk>/opleidingsbudget/", views.budget, name="budget"),
    path("deelnemers/<deelnemer:pk>/documenten/", views.documenten, name="documenten"),
    path(
        "documenten/<document:pk>/downloaden/", views.document_downloaden,
        name="document_downloaden",
    ),
    path(
        "documenten/<document:pk>/verwijderen/", views.document_verwijderen_view,
        name="document_verwijderen",
    ),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/koppeling/", views.agenda_koppeling, name="agenda_koppeling"),
    path("agenda/feed/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
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

# Werkgevers als partner (issue 16), in een eigen module.
urlpatterns += relaties
