"""Het opleidingsbudget besteed in de rapportage (issue 14): de cache volgt een nieuwe uitgave
(de tabel heeft een versietrigger), en een coördinator ziet alleen zijn eigen gemeente."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.rapportage.conftest import traject
from trajecten.models import Uitgave

D = datetime.date
pytestmark = pytest.mark.django_db


def test_nieuwe_uitgave_maakt_de_gecachte_cijfers_koud(client, landelijk, programma, peildatum,
                                                       groningen, settings):
    settings.RAPPORTAGE_CACHE = True
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 5),
                start=D(2026, 2, 1))
    client.force_login(landelijk)

    def besteed():
        response = client.get(reverse("rapportage:landelijk"), {"programma": programma.pk})
        assert response.status_code == 200
        return response.context["cijfers"]["totaal"]["opleidingsbudget_besteed"]

    assert besteed() == 0
    Uitgave.objects.create(traject=t, soort="cursus", bedrag=Decimal("750.00"),
                           datum=D(2026, 3, 1))
    assert besteed() == Decimal("750.00")
    Uitgave.objects.filter(traject=t).update(bedrag=Decimal("800.00"))
    assert besteed() == Decimal("800.00")


def test_coordinator_ziet_alleen_de_uitgaven_van_zijn_gemeente(client, coordinator, programma,
                                                              peildatum, groningen, emmen):
    for gemeente, bedrag in ((groningen, "100.00"), (emmen, "999.00")):
        t = traject(programma=programma, gemeente=gemeente, aanmeld=D(2026, 1, 5),
                    start=D(2026, 2, 1))
        Uitgave.objects.create(traject=t, soort="reiskosten", bedrag=Decimal(bedrag),
                               datum=D(2026, 3, 1))
    client.force_login(coordinator)
    response = client.get(reverse("rapportage:export_csv"), {"programma": programma.pk})
    tekst = response.content.decode()
    assert "999" not in tekst
    kop, *rijen = tekst.strip().splitlines()
    kolom = kop.split(",").index("opleidingsbudget_besteed")
    assert [Decimal(r.split(",")[kolom]) for r in rijen] == [100, 100]
