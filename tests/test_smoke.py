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
