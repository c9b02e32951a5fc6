"""Leesfuncties: wat de werkvoorraad, lijsten en suggesties tonen, en met hoeveel queries.

De aantallen queries worden per lijst op twee omvangen gemeten (5 en 30 rijen): ze moeten
gelijk zijn, anders is er een N+1.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Lidmaatschap
from trajecten import selectors, services
from trajecten.constants import Status
from trajecten.factories import (
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
)
from trajecten.historie import wijzigingshistorie
from trajecten.models import Coach, Deelnemer, Traject

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Scoping
# ---------------------------------------------------------------------------------------------


def test_alleen_eigen_gemeenten(medewerker, coordinator, groningen, emmen):
    eigen = DeelnemerFactory(gemeente=groningen)
    DeelnemerFactory(gemeente=emmen)
    assert list(Deelnemer.objects.voor(medewerker)) == [eigen]
    assert not Deelnemer.objects.voor(coordinator).exists()
    with pytest.raises(Exception) as exc:
        selectors.deelnemer_ophalen(user=coordinator, pk=eigen.pk)
    assert exc.typename == "Http404"


def test_coach_voor_gebruiker_zonder_dubbelen(medewerker, groningen, emmen):
    from gemeenten.constants import Rol
    from gemeenten.factories import LidmaatschapFactory

    LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
    coach = CoachFactory(gemeenten=[groningen, emmen])
    assert list(Coach.objects.voor(medewerker)) == [coach]


# ---------------------------------------------------------------------------------------------
# Deelnemerslijst, coachsuggesties, historie
# ---------------------------------------------------------------------------------------------


def test_lijst_annoteert_het_huidige_traject(medewerker, groningen, vervolg):
    coach = CoachFactory(gemeenten=[groningen], naam="Coach Nu")
    d = DeelnemerFactory(gemeente=groningen)
    TrajectFactory(deelnemer=d, programma=vervolg, uitgevallen=True,
                   aanmelddatum=VANDAAG - 300 * DAG)
    nu = TrajectFactory(deelnemer=d, programma=vervolg, gestart=True, coach=coach)
    rij = selectors.deelnemer_lijst(user=medewerker).get(pk=d.pk)
    assert (rij.traject_id, rij.traject_status, rij.traject_coach_naam) == (
        nu.pk, Status.ACTIEF, "Coach Nu"
    )


def test_coachsuggesties_volgorde_en_uitsluiting(medewerker, groningen, emmen, vervolg):
    d = DeelnemerFactory(gemeente=groningen, talen=["ar", "ku"])
    traject = TrajectFactory(deelnemer=d, programma=vervolg, gestart=True)
    IntakeFactory(traject=traject, sector="zorg")
    druk = CoachFactory(gemeenten=[groningen], naam="Druk", talen=["nl"], sectoren=[],
                        max_deelnemers=5)
    TrajectFactory.create_batch(2, deelnemer__gemeente=groningen, programma=vervolg,
                                gestart=True, coach=druk)
    rustig = CoachFactory(gemeenten=[groningen], naam="Rustig", talen=["nl"], sectoren=[])
    sector = CoachFactory(gemeenten=[groningen], naam="Sector", talen=["nl"], sectoren=["zorg"])
    een_taal = CoachFactory(gemeenten=[groningen], naam="EenTaal", talen=["ar"], sectoren=[])
    twee_talen = CoachFactory(gemeenten=[groningen], naam="TweeTalen", talen=["ar", "ku"],
                              sectoren=[])
    vol = CoachFactory(gemeenten=[groningen], naam="Vol", max_deelnemers=1, talen=["ar", "ku"])
    TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True, coach=vol)
    CoachFactory(gemeenten=[groningen], naam="Inactief", actief=False, talen=["ar", "ku"])
    CoachFactory(gemeenten=[groningen], naam="ZonderVog", zonder_vog=True, talen=["ar", "ku"])
    CoachFactory(gemeenten=[emmen], naam="Emmen", talen=["ar", "ku"])

    suggesties = selectors.coach_suggesties(traject=traject)
    assert [s.coach for s in suggesties] == [twee_talen, een_taal, sector, rustig, druk]
    assert suggesties[0].redenen[0] == "spreekt Arabisch, Koerdisch, net als de deelnemer"
    assert "kent de sector zorg en welzijn (beroepswens)" in suggesties[2].redenen
    assert suggesties[-1].redenen[-1] == "begeleidt nu 2 van maximaal 5 deelnemers"

    services.coach_toewijzen(traject=traject, coach=twee_talen, door=medewerker)
    traject.refresh_from_db()
    assert twee_talen not in [s.coach for s in selectors.coach_suggesties(traject=traject)]


def test_coachsuggesties_een_query(groningen, vervolg, django_assert_num_queries):
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    IntakeFactory(traject=traject)
    CoachFactory.create_batch(6, gemeenten=[groningen])
    traject = Traject.objects.select_related("deelnemer", "intake").get(pk=traject.pk)
    with django_assert_num_queries(1):
        assert len(selectors.coach_suggesties(traject=traject)) == 6


def test_tijdlijn_nieuwste_eerst(medewerker, groningen, vervolg):
    t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    IntakeFactory(traject=t, datum=t.startdatum)
    PlaatsingFactory(traject=t, startdatum=t.startdatum + 2 * DAG,
                     einddatum=t.startdatum + 5 * DAG)
    ContactmomentFactory(traject=t, datum=t.startdatum + 3 * DAG)
    d = selectors.dossier(user=medewerker, pk=t.deelnemer_id)
    soorten = [g.soort for g in selectors.tijdlijn(d)]
    assert soorten == ["plaatsing_einde", "contact_gesprek", "plaatsing", "intake",
                       "aanmelding"]


def test_historie_maskeert_bsn_met_vast_aantal_queries(medewerker, groningen, vervolg):
    d = DeelnemerFactory(gemeente=groningen, toestemming_datum=VANDAAG)
    oud_bsn = d.bsn
    t = services.traject_starten(deelnemer=d, programma=vervolg, uitvoerder="uaf",
                                 door=medewerker)
    services.intake_vastleggen(traject=t, door=medewerker, datum=VANDAAG, beroepswens="Kok")
    eerste, tweede = CoachFactory.create_batch(2, gemeenten=[groningen])
    services.coach_toewijzen(traject=t, coach=eerste, door=medewerker)
    services.coach_toewijzen(traject=t, coach=tweede, door=medewerker)

    def meet():
        dossier = selectors.dossier(user=medewerker, pk=d.pk)
        with CaptureQueriesContext(connection) as ctx:
            historie = wijzigingshistorie(dossier)
        return historie, len(ctx)

    historie, klein = meet()
    # Meer wijzigingen van dezelfde soorten: het aantal queries blijft gelijk.
    for coach in (eerste, tweede, eerste, tweede):
        services.coach_toewijzen(traject=t, coach=coach, door=medewerker)
    services.deelnemer_wijzigen(deelnemer=d, door=medewerker, bsn="")
    services.intake_vastleggen(traject=t, door=medewerker, datum=VANDAAG, beroepswens="Chef")
    historie, groot = meet()
    assert groot == klein <= 6
    alle_waarden = " ".join(f"{o} {n}" for w in historie for _l, o, n in w.velden)
    assert oud_bsn not in alle_waarden
    assert "*****" + oud_bsn[-4:] in alle_waarden
    assert eerste.naam in alle_waarden and tweede.naam in alle_waarden  # namen, geen id's


# ---------------------------------------------------------------------------------------------
# Vaste aantallen queries per lijstpagina, bij 5 en bij 30 rijen
# ---------------------------------------------------------------------------------------------


def aantal_queries(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url, params)
    assert r.status_code == 200
    return len(ctx)


def vul_deelnemers(n, groningen, vervolg):
    coach = CoachFactory(gemeenten=[groningen])
    for _ in range(n):
        t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                           coach=coach)
        PlaatsingFactory(traject=t)


def vul_werkvoorraad(n, groningen, vervolg):
    lang_geleden = VANDAAG - 300 * DAG
    for _ in range(n):
        TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg,
                       aanmelddatum=VANDAAG - 20 * DAG)
        t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg,
                           status=Status.ACTIEF, aanmelddatum=lang_geleden,
                           startdatum=lang_geleden)
        PlaatsingFactory(traject=t, startdatum=lang_geleden + DAG)


def vul_agenda(n, groningen, vervolg):
    medewerker = Lidmaatschap.objects.get(gemeente=groningen, rol="medewerker").user
    maandag = VANDAAG - datetime.timedelta(days=VANDAAG.weekday())
    for i in range(n):
        t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                           behandelaar=medewerker)
        AfspraakFactory(traject=t, datum=maandag + datetime.timedelta(days=i % 7))


@pytest.mark.parametrize("pagina,vul,params,hooguit", [
    ("trajecten:deelnemer_lijst", vul_deelnemers, {}, 12),
    ("trajecten:deelnemer_lijst", vul_deelnemers, {"o": "-coach", "status": "geplaatst"}, 12),
    ("trajecten:deelnemer_lijst", vul_deelnemers, {"programma": "1", "status": "open"}, 12),
    # Eén query per soort signaal (tests/trajecten/test_werkvoorraad.py), plus de vaste
    # queries van elke pagina (sessie, gebruiker, rollen, menu).
    ("trajecten:werkvoorraad", vul_werkvoorraad, {}, 9 + len(selectors.SIGNALEN)),
    ("trajecten:werkgever_lijst", vul_deelnemers, {}, 12),
    ("trajecten:agenda", vul_agenda, {}, 12),
])
def test_lijstpagina_vast_aantal_queries(mw, groningen, vervolg, pagina, vul, params, hooguit):
    url = reverse(pagina)
    vul(5, groningen, vervolg)
    klein = aantal_queries(mw, url, **params)
    vul(25, groningen, vervolg)
    assert aantal_queries(mw, url, **params) == klein
    assert klein <= hooguit


def test_bewaarde_zoekopdracht_vast_aantal_queries(mw, groningen, vervolg):
    """Zoeken op naam (POST, daarna de lijst met alleen de sleutel in de URL)."""
    url = reverse("trajecten:deelnemer_lijst")
    vul_deelnemers(5, groningen, vervolg)
    naar = mw.post(reverse("trajecten:deelnemer_zoeken"), {"zoek": "a", "status": ""})["Location"]
    sleutel = naar.split("zoekopdracht=")[1]
    klein = aantal_queries(mw, url, zoekopdracht=sleutel)
    vul_deelnemers(25, groningen, vervolg)
    assert aantal_queries(mw, url, zoekopdracht=sleutel) == klein


def test_werkgever_detail_vast_aantal_queries(mw, groningen, vervolg):
    w = WerkgeverFactory(gemeente=groningen)
    url = reverse("trajecten:werkgever_detail", args=[w.pk])
    PlaatsingFactory.create_batch(5, traject__deelnemer__gemeente=groningen, werkgever=w)
    klein = aantal_queries(mw, url)
    PlaatsingFactory.create_batch(25, traject__deelnemer__gemeente=groningen, werkgever=w)
    assert aantal_queries(mw, url) == klein


def test_dossier_vast_aantal_queries_bij_veel_historie(mw, medewerker, groningen, vervolg):
    d = DeelnemerFactory(gemeente=groningen, toestemming_datum=VANDAAG)
    t = services.traject_starten(deelnemer=d, programma=vervolg, uitvoerder="uaf",
                                 door=medewerker)
    services.intake_vastleggen(traject=t, door=medewerker, datum=VANDAAG, beroepswens="Kok")
    services.status_wijzigen(traject=t, naar="actief", door=medewerker)
    services.plaatsing_registreren(traject=t, door=medewerker, soort="opleiding",
                                   startdatum=VANDAAG, functie="Taalcursus")
    services.contactmoment_registreren(traject=t, door=medewerker, soort="gesprek",
                                       datum=VANDAAG, notitie="Kennismaking")
    url = reverse("trajecten:dossier", args=[d.pk])
    klein = aantal_queries(mw, url)
    for i in range(5):
        services.plaatsing_registreren(
            traject=t, door=medewerker, soort="opleiding", startdatum=VANDAAG,
            functie=f"Cursus {i}",
        )
        services.contactmoment_registreren(traject=t, door=medewerker, soort="gesprek",
                                           datum=VANDAAG, notitie=f"Gesprek {i}")
    assert aantal_queries(mw, url) == klein
