"""Issue 14: het actieplan (acties, voortgang, werkvoorraad, op papier), het opleidingsbudget,
de overdracht bij een verhuizing en de tijdlijn met wisselingen."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from tests.trajecten.test_selectors import aantal_queries
from trajecten import historie, selectors, services
from trajecten.factories import (
    ActieFactory,
    CoachFactory,
    IntakeFactory,
    OpleidingsbudgetFactory,
    TrajectFactory,
    UitgaveFactory,
)
from trajecten.models import ActieStatus, Uitgave, Verhuizing
from trajecten.services.actieplan import actie_status_wijzigen, actie_toevoegen
from trajecten.services.budget import uitgave_registreren

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def traject(groningen, vervolg, medewerker):
    t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                       behandelaar=medewerker, aanmelddatum=VANDAAG - 60 * DAG,
                       startdatum=VANDAAG - 50 * DAG)
    IntakeFactory(traject=t, medewerker=medewerker, beroepswens="Verpleegkundige",
                  actieplan="Eerst taal, dan de BIG-registratie.")
    return t


# --- acties ------------------------------------------------------------------------------------


def test_actie_toevoegen_en_afvinken(traject, medewerker):
    actie = actie_toevoegen(traject=traject, door=medewerker, omschrijving="Cv maken",
                            uitvoerder="deelnemer", deadline=VANDAAG + 7 * DAG)
    assert actie.status == ActieStatus.OPEN and actie.gedaan_op is None
    # Dubbel verzonden: dezelfde actie, geen tweede.
    assert actie_toevoegen(traject=traject, door=medewerker, omschrijving="Cv maken",
                           uitvoerder="deelnemer", deadline=VANDAAG + 7 * DAG) == actie
    actie = actie_status_wijzigen(actie=actie, door=medewerker, status="gedaan",
                                  versie=actie.versie)
    assert (actie.status, actie.gedaan_op) == (ActieStatus.GEDAAN, VANDAAG)
    actie = actie_status_wijzigen(actie=actie, door=medewerker, status="open",
                                  versie=actie.versie)
    assert actie.gedaan_op is None


def test_actie_met_fouten_slaat_niets_op(traject, medewerker):
    with pytest.raises(ValidationError) as fout:
        actie_toevoegen(traject=traject, door=medewerker, omschrijving=" ",
                        uitvoerder="buurman", deadline=traject.aanmelddatum - DAG)
    assert set(fout.value.error_dict) == {"omschrijving", "uitvoerder", "deadline"}
    assert not traject.acties.exists()


def test_actie_oude_versie_is_conflict(traject, medewerker):
    actie = ActieFactory(traject=traject)
    actie_status_wijzigen(actie=actie, door=medewerker, status="gedaan", versie=1)
    with pytest.raises(services.Bewerkingsconflict):
        actie_status_wijzigen(actie=actie, door=medewerker, status="vervallen", versie=1)


def test_actie_buiten_eigen_gemeente_geweigerd(traject, medewerker_emmen, client):
    actie = ActieFactory(traject=traject)
    client.force_login(medewerker_emmen)
    response = client.post(reverse("trajecten:actie_status", args=[actie.pk]),
                           {"status": "gedaan", "versie": 1})
    assert response.status_code == 404
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN


def test_dossier_toont_voortgang(mw, traject):
    for status in ("gedaan", "gedaan", "open", "vervallen"):
        ActieFactory(traject=traject, status=status)
    ActieFactory(traject=traject, deadline=VANDAAG - 3 * DAG)  # open en verlopen
    response = mw.get(reverse("trajecten:dossier", args=[traject.deelnemer_id]))
    tekst = response.content.decode()
    # Vervallen acties tellen niet mee: 2 van 4.
    assert "2 van 4 acties gedaan" in tekst
    assert "1 actie over de deadline" in tekst


def test_actieplan_pagina_voegt_toe_en_vinkt_af(mw, traject):
    url = reverse("trajecten:actieplan", args=[traject.pk])
    response = mw.post(url, {"omschrijving": "Inschrijven UWV", "uitvoerder": "deelnemer",
                             "deadline": (VANDAAG + 5 * DAG).isoformat()})
    assert response.status_code == 302
    actie = traject.acties.get()
    mw.post(reverse("trajecten:actie_status", args=[actie.pk]),
            {"status": "gedaan", "versie": actie.versie})
    pagina = mw.get(url).content.decode()
    assert "Inschrijven UWV" in pagina and "1 van 1 acties gedaan" in pagina


def test_verlopen_actie_in_werkvoorraad_van_behandelaar(traject, medewerker, collega):
    ActieFactory(traject=traject, omschrijving="Diploma laten waarderen",
                 deadline=VANDAAG - 4 * DAG)
    ActieFactory(traject=traject, deadline=VANDAAG + 4 * DAG)  # nog niet verlopen
    ActieFactory(traject=traject, deadline=VANDAAG - 9 * DAG, status="gedaan")
    regels = [r for r in selectors.werkvoorraad(user=medewerker).regels
              if r.signaal.sleutel == "actie_verlopen"]
    assert len(regels) == 1
    assert "Diploma laten waarderen" in regels[0].detail
    assert regels[0].dagen_te_laat == 4
    assert regels[0].actie_url == reverse("trajecten:actieplan", args=[traject.pk])
    # Niet in 'mijn dossiers' van een collega die geen behandelaar is.
    assert not [r for r in selectors.werkvoorraad(user=collega).regels
                if r.signaal.sleutel == "actie_verlopen"]


# --- op papier ---------------------------------------------------------------------------------


def test_afdrukpagina_heeft_wat_op_papier_hoort(mw, traject):
    traject.coach = CoachFactory(gemeenten=[traject.gemeente], naam="Coach Kees")
    traject.save()
    deelnemer = traject.deelnemer
    deelnemer.bsn = "999990019"
    deelnemer.save()
    ActieFactory(traject=traject, omschrijving="Taalles B1 volgen",
                 deadline=datetime.date(2030, 3, 1))
    ActieFactory(traject=traject, omschrijving="Vervallen actie", status="vervallen")
    response = mw.get(reverse("trajecten:actieplan_afdrukken", args=[traject.pk]))
    tekst = response.content.decode()
    assert response.status_code == 200
    for verwacht in (deelnemer.voornaam, deelnemer.achternaam,
                     deelnemer.geboortedatum.strftime("%d-%m-%Y"), "Coach Kees",
                     "Verpleegkundige", "Taalles B1 volgen", "01-03-2030",
                     "Handtekening deelnemer", "Handtekening behandelaar",
                     deelnemer.get_taalniveau_display()):
        assert verwacht in tekst, verwacht
    assert "999990019" not in tekst and "0019" not in tekst
    assert "Vervallen actie" not in tekst
    assert "<nav" not in tekst and "<button" not in tekst and "<form" not in tekst
    assert "Wijzigingshistorie" not in tekst


# --- opleidingsbudget --------------------------------------------------------------------------


def test_budget_rest_en_overschrijding_met_reden(traject, medewerker, mw):
    OpleidingsbudgetFactory(programma=traject.programma, gemeente=traject.gemeente,
                            bedrag=1500)
    uitgave_registreren(traject=traject, door=medewerker, soort="cursus",
                        bedrag=Decimal("1200"), datum=VANDAAG)
    with pytest.raises(ValidationError) as fout:
        uitgave_registreren(traject=traject, door=medewerker, soort="reiskosten",
                            bedrag=Decimal("400"), datum=VANDAAG)
    assert "reden_overschrijding" in fout.value.error_dict
    assert Uitgave.objects.count() == 1
    over = uitgave_registreren(traject=traject, door=medewerker, soort="reiskosten",
                               bedrag=Decimal("400"), datum=VANDAAG,
                               reden_overschrijding="Examen in Utrecht, akkoord teamleider")
    assert over.goedgekeurd_door == medewerker
    tekst = mw.get(reverse("trajecten:dossier", args=[traject.deelnemer_id])).content.decode()
    assert "€ 1.500,00" in tekst and "€ 1.600,00" in tekst and "over het budget" in tekst


def test_budget_via_formulier(mw, traject):
    OpleidingsbudgetFactory(programma=traject.programma, gemeente=traject.gemeente, bedrag=500)
    url = reverse("trajecten:budget", args=[traject.pk])
    data = {"soort": "cursus", "bedrag": "650", "datum": VANDAAG.isoformat()}
    response = mw.post(url, data)
    assert response.status_code == 200
    assert "Geef een reden" in response.content.decode()
    response = mw.post(url, {**data, "reden_overschrijding": "Duurdere cursus nodig"})
    assert response.status_code == 302
    assert "€ -150,00" in mw.get(url).content.decode()


def test_budget_zonder_regel_is_nul(traject, medewerker):
    with pytest.raises(ValidationError):
        uitgave_registreren(traject=traject, door=medewerker, soort="materiaal",
                            bedrag=Decimal("10"), datum=VANDAAG)


# --- verhuizing en tijdlijn --------------------------------------------------------------------


def test_verhuizing_met_overdrachtsnotitie(traject, medewerker, emmen, client):
    services.deelnemer_verhuizen(
        deelnemer=traject.deelnemer, naar_gemeente=emmen, door=medewerker,
        verhuisdatum=VANDAAG - 2 * DAG, overdrachtsnotitie="Zoekt werk in de zorg; let op taal.",
    )
    verhuizing = Verhuizing.objects.get()
    assert (verhuizing.van_gemeente.naam, verhuizing.naar_gemeente) == ("Groningen", emmen)
    traject.refresh_from_db()
    assert traject.binnengekomen_op == VANDAAG - 2 * DAG
    emmer = LidmaatschapFactory(gemeente=emmen, rol=Rol.MEDEWERKER).user
    regels = [r for r in selectors.werkvoorraad(user=emmer).regels
              if r.signaal.sleutel == "nieuw_in_gemeente"]
    assert [str(r.signaal.titel) for r in regels] == ["Verhuisd naar uw gemeente"]
    client.force_login(emmer)
    tekst = client.get(reverse("trajecten:dossier", args=[traject.deelnemer_id])).content.decode()
    assert "Zoekt werk in de zorg; let op taal." in tekst
    assert "Verhuisd van Groningen naar Emmen" in tekst


def test_verhuisdatum_niet_in_de_toekomst(traject, medewerker, emmen):
    with pytest.raises(ValidationError):
        services.deelnemer_verhuizen(deelnemer=traject.deelnemer, naar_gemeente=emmen,
                                     door=medewerker, verhuisdatum=VANDAAG + DAG)
    assert not Verhuizing.objects.exists()


def test_tijdlijn_toont_coach_en_status(mw, traject, medewerker):
    coach = CoachFactory(gemeenten=[traject.gemeente], naam="Mila Coach")
    services.coach_toewijzen(traject=traject, coach=coach, door=medewerker)
    traject.refresh_from_db()
    services.status_wijzigen(traject=traject, naar="uitgevallen", door=medewerker,
                             reden_uitval="Verhuisd naar het buitenland")
    deelnemer = selectors.dossier(user=medewerker, pk=traject.deelnemer_id)
    titels = [g.titel for g in selectors.tijdlijn(deelnemer, historie.overdrachten(deelnemer))]
    assert "Coach: Mila Coach" in titels
    assert "Status: uitgevallen" in titels


def test_dossier_vast_aantal_queries_met_acties_en_documenten(mw, traject, medewerker):
    url = reverse("trajecten:dossier", args=[traject.deelnemer_id])
    ActieFactory(traject=traject)
    UitgaveFactory(traject=traject)
    klein = aantal_queries(mw, url)
    ActieFactory.create_batch(10, traject=traject)
    UitgaveFactory.create_batch(5, traject=traject)
    assert aantal_queries(mw, url) == klein


def test_budgetlijst_in_admin_vast_aantal_queries(client, beheerder, vervolg):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gemeenten.models import Gemeente
    from trajecten.models import Opleidingsbudget

    gemeenten = list(Gemeente.objects.order_by("pk")[:8])
    client.force_login(beheerder)
    url = reverse("admin:trajecten_opleidingsbudget_changelist")

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx), response.context["cl"].result_count

    for g in gemeenten[:2]:
        OpleidingsbudgetFactory(programma=vervolg, gemeente=g)
    weinig = tel()
    for g in gemeenten[2:]:
        OpleidingsbudgetFactory(programma=vervolg, gemeente=g)
    veel = tel()
    assert weinig[0] == veel[0] and (weinig[1], veel[1]) == (2, len(gemeenten))
    assert Opleidingsbudget.objects.count() == len(gemeenten)


@pytest.mark.parametrize("model", ["actie", "uitgave", "document", "verhuizing"])
def test_adminlijsten_van_issue_14_vast_aantal_queries(client, beheerder, medewerker, groningen,
                                                       emmen, vervolg, model):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from trajecten.factories import demo_pdf
    from trajecten.services.documenten import document_uploaden

    def maak(n):
        for _ in range(n):
            t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
            ActieFactory(traject=t)
            UitgaveFactory(traject=t, goedgekeurd_door=medewerker)
            document_uploaden(deelnemer=t.deelnemer, door=medewerker, soort="cv",
                              bestand=SimpleUploadedFile("cv.pdf", demo_pdf(["Cv"])))
            Verhuizing.objects.create(deelnemer=t.deelnemer, van_gemeente=emmen,
                                      naar_gemeente=groningen)

    client.force_login(beheerder)
    url = reverse(f"admin:trajecten_{model}_changelist")

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx), response.context["cl"].result_count

    maak(2)
    weinig, rijen = tel()
    maak(6)
    veel, rijen_veel = tel()
    assert weinig == veel and (rijen, rijen_veel) == (2, 8)
