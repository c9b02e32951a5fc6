"""Geen verloren wijzigingen: twee medewerkers van Groningen bewerken hetzelfde dossier.

Elke test volgt wat twee mensen doen: beiden openen het formulier (A = Anna de Vries, B = de
andere medewerker), A slaat op, B slaat daarna op vanaf zijn verouderde scherm. B krijgt een
Nederlandse melding die A's wijziging noemt (wie, veld, oud → nieuw), de database houdt A's
waarde, en na opnieuw laden kan B zijn wijziging alsnog opslaan.
"""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from tests.betrouwbaarheid.hulp import HttpsClient, formulier, tekst
from trajecten import services
from trajecten.constants import Contractvorm, Status, Uitvoerder
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    genereer_bsn,
)
from trajecten.models import Deelnemer, Plaatsing, Traject, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
CONFLICT = "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd"


@pytest.fixture
def deelnemer(groningen):
    return DeelnemerFactory(gemeente=groningen, voornaam="Rania", achternaam="Haddad",
                            telefoon="0611111111")


@pytest.fixture
def traject(deelnemer, vervolg):
    return TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True,
                          uitvoerder=Uitvoerder.VLUCHTELINGENWERK, kosten=Decimal("1000"))


@pytest.fixture
def plaatsing(traject):
    return PlaatsingFactory(traject=traject, functie="Magazijnmedewerker", uren_per_week=24,
                            contractvorm=Contractvorm.BEPAALDE_TIJD)


def beide_openen(browser_a, browser_b, url):
    """A en B openen hetzelfde formulier; geeft (gegevens van A, gegevens van B)."""
    a, b = browser_a.get(url), browser_b.get(url)
    assert a.status_code == b.status_code == 200
    return formulier(a), formulier(b)


def conflictblok(antwoord) -> str:
    html = tekst(antwoord)
    assert antwoord.status_code == 200, antwoord.status_code
    assert CONFLICT in html
    begin = html.index('id="conflict"')
    return html[begin:html.index('id="conflict-opnieuw-laden"', begin)]


# ---------------------------------------------------------------------------------------------
# Deelnemer: persoonsgegevens
# ---------------------------------------------------------------------------------------------


def test_deelnemer_tweede_opslag_wordt_geweigerd_en_noemt_de_eerste(
    browser_a, browser_b, deelnemer
):
    url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    assert data_a["versie"] == data_b["versie"] == ["1"]

    data_a["telefoon"] = ["0622222222"]
    assert browser_a.post(url, data_a).status_code == 302

    data_b["achternaam"] = ["Haddad-Khalil"]
    blok = conflictblok(browser_b.post(url, data_b))
    assert "Anna de Vries" in blok
    assert "Telefoon: 0611111111 → 0622222222" in blok

    deelnemer.refresh_from_db()
    assert deelnemer.telefoon == "0622222222"  # A's wijziging staat er
    assert deelnemer.achternaam == "Haddad"  # B heeft niets overschreven
    assert deelnemer.versie == 2

    # B laadt opnieuw (ziet A's telefoon) en voert zijn wijziging opnieuw in.
    opnieuw = formulier(browser_b.get(url))
    assert opnieuw["telefoon"] == ["0622222222"] and opnieuw["versie"] == ["2"]
    opnieuw["achternaam"] = ["Haddad-Khalil"]
    assert browser_b.post(url, opnieuw).status_code == 302
    deelnemer.refresh_from_db()
    assert (deelnemer.achternaam, deelnemer.telefoon) == ("Haddad-Khalil", "0622222222")
    assert deelnemer.versie == 3


def test_deelnemer_opnieuw_versturen_van_een_verouderd_formulier_blijft_geweigerd(
    browser_a, browser_b, deelnemer
):
    """Wie na de melding gewoon nog eens op Opslaan drukt, overschrijft A nog steeds niet."""
    url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    data_a["voornaam"] = ["Rana"]
    browser_a.post(url, data_a)
    data_b["voornaam"] = ["Ranya"]
    conflictblok(browser_b.post(url, data_b))
    conflictblok(browser_b.post(url, data_b))
    deelnemer.refresh_from_db()
    assert deelnemer.voornaam == "Rana"


def test_deelnemer_dubbel_verzonden_formulier_is_geen_conflict(browser_a, deelnemer):
    url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
    data = formulier(browser_a.get(url))
    data["telefoon"] = ["0633333333"]
    assert browser_a.post(url, data).status_code == 302
    tweede = browser_a.post(url, data)  # zelfde versie, zelfde waarden
    assert tweede.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.telefoon == "0633333333" and deelnemer.versie == 2


def test_conflict_over_het_bsn_toont_het_bsn_gemaskeerd(browser_a, browser_b, deelnemer):
    """Ook in een conflictmelding staat nooit een volledig BSN van een ander."""
    url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    oud, nieuw = deelnemer.bsn, genereer_bsn()
    data_a["bsn"] = [nieuw]
    assert browser_a.post(url, data_a).status_code == 302
    data_b["telefoon"] = ["0655555555"]
    blok = conflictblok(browser_b.post(url, data_b))
    assert f"BSN: *****{oud[-4:]} → *****{nieuw[-4:]}" in blok
    assert nieuw not in blok and oud not in blok


def test_deelnemer_met_ongeldige_versie_krijgt_een_melding(browser_a, deelnemer):
    url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
    data = formulier(browser_a.get(url))
    data["versie"] = ["abc"]
    data["telefoon"] = ["0644444444"]
    antwoord = browser_a.post(url, data)
    assert antwoord.status_code == 200
    assert "Het formulier is onvolledig verstuurd" in tekst(antwoord)
    deelnemer.refresh_from_db()
    assert deelnemer.telefoon == "0611111111"


# ---------------------------------------------------------------------------------------------
# Traject: uitvoerder en kosten, coach, status
# ---------------------------------------------------------------------------------------------


def test_traject_wijzigen_tweede_opslag_wordt_geweigerd(browser_a, browser_b, traject):
    url = reverse("trajecten:traject_wijzigen", args=[traject.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    assert data_a["kosten"] == ["1000,00"]

    data_a["kosten"] = ["2500"]
    assert browser_a.post(url, data_a).status_code == 302

    data_b["uitvoerder"] = [Uitvoerder.UAF.value]
    blok = conflictblok(browser_b.post(url, data_b))
    assert "Anna de Vries" in blok
    assert "Kosten (EUR): 1000.00 → 2500" in blok

    traject.refresh_from_db()
    assert traject.kosten == Decimal("2500")
    assert traject.uitvoerder == Uitvoerder.VLUCHTELINGENWERK

    opnieuw = formulier(browser_b.get(url))
    opnieuw["uitvoerder"] = [Uitvoerder.UAF.value]
    assert browser_b.post(url, opnieuw).status_code == 302
    traject.refresh_from_db()
    assert (traject.uitvoerder, traject.kosten) == (Uitvoerder.UAF, Decimal("2500"))


def test_traject_wijzigen_pagina_en_dossierlink(browser_a, traject):
    dossier = tekst(browser_a.get(reverse("trajecten:dossier", args=[traject.deelnemer_id])))
    url = reverse("trajecten:traject_wijzigen", args=[traject.pk])
    assert f'href="{url}"' in dossier
    assert "€ 1.000,00" in dossier
    data = formulier(browser_a.get(url))
    data["kosten"] = ["-5"]
    antwoord = browser_a.post(url, data)
    assert antwoord.status_code == 200
    assert "minstens 0" in tekst(antwoord)
    traject.refresh_from_db()
    assert traject.kosten == Decimal("1000")


def test_coach_toewijzen_tweede_toewijzing_wordt_geweigerd(
    browser_a, browser_b, traject, groningen
):
    eerste = CoachFactory(gemeenten=[groningen], naam="Coach Eerste")
    tweede = CoachFactory(gemeenten=[groningen], naam="Coach Tweede")
    url = reverse("trajecten:coach_toewijzen", args=[traject.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    data_a["coach"] = [str(eerste.pk)]
    assert browser_a.post(url, data_a).status_code == 302
    data_b["coach"] = [str(tweede.pk)]
    blok = conflictblok(browser_b.post(url, data_b))
    assert "Anna de Vries" in blok
    assert "Coach: – → Coach Eerste" in blok
    traject.refresh_from_db()
    assert traject.coach == eerste

    opnieuw = formulier(browser_b.get(url))
    opnieuw["coach"] = [str(tweede.pk)]
    assert browser_b.post(url, opnieuw).status_code == 302
    traject.refresh_from_db()
    assert traject.coach == tweede


def test_status_tweede_wijziging_wordt_geweigerd(browser_a, browser_b, traject):
    url = reverse("trajecten:status_wijzigen", args=[traject.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    data_a.update(naar=["uitgevallen"], reden_uitval=["Verhuisd naar Duitsland"])
    assert browser_a.post(url, data_a).status_code == 302
    data_b.update(naar=["uitgevallen"], reden_uitval=["Langdurig ziek"])
    blok = conflictblok(browser_b.post(url, data_b))
    assert "Status: actief → uitgevallen" in blok
    assert "Verhuisd naar Duitsland" in blok
    traject.refresh_from_db()
    assert traject.status == Status.UITGEVALLEN
    assert traject.reden_uitval == "Verhuisd naar Duitsland"


def test_status_dubbel_verzonden_is_geen_conflict(browser_a, traject):
    url = reverse("trajecten:status_wijzigen", args=[traject.pk])
    data = formulier(browser_a.get(url))
    data.update(naar=["uitgevallen"], reden_uitval=["Verhuisd"], datum=[VANDAAG.isoformat()])
    assert browser_a.post(url, data).status_code == 302
    assert browser_a.post(url, data).status_code == 302
    traject.refresh_from_db()
    assert traject.status == Status.UITGEVALLEN and traject.versie == 2


# ---------------------------------------------------------------------------------------------
# Plaatsing: wijzigen en beëindigen
# ---------------------------------------------------------------------------------------------


def test_plaatsing_wijzigen_tweede_opslag_wordt_geweigerd(browser_a, browser_b, plaatsing):
    url = reverse("trajecten:plaatsing_wijzigen", args=[plaatsing.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    data_a["uren_per_week"] = ["32"]
    assert browser_a.post(url, data_a).status_code == 302
    data_b["functie"] = ["Teamleider magazijn"]
    blok = conflictblok(browser_b.post(url, data_b))
    assert "Anna de Vries" in blok
    assert "Uren per week: 24 → 32" in blok
    plaatsing.refresh_from_db()
    assert (plaatsing.uren_per_week, plaatsing.functie) == (32, "Magazijnmedewerker")

    opnieuw = formulier(browser_b.get(url))
    opnieuw["functie"] = ["Teamleider magazijn"]
    assert browser_b.post(url, opnieuw).status_code == 302
    plaatsing.refresh_from_db()
    assert (plaatsing.uren_per_week, plaatsing.functie) == (32, "Teamleider magazijn")


def test_plaatsing_beeindigen_tweede_einddatum_wordt_geweigerd(browser_a, browser_b, plaatsing):
    url = reverse("trajecten:plaatsing_beeindigen", args=[plaatsing.pk])
    data_a, data_b = beide_openen(browser_a, browser_b, url)
    eerste = plaatsing.startdatum + datetime.timedelta(days=10)
    tweede = plaatsing.startdatum + datetime.timedelta(days=20)
    data_a["einddatum"] = [eerste.isoformat()]
    assert browser_a.post(url, data_a).status_code == 302
    data_b["einddatum"] = [tweede.isoformat()]
    blok = conflictblok(browser_b.post(url, data_b))
    assert f"Einddatum: – → {eerste:%d-%m-%Y}" in blok
    plaatsing.refresh_from_db()
    assert plaatsing.einddatum == eerste


def test_plaatsing_wijzigen_regels(browser_a, plaatsing):
    url = reverse("trajecten:plaatsing_wijzigen", args=[plaatsing.pk])
    dossier = tekst(browser_a.get(reverse("trajecten:dossier",
                                          args=[plaatsing.traject.deelnemer_id])))
    assert f'href="{url}"' in dossier
    data = formulier(browser_a.get(url))
    data["uren_per_week"] = ["61"]
    antwoord = browser_a.post(url, data)
    assert antwoord.status_code == 200
    assert "hoogstens 60" in tekst(antwoord)
    data["uren_per_week"] = ["40"]
    data["einddatum"] = [(plaatsing.startdatum - datetime.timedelta(days=1)).isoformat()]
    antwoord = browser_a.post(url, data)
    assert antwoord.status_code == 200
    assert "De einddatum kan niet vóór de startdatum" in tekst(antwoord)
    plaatsing.refresh_from_db()
    assert plaatsing.einddatum is None and plaatsing.uren_per_week == 24 and plaatsing.versie == 1


# ---------------------------------------------------------------------------------------------
# Toegang tot de nieuwe bewerkpagina's
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["traject_wijzigen", "plaatsing_wijzigen"])
def test_andere_gemeente_krijgt_404_en_andere_rollen_403(
    naam, plaatsing, medewerker_emmen, coordinator, beheerder
):
    obj = plaatsing.traject if naam == "traject_wijzigen" else plaatsing
    url = reverse(f"trajecten:{naam}", args=[obj.pk])
    client = HttpsClient()
    assert client.get(url).status_code == 302  # naar inloggen
    client.force_login(medewerker_emmen)
    assert client.get(url).status_code == 404
    data = {"uitvoerder": "uaf", "kosten": "5", "functie": "x", "uren_per_week": "1",
            "contractvorm": "geen"}
    assert client.post(url, data).status_code == 404
    for gebruiker in (coordinator, beheerder):
        client.force_login(gebruiker)
        assert client.get(url).status_code == 403
    plaatsing.refresh_from_db()
    assert plaatsing.functie == "Magazijnmedewerker" and plaatsing.traject.kosten == 1000


# ---------------------------------------------------------------------------------------------
# Services: versie en historie, ook zonder request
# ---------------------------------------------------------------------------------------------


def test_elke_schrijvende_service_verhoogt_de_versie(medewerker, traject, groningen, emmen):
    deelnemer = traject.deelnemer
    services.traject_wijzigen(traject=traject, door=medewerker, versie=1,
                              uitvoerder=Uitvoerder.UWV, kosten=Decimal("10"))
    services.coach_toewijzen(traject=traject, door=medewerker, versie=2,
                             coach=CoachFactory(gemeenten=[groningen]))
    plaatsing = services.plaatsing_registreren(
        traject=traject, door=medewerker, soort="baan", startdatum=traject.startdatum,
        werkgever=PlaatsingFactory(traject=traject).werkgever, functie="Kok", uren_per_week=32,
    )
    traject.refresh_from_db()
    assert traject.versie == 4 and traject.status == Status.GEPLAATST
    services.plaatsing_beeindigen(plaatsing=plaatsing, door=medewerker, versie=1,
                                  einddatum=traject.startdatum)
    services.plaatsing_wijzigen(plaatsing=plaatsing, door=medewerker, versie=2, functie="Chef",
                                einddatum=None, uren_per_week=10, contractvorm="geen")
    assert Plaatsing.objects.get(pk=plaatsing.pk).versie == 3
    services.deelnemer_wijzigen(deelnemer=deelnemer, door=medewerker, versie=1, v_nummer="1")
    services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=emmen, door=medewerker)
    assert Deelnemer.objects.get(pk=deelnemer.pk).versie == 3
    assert Traject.objects.get(pk=traject.pk).versie == 5


def test_bijgewerkt_actieplan_geeft_geen_conflict_op_het_traject(medewerker, traject):
    """Een intake bijwerken zonder dat het traject verandert, geeft het traject geen nieuwe
    versie; een collega die intussen de kosten wijzigt, krijgt dus geen onnodig conflict."""
    services.intake_vastleggen(traject=traject, door=medewerker, datum=traject.startdatum,
                               beroepswens="Kok")
    traject.refresh_from_db()
    assert traject.versie == 1
    services.traject_wijzigen(traject=traject, door=medewerker, versie=1,
                              uitvoerder=traject.uitvoerder, kosten=Decimal("99"))
    assert Traject.objects.get(pk=traject.pk).kosten == Decimal("99")


def test_conflict_zonder_historie_vergelijkt_met_de_huidige_rij(medewerker, deelnemer):
    """Een wijziging buiten de services om (zonder historie, zoals een databasebeheerder met
    `.update()`) telt ook: de melding noemt wat er nu staat."""
    Deelnemer.objects.filter(pk=deelnemer.pk).update(telefoon="0699999999", versie=2)
    with pytest.raises(services.Bewerkingsconflict) as fout:
        services.deelnemer_wijzigen(deelnemer=deelnemer, door=medewerker, versie=1,
                                    telefoon="0600000000")
    assert "telefoon is nu 0699999999" in fout.value.messages[0]
    assert Deelnemer.objects.get(pk=deelnemer.pk).telefoon == "0699999999"


def a_en_b_tegelijk(*, a, b, a_wacht_in) -> dict:
    """Draait `a()` en `b()` als twee echte, gelijktijdige transacties (elk in een eigen thread
    met een eigen databaseverbinding) en geeft {"A": uitkomst, "B": uitkomst}; een fout is
    ook een uitkomst.

    A blijft staan in `a_wacht_in` (model, methode), dus nadat het de rij vergrendelde. Dan
    start B, dat moet wachten op A's vergrendeling (anders faalt de test); daarna gaat A door.
    """
    model, methode = a_wacht_in
    a_bezig, a_mag_door = threading.Event(), threading.Event()
    uitkomst = {}
    origineel = getattr(model, methode)

    def traag(self, *args, **kwargs):
        if threading.current_thread().name == "A":
            a_bezig.set()
            assert a_mag_door.wait(10)
        return origineel(self, *args, **kwargs)

    def draai(naam, actie):
        try:
            uitkomst[naam] = actie()
        except Exception as exc:  # de test kijkt welke fout het was
            uitkomst[naam] = exc
        finally:
            connection.close()

    setattr(model, methode, traag)
    try:
        draad_a = threading.Thread(target=draai, name="A", args=("A", a))
        draad_a.start()
        assert a_bezig.wait(10)
        draad_b = threading.Thread(target=draai, name="B", args=("B", b))
        draad_b.start()
        draad_b.join(1.0)
        assert draad_b.is_alive(), "B had moeten wachten op de vergrendeling van A"
        a_mag_door.set()
        draad_a.join(10)
        draad_b.join(10)
    finally:
        setattr(model, methode, origineel)
    return uitkomst


alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="rijvergrendeling (SELECT … FOR UPDATE) bestaat alleen op PostgreSQL",
)


@alleen_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gelijktijdige_opslag_op_postgresql_is_atomair(groningen, medewerker, collega, vervolg):
    """Twee echte, gelijktijdige transacties met dezelfde versie: A heeft de rij vergrendeld en
    staat midden in het opslaan; B start dan en moet wachten. Na A's commit krijgt B het
    conflict; de database houdt A's waarde. Zonder de vergrendeling zou B A overschrijven."""
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                             kosten=Decimal("100"))

    def opslaan(door, kosten):
        return lambda: services.traject_wijzigen(
            traject=traject, door=door, versie=1, uitvoerder=traject.uitvoerder, kosten=kosten
        )

    resultaat = a_en_b_tegelijk(
        a=opslaan(collega, Decimal("200")), b=opslaan(medewerker, Decimal("300")),
        a_wacht_in=(Traject, "full_clean"),
    )
    assert isinstance(resultaat["A"], Traject)
    assert isinstance(resultaat["B"], services.Bewerkingsconflict)
    assert "200" in resultaat["B"].messages[0]
    traject.refresh_from_db()
    assert traject.kosten == Decimal("200") and traject.versie == 2


@alleen_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("kvk_nummer", ["", "11223344"], ids=["zonder-kvk", "met-kvk"])
def test_gelijktijdig_dubbel_verzonden_plaatsing_met_nieuwe_werkgever(
    groningen, medewerker, vervolg, kvk_nummer
):
    """Een dubbelklik die als twee gelijktijdige verzoeken binnenkomt: A heeft het traject
    vergrendeld en maakt de werkgever; B wacht, vindt daarna A's plaatsing en krijgt die
    terug. Eén plaatsing, één werkgever, geen KvK-melding."""
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                             status=Status.ACTIEF)

    def registreren():
        return services.plaatsing_registreren(
            traject=traject, door=medewerker, soort="baan", functie="Timmerman",
            startdatum=traject.startdatum, uren_per_week=32, nieuwe_werkgever={
                "naam": "Bouwbedrijf Noord", "kvk_nummer": kvk_nummer, "sector": "bouw",
            },
        )

    resultaat = a_en_b_tegelijk(a=registreren, b=registreren,
                                a_wacht_in=(Werkgever, "full_clean"))
    assert isinstance(resultaat["A"], Plaatsing), resultaat["A"]
    assert resultaat["B"] == resultaat["A"]
    assert (Plaatsing.objects.count(), Werkgever.objects.count()) == (1, 1)
