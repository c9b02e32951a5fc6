"""Indicatoren van werkgevers als partner (issue 16, docs/domain.md "Werkgevers en
bijeenkomsten"): met de hand gerekende waarden per gemeente, landelijk, in het dashboard en in
beide exports (achter de bestaande kolommen)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rapportage.export import KOLOMMEN
from rapportage.indicatoren.werkgevers import SLEUTELS, werkgever_cijfers
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort
from trajecten.factories import WerkgeverFactory
from trajecten.models import Bijeenkomst, Deelname, SocialReturnAfspraak, WerkgeverContact

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(programma, groningen, emmen):
    """Groningen: twee werkgevers met contact (één met Werkakkoord), ook een contact buiten de
    periode; Emmen: dezelfde werkakkoord-werkgever. Een stage-café voor beide gemeenten en een
    ontmoeting alleen in Groningen; twee deelnemers van Groningen en één van Emmen waren erbij
    (één deelnemer bij beide bijeenkomsten). Plaatsingen: één uit het stage-café, één uit een
    vacature, één zonder herkomst. Social return: één nagekomen, één niet."""
    akkoord = WerkgeverFactory(gemeente=groningen, werkakkoord=True)
    gewoon = WerkgeverFactory(gemeente=groningen, werkakkoord=False)
    for werkgever, gemeente, datum in ((akkoord, groningen, D(2026, 3, 1)),
                                       (akkoord, groningen, D(2026, 4, 1)),
                                       (gewoon, groningen, D(2026, 5, 1)),
                                       (gewoon, groningen, D(2025, 5, 1)),
                                       (akkoord, emmen, D(2026, 5, 1))):
        WerkgeverContact.objects.create(werkgever=werkgever, gemeente=gemeente, datum=datum,
                                        soort="bezoek")
    cafe = Bijeenkomst.objects.create(soort="stagecafe", titel="Café", datum=D(2026, 4, 10),
                                      plaats="Forum", organisator="Gemeente")
    cafe.gemeenten.set([groningen, emmen])
    ontmoeting = Bijeenkomst.objects.create(soort="ontmoeting", titel="Ontmoeting",
                                            datum=D(2026, 6, 1), plaats="Haren",
                                            organisator="VWN")
    ontmoeting.gemeenten.set([groningen])
    t1 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 10),
                 start=D(2026, 2, 1))
    t2 = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 10),
                 start=D(2026, 2, 1))
    t3 = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 1, 10),
                 start=D(2026, 2, 1))
    for b, t in ((cafe, t1), (ontmoeting, t1), (cafe, t2), (cafe, t3)):
        Deelname.objects.create(bijeenkomst=b, deelnemer=t.deelnemer)
    p1 = plaatsing(t1, Soort.BAAN, D(2026, 5, 1))
    p1.werkgever = akkoord
    p1.bijeenkomst = cafe
    p1.save()
    from trajecten.models import Vacature
    vacature = Vacature.objects.create(werkgever=akkoord, gemeente=groningen, functie="Kok",
                                       sector="horeca", uren_per_week=24, open_tot=D(2026, 6, 1))
    p2 = plaatsing(t2, Soort.STAGE, D(2026, 6, 1))
    p2.werkgever = akkoord
    p2.vacature = vacature
    p2.save()
    plaatsing(t3, Soort.BAAN, D(2026, 6, 1))
    SocialReturnAfspraak.objects.create(werkgever=akkoord, gemeente=groningen, contract="A",
                                        aantal_plaatsingen=2, startdatum=D(2026, 1, 1),
                                        einddatum=D(2026, 10, 1))
    SocialReturnAfspraak.objects.create(werkgever=gewoon, gemeente=groningen, contract="B",
                                        aantal_plaatsingen=1, startdatum=D(2026, 1, 1),
                                        einddatum=D(2026, 11, 1))


VERWACHT_GRONINGEN = {
    "werkgevers_betrokken": 2, "werkakkoord_bereikt": 1,
    "bijeenkomsten_ontmoeting": 1, "bijeenkomsten_werkbezoek": 0,
    "bijeenkomsten_stagecafe": 1, "bijeenkomsten_expertmeeting": 0,
    "bijeenkomsten_rolmodel": 0, "bijeenkomsten_totaal": 2,
    "deelnemers_bijeenkomst": 2, "plaatsingen_uit_bijeenkomst": 1,
    "plaatsingen_uit_vacature": 1, "plaatsingen_uit_bijeenkomst_of_vacature": 2,
    "social_return_afspraken": 2, "social_return_nagekomen": 1,
}


def test_per_gemeente_en_landelijk(partners, selectie, groningen, emmen):
    cijfers = werkgever_cijfers(selectie(van=D(2026, 1, 1), tot=D(2026, 12, 31)))
    assert cijfers["per_gemeente"][groningen.pk] == VERWACHT_GRONINGEN
    emmen_cijfers = cijfers["per_gemeente"][emmen.pk]
    assert emmen_cijfers["werkakkoord_bereikt"] == 1
    assert emmen_cijfers["bijeenkomsten_totaal"] == 1
    totaal = cijfers["totaal"]
    # De werkakkoord-werkgever had met beide gemeenten contact en het stage-café was voor
    # beide: in het totaal één keer.
    assert totaal["werkgevers_betrokken"] == 2
    assert totaal["werkakkoord_bereikt"] == 1
    assert totaal["bijeenkomsten_totaal"] == 2
    assert totaal["deelnemers_bijeenkomst"] == 3
    assert totaal["plaatsingen_uit_bijeenkomst_of_vacature"] == 2


def test_alleen_de_gekozen_gemeente(partners, selectie, emmen):
    cijfers = werkgever_cijfers(selectie(gemeenten=[emmen]))
    assert set(cijfers["per_gemeente"]) == {emmen.pk}
    assert cijfers["totaal"]["bijeenkomsten_stagecafe"] == 1
    assert cijfers["totaal"]["bijeenkomsten_ontmoeting"] == 0
    assert cijfers["totaal"]["social_return_afspraken"] == 0


def test_csv_heeft_de_kolommen_achteraan(client, landelijk, partners, programma, peildatum):
    client.force_login(landelijk)
    r = client.get(reverse("rapportage:export_csv"), {"programma": programma.pk})
    rijen = list(csv.DictReader(io.StringIO(r.content.decode())))
    kop = r.content.decode().splitlines()[0].split(",")
    assert kop[:4] == ["cbs_code", "gemeente", "trajecten_gestart", "personen_geplaatst"]
    assert kop[-len(SLEUTELS):] == SLEUTELS and KOLOMMEN[-len(SLEUTELS):] == SLEUTELS
    groningen = next(r for r in rijen if r["cbs_code"] == "GM0014")
    assert {k: int(groningen[k]) for k in SLEUTELS} == VERWACHT_GRONINGEN
    assert next(r for r in rijen if r["cbs_code"] == "TOTAAL")["werkgevers_betrokken"] == "2"


def test_xlsx_blad_werkgevers_en_dashboard(client, landelijk, coordinator, partners, programma,
                                          peildatum):
    client.force_login(landelijk)
    r = client.get(reverse("rapportage:export_xlsx"), {"programma": programma.pk})
    boek = load_workbook(io.BytesIO(r.content))
    assert boek.sheetnames[-1] == "Werkgevers"
    blad = boek["Werkgevers"]
    rijen = {rij[0]: rij for rij in blad.iter_rows(min_row=2, values_only=True)}
    assert rijen["GM0014"][2:] == tuple(VERWACHT_GRONINGEN.values())

    client.force_login(coordinator)
    html = client.get(reverse("rapportage:gemeente", args=["GM0014"]),
                      {"programma": programma.pk}).content.decode()
    assert "Werkgevers en bijeenkomsten" in html
    assert 'data-sleutel="social_return_nagekomen">1<' in html
