"""De database weigert ongeldige gegevens, ook buiten formulieren en services om.

Elke test schrijft langs de validators heen (`objects.create` of een ruwe `update`) en verwacht
een IntegrityError van de database; de validatortests daaronder tonen de Nederlandse melding
die een gebruiker in een formulier ziet.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gemeenten.constants import Provincie, Rol
from gemeenten.factories import LidmaatschapFactory, UserFactory
from gemeenten.models import Gemeente, Lidmaatschap
from rapportage.constants import Indicator
from rapportage.models import Doelstelling, Programma
from trajecten.constants import Status
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    genereer_bsn,
)
from trajecten.models import Coach, Deelnemer, Plaatsing, Traject, Werkgever

D = datetime.date

pytestmark = pytest.mark.django_db


@contextmanager
def geweigerd(constraint: str | None = None):
    """Verwacht dat de database de schrijfactie weigert (in een savepoint, zodat de test door
    kan); met `constraint` ook dat de melding de naam van die constraint noemt."""
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        yield
    if constraint:
        assert constraint in str(fout.value)


@pytest.fixture
def traject(groningen):
    return TrajectFactory(
        deelnemer__gemeente=groningen,
        programma=Programma.objects.get(naam="Vervolg Banenoffensief"),
        gestart=True,
        aanmelddatum=D(2026, 2, 1),
    )


# --- Einddatum niet vóór startdatum ---------------------------------------------------------


def test_traject_einde_voor_start_geweigerd(traject):
    with geweigerd("traject_einde_na_start"):
        Traject.objects.filter(pk=traject.pk).update(einddatum=traject.startdatum - D.resolution)
    traject.refresh_from_db()
    assert traject.einddatum is None


def test_traject_start_voor_aanmelding_geweigerd(traject):
    with geweigerd("traject_start_na_aanmelding"):
        Traject.objects.filter(pk=traject.pk).update(startdatum=D(2026, 1, 31))


def test_plaatsing_einde_voor_start_geweigerd(traject):
    with geweigerd("plaatsing_einde_na_start"):
        Plaatsing.objects.create(
            traject=traject, soort="baan", startdatum=D(2026, 5, 1), einddatum=D(2026, 4, 30)
        )
    assert not Plaatsing.objects.exists()


def test_programma_einde_voor_start_geweigerd():
    with geweigerd("programma_einde_na_start"):
        Programma.objects.create(
            naam="Verkeerd om", startdatum=D(2027, 1, 1), einddatum=D(2026, 12, 31)
        )
    assert not Programma.objects.filter(naam="Verkeerd om").exists()


def test_doelstelling_einde_voor_start_geweigerd():
    programma = Programma.objects.get(naam="Vervolg Banenoffensief")
    with geweigerd("doelstelling_einde_na_start"):
        Doelstelling.objects.create(
            programma=programma, indicator=Indicator.TRAJECTEN_GESTART, streefwaarde=350,
            startdatum=D(2027, 1, 1), einddatum=D(2026, 1, 1),
        )


def test_einde_gelijk_aan_start_mag(traject):
    Traject.objects.filter(pk=traject.pk).update(einddatum=traject.startdatum)
    plaatsing = Plaatsing.objects.create(
        traject=traject, soort="stage", startdatum=D(2026, 5, 1), einddatum=D(2026, 5, 1)
    )
    assert plaatsing.pk


# --- Bereiken ------------------------------------------------------------------------------


def test_uren_per_week_61_geweigerd(traject):
    with geweigerd("plaatsing_uren_bereik"):
        Plaatsing.objects.create(
            traject=traject, soort="baan", startdatum=D(2026, 5, 1), uren_per_week=61
        )


def test_uren_per_week_min_een_geweigerd_bij_ruwe_update(traject):
    plaatsing = PlaatsingFactory(traject=traject, uren_per_week=60)
    with geweigerd():
        Plaatsing.objects.filter(pk=plaatsing.pk).update(uren_per_week=-1)
    plaatsing.refresh_from_db()
    assert plaatsing.uren_per_week == 60


def test_uren_per_week_0_en_60_mogen(traject):
    PlaatsingFactory(traject=traject, uren_per_week=0)
    PlaatsingFactory(traject=traject, uren_per_week=60)
    assert traject.plaatsingen.count() == 2


def test_streefwaarde_0_geweigerd():
    programma = Programma.objects.get(naam="Vervolg Banenoffensief")
    with geweigerd("doelstelling_streefwaarde_positief"):
        Doelstelling.objects.create(
            programma=programma, indicator=Indicator.TRAJECTEN_GESTART, streefwaarde=0
        )


def test_negatieve_kosten_geweigerd(traject):
    with geweigerd("traject_kosten_niet_negatief"):
        Traject.objects.filter(pk=traject.pk).update(kosten=-0.01)


def test_negatief_budget_geweigerd():
    with geweigerd("programma_budget_niet_negatief"):
        Programma.objects.create(
            naam="Min", startdatum=D(2026, 1, 1), einddatum=D(2026, 12, 31), budget=-1
        )


def test_coach_max_deelnemers_0_geweigerd():
    coach = CoachFactory()
    with geweigerd("coach_max_deelnemers_bereik"):
        Coach.objects.filter(pk=coach.pk).update(max_deelnemers=0)


# --- Uniek en formaat ----------------------------------------------------------------------


def test_dubbel_bsn_geweigerd(groningen):
    bsn = genereer_bsn()
    DeelnemerFactory(gemeente=groningen, bsn=bsn)
    with geweigerd():
        DeelnemerFactory(gemeente=groningen, bsn=bsn)
    assert Deelnemer.objects.filter(bsn=bsn).count() == 1


def test_meerdere_deelnemers_zonder_bsn_mogen(groningen):
    DeelnemerFactory(gemeente=groningen, bsn="")
    DeelnemerFactory(gemeente=groningen, bsn="")
    assert Deelnemer.objects.filter(bsn="").count() == 2


# Langer dan het veld toelaat weigert de kolom al (DataError); hier gaat het om het formaat.
@pytest.mark.parametrize("bsn", ["12345678", "12345678a", "9999-9999", " 12345678"])
def test_bsn_verkeerd_formaat_geweigerd(groningen, bsn):
    deelnemer = DeelnemerFactory(gemeente=groningen)
    with geweigerd("deelnemer_bsn_formaat"):
        Deelnemer.objects.filter(pk=deelnemer.pk).update(bsn=bsn)


def test_dubbele_cbs_code_geweigerd():
    with geweigerd():
        Gemeente.objects.create(naam="Nog een Groningen", cbs_code="GM0014",
                                provincie=Provincie.GRONINGEN)
    assert Gemeente.objects.filter(cbs_code="GM0014").count() == 1


@pytest.mark.parametrize("code", ["GM14", "XX0014", "gm0014", "GM014A"])
def test_verkeerde_cbs_code_geweigerd(code):
    with geweigerd():
        Gemeente.objects.create(naam="Fout", cbs_code=code, provincie=Provincie.UTRECHT)
    assert not Gemeente.objects.filter(naam="Fout").exists()


def test_dubbel_lidmaatschap_geweigerd(groningen):
    lid = LidmaatschapFactory(gemeente=groningen, rol=Rol.MEDEWERKER)
    with geweigerd():
        Lidmaatschap.objects.create(user=lid.user, gemeente=groningen, rol=Rol.MEDEWERKER)
    # Dezelfde gebruiker mag in dezelfde gemeente wél ook coördinator zijn.
    Lidmaatschap.objects.create(user=lid.user, gemeente=groningen, rol=Rol.COORDINATOR)
    assert Lidmaatschap.objects.filter(user=lid.user).count() == 2


def test_dubbel_landelijk_lidmaatschap_geweigerd():
    user = UserFactory()
    Lidmaatschap.objects.create(user=user, gemeente=None, rol=Rol.COORDINATOR)
    with geweigerd():
        Lidmaatschap.objects.create(user=user, gemeente=None, rol=Rol.COORDINATOR)


def test_medewerker_zonder_gemeente_geweigerd():
    with geweigerd("lidmaatschap_medewerker_heeft_gemeente"):
        Lidmaatschap.objects.create(user=UserFactory(), gemeente=None, rol=Rol.MEDEWERKER)


def test_uitgevallen_zonder_reden_geweigerd(traject):
    with geweigerd("traject_uitval_heeft_reden"):
        Traject.objects.filter(pk=traject.pk).update(status=Status.UITGEVALLEN, reden_uitval="")
    Traject.objects.filter(pk=traject.pk).update(
        status=Status.UITGEVALLEN, reden_uitval="Verhuisd"
    )
    traject.refresh_from_db()
    assert traject.status == Status.UITGEVALLEN


@pytest.mark.parametrize("kvk", ["1234567", "1234567a", "1234 567"])
def test_kvk_niet_acht_cijfers_geweigerd(groningen, kvk):
    werkgever = WerkgeverFactory(gemeente=groningen, kvk_nummer="12345678")
    with geweigerd("werkgever_kvk_formaat"):
        Werkgever.objects.filter(pk=werkgever.pk).update(kvk_nummer=kvk)
    werkgever.refresh_from_db()
    assert werkgever.kvk_nummer == "12345678"


# --- Validators: de Nederlandse melding in een formulier ----------------------------------


def _meldingen(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as fout:
        obj.full_clean()
    return fout.value.message_dict


def test_bsn_elfproef_met_nederlandse_melding(groningen):
    # 123456789 heeft negen cijfers maar haalt de 11-proef niet.
    deelnemer = DeelnemerFactory.build(gemeente=groningen, bsn="123456789")
    assert _meldingen(deelnemer)["bsn"] == [
        "Dit is geen geldig BSN: het moet negen cijfers hebben en voldoen aan de 11-proef."
    ]


def test_geldig_bsn_komt_door_de_validatie(groningen):
    deelnemer = DeelnemerFactory.build(gemeente=groningen, bsn=genereer_bsn())
    deelnemer.full_clean()


def test_kvk_validator_met_nederlandse_melding(groningen):
    werkgever = WerkgeverFactory.build(gemeente=groningen, kvk_nummer="1234")
    assert _meldingen(werkgever)["kvk_nummer"] == [
        "Een KvK-nummer bestaat uit precies acht cijfers."
    ]


def test_cbs_code_validator_met_nederlandse_melding():
    gemeente = Gemeente(naam="Fout", cbs_code="XX0001", provincie=Provincie.UTRECHT)
    assert _meldingen(gemeente)["cbs_code"] == ["Een CBS-code is GM gevolgd door vier cijfers."]


def test_uren_per_week_validator_met_nederlandse_melding(traject):
    plaatsing = PlaatsingFactory.build(traject=traject, uren_per_week=61, werkgever=None)
    assert _meldingen(plaatsing)["uren_per_week"] == [
        "Zorg ervoor dat deze waarde hoogstens 60 is."
    ]

