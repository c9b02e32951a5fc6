"""Vers en snel terwijl er geschreven wordt (issue 15) en zonder cache niet stuk (issue 17).

- Een schrijfactie in Emmen laat de eigen cijfers van Groningen warm; het landelijke deel niet.
- Deelnemers en contactmomenten leest geen indicator: schrijven daarop maakt niets koud.
- Verouderde cijfers worden getoond ('laatst bekende cijfers') terwijl één herberekening loopt,
  hoeveel lezers er ook komen; daarna staan de nieuwe cijfers er.
- Met een cache die faalt, rekent het dashboard live en zegt dat, met status 200.
- Eigen cijfers + landelijk dashboard samengevoegd = het dashboard van de selectie.
"""

import datetime
import time

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.urls import reverse

from rapportage import cache as rcache
from rapportage import indicatoren as ind
from rapportage import opslag, tasks
from rapportage.models import Gegevensversie
from tests.rapportage import handdata
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort, Status, Uitvoerder
from trajecten.factories import ContactmomentFactory, DeelnemerFactory
from trajecten.models import Traject

D = datetime.date
pytestmark = pytest.mark.django_db
LANDELIJK = reverse("rapportage:landelijk")


def versies():
    return {(v.programma_id, v.gemeente_id): (v.versie, v.sleutel)
            for v in Gegevensversie.objects.all()}


def test_alleen_de_gewijzigde_gemeente_en_het_landelijke_deel_worden_koud(
        dataset, programma, groningen, emmen, selectie):
    s_gr = selectie(gemeenten=[groningen])
    rcache.cijfers(s_gr)  # warm: eigen cijfers van Groningen en het landelijke deel
    voor = rcache.stempels(s_gr)
    traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 6, 1), start=D(2026, 6, 2))
    na = rcache.stempels(s_gr)
    assert na[rcache.EIGEN] == voor[rcache.EIGEN]  # Groningen blijft warm
    assert na[rcache.LANDELIJK] != voor[rcache.LANDELIJK]
    toestand = {t.deel.soort: t.herkomst for t in rcache.toestanden(s_gr)}
    assert toestand[rcache.EIGEN] == rcache.ACTUEEL
    # Eén gemeente erbij in Groningen: nu wel.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 6, 1))
    assert rcache.stempels(s_gr)[rcache.EIGEN] != na[rcache.EIGEN]


def test_deelnemer_en_contactmoment_maken_niets_koud(dataset, groningen):
    voor = versies()
    d = DeelnemerFactory(gemeente=groningen)
    d.voornaam = "Anders"
    d.save()
    ContactmomentFactory(traject=dataset["t1"])
    assert versies() == voor


def test_bulkschrijven_hoogt_per_sleutel_op(dataset, programma, groningen, emmen):
    """Op PostgreSQL één ophoging per sleutel per statement (bij de commit: per transactie);
    op SQLite per rij. Een andere gemeente blijft ongemoeid."""
    sleutel_gr, sleutel_em = (programma.pk, groningen.pk), (programma.pk, emmen.pk)
    voor = versies()
    deelnemers = [DeelnemerFactory(gemeente=groningen) for _ in range(5)]
    Traject.objects.bulk_create([
        Traject(deelnemer=d, programma=programma, gemeente=groningen,
                uitvoerder=Uitvoerder.UWV, status=Status.ACTIEF,
                aanmelddatum=D(2026, 2, 1), startdatum=D(2026, 2, 2))
        for d in deelnemers
    ])
    na = versies()
    verschil = na[sleutel_gr][0] - voor[sleutel_gr][0]
    assert verschil == (1 if connection.vendor == "postgresql" else 5)
    assert na[sleutel_em] == voor[sleutel_em]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_een_ophoging_per_sleutel_per_transactie(groningen, emmen):
    """Zonder testtransactie: een transactie met veel rijen in twee gemeenten hoogt elke
    sleutel één keer op (PostgreSQL; SQLite per rij)."""
    from rapportage.factories import ProgrammaFactory

    programma = ProgrammaFactory(startdatum=D(2026, 1, 1), einddatum=D(2027, 12, 31))
    with transaction.atomic():
        for gemeente in (groningen, emmen, groningen):
            for _ in range(3):
                traject(programma=programma, gemeente=gemeente, aanmeld=D(2026, 1, 1),
                        start=D(2026, 1, 2))
    v = versies()
    verwacht = (1, 1) if connection.vendor == "postgresql" else (6, 3)
    assert (v[programma.pk, groningen.pk][0], v[programma.pk, emmen.pk][0]) == verwacht


def test_eigen_plus_landelijk_is_het_dashboard(medewerker):
    data = handdata.bouw(medewerker_groningen=medewerker)
    p = data["p"]
    gemeenten = list(data["gemeenten"].values())
    for ids, van, tot in [((gemeenten[0].pk,), p.startdatum, p.einddatum),
                          (tuple(sorted(g.pk for g in gemeenten[:3])), D(2026, 3, 1),
                           D(2026, 8, 31))]:
        s = ind.Selectie(programma_id=p.pk, van=van, tot=tot, gemeente_ids=ids,
                         peildatum=D(2026, 9, 30), programma_start=p.startdatum,
                         programma_einde=p.einddatum)
        samengevoegd = ind.samenvoegen(ind.dashboard(s, zonder_landelijk=True),
                                       ind.dashboard(s.landelijk()))
        assert samengevoegd == ind.dashboard(s)
        assert rcache.cijfers(s).cijfers == ind.dashboard(s)


@pytest.fixture
def met_wachtrij(settings, monkeypatch):
    """Een echte wachtrij in plaats van in-process: de taken worden vastgelegd en pas
    uitgevoerd als de test dat zegt (zoals een Celery-worker later zou doen)."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    ingepland = []
    monkeypatch.setattr(tasks.herbereken, "apply_async",
                        lambda kwargs, **opties: ingepland.append(kwargs))

    def voer_uit():
        while ingepland:
            tasks.herbereken.run(**ingepland.pop(0))

    voer_uit.ingepland = ingepland
    return voer_uit


def _stand(response):
    html = response.content.decode()
    return html[html.index('class="rapportage-stand"'):][:300]


def test_laatst_bekende_cijfers_terwijl_een_herberekening_loopt(
        client, landelijk, dataset, programma, emmen, peildatum, met_wachtrij):
    client.force_login(landelijk)
    query = {"programma": programma.pk}
    eerst = client.get(LANDELIJK, query)
    assert eerst.context["stand"]["herkomst"] == rcache.LIVE  # koud: zelf gerekend
    assert client.get(LANDELIJK, query).context["stand"]["herkomst"] == rcache.ACTUEEL
    assert 'data-herkomst="actueel"' in _stand(client.get(LANDELIJK, query))

    t = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 6, 1),
                start=D(2026, 6, 2))
    plaatsing(t, Soort.BAAN, D(2026, 7, 1))
    for _ in range(5):  # vijf lezers: de oude cijfers, en één herberekening
        r = client.get(LANDELIJK, query)
        assert r.status_code == 200
        assert r.context["stand"]["herkomst"] == rcache.VORIGE
        assert "Laatst bekende cijfers, stand van" in _stand(r)
    assert len(met_wachtrij.ingepland) == 1

    met_wachtrij()
    r = client.get(LANDELIJK, query)
    assert r.context["stand"]["herkomst"] == rcache.ACTUEEL
    assert r.context["stand"]["tijd"] > eerst.context["stand"]["tijd"]
    assert rcache.cijfers(r.context["selectie"]).cijfers == ind.dashboard(r.context["selectie"])


def test_te_oude_cijfers_worden_niet_meer_getoond(client, landelijk, dataset, programma, emmen,
                                                   peildatum, met_wachtrij, monkeypatch):
    """Binnen MAX_ACHTERSTAND na hun stand; daarna rekent de lezer zelf (exact)."""
    client.force_login(landelijk)
    query = {"programma": programma.pk}
    client.get(LANDELIJK, query)
    traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 6, 1), start=D(2026, 6, 2))
    monkeypatch.setattr(rcache, "MAX_ACHTERSTAND", 0)
    r = client.get(LANDELIJK, query)
    assert r.context["stand"]["herkomst"] == rcache.LIVE
    assert r.context["cijfers"]["kerncijfers"]["trajecten_gestart"] == 4


class KapotteCache(LocMemCache):
    """Een cache die bij elke operatie faalt, zoals Redis die weg is."""

    def _fout(self, *args, **kwargs):
        raise ConnectionError("Redis onbereikbaar (test)")

    get = set = add = delete = get_many = set_many = delete_many = incr = touch = _fout
    has_key = _fout  # clear() niet: de testopruiming leegt de cache


class HangendeCache(KapotteCache):
    """Een cache die hangt tot de socket-time-out (0,3 s) en dan faalt."""

    def _fout(self, *args, **kwargs):
        time.sleep(0.3)
        raise TimeoutError("Timeout reading from socket (test)")

    get = set = add = delete = get_many = set_many = delete_many = incr = touch = _fout


@pytest.fixture
def cache_stuk(settings, monkeypatch):
    def zet(klasse):
        settings.CACHES = {"default": {"BACKEND": f"{__name__}.{klasse.__name__}"}}
        from django.core.cache import caches

        monkeypatch.setattr(opslag, "cache", caches["default"])
        monkeypatch.setattr(opslag, "_storing_tot", 0.0)

    # Het geheugen van het proces begint leeg (niets van een vorige test).
    monkeypatch.setattr(opslag, "_LOKAAL", type(opslag._LOKAAL)())

    return zet


@pytest.mark.parametrize("klasse", [KapotteCache, HangendeCache])
def test_zonder_cache_live_en_binnen_twee_seconden(client, landelijk, coordinator, dataset,
                                                   programma, peildatum, cache_stuk, klasse):
    """Redis weg of hangend: 200 binnen 2 s; eerst live, daarna de cijfers uit het geheugen
    van het proces (met hun stand), na een schrijfactie weer live (in-process, zoals zonder
    broker)."""
    client.force_login(landelijk)
    query = {"programma": programma.pk}
    cache_stuk(klasse)

    def haal(url=LANDELIJK):
        begin = time.monotonic()
        r = client.get(url, query)
        assert time.monotonic() - begin < 2
        assert r.status_code == 200
        return r

    r = haal()
    assert "Cijfers live berekend, stand van" in _stand(r)
    assert r.context["cijfers"] == ind.dashboard(r.context["selectie"])
    r = haal()
    assert 'data-herkomst="actueel"' in _stand(r)
    assert r.context["cijfers"] == ind.dashboard(r.context["selectie"])
    r = haal(reverse("rapportage:gemeente", args=["GM0014"]))
    assert "Cijfers live berekend, stand van" in _stand(r)  # eigen cijfers nog nooit gezien
    traject(programma=programma, gemeente=emmen_van(dataset), aanmeld=D(2026, 6, 1),
            start=D(2026, 6, 2))
    r = haal()
    assert "Cijfers live berekend, stand van" in _stand(r)
    assert r.context["cijfers"]["kerncijfers"]["trajecten_gestart"] == 4


def emmen_van(dataset):
    return dataset["t3"].gemeente


def test_zonder_cache_met_wachtrij_de_laatst_bekende_cijfers(client, landelijk, dataset,
                                                             programma, peildatum, cache_stuk,
                                                             met_wachtrij, monkeypatch):
    """Redis weg (en dus de broker): de laatst bekende cijfers uit het geheugen van het
    proces, en één herberekening in een thread per deel."""
    client.force_login(landelijk)
    query = {"programma": programma.pk}
    gestart = []
    monkeypatch.setattr(rcache, "_herbereken_in_thread", lambda deel: gestart.append(deel))
    client.get(LANDELIJK, query)  # vult het geheugen (cache nog heel)
    cache_stuk(KapotteCache)
    traject(programma=programma, gemeente=emmen_van(dataset), aanmeld=D(2026, 6, 1),
            start=D(2026, 6, 2))
    for _ in range(3):
        r = client.get(LANDELIJK, query)
        assert r.status_code == 200
        assert "Laatst bekende cijfers, stand van" in _stand(r)
    assert len(gestart) == 3  # elke lezer vraagt; de thread zelf draait er één per deel
    assert met_wachtrij.ingepland == []


def test_een_slot_van_een_gestorven_rekenaar_houdt_niemand_op(client, landelijk, dataset,
                                                              programma, peildatum):
    """Een achtergebleven slot (rekenaar gestorven, delete mislukt): de lezer wacht niet op
    het slot maar rekent zelf, en snel."""
    client.force_login(landelijk)
    query = {"programma": programma.pk}
    selectie = client.get(LANDELIJK, query).context["selectie"]
    opslag.cache.clear()
    for deel in rcache.delen(selectie):
        opslag.cache.set(f"{deel.sleutel}:bezig", 1, timeout=rcache.SLOT_SECONDEN)
    begin = time.monotonic()
    r = client.get(LANDELIJK, query)
    assert time.monotonic() - begin < 2
    assert r.status_code == 200
    assert r.context["cijfers"] == ind.dashboard(selectie)


def test_de_taak_krijgt_een_deel_via_json_en_rekent_hetzelfde(dataset, groningen, selectie):
    """Celery geeft argumenten als JSON door: het deel komt ongeschonden aan, en de taak zet
    de cijfers in de cache (daarna is het deel actueel)."""
    import json

    s = selectie(gemeenten=[groningen])
    for deel in rcache.delen(s):
        argumenten = json.loads(json.dumps(deel.als_taak()))
        assert rcache.Deel.uit_taak(**argumenten) == deel
        tasks.herbereken.run(**argumenten)
    assert {t.herkomst for t in rcache.toestanden(s)} == {rcache.ACTUEEL}
    assert rcache.cijfers(s).cijfers == ind.dashboard(s)
