"""De rapportage tegen een onafhankelijke dataset met met de hand uitgerekende antwoorden
(handdata.py), cijfer voor cijfer op het scherm (HTML), in de CSV en in het XLSX-rapport.

Peildatum 30-09-2026. P loopt 01-01-2026 t/m 30-06-2027 = 365 + 181 = 546 dagen; op de
peildatum zijn 273 dagen verstreken (januari t/m september: 31+28+31+30+31+30+31+31+30),
precies 50 %. Achter op schema dus bij een realisatie onder 40 % (strikt).

Trajecten gestart (start in de looptijd, op of vóór de peildatum): A, B1, B2, C, D, E, F, G,
J, L = 10. Niet: I (start 01-12-2025, vóór de looptijd), H (niet gestart), Q en R.
    Groningen A, B1, E = 3 (doel 8 → 37,5 %: achter); Emmen B2, C, D, J, L = 5 (L verhuisde
    met zijn open traject; doel 6 → 83,3 %); Zwolle F, G = 2 (doel 5 → precies 40,0 %: niet
    achter); Utrecht 0 (doel 6 → 0,0 %: achter); Haarlem 0 (geen doel). Landelijk 10/20 = 50 %.
Prognose: venster = de 90 dagen tot en met de peildatum (na 02-07-2026); resterend
    30-09-2026 → 30-06-2027 = 31+30+31+31+28+31+30+31+30 = 273 dagen. Alleen D (15-07) startte
    in het venster: landelijk 10 + 1/90 × 273 = 13,03 → 13,0 (65,0 %); Emmen 5 + 3,03 = 8,0
    (8,0/6 = 133,3 %); Groningen 3,0 (37,5 %); Zwolle 2,0 (40,0 %); Utrecht 0,0 (0,0 %).
Opleidingsbudget besteed (uitgaven in de periode t/m de peildatum, trajecten van P, naar de
    gemeente van het traject): Groningen A 600 + I 80 = 680 (2 trajecten; A's 150 op 05-10 is na
    de peildatum); Emmen B2 400 + C 250 = 650 (2); Zwolle F 100 (1); Utrecht en Haarlem 0.
    Programma P: 1430 (5 trajecten); Q's 9999 telt niet.
Kosten van de gestarte trajecten: 1000+500+700+800+300+1200+250+0+100+600 = 5450 (I's 400 telt
    niet). Groningen 1000+500+1200 = 2700; Emmen 700+800+300+100+600 = 2500; Zwolle 250.
Personen geplaatst (baan/stage/wep begonnen in de periode, op of vóór de peildatum): A, B, C,
    E, I, L = 6. D's baan begint 15-10: getekend, nog niet gestart = 1.
    Groningen A, B (wep op B1), E, I = 4; Emmen B (baan op B2), C, L = 3. Som 7 > 6: B telt in
    beide rijen, één keer in het totaal.
    Kosten per plaatsing: 5450/6 = 908,33; Groningen 2700/4 = 675,00; Emmen 2500/3 = 833,33.
Per soort (begonnen): baan A, B2, I = 3 (+ getekend D = 1); stage A, C, L = 3; wep B1, E = 2;
    proefplaatsing D = 1; opleiding F = 1; vrijwilligerswerk F = 1; leerwerktraject 0;
    overig = 3. Groningen baan 2, stage 1, wep 2, overig 0; Emmen baan 1, stage 2, wep 0,
    overig 1; Zwolle overig 2.
Duurzaam (start + 6 maanden op of vóór 30-09, dus start uiterlijk 31-03):
    A baan 31-03 → 30-09, einde 30-09: telt; B wep 28-02 → 28-08, einde 28-08: telt;
    C stage 31-01 → 31-07, einde 30-07: telt niet; I baan 10-01 → 10-07, geen einde: telt.
    3 van 4 = 75,0 %. Groningen (A, B1, I) 3 van 3 = 100,0 %; Emmen (C) 0 van 1 = 0,0 %.
Coaches (traject open in de periode: aangemeld uiterlijk 30-09, niet beëindigd vóór 01-01):
    C1 (A, B2, E, L), C2 (B1), C3 (J) → 3 actief; getraind op of vóór 30-06-2027: C1, C2 = 2;
    deelnemers met coach A, B, E, J, L = 5 → 5/3 = 1,7. Groningen C1, C2 (A, B, E) → 2, 2,
    1,5; Emmen C1, C3 (B, J, L) → 2, 1, 1,5. C4 (programma Q) telt nergens.
Uitstroom: alle 12 trajecten van P waren open in de periode → 11 deelnemers (A … L zonder K).
    Werk A, B, C, E, I, L = 6 → 54,5 %; onderwijs F = 1 → 9,1 %; vrijwilligerswerk F = 1 →
    9,1 %; nog niet gestart H = 1 → 9,1 %.
Doorlooptijd (aanmelding → eerste begonnen baan/stage/wep van het traject): C 29, B2 52, B1
    54, E 68, I 70, A 80, L 181 dagen → mediaan 68,0.
Trechter (aangemeld in de periode, dus zonder I): aangemeld 1 (H), intake 0, actief 2 (D, F),
    geplaatst 4 (A, B2, C, L), nazorg 1 (E), afgerond 1 (B1), uitgevallen 2 (G, J).
    Ten minste bereikt: 9, 8, 8, 6, 2, 1.
Trend: gestart jan 3 (B1, C, J), feb 3 (A, F, L), mrt 2 (E, G), mei 1 (B2), jul 1 (D);
    geplaatst (eerste plaatsing per persoon) jan 2 (C 31-01, I 10-01), feb 1 (B 28-02), mrt 1
    (A 31-03), apr 1 (E), aug 1 (L). Cumulatief tot september: 10 en 6 (= de kerncijfers); vanaf
    oktober leeg. Doellijn 20 × dagen/546: januari 1,1; september 10,0; juni 2027 20,0.
Vergelijking: dag 273 = 30-09-2026. P: 6 personen → 6/10 = 60,0 %. R op dag 273 (30-09-2006):
    alleen R1 (01-03-2006) → 10,0 %; R einde: R1, R2, R3 = 3 → 30,0 % (R4 begon in 2008).
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from rapportage.indicatoren.werkgevers import SLEUTELS as WERKGEVER_SLEUTELS
from tests.rapportage import handdata
from tests.rapportage.hulp import als_dicts, blad_rijen, getallen, lees_csv, tabellen, werkboek

D = datetime.date
pytestmark = pytest.mark.django_db
LANDELIJK = reverse("rapportage:landelijk")
CSV = reverse("rapportage:export_csv")
XLSX = reverse("rapportage:export_xlsx")

#: Per gemeente, in de kolommen van het scherm. Percentages als (pct, aantal, van),
#: prognose als (waarde, pct); None is '–'.
RIJEN = {
    "Emmen": {
        "Trajecten gestart": 5, "Doel trajecten": 6,
        "Realisatie doel trajecten": (83.3, 5, 6), "Prognose trajecten": (8.0, 133.3),
        "Schema trajecten": "op schema", "Personen geplaatst": 3,
        "Getekend, nog niet gestart": 1, "Baan": 1, "Stage": 2, "Werkervaringsplaats": 0,
        "Overige plaatsingen": 1, "Duurzaam geplaatst": (0.0, 0, 1),
        "Kosten per plaatsing": 833.33, "Coaches actief": 2, "Coaches getraind": 1,
        "Deelnemers per coach": 1.5, "Opleidingsbudget besteed": 650,
    },
    "Groningen": {
        "Trajecten gestart": 3, "Doel trajecten": 8,
        "Realisatie doel trajecten": (37.5, 3, 8), "Prognose trajecten": (3.0, 37.5),
        "Schema trajecten": "achter op schema", "Personen geplaatst": 4,
        "Getekend, nog niet gestart": 0, "Baan": 2, "Stage": 1, "Werkervaringsplaats": 2,
        "Overige plaatsingen": 0, "Duurzaam geplaatst": (100.0, 3, 3),
        "Kosten per plaatsing": 675.00, "Coaches actief": 2, "Coaches getraind": 2,
        "Deelnemers per coach": 1.5, "Opleidingsbudget besteed": 680,
    },
    "Haarlem": {
        "Trajecten gestart": 0, "Doel trajecten": None,
        "Realisatie doel trajecten": None, "Prognose trajecten": None,
        "Schema trajecten": None, "Personen geplaatst": 0,
        "Getekend, nog niet gestart": 0, "Baan": 0, "Stage": 0, "Werkervaringsplaats": 0,
        "Overige plaatsingen": 0, "Duurzaam geplaatst": (None, 0, 0),
        "Kosten per plaatsing": None, "Coaches actief": 0, "Coaches getraind": 0,
        "Deelnemers per coach": None, "Opleidingsbudget besteed": 0,
    },
    "Utrecht": {
        "Trajecten gestart": 0, "Doel trajecten": 6,
        "Realisatie doel trajecten": (0.0, 0, 6), "Prognose trajecten": (0.0, 0.0),
        "Schema trajecten": "achter op schema", "Personen geplaatst": 0,
        "Getekend, nog niet gestart": 0, "Baan": 0, "Stage": 0, "Werkervaringsplaats": 0,
        "Overige plaatsingen": 0, "Duurzaam geplaatst": (None, 0, 0),
        "Kosten per plaatsing": None, "Coaches actief": 0, "Coaches getraind": 0,
        "Deelnemers per coach": None, "Opleidingsbudget besteed": 0,
    },
    "Zwolle": {
        "Trajecten gestart": 2, "Doel trajecten": 5,
        "Realisatie doel trajecten": (40.0, 2, 5), "Prognose trajecten": (2.0, 40.0),
        "Schema trajecten": "op schema", "Personen geplaatst": 0,
        "Getekend, nog niet gestart": 0, "Baan": 0, "Stage": 0, "Werkervaringsplaats": 0,
        "Overige plaatsingen": 2, "Duurzaam geplaatst": (None, 0, 0),
        "Kosten per plaatsing": None, "Coaches actief": 0, "Coaches getraind": 0,
        "Deelnemers per coach": None, "Opleidingsbudget besteed": 100,
    },
}
TOTAAL = {
    "Trajecten gestart": 10, "Doel trajecten": 20,
    "Realisatie doel trajecten": (50.0, 10, 20), "Prognose trajecten": (13.0, 65.0),
    "Schema trajecten": "op schema", "Personen geplaatst": 6,
    "Getekend, nog niet gestart": 1, "Baan": 3, "Stage": 3, "Werkervaringsplaats": 2,
    "Overige plaatsingen": 3, "Duurzaam geplaatst": (75.0, 3, 4),
    "Kosten per plaatsing": 908.33, "Coaches actief": 3, "Coaches getraind": 2,
    "Deelnemers per coach": 1.7, "Opleidingsbudget besteed": 1430,
}
#: Trajecten met een uitgave in de periode, per gemeente en voor het programma.
BUDGET_TRAJECTEN = {"Emmen": 2, "Groningen": 2, "Haarlem": 0, "Utrecht": 0, "Zwolle": 1,
                    "Totaal": 5}
CBS = {"Emmen": "GM0114", "Groningen": "GM0014", "Haarlem": "GM0392", "Utrecht": "GM0344",
       "Zwolle": "GM0193"}

#: De kerncijfers (landelijk); hetzelfde als de totaalrij plus de mediaan.
KERN = {
    "Trajecten gestart": 10, "Personen geplaatst": 6,
    "Getekend, nog niet gestart": 1, "Duurzaam geplaatst": (75.0, 3, 4),
    "Kosten per plaatsing": 908.33, "Mediane doorlooptijd": 68.0, "Coaches actief": 3,
    "Coaches getraind": 2, "Deelnemers per actieve coach": 1.7,
}


@pytest.fixture
def hand(peildatum, medewerker):
    peildatum(handdata.PEILDATUM)
    return handdata.bouw(medewerker_groningen=medewerker)


def verwacht_getallen(waarde) -> list[float]:
    if waarde is None or isinstance(waarde, str):
        return []
    if isinstance(waarde, tuple):
        return [float(w) for w in waarde if w is not None]
    return [float(waarde)]


def vergelijk_cel(tekst: str, verwacht, waar):
    if isinstance(verwacht, str):
        assert verwacht in tekst and (verwacht != "op schema" or "achter" not in tekst), waar
    elif verwacht is None:
        assert tekst == "–", waar
    else:
        assert getallen(tekst) == verwacht_getallen(verwacht), (waar, tekst)


def html(client, gebruiker, url, **query):
    client.force_login(gebruiker)
    response = client.get(url, query)
    assert response.status_code == 200
    return tabellen(response.content.decode())


def kernlabel(label: str) -> str:
    """Het begin van een kerncijferlabel ('Coaches actief (coach van …)' → sleutel in KERN)."""
    return next(k for k in KERN if label.startswith(k))


def test_de_dataset_is_zoals_beschreven(hand):
    # De vier deelnemers van R zijn geanonimiseerd (en tellen gewoon mee, zie hieronder).
    assert len(hand["geanonimiseerd"]) == 4
    p = hand["p"]
    assert p.trajecten.count() == 12
    assert set(p.trajecten.filter(deelnemer__gemeente__cbs_code="GM0114")
               .values_list("gemeente__cbs_code", flat=True)) == {"GM0014", "GM0114"}


def test_landelijk_scherm(client, landelijk, hand):
    t = html(client, landelijk, LANDELIJK, programma=hand["p"].pk)

    tabel = t["tabel-gemeenten"]
    assert tabel["koppen"] == ["Gemeente", *TOTAAL]
    rijen = als_dicts(tabel)
    assert list(rijen) == list(RIJEN)
    for gemeente, verwacht in RIJEN.items():
        for kop, waarde in verwacht.items():
            vergelijk_cel(rijen[gemeente][kop], waarde, (gemeente, kop))
    ((totaal_label, totaal),) = als_dicts(tabel, voet=True).items()
    assert totaal_label.startswith("Totaal")
    for kop, waarde in TOTAAL.items():
        vergelijk_cel(totaal[kop], waarde, ("totaal", kop))

    kern = {kernlabel(r[0]): r[1] for r in t["tabel-kerncijfers"]["rijen"]}
    assert set(kern) == set(KERN)
    for label, waarde in KERN.items():
        vergelijk_cel(kern[label], waarde, label)

    (doel,) = t["tabel-doelen"]["rijen"]
    assert doel[0] == "Trajecten gestart – heel programma (landelijk)"
    assert doel[1] == "01-01-2026 – 30-06-2027"
    assert [getallen(c) for c in doel[2:6]] == [[10], [20], [50.0], [13.0, 65.0]]
    assert "op schema" in doel[7] and "achter" not in doel[7]
    assert getallen(doel[7]) == [50.0]  # % van de periode verstreken

    vergelijking = [(r[0], r[1], getallen(r[2]), getallen(r[3]), getallen(r[4]))
                    for r in t["tabel-vergelijking"]["rijen"]]
    assert vergelijking == [
        ("Handreferentie, dag 273", "30-09-2006", [1], [10], [10.0]),
        ("Handprogramma, dag 273", "30-09-2026", [6], [10], [60.0]),
        ("Handreferentie, eindresultaat (berekend uit de gegevens)", "31-12-2007", [3], [10],
         [30.0]),
        ("Banenoffensief Vluchtelingen 2006–2009, gepubliceerd eindresultaat", "31-03-2009",
         [2327], [2600], [90]),
    ]

    uitstroom = {r[0]: getallen(r[1]) + getallen(r[2]) for r in t["tabel-uitstroom"]["rijen"]}
    assert uitstroom == {
        "Werk (baan, stage, werkervaringsplaats)": [54.5, 6, 11, 8],
        "Onderwijs (opleiding, leerwerktraject)": [9.1, 1, 11, 12],
        "Vrijwilligerswerk": [9.1, 1, 11, 50],
        "Nog niet gestart": [9.1, 1, 11, 37],
    }

    soorten = {r[0]: (getallen(r[1]) + getallen(r[2]), r[3]) for r in t["tabel-soorten"]["rijen"]}
    assert soorten == {
        "Baan": ([3, 1], "ja"), "Stage": ([3, 0], "ja"), "Werkervaringsplaats": ([2, 0], "ja"),
        "Proefplaatsing": ([1, 0], "nee"), "Leerwerktraject": ([0, 0], "nee"),
        "Opleiding": ([1, 0], "nee"), "Vrijwilligerswerk": ([1, 0], "nee"),
    }

    trechter = {r[0]: (r[1], r[2]) for r in t["tabel-trechter"]["rijen"]}
    assert trechter == {
        "Aangemeld": ("1", "9"), "Intake": ("0", "8"), "Actief": ("2", "8"),
        "Geplaatst": ("4", "6"), "Nazorg": ("1", "2"), "Afgerond": ("1", "1"),
        "Uitgevallen": ("2", "–"),
    }

    trend = {r[0]: r[1:] for r in t["tabel-trend"]["rijen"]}
    assert len(trend) == 18  # januari 2026 t/m juni 2027
    assert [trend[m][:2] for m in ("januari 2026", "februari 2026", "maart 2026", "april 2026",
                                   "mei 2026", "juni 2026", "juli 2026", "augustus 2026",
                                   "september 2026")] == [
        ["3", "2"], ["3", "1"], ["2", "1"], ["0", "1"], ["1", "0"], ["0", "0"], ["1", "0"],
        ["0", "1"], ["0", "0"]]
    assert trend["september 2026"][2:] == ["10", "10,0", "6", "–"]
    assert trend["januari 2026"][2:] == ["3", "1,1", "2", "–"]
    assert trend["oktober 2026"][2:] == ["–", "11,1", "–", "–"]
    assert trend["juni 2027"][3] == "20,0"


def test_gemeentescherm_tegen_het_eigen_doel_met_landelijk_ernaast(client, coordinator, hand):
    t = html(client, coordinator, reverse("rapportage:gemeente", args=["GM0014"]),
             programma=hand["p"].pk)
    (doel,) = t["tabel-doelen"]["rijen"]
    assert doel[0] == "Trajecten gestart – Groningen"
    assert [getallen(c) for c in doel[2:6]] == [[3], [8], [37.5], [3.0, 37.5]]
    assert "achter op schema" in doel[7]
    assert getallen(doel[8]) == [50.0, 10, 20]  # landelijk: 10 van 20, nooit 3 van 20
    assert "tabel-vergelijking" not in t

    kern = {kernlabel(r[0]): (r[1], r[2]) for r in t["tabel-kerncijfers"]["rijen"]}
    groningen = RIJEN["Groningen"]
    for label, gr in (("Trajecten gestart", 3), ("Personen geplaatst", 4),
                      ("Duurzaam geplaatst", groningen["Duurzaam geplaatst"]),
                      ("Kosten per plaatsing", 675.0), ("Coaches actief", 2),
                      ("Coaches getraind", 2), ("Deelnemers per actieve coach", 1.5)):
        vergelijk_cel(kern[label][0], gr, label)
        vergelijk_cel(kern[label][1], KERN[label], ("landelijk", label))
    # Mediaan Groningen: B1 54, E 68, I 70, A 80 dagen → (68 + 70) / 2 = 69,0.
    vergelijk_cel(kern["Mediane doorlooptijd"][0], 69.0, "mediaan")
    (rij,) = t["tabel-gemeenten"]["rijen"]
    assert rij[0] == "Groningen" and not t["tabel-gemeenten"]["voet"]


@pytest.mark.parametrize("code, verwacht", [
    ("GM0344", [[0], [6], [0.0], [0.0, 0.0]]),  # Utrecht: geen gegevens, wel een doel
])
def test_gemeente_zonder_gegevens(client, landelijk, hand, code, verwacht):
    t = html(client, landelijk, reverse("rapportage:gemeente", args=[code]),
             programma=hand["p"].pk)
    (doel,) = t["tabel-doelen"]["rijen"]
    assert [getallen(c) for c in doel[2:6]] == verwacht
    assert "achter op schema" in doel[7]
    kern = {kernlabel(r[0]): r[1] for r in t["tabel-kerncijfers"]["rijen"]}
    assert (kern["Trajecten gestart"], kern["Personen geplaatst"]) == ("0", "0")
    assert kern["Duurzaam geplaatst"] == "– (0 van 0)"


def test_gemeente_zonder_eigen_doel_krijgt_het_landelijke_ernaast(client, landelijk, hand):
    t = html(client, landelijk, reverse("rapportage:gemeente", args=["GM0392"]),
             programma=hand["p"].pk)
    (doel,) = t["tabel-doelen"]["rijen"]
    assert doel[0] == "Trajecten gestart – geen eigen doel"
    assert "geen eigen doel" in doel[2]
    assert getallen(doel[-1]) == [50.0, 10, 20]


def test_periode_maart_tot_en_met_juni(client, landelijk, hand):
    """Trajecten gestart: E (01-03), G (15-03), B2 (20-05) = 3. Geplaatst: A (baan 31-03, stage
    01-05), E (wep 10-04) = 2; niets getekend. Duurzaam: alleen A's baan heeft op 30-09 zes
    maanden → 1 van 1. Coaches: open tussen 01-03 en 30-06: A, B1 (tot 30-04), B2, E, L;
    J eindigde 28-02 → C1, C2 = 2; getraind op of vóór 30-06 alleen C1. Deelnemers met coach
    A, B, E, L = 4 → 2,0. Kosten 1200 + 0 + 700 = 1900 / 2 = 950,00. Mediaan: A 80, E 68 →
    74,0. Uitstroom: open in de periode A, B, C, D, E, F, G, I, L = 9 (H aangemeld 01-08, J
    klaar 28-02); werk A, E = 2 → 22,2 %; onderwijs en vrijwilligerswerk F → 11,1 %; nog niet
    gestart D (start 15-07, na 30-06) → 11,1 %."""
    t = html(client, landelijk, LANDELIJK, programma=hand["p"].pk, van="2026-03-01",
             tot="2026-06-30")
    kern = {kernlabel(r[0]): r[1] for r in t["tabel-kerncijfers"]["rijen"]}
    for label, waarde in {
        "Trajecten gestart": 3, "Personen geplaatst": 2, "Getekend, nog niet gestart": 0,
        "Duurzaam geplaatst": (100.0, 1, 1), "Kosten per plaatsing": 950.0,
        "Mediane doorlooptijd": 74.0, "Coaches actief": 2, "Coaches getraind": 1,
        "Deelnemers per actieve coach": 2.0,
    }.items():
        vergelijk_cel(kern[label], waarde, label)
    uitstroom = [getallen(r[1]) for r in t["tabel-uitstroom"]["rijen"]]
    assert uitstroom == [[22.2, 2, 9], [11.1, 1, 9], [11.1, 1, 9], [11.1, 1, 9]]
    # De doelen gelden voor hun eigen periode: hetzelfde als zonder filter.
    (doel,) = t["tabel-doelen"]["rijen"]
    assert getallen(doel[2]) == [10]


def test_periode_na_de_peildatum(client, landelijk, hand):
    """01-10-2026 t/m 30-06-2027: er is nog niets gebeurd; alleen D's baan (15-10) is getekend."""
    t = html(client, landelijk, LANDELIJK, programma=hand["p"].pk, van="2026-10-01")
    kern = {kernlabel(r[0]): r[1] for r in t["tabel-kerncijfers"]["rijen"]}
    assert [kern[k] for k in ("Trajecten gestart", "Personen geplaatst",
                              "Getekend, nog niet gestart", "Coaches actief")] == [
        "0", "0", "1", "0"]
    assert [r[1] for r in t["tabel-uitstroom"]["rijen"]] == ["– (0 van 0)"] * 4


def test_csv(client, landelijk, hand):
    client.force_login(landelijk)
    rijen = lees_csv(client.get(CSV, {"programma": hand["p"].pk}))
    assert [r["cbs_code"] for r in rijen] == [*CBS.values(), "TOTAAL"]
    for gemeente, rij in zip([*RIJEN, "Totaal"], rijen, strict=True):
        v = RIJEN.get(gemeente, TOTAAL)
        assert rij["gemeente"] == gemeente
        getal = {k: (float(w) if w not in ("", "ja", "nee") else w) for k, w in rij.items()
                 if k not in ("cbs_code", "gemeente")}
        realisatie = v["Realisatie doel trajecten"]
        prognose = v["Prognose trajecten"]
        duurzaam = v["Duurzaam geplaatst"]
        assert getal["trajecten_gestart"] == v["Trajecten gestart"]
        assert getal["doel_trajecten_gestart"] == (v["Doel trajecten"] or "")
        assert getal["realisatie_trajecten_gestart_pct"] == (realisatie[0] if realisatie else "")
        assert getal["prognose_trajecten_gestart"] == (prognose[0] if prognose else "")
        assert getal["achter_op_schema_trajecten_gestart"] == {
            None: "", "op schema": "nee", "achter op schema": "ja"}[v["Schema trajecten"]]
        assert getal["personen_geplaatst"] == v["Personen geplaatst"]
        assert getal["getekend_niet_gestart"] == v["Getekend, nog niet gestart"]
        assert (getal["plaatsingen_baan"], getal["plaatsingen_stage"],
                getal["plaatsingen_werkervaringsplaats"], getal["plaatsingen_overig"]) == (
            v["Baan"], v["Stage"], v["Werkervaringsplaats"], v["Overige plaatsingen"])
        assert (getal["duurzaam_geplaatst_pct"], getal["duurzaam_teller"],
                getal["duurzaam_noemer"]) == (duurzaam[0] if duurzaam[0] is not None else "",
                                              duurzaam[1], duurzaam[2])
        assert getal["kosten_per_plaatsing"] == (v["Kosten per plaatsing"] or "")
        assert (getal["coaches_actief"], getal["coaches_getraind"]) == (
            v["Coaches actief"], v["Coaches getraind"])
        assert getal["deelnemers_per_coach"] == (v["Deelnemers per coach"] or "")
        assert getal["opleidingsbudget_besteed"] == v["Opleidingsbudget besteed"]
        assert getal["opleidingsbudget_trajecten"] == BUDGET_TRAJECTEN[gemeente]
    # De kolommen van issue 14 en daarna die van issue 16 staan achteraan: de bestaande
    # kolommen houden hun plaats.
    kolommen = list(rijen[0])
    assert kolommen[:5] == ["cbs_code", "gemeente", "trajecten_gestart",
                            "personen_geplaatst", "plaatsingen_baan"]
    budget = kolommen.index("opleidingsbudget_besteed")
    assert kolommen[budget:budget + 2] == ["opleidingsbudget_besteed",
                                           "opleidingsbudget_trajecten"]
    assert kolommen[budget + 2:] == list(WERKGEVER_SLEUTELS)
    totaal = rijen[-1]
    # De soorten apart en de kosten: som van de rijen (elk traject hoort bij één gemeente).
    assert (totaal["plaatsingen_proefplaatsing"], totaal["plaatsingen_opleiding"],
            totaal["plaatsingen_vrijwilligerswerk"], totaal["plaatsingen_leerwerktraject"]) == (
        "1", "1", "1", "0")
    assert [Decimal(r["kosten"]) for r in rijen] == [
        Decimal(k) for k in ("2500", "2700", "0", "0", "250", "5450")]


def test_xlsx(client, landelijk, hand):
    client.force_login(landelijk)
    boek = werkboek(client.get(XLSX, {"programma": hand["p"].pk}))
    assert boek.sheetnames == ["Samenvatting", "Per gemeente", "Trend per maand", "Toelichting",
                               "Werkgevers"]
    rijen = blad_rijen(boek, "Per gemeente")
    assert [r["CBS-code"] for r in rijen] == [*CBS.values(), "TOTAAL"]
    for gemeente, rij in zip([*RIJEN, "Totaal"], rijen, strict=True):
        v = RIJEN.get(gemeente, TOTAAL)
        assert rij["Gemeente"] == gemeente
        for kop, waarde in v.items():
            if isinstance(waarde, tuple) and len(waarde) == 3:
                pct, teller, noemer = waarde
                cel = rij[f"{kop} (%)"]
                assert (None if cel is None else round(cel * 100, 1)) == pct, (gemeente, kop)
                assert (rij[f"{kop}: aantal"], rij[f"{kop}: van"]) == (teller, noemer)
            elif isinstance(waarde, tuple):
                assert rij[kop] == waarde[0]
                assert round(rij[f"{kop} (% van doel)"] * 100, 1) == waarde[1]
            elif kop == "Prognose trajecten" or (kop.startswith("Realisatie") and not waarde):
                assert rij.get(kop) is None and rij.get(f"{kop} (%)") is None, (gemeente, kop)
            else:
                assert rij[kop] == waarde, (gemeente, kop)

    samenvatting = {r["Omschrijving"]: r for r in blad_rijen(boek, "Samenvatting")}
    kern = {kernlabel(k): r for k, r in samenvatting.items()
            if r["Onderdeel"] == "Kerncijfer"}
    assert kern["Trajecten gestart"]["Waarde"] == 10
    assert kern["Personen geplaatst"]["Waarde"] == 6
    assert (round(kern["Duurzaam geplaatst"]["Waarde"] * 100, 1),
            kern["Duurzaam geplaatst"]["Aantal"], kern["Duurzaam geplaatst"]["Van"]) == (75.0, 3, 4)
    assert kern["Kosten per plaatsing"]["Waarde"] == 908.33
    assert kern["Mediane doorlooptijd"]["Waarde"] == 68.0
    doel = samenvatting["Trajecten gestart – heel programma (landelijk) "
                        "(01-01-2026 – 30-06-2027)"]
    assert (doel["Waarde"], doel["Streefwaarde"], doel["Realisatie"], doel["Prognose"],
            doel["Schema"]) == (10, 20, 0.5, 13.0, "op schema")
    assert samenvatting["Handreferentie, eindresultaat (berekend uit de gegevens)"][
        "Waarde"] == 3

    trend = {r["Maand"].date(): r for r in blad_rijen(boek, "Trend per maand")}
    assert (trend[D(2026, 9, 1)]["Gestart cumulatief"],
            trend[D(2026, 9, 1)]["Geplaatst cumulatief"]) == (10, 6)
    assert trend[D(2026, 1, 1)]["Doellijn trajecten"] == 1.1
    assert trend[D(2026, 10, 1)]["Gestart cumulatief"] is None
