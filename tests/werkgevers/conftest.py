"""Fixtures voor werkgevers als partner (issue 16)."""

import datetime

import pytest

from tests.trajecten.conftest import collega, mw, vervolg  # noqa: F401
from trajecten.constants import Sector, Status, Taalniveau
from trajecten.factories import DeelnemerFactory, IntakeFactory, TrajectFactory, WerkgeverFactory
from trajecten.models import vandaag


@pytest.fixture
def werkgever(groningen):
    return WerkgeverFactory(naam="Zorggroep Noord", gemeente=groningen, sector=Sector.ZORG,
                            werkakkoord=False)


def kandidaat(gemeente, *, wens="Verzorgende IG", sector=Sector.ZORG, taal=Taalniveau.B1,
              achternaam="Haddad", status=Status.ACTIEF, dagen=60):
    """Een deelnemer met een lopend traject en een intake (beroepswens, sector)."""
    deelnemer = DeelnemerFactory(gemeente=gemeente, taalniveau=taal, achternaam=achternaam)
    traject = TrajectFactory(
        deelnemer=deelnemer, status=status,
        aanmelddatum=vandaag() - datetime.timedelta(days=dagen),
        startdatum=vandaag() - datetime.timedelta(days=dagen - 7),
    )
    IntakeFactory(traject=traject, beroepswens=wens, sector=sector)
    return traject
