"""Doelen per gemeente: de beheerder zet ze in de admin, seed_demo verdeelt de 700 trajecten
over de elf voortrekkersgemeenten, en het dashboard meet elke gemeente tegen haar eigen doel."""

import datetime

import pytest
from django.urls import reverse

from gemeenten.constants import VOORTREKKERSGEMEENTEN
from rapportage.constants import Indicator
from rapportage.demodata import doelen_per_gemeente, verdeel
from rapportage.models import Doelstelling, Programma
from tests.rapportage.hulp import als_dicts, getallen, tabellen

D = datetime.date
pytestmark = pytest.mark.django_db
ADD = reverse("admin:rapportage_doelstelling_add")


def _post(client, programma, gemeente, streefwaarde):
    return client.post(ADD, {
        "programma": programma.pk, "indicator": Indicator.TRAJECTEN_GESTART,
        "streefwaarde": streefwaarde, "gemeente": gemeente.pk, "startdatum": "",
        "einddatum": "", "omschrijving": "",
    })


def test_beheerder_zet_een_doel_per_gemeente_in_de_admin(client, beheerder, landelijk,
                                                         dataset, programma, groningen,
                                                         peildatum):
    client.force_login(beheerder)
    response = _post(client, programma, groningen, 4)
    assert response.status_code == 302
    doel = Doelstelling.objects.get(programma=programma, gemeente=groningen)
    assert (doel.streefwaarde, doel.periode) == (4, (programma.startdatum, programma.einddatum))
    # Een tweede doel voor dezelfde gemeente en indicator: een Nederlandse melding, niets bewaard.
    response = _post(client, programma, groningen, 9)
    assert response.status_code == 200
    assert "Deze gemeente heeft voor deze indicator al een doel voor de hele looptijd." in (
        response.content.decode())
    assert Doelstelling.objects.filter(programma=programma, gemeente=groningen).count() == 1

    client.force_login(landelijk)
    html = client.get(reverse("rapportage:landelijk"), {"programma": programma.pk})
    rijen = als_dicts(tabellen(html.content.decode())["tabel-gemeenten"])
    # Groningen: 2 trajecten gestart van de 4 = 50,0 %; Emmen heeft geen eigen doel.
    assert getallen(rijen["Groningen"]["Realisatie doel trajecten"]) == [50.0, 2, 4]
    assert rijen["Emmen"]["Doel trajecten"] == "–"


def test_verdeling_van_700_over_11_gemeenten():
    assert verdeel(700, 11) == [64] * 7 + [63] * 4
    assert sum(verdeel(701, 11)) == 701
    assert verdeel(5, 11) == [1] * 5 + [0] * 6


def test_demodoelen_per_voortrekkersgemeente():
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    doelen_per_gemeente()
    doelen_per_gemeente()  # idempotent
    per_gemeente = dict(
        Doelstelling.objects.filter(programma=vervolg, gemeente__isnull=False)
        .values_list("gemeente__cbs_code", "streefwaarde")
    )
    codes = sorted(code for code, _naam, _provincie in VOORTREKKERSGEMEENTEN)
    assert sorted(per_gemeente) == codes
    assert [per_gemeente[c] for c in codes] == [64] * 7 + [63] * 4
    assert sum(per_gemeente.values()) == 700
    assert not Doelstelling.objects.filter(
        programma=vervolg, gemeente__isnull=False, startdatum__isnull=False).exists()


def test_seed_demo_zet_de_doelen(settings):
    from django.core.management import call_command

    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", deelnemers=0, verbosity=0)
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    assert Doelstelling.objects.filter(programma=vervolg, gemeente__isnull=False).count() == 11
