"""De bewerkformulieren van werkgevers als partner eisen de versie (zoals
tests/betrouwbaarheid/test_versie_verplicht.py voor de rest van de werkplek): zonder versie een
melding en niets opgeslagen; met de versie wel; een verouderde versie geeft een conflict."""

import pytest
from django.urls import reverse

from tests.betrouwbaarheid.hulp import formulier, tekst
from trajecten import services
from trajecten.models import Bijeenkomst, Vacature, Voordracht, Werkgever, vandaag

from .conftest import kandidaat

pytestmark = pytest.mark.django_db
ONVOLLEDIG = "Het formulier is onvolledig verstuurd. Laad de pagina opnieuw"
CONFLICT = "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd"


@pytest.fixture
def objecten(medewerker, werkgever, groningen):
    traject = kandidaat(groningen)
    bijeenkomst = services.bijeenkomst_plannen(
        door=medewerker, soort="stagecafe", titel="Café", datum=vandaag(), plaats="Forum",
        organisator="Gemeente", gemeenten=[groningen])
    vacature = Vacature.objects.create(werkgever=werkgever, gemeente=groningen, functie="Kok",
                                       sector="horeca", uren_per_week=24, open_tot=vandaag())
    voordracht = Voordracht.objects.create(vacature=vacature, deelnemer=traject.deelnemer)
    return {"werkgever": werkgever, "bijeenkomst": bijeenkomst, "voordracht": voordracht,
            "deelnemer": traject.deelnemer}


GEVALLEN = {
    "werkgever_relatie": ("werkgever", {"grootte": ["groot"]}),
    "bijeenkomst_detail": ("bijeenkomst", {"werkgevers": ["WERKGEVER"]}),
    "voordracht_status": ("voordracht", {"status": ["gesprek"]}),
}


def _stand():
    return (list(Werkgever.objects.values()), list(Bijeenkomst.werkgevers.through.objects
                                                   .values()), list(Voordracht.objects.values()))


@pytest.mark.parametrize("naam", sorted(GEVALLEN))
def test_zonder_versie_niets_opgeslagen_met_versie_wel(mw, objecten, naam):
    soort, wijziging = GEVALLEN[naam]
    url = reverse(f"trajecten:{naam}", args=[objecten[soort].pk])
    data = formulier(mw.get(url))
    data.update({k: [str(objecten["werkgever"].pk) if w == "WERKGEVER" else w for w in v]
                 for k, v in wijziging.items()})
    assert "versie" in data
    voor = _stand()
    zonder = mw.post(url, {k: v for k, v in data.items() if k != "versie"})
    assert zonder.status_code == 200 and ONVOLLEDIG in tekst(zonder)
    assert _stand() == voor
    assert mw.post(url, data).status_code == 302
    assert _stand() != voor


def test_verouderde_relatie_geeft_een_conflict(mw, medewerker, objecten):
    werkgever = objecten["werkgever"]
    url = reverse("trajecten:werkgever_relatie", args=[werkgever.pk])
    data = formulier(mw.get(url))
    services.werkgever_relatie_wijzigen(
        werkgever=werkgever, door=medewerker, sector=werkgever.sector, grootte="klein",
        werkakkoord=False, werkakkoord_datum=None, gemeenten=[], versie=werkgever.versie)
    data["grootte"] = ["groot"]
    antwoord = mw.post(url, data)
    assert CONFLICT in tekst(antwoord)
    werkgever.refresh_from_db()
    assert werkgever.grootte == "klein"
