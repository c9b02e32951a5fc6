"""De versie is verplicht op elk bewerkformulier, en ook de intake heeft er een (issue 12).

Vroeger omzeilde een formulier zonder `versie` (een script, een gemanipuleerde POST) de
optimistische vergrendeling: de service vergeleek dan niets en overschreef een collega. Nu:

- elk bewerkformulier van de werkplek eist de versie: zonder krijgt de gebruiker een Nederlandse
  melding en wordt er niets opgeslagen. Welke formulieren bewerkformulieren zijn, komt uit de
  URLconf: elk patroon met een nummer staat in `BEWERKEN`, `KNOPPEN`, `NIEUW` of `ALLEEN_LEZEN`
  (het agenda-abonnement heeft een geheim token in plaats van een nummer: `ZONDER_FORMULIER`);
- de intake heeft een versie; bijwerken hoogt hem op, en wie een verouderde intake opslaat (ook
  als hij het formulier opende toen er nog geen intake was) krijgt een conflict;
- de admin en `manage.py anonimiseer` hogen de versie van de intake ook op.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.betrouwbaarheid.hulp import formulier, tekst
from tests.beveiliging.urlmatrix import alle_patronen
from trajecten import avg, services
from trajecten.constants import RedenAfgerond, Status
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from trajecten.models import (
    Actie,
    Afspraak,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
)

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
ONVOLLEDIG = "Het formulier is onvolledig verstuurd. Laad de pagina opnieuw"
CONFLICT = "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd"

#: Formulieren die een bestaande rij wijzigen, met een wijziging die zonder versie opgeslagen
#: zou worden.
BEWERKEN = {
    "trajecten:deelnemer_wijzigen": {"telefoon": "0687654321"},
    "trajecten:deelnemer_verhuizen": {"naar_gemeente": "EMMEN", "bevestigd": "on"},
    "trajecten:traject_wijzigen": {"kosten": "1234"},
    "trajecten:intake": {"beroepswens": "Lasser"},
    "trajecten:coach_toewijzen": {"coach": "COACH"},
    "trajecten:status_wijzigen": {"naar": "uitgevallen", "reden_uitval": "Verhuisd"},
    "trajecten:plaatsing_wijzigen": {"functie": "Heftruckchauffeur"},
    "trajecten:plaatsing_beeindigen": {
        "einddatum": (VANDAAG + datetime.timedelta(days=60)).isoformat()
    },
    "trajecten:behandelaar": {"behandelaar": "COLLEGA"},
    "trajecten:afspraak_wijzigen": {"locatie": "Telefonisch"},
    "trajecten:afspraak_gehouden": {"notitie": "Besproken: sollicitatiebrief"},
    "trajecten:afspraak_afmelden": {"status": "niet_verschenen"},
}
#: Een knop die een bestaande rij wijzigt (alleen POST), met de pagina waarop hij staat: de
#: melding komt op die pagina terug.
KNOPPEN = {"trajecten:wachtlijst": "trajecten:coach_toewijzen",
           "trajecten:actie_status": "trajecten:actieplan"}
#: Formulieren die iets nieuws maken (dubbel verzenden regelt de service zelf).
NIEUW = {
    "trajecten:traject_starten", "trajecten:plaatsing_nieuw", "trajecten:contact_nieuw",
    "trajecten:afspraak_nieuw",
    # Issue 14: een actie, een uitgave, een document.
    "trajecten:actieplan", "trajecten:budget", "trajecten:documenten",
}
#: Pagina's zonder formulier dat iets wijzigt.
ALLEEN_LEZEN = {"trajecten:dossier", "trajecten:bsn_tonen", "trajecten:werkgever_detail",
                "trajecten:actieplan_afdrukken", "trajecten:document_downloaden",
                # Een knop die een document verwijdert: er is geen versie om te vergelijken.
                "trajecten:document_verwijderen"}
#: Geen nummer maar een geheim token in het pad, en niets om te wijzigen.
ZONDER_FORMULIER = {"trajecten:agenda_feed"}
#: Werkgevers als partner (issue 16): bewerkformulieren met versie, getest in
#: tests/werkgevers/test_versies.py; formulieren die iets nieuws maken; alleen lezen.
PARTNERS_BEWERKEN = {
    "trajecten:werkgever_relatie", "trajecten:bijeenkomst_detail",
    "trajecten:voordracht_status",
}
PARTNERS_NIEUW = {
    "trajecten:contactpersoon_nieuw", "trajecten:werkgever_contact_nieuw",
    "trajecten:social_return_nieuw", "trajecten:vacature_nieuw", "trajecten:deelname_nieuw",
    "trajecten:voordragen",
}
PARTNERS_LEZEN = {"trajecten:vacature_detail"}

MET_NUMMER = sorted(
    p.sleutel for p in alle_patronen() if p.namespace == "trajecten" and p.parameters
)


@pytest.fixture
def dossier(groningen, vervolg, medewerker, collega):
    from trajecten.factories import CoachFactory

    deelnemer = DeelnemerFactory(gemeente=groningen, telefoon="0611111111")
    traject = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True,
                             behandelaar=medewerker)
    IntakeFactory(traject=traject, beroepswens="Kok")
    plaatsing = PlaatsingFactory(traject=traject, functie="Magazijnmedewerker")
    afspraak = AfspraakFactory(traject=traject, datum=VANDAAG)
    CoachFactory(gemeenten=[groningen])
    actie = ActieFactory(traject=traject)
    return {"deelnemer": deelnemer, "traject": traject, "plaatsing": plaatsing,
            "afspraak": afspraak, "collega": collega, "actie": actie}


def _url(naam: str, dossier) -> str:
    kort = naam.split(":")[1]
    soort = {"deelnemer_wijzigen": "deelnemer", "deelnemer_verhuizen": "deelnemer",
             "plaatsing_wijzigen": "plaatsing", "plaatsing_beeindigen": "plaatsing",
             "actie_status": "actie"}.get(
        kort, "afspraak" if kort.startswith("afspraak_") else "traject")
    return reverse(naam, args=[dossier[soort].pk])


def _invullen(data: dict, wijziging: dict, emmen, dossier) -> dict:
    from trajecten.models import Coach

    for veld, waarde in wijziging.items():
        waarde = {"EMMEN": str(emmen.pk), "COACH": str(Coach.objects.get().pk),
                  "COLLEGA": str(dossier["collega"].pk)}.get(waarde, waarde)
        data[veld] = [waarde]
    return data


def _stand():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Deelnemer, Traject, Intake, Plaatsing, Contactmoment, Afspraak, Actie)
    ]


def test_elk_patroon_met_een_nummer_is_ingedeeld():
    assert set(MET_NUMMER) == (
        set(BEWERKEN) | set(KNOPPEN) | NIEUW | ALLEEN_LEZEN | ZONDER_FORMULIER
        | PARTNERS_BEWERKEN | PARTNERS_NIEUW | PARTNERS_LEZEN
    )


@pytest.mark.parametrize("naam", sorted(BEWERKEN))
def test_zonder_versie_een_melding_en_niets_opgeslagen(
    client, medewerker, dossier, emmen, naam
):
    client.force_login(medewerker)
    url = _url(naam, dossier)
    data = _invullen(formulier(client.get(url)), BEWERKEN[naam], emmen, dossier)
    assert "versie" in data, "het formulier stuurt zijn versie mee"
    voor = _stand()

    zonder = client.post(url, {k: v for k, v in data.items() if k != "versie"})

    assert zonder.status_code == 200
    assert ONVOLLEDIG in tekst(zonder)
    assert _stand() == voor
    # Tegenproef: met de versie wordt precies dit formulier wel opgeslagen.
    assert client.post(url, data).status_code == 302
    assert _stand() != voor


@pytest.mark.parametrize("naam", sorted(KNOPPEN))
def test_knop_zonder_versie_een_melding_en_niets_opgeslagen(client, medewerker, dossier, naam):
    """De wachtlijst-knop staat op 'Coach toewijzen' als er geen coach beschikbaar is."""
    from trajecten.models import Coach

    Coach.objects.update(actief=False)
    client.force_login(medewerker)
    pagina = reverse(KNOPPEN[naam], args=[dossier["traject"].pk])
    url = _url(naam, dossier)
    data = formulier(client.get(pagina), actie=url)
    assert "versie" in data, "de knop stuurt de versie van zijn pagina mee"
    voor = _stand()

    zonder = client.post(url, {k: v for k, v in data.items() if k != "versie"}, follow=True)

    assert ONVOLLEDIG in tekst(zonder)
    assert _stand() == voor
    assert client.post(url, data).status_code == 302
    assert _stand() != voor


# --- de intake -----------------------------------------------------------------------------------


def _intake_url(traject) -> str:
    return reverse("trajecten:intake", args=[traject.pk])


def test_intake_bijwerken_hoogt_de_versie_op(medewerker, dossier):
    traject = dossier["traject"]
    intake = services.intake_vastleggen(
        traject=traject, door=medewerker, datum=traject.startdatum, beroepswens="Chef-kok",
        versie=1,
    )
    assert intake.versie == 2


def test_verouderde_intake_geeft_een_conflict(browser_a, browser_b, dossier):
    url = _intake_url(dossier["traject"])
    a, b = formulier(browser_a.get(url)), formulier(browser_b.get(url))
    a["actieplan"] = ["Eerst taal, dan stage"]
    assert browser_a.post(url, a).status_code == 302
    b["beroepswens"] = ["Lasser"]

    antwoord = browser_b.post(url, b)

    assert CONFLICT in tekst(antwoord)
    assert "Anna de Vries" in tekst(antwoord)
    intake = Intake.objects.get()
    assert (intake.beroepswens, intake.actieplan, intake.versie) == (
        "Kok", "Eerst taal, dan stage", 2)


def test_twee_keer_een_eerste_intake_geeft_een_conflict(
    browser_a, browser_b, groningen, vervolg
):
    """Beiden openen het formulier toen er nog geen intake was (versie 0)."""
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg)
    url = _intake_url(traject)
    a, b = formulier(browser_a.get(url)), formulier(browser_b.get(url))
    assert a["versie"] == ["0"]
    for data, wens in ((a, "Kok"), (b, "Lasser")):
        data.update(datum=[VANDAAG.isoformat()], beroepswens=[wens])
    assert browser_a.post(url, a).status_code == 302

    antwoord = browser_b.post(url, b)

    assert CONFLICT in tekst(antwoord)
    assert Intake.objects.get().beroepswens == "Kok"


def test_dezelfde_eerste_intake_dubbel_verzonden_is_geen_conflict(
    browser_a, groningen, vervolg
):
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg)
    url = _intake_url(traject)
    data = formulier(browser_a.get(url))
    data.update(datum=[VANDAAG.isoformat()], beroepswens=["Kok"])
    assert browser_a.post(url, data).status_code == 302
    assert browser_a.post(url, data).status_code == 302
    intake = Intake.objects.get()
    assert (intake.beroepswens, intake.versie) == ("Kok", 1)


def test_admin_hoogt_de_versie_van_de_intake_op(client, beheerder, dossier):
    intake = dossier["traject"].intake
    client.force_login(beheerder)
    url = f"/admin/trajecten/intake/{intake.pk}/change/"
    data = formulier_admin(client.get(url))
    data["beroepswens"] = "Chef-kok"
    assert client.post(url, data).status_code == 302
    intake.refresh_from_db()
    assert (intake.beroepswens, intake.versie) == ("Chef-kok", 2)


def test_anonimiseren_hoogt_de_versie_van_de_intake_op(dossier):
    """Zo zet een intakeformulier dat nog openstond de beroepswens niet terug."""
    traject = dossier["traject"]
    traject.status, traject.einddatum = Status.AFGEROND, traject.startdatum
    traject.reden_afgerond = RedenAfgerond.WERK
    traject.save()
    avg.anonimiseer(peildatum=VANDAAG + datetime.timedelta(days=365 * 5))
    intake = Intake.objects.get()
    assert (intake.beroepswens, intake.versie) == (avg.VERWIJDERD, 2)


def formulier_admin(antwoord) -> dict:
    """De waarden van het adminformulier (alleen de velden van het model zelf)."""
    form = antwoord.context["adminform"].form
    data = {}
    for naam, veld in form.fields.items():
        waarde = form[naam].value()
        if waarde is None:
            continue
        data[naam] = veld.widget.format_value(waarde) if hasattr(veld.widget, "format_value") \
            and not isinstance(waarde, list) else waarde
    return data

