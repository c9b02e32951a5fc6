"""De wijzigingshistorie in de admin als Nederlandse zinnen (issue 14): geen "ID: None → 3428",
geen gemaskeerd "None", geen `["en", "ti"]`; en de namen van apps en modellen van derden."""

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.urls import reverse

from trajecten.factories import DeelnemerFactory

pytestmark = pytest.mark.django_db


def test_wijziging_van_een_deelnemer_in_zinnen(client, beheerder, groningen):
    deelnemer = DeelnemerFactory(gemeente=groningen, talen=["ar"], bsn="")
    deelnemer.talen = ["ar", "ti"]
    deelnemer.bsn = "999990019"
    deelnemer.save()
    client.force_login(beheerder)
    aangemaakt, gewijzigd = LogEntry.objects.get_for_object(deelnemer).order_by("pk")

    html = client.get(reverse("admin:auditlog_logentry_change", args=[gewijzigd.pk]))
    tekst = html.content.decode()
    assert "Talen: Arabisch → Arabisch, Tigrinya" in tekst
    assert "BSN: – → *****0019" in tekst
    assert "999990019" not in tekst and '["ar", "ti"]' not in tekst

    tekst = client.get(
        reverse("admin:auditlog_logentry_change", args=[aangemaakt.pk])).content.decode()
    inhoud = tekst.split('id="content-main"')[1]
    assert "<li>ID:" not in inhoud and "None" not in inhoud and "**ne" not in inhoud
    assert "Gemeente: – → Groningen" in tekst

    lijst = client.get(reverse("admin:auditlog_logentry_changelist")).content.decode()
    assert "2 velden: BSN, talen" in lijst
    assert "2 changes" not in lijst


def test_lijst_van_de_historie_vast_aantal_queries(client, beheerder, groningen,
                                                   django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(beheerder)
    url = reverse("admin:auditlog_logentry_changelist")

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    DeelnemerFactory.create_batch(2, gemeente=groningen)
    weinig = tel()
    DeelnemerFactory.create_batch(10, gemeente=groningen)
    assert tel() == weinig


def test_apps_en_modellen_van_derden_hebben_nederlandse_namen():
    assert str(apps.get_app_config("axes").verbose_name) == "Inlogpogingen en blokkades"
    assert str(apps.get_app_config("otp_static").verbose_name) == "Tweede factor: reservecodes"
    assert str(apps.get_model("otp_totp", "TOTPDevice")._meta.verbose_name_plural) == (
        "authenticator-apps")
    # Alleen de weergave: de opties van het model (en dus zijn migraties) blijven.
    assert "verbose_name" not in apps.get_model("otp_static", "StaticDevice")._meta.original_attrs
