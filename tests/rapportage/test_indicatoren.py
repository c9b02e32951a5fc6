"""Elke indicator tegen zijn definitie in docs/domain.md ("Indicatoren"), op kleine, met de hand
gemaakte datasets (zie `dataset` in conftest.py; peildatum 31-12-2026)."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from rapportage import indicatoren as ind
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory, ProgrammaFactory
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import RedenAfgerond, Soort, Status
from trajecten.factories import CoachFactory, DeelnemerFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def kern(s):
    return ind.kerncijfers(s)


def test_trajecten_gestart_telt_alleen_het_programma_en_de_periode(dataset, selectie):
    assert kern(selectie())["trajecten_gestart"] == 3
    # T1 startte op 1 februari: buiten een periode vanaf maart.
    assert kern(selectie(van=D(2026, 3, 1), tot=D(2026, 12, 31)))["trajecten_gestart"] == 2
    assert kern(selectie(van=D(2026, 3, 1), tot=D(2026, 3, 31)))["trajecten_gestart"] == 1


def test_trajecten_gestart_alleen_binnen_de_looptijd_van_het_programma(selectie, programma,
                                                                      groningen):
    # Vóór de start van het programma gestart (gegevens van vóór de weigering in de service):
    # telt niet, ook niet als het filter eerder begint; zijn kosten tellen dan ook niet.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2025, 11, 1),
            start=D(2025, 12, 1), kosten=400)
    binnen = traject(programma=programma, gemeente=groningen, aanmeld=D(2025, 12, 15),
                     start=D(2026, 1, 1), kosten=100)
    plaatsing(binnen, Soort.BAAN, D(2026, 2, 1))
    k = kern(selectie(van=D(2025, 1, 1)))
    assert (k["trajecten_gestart"], k["kosten"]) == (1, Decimal("100"))
    maanden = {m["maand"]: m["gestart"] for m in ind.trend(selectie(van=D(2025, 1, 1)), [])}
    assert maanden[D(2025, 12, 1)] == 0 and maanden[D(2026, 1, 1)] == 1


def test_persoon_twee_keer_geplaatst_telt_een_keer(dataset, selectie):
    # A (baan + stage) en C (werkervaringsplaats); B heeft alleen vrijwilligerswerk/opleiding.
    assert kern(selectie())["personen_geplaatst"] == 2


def test_tweede_traject_van_dezelfde_persoon_telt_niet_dubbel(dataset, selectie, programma,
                                                              groningen):
    deelnemer = dataset["t1"].deelnemer
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 7, 1),
                start=D(2026, 7, 5), deelnemer=deelnemer)
    plaatsing(t, Soort.BAAN, D(2026, 8, 1))
    assert kern(selectie())["personen_geplaatst"] == 2


@pytest.mark.parametrize("soort", [Soort.VRIJWILLIGERSWERK, Soort.OPLEIDING,
                                   Soort.PROEFPLAATSING, Soort.LEERWERKTRAJECT])
def test_andere_soorten_tellen_niet_als_geplaatst(soort, selectie, programma, groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 5),
                start=D(2026, 1, 10))
    plaatsing(t, soort, D(2026, 2, 1))
    k = kern(selectie())
    assert k["personen_geplaatst"] == 0
    assert k["uitstroom"]["aantallen"]["werk"] == 0


def test_plaatsing_buiten_de_periode_telt_niet(dataset, selectie):
    # De baan van A begon 1 maart, de werkervaringsplaats van C 1 juni.
    assert kern(selectie(van=D(2026, 3, 2), tot=D(2026, 4, 30)))["personen_geplaatst"] == 0
    assert kern(selectie(van=D(2026, 5, 1), tot=D(2026, 6, 1)))["personen_geplaatst"] == 2


def test_getekend_contract_telt_pas_als_het_begonnen_is(dataset, selectie, programma, emmen):
    """Peildatum 1 juli 2026: een baan die 15 juli begint is getekend, nog niet gestart, en
    telt in geen enkel cijfer mee; de trend eindigt op dezelfde waarde als de kerncijfers."""
    t = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 5, 1),
                start=D(2026, 5, 10), kosten=700)
    plaatsing(t, Soort.BAAN, D(2026, 7, 15))
    s = selectie(peildatum=D(2026, 7, 1))
    k = kern(s)
    # A (baan 1 maart) en C (wep 1 juni) zijn begonnen; de nieuwe deelnemer nog niet.
    assert (k["personen_geplaatst"], k["getekend_niet_gestart"]) == (2, 1)
    soorten = {p["soort"]: (p["aantal"], p["getekend"]) for p in k["plaatsingen_per_soort"]}
    assert soorten[Soort.BAAN] == (1, 1)
    assert k["uitstroom"]["aantallen"]["werk"] == 2
    # (1000 + 2000 + 500 + 700) / 2 begonnen personen.
    assert k["kosten_per_plaatsing"] == Decimal("2100.00")
    assert k["mediaan_doorlooptijd"] == 68.5  # 45 en 92 dagen; de toekomstige telt niet
    trend = ind.trend(s, [])
    juli = next(m for m in trend if m["maand"] == D(2026, 7, 1))
    assert juli["geplaatst"] == 0 and juli["geplaatst_cumulatief"] == 2
    assert max(m["geplaatst_cumulatief"] or 0 for m in trend) == k["personen_geplaatst"]
    # Op 15 juli is hij begonnen.
    k = kern(selectie(peildatum=D(2026, 7, 15)))
    assert (k["personen_geplaatst"], k["getekend_niet_gestart"]) == (3, 0)


def test_gemeentefilter(dataset, selectie, emmen, groningen):
    k = kern(selectie(gemeenten=[emmen]))
    assert (k["trajecten_gestart"], k["personen_geplaatst"]) == (1, 1)
    assert kern(selectie(gemeenten=[groningen]))["personen_geplaatst"] == 1


def test_duurzaam_geplaatst(dataset, selectie):
    # Zes maanden na de start vóór 31-12-2026: baan A (loopt), stage A (1 maand), wep C (2).
    k = kern(selectie())
    assert (k["duurzaam_teller"], k["duurzaam_noemer"], k["duurzaam_geplaatst_pct"]) == (
        1, 3, 33.3)
    # Op 1 juli 2026 is voor geen enkele plaatsing de zes-maandendatum al bereikt.
    k = kern(selectie(peildatum=D(2026, 7, 1)))
    assert (k["duurzaam_teller"], k["duurzaam_noemer"], k["duurzaam_geplaatst_pct"]) == (
        0, 0, None)


def test_duurzaam_einddatum_precies_zes_maanden_na_start_telt(selectie, programma, groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 5))
    plaatsing(t, Soort.BAAN, D(2026, 1, 10), D(2026, 7, 10))
    plaatsing(t, Soort.STAGE, D(2026, 1, 10), D(2026, 7, 9))
    k = kern(selectie())
    assert (k["duurzaam_teller"], k["duurzaam_noemer"]) == (1, 2)


def test_kosten_per_plaatsing(dataset, selectie):
    # (1000 + 2000 + 500) / 2 personen; het andere programma (9999) telt niet.
    assert kern(selectie())["kosten_per_plaatsing"] == Decimal("1750.00")
    assert kern(selectie(van=D(2027, 1, 1), tot=D(2027, 12, 31)))["kosten_per_plaatsing"] is None


def test_uitstroom_kis(dataset, selectie):
    r = kern(selectie())["uitstroom"]
    assert r["deelnemers"] == 4
    assert r["aantallen"] == {"werk": 2, "onderwijs": 1, "vrijwilligerswerk": 1,
                              "nog_niet_gestart": 1}
    assert r["aandelen"] == {"werk": 50.0, "onderwijs": 25.0, "vrijwilligerswerk": 25.0,
                             "nog_niet_gestart": 25.0}


def test_uitstroom_noemer_is_wie_in_de_periode_een_open_traject_had(dataset, selectie,
                                                                    programma, groningen):
    # Een traject dat eind 2025 afliep, was in 2026 niet open: de deelnemer telt niet mee.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2025, 6, 1),
            start=D(2025, 6, 10), status=Status.AFGEROND, eind=D(2025, 12, 31))
    assert kern(selectie())["uitstroom"]["deelnemers"] == 4
    # Over 2025 wel (en daar is hij gestart, de anderen waren er nog niet).
    r = kern(selectie(van=D(2025, 1, 1), tot=D(2025, 12, 31)))["uitstroom"]
    assert (r["deelnemers"], r["aantallen"]["nog_niet_gestart"]) == (1, 0)
    # Tot eind februari 2026: A (start 1 feb) en B (aangemeld 1 feb, start 1 maart) open;
    # B was toen nog niet gestart; A's baan (1 maart) valt erbuiten.
    r = kern(selectie(van=D(2026, 1, 1), tot=D(2026, 2, 28)))["uitstroom"]
    assert (r["deelnemers"], r["aantallen"]["nog_niet_gestart"], r["aantallen"]["werk"]) == (
        2, 1, 0)


def test_afgerond_met_reden_onderwijs_of_vrijwilligerswerk_telt_in_die_uitstroom(
        dataset, selectie, programma, groningen):
    basis = kern(selectie())["uitstroom"]["aantallen"]
    voor_juni = kern(selectie(van=D(2026, 1, 1), tot=D(2026, 5, 31)))["uitstroom"]["aantallen"]
    # Afgerond zonder werk, met reden onderwijs, in de periode: telt bij onderwijs.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2), start=D(2026, 1, 5),
            status=Status.AFGEROND, eind=D(2026, 6, 30), reden=RedenAfgerond.ONDERWIJS)
    # Vrijwilligerswerk / participatie, ook in de periode.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2), start=D(2026, 1, 5),
            status=Status.AFGEROND, eind=D(2026, 7, 31), reden=RedenAfgerond.VRIJWILLIGERSWERK)
    # Met reden 'verhuisd' telt in geen enkele categorie, wel in de noemer.
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2), start=D(2026, 1, 5),
            status=Status.AFGEROND, eind=D(2026, 7, 31), reden=RedenAfgerond.VERHUISD)
    r = kern(selectie())["uitstroom"]
    assert r["deelnemers"] == 7
    assert r["aantallen"] == {**basis, "onderwijs": basis["onderwijs"] + 1,
                              "vrijwilligerswerk": basis["vrijwilligerswerk"] + 1}
    # Gedateerd op de einddatum: in een periode die vóór 30 juni eindigt telt het nog niet.
    r = kern(selectie(van=D(2026, 1, 1), tot=D(2026, 5, 31)))["uitstroom"]
    assert (r["aantallen"]["onderwijs"], r["aantallen"]["vrijwilligerswerk"]) == (
        voor_juni["onderwijs"], voor_juni["vrijwilligerswerk"])


def test_proefplaatsing_is_geen_werk_en_leerwerktraject_is_onderwijs(selectie, programma,
                                                                      groningen):
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 5))
    plaatsing(t, Soort.PROEFPLAATSING, D(2026, 2, 1))
    plaatsing(t, Soort.LEERWERKTRAJECT, D(2026, 3, 1))
    r = kern(selectie())["uitstroom"]
    assert (r["aantallen"]["werk"], r["aantallen"]["onderwijs"]) == (0, 1)


def test_coaches(dataset, selectie, emmen):
    k = kern(selectie())
    assert (k["coaches_getraind"], k["coaches_actief"], k["deelnemers_met_coach"],
            k["deelnemers_per_coach"]) == (1, 1, 1, Decimal("1.0"))
    k = kern(selectie(gemeenten=[emmen]))
    assert k["coaches_actief"] == 0 and k["deelnemers_per_coach"] is None


def test_coaches_volgen_het_filter(selectie, programma, groningen, emmen):
    """Alleen coaches van een traject dat in de periode open was; getraind op of vóór het
    einde van de periode; het vlaggetje 'actief' van de coach zegt niets over de periode."""
    oud = CoachFactory(gemeenten=[groningen], actief=True, getraind_op=D(2025, 1, 1))
    nieuw = CoachFactory(gemeenten=[groningen, emmen], actief=False, getraind_op=D(2026, 9, 1))
    CoachFactory(gemeenten=[groningen], actief=True, getraind_op=D(2020, 1, 1))  # geen traject
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 5),
            start=D(2026, 1, 10), status=Status.AFGEROND, eind=D(2026, 3, 31), coach=oud)
    traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 6, 1),
            start=D(2026, 6, 5), coach=nieuw)
    traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 6, 2), start=D(2026, 6, 6),
            coach=nieuw)

    def coaches(**kw):
        k = kern(selectie(**kw))
        return (k["coaches_actief"], k["coaches_getraind"], k["deelnemers_met_coach"])

    assert coaches() == (2, 2, 3)
    assert coaches(van=D(2026, 1, 1), tot=D(2026, 3, 31)) == (1, 1, 1)  # alleen 'oud'
    assert coaches(van=D(2026, 4, 1), tot=D(2026, 8, 31)) == (1, 0, 2)  # 'nieuw', nog niet getraind
    assert coaches(van=D(2026, 4, 1), tot=D(2026, 9, 30)) == (1, 1, 2)
    assert coaches(van=D(2027, 6, 1), tot=D(2027, 12, 31)) == (0, 0, 0)  # na de peildatum
    # Per gemeente telt 'nieuw' in beide gemeenten, in het totaal één keer.
    rijen = {r["cbs_code"]: r for r in ind.per_gemeente(selectie(), [])}
    assert (rijen["GM0014"]["coaches_actief"], rijen["GM0114"]["coaches_actief"]) == (2, 1)


def test_trechter(dataset, selectie):
    r = ind.trechter(selectie())
    per = {s["status"]: (s["aantal"], s["bereikt"]) for s in r["stappen"]}
    assert per[Status.AANGEMELD] == (1, 4)
    assert per[Status.ACTIEF] == (1, 3)
    assert per[Status.GEPLAATST] == (2, 2)
    assert per[Status.AFGEROND] == (0, 0)
    assert r["uitgevallen"] == 0


def test_mediaan_doorlooptijd(dataset, selectie):
    # T1: 15 jan → 1 mrt = 45 dagen; T3: 1 mrt → 1 jun = 92 dagen.
    assert ind.mediaan_doorlooptijd(selectie()) == 68.5
    assert ind.mediaan_doorlooptijd(selectie(van=D(2026, 5, 1))) == 92.0
    assert ind.mediaan_doorlooptijd(selectie(van=D(2027, 1, 1))) is None


def test_mediaan_oneven_aantal(selectie, programma, groningen):
    for dagen in (10, 30, 20):
        t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 1),
                    start=D(2026, 1, 2))
        plaatsing(t, Soort.BAAN, D(2026, 1, 1) + datetime.timedelta(days=dagen))
    assert ind.mediaan_doorlooptijd(selectie()) == 20.0


def test_trend_per_maand_en_cumulatief(dataset, selectie):
    s = selectie(van=D(2026, 1, 1), tot=D(2026, 6, 30))
    maanden = {m["maand"]: m for m in ind.trend(s, ind.doelstellingen(s))}
    assert list(maanden) == [D(2026, m, 1) for m in range(1, 7)]
    assert [maanden[D(2026, m, 1)]["gestart"] for m in range(1, 7)] == [0, 1, 1, 1, 0, 0]
    # A wordt in maart voor het eerst geplaatst (de stage in mei telt niet opnieuw), C in juni.
    assert [maanden[D(2026, m, 1)]["geplaatst"] for m in range(1, 7)] == [0, 0, 1, 0, 0, 1]
    assert maanden[D(2026, 6, 1)]["geplaatst_cumulatief"] == 2
    assert maanden[D(2026, 6, 1)]["gestart_cumulatief"] == 3


def test_trend_na_de_peildatum_geen_cumulatieve_waarde(dataset, selectie):
    s = selectie(peildatum=D(2026, 6, 15))
    maanden = {m["maand"]: m for m in ind.trend(s, ind.doelstellingen(s))}
    assert maanden[D(2026, 6, 1)]["gestart_cumulatief"] == 3
    assert maanden[D(2026, 7, 1)]["gestart_cumulatief"] is None
    assert maanden[D(2027, 12, 1)]["geplaatst_cumulatief"] is None


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
    (doel,) = ind.doelstellingen(selectie(peildatum=D(2026, 6, 30)))
    assert (doel["waarde"], doel["realisatie"]) == (19, 38.0)
    # 19 + 9/90 per dag × 184 resterende dagen = 37,4
    assert doel["prognose"] == 37.4
    assert ind.prognose(waarde=19, nieuw_in_venster=9, venster_dagen=90,
                        resterende_dagen=184) == 37.4


def test_prognose_kort_na_de_start_gebruikt_de_verstreken_dagen():
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2026, 1, 10)) == (10, 355)
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2025, 12, 31)) is None
    assert ind.prognose_venster(D(2026, 1, 1), D(2026, 12, 31), D(2027, 1, 1)) == (90, 0)


def test_achter_op_schema_exact_meer_dan_tien_procentpunten():
    helft = ind.verstreken(D(2026, 1, 1), D(2026, 12, 31), D(2026, 7, 2))  # 183 van 365 dagen
    assert helft == Fraction(183, 365)
    gelijk = ind.verstreken(D(2026, 1, 1), D(2026, 1, 10), D(2026, 1, 5))
    assert gelijk == Fraction(1, 2)
    assert ind.achter_op_schema(39, 100, gelijk)       # 39 % < 50 - 10
    assert not ind.achter_op_schema(40, 100, gelijk)   # precies 10 punten: niet achter
    assert ind.achter_op_schema(399, 1000, gelijk)     # 39,9 %
    assert not ind.achter_op_schema(0, 5, Fraction(0))  # vóór de start nooit achter
    assert ind.achter_op_schema(89, 100, Fraction(1))   # na het einde: onder 90 %
    assert ind.verstreken(D(2026, 1, 1), D(2026, 1, 10), D(2025, 1, 1)) == 0
    assert ind.verstreken(D(2026, 1, 1), D(2026, 1, 10), D(2027, 1, 1)) == 1


def test_doelstellingen_per_gemeente_tegen_eigen_doel(dataset, selectie, programma,
                                                     groningen, emmen):
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=10)
    DoelstellingFactory(programma=programma, indicator=Indicator.TRAJECTEN_GESTART,
                        streefwaarde=10, startdatum=D(2026, 1, 1), einddatum=D(2026, 3, 31),
                        omschrijving="Kwartaal 1")
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=4, gemeente=groningen)
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=2, gemeente=emmen)
    doelen = {(d["omschrijving"], d["gemeente"]): d for d in ind.doelstellingen(selectie())}
    assert doelen[("Kwartaal 1", None)]["waarde"] == 2  # T1 (februari) en T2 (maart)
    assert doelen[("", None)]["waarde"] == 3
    assert (doelen[("", "Groningen")]["waarde"], doelen[("", "Groningen")]["realisatie"]) == (
        1, 25.0)
    assert doelen[("", "Emmen")]["waarde"] == 1
    # Alleen Emmen: de doelen van het hele programma blijven landelijk gemeten (3, niet 1),
    # het doel van Groningen valt weg.
    doelen = {(d["omschrijving"], d["gemeente"]): d
              for d in ind.doelstellingen(selectie(gemeenten=[emmen]))}
    assert set(doelen) == {("", None), ("Kwartaal 1", None), ("", "Emmen")}
    assert doelen[("", None)]["waarde"] == 3
    assert doelen[("Kwartaal 1", None)]["waarde"] == 2
    # Het filter (van/tot) verandert een doel niet: het geldt voor zijn eigen periode.
    doelen = ind.doelstellingen(selectie(van=D(2026, 3, 1), tot=D(2026, 3, 31)))
    assert {d["waarde"] for d in doelen if d["gemeente"] is None and not d["omschrijving"]} == {3}


def test_doel_telt_alleen_begonnen_plaatsingen(selectie, programma, groningen):
    DoelstellingFactory(programma=programma, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=10)
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 5))
    plaatsing(t, Soort.BAAN, D(2026, 7, 1))
    (doel,) = ind.doelstellingen(selectie(peildatum=D(2026, 6, 30)))
    assert (doel["waarde"], doel["prognose"]) == (0, 0.0)
    (doel,) = ind.doelstellingen(selectie(peildatum=D(2026, 7, 1)))
    assert doel["waarde"] == 1


def test_per_gemeente_is_gelijk_aan_de_selectie_van_die_gemeente(dataset, selectie, groningen,
                                                                 emmen):
    rijen = {r["cbs_code"]: r for r in ind.per_gemeente(selectie(), [])}
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
        k = kern(selectie(gemeenten=[gemeente]))
        for sleutel in ind.TABELRIJ:
            assert rijen[code][sleutel] == k[sleutel], (code, sleutel)


def test_totaalrij_telt_verschillende_personen_na_een_verhuizing(selectie, programma,
                                                                 groningen, emmen):
    persoon = DeelnemerFactory(gemeente=emmen)
    eerst = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                    start=D(2026, 1, 5), status=Status.AFGEROND, eind=D(2026, 4, 30),
                    deelnemer=persoon)
    plaatsing(eerst, Soort.BAAN, D(2026, 2, 1), D(2026, 4, 30))
    daarna = traject(programma=programma, gemeente=emmen, aanmeld=D(2026, 5, 2),
                     start=D(2026, 5, 5), deelnemer=persoon)
    plaatsing(daarna, Soort.STAGE, D(2026, 6, 1))
    d = ind.dashboard(selectie())
    rijen = {r["cbs_code"]: r["personen_geplaatst"] for r in d["gemeenten"]}
    assert rijen == {"GM0014": 1, "GM0114": 1}
    assert d["totaal"]["personen_geplaatst"] == 1
    assert d["totaal"]["trajecten_gestart"] == 2
    assert d["totaal"]["cbs_code"] == "TOTAAL"


def test_programmagemeente_zonder_trajecten_staat_in_de_tabel(selectie, programma):
    from gemeenten.models import Gemeente

    programma.gemeenten.add(Gemeente.objects.get(cbs_code="GM0344"))
    rijen = ind.per_gemeente(selectie(), [])
    assert [(r["gemeente"], r["trajecten_gestart"]) for r in rijen] == [("Utrecht", 0)]


def test_vergelijking_op_dezelfde_dag_sinds_de_start(selectie, programma, groningen):
    eerder = ProgrammaFactory(naam="Eerder", startdatum=D(2006, 1, 1), einddatum=D(2006, 12, 31))
    DoelstellingFactory(programma=eerder, indicator=Indicator.PERSONEN_GEPLAATST,
                        streefwaarde=4)
    programma.vergelijk_met = eerder
    programma.save()
    for start in (D(2006, 1, 31), D(2006, 2, 1), D(2006, 12, 31)):
        t = traject(programma=eerder, gemeente=groningen, aanmeld=D(2006, 1, 2),
                    start=D(2006, 1, 3))
        plaatsing(t, Soort.BAAN, start)
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2026, 1, 2),
                start=D(2026, 1, 3))
    plaatsing(t, Soort.STAGE, D(2026, 1, 31))
    # Peildatum 31 januari 2026 = dag 31; in 2006 is dat 31 januari.
    v = ind.vergelijking(selectie(peildatum=D(2026, 1, 31)))
    assert v["dag"] == 31
    assert (v["programma"]["geplaatst"], v["programma"]["pct"]) == (1, 25.0)
    assert (v["eerder"]["datum"], v["eerder"]["geplaatst"], v["eerder"]["pct"]) == (
        D(2006, 1, 31), 1, 25.0)
    assert (v["eerder"]["eind_geplaatst"], v["eerder"]["eind_pct"], v["maatstaf"]) == (3, 75.0, 4)
    # Na het einde van het eerdere programma: dag N valt op zijn einde.
    v = ind.vergelijking(selectie(peildatum=D(2027, 6, 1)))
    assert (v["dag"], v["eerder"]["datum"], v["eerder"]["geplaatst"]) == (517, D(2006, 12, 31), 3)
    # Vóór de start: geen dag, niets geteld.
    v = ind.vergelijking(selectie(peildatum=D(2025, 12, 31)))
    assert (v["dag"], v["programma"]["geplaatst"], v["eerder"]["geplaatst"]) == (None, 0, 0)
