"""De admin als dagelijks gereedschap van de beheerder: alles laadt, geen N+1, en de coach-admin
doet wat issue 2 vraagt (VOG-status, caseload, filters, acties, open trajecten)."""

import datetime
from io import StringIO

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory, UserFactory
from gemeenten.models import Gemeente, Lidmaatschap
from rapportage.models import Programma
from trajecten.constants import Status
from trajecten.factories import (
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    genereer_bsn,
)
from trajecten.models import Coach, vandaag

pytestmark = pytest.mark.django_db

#: De domeinmodellen: die moeten na seed_demo rijen hebben, zodat hun wijzigpagina getest wordt.
DOMEINMODELLEN = {
    "gemeenten.Gemeente", "gemeenten.Lidmaatschap", "auth.User", "auth.Group",
    "trajecten.Deelnemer", "trajecten.Coach", "trajecten.Werkgever", "trajecten.Traject",
    "trajecten.Intake", "trajecten.Plaatsing", "trajecten.Contactmoment",
    "rapportage.Programma", "rapportage.Doelstelling", "auditlog.LogEntry",
}


@pytest.fixture
def live(db):
    return Programma.objects.get(naam="Vervolg Banenoffensief")


@pytest.fixture
def beheerder_client(client, beheerder):
    client.force_login(beheerder)
    return client


def changelist(model_of_label) -> str:
    if isinstance(model_of_label, str):
        app_label, model_name = model_of_label.split(".")
    else:
        app_label, model_name = model_of_label._meta.app_label, model_of_label._meta.model_name
    return reverse(f"admin:{app_label}_{model_name}_changelist")


def namen(response) -> set[str]:
    return {str(obj) for obj in response.context["cl"].result_list}


# --- Alles laadt met demogegevens ----------------------------------------------------------


def test_elke_adminpagina_laadt_met_demogegevens(beheerder_client, beheerder):
    call_command("seed_demo", deelnemers=12, force=True, stdout=StringIO())
    # Ook een rij voor de modellen die de demodata zelf niet vult.
    Group.objects.create(name="Demo-groep")
    coach = Coach.objects.first()
    coach.actief = not coach.actief
    coach.save()  # een regel in de wijzigingshistorie (auditlog)

    request = RequestFactory().get("/admin/")
    request.user = beheerder
    assert beheerder_client.get(reverse("admin:index")).status_code == 200
    gecontroleerd = set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        url = changelist(model)
        assert beheerder_client.get(url).status_code == 200, url
        if model_admin.has_add_permission(request):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
            assert beheerder_client.get(url).status_code == 200, url
        obj = model_admin.get_queryset(request).order_by("pk").last()
        if obj is None:
            # Alleen modellen buiten het domein (axes, otp, toegangslog, ...) mogen leeg zijn.
            assert opts.label not in DOMEINMODELLEN, f"geen demogegevens voor {opts.label}"
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert beheerder_client.get(url).status_code == 200, url
        gecontroleerd.add(opts.label)
    assert DOMEINMODELLEN - gecontroleerd == set()


def test_admin_alleen_voor_beheerders(client, medewerker):
    client.force_login(medewerker)
    response = client.get(changelist(Coach))
    assert response.status_code == 302
    assert "login" in response["Location"]


# --- Geen N+1: het aantal queries groeit niet met het aantal rijen --------------------------


def maak_dossiers(aantal, *, gemeente, programma, medewerker):
    for _ in range(aantal):
        coach = CoachFactory(gemeenten=[gemeente])
        traject = TrajectFactory(
            deelnemer__gemeente=gemeente, programma=programma, coach=coach, gestart=True
        )
        IntakeFactory(traject=traject, medewerker=medewerker)
        PlaatsingFactory(traject=traject)
        ContactmomentFactory(traject=traject, medewerker=medewerker)
        LidmaatschapFactory(gemeente=gemeente, rol=Rol.MEDEWERKER)


def aantal_queries(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.context["cl"].result_count


@pytest.mark.parametrize(
    "label",
    [
        "trajecten.coach", "trajecten.traject", "trajecten.deelnemer", "trajecten.werkgever",
        "trajecten.plaatsing", "trajecten.intake", "trajecten.contactmoment",
        "gemeenten.lidmaatschap", "auth.user", "gemeenten.gemeente", "rapportage.programma",
        "rapportage.doelstelling",
    ],
)
def test_lijst_heeft_een_vast_aantal_queries(label, beheerder_client, groningen, live, medewerker):
    url = changelist(label)
    maak_dossiers(2, gemeente=groningen, programma=live, medewerker=medewerker)
    weinig, rijen_weinig = aantal_queries(beheerder_client, url)
    maak_dossiers(6, gemeente=groningen, programma=live, medewerker=medewerker)
    veel, rijen_veel = aantal_queries(beheerder_client, url)
    assert weinig == veel
    if label.startswith("trajecten"):
        assert rijen_veel == 4 * rijen_weinig


def test_coachlijst_vijf_of_vijftig_coaches_evenveel_queries(beheerder_client, groningen, live):
    def maak(n):
        for _ in range(n):
            coach = CoachFactory(gemeenten=[groningen])
            TrajectFactory(deelnemer__gemeente=groningen, programma=live, coach=coach, gestart=True)

    maak(5)
    vijf, rijen = aantal_queries(beheerder_client, changelist(Coach))
    assert rijen == 5
    maak(45)
    vijftig, rijen = aantal_queries(beheerder_client, changelist(Coach))
    assert rijen == 50
    assert vijf == vijftig


# --- Coach-admin -----------------------------------------------------------------------------


def test_coachlijst_toont_gemeenten_vog_en_caseload(beheerder_client, groningen, emmen, live):
    coach = CoachFactory(naam="Anna de Vries", gemeenten=[groningen, emmen], max_deelnemers=3)
    for status in [Status.INTAKE, Status.ACTIEF]:
        TrajectFactory(
            deelnemer__gemeente=groningen, programma=live, coach=coach, status=status,
            startdatum=datetime.date(2026, 3, 1), aanmelddatum=datetime.date(2026, 2, 1),
        )
    # Een afgerond traject telt niet mee in de caseload.
    TrajectFactory(
        deelnemer__gemeente=groningen, programma=live, coach=coach, status=Status.AFGEROND,
        startdatum=datetime.date(2026, 3, 1), aanmelddatum=datetime.date(2026, 2, 1),
        einddatum=datetime.date(2026, 6, 1),
    )
    CoachFactory(naam="Bram Zonder", zonder_vog=True, gemeenten=[emmen])
    CoachFactory(naam="Cor Verlopen", vog_verlopen=True, gemeenten=[emmen])

    html = beheerder_client.get(changelist(Coach)).content.decode()
    rij = html[html.index("Anna de Vries"):]
    rij = rij[: rij.index("</tr>")]
    assert '<td class="field-caseload_van_max">2 / 3</td>' in rij
    assert '<td class="field-vog">geldig</td>' in rij
    assert "Emmen, Groningen" in rij
    assert '<td class="field-vog">geen VOG</td>' in html
    assert '<td class="field-vog">verlopen</td>' in html
    # Filteren op een gemeente of zoeken verdubbelt de caseload niet (join op gemeenten).
    for filter in ({"gemeenten__id__exact": emmen.pk}, {"q": "Vries"}):
        html = beheerder_client.get(changelist(Coach), filter).content.decode()
        assert '<td class="field-caseload_van_max">2 / 3</td>' in html


def test_vog_filter_in_de_database(beheerder_client):
    peil = vandaag()
    CoachFactory(naam="Geldig", vog_datum=peil - relativedelta(years=1))
    CoachFactory(naam="Net geldig", vog_datum=peil - relativedelta(years=3) + datetime.timedelta(1))
    CoachFactory(naam="Precies drie jaar", vog_datum=peil - relativedelta(years=3))
    CoachFactory(naam="Verlopen", vog_verlopen=True)
    CoachFactory(naam="Ontbreekt", zonder_vog=True)
    url = changelist(Coach)

    assert namen(beheerder_client.get(url, {"vog": "geldig"})) == {"Geldig", "Net geldig"}
    assert namen(beheerder_client.get(url, {"vog": "verlopen"})) == {
        "Precies drie jaar", "Verlopen"
    }
    assert namen(beheerder_client.get(url, {"vog": "ontbreekt"})) == {"Ontbreekt"}
    # De kolom zegt hetzelfde als het filter.
    for coach in Coach.objects.all():
        verwacht = {"Geldig": "geldig", "Net geldig": "geldig", "Ontbreekt": "ontbreekt"}
        assert coach.vog_status == verwacht.get(coach.naam, "verlopen")


def test_filters_getraind_gemeente_en_actief(beheerder_client, groningen, emmen):
    CoachFactory(naam="Getraind Groningen", gemeenten=[groningen])
    CoachFactory(naam="Ongetraind Emmen", ongetraind=True, gemeenten=[emmen])
    CoachFactory(naam="Inactief Emmen", actief=False, gemeenten=[emmen])
    url = changelist(Coach)
    assert namen(beheerder_client.get(url, {"getraind": "nee"})) == {"Ongetraind Emmen"}
    assert "Ongetraind Emmen" not in namen(beheerder_client.get(url, {"getraind": "ja"}))
    assert namen(beheerder_client.get(url, {"gemeenten__id__exact": emmen.pk})) == {
        "Ongetraind Emmen", "Inactief Emmen"
    }
    assert namen(beheerder_client.get(url, {"actief__exact": "0"})) == {"Inactief Emmen"}


def test_zoeken_op_naam_en_email(beheerder_client):
    CoachFactory(naam="Fatima Bakker", email="fatima@example.org")
    CoachFactory(naam="Joost Smit", email="j.smit@voorbeeld.nl")
    url = changelist(Coach)
    assert namen(beheerder_client.get(url, {"q": "bakker"})) == {"Fatima Bakker"}
    assert namen(beheerder_client.get(url, {"q": "voorbeeld.nl"})) == {"Joost Smit"}


def test_actie_markeer_als_vandaag_getraind(beheerder_client):
    a = CoachFactory(ongetraind=True)
    b = CoachFactory(getraind_op=datetime.date(2024, 5, 1))
    c = CoachFactory(getraind_op=datetime.date(2024, 5, 1))
    response = beheerder_client.post(
        changelist(Coach),
        {"action": "markeer_vandaag_getraind", "_selected_action": [a.pk, b.pk]},
        follow=True,
    )
    assert "2 coaches zijn gemarkeerd als vandaag getraind." in response.content.decode()
    for coach in (a, b, c):
        coach.refresh_from_db()
    assert a.getraind_op == b.getraind_op == vandaag()
    assert c.getraind_op == datetime.date(2024, 5, 1)
    # Per coach opgeslagen, dus in de wijzigingshistorie.
    assert any("getraind_op" in e.changes_dict for e in LogEntry.objects.get_for_object(a))


def test_actie_deactiveren_meldt_open_trajecten(beheerder_client, groningen, live):
    coach = CoachFactory(gemeenten=[groningen])
    TrajectFactory(deelnemer__gemeente=groningen, programma=live, coach=coach, gestart=True)
    andere = CoachFactory()
    response = beheerder_client.post(
        changelist(Coach), {"action": "deactiveren", "_selected_action": [coach.pk]}, follow=True
    )
    tekst = response.content.decode()
    assert "1 coach is gedeactiveerd." in tekst
    assert "Er is nog 1 open traject met deze coach; wijs een andere coach toe." in tekst
    coach.refresh_from_db()
    andere.refresh_from_db()
    assert coach.actief is False
    assert andere.actief is True


def test_open_trajecten_van_de_coach_alleen_ter_inzage(beheerder_client, groningen, live):
    coach = CoachFactory(gemeenten=[groningen])
    bsn = genereer_bsn()
    open_deelnemer = DeelnemerFactory(
        gemeente=groningen, voornaam="Semhar", achternaam="Tesfay", bsn=bsn
    )
    open_traject = TrajectFactory(deelnemer=open_deelnemer, programma=live, coach=coach,
                                  gestart=True)
    TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen, voornaam="Reza", achternaam="Afgerond"),
        programma=live, coach=coach, status=Status.AFGEROND,
        startdatum=datetime.date(2026, 2, 1), aanmelddatum=datetime.date(2026, 1, 10),
        einddatum=datetime.date(2026, 8, 1),
    )
    url = reverse("admin:trajecten_coach_change", args=[coach.pk])
    html = beheerder_client.get(url).content.decode()
    assert "Open trajecten" in html
    # Het deelnemernummer, met een link naar het traject; geen naam: wie coaches beheert,
    # hoeft niet te weten wie ze begeleiden.
    assert reverse("admin:trajecten_traject_change", args=[open_traject.pk]) in html
    assert "Semhar" not in html and "Tesfay" not in html
    assert "Reza Afgerond" not in html
    assert bsn not in html
    # Alleen lezen: geen invoervelden en geen knop om een traject toe te voegen.
    assert 'name="trajecten-0-status"' not in html
    assert "Nog een open traject toevoegen" not in html
    open_traject.refresh_from_db()
    assert open_traject.status == Status.ACTIEF


# --- Deelnemers, gebruikers en rollen --------------------------------------------------------


def test_bsn_gemaskeerd_in_de_deelnemerlijst(beheerder_client, groningen):
    bsn = genereer_bsn()
    DeelnemerFactory(gemeente=groningen, bsn=bsn)
    html = beheerder_client.get(changelist("trajecten.deelnemer")).content.decode()
    assert "*****" + bsn[-4:] in html
    assert bsn not in html


def test_deelnemers_zoeken_alleen_op_nummer(beheerder_client, groningen):
    gezocht = DeelnemerFactory(gemeente=groningen, achternaam="Haddad")
    DeelnemerFactory(gemeente=groningen, achternaam="Kidane")
    url = changelist("trajecten.deelnemer")
    assert namen(beheerder_client.get(url, {"q": str(gezocht.pk)})) == {str(gezocht)}
    # Een naam zoeken kan hier niet: die zou in de URL en de logregels belanden.
    assert namen(beheerder_client.get(url, {"q": "Haddad"})) == set()


def test_rol_geven_via_de_gebruikersadmin(beheerder_client, groningen):
    gebruiker = UserFactory(username="nieuwe-medewerker")
    url = reverse("admin:auth_user_change", args=[gebruiker.pk])
    html = beheerder_client.get(url).content.decode()
    assert 'name="lidmaatschappen-TOTAL_FORMS"' in html

    response = beheerder_client.post(url, {
        "username": gebruiker.username,
        "email": gebruiker.email,
        "first_name": gebruiker.first_name,
        "last_name": gebruiker.last_name,
        "is_active": "on",
        "date_joined_0": "2026-11-01",
        "date_joined_1": "09:00:00",
        "lidmaatschappen-TOTAL_FORMS": "2",
        "lidmaatschappen-INITIAL_FORMS": "0",
        "lidmaatschappen-MIN_NUM_FORMS": "0",
        "lidmaatschappen-MAX_NUM_FORMS": "1000",
        "lidmaatschappen-0-gemeente": str(groningen.pk),
        "lidmaatschappen-0-rol": Rol.MEDEWERKER,
        "lidmaatschappen-1-gemeente": "",
        "lidmaatschappen-1-rol": Rol.COORDINATOR,
    })
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert set(gebruiker.lidmaatschappen.values_list("gemeente__cbs_code", "rol")) == {
        ("GM0014", Rol.MEDEWERKER), (None, Rol.COORDINATOR)
    }
    assert list(Gemeente.objects.voor(gebruiker)) == [groningen]
    assert Gemeente.objects.voor_rapportage(gebruiker).count() == Gemeente.objects.count()


def test_gebruikerslijst_toont_rollen(beheerder_client, groningen):
    LidmaatschapFactory(user__username="rollen-test", gemeente=groningen, rol=Rol.COORDINATOR)
    html = beheerder_client.get(changelist("auth.user")).content.decode()
    rij = html[html.index("rollen-test"):]
    assert "coördinator Groningen" in rij[: rij.index("</tr>")]


def test_lidmaatschappen_filter_landelijk(beheerder_client, groningen):
    LidmaatschapFactory(user__username="lokaal", gemeente=groningen, rol=Rol.COORDINATOR)
    landelijk = Lidmaatschap.objects.create(
        user=UserFactory(username="overal"), gemeente=None, rol=Rol.COORDINATOR
    )
    response = beheerder_client.get(changelist(Lidmaatschap), {"bereik": "landelijk"})
    assert list(response.context["cl"].result_list) == [landelijk]


def test_coach_wijzigen_met_vinkjes_voor_talen_en_sectoren(beheerder_client, groningen):
    coach = CoachFactory(naam="Mila Jansen", talen=["nl"], sectoren=[], gemeenten=[groningen])
    url = reverse("admin:trajecten_coach_change", args=[coach.pk])
    html = beheerder_client.get(url).content.decode()
    assert 'type="checkbox" name="talen" value="ti"' in html

    response = beheerder_client.post(url, {
        "naam": "Mila Jansen",
        "email": "mila@example.org",
        "telefoon": "",
        "gemeenten": [groningen.pk],
        "actief": "on",
        "getraind_op": "2026-03-01",
        "vog_datum": "2026-02-01",
        "max_deelnemers": "4",
        "talen": ["nl", "ti"],
        "sectoren": ["zorg", "logistiek"],
        "trajecten-TOTAL_FORMS": "0",
        "trajecten-INITIAL_FORMS": "0",
        "trajecten-MIN_NUM_FORMS": "0",
        "trajecten-MAX_NUM_FORMS": "0",
    })
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.talen == ["nl", "ti"]
    assert coach.sectoren == ["zorg", "logistiek"]
    assert coach.max_deelnemers == 4


def test_wijzigen_via_de_admin_hoogt_de_versie_op(beheerder_client, groningen, live):
    plaatsing = PlaatsingFactory(
        traject__deelnemer__gemeente=groningen, traject__programma=live, uren_per_week=20
    )
    assert plaatsing.versie == 1
    url = reverse("admin:trajecten_plaatsing_change", args=[plaatsing.pk])
    gegevens = {
        "traject": plaatsing.traject_id,
        "soort": plaatsing.soort,
        "werkgever": plaatsing.werkgever_id,
        "functie": plaatsing.functie,
        "startdatum": plaatsing.startdatum.isoformat(),
        "einddatum": "",
        "uren_per_week": "32",
        "contractvorm": plaatsing.contractvorm,
    }
    assert beheerder_client.post(url, gegevens).status_code == 302
    plaatsing.refresh_from_db()
    assert (plaatsing.uren_per_week, plaatsing.versie) == (32, 2)
    # Opslaan zonder wijziging: geen nieuwe versie.
    assert beheerder_client.post(url, {**gegevens, "uren_per_week": "32"}).status_code == 302
    plaatsing.refresh_from_db()
    assert plaatsing.versie == 2


def test_plaatsing_wijzigen_in_de_inline_van_een_traject_hoogt_de_versie_op(
    beheerder_client, groningen, live
):
    """Ook een plaatsing die de beheerder op de pagina van het traject wijzigt, krijgt een nieuwe
    versie (dezelfde `volgende_versie` als de services); het traject zelf, onveranderd, niet."""
    from tests.betrouwbaarheid.hulp import FormulierLezer

    plaatsing = PlaatsingFactory(
        traject__deelnemer__gemeente=groningen, traject__programma=live, uren_per_week=20
    )
    url = reverse("admin:trajecten_traject_change", args=[plaatsing.traject_id])
    lezer = FormulierLezer()
    lezer.feed(beheerder_client.get(url).content.decode())
    velden = next(v for attrs, v in lezer.formulieren if attrs.get("id") == "traject_form")
    velden["plaatsingen-0-uren_per_week"] = ["32"]
    assert beheerder_client.post(url, velden).status_code == 302
    plaatsing.refresh_from_db()
    plaatsing.traject.refresh_from_db()
    assert (plaatsing.uren_per_week, plaatsing.versie) == (32, 2)
    assert plaatsing.traject.versie == 1


@pytest.mark.parametrize(
    "peildatum, geldig",
    [
        (datetime.date(2027, 2, 27), True),
        (datetime.date(2027, 2, 28), True),  # drie jaar na 29 februari: nog net geldig
        (datetime.date(2027, 3, 1), False),
    ],
)
def test_vog_kolom_en_filter_zijn_het_eens_rond_29_februari(peildatum, geldig):
    coach = CoachFactory(vog_datum=datetime.date(2024, 2, 29))
    assert coach.heeft_geldige_vog(peildatum) is geldig
    assert Coach.objects.met_geldige_vog(peildatum).filter(pk=coach.pk).exists() is geldig
