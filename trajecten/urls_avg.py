"""AVG-functies voor beheerders, onder /beheer/."""

from django.urls import path

from . import converters, views_avg  # noqa: F401 (converters registreert de padtypen)

app_name = "avg"

urlpatterns = [
    path("inzage/<deelnemer:pk>/", views_avg.inzageverzoek_downloaden, name="inzageverzoek"),
]
