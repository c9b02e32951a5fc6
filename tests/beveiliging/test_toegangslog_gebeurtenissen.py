"""Het toegangslog vanuit de echte pagina's: één regel per dossierinzage, export en import.

BIO2 8.15.01: wie (actor), wat (actie), welk object (deelnemernummer), resultaat, IP-adres en
wanneer. Een geweigerde inzage (dossier van een andere gemeente → 404, verkeerde rol → 403)
geeft precies één regel 'toegang geweigerd', geen regel 'dossier bekeken' ernaast.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from gemeenten.models import Toegangslog
from rapportage.models import Programma
from trajecten.factories import DeelnemerFactory, TrajectFactory, genereer_bsn
from trajecten.importeren import KOLOMMEN
from trajecten.models import Deelnemer

pytestmark = pytest.mark.django_db

Actie = Toegangslog.Actie
Resultaat = Toegangslog.Resultaat
#: Het adres waar Django's testclient vandaan komt (REMOTE_ADDR).
IP = "127.0.0.1"


@pytest.fixture(autouse=True)
def _verse_rapportagecache():
    """Geen gecachte cijfers uit een andere test (op PostgreSQL vuurt de versietrigger pas
    bij de commit, en tests committen niet)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS rapportage_versie IMMEDIATE")
    cache.clear()


@pytest.fixture
def deelnemer(groningen):
    return DeelnemerFactory(gemeente=groningen, voornaam="Selam", achternaam="Kidane")


def _dossier(deelnemer) -> str:
    return f"/deelnemers/{deelnemer.pk}/"


# --- dossier bekijken ----------------------------------------------------------------------


def test_een_dossierinzage_is_precies_een_logregel(client, medewerker, deelnemer):
    client.force_login(medewerker)
    voor = timezone.now()

    assert client.get(_dossier(deelnemer)).status_code == 200

    regel = Toegangslog.objects.get()
    assert regel.actie == Actie.DOSSIER_BEKEKEN
    assert regel.resultaat == Resultaat.GELUKT
    assert regel.actor == medewerker
    assert regel.gebruikersnaam == medewerker.username
    assert regel.deelnemer_nummer == deelnemer.pk
    assert regel.content_type == ContentType.objects.get_for_model(Deelnemer)
    assert regel.object_id == str(deelnemer.pk)
    assert regel.ip_adres == IP
    assert regel.pad == _dossier(deelnemer)
    assert voor <= regel.tijdstip <= timezone.now()


def test_elke_inzage_telt(client, medewerker, deelnemer):
    client.force_login(medewerker)
    for _ in range(3):
        client.get(_dossier(deelnemer))
    assert Toegangslog.objects.filter(
        actie=Actie.DOSSIER_BEKEKEN, deelnemer_nummer=deelnemer.pk
    ).count() == 3


def test_ip_adres_achter_een_vertrouwde_proxy(client, medewerker, deelnemer, settings):
    settings.VERTROUWDE_PROXIES = 1
    settings.VERTROUWDE_PROXY_ADRESSEN = ["127.0.0.1"]  # de proxy waar de testclient vandaan komt
    client.force_login(medewerker)
    client.get(_dossier(deelnemer), HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7")
    assert Toegangslog.objects.get().ip_adres == "198.51.100.7"


def test_dossier_van_een_andere_gemeente_is_een_geweigerde_regel(
    client, medewerker_emmen, deelnemer
):
    client.force_login(medewerker_emmen)

    assert client.get(_dossier(deelnemer)).status_code == 404

    regel = Toegangslog.objects.get()  # één regel, geen 'dossier bekeken' ernaast
    assert regel.actie == Actie.TOEGANG_GEWEIGERD
    assert regel.resultaat == Resultaat.GEWEIGERD
    assert regel.actor == medewerker_emmen
    assert regel.object_id == str(deelnemer.pk)
    assert regel.ip_adres == IP
    assert regel.pad == _dossier(deelnemer)


def test_coordinator_op_een_dossier_is_een_geweigerde_regel(client, coordinator, deelnemer):
    client.force_login(coordinator)

    assert client.get(_dossier(deelnemer)).status_code == 403

    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.resultaat, regel.actor) == (
        Actie.TOEGANG_GEWEIGERD, Resultaat.GEWEIGERD, coordinator)


def test_anoniem_leest_niets_en_logt_niets(client, deelnemer):
    assert client.get(_dossier(deelnemer)).status_code == 302
    assert not Toegangslog.objects.exists()


def test_andere_pagina_van_het_dossier_is_geen_inzage_van_het_dossier(
    client, medewerker, deelnemer
):
    """Alleen het dossier zelf telt als 'dossier bekeken'; een formulier of de lijst niet."""
    client.force_login(medewerker)
    client.get("/deelnemers/")
    client.get(f"/deelnemers/{deelnemer.pk}/wijzigen/")
    assert not Toegangslog.objects.filter(actie=Actie.DOSSIER_BEKEKEN).exists()


def test_de_logregel_bevat_geen_bsn_of_naam(client, medewerker, deelnemer):
    client.force_login(medewerker)
    client.get(_dossier(deelnemer))
    regel = Toegangslog.objects.values().get()
    tekst = " ".join(str(waarde) for waarde in regel.values())
    for geheim in (deelnemer.bsn, deelnemer.voornaam, deelnemer.achternaam, deelnemer.v_nummer):
        assert geheim not in tekst


# --- export van de rapportage (alleen aggregaten) ------------------------------------------


@pytest.fixture
def met_trajecten(groningen):
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    TrajectFactory.create_batch(2, deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    return vervolg


@pytest.mark.parametrize("pad", ["/rapportage/export.csv", "/rapportage/export.xlsx"])
def test_export_van_de_rapportage_is_een_logregel(client, coordinator, met_trajecten, pad):
    client.force_login(coordinator)

    antwoord = client.get(pad, {"programma": met_trajecten.pk})

    assert antwoord.status_code == 200
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.resultaat, regel.actor) == (
        Actie.EXPORT, Resultaat.GELUKT, coordinator)
    assert regel.pad == pad
    assert regel.ip_adres == IP
    assert regel.deelnemer_nummer is None  # aggregaten: over niemand in het bijzonder


def test_export_met_ongeldige_filters_exporteert_niets_en_logt_geen_export(client, coordinator):
    client.force_login(coordinator)

    antwoord = client.get("/rapportage/export.csv", {"programma": "999999"})

    assert antwoord.status_code == 400
    assert not Toegangslog.objects.filter(actie=Actie.EXPORT).exists()


def test_dashboard_bekijken_is_geen_export(client, coordinator, met_trajecten):
    client.force_login(coordinator)
    assert client.get("/rapportage/gemeente/GM0014/").status_code == 200
    assert not Toegangslog.objects.exists()


# --- import ----------------------------------------------------------------------------------


def _csv(*rijen: dict) -> SimpleUploadedFile:
    regels = [";".join(KOLOMMEN)] + [";".join(r.get(k, "") for k in KOLOMMEN) for r in rijen]
    inhoud = ("\ufeff" + "\r\n".join(regels) + "\r\n").encode()
    return SimpleUploadedFile("deelnemers.csv", inhoud, content_type="text/csv")


RIJ = {
    "voornaam": "Yonas", "achternaam": "Berhane", "geboortedatum": "1990-04-02",
    "land_van_herkomst": "ER", "gemeente": "GM0014", "toestemming_datum": "2026-01-05",
}


def test_import_is_een_logregel_per_poging(client, medewerker):
    client.force_login(medewerker)

    goed = _csv({**RIJ, "bsn": genereer_bsn()})
    fout = _csv({**RIJ, "land_van_herkomst": "XX"})
    gelukt = client.post("/deelnemers/import/", {"bestand": goed}, follow=True)
    geweigerd = client.post("/deelnemers/import/", {"bestand": fout}, follow=True)

    assert "1 deelnemers geïmporteerd" in gelukt.content.decode()
    assert "Er is niets geïmporteerd: 1 fout gevonden." in geweigerd.content.decode()
    eerste, tweede = Toegangslog.objects.order_by("pk")
    assert (eerste.actie, eerste.resultaat, eerste.actor) == (
        Actie.IMPORT, Resultaat.GELUKT, medewerker)
    assert (tweede.actie, tweede.resultaat) == (Actie.IMPORT, Resultaat.GEWEIGERD)
    assert eerste.ip_adres == tweede.ip_adres == IP
    assert Deelnemer.objects.count() == 1
