"""Het toegangslog: de service, het automatisch loggen van weigeringen en de alleen-lezen admin."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from gemeenten.factories import UserFactory
from gemeenten.models import Toegangslog
from gemeenten.toegangslog import client_ip, registreer_toegang
from trajecten.factories import DeelnemerFactory, TrajectFactory

pytestmark = pytest.mark.django_db

Actie = Toegangslog.Actie
CHANGELIST = "/admin/gemeenten/toegangslog/"


def _request(user, pad="/deelnemers/1/", **meta):
    request = RequestFactory().get(pad + "?zoek=geheim", REMOTE_ADDR="198.51.100.4", **meta)
    request.user = user
    return request


# --- de service -------------------------------------------------------------------------------


def test_registreer_toegang_legt_wie_wat_welk_object_en_waar_vast(medewerker, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)

    regel = registreer_toegang(
        request=_request(medewerker), actie=Actie.DOSSIER_BEKEKEN, object=deelnemer
    )

    regel.refresh_from_db()
    assert regel.actor == medewerker
    assert regel.gebruikersnaam == medewerker.username
    assert regel.actie == Actie.DOSSIER_BEKEKEN
    assert regel.resultaat == Toegangslog.Resultaat.GELUKT
    assert regel.content_type == ContentType.objects.get_for_model(deelnemer)
    assert regel.object_id == str(deelnemer.pk)
    assert regel.deelnemer_nummer == deelnemer.pk
    assert regel.ip_adres == "198.51.100.4"
    assert regel.pad == "/deelnemers/1/"  # zonder querystring
    assert abs((timezone.now() - regel.tijdstip).total_seconds()) < 5


def test_deelnemernummer_volgt_uit_een_traject(medewerker, groningen):
    traject = TrajectFactory(deelnemer__gemeente=groningen)

    regel = registreer_toegang(request=_request(medewerker), actie=Actie.EXPORT, object=traject)

    assert regel.deelnemer_nummer == traject.deelnemer_id
    assert regel.object_id == str(traject.pk)


def test_registreer_toegang_kost_een_query(medewerker, groningen, django_assert_num_queries):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    ContentType.objects.get_for_model(deelnemer)  # in een draaiend proces is deze cache warm
    request = _request(medewerker)

    with django_assert_num_queries(1):
        registreer_toegang(request=request, actie=Actie.DOSSIER_BEKEKEN, object=deelnemer)


def test_onbekende_actie_wordt_geweigerd_en_niet_opgeslagen(medewerker):
    with pytest.raises(ValidationError):
        registreer_toegang(request=_request(medewerker), actie="iets_anders")
    assert not Toegangslog.objects.exists()


def test_log_bevat_geen_bsn_of_naam(medewerker, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    registreer_toegang(request=_request(medewerker), actie=Actie.DOSSIER_BEKEKEN, object=deelnemer)

    regel = Toegangslog.objects.get()
    tekst = " ".join(str(getattr(regel, veld.attname)) for veld in Toegangslog._meta.fields)
    assert deelnemer.bsn not in tekst
    assert deelnemer.achternaam not in tekst


@pytest.mark.parametrize(
    ("proxies", "doorgestuurd", "verwacht"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # zonder proxy telt X-Forwarded-For niet (te vervalsen)
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # het linkse adres komt van de client zelf
        (2, "203.0.113.9, 192.0.2.1", "203.0.113.9"),  # twee vertrouwde proxies
        (2, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # 203.0.113.9 is geen proxy: daar stopt het
        (1, "geen-ip", None),
    ],
)
def test_client_ip_achter_proxies(settings, proxies, doorgestuurd, verwacht):
    settings.VERTROUWDE_PROXIES = proxies
    settings.VERTROUWDE_PROXY_ADRESSEN = ["10.0.0.0/8", "192.0.2.1"]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=doorgestuurd)
    assert client_ip(request) == verwacht


# --- geweigerde toegang wordt vanzelf gelogd ----------------------------------------------------


def test_403_van_een_ingelogde_gebruiker_wordt_gelogd(client, medewerker, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    client.force_login(medewerker)

    response = client.get(f"/beheer/inzage/{deelnemer.pk}/")

    assert response.status_code == 403
    regel = Toegangslog.objects.get(actie=Actie.TOEGANG_GEWEIGERD)
    assert regel.actor == medewerker
    assert regel.resultaat == Toegangslog.Resultaat.GEWEIGERD
    assert regel.object_id == str(deelnemer.pk)
    assert regel.pad == f"/beheer/inzage/{deelnemer.pk}/"
    assert regel.toelichting == "HTTP 403 avg:inzageverzoek"


def test_404_van_een_ingelogde_gebruiker_wordt_gelogd(client, beheerder):
    client.force_login(beheerder)

    response = client.get("/beheer/inzage/987654/")

    assert response.status_code == 404
    regel = Toegangslog.objects.get(actie=Actie.TOEGANG_GEWEIGERD)
    assert regel.object_id == "987654"
    assert regel.toelichting == "HTTP 404 avg:inzageverzoek"


def test_anoniem_en_onbekende_urls_geven_geen_logregel(client, medewerker):
    assert client.get("/beheer/inzage/1/").status_code == 302
    client.force_login(medewerker)
    assert client.get("/bestaat/niet/").status_code == 404
    assert not Toegangslog.objects.filter(actie=Actie.TOEGANG_GEWEIGERD).exists()


# --- de admin: lezen en exporteren, nooit wijzigen ----------------------------------------------


@pytest.fixture
def regels(medewerker, coordinator, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    eerste = registreer_toegang(
        request=_request(medewerker), actie=Actie.DOSSIER_BEKEKEN, object=deelnemer
    )
    tweede = registreer_toegang(request=_request(coordinator), actie=Actie.EXPORT)
    registreer_toegang(
        actie=Actie.INLOGGEN_MISLUKT,
        resultaat=Toegangslog.Resultaat.MISLUKT,
        gebruikersnaam="=HYPERLINK(\"x\")",
    )
    return deelnemer, eerste, tweede


def test_beheerder_ziet_en_filtert_het_log(client, beheerder, regels, medewerker):
    deelnemer, eerste, tweede = regels
    client.force_login(beheerder)

    alles = client.get(CHANGELIST)
    assert alles.status_code == 200
    assert alles.context["cl"].result_count == 3

    def aantal(query):
        response = client.get(CHANGELIST + query)
        assert response.status_code == 200, query
        return response.context["cl"].result_count

    assert aantal(f"?actor__id__exact={medewerker.pk}") == 1
    assert aantal("?actie__exact=export") == 1
    assert aantal(f"?deelnemer_nummer={deelnemer.pk}") == 1
    assert f'href="?deelnemer_nummer={deelnemer.pk}"' in alles.content.decode()
    assert aantal(f"?deelnemer_nummer={deelnemer.pk + 1}") == 0
    vandaag = timezone.localdate()
    assert aantal(f"?tijdstip__year={vandaag.year}&tijdstip__month={vandaag.month}") == 3
    assert aantal("?tijdstip__year=2000") == 0
    assert aantal(f"?q={medewerker.username}") == 1


def test_niemand_kan_het_log_wijzigen_of_verwijderen(client, beheerder, regels):
    _, eerste, _ = regels
    assert beheerder.is_superuser
    client.force_login(beheerder)
    wijzigen = f"{CHANGELIST}{eerste.pk}/change/"
    verwijderen = f"{CHANGELIST}{eerste.pk}/delete/"

    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.post(f"{CHANGELIST}add/", {"actie": "export"}).status_code == 403
    assert client.post(wijzigen, {"actie": "export", "gebruikersnaam": "x"}).status_code == 403
    assert client.get(verwijderen).status_code == 403
    assert client.post(verwijderen, {"post": "yes"}).status_code == 403
    response = client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [eerste.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)

    # Alleen lezen: de detailpagina toont de regel zonder opslaan-knop.
    detail = client.get(wijzigen)
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()

    eerste_opnieuw = Toegangslog.objects.get(pk=eerste.pk)
    assert eerste_opnieuw.actie == Actie.DOSSIER_BEKEKEN
    assert eerste_opnieuw.gebruikersnaam == eerste.gebruikersnaam
    assert Toegangslog.objects.filter(pk__in=[eerste.pk, regels[2].pk]).count() == 2


def test_export_van_het_gefilterde_log_als_csv(client, beheerder, regels):
    deelnemer, eerste, tweede = regels
    client.force_login(beheerder)
    alle_ids = list(Toegangslog.objects.values_list("pk", flat=True))

    response = client.post(
        CHANGELIST + "?resultaat__exact=gelukt",
        {"action": "exporteer_csv", "_selected_action": alle_ids, "select_across": "1", "index": 0},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="toegangslog-')
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(inhoud), delimiter=";"))
    assert rijen[0][:4] == ["tijdstip", "gebruikersnaam", "actie", "resultaat"]
    acties = sorted(rij[2] for rij in rijen[1:])
    assert acties == ["dossier_bekeken", "export"]  # de mislukte inlog valt buiten het filter
    dossierrij = next(rij for rij in rijen[1:] if rij[2] == "dossier_bekeken")
    assert dossierrij[6] == str(deelnemer.pk)
    assert deelnemer.bsn not in inhoud
    # De export zelf staat in het log.
    assert Toegangslog.objects.filter(
        actie=Actie.EXPORT, actor=beheerder, toelichting="toegangslog: 2 regels"
    ).exists()


def test_export_ontwapent_formules(client, beheerder, regels):
    client.force_login(beheerder)
    ids = list(Toegangslog.objects.values_list("pk", flat=True))

    response = client.post(
        CHANGELIST, {"action": "exporteer_csv", "_selected_action": ids, "index": 0}
    )

    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(inhoud), delimiter=";"))
    gebruikersnamen = [rij[1] for rij in rijen[1:]]
    assert "'=HYPERLINK(\"x\")" in gebruikersnamen
    assert not any(naam.startswith("=") for naam in gebruikersnamen)


def test_overzicht_heeft_een_vast_aantal_queries(client, beheerder, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(beheerder)
    gebruikers = [UserFactory() for _ in range(3)]

    def tel(aantal_regels):
        for i in range(aantal_regels):
            registreer_toegang(
                request=_request(gebruikers[i % 3]), actie=Actie.EXPORT,
                object=gebruikers[i % 3],
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST).status_code == 200
        return len(queries)

    assert tel(5) == tel(30)
