"""De admin van werkgevers als partner: elke lijst doet een vast aantal queries, hoeveel rijen
er ook zijn (geen N+1)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from trajecten.factories import DeelnemerFactory, WerkgeverFactory
from trajecten.models import (
    Bijeenkomst,
    Contactpersoon,
    Deelname,
    SocialReturnAfspraak,
    Vacature,
    Voordracht,
    WerkgeverContact,
    vandaag,
)

pytestmark = pytest.mark.django_db
MODELLEN = ["contactpersoon", "werkgevercontact", "socialreturnafspraak", "bijeenkomst",
            "deelname", "vacature", "voordracht"]


def maak(n, gemeente, medewerker):
    for i in range(n):
        werkgever = WerkgeverFactory(gemeente=gemeente)
        Contactpersoon.objects.create(werkgever=werkgever, naam=f"Persoon {i}")
        WerkgeverContact.objects.create(werkgever=werkgever, gemeente=gemeente,
                                        medewerker=medewerker, datum=vandaag(), soort="bezoek")
        SocialReturnAfspraak.objects.create(
            werkgever=werkgever, gemeente=gemeente, contract=f"Contract {i}",
            aantal_plaatsingen=2, startdatum=vandaag(),
            einddatum=vandaag() + datetime.timedelta(days=30))
        bijeenkomst = Bijeenkomst.objects.create(soort="ontmoeting", titel=f"B{i}",
                                                 datum=vandaag(), plaats="X", organisator="Y")
        bijeenkomst.gemeenten.add(gemeente)
        bijeenkomst.werkgevers.add(werkgever)
        deelnemer = DeelnemerFactory(gemeente=gemeente)
        Deelname.objects.create(bijeenkomst=bijeenkomst, deelnemer=deelnemer)
        vacature = Vacature.objects.create(werkgever=werkgever, gemeente=gemeente,
                                           functie=f"Functie {i}", sector="horeca",
                                           uren_per_week=20, open_tot=vandaag())
        Voordracht.objects.create(vacature=vacature, deelnemer=deelnemer, door=medewerker)


def aantal(client, url):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(queries.captured_queries), antwoord.context["cl"].result_count


@pytest.mark.parametrize("model", MODELLEN)
def test_lijst_heeft_een_vast_aantal_queries(client, beheerder, groningen, medewerker, model):
    client.force_login(beheerder)
    url = reverse(f"admin:trajecten_{model}_changelist")
    maak(2, groningen, medewerker)
    weinig, rijen_weinig = aantal(client, url)
    maak(6, groningen, medewerker)
    veel, rijen_veel = aantal(client, url)
    assert (rijen_weinig, rijen_veel) == (2, 8)
    assert weinig == veel


def test_bijeenkomst_met_aanwezigen_in_de_admin(client, beheerder, groningen, medewerker):
    maak(1, groningen, medewerker)
    client.force_login(beheerder)
    bijeenkomst = Bijeenkomst.objects.get()
    antwoord = client.get(reverse("admin:trajecten_bijeenkomst_change", args=[bijeenkomst.pk]))
    assert antwoord.status_code == 200
    assert "deelnames-TOTAL_FORMS" in antwoord.content.decode()
