"""De werkvoorraad: één lijst, het langst over tijd bovenaan, 'mijn dossiers' of alle.

Elke soort signaal (`selectors.SIGNALEN`) met wat erin hoort en wat niet, de vervaldatum en de
dagen te laat, de actielink, de volgorde over de soorten heen, het bereik en de querytelling.
"""

import datetime
import importlib

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from trajecten import selectors
from trajecten.constants import AfspraakSoort, AfspraakStatus, ContactSoort, Soort, Status
from trajecten.factories import (
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from trajecten.selectors.signalen import wacht_op_coach
from trajecten.selectors.werkvoorraad import Signaal

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def traject(groningen, vervolg, medewerker):
    """Een actief traject met een geldige coach en recent contact: niets te doen."""

    def maak(**velden):
        velden.setdefault("behandelaar", medewerker)
        velden.setdefault("status", Status.ACTIEF)
        velden.setdefault("aanmelddatum", VANDAAG - 100 * DAG)
        if velden["status"] != Status.AANGEMELD:
            velden.setdefault("startdatum", velden["aanmelddatum"] + 10 * DAG)
            if "coach" not in velden:
                velden["coach"] = CoachFactory(gemeenten=[groningen])
        t = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, **velden)
        if velden["status"] != Status.AANGEMELD:
            ContactmomentFactory(traject=t, datum=VANDAAG - 5 * DAG)
        return t

    return maak


def regels(user, **kwargs):
    return selectors.werkvoorraad(user=user, **kwargs).regels


def van_soort(user, sleutel, **kwargs):
    return [r for r in regels(user, **kwargs) if r.signaal.sleutel == sleutel]


def test_zonder_werk_een_lege_werkvoorraad(medewerker, traject):
    traject()
    werk = selectors.werkvoorraad(user=medewerker)
    assert werk.regels == [] and werk.totaal == 0
    assert [s.sleutel for s, _n in werk.per_soort] == [s.sleutel for s in selectors.SIGNALEN]


def test_intake_te_laat_na_14_dagen(medewerker, traject):
    oud = traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 15 * DAG)
    traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 14 * DAG)
    [regel] = van_soort(medewerker, "zonder_intake")
    assert regel.deelnemer_id == oud.deelnemer_id
    assert (regel.vervaldatum, regel.dagen_te_laat) == (VANDAAG - DAG, 1)
    assert regel.actie_url == reverse("trajecten:intake", args=[oud.pk])


def testzonder_geldige_coach(medewerker, traject, groningen):
    zonder = traject(coach=None)
    vog_oud = traject(coach=CoachFactory(gemeenten=[groningen], naam="Vera VOG",
                                         vog_datum=VANDAAG - relativedelta(years=3, days=5)))
    inactief = traject(status=Status.NAZORG,
                       coach=CoachFactory(gemeenten=[groningen], naam="Ina Inactief",
                                          actief=False))
    traject(status=Status.UITGEVALLEN, coach=None, reden_uitval="x", einddatum=VANDAAG)
    traject(coach=None, wachtlijst_sinds=VANDAAG - 3 * DAG)  # staat op de wachtlijst
    per_traject = {r.deelnemer_id: r for r in van_soort(medewerker, "zonder_coach")}
    assert set(per_traject) == {zonder.deelnemer_id, vog_oud.deelnemer_id, inactief.deelnemer_id}
    assert per_traject[zonder.deelnemer_id].detail == "nog geen coach"
    assert per_traject[zonder.deelnemer_id].vervaldatum == zonder.startdatum
    # Vanaf de dag waarop de VOG niet meer geldig was.
    assert per_traject[vog_oud.deelnemer_id].vervaldatum == VANDAAG - 5 * DAG
    assert per_traject[vog_oud.deelnemer_id].detail == "VOG van coach Vera VOG is verlopen"
    assert "Ina Inactief is niet meer actief" in per_traject[inactief.deelnemer_id].detail
    assert per_traject[zonder.deelnemer_id].actie_url == reverse(
        "trajecten:coach_toewijzen", args=[zonder.pk]
    )


def test_wachtlijst_met_de_datum_waarop_het_wachten_begon(medewerker, traject):
    wacht = traject(coach=None, wachtlijst_sinds=VANDAAG - 12 * DAG)
    [regel] = van_soort(medewerker, "wachtlijst")
    assert (regel.deelnemer_id, regel.vervaldatum, regel.dagen_te_laat) == (
        wacht.deelnemer_id, VANDAAG - 12 * DAG, 12
    )
    assert regel.detail == f"op de wachtlijst sinds {(VANDAAG - 12 * DAG):%d-%m-%Y}"


def test_nazorgcontrole_zonder_geplande_afspraak(medewerker, traject):
    start = VANDAAG - relativedelta(months=6) - 10 * DAG

    def plaatsing(**kw):
        t = traject(status=Status.NAZORG, aanmelddatum=start - 40 * DAG)
        return PlaatsingFactory(traject=t, startdatum=kw.pop("startdatum", start), **kw)

    nodig = plaatsing()
    met_nazorg = plaatsing()
    ContactmomentFactory(traject=met_nazorg.traject, soort=ContactSoort.NAZORG,
                         datum=VANDAAG - 2 * DAG)
    te_vroeg = plaatsing()
    ContactmomentFactory(traject=te_vroeg.traject, soort=ContactSoort.NAZORG,
                         datum=start + relativedelta(months=3))
    plaatsing(startdatum=VANDAAG - relativedelta(months=5))  # nog geen zes maanden
    plaatsing(soort=Soort.VRIJWILLIGERSWERK)  # telt niet als plaatsing
    # Met geplande nazorgafspraken signaleren de afspraken zelf, niet deze regel.
    met_afspraak = plaatsing()
    AfspraakFactory(traject=met_afspraak.traject, plaatsing=met_afspraak, nazorg_maanden=6,
                    soort=AfspraakSoort.NAZORG, status=AfspraakStatus.GEHOUDEN)
    gevonden = {r.deelnemer_id: r for r in van_soort(medewerker, "nazorg")}
    assert set(gevonden) == {nodig.traject.deelnemer_id, te_vroeg.traject.deelnemer_id}
    assert gevonden[nodig.traject.deelnemer_id].vervaldatum == start + relativedelta(months=6)
    assert gevonden[nodig.traject.deelnemer_id].actie_url.endswith("/contact/?soort=nazorg")


def test_geen_contact_in_60_dagen(medewerker, traject):
    stil = traject()
    ContactmomentFactory(traject=stil, datum=VANDAAG - 61 * DAG)
    stil.contactmomenten.filter(datum=VANDAAG - 5 * DAG).delete()
    traject()  # contact vijf dagen geleden
    nooit = traject(aanmelddatum=VANDAAG - 90 * DAG)
    nooit.contactmomenten.all().delete()
    gevonden = {r.deelnemer_id: r for r in van_soort(medewerker, "zonder_contact")}
    assert set(gevonden) == {stil.deelnemer_id, nooit.deelnemer_id}
    assert gevonden[stil.deelnemer_id].vervaldatum == VANDAAG - DAG
    assert gevonden[stil.deelnemer_id].detail == (
        f"laatste contact {(VANDAAG - 61 * DAG):%d-%m-%Y}"
    )
    assert gevonden[nooit.deelnemer_id].vervaldatum == nooit.startdatum + 60 * DAG
    assert gevonden[nooit.deelnemer_id].detail == "nog geen contact"


def test_afspraken_vandaag_en_niet_bijgewerkt(medewerker, traject):
    t = traject()
    vandaag = AfspraakFactory(traject=t, datum=VANDAAG, tijd=datetime.time(14, 30),
                              locatie="Spreekkamer 2")
    gemist = AfspraakFactory(traject=t, datum=VANDAAG - 3 * DAG)
    nazorg = AfspraakFactory(traject=t, datum=VANDAAG - 2 * DAG, soort=AfspraakSoort.NAZORG)
    AfspraakFactory(traject=t, datum=VANDAAG - 4 * DAG, status=AfspraakStatus.GEHOUDEN)
    AfspraakFactory(traject=t, datum=VANDAAG + DAG)  # morgen: nog niets te doen
    [r_vandaag] = van_soort(medewerker, "afspraak_vandaag")
    assert r_vandaag.detail == "14:30 · gesprek · Spreekkamer 2"
    assert r_vandaag.dagen_te_laat == 0
    assert r_vandaag.actie_url == reverse("trajecten:afspraak_gehouden", args=[vandaag.pk])
    [r_gemist] = van_soort(medewerker, "afspraak_verlopen")
    assert r_gemist.actie_url == reverse("trajecten:afspraak_gehouden", args=[gemist.pk])
    [r_nazorg] = van_soort(medewerker, "nazorg_gemist")
    assert (r_nazorg.dagen_te_laat, r_nazorg.actie_url) == (
        2, reverse("trajecten:afspraak_gehouden", args=[nazorg.pk])
    )


def test_nieuw_in_de_gemeente_tot_er_een_behandelaar_is(medewerker, traject):
    nieuw = traject(behandelaar=None, binnengekomen_op=VANDAAG - 4 * DAG)
    traject(binnengekomen_op=VANDAAG - 4 * DAG)  # al opgepakt
    [regel] = van_soort(medewerker, "nieuw_in_gemeente")
    assert (regel.deelnemer_id, regel.dagen_te_laat) == (nieuw.deelnemer_id, 4)
    assert regel.actie_url == reverse("trajecten:behandelaar", args=[nieuw.pk])


def test_een_lijst_het_langst_over_tijd_bovenaan(medewerker, traject):
    """Over de soorten heen op vervaldatum; bij dezelfde datum in de volgorde van SIGNALEN."""
    afspraak = traject()
    AfspraakFactory(traject=afspraak, datum=VANDAAG)  # vandaag
    intake = traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 40 * DAG)  # 26 dagen
    wacht = traject(coach=None, wachtlijst_sinds=VANDAAG - 50 * DAG)  # 50 dagen
    stil = traject()
    stil.contactmomenten.all().delete()
    ContactmomentFactory(traject=stil, datum=VANDAAG - 70 * DAG)  # 10 dagen
    volgorde = [(r.signaal.sleutel, r.deelnemer_id) for r in regels(medewerker)]
    assert volgorde == [
        ("wachtlijst", wacht.deelnemer_id),
        ("zonder_intake", intake.deelnemer_id),
        ("zonder_contact", stil.deelnemer_id),
        ("afspraak_vandaag", afspraak.deelnemer_id),
    ]
    assert [r.dagen_te_laat for r in regels(medewerker)] == [50, 26, 10, 0]


def test_mijn_dossiers_en_alle_dossiers(medewerker, collega, traject):
    mijn = traject(coach=None)
    van_collega = traject(coach=None, behandelaar=collega)
    van_niemand = traject(coach=None, behandelaar=None)
    AfspraakFactory(traject=van_collega, datum=VANDAAG, medewerker=collega)
    assert {r.deelnemer_id for r in regels(medewerker, mijn=True)} == {
        mijn.deelnemer_id, van_niemand.deelnemer_id,
    }
    alle = regels(medewerker, mijn=False)
    assert {r.deelnemer_id for r in alle} == {
        mijn.deelnemer_id, van_collega.deelnemer_id, van_niemand.deelnemer_id,
    }
    assert {r.behandelaar for r in alle if r.deelnemer_id == van_collega.deelnemer_id} == {
        "Sanne de Boer"
    }


def test_andere_gemeente_telt_niet(medewerker, emmen, vervolg):
    TrajectFactory(deelnemer__gemeente=emmen, programma=vervolg,
                   aanmelddatum=VANDAAG - 40 * DAG)
    assert selectors.werkvoorraad(user=medewerker, mijn=False).totaal == 0


def test_limiet_en_totaal(medewerker, traject):
    for _ in range(4):
        traject(coach=None)
    traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 30 * DAG)
    werk = selectors.werkvoorraad(user=medewerker, limiet=3)
    assert len(werk.regels) == 3
    assert dict((s.sleutel, n) for s, n in werk.per_soort)["zonder_coach"] == 4
    assert (werk.totaal, werk.niet_getoond) == (5, 2)


def test_vast_aantal_queries(medewerker, traject, django_assert_num_queries):
    """Eén query per soort, hoeveel werk er ook is; een soort die over de limiet gaat, telt
    met één query meer."""
    for _ in range(3):
        traject(coach=None)
        traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 30 * DAG)
    with django_assert_num_queries(len(selectors.SIGNALEN)):
        selectors.werkvoorraad(user=medewerker)
    for _ in range(20):
        traject(coach=None)
        traject(status=Status.AANGEMELD, aanmelddatum=VANDAAG - 30 * DAG)
    with django_assert_num_queries(len(selectors.SIGNALEN)):
        selectors.werkvoorraad(user=medewerker)
    with django_assert_num_queries(len(selectors.SIGNALEN) + 2):
        selectors.werkvoorraad(user=medewerker, limiet=10)


def test_een_nieuwe_soort_is_een_regel_in_signalen(medewerker, traject, monkeypatch):
    """Zo komt een soort erbij (bijvoorbeeld verlopen acties): één `Signaal`, en lijst,
    telling en volgorde doen mee."""
    wacht = traject(coach=None, wachtlijst_sinds=VANDAAG - 5 * DAG)
    nieuw = Signaal("proef", "Proefsignaal", "Bekijken", wacht_op_coach, "trajecten:intake",
                    termijn=datetime.timedelta(days=2))
    module = importlib.import_module("trajecten.selectors.werkvoorraad")
    monkeypatch.setattr(module, "SIGNALEN", [*module.SIGNALEN, nieuw])
    werk = selectors.werkvoorraad(user=medewerker)
    assert [(r.signaal.sleutel, r.dagen_te_laat) for r in werk.regels] == [
        ("wachtlijst", 5), ("proef", 3),
    ]
    assert werk.regels[1].actie_url == reverse("trajecten:intake", args=[wacht.pk])
    assert [s.sleutel for s, _n in werk.per_soort][-1] == "proef"
