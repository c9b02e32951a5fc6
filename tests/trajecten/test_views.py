"""Viewtests van de werkplek: elke pagina en elk formulier, succes en elke foutroute.

De tests kijken naar wat een medewerker merkt: statuscode, de Nederlandse melding op de
pagina, wat er wel of niet is opgeslagen, en waar hij naartoe gaat (POST-redirect-GET).
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.factories import LidmaatschapFactory
from rapportage.models import Programma
from tests.trajecten.hulp import verstuur
from trajecten.constants import ContactSoort, Soort, Status
from trajecten.factories import (
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    genereer_bsn,
)
from trajecten.models import Contactmoment, Deelnemer, Intake, Plaatsing, Traject, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()


@pytest.fixture
def deelnemer(groningen):
    return DeelnemerFactory(gemeente=groningen, talen=["ar"], voornaam="Rania",
                            achternaam="Haddad")


@pytest.fixture
def actief(deelnemer, vervolg):
    return TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True)


def tekst(response) -> str:
    return response.content.decode()


def dossier_url(deelnemer) -> str:
    return reverse("trajecten:dossier", args=[deelnemer.pk])


def iso(datum: datetime.date) -> str:
    return datum.isoformat()


def heeft_veldfout(response, veld: str, melding: str) -> bool:
    """De melding staat bij het veld (met de id waar aria-describedby naar wijst) én in het
    foutoverzicht bovenaan."""
    html = tekst(response)
    bij_veld = re.search(
        rf'id="id_{veld}_error">(?:(?!</div>).)*{re.escape(melding)}', html, re.S
    )
    return bool(bij_veld) and 'id="foutoverzicht"' in html and melding in html


# ---------------------------------------------------------------------------------------------
# Werkvoorraad
# ---------------------------------------------------------------------------------------------


class TestWerkvoorraad:
    def test_een_lijst_met_vervaldatum_dagen_te_laat_en_actielinks(self, mw, groningen,
                                                                    vervolg, medewerker):
        zonder_intake = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg,
                                       aanmelddatum=VANDAAG - datetime.timedelta(days=20),
                                       behandelaar=medewerker)
        zonder_coach = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg,
                                      gestart=True, behandelaar=medewerker)
        ContactmomentFactory(traject=zonder_coach)
        r = mw.get(reverse("trajecten:werkvoorraad"))
        assert r.status_code == 200
        html = tekst(r)
        assert "Er staan 2 acties voor u klaar, de oudste bovenaan." in html
        tabel = html[html.index("<tbody"):]
        # De coach was al bij de start (24 dagen geleden) nodig, de intake 6 dagen geleden.
        assert tabel.index("Zonder (geldige) coach") < tabel.index("Intake te laat")
        te_laat = (VANDAAG - datetime.timedelta(days=6)).strftime("%d-%m-%Y")
        assert f"{te_laat}</time>" in html
        assert reverse("trajecten:intake", args=[zonder_intake.pk]) in html
        assert reverse("trajecten:coach_toewijzen", args=[zonder_coach.pk]) in html
        assert 'class="utrecht-table__cell actiecel"' in html and "tabel-stapel" in html

    def test_mijn_dossiers_en_alle_dossiers_blijft_voor_de_sessie(
        self, mw, groningen, vervolg, medewerker
    ):
        collega = LidmaatschapFactory(gemeente=groningen, rol="medewerker").user
        TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Vancollega",
                       programma=vervolg, gestart=True, behandelaar=collega)
        url = reverse("trajecten:werkvoorraad")
        html = tekst(mw.get(url))
        assert "Vancollega" not in html and 'aria-current="page">Mijn dossiers' in html
        assert "Vancollega" in tekst(mw.get(url, {"bereik": "alle"}))
        assert "Vancollega" in tekst(mw.get(url))  # de keuze blijft
        lijst = tekst(mw.get(reverse("trajecten:deelnemer_lijst")))
        assert "Vancollega" in lijst  # ook op de deelnemerslijst
        assert "Vancollega" not in tekst(mw.get(url, {"bereik": "mijn"}))

    def test_leeg(self, mw):
        r = mw.get(reverse("trajecten:werkvoorraad"))
        assert "Er staat niets voor u klaar" in tekst(r)


# ---------------------------------------------------------------------------------------------
# Deelnemerslijst en BSN-zoeken
# ---------------------------------------------------------------------------------------------


class TestDeelnemerLijst:
    def test_lijst_toont_eigen_deelnemers_met_gemaskeerd_bsn(self, mw, deelnemer, emmen):
        ander = DeelnemerFactory(gemeente=emmen, achternaam="Anders-Emmen")
        r = mw.get(reverse("trajecten:deelnemer_lijst"), {"status": "geen"})
        html = tekst(r)
        assert r.status_code == 200
        assert "Haddad, Rania" in html
        assert "*****" + deelnemer.bsn[-4:] in html
        assert deelnemer.bsn not in html
        assert ander.achternaam not in html

    def test_zoeken_op_naam_en_vnummer(self, mw, deelnemer, groningen):
        DeelnemerFactory(gemeente=groningen, voornaam="Yonas", achternaam="Kidane",
                         v_nummer="3999999999")
        zoeken = reverse("trajecten:deelnemer_zoeken")
        r = mw.post(zoeken, {"zoek": "rania hadd", "status": ""}, follow=True)
        assert "Haddad, Rania" in tekst(r) and "Kidane" not in tekst(r)
        r = mw.post(zoeken, {"zoek": "3999999999", "status": ""}, follow=True)
        assert "Kidane" in tekst(r) and "Haddad" not in tekst(r)

    def test_filter_op_status_coach_en_programma(self, mw, groningen, vervolg):
        coach = CoachFactory(gemeenten=[groningen])
        met = TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Metcoach",
                             programma=vervolg, gestart=True, coach=coach)
        TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Zondercoach",
                       programma=vervolg)
        url = reverse("trajecten:deelnemer_lijst")
        r = mw.get(url, {"status": "actief"})
        assert "Metcoach" in tekst(r) and "Zondercoach" not in tekst(r)
        r = mw.get(url, {"coach": coach.pk})
        assert "Metcoach" in tekst(r) and "Zondercoach" not in tekst(r)
        r = mw.get(url, {"programma": vervolg.pk, "status": "aangemeld"})
        assert "Zondercoach" in tekst(r) and "Metcoach" not in tekst(r)
        assert met.coach.naam in mw.get(url).content.decode()

    def test_filter_op_andere_gemeente_geeft_nederlandse_fout(self, mw, emmen):
        r = mw.get(reverse("trajecten:deelnemer_lijst"), {"gemeente": emmen.pk})
        assert r.status_code == 200
        assert "Selecteer een geldige keuze" in tekst(r)

    def test_sorteren_en_pagineren(self, mw, groningen):
        for naam in ["Zwart", "Appel", "Mulder"]:
            DeelnemerFactory(gemeente=groningen, achternaam=naam)
        url = reverse("trajecten:deelnemer_lijst")
        html = tekst(mw.get(url, {"o": "-naam", "status": "geen"}))
        assert html.index("Zwart") < html.index("Mulder") < html.index("Appel")
        assert 'aria-sort="descending"' in html
        html = tekst(mw.get(url, {"o": "naam", "status": "geen"}))
        assert html.index("Appel") < html.index("Mulder") < html.index("Zwart")
        DeelnemerFactory.create_batch(25, gemeente=groningen)
        r = mw.get(url, {"page": 2, "status": "geen"})
        assert "Pagina 2 van 2" in tekst(r)
        assert mw.get(url, {"page": "geen-getal"}).status_code == 200

    def test_bsn_zoeken_stuurt_door_naar_dossier(self, mw, deelnemer):
        r = mw.post(reverse("trajecten:bsn_zoeken"), {"bsn": deelnemer.bsn})
        assert r.status_code == 302
        assert r.url == dossier_url(deelnemer)
        assert deelnemer.bsn not in r.url

    def test_bsn_zoeken_niet_gevonden(self, mw, emmen):
        ander = DeelnemerFactory(gemeente=emmen)
        r = mw.post(reverse("trajecten:bsn_zoeken"), {"bsn": ander.bsn})
        assert r.status_code == 200
        assert "Geen deelnemer gevonden" in tekst(r)
        assert reverse("trajecten:deelnemer_nieuw") + "?met=bsn" in tekst(r)

    def test_bsn_zoeken_ongeldig_bsn(self, mw):
        r = mw.post(reverse("trajecten:bsn_zoeken"), {"bsn": "123456789"})
        assert heeft_veldfout(r, "bsn", "11-proef")

    def test_bsn_zoeken_formulier_per_get(self, mw):
        r = mw.get(reverse("trajecten:bsn_zoeken"))
        assert r.status_code == 200
        assert 'method="post"' in tekst(r)


# ---------------------------------------------------------------------------------------------
# Registreren en wijzigen
# ---------------------------------------------------------------------------------------------


def registratie(groningen, **extra):
    data = {
        "voornaam": "Semhar", "achternaam": "Tesfay", "geboortedatum": "1990-05-01",
        "land_van_herkomst": "ER", "gemeente": groningen.pk, "bsn": "", "v_nummer": "",
        "telefoon": "", "email": "", "datum_verblijfsvergunning": "", "taalniveau": "a2",
        "talen": ["ti", "en"], "opleidingsniveau": "mbo", "inburgering": "bezig",
        "toestemming_datum": iso(VANDAAG),
    }
    data.update(extra)
    return data


class TestDeelnemerNieuw:
    url = "/deelnemers/nieuw/"

    def test_formulier_toegankelijk(self, mw):
        r = mw.get(self.url)
        html = tekst(r)
        assert r.status_code == 200
        assert '<label class="utrecht-form-label" for="id_voornaam">' in html
        assert 'type="date"' in html
        assert 'aria-describedby="id_toestemming_datum_helptext"' in html

    def test_registreren_en_door_naar_dossier(self, mw, groningen):
        bsn = genereer_bsn()
        r = mw.post(self.url, registratie(groningen, bsn=bsn))
        d = Deelnemer.objects.get()
        assert r.status_code == 302 and r.url == dossier_url(d)
        assert (d.bsn, d.talen, d.gemeente) == (bsn, ["ti", "en"], groningen)
        assert "De deelnemer is geregistreerd." in tekst(mw.get(r.url))

    def test_verplichte_velden_met_fout_bij_veld(self, mw, groningen):
        r = mw.post(self.url, registratie(groningen, voornaam="", geboortedatum=""))
        assert r.status_code == 200
        assert heeft_veldfout(r, "voornaam", "Dit veld is verplicht.")
        assert 'aria-invalid="true"' in tekst(r)
        assert 'href="#id_voornaam"' in tekst(r)
        assert not Deelnemer.objects.exists()

    def test_ongeldig_bsn(self, mw, groningen):
        r = mw.post(self.url, registratie(groningen, bsn="123456789"))
        assert heeft_veldfout(r, "bsn", "Dit is geen geldig BSN")
        assert not Deelnemer.objects.exists()

    def test_geboortedatum_in_toekomst(self, mw, groningen):
        morgen = iso(VANDAAG + datetime.timedelta(days=1))
        r = mw.post(self.url, registratie(groningen, geboortedatum=morgen))
        assert heeft_veldfout(r, "geboortedatum",
                              "De geboortedatum kan niet in de toekomst liggen.")

    def test_bestaand_bsn_geweigerd_met_link_naar_dossier(self, mw, groningen, deelnemer):
        r = mw.post(self.url, registratie(groningen, bsn=deelnemer.bsn))
        assert heeft_veldfout(r, "bsn", "Er is al een deelnemer met dit BSN geregistreerd.")
        assert dossier_url(deelnemer) in tekst(r)
        assert Deelnemer.objects.count() == 1

    def test_waarschuwing_bij_mogelijk_dubbel_en_toch_aanmaken(self, mw, groningen):
        bestaand = DeelnemerFactory(gemeente=groningen, voornaam="Semhar",
                                    achternaam="Tesfay", geboortedatum=datetime.date(1990, 5, 1))
        r = mw.post(self.url, registratie(groningen))
        html = tekst(r)
        assert r.status_code == 200
        assert "Bestaat deze deelnemer al?" in html
        assert dossier_url(bestaand) in html
        assert "Toch aanmaken" in html
        assert Deelnemer.objects.count() == 1

        r = mw.post(self.url, registratie(groningen, dubbel_bevestigd="true"))
        assert r.status_code == 302
        assert Deelnemer.objects.count() == 2

    def test_gemeente_van_ander_niet_te_kiezen(self, mw, emmen):
        r = mw.post(self.url, registratie(emmen))
        assert heeft_veldfout(r, "gemeente", "Selecteer een geldige keuze")
        assert not Deelnemer.objects.exists()

    def test_dubbel_verzonden_een_deelnemer(self, mw, groningen):
        data = registratie(groningen, bsn=genereer_bsn())
        eerste, tweede = mw.post(self.url, data), mw.post(self.url, data)
        assert eerste.status_code == tweede.status_code == 302
        assert eerste.url == tweede.url
        assert Deelnemer.objects.count() == 1


class TestDeelnemerWijzigen:
    def test_toestemming_vastleggen(self, mw, groningen):
        d = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
        url = reverse("trajecten:deelnemer_wijzigen", args=[d.pk])
        r = mw.get(url)
        assert r.status_code == 200 and d.voornaam in tekst(r)
        data = registratie(groningen, voornaam=d.voornaam, achternaam=d.achternaam,
                           geboortedatum=iso(d.geboortedatum), bsn=d.bsn)
        del data["gemeente"]
        r = verstuur(mw, url, data)
        assert r.status_code == 302
        d.refresh_from_db()
        assert d.toestemming_datum == VANDAAG

    def test_fout_niets_opgeslagen(self, mw, deelnemer):
        url = reverse("trajecten:deelnemer_wijzigen", args=[deelnemer.pk])
        data = registratie(deelnemer.gemeente, voornaam="Nieuw", email="geen-mail")
        r = mw.post(url, data)
        assert heeft_veldfout(r, "email", "Voer een geldig e-mailadres in.")
        deelnemer.refresh_from_db()
        assert deelnemer.voornaam == "Rania"


# ---------------------------------------------------------------------------------------------
# Dossier
# ---------------------------------------------------------------------------------------------


class TestDossier:
    def test_dossier_toont_alles_als_een_tijdlijn(self, mw, deelnemer, vervolg, groningen):
        coach = CoachFactory(gemeenten=[groningen], naam="Coach Carla")
        traject = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True,
                                 coach=coach)
        IntakeFactory(traject=traject, beroepswens="Verpleegkundige",
                      actieplan="Taalcursus B1")
        PlaatsingFactory(traject=traject, functie="Zorghulp")
        ContactmomentFactory(traject=traject, soort=ContactSoort.NAZORG,
                             notitie="Eerste nazorgcontact")
        r = mw.get(dossier_url(deelnemer))
        html = tekst(r)
        assert r.status_code == 200
        for verwacht in ("Rania Haddad", "Coach Carla", "Verpleegkundige", "Taalcursus B1",
                         "Zorghulp", "Eerste nazorgcontact", "Vervolg Banenoffensief",
                         "Tijdlijn", "Wijzigingshistorie"):
            assert verwacht in html, verwacht
        assert deelnemer.geboortedatum.strftime("%d-%m-%Y") in html
        assert "*****" + deelnemer.bsn[-4:] in html

    def test_historie_maskeert_bsn(self, mw, medewerker, deelnemer):
        from trajecten import services

        oud = deelnemer.bsn
        nieuw = genereer_bsn()
        services.deelnemer_wijzigen(deelnemer=deelnemer, door=medewerker, bsn=nieuw)
        html = tekst(mw.get(dossier_url(deelnemer)))
        historie = html[html.index('id="historie"'):]
        assert "*****" + oud[-4:] in historie
        assert "*****" + nieuw[-4:] in historie
        assert oud not in html

    def test_historie_toont_geen_technische_velden(self, mw, medewerker, deelnemer):
        from trajecten import services

        services.deelnemer_wijzigen(deelnemer=deelnemer, door=medewerker, telefoon="0612345678")
        html = tekst(mw.get(dossier_url(deelnemer)))
        historie = html[html.index('id="historie"'):]
        assert "0612345678" in historie
        assert "versie" not in historie.lower()
        assert "gewijzigd op" not in historie.lower()

    def test_zonder_traject_en_zonder_toestemming(self, mw, groningen):
        d = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
        html = tekst(mw.get(dossier_url(d)))
        assert "nog geen toestemming" in html
        assert "Deze deelnemer heeft nog geen traject." in html

    def test_aantal_queries_hangt_niet_af_van_omvang(self, mw, deelnemer, vervolg,
                                                     django_assert_max_num_queries):
        def aantal():
            with CaptureQueriesContext(connection) as ctx:
                assert mw.get(dossier_url(deelnemer)).status_code == 200
            return len(ctx)

        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True)
        IntakeFactory(traject=t)
        PlaatsingFactory(traject=t)
        ContactmomentFactory(traject=t)
        klein = aantal()
        PlaatsingFactory.create_batch(5, traject=t)
        ContactmomentFactory.create_batch(10, traject=t)
        assert aantal() == klein


# ---------------------------------------------------------------------------------------------
# Acties vanuit het dossier
# ---------------------------------------------------------------------------------------------


class TestTrajectStarten:
    def test_starten(self, mw, deelnemer, vervolg):
        url = reverse("trajecten:traject_starten", args=[deelnemer.pk])
        assert mw.get(url).status_code == 200
        r = mw.post(url, {"programma": vervolg.pk, "uitvoerder": "uaf",
                          "aanmelddatum": iso(VANDAAG)})
        assert r.status_code == 302 and r.url == dossier_url(deelnemer) + "#traject"
        t = Traject.objects.get()
        assert (t.status, t.uitvoerder, t.gemeente) == ("aangemeld", "uaf", deelnemer.gemeente)

    def test_zonder_toestemming_geweigerd(self, mw, groningen, vervolg):
        d = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
        url = reverse("trajecten:traject_starten", args=[d.pk])
        assert "Zonder toestemming kan er geen traject starten" in tekst(mw.get(url))
        r = mw.post(url, {"programma": vervolg.pk, "uitvoerder": "uaf",
                          "aanmelddatum": iso(VANDAAG)})
        assert r.status_code == 200
        assert "de deelnemer heeft nog geen toestemming gegeven" in tekst(r)
        assert not Traject.objects.exists()

    def test_afgelopen_programma(self, mw, deelnemer):
        oud = Programma.objects.get(naam="Banenoffensief Vluchtelingen")
        r = mw.post(reverse("trajecten:traject_starten", args=[deelnemer.pk]),
                    {"programma": oud.pk, "uitvoerder": "uaf", "aanmelddatum": iso(VANDAAG)})
        assert heeft_veldfout(r, "programma", "Kies een programma dat vandaag loopt")
        assert not Traject.objects.exists()

    def test_al_een_open_traject(self, mw, actief, vervolg):
        r = mw.post(reverse("trajecten:traject_starten", args=[actief.deelnemer_id]),
                    {"programma": vervolg.pk, "uitvoerder": "uwv", "aanmelddatum": iso(VANDAAG)})
        assert "al een lopend traject" in tekst(r)
        assert Traject.objects.count() == 1

    def test_aanmelddatum_in_toekomst(self, mw, deelnemer, vervolg):
        r = mw.post(reverse("trajecten:traject_starten", args=[deelnemer.pk]),
                    {"programma": vervolg.pk, "uitvoerder": "uaf",
                     "aanmelddatum": iso(VANDAAG + datetime.timedelta(days=3))})
        assert heeft_veldfout(r, "aanmelddatum", "De aanmelddatum kan niet in de toekomst liggen.")


class TestIntake:
    def data(self, **extra):
        d = {"datum": iso(VANDAAG), "beroepswens": "Lasser", "sector": "techniek",
             "belemmeringen": ["taal", "kinderopvang"], "actieplan": "Taal B1, dan stage"}
        d.update(extra)
        return d

    def test_intake_vastleggen(self, mw, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg)
        url = reverse("trajecten:intake", args=[t.pk])
        html = tekst(mw.get(url))
        assert 'type="checkbox"' in html and "kinderopvang" in html
        r = verstuur(mw, url, self.data())
        assert r.status_code == 302
        t.refresh_from_db()
        assert (t.status, t.startdatum) == (Status.INTAKE, VANDAAG)
        assert t.intake.belemmeringen == ["taal", "kinderopvang"]
        assert "Lasser" in tekst(mw.get(r.url))

    def test_beroepswens_verplicht_en_datum_in_toekomst(self, mw, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg)
        url = reverse("trajecten:intake", args=[t.pk])
        r = verstuur(mw, url, self.data(beroepswens=""))
        assert heeft_veldfout(r, "beroepswens", "Dit veld is verplicht.")
        r = verstuur(mw, url, self.data(datum=iso(VANDAAG + datetime.timedelta(days=2))))
        assert heeft_veldfout(r, "datum", "De intakedatum kan niet in de toekomst liggen.")
        assert not Intake.objects.exists()

    def test_onbekende_belemmering(self, mw, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg)
        r = mw.post(reverse("trajecten:intake", args=[t.pk]),
                    self.data(belemmeringen=["heimwee"]))
        assert heeft_veldfout(r, "belemmeringen", "Selecteer een geldige keuze")

    def test_bestaande_intake_bijwerken(self, mw, actief):
        IntakeFactory(traject=actief, beroepswens="Kok")
        url = reverse("trajecten:intake", args=[actief.pk])
        assert 'value="Kok"' in tekst(mw.get(url))
        verstuur(mw, url, self.data(datum=iso(actief.startdatum), beroepswens="Chef-kok"))
        intake = Intake.objects.get()
        assert (intake.beroepswens, intake.versie) == ("Chef-kok", 2)


class TestCoachToewijzen:
    def test_suggesties_met_reden_en_beste_match_eerst(self, mw, actief, groningen, emmen):
        IntakeFactory(traject=actief, sector="zorg")
        CoachFactory(gemeenten=[groningen], naam="Bert Zonder Match", talen=["nl"],
                     sectoren=["bouw"])
        CoachFactory(gemeenten=[groningen], naam="Amira Arabisch", talen=["nl", "ar"],
                     sectoren=["zorg"])
        CoachFactory(gemeenten=[groningen], naam="Vera Verlopen", vog_verlopen=True)
        CoachFactory(gemeenten=[emmen], naam="Els Emmen")
        html = tekst(mw.get(reverse("trajecten:coach_toewijzen", args=[actief.pk])))
        assert html.index("Amira Arabisch") < html.index("Bert Zonder Match")
        assert "spreekt Arabisch, net als de deelnemer" in html
        assert "kent de sector zorg en welzijn" in html
        assert "begeleidt nu 0 van maximaal 3 deelnemers" in html
        assert "Vera Verlopen" not in html and "Els Emmen" not in html

    def test_toewijzen(self, mw, actief, groningen):
        coach = CoachFactory(gemeenten=[groningen])
        r = verstuur(mw, reverse("trajecten:coach_toewijzen", args=[actief.pk]),
                     {"coach": coach.pk})
        assert r.status_code == 302
        actief.refresh_from_db()
        assert actief.coach == coach

    def test_service_weigert_wat_het_formulier_ook_stuurt(self, mw, actief, groningen):
        vol = CoachFactory(gemeenten=[groningen], max_deelnemers=1, naam="Volle Coach")
        TrajectFactory(deelnemer__gemeente=groningen, programma=actief.programma, gestart=True,
                       coach=vol)
        zonder_vog = CoachFactory(gemeenten=[groningen], zonder_vog=True, naam="Geen Vog")
        url = reverse("trajecten:coach_toewijzen", args=[actief.pk])
        r = verstuur(mw, url, {"coach": vol.pk})
        assert r.status_code == 200
        assert "het maximum voor deze coach" in tekst(r)
        assert 'id="id_coach_error"' in tekst(r)
        r = verstuur(mw, url, {"coach": zonder_vog.pk})
        assert "Geen Vog heeft geen VOG" in tekst(r)
        actief.refresh_from_db()
        assert actief.coach is None

    def test_geen_keuze(self, mw, actief, groningen):
        CoachFactory(gemeenten=[groningen])
        r = mw.post(reverse("trajecten:coach_toewijzen", args=[actief.pk]), {})
        assert "Kies een coach." in tekst(r)

    def test_geen_coach_beschikbaar(self, mw, actief):
        html = tekst(mw.get(reverse("trajecten:coach_toewijzen", args=[actief.pk])))
        assert "geen coach beschikbaar" in html


class TestStatus:
    def test_alleen_toegestane_overgangen_getoond(self, mw, actief):
        html = tekst(mw.get(reverse("trajecten:status_wijzigen", args=[actief.pk])))
        keuzes = re.findall(r'name="naar" value="(\w+)"', html)
        assert keuzes == ["geplaatst", "afgerond", "uitgevallen"]

    def test_uitgevallen_zonder_reden(self, mw, actief):
        url = reverse("trajecten:status_wijzigen", args=[actief.pk])
        r = verstuur(mw, url, {"naar": "uitgevallen", "reden_uitval": "", "datum": ""})
        assert heeft_veldfout(r, "reden_uitval", "Geef de reden van uitval op.")
        actief.refresh_from_db()
        assert actief.status == Status.ACTIEF

    def test_uitgevallen_met_reden(self, mw, actief):
        url = reverse("trajecten:status_wijzigen", args=[actief.pk])
        r = verstuur(mw, url, {"naar": "uitgevallen", "reden_uitval": "Ziek", "datum": ""})
        assert r.status_code == 302
        actief.refresh_from_db()
        assert (actief.status, actief.einddatum) == (Status.UITGEVALLEN, VANDAAG)

    def test_niet_toegestane_overgang_gepost(self, mw, actief):
        r = verstuur(mw, reverse("trajecten:status_wijzigen", args=[actief.pk]),
                     {"naar": "nazorg", "reden_uitval": "", "datum": ""})
        assert "Van ‘actief’ kan een traject niet naar ‘nazorg’." in tekst(r)
        actief.refresh_from_db()
        assert actief.status == Status.ACTIEF

    def test_geplaatst_zonder_plaatsing(self, mw, actief):
        r = verstuur(mw, reverse("trajecten:status_wijzigen", args=[actief.pk]),
                     {"naar": "geplaatst", "reden_uitval": "", "datum": ""})
        assert "Registreer eerst een plaatsing" in tekst(r)

    def test_afgesloten_traject(self, mw, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, uitgevallen=True)
        html = tekst(mw.get(reverse("trajecten:status_wijzigen", args=[t.pk])))
        assert "de status kan niet meer veranderen" in html


class TestPlaatsing:
    def data(self, traject, **extra):
        d = {"soort": "baan", "werkgever": "", "werkgever_naam": "", "werkgever_kvk_nummer": "",
             "werkgever_sector": "", "functie": "Lasser",
             "startdatum": iso(traject.startdatum + datetime.timedelta(days=2)),
             "einddatum": "", "uren_per_week": "32", "contractvorm": "bepaalde_tijd"}
        d.update(extra)
        return d

    def test_bestaande_werkgever_en_status_geplaatst(self, mw, actief):
        w = WerkgeverFactory(gemeente=actief.gemeente, naam="Metaalbedrijf Hoogkerk")
        url = reverse("trajecten:plaatsing_nieuw", args=[actief.pk])
        assert "Metaalbedrijf Hoogkerk" in tekst(mw.get(url))
        r = mw.post(url, self.data(actief, werkgever=w.pk))
        assert r.status_code == 302
        actief.refresh_from_db()
        assert actief.status == Status.GEPLAATST
        assert Plaatsing.objects.get().werkgever == w

    def test_nieuwe_werkgever_ter_plekke(self, mw, actief):
        r = mw.post(reverse("trajecten:plaatsing_nieuw", args=[actief.pk]), self.data(
            actief, werkgever_naam="Bouwbedrijf Noord", werkgever_kvk_nummer="11223344",
            werkgever_sector="bouw",
        ))
        assert r.status_code == 302
        w = Werkgever.objects.get()
        assert (w.naam, w.gemeente) == ("Bouwbedrijf Noord", actief.gemeente)

    def test_dubbelklik_met_nieuwe_werkgever_geeft_een_plaatsing(self, mw, actief):
        """Twee keer verzenden (dubbelklik, of terug en opnieuw): de tweede keer dezelfde
        bevestiging, geen melding dat het KvK-nummer al bestaat, en niets dubbel."""
        url = reverse("trajecten:plaatsing_nieuw", args=[actief.pk])
        data = self.data(actief, werkgever_naam="Bouwbedrijf Noord",
                         werkgever_kvk_nummer="11223344", werkgever_sector="bouw")
        eerste, tweede = mw.post(url, data), mw.post(url, data)
        assert eerste.status_code == tweede.status_code == 302
        assert tweede.url == eerste.url == dossier_url(actief.deelnemer) + "#plaatsingen"
        assert "De plaatsing is geregistreerd." in tekst(mw.get(tweede.url))
        assert (Plaatsing.objects.count(), Werkgever.objects.count()) == (1, 1)

    def test_nieuwe_werkgever_fout_bij_veld(self, mw, actief):
        r = mw.post(reverse("trajecten:plaatsing_nieuw", args=[actief.pk]), self.data(
            actief, werkgever_naam="Bouwbedrijf", werkgever_kvk_nummer="12",
            werkgever_sector="bouw",
        ))
        assert heeft_veldfout(r, "werkgever_kvk_nummer", "acht cijfers")
        assert not Werkgever.objects.exists() and not Plaatsing.objects.exists()

    def test_zonder_werkgever(self, mw, actief):
        r = mw.post(reverse("trajecten:plaatsing_nieuw", args=[actief.pk]), self.data(actief))
        assert heeft_veldfout(r, "werkgever", "Kies een werkgever of maak een nieuwe werkgever")

    def test_datumregels_en_uren(self, mw, actief):
        w = WerkgeverFactory(gemeente=actief.gemeente)
        url = reverse("trajecten:plaatsing_nieuw", args=[actief.pk])
        r = mw.post(url, self.data(actief, werkgever=w.pk, startdatum=iso(
            actief.startdatum - datetime.timedelta(days=1))))
        assert heeft_veldfout(r, "startdatum", "vóór de start van het traject")
        r = mw.post(url, self.data(actief, werkgever=w.pk, einddatum=iso(actief.startdatum)))
        assert heeft_veldfout(r, "einddatum", "De einddatum kan niet vóór de startdatum liggen.")
        r = mw.post(url, self.data(actief, werkgever=w.pk, uren_per_week="61"))
        assert heeft_veldfout(r, "uren_per_week", "Het aantal uren per week ligt tussen 0 en 60.")
        r = mw.post(url, self.data(actief, werkgever=w.pk, uren_per_week="veel"))
        assert heeft_veldfout(r, "uren_per_week", "Voer een geheel getal in.")
        r = mw.post(url, self.data(actief, werkgever=w.pk, startdatum="31-02-2026"))
        assert heeft_veldfout(r, "startdatum", "Voer een geldige datum in.")
        assert not Plaatsing.objects.exists()

    def test_werkgever_van_andere_gemeente(self, mw, actief, emmen):
        w = WerkgeverFactory(gemeente=emmen)
        r = mw.post(reverse("trajecten:plaatsing_nieuw", args=[actief.pk]),
                    self.data(actief, werkgever=w.pk))
        assert heeft_veldfout(r, "werkgever", "Selecteer een geldige keuze")

    def test_dubbel_verzonden_een_plaatsing(self, mw, actief):
        w = WerkgeverFactory(gemeente=actief.gemeente)
        url = reverse("trajecten:plaatsing_nieuw", args=[actief.pk])
        assert mw.post(url, self.data(actief, werkgever=w.pk)).status_code == 302
        assert mw.post(url, self.data(actief, werkgever=w.pk)).status_code == 302
        assert Plaatsing.objects.count() == 1

    def test_beeindigen(self, mw, actief):
        p = PlaatsingFactory(traject=actief, soort=Soort.STAGE)
        url = reverse("trajecten:plaatsing_beeindigen", args=[p.pk])
        assert mw.get(url).status_code == 200
        r = verstuur(mw, url, {"einddatum": iso(p.startdatum - datetime.timedelta(days=1))})
        assert heeft_veldfout(r, "einddatum", "niet vóór de startdatum")
        r = verstuur(mw, url, {"einddatum": iso(p.startdatum + datetime.timedelta(days=3))})
        assert r.status_code == 302
        p.refresh_from_db()
        assert p.einddatum == p.startdatum + datetime.timedelta(days=3)


class TestContact:
    def test_vastleggen_vanuit_dossier(self, mw, actief):
        html = tekst(mw.get(dossier_url(actief.deelnemer)))
        contact_url = reverse("trajecten:contact_nieuw", args=[actief.pk])
        assert f'action="{contact_url}"' in html
        r = mw.post(contact_url, {"soort": "nazorg", "datum": iso(VANDAAG),
                                  "notitie": "Werkt goed"})
        assert r.status_code == 302
        assert r.url == dossier_url(actief.deelnemer) + "#tijdlijn"
        assert Contactmoment.objects.get().soort == ContactSoort.NAZORG

    def test_soort_vooraf_ingevuld_vanuit_werkvoorraad(self, mw, actief):
        url = reverse("trajecten:contact_nieuw", args=[actief.pk])
        html = tekst(mw.get(url + "?soort=nazorg"))
        assert '<option value="nazorg" selected>' in html

    def test_fouten(self, mw, actief):
        url = reverse("trajecten:contact_nieuw", args=[actief.pk])
        r = mw.post(url, {"soort": "roddel", "datum": iso(VANDAAG), "notitie": ""})
        assert heeft_veldfout(r, "soort", "Selecteer een geldige keuze")
        r = mw.post(url, {"soort": "gesprek",
                          "datum": iso(VANDAAG + datetime.timedelta(days=1)), "notitie": ""})
        assert heeft_veldfout(r, "datum", "wat nog komt, plant u als afspraak")
        assert not Contactmoment.objects.exists()

    def test_dubbel_verzonden_een_contact(self, mw, actief):
        url = reverse("trajecten:contact_nieuw", args=[actief.pk])
        data = {"soort": "gesprek", "datum": iso(VANDAAG), "notitie": "Cv"}
        mw.post(url, data)
        mw.post(url, data)
        assert Contactmoment.objects.count() == 1


class TestVerhuizen:
    def test_verhuizen_naar_andere_gemeente(self, mw, actief, emmen):
        url = reverse("trajecten:deelnemer_verhuizen", args=[actief.deelnemer_id])
        r = verstuur(mw, url, {"naar_gemeente": emmen.pk, "bevestigd": "on"})
        assert r.status_code == 302 and r.url == reverse("trajecten:deelnemer_lijst")
        assert "u ziet het niet meer" in tekst(mw.get(r.url))
        actief.refresh_from_db()
        assert actief.gemeente == emmen
        assert mw.get(dossier_url(actief.deelnemer)).status_code == 404

    def test_verhuizen_binnen_eigen_gemeenten_blijft_op_het_dossier(self, mw, medewerker,
                                                                   actief, emmen):
        from gemeenten.constants import Rol
        from gemeenten.factories import LidmaatschapFactory

        LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
        r = verstuur(mw, reverse("trajecten:deelnemer_verhuizen", args=[actief.deelnemer_id]),
                     {"naar_gemeente": emmen.pk, "bevestigd": "on"})
        assert r.status_code == 302 and r.url == dossier_url(actief.deelnemer)
        html = tekst(mw.get(r.url))
        assert "De verhuizing is vastgelegd." in html and "u ziet het niet meer" not in html
        actief.refresh_from_db()
        assert actief.gemeente == emmen

    def test_bevestiging_verplicht(self, mw, actief, emmen):
        r = verstuur(mw, reverse("trajecten:deelnemer_verhuizen", args=[actief.deelnemer_id]),
                     {"naar_gemeente": emmen.pk})
        assert heeft_veldfout(r, "bevestigd", "Bevestig de verhuizing.")
        actief.refresh_from_db()
        assert actief.gemeente.cbs_code == "GM0014"

    def test_naar_eigen_gemeente_niet_te_kiezen(self, mw, actief, groningen):
        r = verstuur(mw, reverse("trajecten:deelnemer_verhuizen", args=[actief.deelnemer_id]),
                     {"naar_gemeente": groningen.pk, "bevestigd": "on"})
        assert heeft_veldfout(r, "naar_gemeente", "Selecteer een geldige keuze")


# ---------------------------------------------------------------------------------------------
# Werkgevers
# ---------------------------------------------------------------------------------------------


class TestWerkgevers:
    def test_lijst_en_zoeken(self, mw, groningen, emmen):
        WerkgeverFactory(gemeente=groningen, naam="Zorggroep Noord", kvk_nummer="12121212")
        WerkgeverFactory(gemeente=emmen, naam="Emmer Metaal")
        url = reverse("trajecten:werkgever_lijst")
        html = tekst(mw.get(url))
        assert "Zorggroep Noord" in html and "Emmer Metaal" not in html
        assert "Zorggroep" in tekst(mw.get(url, {"zoek": "12121212"}))
        assert "Geen werkgevers gevonden" in tekst(mw.get(url, {"zoek": "bestaat-niet"}))

    def test_detail_toont_alleen_plaatsingen_in_eigen_gemeenten(self, mw, groningen, emmen,
                                                               medewerker):
        # Een werkgever in Groningen met een plaatsing van iemand die naar Emmen verhuisde.
        w = WerkgeverFactory(gemeente=groningen)
        eigen = PlaatsingFactory(traject__deelnemer__gemeente=groningen, werkgever=w,
                                 traject__deelnemer__achternaam="Groningsma",
                                 functie="Eigen functie")
        ander = PlaatsingFactory(traject__deelnemer__gemeente=emmen, werkgever=w,
                                 traject__deelnemer__achternaam="Emmenaar",
                                 functie="Functie elders")
        html = tekst(mw.get(reverse("trajecten:werkgever_detail", args=[w.pk])))
        assert "Eigen functie" in html and str(eigen.traject.deelnemer) in html
        assert "Functie elders" not in html and str(ander.traject.deelnemer) not in html

    def test_registreren(self, mw, groningen):
        url = reverse("trajecten:werkgever_nieuw")
        assert mw.get(url).status_code == 200
        data = {"naam": "Kwekerij Het Groene Blad", "kvk_nummer": "55667788",
                "sector": "landbouw", "gemeente": groningen.pk, "werkakkoord": "on",
                "contactpersoon": "", "contact_email": "", "contact_telefoon": ""}
        r = mw.post(url, data)
        w = Werkgever.objects.get()
        assert r.status_code == 302 and r.url == reverse("trajecten:werkgever_detail",
                                                         args=[w.pk])
        assert w.werkakkoord is True
        r = mw.post(url, data)
        assert heeft_veldfout(r, "kvk_nummer", "al een werkgever met dit KvK-nummer")
        r = mw.post(url, {**data, "kvk_nummer": "abc", "naam": ""})
        assert heeft_veldfout(r, "naam", "Dit veld is verplicht.")
        assert Werkgever.objects.count() == 1


# ---------------------------------------------------------------------------------------------
# Een volledig traject in de browser
# ---------------------------------------------------------------------------------------------


def test_van_registratie_tot_nazorg(mw, groningen, vervolg):
    """Registreren → traject → intake → coach → actief → plaatsing → nazorg → afgerond."""
    coach = CoachFactory(gemeenten=[groningen], talen=["nl", "ti"])
    r = mw.post("/deelnemers/nieuw/", registratie(groningen, bsn=genereer_bsn()))
    d = Deelnemer.objects.get()
    r = mw.post(reverse("trajecten:traject_starten", args=[d.pk]),
                {"programma": vervolg.pk, "uitvoerder": "vluchtelingenwerk",
                 "aanmelddatum": iso(VANDAAG - datetime.timedelta(days=20))})
    t = Traject.objects.get()
    verstuur(mw, reverse("trajecten:intake", args=[t.pk]), {
        "datum": iso(VANDAAG - datetime.timedelta(days=15)), "beroepswens": "Monteur",
        "sector": "techniek", "belemmeringen": ["taal"], "actieplan": "Taal en stage",
    })
    verstuur(mw, reverse("trajecten:coach_toewijzen", args=[t.pk]), {"coach": coach.pk})
    verstuur(mw, reverse("trajecten:status_wijzigen", args=[t.pk]),
             {"naar": "actief", "reden_uitval": "", "datum": ""})
    mw.post(reverse("trajecten:plaatsing_nieuw", args=[t.pk]), {
        "soort": "werkervaringsplaats", "werkgever": "", "werkgever_naam": "Garage Oost",
        "werkgever_kvk_nummer": "", "werkgever_sector": "techniek", "functie": "Monteur",
        "startdatum": iso(VANDAAG - datetime.timedelta(days=5)), "einddatum": "",
        "uren_per_week": "24", "contractvorm": "geen",
    })
    t.refresh_from_db()
    assert t.status == Status.GEPLAATST
    verstuur(mw, reverse("trajecten:status_wijzigen", args=[t.pk]),
             {"naar": "nazorg", "reden_uitval": "", "datum": ""})
    mw.post(reverse("trajecten:contact_nieuw", args=[t.pk]),
            {"soort": "nazorg", "datum": iso(VANDAAG), "notitie": "Loopt goed"})
    r = verstuur(mw, reverse("trajecten:status_wijzigen", args=[t.pk]),
                 {"naar": "afgerond", "reden_afgerond": "werk", "reden_uitval": "",
                  "datum": iso(VANDAAG)})
    t.refresh_from_db()
    assert r.status_code == 302
    assert (t.status, t.reden_afgerond, t.coach, t.startdatum, t.einddatum) == (
        Status.AFGEROND, "werk", coach, VANDAAG - datetime.timedelta(days=15), VANDAAG
    )
    html = tekst(mw.get(dossier_url(d)))
    for verwacht in ("Monteur", "Garage Oost", "Loopt goed", "afgerond", coach.naam):
        assert verwacht in html


def test_engelse_vertaling_is_gecompileerd(mw, actief):
    html = tekst(mw.get(reverse("trajecten:werkvoorraad"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Work queue" in html and "Werkvoorraad" not in html
    html = tekst(mw.get(dossier_url(actief.deelnemer), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Personal details" in html
    assert actief.aanmelddatum.strftime("%d-%m-%Y") in html  # datums blijven d-m-Y
    html = tekst(mw.get(dossier_url(actief.deelnemer)))
    assert "Persoonsgegevens" in html


def test_foutpaginas_in_huisstijl(mw, rf):
    from django.views.defaults import server_error

    r = mw.get("/deelnemers/999999/")
    assert r.status_code == 404
    assert "Niet gevonden" in tekst(r) and "utrecht-heading-1" in tekst(r)
    r = server_error(rf.get("/"))
    assert r.status_code == 500
    assert "Er is niets half opgeslagen" in r.content.decode()
