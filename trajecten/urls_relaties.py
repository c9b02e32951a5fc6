"""URL's van werkgevers als partner (issue 16): relatie, social return, bijeenkomsten,
vacatures en voordrachten. Ze horen bij de namespace `trajecten` (zie `urls.py`)."""

from django.urls import path

from . import converters  # noqa: F401 (registreert de padtypen)
from .views import bijeenkomsten, relaties, vacatures

urlpatterns = [
    path("werkgevers/social-return/", relaties.social_return_achter,
         name="social_return_achter"),
    path("werkgevers/<werkgever:pk>/relatie/", relaties.werkgever_relatie,
         name="werkgever_relatie"),
    path("werkgevers/<werkgever:pk>/contactpersoon/", relaties.contactpersoon_nieuw,
         name="contactpersoon_nieuw"),
    path("werkgevers/<werkgever:pk>/contact/", relaties.werkgever_contact_nieuw,
         name="werkgever_contact_nieuw"),
    path("werkgevers/<werkgever:pk>/social-return/", relaties.social_return_nieuw,
         name="social_return_nieuw"),
    path("werkgevers/<werkgever:pk>/vacature/", vacatures.vacature_nieuw,
         name="vacature_nieuw"),
    path("bijeenkomsten/", bijeenkomsten.bijeenkomst_lijst, name="bijeenkomst_lijst"),
    path("bijeenkomsten/nieuw/", bijeenkomsten.bijeenkomst_nieuw, name="bijeenkomst_nieuw"),
    path("bijeenkomsten/<bijeenkomst:pk>/", bijeenkomsten.bijeenkomst_detail,
         name="bijeenkomst_detail"),
    path("deelnemers/<deelnemer:pk>/bijeenkomst/", bijeenkomsten.deelname_nieuw,
         name="deelname_nieuw"),
    path("vacatures/", vacatures.vacature_lijst, name="vacature_lijst"),
    path("vacatures/<vacature:pk>/", vacatures.vacature_detail, name="vacature_detail"),
    path("vacatures/<vacature:pk>/voordragen/", vacatures.voordragen, name="voordragen"),
    path("voordrachten/<voordracht:pk>/", vacatures.voordracht_status,
         name="voordracht_status"),
]
