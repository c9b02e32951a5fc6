"""AVG-functies voor beheerders, onder /beheer/."""

from django.urls import path

from . import views_avg

app_name = "avg"

urlpatterns = [
    path("inzage/<int:pk>/", views_avg.inzageverzoek_downloaden, name="inzageverzoek"),
]
