"""Exports: dezelfde getallen als de pagina, kolommen in vaste volgorde, formule-injectie
onschadelijk, alleen aggregaten."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gemeenten.models import Gemeente
from rapportage.export import KOLOMMEN, als_csv, veilige_cel

pytestmark = pytest.mark.django_db
CSV = reverse("rapportage:export_csv")
XLSX = reverse("rapportage:export_xlsx")
LANDELIJK = reverse("rapportage:landelijk")


def lees_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def lees_xlsx(response):
    blad = load_workbook(io.BytesIO(response.content), read_only=True)["Per gemeente"]
    rijen = list(blad.iter_rows(values_only=True))
    kop = rijen[0]
    # Lege cellen aan het eind van een rij leest openpyxl (read_only) niet terug.
    return [dict(zip(kop, r + (None,) * (len(kop) - len(r)), strict=True)) for r in rijen[1:]]


@pytest.mark.parametrize("waarde, verwacht", [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+31 6 1234", "'+31 6 1234"),
    ("-2+3", "'-2+3"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1", "'\t=1"),
    ("Groningen", "Groningen"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    (-5, -5),
    (3.5, 3.5),
    (None, None),
])
def test_veilige_cel(waarde, verwacht):
    assert veilige_cel(waarde) == verwacht


def test_csv_zonder_formule(db):
    tekst = als_csv([{**{k: 0 for k in KOLOMMEN}, "cbs_code": "GM9001",
                      "gemeente": "=HYPERLINK(\"http://x\")"}])
    assert "'=HYPERLINK" in tekst
    assert ",=HYPERLINK" not in tekst


def test_kolommen_beginnen_met_de_publieke_volgorde():
    assert KOLOMMEN[:4] == ["cbs_code", "gemeente", "trajecten_gestart", "personen_geplaatst"]


def test_pagina_csv_en_xlsx_zijn_gelijk(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    query = {"programma": programma.pk, "van": "2026-01-01", "tot": "2026-12-31"}
    pagina = client.get(LANDELIJK, query).context["cijfers"]["gemeenten"]
    csv_response = client.get(CSV, query)
    xlsx_response = client.get(XLSX, query)
    assert csv_response.status_code == xlsx_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    vandaag = datetime.date.today().isoformat()
    assert csv_response["Content-Disposition"] == (
        f'attachment; filename="rapportage-testprogramma-rapportage-{vandaag}.csv"')
    assert xlsx_response["Content-Disposition"].endswith(f'{vandaag}.xlsx"')
    uit_csv = lees_csv(csv_response)
    uit_xlsx = lees_xlsx(xlsx_response)
    assert list(uit_csv[0]) == KOLOMMEN
    assert [r["cbs_code"] for r in uit_csv] == [r["cbs_code"] for r in pagina]
    for rij_pagina, rij_csv, rij_xlsx in zip(pagina, uit_csv, uit_xlsx, strict=True):
        for kolom in KOLOMMEN:
            verwacht = rij_pagina[kolom]
            if verwacht is None:
                assert rij_csv[kolom] == "" and rij_xlsx[kolom] is None
            elif isinstance(verwacht, str):
                assert rij_csv[kolom] == verwacht == rij_xlsx[kolom]
            else:
                assert float(rij_csv[kolom]) == float(verwacht) == float(rij_xlsx[kolom]), kolom
    groningen = next(r for r in uit_csv if r["cbs_code"] == "GM0014")
    assert (groningen["trajecten_gestart"], groningen["personen_geplaatst"]) == ("2", "1")


def test_export_bevat_geen_persoonsgegevens(client, landelijk, dataset, programma):
    client.force_login(landelijk)
    inhoud = client.get(CSV, {"programma": programma.pk}).content.decode()
    for t in ("t1", "t2", "t3"):
        deelnemer = dataset[t].deelnemer
        assert deelnemer.achternaam not in inhoud
        assert deelnemer.bsn not in inhoud


def test_coordinator_exporteert_alleen_eigen_gemeente(client, coordinator, dataset, programma):
    client.force_login(coordinator)
    rijen = lees_csv(client.get(CSV, {"programma": programma.pk}))
    assert [r["cbs_code"] for r in rijen] == ["GM0014"]
    response = client.get(CSV, {"programma": programma.pk, "gemeente": "GM0114"})
    assert response.status_code == 400
    assert "Onbekende gemeente of geen toegang" in response.content.decode()


def test_gemeentenaam_met_formule_wordt_onschadelijk(client, landelijk, programma):
    Gemeente.objects.create(naam="=1+1", cbs_code="GM9001", provincie="utrecht")
    programma.gemeenten.add(Gemeente.objects.get(cbs_code="GM9001"))
    client.force_login(landelijk)
    rijen = lees_csv(client.get(CSV, {"programma": programma.pk}))
    assert rijen[0]["gemeente"] == "'=1+1"
    rijen = lees_xlsx(client.get(XLSX, {"programma": programma.pk}))
    assert rijen[0]["gemeente"] == "'=1+1"


@pytest.mark.parametrize("url", [CSV, XLSX])
@pytest.mark.parametrize("rol, status", [
    ("medewerker", 403), ("coordinator", 200), ("landelijk", 200), ("beheerder", 403),
])
def test_export_toegang(client, request, url, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(url).status_code == status


def test_export_foute_filters(client, landelijk):
    client.force_login(landelijk)
    response = client.get(CSV, {"van": "31-02-2026"})
    assert response.status_code == 400
    assert "Vul een geldige begindatum in" in response.content.decode()
