"""De regels van de werkplek, getest op de services (`trajecten/services/`)."""

import datetime

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError

from gemeenten.models import BsnMelding
from rapportage.models import Programma
from trajecten import services
from trajecten.constants import ContactSoort, RedenAfgerond, Soort, Status, Uitvoerder
from trajecten.factories import (
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    genereer_bsn,
)
from trajecten.models import Contactmoment, Deelnemer, Intake, Plaatsing, Traject, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()


def fouten(exc_info) -> str:
    """Alle meldingen van een ValidationError als één tekst."""
    return " ".join(exc_info.value.messages)


@pytest.fixture
def deelnemer(groningen):
    return DeelnemerFactory(gemeente=groningen, talen=["ar"])


@pytest.fixture
def aangemeld(deelnemer, vervolg):
    return TrajectFactory(deelnemer=deelnemer, programma=vervolg)


@pytest.fixture
def actief(deelnemer, vervolg):
    return TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True)


def registreer(medewerker, gemeente, **extra):
    gegevens = dict(
        door=medewerker, gemeente=gemeente, voornaam="Semhar", achternaam="Tesfay",
        geboortedatum=datetime.date(1990, 5, 1), land_van_herkomst="ER",
        toestemming_datum=VANDAAG,
    )
    gegevens.update(extra)
    return services.deelnemer_registreren(**gegevens)


# ---------------------------------------------------------------------------------------------
# deelnemer_registreren / deelnemer_wijzigen
# ---------------------------------------------------------------------------------------------


class TestDeelnemerRegistreren:
    def test_registreert_in_eigen_gemeente_met_genormaliseerd_bsn(self, medewerker, groningen):
        bsn = genereer_bsn()
        d = registreer(medewerker, groningen, bsn=f"{bsn[:4]} {bsn[4:]}", talen=["ti", "ti"])
        d.refresh_from_db()
        assert d.gemeente == groningen
        assert d.bsn == bsn
        assert d.talen == ["ti"]
        assert d.toestemming_datum == VANDAAG

    def test_andere_gemeente_geweigerd(self, medewerker, emmen):
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, emmen)
        assert "eigen gemeenten" in fouten(exc)
        assert not Deelnemer.objects.exists()

    def test_bestaand_bsn_in_eigen_gemeente_geeft_de_behulpzame_melding(self, medewerker,
                                                                      groningen):
        bestaand = DeelnemerFactory(gemeente=groningen)
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, bsn=bestaand.bsn)
        assert exc.value.message_dict["bsn"] == [
            "Er is al een deelnemer met dit BSN geregistreerd."
        ]
        assert Deelnemer.objects.count() == 1
        assert not BsnMelding.objects.exists()

    def test_bestaand_bsn_in_andere_gemeente_geweigerd_zonder_het_te_zeggen(
        self, medewerker, groningen, emmen
    ):
        bestaand = DeelnemerFactory(gemeente=emmen)
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, bsn=bestaand.bsn)
        assert exc.value.message_dict["bsn"] == [str(services.BSN_NIET_BRUIKBAAR)]
        assert Deelnemer.objects.count() == 1
        melding = BsnMelding.objects.get()
        assert (melding.gemeente, melding.gemeente_dossier, melding.deelnemer_nummer) == (
            groningen, emmen, bestaand.pk)

    def test_ongeldig_bsn_faalt_op_elfproef(self, medewerker, groningen):
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, bsn="123456789")
        assert "11-proef" in fouten(exc)
        assert not Deelnemer.objects.exists()

    def test_zelfde_naam_en_geboortedatum_vraagt_bevestiging(self, medewerker, groningen):
        DeelnemerFactory(gemeente=groningen, voornaam="Semhar", achternaam="Tesfay",
                         geboortedatum=datetime.date(1990, 5, 1))
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, voornaam="semhar", achternaam="TESFAY")
        assert exc.value.code == "mogelijk_dubbel"
        assert "dezelfde naam en geboortedatum" in fouten(exc)
        assert Deelnemer.objects.count() == 1

        registreer(medewerker, groningen, dubbel_bevestigd=True)
        assert Deelnemer.objects.count() == 2

    def test_datums_in_de_toekomst_geweigerd(self, medewerker, groningen):
        morgen = VANDAAG + datetime.timedelta(days=1)
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, geboortedatum=morgen, toestemming_datum=morgen,
                       datum_verblijfsvergunning=morgen)
        meldingen = exc.value.message_dict
        assert meldingen["geboortedatum"] == ["De geboortedatum kan niet in de toekomst liggen."]
        assert "toekomst" in meldingen["toestemming_datum"][0]
        assert "toekomst" in meldingen["datum_verblijfsvergunning"][0]

    def test_te_jong_geweigerd(self, medewerker, groningen):
        with pytest.raises(ValidationError) as exc:
            registreer(medewerker, groningen, geboortedatum=VANDAAG - relativedelta(years=10))
        assert "minstens 15 jaar" in fouten(exc)

    def test_dubbel_verzonden_maakt_een_deelnemer(self, medewerker, groningen):
        bsn = genereer_bsn()
        eerste = registreer(medewerker, groningen, bsn=bsn)
        tweede = registreer(medewerker, groningen, bsn=bsn)
        assert eerste.pk == tweede.pk
        assert Deelnemer.objects.count() == 1


class TestDeelnemerWijzigen:
    def test_toestemming_achteraf_vastleggen(self, medewerker, groningen):
        d = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
        services.deelnemer_wijzigen(deelnemer=d, door=medewerker, toestemming_datum=VANDAAG)
        d.refresh_from_db()
        assert d.toestemming_datum == VANDAAG

    def test_bsn_van_ander_geweigerd(self, medewerker, groningen):
        ander = DeelnemerFactory(gemeente=groningen)
        d = DeelnemerFactory(gemeente=groningen)
        oud = d.bsn
        with pytest.raises(ValidationError) as exc:
            services.deelnemer_wijzigen(deelnemer=d, door=medewerker, bsn=ander.bsn)
        assert "andere deelnemer met dit BSN" in fouten(exc)
        d.refresh_from_db()
        assert d.bsn == oud

    def test_andere_gemeente_geen_toegang(self, medewerker_emmen, groningen):
        d = DeelnemerFactory(gemeente=groningen)
        with pytest.raises(PermissionDenied):
            services.deelnemer_wijzigen(deelnemer=d, door=medewerker_emmen, voornaam="X")


# ---------------------------------------------------------------------------------------------
# traject_starten
# ---------------------------------------------------------------------------------------------


class TestTrajectStarten:
    def test_start_aangemeld_in_gemeente_van_deelnemer(self, medewerker, deelnemer, vervolg):
        t = services.traject_starten(deelnemer=deelnemer, programma=vervolg,
                                     uitvoerder=Uitvoerder.VLUCHTELINGENWERK, door=medewerker)
        assert t.status == Status.AANGEMELD
        assert t.gemeente == deelnemer.gemeente
        assert t.aanmelddatum == VANDAAG
        assert t.startdatum is None

    def test_zonder_toestemming_geweigerd_met_reden(self, medewerker, groningen, vervolg):
        d = DeelnemerFactory(gemeente=groningen, toestemming_datum=None)
        with pytest.raises(ValidationError) as exc:
            services.traject_starten(deelnemer=d, programma=vervolg, uitvoerder=Uitvoerder.UAF,
                                     door=medewerker)
        assert "nog geen toestemming gegeven" in fouten(exc)
        assert not Traject.objects.exists()

    def test_tweede_open_traject_geweigerd(self, medewerker, aangemeld, vervolg):
        # Ander programma/uitvoerder: geen dubbel verzonden formulier maar een echt tweede.
        with pytest.raises(ValidationError) as exc:
            services.traject_starten(deelnemer=aangemeld.deelnemer, programma=vervolg,
                                     uitvoerder=Uitvoerder.UWV, door=medewerker)
        assert "al een lopend traject" in fouten(exc)
        assert Traject.objects.count() == 1

    def test_afgelopen_programma_geweigerd(self, medewerker, deelnemer):
        oud = Programma.objects.get(naam="Banenoffensief Vluchtelingen")
        with pytest.raises(ValidationError) as exc:
            services.traject_starten(deelnemer=deelnemer, programma=oud,
                                     uitvoerder=Uitvoerder.UAF, door=medewerker)
        assert "afgelopen" in exc.value.message_dict["programma"][0]

    def test_andere_gemeente_geen_toegang(self, medewerker_emmen, deelnemer, vervolg):
        with pytest.raises(PermissionDenied):
            services.traject_starten(deelnemer=deelnemer, programma=vervolg,
                                     uitvoerder=Uitvoerder.UAF, door=medewerker_emmen)


# ---------------------------------------------------------------------------------------------
# intake_vastleggen
# ---------------------------------------------------------------------------------------------


class TestIntake:
    def test_zet_aangemeld_op_intake_met_startdatum(self, medewerker, aangemeld):
        datum = VANDAAG - datetime.timedelta(days=2)
        intake = services.intake_vastleggen(
            traject=aangemeld, door=medewerker, datum=datum, beroepswens="Lasser",
            sector="techniek", belemmeringen=["taal", "vervoer"], actieplan="Taal B1",
        )
        aangemeld.refresh_from_db()
        assert aangemeld.status == Status.INTAKE
        assert aangemeld.startdatum == datum
        assert intake.belemmeringen == ["taal", "vervoer"]
        assert intake.medewerker == medewerker

    def test_bijwerken_maakt_geen_tweede_intake(self, medewerker, aangemeld):
        d1 = VANDAAG - datetime.timedelta(days=5)
        d2 = VANDAAG - datetime.timedelta(days=3)
        services.intake_vastleggen(traject=aangemeld, door=medewerker, datum=d1,
                                   beroepswens="Kok")
        services.intake_vastleggen(traject=aangemeld, door=medewerker, datum=d2,
                                   beroepswens="Chef-kok")
        aangemeld.refresh_from_db()
        assert Intake.objects.count() == 1
        assert aangemeld.intake.beroepswens == "Chef-kok"
        assert aangemeld.startdatum == d2
        assert aangemeld.status == Status.INTAKE

    def test_datum_in_toekomst_of_voor_aanmelding_geweigerd(self, medewerker, aangemeld):
        with pytest.raises(ValidationError) as exc:
            services.intake_vastleggen(traject=aangemeld, door=medewerker,
                                       datum=VANDAAG + datetime.timedelta(days=1),
                                       beroepswens="Kok")
        assert "toekomst" in exc.value.message_dict["datum"][0]
        with pytest.raises(ValidationError) as exc:
            services.intake_vastleggen(
                traject=aangemeld, door=medewerker,
                datum=aangemeld.aanmelddatum - datetime.timedelta(days=1), beroepswens="Kok",
            )
        assert "vóór de aanmelding" in exc.value.message_dict["datum"][0]
        aangemeld.refresh_from_db()
        assert aangemeld.status == Status.AANGEMELD
        assert not Intake.objects.exists()

    def test_onbekende_belemmering_geweigerd(self, medewerker, aangemeld):
        with pytest.raises(ValidationError) as exc:
            services.intake_vastleggen(traject=aangemeld, door=medewerker, datum=VANDAAG,
                                       beroepswens="Kok", belemmeringen=["heimwee"])
        assert "Onbekende keuze: heimwee" in fouten(exc)

    def test_afgesloten_traject_geweigerd(self, medewerker, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, uitgevallen=True)
        with pytest.raises(ValidationError) as exc:
            services.intake_vastleggen(traject=t, door=medewerker, datum=VANDAAG,
                                       beroepswens="Kok")
        assert "afgesloten" in fouten(exc)


# ---------------------------------------------------------------------------------------------
# coach_toewijzen
# ---------------------------------------------------------------------------------------------


class TestCoachToewijzen:
    def test_geschikte_coach_toegewezen(self, medewerker, actief, groningen):
        coach = CoachFactory(gemeenten=[groningen])
        services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        actief.refresh_from_db()
        assert actief.coach == coach

    def test_vol_geweigerd(self, medewerker, actief, groningen, vervolg):
        coach = CoachFactory(gemeenten=[groningen], max_deelnemers=1)
        TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True,
                       coach=coach)
        with pytest.raises(ValidationError) as exc:
            services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        assert "het maximum voor deze coach" in fouten(exc)
        actief.refresh_from_db()
        assert actief.coach is None

    def test_afgesloten_trajecten_tellen_niet_mee(self, medewerker, actief, groningen, vervolg):
        coach = CoachFactory(gemeenten=[groningen], max_deelnemers=1)
        TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, uitgevallen=True,
                       coach=coach)
        services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        actief.refresh_from_db()
        assert actief.coach == coach

    def test_zelfde_coach_opnieuw_telt_eigen_traject_niet_dubbel(self, medewerker, actief,
                                                                 groningen):
        coach = CoachFactory(gemeenten=[groningen], max_deelnemers=1)
        services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        actief.refresh_from_db()
        assert actief.coach == coach

    def test_zonder_vog_geweigerd(self, medewerker, actief, groningen):
        coach = CoachFactory(gemeenten=[groningen], zonder_vog=True)
        with pytest.raises(ValidationError) as exc:
            services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        assert "heeft geen VOG" in fouten(exc)

    def test_verlopen_vog_geweigerd(self, medewerker, actief, groningen):
        coach = CoachFactory(gemeenten=[groningen], vog_verlopen=True)
        with pytest.raises(ValidationError) as exc:
            services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        assert "is verlopen" in fouten(exc)

    def test_niet_actief_geweigerd(self, medewerker, actief, groningen):
        coach = CoachFactory(gemeenten=[groningen], actief=False)
        with pytest.raises(ValidationError) as exc:
            services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        assert "niet actief" in fouten(exc)

    def test_andere_gemeente_geweigerd(self, medewerker, actief, emmen):
        coach = CoachFactory(gemeenten=[emmen])
        with pytest.raises(ValidationError) as exc:
            services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        assert "werkt niet in de gemeente Groningen" in fouten(exc)


# ---------------------------------------------------------------------------------------------
# status_wijzigen
# ---------------------------------------------------------------------------------------------


class TestStatus:
    def test_toegestane_overgang(self, medewerker, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, status=Status.INTAKE,
                           startdatum=VANDAAG - datetime.timedelta(days=3))
        services.status_wijzigen(traject=t, naar=Status.ACTIEF, door=medewerker)
        t.refresh_from_db()
        assert t.status == Status.ACTIEF
        assert t.einddatum is None

    def test_overslaan_geweigerd(self, medewerker, aangemeld):
        with pytest.raises(ValidationError) as exc:
            services.status_wijzigen(traject=aangemeld, naar=Status.ACTIEF, door=medewerker)
        assert exc.value.message_dict["naar"] == [
            "Van ‘aangemeld’ kan een traject niet naar ‘actief’."
        ]
        aangemeld.refresh_from_db()
        assert aangemeld.status == Status.AANGEMELD

    def test_naar_intake_alleen_via_intake(self, medewerker, aangemeld):
        with pytest.raises(ValidationError) as exc:
            services.status_wijzigen(traject=aangemeld, naar=Status.INTAKE, door=medewerker)
        assert "Leg de intake vast" in fouten(exc)

    def test_geplaatst_vraagt_plaatsing(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            services.status_wijzigen(traject=actief, naar=Status.GEPLAATST, door=medewerker)
        assert "Registreer eerst een plaatsing" in fouten(exc)

    def test_uitgevallen_vraagt_reden_en_zet_einddatum(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            services.status_wijzigen(traject=actief, naar=Status.UITGEVALLEN, door=medewerker,
                                     reden_uitval="  ")
        assert exc.value.message_dict["reden_uitval"] == ["Geef de reden van uitval op."]
        services.status_wijzigen(traject=actief, naar=Status.UITGEVALLEN, door=medewerker,
                                 reden_uitval="Verhuisd naar het buitenland")
        actief.refresh_from_db()
        assert actief.status == Status.UITGEVALLEN
        assert actief.einddatum == VANDAAG
        assert actief.reden_uitval == "Verhuisd naar het buitenland"

    def test_afgerond_zet_einddatum(self, medewerker, deelnemer, vervolg):
        start = VANDAAG - datetime.timedelta(days=300)
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, status=Status.NAZORG,
                           aanmelddatum=start, startdatum=start)
        datum = VANDAAG - datetime.timedelta(days=1)
        services.status_wijzigen(traject=t, naar=Status.AFGEROND, door=medewerker, datum=datum,
                                 reden_afgerond=RedenAfgerond.ONDERWIJS)
        t.refresh_from_db()
        assert (t.status, t.einddatum, t.reden_afgerond) == (
            Status.AFGEROND, datum, RedenAfgerond.ONDERWIJS
        )

    def test_einddatum_voor_start_geweigerd(self, medewerker, deelnemer, vervolg):
        start = VANDAAG - datetime.timedelta(days=10)
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, status=Status.NAZORG,
                           aanmelddatum=start, startdatum=start)
        with pytest.raises(ValidationError) as exc:
            services.status_wijzigen(traject=t, naar=Status.AFGEROND, door=medewerker,
                                     datum=start - datetime.timedelta(days=1))
        assert "niet vóór" in exc.value.message_dict["datum"][0]

    def test_afgesloten_kan_nergens_heen(self, medewerker, deelnemer, vervolg):
        t = TrajectFactory(deelnemer=deelnemer, programma=vervolg, uitgevallen=True)
        with pytest.raises(ValidationError):
            services.status_wijzigen(traject=t, naar=Status.ACTIEF, door=medewerker)

    def test_dubbel_verzonden_verandert_niets(self, medewerker, actief):
        services.status_wijzigen(traject=actief, naar=Status.ACTIEF, door=medewerker)
        actief.refresh_from_db()
        assert actief.status == Status.ACTIEF


# ---------------------------------------------------------------------------------------------
# plaatsing_registreren / plaatsing_beeindigen / werkgever_registreren
# ---------------------------------------------------------------------------------------------


class TestPlaatsing:
    def plaats(self, medewerker, traject, **extra):
        gegevens = dict(traject=traject, door=medewerker, soort=Soort.BAAN,
                        startdatum=traject.startdatum + datetime.timedelta(days=1),
                        uren_per_week=32, functie="Lasser")
        if "werkgever" not in extra and "nieuwe_werkgever" not in extra:
            gegevens["werkgever"] = WerkgeverFactory(gemeente=traject.gemeente)
        gegevens.update(extra)
        return services.plaatsing_registreren(**gegevens)

    def test_baan_op_actief_traject_wordt_geplaatst(self, medewerker, actief):
        p = self.plaats(medewerker, actief)
        actief.refresh_from_db()
        assert actief.status == Status.GEPLAATST
        assert p.uren_per_week == 32

    def test_proefplaatsing_verandert_status_niet(self, medewerker, actief):
        self.plaats(medewerker, actief, soort=Soort.PROEFPLAATSING)
        actief.refresh_from_db()
        assert actief.status == Status.ACTIEF

    def test_start_voor_trajectstart_geweigerd(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief,
                        startdatum=actief.startdatum - datetime.timedelta(days=1))
        assert "vóór de start van het traject" in exc.value.message_dict["startdatum"][0]
        assert not Plaatsing.objects.exists()

    def test_start_ver_in_de_toekomst_geweigerd(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, startdatum=VANDAAG + datetime.timedelta(days=120))
        assert "te ver in de toekomst" in exc.value.message_dict["startdatum"][0]

    def test_start_binnenkort_mag(self, medewerker, actief):
        self.plaats(medewerker, actief, startdatum=VANDAAG + datetime.timedelta(days=14))
        assert Plaatsing.objects.count() == 1

    def test_einde_voor_start_geweigerd(self, medewerker, actief):
        start = actief.startdatum + datetime.timedelta(days=5)
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, startdatum=start,
                        einddatum=start - datetime.timedelta(days=1))
        assert exc.value.message_dict["einddatum"] == [
            "De einddatum kan niet vóór de startdatum liggen."
        ]

    @pytest.mark.parametrize("uren", [-1, 61])
    def test_uren_buiten_bereik_geweigerd(self, medewerker, actief, uren):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, uren_per_week=uren)
        assert exc.value.message_dict["uren_per_week"] == [
            "Het aantal uren per week ligt tussen 0 en 60."
        ]

    @pytest.mark.parametrize(("soort", "uren"), [(Soort.STAGE, 0), (Soort.BAAN, 60)])
    def test_uren_grenzen_toegestaan(self, medewerker, actief, soort, uren):
        assert self.plaats(
            medewerker, actief, soort=soort, uren_per_week=uren
        ).uren_per_week == uren

    def test_werkgever_van_andere_gemeente_geweigerd(self, medewerker, actief, emmen):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, werkgever=WerkgeverFactory(gemeente=emmen))
        assert "eigen gemeenten" in exc.value.message_dict["werkgever"][0]

    def test_baan_zonder_werkgever_geweigerd(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, werkgever=None)
        assert "Kies een werkgever" in exc.value.message_dict["werkgever"][0]

    def test_opleiding_zonder_werkgever_mag(self, medewerker, actief):
        p = self.plaats(medewerker, actief, werkgever=None, soort=Soort.OPLEIDING)
        assert p.werkgever is None

    def test_nieuwe_werkgever_in_dezelfde_transactie(self, medewerker, actief):
        p = self.plaats(medewerker, actief, nieuwe_werkgever={
            "naam": "Bakkerij De Korenschoof", "kvk_nummer": "12345678", "sector": "horeca",
        })
        assert p.werkgever.naam == "Bakkerij De Korenschoof"
        assert p.werkgever.gemeente == actief.gemeente

    def test_fout_in_nieuwe_werkgever_slaat_niets_op(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, nieuwe_werkgever={
                "naam": "Bakkerij", "kvk_nummer": "123", "sector": "horeca",
            })
        assert "acht cijfers" in exc.value.message_dict["werkgever_kvk_nummer"][0]
        assert not Werkgever.objects.exists()
        assert not Plaatsing.objects.exists()

    def test_fout_na_aanmaken_werkgever_rolt_werkgever_terug(self, medewerker, actief):
        with pytest.raises(ValidationError):
            self.plaats(medewerker, actief, functie="x" * 200, nieuwe_werkgever={
                "naam": "Bakkerij", "kvk_nummer": "", "sector": "horeca",
            })
        assert not Werkgever.objects.exists()
        actief.refresh_from_db()
        assert actief.status == Status.ACTIEF

    def test_niet_gestart_traject_geweigerd(self, medewerker, aangemeld):
        with pytest.raises(ValidationError) as exc:
            services.plaatsing_registreren(
                traject=aangemeld, door=medewerker, soort=Soort.BAAN, startdatum=VANDAAG,
                werkgever=WerkgeverFactory(gemeente=aangemeld.gemeente),
            )
        assert "Leg eerst de intake vast" in fouten(exc)

    def test_dubbel_verzonden_maakt_een_plaatsing(self, medewerker, actief):
        werkgever = WerkgeverFactory(gemeente=actief.gemeente)
        eerste = self.plaats(medewerker, actief, werkgever=werkgever)
        tweede = self.plaats(medewerker, actief, werkgever=werkgever)
        assert eerste.pk == tweede.pk
        assert Plaatsing.objects.count() == 1

    @pytest.mark.parametrize("kvk_nummer", ["", "12345678"], ids=["zonder-kvk", "met-kvk"])
    def test_dubbel_verzonden_met_nieuwe_werkgever_maakt_een_plaatsing_en_een_werkgever(
        self, medewerker, actief, kvk_nummer
    ):
        # Zoals het formulier hem stuurt: de tweede keer met dezelfde (ongeschoonde) invoer.
        nieuw = {"naam": " Bakkerij De Korenschoof ", "kvk_nummer": kvk_nummer,
                 "sector": "horeca"}
        eerste = self.plaats(medewerker, actief, nieuwe_werkgever=dict(nieuw))
        tweede = self.plaats(medewerker, actief, nieuwe_werkgever=dict(nieuw))
        assert tweede.pk == eerste.pk
        assert Plaatsing.objects.count() == 1
        assert list(Werkgever.objects.values_list("naam", "kvk_nummer")) == [
            ("Bakkerij De Korenschoof", kvk_nummer)
        ]

    def test_later_dezelfde_nieuwe_werkgever_met_kvk_geeft_de_kvk_melding(
        self, medewerker, actief
    ):
        """Buiten het dubbel-venster is het geen dubbel verzonden formulier meer: het bestaande
        KvK-nummer wordt gemeld, zoals bij elke nieuwe werkgever."""
        nieuw = {"naam": "Bakkerij", "kvk_nummer": "12345678", "sector": "horeca"}
        eerste = self.plaats(medewerker, actief, nieuwe_werkgever=dict(nieuw))
        Plaatsing.objects.filter(pk=eerste.pk).update(
            aangemaakt_op=eerste.aangemaakt_op - services.DUBBEL_VENSTER * 2
        )
        with pytest.raises(ValidationError) as exc:
            self.plaats(medewerker, actief, nieuwe_werkgever=dict(nieuw))
        assert "al een werkgever met dit KvK-nummer" in (
            exc.value.message_dict["werkgever_kvk_nummer"][0]
        )
        assert (Plaatsing.objects.count(), Werkgever.objects.count()) == (1, 1)

    def test_beeindigen(self, medewerker, actief):
        p = self.plaats(medewerker, actief)
        einde = p.startdatum + datetime.timedelta(days=30)
        services.plaatsing_beeindigen(plaatsing=p, einddatum=einde, door=medewerker)
        p.refresh_from_db()
        assert p.einddatum == einde

    def test_beeindigen_voor_start_geweigerd(self, medewerker, actief):
        p = self.plaats(medewerker, actief)
        with pytest.raises(ValidationError) as exc:
            services.plaatsing_beeindigen(plaatsing=p, door=medewerker,
                                          einddatum=p.startdatum - datetime.timedelta(days=1))
        assert "niet vóór de startdatum" in exc.value.message_dict["einddatum"][0]
        p.refresh_from_db()
        assert p.einddatum is None

    def test_werkgever_met_bestaand_kvk_in_gemeente_geweigerd(self, medewerker, groningen):
        WerkgeverFactory(gemeente=groningen, kvk_nummer="87654321", naam="Jansen BV")
        with pytest.raises(ValidationError) as exc:
            services.werkgever_registreren(door=medewerker, gemeente=groningen, naam="Jansen",
                                           sector="bouw", kvk_nummer="87654321")
        assert "Jansen BV" in exc.value.message_dict["kvk_nummer"][0]


# ---------------------------------------------------------------------------------------------
# contactmoment_registreren
# ---------------------------------------------------------------------------------------------


class TestContactmoment:
    def test_vastleggen(self, medewerker, actief):
        c = services.contactmoment_registreren(traject=actief, door=medewerker,
                                               soort=ContactSoort.NAZORG, datum=VANDAAG,
                                               notitie="Gaat goed")
        assert (c.soort, c.medewerker, c.notitie) == (ContactSoort.NAZORG, medewerker,
                                                     "Gaat goed")

    def test_toekomst_geweigerd(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            services.contactmoment_registreren(traject=actief, door=medewerker,
                                               soort=ContactSoort.GESPREK,
                                               datum=VANDAAG + datetime.timedelta(days=1))
        assert exc.value.message_dict["datum"] == [
            "Een contact ligt niet in de toekomst; wat nog komt, plant u als afspraak."
        ]
        assert not Contactmoment.objects.exists()

    def test_voor_aanmelding_geweigerd(self, medewerker, actief):
        with pytest.raises(ValidationError) as exc:
            services.contactmoment_registreren(
                traject=actief, door=medewerker, soort=ContactSoort.GESPREK,
                datum=actief.aanmelddatum - datetime.timedelta(days=1),
            )
        assert "vóór de aanmelding" in exc.value.message_dict["datum"][0]

    def test_dubbel_verzonden_maakt_een_contact(self, medewerker, actief):
        for _ in range(2):
            services.contactmoment_registreren(traject=actief, door=medewerker,
                                               soort=ContactSoort.GESPREK, datum=VANDAAG,
                                               notitie="Cv besproken")
        assert Contactmoment.objects.count() == 1

    def test_buiten_venster_wel_tweede_contact(self, medewerker, actief):
        eerste = ContactmomentFactory(traject=actief, datum=VANDAAG, notitie="Cv besproken")
        Contactmoment.objects.filter(pk=eerste.pk).update(
            aangemaakt_op=eerste.aangemaakt_op - services.DUBBEL_VENSTER * 2
        )
        services.contactmoment_registreren(traject=actief, door=medewerker,
                                           soort=ContactSoort.GESPREK, datum=VANDAAG,
                                           notitie="Cv besproken")
        assert Contactmoment.objects.count() == 2


# ---------------------------------------------------------------------------------------------
# deelnemer_verhuizen
# ---------------------------------------------------------------------------------------------


class TestVerhuizen:
    def test_deelnemer_en_open_traject_verhuizen(self, medewerker, medewerker_emmen, groningen,
                                                 emmen, deelnemer, vervolg):
        oud = TrajectFactory(deelnemer=deelnemer, programma=vervolg, uitgevallen=True,
                             aanmelddatum=VANDAAG - datetime.timedelta(days=400))
        coach = CoachFactory(gemeenten=[groningen])
        open_traject = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True,
                                      coach=coach)
        PlaatsingFactory(traject=open_traject)

        services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=emmen, door=medewerker)

        deelnemer.refresh_from_db()
        open_traject.refresh_from_db()
        oud.refresh_from_db()
        assert deelnemer.gemeente == emmen
        assert open_traject.gemeente == emmen
        assert open_traject.coach is None  # coach werkt niet in Emmen
        assert oud.gemeente == groningen  # afgesloten traject blijft waar het telde
        # Oude gemeente verliest toegang, de nieuwe krijgt hem.
        assert not Deelnemer.objects.voor(medewerker).filter(pk=deelnemer.pk).exists()
        assert Deelnemer.objects.voor(medewerker_emmen).filter(pk=deelnemer.pk).exists()
        # Eén open traject, één gemeente: nooit dubbel geteld.
        assert Traject.objects.open().filter(deelnemer=deelnemer).count() == 1
        assert Plaatsing.objects.filter(traject__gemeente=emmen).count() == 1
        assert Plaatsing.objects.filter(traject__gemeente=groningen).count() == 0
        # De historie blijft bij het dossier.
        assert LogEntry.objects.get_for_object(deelnemer).count() >= 2

    def test_coach_die_ook_in_nieuwe_gemeente_werkt_blijft(self, medewerker, groningen, emmen,
                                                          actief):
        coach = CoachFactory(gemeenten=[groningen, emmen])
        services.coach_toewijzen(traject=actief, coach=coach, door=medewerker)
        services.deelnemer_verhuizen(deelnemer=actief.deelnemer, naar_gemeente=emmen,
                                     door=medewerker)
        actief.refresh_from_db()
        assert actief.coach == coach

    def test_alleen_medewerker_van_bron(self, medewerker_emmen, emmen, deelnemer):
        with pytest.raises(PermissionDenied):
            services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=emmen,
                                         door=medewerker_emmen)
        deelnemer.refresh_from_db()
        assert deelnemer.gemeente.cbs_code == "GM0014"

    def test_naar_dezelfde_gemeente_geweigerd(self, medewerker, groningen, deelnemer):
        with pytest.raises(ValidationError) as exc:
            services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=groningen,
                                         door=medewerker)
        assert "al in deze gemeente" in fouten(exc)


def test_traject_dubbel_verzonden_geeft_hetzelfde_traject(medewerker, deelnemer, vervolg):
    eerste = services.traject_starten(deelnemer=deelnemer, programma=vervolg,
                                      uitvoerder=Uitvoerder.UAF, door=medewerker)
    tweede = services.traject_starten(deelnemer=deelnemer, programma=vervolg,
                                      uitvoerder=Uitvoerder.UAF, door=medewerker)
    assert eerste.pk == tweede.pk
    assert Traject.objects.count() == 1
