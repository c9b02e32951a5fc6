"""Vijandige importbestanden: geweigerd met een Nederlandse melding, en er is niets opgeslagen.

Elke grens uit `trajecten.importbestand.grenzen` (kolommen, tekens per cel, rijlengte, zip,
XML-elementen, gedeelde teksten, stijlen) krijgt hier een bestand dat hem overschrijdt, via de
echte upload. Geheugen en tijd worden niet hier gemeten maar met `bench/import_vijandig.py`
(cijfers in de README): een test met een stopwatch zegt op een drukke machine niets.
"""

import datetime
import io
import zipfile

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from gemeenten.models import Toegangslog
from tests.betrouwbaarheid.test_import import (
    URL,
    csv_bestand,
    importeer_en_volg,
    rij,
    tekst,
    upload,
)
from trajecten.importbestand import zipxml
from trajecten.importeren import KOLOMMEN
from trajecten.models import Deelnemer

pytestmark = pytest.mark.django_db

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@pytest.fixture
def ingelogd(client, medewerker):
    client.force_login(medewerker)
    return client


def werkmap(blad: str, *, gedeelde: str | None = None, stijlen: str | None = None,
            extra: dict | None = None, werkboek_pr: str = "") -> bytes:
    """Een minimale werkmap met de hand, zodat elk onderdeel vijandig kan zijn."""
    relaties = f'<Relationship Id="rId1" Type="{NS_R}/worksheet" Target="worksheets/sheet1.xml"/>'
    if gedeelde is not None:
        relaties += (f'<Relationship Id="rId2" Type="{NS_R}/sharedStrings" '
                     'Target="sharedStrings.xml"/>')
    if stijlen is not None:
        relaties += f'<Relationship Id="rId3" Type="{NS_R}/styles" Target="styles.xml"/>'
    delen = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"/>',
        "_rels/.rels": f'<Relationships xmlns="{NS_REL}"><Relationship Id="rId1" '
                       f'Type="{NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{NS}" xmlns:r="{NS_R}">{werkboek_pr}<sheets>'
                           '<sheet name="Deelnemers" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{NS_REL}">{relaties}'
                                      "</Relationships>",
        "xl/worksheets/sheet1.xml": blad,
    }
    if gedeelde is not None:
        delen["xl/sharedStrings.xml"] = gedeelde
    if stijlen is not None:
        delen["xl/styles.xml"] = stijlen
    delen.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in delen.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def blad(rijen: str, *, dimensie: str = "", doctype: str = "") -> str:
    dim = f'<dimension ref="{dimensie}"/>' if dimensie else ""
    return f'{doctype}<worksheet xmlns="{NS}">{dim}<sheetData>{rijen}</sheetData></worksheet>'


def kop() -> str:
    return '<row r="1">' + "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{k}</t></is></c>'
        for i, k in enumerate(KOLOMMEN)
    ) + "</row>"


def geldige_rij(nummer: int = 2, **anders) -> str:
    """Een geldige deelnemer als XLSX-rij (inline teksten)."""
    waarden = {**rij(bsn=""), **anders}
    return f'<row r="{nummer}">' + "".join(
        f'<c r="{chr(65 + i)}{nummer}" t="inlineStr"><is><t>{waarden[k]}</t></is></c>'
        for i, k in enumerate(KOLOMMEN) if waarden[k] != ""
    ) + "</row>"


def geweigerd(antwoord, melding: str) -> None:
    """De medewerker ziet `melding`, er is niets opgeslagen en de poging staat in het log."""
    assert antwoord.status_code == 200
    meldingen = [str(f) for f in antwoord.context["fouten"]]
    assert any(m.startswith(melding) for m in meldingen), meldingen
    assert not Deelnemer.objects.exists()
    assert Toegangslog.objects.filter(
        actie=Toegangslog.Actie.IMPORT, resultaat=Toegangslog.Resultaat.GEWEIGERD
    ).exists()


# --- breedte: kolommen en de verklaarde dimensie -----------------------------------------------


def test_verklaarde_dimensie_xfd1048576_met_een_cel_in_de_laatste_rij(ingelogd):
    """Het geval uit het issue (1,5 kB, 3 GB in een worker): de dimensie telt niet, en de cel in
    XFD1048576 is een waarde ver voorbij kolom 60."""
    inhoud = werkmap(blad(kop() + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                          dimensie="A1:XFD1048576"))
    assert len(inhoud) < 2048
    geweigerd(upload(ingelogd, "dimensie.xlsx", inhoud),
              "Rij 1048576: Deze rij heeft waarden in meer dan 60 kolommen.")


def test_alleen_een_cel_in_de_laatste_rij_is_een_kopregel_zonder_deelnemers(ingelogd):
    inhoud = werkmap(blad('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is>'
                          "</c></row>", dimensie="A1:XFD1048576"))
    geweigerd(upload(ingelogd, "dimensie.xlsx", inhoud),
              "Het bestand bevat geen deelnemers: er staat alleen een kopregel in.")


def test_waarde_in_kolom_61_wordt_geweigerd_lege_cellen_daar_niet(ingelogd):
    met_waarde = werkmap(blad(kop() + geldige_rij()[:-6] + '<c r="BI2"><v>1</v></c></row>'))
    geweigerd(upload(ingelogd, "breed.xlsx", met_waarde),
              "Rij 2: Deze rij heeft waarden in meer dan 60 kolommen.")
    # Opgemaakte maar lege cellen ver naar rechts (Excel schrijft ze) tellen niet.
    lege_opmaak = werkmap(blad(kop() + geldige_rij()[:-6] + '<c r="XFD2" s="0"/></row>'))
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "ok.xlsx",
                                                                    lege_opmaak))


def test_csv_met_een_waarde_in_kolom_61(ingelogd):
    waarden = rij(bsn="")
    regels = [";".join(KOLOMMEN), ";".join(waarden[k] for k in KOLOMMEN) + ";" * 47 + "x"]
    inhoud = ("\r\n".join(regels) + "\r\n").encode()
    geweigerd(upload(ingelogd, "breed.csv", inhoud),
              "Rij 2: Deze rij heeft waarden in meer dan 60 kolommen.")


def test_csv_met_lege_velden_voorbij_kolom_60_wordt_gewoon_gelezen(ingelogd):
    """Excel vult bij ‘opslaan als CSV’ elke rij aan tot de breedste rij: lege velden tellen
    niet."""
    inhoud = csv_bestand([rij(bsn="")]).replace(b"\r\n", b";" * 80 + b"\r\n")
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "d.csv", inhoud))


def test_csv_kopregel_met_honderdduizend_kolommen(ingelogd):
    """Zonder grens: per kolom een foutregel (2,6 miljoen kolommen: 14 s en 550 MB)."""
    geweigerd(upload(ingelogd, "kolommen.csv", b"a;" * 100_000),
              "Rij 1: Deze rij is langer dan 60.180 tekens.")


def test_csv_rij_die_over_regeleinden_heen_te_lang_wordt(ingelogd):
    """Een rij van korte regels (regeleinden binnen aanhalingstekens) telt als één rij."""
    inhoud = (";".join(KOLOMMEN) + "\r\n").encode() + b'"x\n";' * 20_000
    geweigerd(upload(ingelogd, "regels.csv", inhoud),
              "Rij 2: Deze rij is langer dan 60.180 tekens.")


# --- lengte van een cel ---------------------------------------------------------------------------


def test_csv_cel_van_meer_dan_duizend_tekens(ingelogd):
    geweigerd(upload(ingelogd, "lang.csv", csv_bestand([rij(bsn="", telefoon="1" * 1001)])),
              "Rij 2, kolom M: Deze cel bevat meer dan 1.000 tekens.")


@pytest.mark.parametrize("soort", ["inline", "gedeeld", "getal"])
def test_xlsx_cel_van_meer_dan_duizend_tekens(ingelogd, soort):
    lang = "1" * 1001
    if soort == "inline":
        inhoud = werkmap(blad(kop() + geldige_rij(achternaam=lang)))
    elif soort == "gedeeld":
        inhoud = werkmap(
            blad(kop() + geldige_rij()[:-6] + '<c r="M2" t="s"><v>1</v></c></row>'),
            gedeelde=f'<sst xmlns="{NS}"><si><t>kort</t></si><si><r><t>{lang[:500]}</t></r>'
                     f'<r><t>{lang[500:]}</t></r></si></sst>',
        )
    else:
        inhoud = werkmap(blad(kop() + geldige_rij()[:-6] + f'<c r="M2"><v>{lang}</v></c></row>'))
    kolom = "B" if soort == "inline" else "M"
    geweigerd(upload(ingelogd, "lang.xlsx", inhoud),
              f"Rij 2, kolom {kolom}: Deze cel bevat meer dan 1.000 tekens.")


def test_ongebruikte_lange_gedeelde_tekst_is_geen_fout(ingelogd):
    inhoud = werkmap(blad(kop() + geldige_rij()),
                     gedeelde=f'<sst xmlns="{NS}"><si><t>{"x" * 5000}</t></si></sst>')
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "ok.xlsx", inhoud))


# --- zip ---------------------------------------------------------------------------------------


def test_zip_bom_met_hoge_verhouding_wordt_niet_uitgepakt(ingelogd):
    """2 MB nullen worden een paar kB: ruim onder de 60 MB, maar 1:1000 ingepakt."""
    inhoud = werkmap(blad(kop() + geldige_rij()), extra={"xl/media/x.bin": b"\0" * 2_000_000})
    geweigerd(upload(ingelogd, "bom.xlsx", inhoud),
              "Het XLSX-bestand is uitgepakt te groot om te importeren.")


def test_zip_met_een_gelogen_grootte_is_onleesbaar(ingelogd):
    """De zip noemt een kleinere grootte dan er in zit: er wordt niet meer uitgepakt dan opgegeven
    (CRC-fout), dus geen bom en geen 500."""
    inhoud = bytearray(werkmap(blad(kop() + geldige_rij() * 200)))
    with zipfile.ZipFile(io.BytesIO(bytes(inhoud))) as archief:
        info = archief.getinfo("xl/worksheets/sheet1.xml")
    for begin in (info.header_offset + 22,):
        inhoud[begin:begin + 4] = (1000).to_bytes(4, "little")
    centraal = bytes(inhoud).rindex(b"xl/worksheets/sheet1.xml") - 46
    inhoud[centraal + 24:centraal + 28] = (1000).to_bytes(4, "little")
    geweigerd(upload(ingelogd, "gelogen.xlsx", bytes(inhoud)),
              "Het XLSX-bestand kan niet worden gelezen.")


def test_zip_met_meer_dan_duizend_onderdelen(ingelogd):
    inhoud = werkmap(blad(kop() + geldige_rij()),
                     extra={f"xl/extra/{i}.xml": b"" for i in range(1001)})
    geweigerd(upload(ingelogd, "veel.xlsx", inhoud),
              "Het XLSX-bestand is te groot of te ingewikkeld om te importeren")


# --- XML ------------------------------------------------------------------------------------------


def test_billion_laughs_wordt_niet_uitgevouwen(ingelogd):
    entiteiten = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    inhoud = werkmap(blad(kop() + '<row r="2"><c r="A2" t="inlineStr"><is><t>&l9;</t></is>'
                          "</c></row>",
                          doctype=f'<!DOCTYPE worksheet [<!ENTITY l0 "ha">{entiteiten}]>'))
    antwoord = upload(ingelogd, "lachen.xlsx", inhoud)
    geweigerd(antwoord, "Het XLSX-bestand kan niet worden gelezen.")
    assert "hahaha" not in tekst(antwoord)


def test_externe_entiteit_wordt_niet_gelezen(ingelogd):
    inhoud = werkmap(blad(kop() + '<row r="2"><c r="A2" t="inlineStr"><is><t>&x;</t></is></c>'
                          "</row>",
                          doctype='<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'))
    antwoord = upload(ingelogd, "xxe.xlsx", inhoud)
    geweigerd(antwoord, "Het XLSX-bestand kan niet worden gelezen.")
    assert "root:" not in tekst(antwoord)


def test_te_veel_xml_elementen(ingelogd, monkeypatch):
    """De grens op XML-elementen (600.000, samen over alle onderdelen) begrenst de rekentijd;
    hier verlaagd, zodat een klein bestand hem haalt."""
    monkeypatch.setattr(zipxml, "MAX_XML_ELEMENTEN", 2000)
    inhoud = werkmap(blad(kop() + geldige_rij() + "<row/>" * 2000))
    geweigerd(upload(ingelogd, "rijen.xlsx", inhoud),
              "Het XLSX-bestand is te groot of te ingewikkeld om te importeren")


def test_te_veel_gedeelde_teksten_en_stijlen(ingelogd, monkeypatch):
    monkeypatch.setattr(zipxml, "MAX_GEDEELDE_TEKSTEN", 100)
    monkeypatch.setattr(zipxml, "MAX_STIJLEN", 100)
    teksten = werkmap(blad(kop() + geldige_rij()),
                      gedeelde=f'<sst xmlns="{NS}">' + "<si><t>a</t></si>" * 101 + "</sst>")
    geweigerd(upload(ingelogd, "teksten.xlsx", teksten),
              "Het XLSX-bestand is te groot of te ingewikkeld om te importeren")
    stijlen = werkmap(blad(kop() + geldige_rij()),
                      stijlen=f'<styleSheet xmlns="{NS}"><cellXfs>' + '<xf numFmtId="0"/>' * 101
                      + "</cellXfs></styleSheet>")
    geweigerd(upload(ingelogd, "stijlen.xlsx", stijlen),
              "Het XLSX-bestand is te groot of te ingewikkeld om te importeren")


def test_verwijzing_naar_een_gedeelde_tekst_die_niet_bestaat(ingelogd):
    inhoud = werkmap(blad(kop() + '<row r="2"><c r="A2" t="s"><v>99</v></c></row>'),
                     gedeelde=f'<sst xmlns="{NS}"><si><t>a</t></si></sst>')
    geweigerd(upload(ingelogd, "kapot.xlsx", inhoud), "Het XLSX-bestand kan niet worden gelezen.")


# --- verkeerde soorten waarden en coderingen --------------------------------------------------


def test_datumcel_met_een_onmogelijk_getal(ingelogd):
    """Een datumopmaak met 1e300 of een negatief getal: een melding bij de cel, geen 500."""
    stijlen = (f'<styleSheet xmlns="{NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/>'
               "</cellXfs></styleSheet>")
    for waarde in ("1e300", "-5", "NaN", "INF"):
        inhoud = werkmap(
            blad(kop() + geldige_rij(geboortedatum="")[:-6]
                 + f'<c r="C2" s="1"><v>{waarde}</v></c></row>'),
            stijlen=stijlen,
        )
        geweigerd(upload(ingelogd, "datum.xlsx", inhoud),
                  "Rij 2, kolom geboortedatum: Geen geldige datum.")


def test_rijke_tekst_en_fonetiek_in_gedeelde_teksten(ingelogd):
    """Opgemaakte tekst (runs) wordt één tekst; de fonetische hulp (rPh) hoort er niet bij."""
    gedeelde = (f'<sst xmlns="{NS}"><si><r><t>Al-</t></r><r><t>Hassan</t></r>'
                "<rPh><t>アルハッサン</t></rPh></si></sst>")
    inhoud = werkmap(
        blad(kop() + geldige_rij(achternaam="")[:-6].replace('<row r="2">', '<row r="2">'
                                                             '<c r="B2" t="s"><v>0</v></c>')
             + "</row>"),
        gedeelde=gedeelde,
    )
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "rijk.xlsx", inhoud))
    assert Deelnemer.objects.get().achternaam == "Al-Hassan"


def test_werkmap_met_datums_vanaf_1904(ingelogd):
    """Excel voor de Mac telde vanaf 1904: dezelfde datum, niet vier jaar verschoven."""
    boek = openpyxl.Workbook()
    boek.epoch = CALENDAR_MAC_1904
    boek.active.append(KOLOMMEN)
    waarden = rij(bsn="")
    waarden["geboortedatum"] = datetime.datetime(1990, 5, 17)
    boek.active.append([waarden[k] for k in KOLOMMEN])
    buffer = io.BytesIO()
    boek.save(buffer)
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "mac.xlsx",
                                                                    buffer.getvalue()))
    assert Deelnemer.objects.get().geboortedatum == datetime.date(1990, 5, 17)


def test_lege_rijen_tot_de_laatste_rij_van_excel_kosten_niets(ingelogd):
    """Opgemaakte lege rijen en een lege cel in rij 1048576: de deelnemer wordt gewoon gelezen."""
    inhoud = werkmap(blad(kop() + geldige_rij() + "".join(f'<row r="{r}" ht="20"/>'
                                                         for r in range(3, 3000))
                          + '<row r="1048576"><c r="A1048576" s="0"/></row>',
                          dimensie="A1:XFD1048576"))
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "leeg.xlsx", inhoud))


def test_csv_met_duizenden_lege_regels(ingelogd):
    inhoud = csv_bestand([rij(bsn="")]) + b"\r\n" * 200_000 + b";;;;\r\n" * 1000
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "leeg.csv", inhoud))


def test_csv_in_utf16_krijgt_een_eigen_melding(ingelogd):
    inhoud = csv_bestand([rij(bsn="")]).decode("utf-8-sig").encode("utf-16")
    geweigerd(upload(ingelogd, "unicode.csv", inhoud),
              "Het bestand is opgeslagen als ‘Unicode-tekst’ (UTF-16).")


def test_xlsx_met_nul_teken_is_onleesbaar(ingelogd):
    """XML kent geen NUL-teken (ook niet als &#0;): het komt nooit tot in de database."""
    inhoud = werkmap(blad(kop() + geldige_rij(voornaam="A&#0;B")))
    geweigerd(upload(ingelogd, "nul.xlsx", inhoud), "Het XLSX-bestand kan niet worden gelezen.")


def test_importpagina_noemt_de_nieuwe_grenzen(ingelogd):
    html = tekst(ingelogd.get(URL, secure=True))
    assert "60 kolommen" in html
    assert "1.000 tekens" in html
