from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("", views.landelijk, name="landelijk"),
    path("gemeente/<slug:cbs_code>/", views.gemeente, name="gemeente"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
]
