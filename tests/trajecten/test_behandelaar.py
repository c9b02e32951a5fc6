"""Eigenaarschap en coaches: de behandelaar (standaard wie het traject start, overdragen aan
een collega, in historie en tijdlijn, de datamigratie), een verhuizing, de wachtlijst voor een
coach, en de aggregaten voor het gemeentedashboard (caseload per behandelaar, coachtekort)."""

import datetime
import importlib
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from gemeenten.models import Gemeente
from tests.betrouwbaarheid.hulp import formulier
from trajecten import selectors, services
from trajecten.constants import AfspraakStatus, Status
from trajecten.factories import (
    AfspraakFactory,
    CoachFactory,
    DeelnemerFactory,
    IntakeFactory,
    TrajectFactory,
)
from trajecten.models import Traject

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def traject(groningen, vervolg, medewerker):
    return TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                          behandelaar=medewerker)


def test_wie_het_traject_start_is_de_behandelaar(medewerker, groningen, vervolg):
    d = DeelnemerFactory(gemeente=groningen, toestemming_datum=VANDAAG)
    t = services.traject_starten(deelnemer=d, programma=vervolg, uitvoerder="uaf",
                                 door=medewerker)
    assert t.behandelaar == medewerker


def test_overdragen_aan_een_collega_met_zijn_geplande_afspraken(traject, medewerker, collega):
    mee = AfspraakFactory(traject=traject, medewerker=medewerker)
    gehouden = AfspraakFactory(traject=traject, medewerker=medewerker, datum=VANDAAG - DAG,
                               status=AfspraakStatus.GEHOUDEN)
    services.behandelaar_overdragen(traject=traject, behandelaar=collega, door=medewerker,
                                    versie=traject.versie)
    traject.refresh_from_db()
    mee.refresh_from_db()
    gehouden.refresh_from_db()
    assert traject.behandelaar == collega
    assert mee.medewerker == collega  # de agenda volgt het dossier
    assert gehouden.medewerker == medewerker  # wat al gebeurd is, blijft zoals het was


def test_overdragen_alleen_aan_een_medewerker_van_de_gemeente(traject, medewerker,
                                                              medewerker_emmen, coordinator):
    for ander in (medewerker_emmen, coordinator):
        with pytest.raises(ValidationError) as exc:
            services.behandelaar_overdragen(traject=traject, behandelaar=ander, door=medewerker)
        assert "geen medewerker van Groningen" in exc.value.message_dict["behandelaar"][0]
    traject.refresh_from_db()
    assert traject.behandelaar == medewerker


def test_overdragen_door_een_andere_gemeente_mag_niet(traject, medewerker_emmen, collega):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.behandelaar_overdragen(traject=traject, behandelaar=collega,
                                        door=medewerker_emmen)


def test_overdracht_in_historie_en_tijdlijn(client, traject, medewerker, collega):
    client.force_login(medewerker)
    url = reverse("trajecten:behandelaar", args=[traject.pk])
    html = client.get(url).content.decode()
    ik = medewerker.get_full_name()
    assert "Sanne de Boer" in html and ik in html
    r = client.post(url, {"behandelaar": collega.pk, "versie": traject.versie}, follow=True)
    html = r.content.decode()
    assert "Het traject is overgedragen aan Sanne de Boer." in html
    tijdlijn = html[html.index('id="tijdlijn"'):html.index('id="historie"')]
    assert "Behandelaar: Sanne de Boer" in tijdlijn
    assert f"was {ik}" in tijdlijn
    historie = html[html.index('id="historie"'):]
    assert f"Behandelaar: {ik} → Sanne de Boer" in historie


def test_overdragen_met_verouderd_formulier_geeft_conflict(client, traject, medewerker,
                                                           collega):
    services.traject_wijzigen(traject=traject, door=collega, uitvoerder="uwv",
                              kosten=Decimal("10"))
    client.force_login(medewerker)
    r = client.post(reverse("trajecten:behandelaar", args=[traject.pk]),
                    {"behandelaar": collega.pk, "versie": 1})
    assert "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd" in r.content.decode()
    traject.refresh_from_db()
    assert traject.behandelaar == medewerker


def test_verhuizing_laat_behandelaar_en_agenda_los(traject, medewerker, emmen):
    afspraak = AfspraakFactory(traject=traject, medewerker=medewerker)
    services.deelnemer_verhuizen(deelnemer=traject.deelnemer, naar_gemeente=emmen,
                                 door=medewerker)
    traject.refresh_from_db()
    afspraak.refresh_from_db()
    assert (traject.behandelaar, traject.binnengekomen_op) == (None, VANDAAG)
    assert afspraak.medewerker is None
    # In Emmen: 'Verhuisd naar uw gemeente' tot iemand het oppakt.
    emmer = LidmaatschapFactory(gemeente=emmen, rol=Rol.MEDEWERKER).user
    nieuw = [r for r in selectors.werkvoorraad(user=emmer).regels
             if r.signaal.sleutel == "nieuw_in_gemeente"]
    assert [r.deelnemer_id for r in nieuw] == [traject.deelnemer_id]
    services.behandelaar_overdragen(traject=traject, behandelaar=emmer, door=emmer)
    assert not [r for r in selectors.werkvoorraad(user=emmer).regels
                if r.signaal.sleutel == "nieuw_in_gemeente"]


def test_datamigratie_behandelaar_uit_de_intake(groningen, vervolg, medewerker, collega):
    """0006: de medewerker van de intake, als die nog medewerker van de gemeente van het traject
    is; anders leeg. Afgeronde trajecten krijgen 'werk' of 'anders'."""
    met_intake = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    IntakeFactory(traject=met_intake, medewerker=medewerker)
    vertrokken = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    IntakeFactory(traject=vertrokken, medewerker=collega)
    collega.lidmaatschappen.all().delete()
    zonder_intake = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg)
    d = DeelnemerFactory(gemeente=groningen, voornaam="Şükrü", achternaam="Çelik")
    Traject.objects.update(behandelaar=None)
    type(d).objects.filter(pk=d.pk).update(zoeknaam="")
    migratie = importlib.import_module("trajecten.migrations.0006_vul_behandelaar_reden_zoeknaam")
    migratie.vul(apps, None)
    behandelaars = dict(Traject.objects.values_list("pk", "behandelaar"))
    assert behandelaars == {met_intake.pk: medewerker.pk, vertrokken.pk: None,
                            zonder_intake.pk: None}
    d.refresh_from_db()
    assert d.zoeknaam == "celik sukru"


# --- wachtlijst ----------------------------------------------------------------------------------


def test_geen_coach_beschikbaar_dan_op_de_wachtlijst(client, traject, medewerker, groningen):
    vol = CoachFactory(gemeenten=[groningen], max_deelnemers=1, naam="Vol")
    TrajectFactory(deelnemer__gemeente=groningen, programma=traject.programma, gestart=True,
                   coach=vol)
    client.force_login(medewerker)
    pagina = client.get(reverse("trajecten:coach_toewijzen", args=[traject.pk]))
    html = pagina.content.decode()
    assert "geen coach beschikbaar" in html and "Op de wachtlijst zetten" in html
    url = reverse("trajecten:wachtlijst", args=[traject.pk])
    r = client.post(url, formulier(pagina, actie=url), follow=True)
    assert "staat op de wachtlijst voor een coach" in r.content.decode()
    traject.refresh_from_db()
    assert traject.wachtlijst_sinds == VANDAAG
    # Nog eens: de oorspronkelijke datum blijft.
    Traject.objects.filter(pk=traject.pk).update(wachtlijst_sinds=VANDAAG - 9 * DAG)
    services.op_wachtlijst_zetten(traject=traject, door=medewerker)
    traject.refresh_from_db()
    assert traject.wachtlijst_sinds == VANDAAG - 9 * DAG
    # Een coach toewijzen haalt het traject van de wachtlijst.
    services.coach_toewijzen(traject=traject, coach=CoachFactory(gemeenten=[groningen]),
                             door=medewerker)
    traject.refresh_from_db()
    assert traject.wachtlijst_sinds is None


def test_wachtlijst_niet_met_een_geldige_coach(traject, medewerker, groningen):
    geldig = CoachFactory(gemeenten=[groningen])
    services.coach_toewijzen(traject=traject, coach=geldig, door=medewerker)
    with pytest.raises(ValidationError) as exc:
        services.op_wachtlijst_zetten(traject=traject, door=medewerker)
    assert exc.value.code == "heeft_coach"


def test_wachtlijst_koppelt_een_coach_los_die_niet_meer_telt(traject, medewerker, groningen):
    Traject.objects.filter(pk=traject.pk).update(
        coach=CoachFactory(gemeenten=[groningen], vog_verlopen=True)
    )
    traject.refresh_from_db()
    services.op_wachtlijst_zetten(traject=traject, door=medewerker)
    traject.refresh_from_db()
    assert (traject.coach, traject.wachtlijst_sinds) == (None, VANDAAG)


def test_afsluiten_haalt_van_de_wachtlijst(traject, medewerker):
    services.op_wachtlijst_zetten(traject=traject, door=medewerker)
    services.status_wijzigen(traject=traject, door=medewerker, naar=Status.UITGEVALLEN,
                             reden_uitval="Verhuisd")
    traject.refresh_from_db()
    assert traject.wachtlijst_sinds is None


# --- aggregaten voor het gemeentedashboard -------------------------------------------------------


def test_caseload_per_behandelaar(groningen, emmen, vervolg, medewerker, collega,
                                  django_assert_num_queries):
    for _ in range(3):
        TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                       behandelaar=medewerker)
    TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                   behandelaar=collega)
    TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, uitgevallen=True,
                   behandelaar=collega)  # gesloten: telt niet
    TrajectFactory(deelnemer__gemeente=emmen, programma=vervolg, behandelaar=collega)
    with django_assert_num_queries(1):
        caseload = selectors.caseload_per_behandelaar(groningen)
    assert [(c.naam, c.open_trajecten) for c in caseload] == [
        (medewerker.get_full_name(), 3), ("Sanne de Boer", 1), ("", 1),
    ]


def test_coachtekort_per_gemeente(groningen, emmen, vervolg, django_assert_num_queries):
    def traject(gemeente, **velden):
        return TrajectFactory(deelnemer__gemeente=gemeente, programma=vervolg, gestart=True,
                              **velden)

    traject(groningen, wachtlijst_sinds=VANDAAG - 20 * DAG)
    traject(groningen, wachtlijst_sinds=VANDAAG - 5 * DAG)
    traject(groningen, coach=CoachFactory(gemeenten=[groningen], actief=False))
    traject(groningen, coach=CoachFactory(gemeenten=[groningen], vog_verlopen=True))
    traject(groningen, coach=CoachFactory(gemeenten=[groningen]))  # telt
    traject(emmen, wachtlijst_sinds=VANDAAG - 2 * DAG)
    TrajectFactory(deelnemer__gemeente=emmen, programma=vervolg, uitgevallen=True,
                   reden_uitval="x")
    with django_assert_num_queries(1):
        rijen = {g.cbs_code: g for g in selectors.coachtekort_per_gemeente(
            Gemeente.objects.filter(cbs_code__in=["GM0014", "GM0114", "GM0193"])
        )}
    assert (rijen["GM0014"].wachtend, rijen["GM0014"].wacht_sinds,
            rijen["GM0014"].zonder_geldige_coach) == (2, VANDAAG - 20 * DAG, 2)
    assert (rijen["GM0114"].wachtend, rijen["GM0114"].zonder_geldige_coach) == (1, 0)
    assert (rijen["GM0193"].wachtend, rijen["GM0193"].wacht_sinds) == (0, None)
    assert selectors.wachtdagen(rijen["GM0014"].wacht_sinds) == 20


# --- de admin: VOG-verloopdatum en coachtekort ---------------------------------------------------


@pytest.fixture
def beheerder_client(client, beheerder):
    client.force_login(beheerder)
    return client


def namen(response) -> list[str]:
    return [c.naam for c in response.context["cl"].result_list]


def test_coachlijst_toont_verloopdatum_vog_filtert_en_sorteert(beheerder_client, groningen,
                                                               django_assert_max_num_queries):
    CoachFactory(naam="Lang geldig", vog_datum=VANDAAG - relativedelta(months=6))
    bijna = CoachFactory(naam="Bijna verlopen",
                         vog_datum=VANDAAG - relativedelta(years=3) + relativedelta(months=2))
    CoachFactory(naam="Verlopen", vog_verlopen=True)
    CoachFactory(naam="Zonder", zonder_vog=True)
    CoachFactory(naam="Schrikkeldag", vog_datum=datetime.date(2024, 2, 29))
    url = reverse("admin:trajecten_coach_changelist")
    verloopt = bijna.vog_datum + relativedelta(years=3)
    html = beheerder_client.get(url).content.decode()
    assert '<td class="field-vog_verloopt_op">geen VOG</td>' in html
    rijen = {c.naam: c for c in beheerder_client.get(url).context["cl"].result_list}
    assert rijen["Bijna verlopen"].vog_verloopt_op == verloopt
    assert rijen["Zonder"].vog_verloopt_op is None
    # 29 februari + 3 jaar: de eerste dag zonder geldige VOG is 1 maart (zoals de service).
    assert rijen["Schrikkeldag"].vog_verloopt_op == datetime.date(2027, 3, 1)
    binnenkort = namen(beheerder_client.get(url, {"vog": "verloopt"}))
    assert "Bijna verlopen" in binnenkort
    assert not {"Lang geldig", "Verlopen", "Zonder"} & set(binnenkort)
    assert namen(beheerder_client.get(url, {"vog": "ontbreekt"})) == ["Zonder"]
    volgorde = namen(beheerder_client.get(url, {"o": "3"}))  # kolom 'VOG verloopt op'
    assert volgorde.index("Verlopen") < volgorde.index("Bijna verlopen") < volgorde.index(
        "Lang geldig")
    for _ in range(10):
        CoachFactory(gemeenten=[groningen])
    with django_assert_max_num_queries(12):
        beheerder_client.get(url)


def test_admin_coachtekort_per_gemeente(beheerder_client, groningen, vervolg):
    TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                   wachtlijst_sinds=VANDAAG - 12 * DAG)
    html = beheerder_client.get(reverse("admin:trajecten_coachtekort_changelist")).content
    html = html.decode()
    rij = html[html.index("Groningen"):]
    rij = rij[:rij.index("</tr>")]
    assert '<td class="field-wachtend">1</td>' in rij
    assert "12 dagen (sinds" in rij
