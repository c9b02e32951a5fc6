from django.urls import path

from . import views

# Geen app_name: `LOGIN_REDIRECT_URL = "start"` verwijst naar deze naam.
urlpatterns = [
    path("", views.start, name="start"),
]
