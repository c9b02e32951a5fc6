"""Exports: de CSV houdt zijn machineleesbare kolommen en krijgt een totaalrij; het XLSX-rapport
heeft vier bladen met Nederlandse koppen, echte getalnotaties, breedtes en een vaste kopregel,
en elk getal erin is gelijk aan het getal op het scherm voor dezelfde filters."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, translation
from django.utils.text import capfirst

from config.spreadsheet import veilige_cel
from gemeenten.models import Gemeente
from rapportage.export import KOLOMMEN, als_csv
from rapportage.toelichting import DEFINITIES
from tests.rapportage import handdata
from tests.rapportage.hulp import getallen, lees_csv, tabellen, werkboek

pytestmark = pytest.mark.django_db
CSV = reverse("rapportage:export_csv")
XLSX = reverse("rapportage:export_xlsx")
LANDELIJK = reverse("rapportage:landelijk")

#: De kolommen van vóór issue 11, in deze volgorde: publieke interface.
OUDE_KOLOMMEN = [
    "cbs_code", "gemeente", "trajecten_gestart", "personen_geplaatst", "plaatsingen_baan",
    "plaatsingen_stage", "plaatsingen_werkervaringsplaats", "plaatsingen_proefplaatsing",
    "plaatsingen_leerwerktraject", "plaatsingen_opleiding", "plaatsingen_vrijwilligerswerk",
    "duurzaam_geplaatst_pct", "kosten", "kosten_per_plaatsing", "coaches_getraind",
    "coaches_actief", "deelnemers_per_coach",
]


@pytest.fixture
def hand(peildatum, medewerker):
    peildatum(handdata.PEILDATUM)
    return handdata.bouw(medewerker_groningen=medewerker)


@pytest.mark.parametrize("waarde, verwacht", [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+31 6 1234", "'+31 6 1234"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("Groningen", "Groningen"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    (-5, -5),
    (3.5, 3.5),
    (None, None),
    (datetime.date(2026, 1, 1), datetime.date(2026, 1, 1)),
])
def test_veilige_cel(waarde, verwacht):
    assert veilige_cel(waarde) == verwacht


def test_kolommen_houden_hun_volgorde_en_nieuwe_komen_achteraan():
    assert KOLOMMEN[:len(OUDE_KOLOMMEN)] == OUDE_KOLOMMEN
    assert "getekend_niet_gestart" in KOLOMMEN[len(OUDE_KOLOMMEN):]
    assert len(set(KOLOMMEN)) == len(KOLOMMEN)


def test_csv_zonder_formule():
    rij = {**{k: 0 for k in KOLOMMEN}, "cbs_code": "GM9001",
           "gemeente": "=HYPERLINK(\"http://x\")", "doelen": {}}
    tekst = als_csv([rij], {**rij, "cbs_code": "TOTAAL", "gemeente": None})
    assert "'=HYPERLINK" in tekst
    assert ",=HYPERLINK" not in tekst
    assert tekst.splitlines()[-1].startswith("TOTAAL,Totaal,")


def test_csv_met_totaalrij_en_bestandsnaam(client, landelijk, dataset, programma, peildatum):
    client.force_login(landelijk)
    response = client.get(CSV, {"programma": programma.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    vandaag = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="rapportage-testprogramma-rapportage-{vandaag}.csv"')
    rijen = lees_csv(response)
    assert list(rijen[0]) == KOLOMMEN
    assert [r["cbs_code"] for r in rijen] == ["GM0114", "GM0014", "TOTAAL"]
    groningen, emmen, totaal = rijen[1], rijen[0], rijen[2]
    assert (groningen["trajecten_gestart"], groningen["personen_geplaatst"]) == ("2", "1")
    assert (totaal["trajecten_gestart"], totaal["personen_geplaatst"]) == ("3", "2")
    assert int(totaal["trajecten_gestart"]) == (
        int(groningen["trajecten_gestart"]) + int(emmen["trajecten_gestart"]))


def test_export_bevat_geen_persoonsgegevens(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    for url in (CSV, XLSX):
        response = client.get(url, {"programma": programma.pk})
        inhoud = response.content.decode("utf-8", errors="ignore") if url == CSV else "".join(
            str(c.value) for blad in werkboek(response) for rij in blad.iter_rows() for c in rij)
        for t in ("t1", "t2", "t3"):
            deelnemer = dataset[t].deelnemer
            assert deelnemer.achternaam not in inhoud
            assert deelnemer.bsn not in inhoud


def test_coordinator_exporteert_alleen_eigen_gemeente(client, coordinator, dataset, programma):
    client.force_login(coordinator)
    rijen = lees_csv(client.get(CSV, {"programma": programma.pk}))
    assert [r["cbs_code"] for r in rijen] == ["GM0014", "TOTAAL"]
    response = client.get(CSV, {"programma": programma.pk, "gemeente": "GM0114"})
    assert response.status_code == 400
    assert "Onbekende gemeente of geen toegang" in response.content.decode()


def test_gemeentenaam_met_formule_wordt_onschadelijk(client, landelijk, programma):
    Gemeente.objects.create(naam="=1+1", cbs_code="GM9001", provincie="utrecht")
    programma.gemeenten.add(Gemeente.objects.get(cbs_code="GM9001"))
    client.force_login(landelijk)
    rijen = lees_csv(client.get(CSV, {"programma": programma.pk}))
    assert rijen[0]["gemeente"] == "'=1+1"
    blad = werkboek(client.get(XLSX, {"programma": programma.pk}))["Per gemeente"]
    assert blad["B2"].value == "'=1+1"


@pytest.mark.parametrize("url", [CSV, XLSX])
@pytest.mark.parametrize("rol, status", [
    ("medewerker", 403), ("coordinator", 200), ("landelijk", 200), ("beheerder", 403),
])
def test_export_toegang(client, request, url, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(url).status_code == status


@pytest.mark.parametrize("query, melding", [
    ({"van": "31-02-2026"}, "Vul een geldige begindatum in"),
    ({"van": "0001-01-01", "tot": "9999-12-31"}, "Kies een datum tussen 1-1-1900 en 31-12-2100"),
])
def test_export_foute_filters(client, landelijk, query, melding):
    client.force_login(landelijk)
    for url in (CSV, XLSX):
        response = client.get(url, query)
        assert response.status_code == 400
        assert melding in response.content.decode()


# --- Het rapport ---------------------------------------------------------------------------


def test_rapport_bladen_koppen_notaties_en_toelichting(client, landelijk, hand):
    client.force_login(landelijk)
    boek = werkboek(client.get(XLSX, {"programma": hand["p"].pk}))
    assert boek.sheetnames == ["Samenvatting", "Per gemeente", "Trend per maand", "Toelichting",
                               "Werkgevers"]
    for blad in boek.worksheets:
        assert blad.freeze_panes == "A2", blad.title
        assert all(c.font.bold for c in blad[1]), blad.title
        assert all(blad.column_dimensions[c.column_letter].width >= 10 for c in blad[1])
    per = boek["Per gemeente"]
    kop = {c.value: c.column_letter for c in per[1]}
    assert list(kop)[:4] == ["CBS-code", "Gemeente", "Trajecten gestart", "Doel trajecten"]
    groningen = next(r for r in per.iter_rows(min_row=2) if r[1].value == "Groningen")
    cel = {c.column_letter: c for c in groningen}
    assert cel[kop["Duurzaam geplaatst (%)"]].number_format == "0.0%"
    assert cel[kop["Duurzaam geplaatst (%)"]].value == 1.0
    assert cel[kop["Kosten per plaatsing"]].number_format == '"€" #,##0.00'
    assert cel[kop["Kosten per plaatsing"]].value == 675.0
    assert cel[kop["Trajecten gestart"]].number_format == "0"
    trend = boek["Trend per maand"]
    assert trend["A2"].value == datetime.datetime(2026, 1, 1)
    assert trend["A2"].number_format == "mmm yyyy"

    toelichting = {r[0]: r[1] for r in boek["Toelichting"].iter_rows(min_row=2, values_only=True)}
    for term, tekst in DEFINITIES:
        assert toelichting[str(term)] == str(tekst)
    assert toelichting["Programma"] == "Handprogramma"
    assert toelichting["Van"] == datetime.datetime(2026, 1, 1)
    assert toelichting["Tot en met"] == datetime.datetime(2027, 6, 30)
    assert toelichting["Peildatum van dit rapport"] == datetime.datetime(2026, 9, 30)
    assert toelichting["Gemaakt op"].date() == datetime.date.today()
    assert toelichting["Gemeenten"] == "alle gemeenten"
    assert "verhuizing" in toelichting["Totaalrij"]


# --- Elk getal in het rapport is gelijk aan het scherm ---------------------------------------


def _deel(kop: str) -> tuple[str, int]:
    """De schermkolom en de plaats van het getal in die cel bij een rapportkolom."""
    for achtervoegsel, plaats in ((" (% van doel)", 1), (" (%)", 0), (": aantal", 1),
                                  (": van", 2)):
        if kop.endswith(achtervoegsel):
            return kop.removesuffix(achtervoegsel), plaats
    return kop, 0


def _gelijk(cel, tekst: str, waar):
    """Eén rapportcel tegen de tekst van de schermcel (op plaats `plaats` in die tekst)."""
    waarde, notatie, plaats = cel
    if waarde is None:
        assert plaats > 0 or tekst.startswith("–"), (waar, tekst)
        return
    if isinstance(waarde, str):
        assert waarde in tekst, (waar, tekst)
        return
    scherm = getallen(tekst)
    if tekst.startswith("– ("):  # '– (0 van 0)': geen percentage, wel de aantallen
        plaats -= 1
    assert len(scherm) > plaats, (waar, tekst)
    if notatie.endswith("%"):
        waarde = round(waarde * 100, 1)
    assert round(float(waarde), 2) == scherm[plaats], (waar, tekst, waarde)


def _per_gemeente(boek, scherm):
    blad = boek["Per gemeente"]
    koppen = [c.value for c in blad[1]]
    html = scherm["tabel-gemeenten"]
    schermrijen = {r[0]: r for r in html["rijen"] + html["voet"]}
    getoetst = 0
    for rij in blad.iter_rows(min_row=2):
        naam = rij[1].value
        schermrij = schermrijen[naam if naam != "Totaal" else next(
            k for k in schermrijen if k.startswith("Totaal"))]
        for kop, cel in zip(koppen[2:], rij[2:], strict=True):
            kolom, plaats = _deel(kop)
            tekst = schermrij[html["koppen"].index(kolom)]
            _gelijk((cel.value, cel.number_format, plaats), tekst, (naam, kop))
            getoetst += 1
    return getoetst


def _samenvatting(boek, scherm, *, met_landelijk):
    blad = boek["Samenvatting"]
    koppen = [c.value for c in blad[1]]
    kern = {r[0]: r for r in scherm["tabel-kerncijfers"]["rijen"]}
    uitstroom = {r[0]: r for r in scherm["tabel-uitstroom"]["rijen"]}
    soorten = {r[0]: r for r in scherm["tabel-soorten"]["rijen"]}
    doelen = scherm["tabel-doelen"]["rijen"]
    vergelijking = scherm.get("tabel-vergelijking", {"rijen": []})["rijen"]
    getoetst = 0
    for rij in blad.iter_rows(min_row=2):
        cel = dict(zip(koppen, rij, strict=True))
        onderdeel, omschrijving = cel["Onderdeel"].value, cel["Omschrijving"].value

        def toets(kop, tekst, plaats=0, cel=cel, omschrijving=omschrijving):
            nonlocal getoetst
            _gelijk((cel[kop].value, cel[kop].number_format, plaats), tekst, (omschrijving, kop))
            getoetst += 1

        if onderdeel in ("Kerncijfer", "Uitstroom"):
            r = (kern if onderdeel == "Kerncijfer" else uitstroom)[omschrijving]
            for kop, plaats in (("Waarde", 0), ("Aantal", 1), ("Van", 2)):
                if cel[kop].value is not None or kop == "Waarde":
                    toets(kop, r[1], plaats)
            if met_landelijk:
                for kop, plaats in (("Landelijk", 0), ("Landelijk: aantal", 1),
                                    ("Landelijk: van", 2)):
                    if cel[kop].value is not None or kop == "Landelijk":
                        toets(kop, r[2], plaats)
            if onderdeel == "Uitstroom":
                toets("KIS-monitor 2017 (referentie)", r[-1])
        elif onderdeel.startswith("Plaatsingen"):
            r = soorten[omschrijving]
            toets("Waarde", r[1] if onderdeel == "Plaatsingen, begonnen" else r[2])
        elif onderdeel == "Doelstelling":
            (r,) = [d for d in doelen if omschrijving.startswith(d[0])]
            if cel["Streefwaarde"].value is not None:
                for kop, kolom, plaats in (("Waarde", 2, 0), ("Streefwaarde", 3, 0),
                                           ("Realisatie", 4, 0), ("Prognose", 5, 0),
                                           ("Prognose (% van streefwaarde)", 5, 1),
                                           ("Verstreken deel van de periode", 7, 0),
                                           ("Schema", 7, 0)):
                    toets(kop, r[kolom], plaats)
            if met_landelijk:
                for kop, plaats in (("Landelijk", 0), ("Landelijk: aantal", 1),
                                    ("Landelijk: van", 2)):
                    toets(kop, r[-1], plaats)
        else:
            (r,) = [v for v in vergelijking if omschrijving.startswith(v[0])]
            for kop, kolom in (("Waarde", 2), ("Streefwaarde", 3), ("Realisatie", 4)):
                toets(kop, r[kolom])
    return getoetst


def _trend(boek, scherm):
    html = {r[0]: r for r in scherm["tabel-trend"]["rijen"]}
    blad = boek["Trend per maand"]
    koppen = [c.value for c in blad[1]]
    assert koppen == scherm["tabel-trend"]["koppen"]
    getoetst = 0
    with translation.override("nl"):
        for rij in blad.iter_rows(min_row=2):
            maand = formats.date_format(rij[0].value.date(), "F Y")
            for kop, cel in zip(koppen[1:], rij[1:], strict=True):
                _gelijk((cel.value, cel.number_format, 0), html[maand][koppen.index(kop)],
                        (maand, kop))
                getoetst += 1
    return getoetst


@pytest.mark.parametrize("wie, pagina, query", [
    ("landelijk", "landelijk", {}),
    ("landelijk", "landelijk", {"van": "2026-03-01", "tot": "2026-06-30"}),
    ("coordinator", "GM0014", {}),
    ("landelijk", "GM0344", {"van": "2026-02-01", "tot": "2026-12-31"}),
])
def test_elk_getal_in_het_rapport_staat_zo_op_het_scherm(client, request, hand, wie, pagina,
                                                         query):
    client.force_login(request.getfixturevalue(wie))
    query = {"programma": hand["p"].pk, **query}
    if pagina == "landelijk":
        scherm_url, export_query = LANDELIJK, query
    else:
        scherm_url = reverse("rapportage:gemeente", args=[pagina])
        export_query = {**query, "gemeente": pagina}
    scherm = tabellen(client.get(scherm_url, query).content.decode())
    boek = werkboek(client.get(XLSX, export_query))
    met_landelijk = pagina != "landelijk"
    aantal = (_per_gemeente(boek, scherm) + _samenvatting(boek, scherm, met_landelijk=met_landelijk)
              + _trend(boek, scherm))
    # Het rapport is niet leeg: alle bladen zijn echt vergeleken.
    assert aantal > 100


def test_kernlabels_van_het_rapport_zijn_die_van_het_scherm(client, landelijk, hand):
    client.force_login(landelijk)
    scherm = tabellen(client.get(LANDELIJK, {"programma": hand["p"].pk}).content.decode())
    boek = werkboek(client.get(XLSX, {"programma": hand["p"].pk}))
    rapport = [r[1] for r in boek["Samenvatting"].iter_rows(min_row=2, values_only=True)
               if r[0] in ("Kerncijfer", "Uitstroom")]
    assert rapport == [r[0] for r in scherm["tabel-kerncijfers"]["rijen"]] + [
        r[0] for r in scherm["tabel-uitstroom"]["rijen"]]
    assert capfirst("werk") == "Werk"
