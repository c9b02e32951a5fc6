"""`manage.py logboeken_opschonen`: toegangslog, django-axes en sessies hebben een termijn."""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from dateutil.relativedelta import relativedelta
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from gemeenten.models import Toegangslog
from gemeenten.toegangslog import registreer_toegang

pytestmark = pytest.mark.django_db

Actie = Toegangslog.Actie


def _logregel(actie, geleden: datetime.timedelta | relativedelta, **extra):
    regel = registreer_toegang(actie=actie, gebruikersnaam="iemand", **extra)
    Toegangslog.objects.filter(pk=regel.pk).update(tijdstip=timezone.now() - geleden)
    return regel


def _axes(geleden: datetime.timedelta):
    gegevens = {"username": f"iemand-{geleden.days}", "ip_address": "198.51.100.9",
                "http_accept": "", "path_info": "/accounts/login/"}
    rijen = (
        AccessAttempt.objects.create(get_data="", post_data="", failures_since_start=1,
                                     **gegevens),
        AccessFailureLog.objects.create(**gegevens),
        AccessLog.objects.create(**gegevens),
    )
    for rij in rijen:  # attempt_time zet django-axes zelf (auto_now_add)
        type(rij).objects.filter(pk=rij.pk).update(attempt_time=timezone.now() - geleden)
    return rijen


def _sessie(verloopt_over: datetime.timedelta) -> str:
    sessie = SessionStore()
    sessie["iets"] = 1
    sessie.set_expiry(verloopt_over if verloopt_over.total_seconds() > 0 else 1)
    sessie.create()
    Session.objects.filter(session_key=sessie.session_key).update(
        expire_date=timezone.now() + verloopt_over
    )
    return sessie.session_key


@pytest.fixture
def logboeken(settings):
    settings.BEWAARTERMIJN_TOEGANGSLOG_MAANDEN = 24
    settings.BEWAARTERMIJN_INLOGPOGINGEN_DAGEN = 90
    return {
        "oud_dossier": _logregel(Actie.DOSSIER_BEKEKEN, relativedelta(months=24, days=1),
                                 deelnemer=7),
        "jong_dossier": _logregel(Actie.DOSSIER_BEKEKEN, relativedelta(months=23), deelnemer=7),
        "oude_inlog": _logregel(Actie.INLOGGEN_MISLUKT, datetime.timedelta(days=91)),
        "jonge_inlog": _logregel(Actie.INLOGGEN_MISLUKT, datetime.timedelta(days=89)),
        "oude_blokkade": _logregel(Actie.GEBLOKKEERD, datetime.timedelta(days=100)),
        # Een onjuiste code na een juist wachtwoord: bewijs dat iemand het wachtwoord kent.
        "oude_mfa": _logregel(Actie.MFA_MISLUKT, datetime.timedelta(days=100)),
        "oude_axes": _axes(datetime.timedelta(days=91)),
        "jonge_axes": _axes(datetime.timedelta(days=1)),
        "verlopen": _sessie(datetime.timedelta(minutes=-1)),
        "geldig": _sessie(datetime.timedelta(hours=1)),
    }


def test_opschonen_verwijdert_alleen_wat_ouder_is_dan_de_termijn(logboeken):
    uit = io.StringIO()
    call_command("logboeken_opschonen", stdout=uit)

    over = set(Toegangslog.objects.exclude(actie=Actie.OPGESCHOOND).values_list("pk", flat=True))
    assert over == {logboeken[k].pk for k in ("jong_dossier", "jonge_inlog", "oude_mfa")}
    for oud, jong in zip(logboeken["oude_axes"], logboeken["jonge_axes"], strict=True):
        assert not type(oud).objects.filter(pk=oud.pk).exists()
        assert type(jong).objects.filter(pk=jong.pk).exists()
    assert list(Session.objects.values_list("session_key", flat=True)) == [logboeken["geldig"]]
    tekst = uit.getvalue()
    assert "toegangslog: 1" in tekst
    assert "mislukte inlogpogingen (toegangslog): 2" in tekst
    assert "verlopen sessies: 1" in tekst
    # Het opschonen staat zelf in het log, met alleen aantallen.
    regel = Toegangslog.objects.get(actie=Actie.OPGESCHOOND)
    assert regel.gebruikersnaam == "systeem: manage.py logboeken_opschonen"
    assert regel.toelichting.startswith("toegangslog 1, inlogpogingen 2")


def test_proefdraai_verwijdert_niets(logboeken):
    voor = (Toegangslog.objects.count(), AccessAttempt.objects.count(), Session.objects.count())
    uit = io.StringIO()
    call_command("logboeken_opschonen", "--dry-run", stdout=uit)
    assert (Toegangslog.objects.count(), AccessAttempt.objects.count(),
            Session.objects.count()) == voor
    assert "Proefdraai: 7 regels zou verwijderen." in uit.getvalue()


def test_termijnen_komen_uit_de_instellingen(logboeken, settings):
    settings.BEWAARTERMIJN_TOEGANGSLOG_MAANDEN = 12
    settings.BEWAARTERMIJN_INLOGPOGINGEN_DAGEN = 30
    call_command("logboeken_opschonen", stdout=io.StringIO())
    assert not Toegangslog.objects.filter(pk=logboeken["jong_dossier"].pk).exists()
    assert not Toegangslog.objects.filter(pk=logboeken["jonge_inlog"].pk).exists()
    assert Toegangslog.objects.filter(pk=logboeken["oude_mfa"].pk).exists()


def test_een_tweede_keer_verwijdert_niets_meer(logboeken):
    call_command("logboeken_opschonen", stdout=io.StringIO())
    uit = io.StringIO()
    call_command("logboeken_opschonen", stdout=uit)
    assert "0 regels verwijderd." in uit.getvalue()


def test_nachtelijke_taak_schoont_op_zoals_het_commando(logboeken):
    from gemeenten.tasks import logboeken_opschonen_taak

    # toegangslog 1, mislukte inlogpogingen 2, django-axes 3 (één per tabel), sessies 1.
    assert logboeken_opschonen_taak.delay().get() == {"verwijderd": 7}

    over = set(Toegangslog.objects.exclude(actie=Actie.OPGESCHOOND).values_list("pk", flat=True))
    assert over == {logboeken[k].pk for k in ("jong_dossier", "jonge_inlog", "oude_mfa")}
    assert list(Session.objects.values_list("session_key", flat=True)) == [logboeken["geldig"]]
    uit = io.StringIO()
    call_command("logboeken_opschonen", stdout=uit)
    assert "0 regels verwijderd." in uit.getvalue()
