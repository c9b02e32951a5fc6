from django.urls import path

from . import views, views_sessie

# Geen app_name: `LOGIN_REDIRECT_URL = "start"` verwijst naar deze naam.
urlpatterns = [
    path("", views.start, name="start"),
    path("sessie/verlengen/", views_sessie.sessie_verlengen, name="sessie_verlengen"),
]
