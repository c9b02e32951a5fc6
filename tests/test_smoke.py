import pytest

from trajecten.factories import IntakeFactory, PlaatsingFactory


@pytest.mark.django_db
def test_factories_bouwen_een_geldig_dossier(groningen):
    plaatsing = PlaatsingFactory(traject__deelnemer__gemeente=groningen)
    IntakeFactory(traject=plaatsing.traject)
    plaatsing.full_clean()
    plaatsing.traject.full_clean()
    plaatsing.traject.deelnemer.full_clean()
    assert plaatsing.werkgever.gemeente == groningen


def test_statische_bestanden_van_de_app_bevatten_geen_testgereedschap():
    """axe-core is alleen voor de browsertests (tests/browser/vendor/) en htmx laadt niets:
    geen van beide hoort bij de statische bestanden die productie serveert."""
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/chartjs/chart.umd.min.js")  # de zoekfunctie werkt wel
    assert finders.find("vendor/axe-core/axe.min.js") is None
    assert finders.find("vendor/htmx/htmx.min.js") is None
