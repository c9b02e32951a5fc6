"""Elke indicator tegen de definitie in DOMAIN.md, op een kleine met de hand gemaakte dataset
(zie `dataset` in conftest.py)."""

import datetime
from decimal import Decimal

import pytest

from rapportage import indicatoren as ind
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort, Status

D = datetime.date
pytestmark = pytest.mark.django_db


def test_trajecten_gestart_telt_alleen_het_programma_en_de_periode(dataset, selectie):
    s = selectie()
    assert ind.trajecten_gestart(s.trajecten(), van=s.van, tot=s.tot) == 3
    # T1 startte op 1 februari: buiten een periode vanaf maart.
    assert ind.trajecten_gestart(s.trajecten(), van=D(2026, 3, 1), tot=D(2026, 12, 31)) == 2
    assert ind.trajecten_gestart(s.trajecten(), van=D(2026, 3, 1), tot=D(2026, 3, 31)) == 1


def test_persoon_twee_keer_geplaatst_telt_een_keer(dataset, selectie):
    s = selectie()
    # A (baan + stage) en C (werkervaringsplaats); B heeft alleen vrijwilligerswerk/opleiding.
    assert ind.personen_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot) == 2


def test_tweede_traject_van_dezelfde_persoon_telt_niet_dubbel(dataset, selectie, programma,
                                                              groningen):
    deelnemer = dataset["t1"].deelnemer
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 7, 1),
                start=D(2026, 7, 5), deelnemer=deelnemer)
    plaatsing(t, Soort.BAAN, D(2026, 8, 1))
    s = selectie()
    assert ind.personen_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot) == 2


@pytest.mark.parametrize("soort", [Soort.VRIJWILLIGERSWERK, Soort.OPLEIDING,
                                   Soort.PROEFPLAATSING, Soort.LEERWERKTRAJECT])
def test_andere_soorten_tellen_niet_als_geplaatst(soort, selectie, programma, groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 5),
                start=D(2026, 1, 10))
    plaatsing(t, soort, D(2026, 2, 1))
    s = selectie()
    assert ind.personen_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot) == 0


def test_plaatsing_buiten_de_periode_telt_niet(dataset, selectie):
    s = selectie()
    # De baan van A begon 1 maart, de werkervaringsplaats van C 1 juni.
    assert ind.personen_geplaatst(s.plaatsingen(), van=D(2026, 3, 2), tot=D(2026, 4, 30)) == 0
    assert ind.personen_geplaatst(s.plaatsingen(), van=D(2026, 5, 1), tot=D(2026, 6, 1)) == 2


def test_gemeentefilter(dataset, selectie, emmen, groningen):
    s = selectie(gemeenten=[emmen])
    assert ind.trajecten_gestart(s.trajecten(), van=s.van, tot=s.tot) == 1
    assert ind.personen_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot) == 1
    s = selectie(gemeenten=[groningen])
    assert ind.personen_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot) == 1


def test_duurzaam_geplaatst(dataset, selectie):
    s = selectie()
    r = ind.duurzaam_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot, peildatum=s.peildatum)
    # Gestart ≥ 6 maanden vóór 31-12-2026: baan A (loopt), stage A (1 maand), wep C (2 maanden).
    assert r == {"teller": 1, "noemer": 3, "percentage": 33.3}
    # Op 1 juli 2026 is alleen de baan van 1 maart niet oud genoeg... niets is oud genoeg.
    r = ind.duurzaam_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot, peildatum=D(2026, 7, 1))
    assert r == {"teller": 0, "noemer": 0, "percentage": None}


def test_duurzaam_einddatum_precies_zes_maanden_na_start_telt(selectie, programma, groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 5))
    plaatsing(t, Soort.BAAN, D(2026, 1, 10), D(2026, 7, 10))
    plaatsing(t, Soort.STAGE, D(2026, 1, 10), D(2026, 7, 9))
    s = selectie()
    r = ind.duurzaam_geplaatst(s.plaatsingen(), van=s.van, tot=s.tot, peildatum=s.peildatum)
    assert (r["teller"], r["noemer"]) == (1, 2)


def test_kosten_per_plaatsing(dataset, selectie):
    s = selectie()
    # (1000 + 2000 + 500) / 2 personen; het andere programma (9999) telt niet.
    assert ind.kosten_per_plaatsing(
        s.trajecten(), s.plaatsingen(), van=s.van, tot=s.tot
    ) == Decimal("1750.00")
    assert ind.kosten_per_plaatsing(
        s.trajecten(), s.plaatsingen(), van=D(2027, 1, 1), tot=D(2027, 12, 31)
    ) is None


def test_uitstroom_kis(dataset, selectie):
    s = selectie()
    r = ind.uitstroom(s.trajecten(), van=s.van, tot=s.tot)
    assert r["deelnemers"] == 4
    assert r["aantallen"] == {"werk": 2, "onderwijs": 1, "vrijwilligerswerk": 1,
                              "nog_niet_gestart": 1}
    assert r["aandelen"] == {"werk": 50.0, "onderwijs": 25.0, "vrijwilligerswerk": 25.0,
                             "nog_niet_gestart": 25.0}


def test_proefplaatsing_is_geen_werk_en_leerwerktraject_is_onderwijs(selectie, programma,
                                                                      groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 5))
    plaatsing(t, Soort.PROEFPLAATSING, D(2026, 2, 1))
    plaatsing(t, Soort.LEERWERKTRAJECT, D(2026, 3, 1))
    s = selectie()
    r = ind.uitstroom(s.trajecten(), van=s.van, tot=s.tot)
    assert r["aantallen"]["werk"] == 0
    assert r["aantallen"]["onderwijs"] == 1


def test_coaches(dataset, selectie, emmen):
    r = ind.coaches(selectie())
    assert r == {"getraind": 1, "actief": 1, "deelnemers_met_coach": 1,
                 "deelnemers_per_coach": Decimal("1.0")}
    r = ind.coaches(selectie(gemeenten=[emmen]))
    assert r["actief"] == 0 and r["deelnemers_per_coach"] is None


def test_trechter(dataset, selectie):
    r = ind.trechter(selectie().trajecten(), van=D(2026, 1, 1), tot=D(2027, 12, 31))
    per = {s["status"]: (s["aantal"], s["bereikt"]) for s in r["stappen"]}
    assert per[Status.AANGEMELD] == (1, 4)
    assert per[Status.ACTIEF] == (1, 3)
    assert per[Status.GEPLAATST] == (2, 2)
    assert per[Status.AFGEROND] == (0, 0)
    assert r["uitgevallen"] == 0


def test_mediaan_doorlooptijd(dataset, selectie):
    s = selectie()
    # T1: 15 jan → 1 mrt = 45 dagen; T3: 1 mrt → 1 jun = 92 dagen.
    assert ind.mediaan_doorlooptijd(s.plaatsingen(), van=s.van, tot=s.tot) == 68.5
    assert ind.mediaan_doorlooptijd(s.plaatsingen(), van=D(2026, 5, 1), tot=s.tot) == 92.0
    assert ind.mediaan_doorlooptijd(s.plaatsingen(), van=D(2027, 1, 1), tot=s.tot) is None


def test_mediaan_oneven_aantal(selectie, programma, groningen):
    for dagen in (10, 30, 20):
        t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                    start=D(2026, 1, 2))
        plaatsing(t, Soort.BAAN, D(2026, 1, 1) + datetime.timedelta(days=dagen))
    s = selectie()
    assert ind.mediaan_doorlooptijd(s.plaatsingen(), van=s.van, tot=s.tot) == 20.0


def test_trend_per_maand_en_cumulatief(dataset, selectie, programma):
    s = selectie(van=D(2026, 1, 1), tot=D(2026, 6, 30))
    doelen = ind.doelstellingen(s)
    maanden = {m["maand"]: m for m in ind.trend(s, doelen)}
    assert list(maanden) == [D(2026, m, 1) for m in range(1, 7)]
    assert [maanden[D(2026, m, 1)]["gestart"] for m in range(1, 7)] == [0, 1, 1, 1, 0, 0]
    # A wordt in maart voor het eerst geplaatst (de stage in mei telt niet opnieuw), C in juni.
    assert [maanden[D(2026, m, 1)]["geplaatst"] for m in range(1, 7)] == [0, 0, 1, 0, 0, 1]
    assert maanden[D(2026, 6, 1)]["geplaatst_cumulatief"] == 2
    assert maanden[D(2026, 6, 1)]["gestart_cumulatief"] == 3


def test_prognose_op_bekende_reeks(selectie, programma, groningen):
    programma.einddatum = D(2026, 12, 31)
    programma.save()
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=50)
    # Tien trajecten in januari (vóór het venster), negen in de laatste 90 dagen vóór 30 juni.
    for dag in range(1, 11):
        traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                start=D(2026, 1, dag))
    for dag in range(1, 10):
        traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 4, 1),
                start=D(2026, 4, 1) + datetime.timedelta(days=9 * dag))
    s = selectie(tot=D(2026, 12, 31), peildatum=D(2026, 6, 30))
    (doel,) = ind.doelstellingen(s)
    assert doel["waarde"] == 19
    assert doel["realisatie"] == 38.0
    # 19 + 9/90 per dag × 184 resterende dagen = 37,4
    assert doel["prognose"] == 37.4
    assert ind.prognose(waarde=19, nieuw_in_venster=9, venster_dagen=90,
                        resterende_dagen=184) == 37.4


def test_prognose_kort_na_de_start_gebruikt_de_verstreken_dagen():
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2026, 1, 10)) == (10, 355)
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2025, 12, 31)) is None
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2027, 1, 1)) == (90, 0)


def test_doelstellingen_per_jaar_en_per_gemeente(dataset, selectie, programma, groningen,
                                                 emmen):
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=10, startdatum=D(2026, 1, 1), einddatum=D(2026, 3, 31),
                        omschrijving="Jaar 1")
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=4, gemeente=groningen)
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=2, gemeente=emmen)
    doelen = {(d["omschrijving"], d["gemeente"]): d for d in ind.doelstellingen(selectie())}
    assert doelen[("Jaar 1", None)]["waarde"] == 2  # T1 (februari) en T2 (maart)
    assert doelen[("", "Groningen")]["waarde"] == 1
    assert doelen[("", "Groningen")]["realisatie"] == 25.0
    assert doelen[("", "Emmen")]["waarde"] == 1
    # Alleen Emmen geselecteerd: de doelstelling van Groningen valt weg.
    doelen = ind.doelstellingen(selectie(gemeenten=[emmen]))
    assert {d["gemeente"] for d in doelen} == {None, "Emmen"}
    jaar1 = next(d for d in doelen if d["omschrijving"] == "Jaar 1")
    assert jaar1["waarde"] == 0


def test_per_gemeente_is_gelijk_aan_de_losse_definities(dataset, selectie, groningen, emmen):
    rijen = {r["cbs_code"]: r for r in ind.per_gemeente(selectie())}
    assert set(rijen) == {"GM0014", "GM0114"}
    gr = rijen["GM0014"]
    assert (gr["trajecten_gestart"], gr["personen_geplaatst"]) == (2, 1)
    assert (gr["plaatsingen_baan"], gr["plaatsingen_stage"], gr["plaatsingen_opleiding"]) == (
        1, 1, 1)
    assert gr["kosten_per_plaatsing"] == Decimal("3000.00")
    assert gr["duurzaam_geplaatst_pct"] == 50.0
    assert (gr["coaches_actief"], gr["deelnemers_per_coach"]) == (1, Decimal("1.0"))
    em = rijen["GM0114"]
    assert (em["trajecten_gestart"], em["personen_geplaatst"]) == (1, 1)
    assert em["duurzaam_geplaatst_pct"] == 0.0
    assert em["coaches_actief"] == 0 and em["deelnemers_per_coach"] is None
    for code, gemeente in (("GM0014", groningen), ("GM0114", emmen)):
        s = selectie(gemeenten=[gemeente])
        assert rijen[code]["trajecten_gestart"] == ind.trajecten_gestart(
            s.trajecten(), van=s.van, tot=s.tot)
        assert rijen[code]["personen_geplaatst"] == ind.personen_geplaatst(
            s.plaatsingen(), van=s.van, tot=s.tot)


def test_programmagemeente_zonder_trajecten_staat_in_de_tabel(selectie, programma):
    from gemeenten.models import Gemeente

    programma.gemeenten.add(Gemeente.objects.get(cbs_code="GM0344"))
    rijen = ind.per_gemeente(selectie())
    assert [(r["gemeente"], r["trajecten_gestart"]) for r in rijen] == [("Utrecht", 0)]


def test_kerncijfers_en_dashboard(dataset, selectie):
    r = ind.dashboard(selectie())
    k = r["kerncijfers"]
    assert (k["trajecten_gestart"], k["personen_geplaatst"]) == (3, 2)
    assert k["kosten_per_plaatsing"] == Decimal("1750.00")
    assert {p["soort"]: p["aantal"] for p in k["plaatsingen_per_soort"]}["baan"] == 1
    assert k["duurzaam"]["percentage"] == 33.3
    assert k["mediaan_doorlooptijd"] == 68.5


def test_trend_na_de_peildatum_geen_cumulatieve_waarde(dataset, selectie):
    s = selectie(peildatum=D(2026, 6, 15))
    maanden = {m["maand"]: m for m in ind.trend(s, ind.doelstellingen(s))}
    assert maanden[D(2026, 6, 1)]["gestart_cumulatief"] == 3
    assert maanden[D(2026, 7, 1)]["gestart_cumulatief"] is None
    assert maanden[D(2027, 12, 1)]["geplaatst_cumulatief"] is None
