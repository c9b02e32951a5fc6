"""De import als taak op de wachtrij: voortgang, rapport, herhalen, opgeven, nooit half.

Zonder broker (zoals hier) draait de taak in het proces zelf, met dezelfde code als op een
worker. Het echte doden van een worker midden in een import staat in
`bench/import_worker_doden.py` (PostgreSQL + Redis; cijfers in de README).
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.utils import timezone

from gemeenten.models import Toegangslog
from trajecten import import_opdracht as opdrachten
from trajecten.factories import genereer_bsn
from trajecten.import_opdracht import (
    MAX_POGINGEN,
    ImportMislukt,
    importopdracht_uitvoeren,
    importopdrachten_opschonen,
)
from trajecten.models import Deelnemer, Importopdracht, Importstatus
from trajecten.tasks import import_uitvoeren

from .test_import import URL, csv_bestand, rij

pytestmark = pytest.mark.django_db

Actie = Toegangslog.Actie
Resultaat = Toegangslog.Resultaat


def _opdracht(door, rijen, **velden) -> Importopdracht:
    """Een opdracht zoals de view haar aanmaakt, zonder de taak al te starten."""
    return Importopdracht.objects.create(
        door=door, inhoud=csv_bestand(rijen), soort=".csv", rijen=len(rijen),
        pad=URL, ip_adres="127.0.0.1", **velden,
    )


def _importlog():
    return list(
        Toegangslog.objects.filter(actie=Actie.IMPORT).order_by("pk")
        .values_list("resultaat", "toelichting")
    )


def _post(client, inhoud: bytes):
    bestand = SimpleUploadedFile("d.csv", inhoud, content_type="text/csv")
    return client.post(URL, {"bestand": bestand}, secure=True)


def test_upload_gaat_naar_een_statuspagina_met_het_rapport(client, medewerker, monkeypatch):
    gestart = []
    echte_delay = import_uitvoeren.delay
    monkeypatch.setattr(import_uitvoeren, "delay", lambda *a: gestart.append(a) or echte_delay(*a))
    client.force_login(medewerker)

    antwoord = _post(client, csv_bestand([rij(), rij(voornaam="Yonas", bsn=genereer_bsn())]))

    opdracht = Importopdracht.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/deelnemers/import/{opdracht.pk}/"
    # Alleen het nummer van de opdracht gaat naar de broker, geen persoonsgegevens.
    assert gestart == [(str(opdracht.pk),)]
    pagina = client.get(antwoord["Location"], secure=True).content.decode()
    assert "2 deelnemers geïmporteerd (Groningen: 2)." in pagina
    assert 'http-equiv="refresh"' not in pagina
    assert Deelnemer.objects.count() == 2
    opdracht.refresh_from_db()
    assert (opdracht.status, opdracht.pogingen, opdracht.aangemaakt) == ("gelukt", 1, 2)
    assert bytes(opdracht.inhoud) == b""  # het bestand met persoonsgegevens is weg


def test_lopende_import_toont_voortgang_en_ververst_zichzelf(client, medewerker):
    opdracht = _opdracht(medewerker, [rij()] * 3, status=Importstatus.BEZIG, gecontroleerd=2)
    client.force_login(medewerker)

    pagina = client.get(f"/deelnemers/import/{opdracht.pk}/", secure=True).content.decode()

    assert '<meta http-equiv="refresh" content="2">' in pagina
    assert "Controleren: 2 van 3 rijen." in pagina
    assert '<progress id="importvoortgang" max="6" value="2">' in pagina


def test_alleen_de_uploader_ziet_de_opdracht(client, medewerker, collega, medewerker_emmen):
    opdracht = _opdracht(medewerker, [rij()])
    adres = f"/deelnemers/import/{opdracht.pk}/"
    for ander in (collega, medewerker_emmen):
        client.force_login(ander)
        assert client.get(adres, secure=True).status_code == 404
    client.logout()
    assert client.get(adres, secure=True).status_code == 302  # naar inloggen


def test_geweigerd_bestand_rapport_per_rij_en_niets_opgeslagen(client, medewerker):
    client.force_login(medewerker)
    antwoord = _post(client, csv_bestand([rij(), rij(land_van_herkomst="XX")]))
    pagina = client.get(antwoord["Location"], secure=True)

    assert "Er is niets geïmporteerd: 1 fout gevonden." in pagina.content.decode()
    assert [str(f) for f in pagina.context["fouten"]][0].startswith("Rij 3, kolom land_van_")
    assert not Deelnemer.objects.exists()
    assert _importlog() == [(Resultaat.GEWEIGERD, "deelnemers: geweigerd, 1 fouten (poging 1)")]


def test_afgebroken_poging_wordt_gelogd_en_opnieuw_gedaan(medewerker):
    """Een worker die stierf (SIGKILL) liet de opdracht op *bezig* staan, zonder deelnemers
    (de transactie is teruggedraaid). De volgende levering logt dat en importeert alles."""
    opdracht = _opdracht(medewerker, [rij()], status=Importstatus.BEZIG, pogingen=1)

    assert importopdracht_uitvoeren(opdracht_id=opdracht.pk) == Importstatus.GELUKT

    assert Deelnemer.objects.count() == 1
    assert _importlog() == [
        (Resultaat.MISLUKT, "deelnemers: poging 1 afgebroken"),
        (Resultaat.GELUKT, "deelnemers: 1 aangemaakt (poging 2)"),
    ]
    regel = Toegangslog.objects.filter(actie=Actie.IMPORT).first()
    assert (regel.actor, regel.pad, regel.ip_adres) == (medewerker, URL, "127.0.0.1")


def test_dubbel_afgeleverde_taak_doet_niets(medewerker):
    opdracht = _opdracht(medewerker, [rij()])
    import_uitvoeren.delay(str(opdracht.pk))
    assert import_uitvoeren.delay(str(opdracht.pk)).get() == {
        "opdracht": str(opdracht.pk), "status": "al klaar"}
    assert Deelnemer.objects.count() == 1


def _faalt_bij_opslaan(monkeypatch, *, keren: int):
    """De database valt weg bij de tweede deelnemer, de eerste `keren` pogingen."""
    echte_save = Deelnemer.save
    teller = {"poging": 0, "opgeslagen": 0}

    def save(self, *args, **kwargs):
        teller["opgeslagen"] += 1
        if teller["opgeslagen"] == 2:
            teller["poging"] += 1
            teller["opgeslagen"] = 0
            if teller["poging"] <= keren:
                raise OperationalError("server closed the connection unexpectedly")
        return echte_save(self, *args, **kwargs)

    monkeypatch.setattr(Deelnemer, "save", save)


@pytest.fixture
def als_op_een_worker(monkeypatch):
    """Een worker geeft een fout niet door aan de aanroeper maar legt hem vast (FAILURE) en
    herhaalt de taak; zonder broker doet `apply` dat ook, direct na elkaar."""
    monkeypatch.setitem(import_uitvoeren.app.conf, "task_eager_propagates", False)


def test_tijdelijke_fout_halverwege_laat_niets_achter_en_wordt_herhaald(
    medewerker, monkeypatch, als_op_een_worker
):
    _faalt_bij_opslaan(monkeypatch, keren=1)
    opdracht = _opdracht(medewerker, [rij(), rij(voornaam="Yonas", bsn=genereer_bsn())])

    import_uitvoeren.delay(str(opdracht.pk))

    opdracht.refresh_from_db()
    assert (opdracht.status, opdracht.pogingen, opdracht.aangemaakt) == ("gelukt", 2, 2)
    assert Deelnemer.objects.count() == 2
    assert _importlog() == [
        (Resultaat.MISLUKT, "deelnemers: poging 1 mislukt (OperationalError)"),
        (Resultaat.GELUKT, "deelnemers: 2 aangemaakt (poging 2)"),
    ]


def test_na_de_laatste_poging_mislukt_voor_medewerker_en_beheerder(
    client, medewerker, monkeypatch, als_op_een_worker
):
    _faalt_bij_opslaan(monkeypatch, keren=99)
    opdracht = _opdracht(medewerker, [rij(), rij(voornaam="Yonas", bsn=genereer_bsn())])

    uitkomst = import_uitvoeren.delay(str(opdracht.pk))

    # Op een worker staat dit als FAILURE bij de taakuitkomsten in de admin.
    assert uitkomst.state == "FAILURE" and isinstance(uitkomst.result, ImportMislukt)

    opdracht.refresh_from_db()
    assert (opdracht.status, opdracht.pogingen) == ("mislukt", MAX_POGINGEN + 1)
    assert bytes(opdracht.inhoud) == b""
    assert not Deelnemer.objects.exists()
    assert _importlog()[-1] == (
        Resultaat.MISLUKT, f"deelnemers: opgegeven na {MAX_POGINGEN + 1} pogingen")
    assert len(_importlog()) == MAX_POGINGEN + 1
    client.force_login(medewerker)
    pagina = client.get(f"/deelnemers/import/{opdracht.pk}/", secure=True).content.decode()
    assert "De import is mislukt: er is niets geïmporteerd." in pagina
    assert 'http-equiv="refresh"' not in pagina


def test_zonder_broker_geeft_een_blijvende_fout_een_mislukte_opdracht(client, medewerker,
                                                                     monkeypatch):
    """`make run`: de taak draait in het verzoek; de medewerker ziet *mislukt*, geen 500."""
    _faalt_bij_opslaan(monkeypatch, keren=99)
    client.force_login(medewerker)

    antwoord = _post(client, csv_bestand([rij(), rij(voornaam="Yonas", bsn=genereer_bsn())]))

    pagina = client.get(antwoord["Location"], secure=True)
    assert pagina.status_code == 200
    assert "De import is mislukt: er is niets geïmporteerd." in pagina.content.decode()
    assert not Deelnemer.objects.exists()


def test_taak_heeft_oplopende_herhalingen(settings):
    assert import_uitvoeren.autoretry_for and OperationalError in import_uitvoeren.autoretry_for
    assert import_uitvoeren.retry_backoff is True and import_uitvoeren.max_retries == 5
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST


def test_oude_opdrachten_worden_opgeschoond(medewerker):
    oud = _opdracht(medewerker, [rij()])
    nieuw = _opdracht(medewerker, [rij()])
    Importopdracht.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=Importopdracht.BEWAARDAGEN + 1))

    assert importopdrachten_opschonen() == 1
    assert list(Importopdracht.objects.values_list("pk", flat=True)) == [nieuw.pk]
    assert opdrachten.importopdrachten_opschonen() == 0


def test_statuspagina_heeft_een_vast_aantal_queries(client, medewerker,
                                                     django_assert_num_queries):
    opdracht = _opdracht(medewerker, [rij()])
    importopdracht_uitvoeren(opdracht_id=opdracht.pk)
    client.force_login(medewerker)
    adres = f"/deelnemers/import/{opdracht.pk}/"
    client.get(adres, secure=True)
    with django_assert_num_queries(5):
        client.get(adres, secure=True)


def test_beheerder_ziet_opdrachten_met_een_vast_aantal_queries(client, beheerder, medewerker,
                                                               collega):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(beheerder)
    adres = "/admin/trajecten/importopdracht/"

    def queries():
        with CaptureQueriesContext(connection) as vastgelegd:
            antwoord = client.get(adres, {"status__exact": "mislukt"}, secure=True)
        assert antwoord.status_code == 200
        return len(vastgelegd.captured_queries), antwoord.context["cl"].result_count

    for door in (medewerker, collega):
        _opdracht(door, [rij()], status=Importstatus.MISLUKT, pogingen=4)
    weinig = queries()
    for door in (medewerker, collega) * 2:
        _opdracht(door, [rij()], status=Importstatus.MISLUKT, pogingen=4)
    assert queries() == (weinig[0], 6) and weinig[1] == 2
    # Het bestand en het foutrapport zijn voor de uploader, niet voor de beheerder.
    opdracht = Importopdracht.objects.first()
    pagina = client.get(f"{adres}{opdracht.pk}/change/", secure=True).content.decode()
    assert "field-status" in pagina and "field-pogingen" in pagina
    assert "field-inhoud" not in pagina and "field-fouten" not in pagina
