"""Rechten, niet alleen `is_staff` (issue 12).

- Het inzageverzoek (`/beheer/inzage/<id>/`: het hele dossier met BSN en gezondheid) en het
  toegangslog vragen een eigen recht, dat de groep "privacy" heeft (datamigratie, idempotent,
  terug te draaien).
- Dashboards en exports vragen een rol als coördinator; een beheerder zonder lidmaatschap
  krijgt 403, en een beheerder die coördinator van Groningen is, ziet alleen Groningen.
- Een beheerder die alleen coaches mag wijzigen, ziet geen inzageverzoek, geen toegangslog, geen
  meldingen, geen dashboards en niets van deelnemers in de admin: getest over elk URL-patroon van
  de admin, de rapportage en het inzageverzoek.
"""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory, UserFactory
from gemeenten.models import Toegangslog
from gemeenten.toegang import PRIVACYGROEP, RECHT_INZAGEVERZOEK, RECHT_TOEGANGSLOG
from rapportage.models import Programma
from tests.beveiliging.urlmatrix import alle_patronen
from trajecten.factories import CoachFactory, TrajectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("verse_rapportagecache")]

privacygroep_migratie = importlib.import_module("gemeenten.migrations.0005_privacygroep")


@pytest.fixture
def coachbeheerder(groningen):
    """Een beheerdersaccount (is_staff) dat alleen coaches mag zien en wijzigen."""
    gebruiker = UserFactory(username="coachbeheer-test", is_staff=True)
    gebruiker.user_permissions.set(Permission.objects.filter(
        content_type__app_label="trajecten", codename__in=["view_coach", "change_coach"]
    ))
    return gebruiker


@pytest.fixture
def privacy(groningen):
    gebruiker = UserFactory(username="privacy-test", is_staff=True)
    gebruiker.groups.add(Group.objects.get(name=PRIVACYGROEP))
    return gebruiker


@pytest.fixture
def dossier(groningen):
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                             coach=CoachFactory(gemeenten=[groningen]))
    return traject


# --- de coachbeheerder ---------------------------------------------------------------------------


def test_coachbeheerder_geen_inzage_geen_log_geen_dashboards_geen_deelnemers(
    client, coachbeheerder, dossier
):
    deelnemer = dossier.deelnemer
    client.force_login(coachbeheerder)
    geweigerd = [
        f"/beheer/inzage/{deelnemer.pk}/",
        "/admin/gemeenten/toegangslog/",
        "/admin/gemeenten/bsnmelding/",
        "/rapportage/", "/rapportage/gemeente/GM0014/", "/rapportage/export.csv",
        "/rapportage/export.xlsx",
        "/admin/trajecten/deelnemer/", f"/admin/trajecten/deelnemer/{deelnemer.pk}/change/",
        f"/admin/trajecten/traject/{dossier.pk}/change/",
    ]
    for pad in geweigerd:
        assert client.get(pad).status_code == 403, pad
    assert not Toegangslog.objects.filter(actie=Toegangslog.Actie.INZAGEVERZOEK).exists()

    # Wat hij wel mag: coaches, zonder de namen van wie ze begeleiden.
    coach = dossier.coach
    pagina = client.get(f"/admin/trajecten/coach/{coach.pk}/change/")
    assert pagina.status_code == 200
    assert deelnemer.achternaam not in pagina.content.decode()
    index = client.get("/admin/").content.decode()
    assert "/admin/trajecten/coach/" in index
    for verborgen in ("/admin/gemeenten/toegangslog/", "/admin/trajecten/deelnemer/",
                      "/admin/gemeenten/bsnmelding/"):
        assert verborgen not in index


def test_coachbeheerder_over_elke_url_van_admin_rapportage_en_inzage(
    client, coachbeheerder, dossier
):
    """Elk patroon van de admin, de rapportage en het inzageverzoek: alleen de pagina's van
    coaches (en de algemene pagina's van de admin) geven 200; de rest 403, 404 of een redirect,
    nooit gegevens. Een nieuw patroon valt hier vanzelf onder."""
    client.force_login(coachbeheerder)
    TOTPDevice.objects.create(user=coachbeheerder, name="app")
    StaticDevice.objects.create(user=coachbeheerder, name="reserve")
    algemeen = {"admin:index", "admin:app_list", "admin:jsi18n", "admin:password_change",
                "admin:password_change_done"}
    getoond = []
    for patroon in alle_patronen():
        if patroon.namespace not in ("admin", "rapportage", "avg"):
            continue
        delen = patroon.route.split("/")
        waarden = {"cbs_code": "GM0014", "app_label": "trajecten", "url": "bestaat-niet/",
                   "content_type_id": 1, "pk": dossier.deelnemer_id}
        if patroon.namespace == "admin" and {"object_id", "id", "pk"} & set(patroon.parameters):
            # Een bestaand object van het model van de pagina, als dat er is.
            try:
                model = apps.get_model(delen[1], delen[2])
            except LookupError:  # admin/r/<content_type_id>/<object_id>/
                bestaand = None
            else:
                bestaand = model._default_manager.order_by("pk").first()
            nummer = bestaand.pk if bestaand else 999999
            waarden |= {"object_id": nummer, "id": nummer, "pk": nummer}
        antwoord = client.get(patroon.vul_in(waarden))
        if antwoord.status_code == 200:
            getoond.append(patroon.sleutel)
    onverwacht = [
        s for s in getoond
        if s not in algemeen and not s.startswith("admin:trajecten_coach_")
    ]
    assert not onverwacht, onverwacht
    assert {"admin:trajecten_coach_changelist", "admin:trajecten_coach_change"} <= set(getoond)


def test_weigering_van_het_inzageverzoek_staat_in_het_log_bij_de_deelnemer(
    client, coachbeheerder, dossier
):
    client.force_login(coachbeheerder)
    client.get(f"/beheer/inzage/{dossier.deelnemer_id}/")
    regel = Toegangslog.objects.get(actie=Toegangslog.Actie.TOEGANG_GEWEIGERD)
    assert (regel.actor, regel.deelnemer_nummer) == (coachbeheerder, dossier.deelnemer_id)


# --- de groep privacy ----------------------------------------------------------------------------


def test_de_groep_privacy_heeft_precies_deze_rechten():
    groep = Group.objects.get(name=PRIVACYGROEP)
    rechten = {
        f"{r.content_type.app_label}.{r.codename}"
        for r in groep.permissions.select_related("content_type")
    }
    assert rechten == {
        RECHT_INZAGEVERZOEK, RECHT_TOEGANGSLOG, "gemeenten.view_bsnmelding",
        "gemeenten.change_bsnmelding",
    }


def test_privacy_mag_inzage_en_log_maar_geen_dashboards_of_dossiers(client, privacy, dossier):
    client.force_login(privacy)
    assert client.get(f"/beheer/inzage/{dossier.deelnemer_id}/").status_code == 200
    assert client.get("/admin/gemeenten/toegangslog/").status_code == 200
    assert client.get("/admin/gemeenten/bsnmelding/").status_code == 200
    assert client.get("/rapportage/").status_code == 403
    assert client.get("/admin/trajecten/deelnemer/").status_code == 403


def test_beheerder_zonder_recht_ziet_geen_downloadknop(client, dossier):
    """Een beheerder die deelnemers mag bekijken, maar geen inzageverzoek mag downloaden."""
    gebruiker = UserFactory(username="deelnemerbeheer-test", is_staff=True)
    gebruiker.user_permissions.set(Permission.objects.filter(codename="view_deelnemer"))
    client.force_login(gebruiker)
    pagina = client.get(f"/admin/trajecten/deelnemer/{dossier.deelnemer_id}/change/")
    assert pagina.status_code == 200
    assert "/beheer/inzage/" not in pagina.content.decode()
    assert client.get(f"/beheer/inzage/{dossier.deelnemer_id}/").status_code == 403


def test_gewone_leesrechten_op_het_log_zijn_niet_genoeg(client, groningen):
    """`view_toegangslog` (het standaardrecht van Django) opent het log niet; alleen het
    eigen recht."""
    gebruiker = UserFactory(username="lezer-test", is_staff=True)
    gebruiker.user_permissions.set(Permission.objects.filter(codename="view_toegangslog"))
    client.force_login(gebruiker)
    assert client.get("/admin/gemeenten/toegangslog/").status_code == 403


def test_migratie_is_idempotent_en_terug_te_draaien():
    groep = Group.objects.get(name=PRIVACYGROEP)
    lid = UserFactory(username="lid-test")
    lid.groups.add(groep)
    voor = set(groep.permissions.values_list("pk", flat=True))
    aantal_rechten = Permission.objects.count()

    privacygroep_migratie.maak_groep(apps, None)

    assert Group.objects.filter(name=PRIVACYGROEP).count() == 1
    assert set(Group.objects.get(name=PRIVACYGROEP).permissions.values_list(
        "pk", flat=True)) == voor
    assert Permission.objects.count() == aantal_rechten
    assert lid.groups.filter(name=PRIVACYGROEP).exists()

    privacygroep_migratie.verwijder_groep(apps, None)
    assert not Group.objects.filter(name=PRIVACYGROEP).exists()
    privacygroep_migratie.maak_groep(apps, None)
    assert set(Group.objects.get(name=PRIVACYGROEP).permissions.values_list(
        "pk", flat=True)) == voor


# --- dashboards vragen een rol als coördinator -------------------------------------------------


def test_beheerder_die_coordinator_van_groningen_is_ziet_alleen_groningen(
    client, groningen, emmen
):
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    for gemeente in (groningen, emmen):
        TrajectFactory(deelnemer__gemeente=gemeente, programma=vervolg, gestart=True)
    gebruiker = UserFactory(username="staf-coordinator-test", is_staff=True, is_superuser=True)
    LidmaatschapFactory(user=gebruiker, gemeente=groningen, rol=Rol.COORDINATOR)
    client.force_login(gebruiker)

    assert client.get("/rapportage/").status_code == 403
    assert client.get("/rapportage/gemeente/GM0014/").status_code == 200
    assert client.get("/rapportage/gemeente/GM0114/").status_code == 404
    export = client.get("/rapportage/export.csv", {"programma": vervolg.pk})
    tekst = io.StringIO(export.content.decode("utf-8-sig")).read()
    assert "Groningen" in tekst and "Emmen" not in tekst
