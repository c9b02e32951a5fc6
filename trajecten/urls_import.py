"""Bulkimport van deelnemers, opgenomen onder `deelnemers/import/` in `config/urls.py`."""

from django.urls import path

from . import views_import

app_name = "importeren"

urlpatterns = [
    path("", views_import.import_formulier, name="formulier"),
    path("<uuid:opdracht>/", views_import.import_status, name="status"),
    path("sjabloon.csv", views_import.sjabloon_csv_downloaden, name="sjabloon_csv"),
    path("sjabloon.xlsx", views_import.sjabloon_xlsx_downloaden, name="sjabloon_xlsx"),
]
