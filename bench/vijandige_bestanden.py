"""De vijandige importbestanden van `bench/import_vijandig.py`, met de hand gebouwd
(XLSX-onderdelen, zip-bommen, gelogen groottes, XML-entiteiten, lange cellen) zodat elk
onderdeel vijandig kan zijn; ter vergelijking ook 5.000 geldige rijen. Alleen het maken; het
meten staat in import_vijandig.py.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
UPLOADGRENS = 5 * MB
DOEL_MB, DOEL_S = 200, 5.0
#: Geen vijandig bestand maar echt werk: 5.000 deelnemers opslaan, elk met wijzigingshistorie.
VERGELIJKING = "5.000 geldige rijen: gecontroleerd én opgeslagen (vergelijking, geen doel)"

KOLOMMEN = [
    "voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "bsn", "v_nummer",
    "gemeente", "datum_verblijfsvergunning", "taalniveau", "opleidingsniveau", "inburgering",
    "toestemming_datum", "telefoon", "email",
]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

# --- XLSX met de hand: zo kan elk onderdeel vijandig zijn --------------------------------------


def _delen(gedeelde: bool, stijlen: bool) -> dict[str, bytes]:
    overrides = [
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>',
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    ]
    relaties = [
        f'<Relationship Id="rId1" Type="{NS_R}/worksheet" Target="worksheets/sheet1.xml"/>'
    ]
    if gedeelde:
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        relaties.append(
            f'<Relationship Id="rId2" Type="{NS_R}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if stijlen:
        overrides.append(
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/>'
        )
        relaties.append(f'<Relationship Id="rId3" Type="{NS_R}/styles" Target="styles.xml"/>')
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            + "".join(overrides) + "</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_REL}">'
            f'<Relationship Id="rId1" Type="{NS_R}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{NS_R}">'
            '<sheets><sheet name="Deelnemers" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_REL}">'
            + "".join(relaties) + "</Relationships>"
        ).encode(),
    }


def _kop(kolommen=KOLOMMEN) -> str:
    cellen = "".join(
        f'<c r="{_letter(i + 1)}1" t="inlineStr"><is><t>{k}</t></is></c>'
        for i, k in enumerate(kolommen)
    )
    return f'<row r="1">{cellen}</row>'


def _letter(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx(pad: Path, blad, *, gedeelde=None, stijlen=None, extra=None) -> None:
    """`blad`, `gedeelde` en `stijlen`: bytes of een functie die in een open bestand schrijft."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for naam, inhoud in _delen(gedeelde is not None, stijlen is not None).items():
            zf.writestr(naam, inhoud)
        for naam, inhoud in (("xl/worksheets/sheet1.xml", blad),
                             ("xl/sharedStrings.xml", gedeelde), ("xl/styles.xml", stijlen)):
            if inhoud is None:
                continue
            with zf.open(naam, "w", force_zip64=True) as uit:
                if callable(inhoud):
                    inhoud(uit)
                else:
                    uit.write(inhoud)
        for naam, inhoud in (extra or {}).items():
            zf.writestr(naam, inhoud)


def _blad(rijen_xml: str, dimensie: str = "") -> bytes:
    dim = f'<dimension ref="{dimensie}"/>' if dimensie else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dim}<sheetData>'
        f"{rijen_xml}</sheetData></worksheet>"
    ).encode()


def _blad_stroom(kop: str, rijen, dimensie: str = ""):
    """Een werkblad dat in stukken wordt geschreven (`rijen` geeft stukken tekst)."""

    def schrijf(uit):
        dim = f'<dimension ref="{dimensie}"/>' if dimensie else ""
        uit.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{dim}'
                  f"<sheetData>{kop}".encode())
        buffer = []
        for stuk in rijen:
            buffer.append(stuk)
            if len(buffer) >= 10_000:
                uit.write("".join(buffer).encode())
                buffer.clear()
        uit.write("".join(buffer).encode())
        uit.write(b"</sheetData></worksheet>")

    return schrijf


def _herhaal(stuk: bytes, totaal: int):
    def schrijf(uit):
        blok = stuk * max(1, (1 * MB) // len(stuk))
        geschreven = 0
        while geschreven < totaal:
            deel = blok[: totaal - geschreven]
            uit.write(deel)
            geschreven += len(deel)

    return schrijf


def _geldige_rij(i: int, bsn: str) -> dict:
    return {
        "voornaam": f"Voornaam{i}", "achternaam": f"Achternaam{i}",
        "geboortedatum": f"{1 + i % 28:02d}-{1 + i % 12:02d}-{1960 + i % 40}",
        "land_van_herkomst": random.choice(["SY", "ER", "AF", "Syrië", "IRN"]), "bsn": bsn,
        "v_nummer": str(3000000000 + i), "gemeente": "GM0014",
        "datum_verblijfsvergunning": "2025-06-01", "taalniveau": "A2",
        "opleidingsniveau": "mbo", "inburgering": "bezig", "toestemming_datum": "02-01-2026",
        "telefoon": "0612345678", "email": f"persoon{i}@example.org",
    }


def _geldige_rijen(aantal: int, *, laatste_fout: bool) -> list[dict]:
    from trajecten.factories import genereer_bsn

    bsns: set[str] = set()
    while len(bsns) < aantal:
        bsns.add(genereer_bsn())
    rijen = [_geldige_rij(i, bsn) for i, bsn in enumerate(sorted(bsns))]
    if laatste_fout:
        rijen[-1]["geboortedatum"] = "31-02-1990"
    return rijen


def _csv(rijen: list[dict]) -> bytes:
    regels = [";".join(KOLOMMEN)] + [";".join(r[k] for k in KOLOMMEN) for r in rijen]
    return ("\ufeff" + "\r\n".join(regels) + "\r\n").encode()


def _xlsx_openpyxl(pad: Path, rijen: list[dict]) -> None:
    import openpyxl

    werkmap = openpyxl.Workbook(write_only=True)
    blad = werkmap.create_sheet("Deelnemers")
    blad.append(KOLOMMEN)
    for r in rijen:
        blad.append([r[k] for k in KOLOMMEN])
    werkmap.save(pad)


def _liegende_grootte(pad: Path, lid: str, grootte: int) -> None:
    """Zet de opgegeven (uitgepakte) grootte van `lid` laag in de lokale kop en de centrale map."""
    data = bytearray(pad.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(lid)
    # Lokale kop: handtekening, ..., grootte op offset 22; zip64 zet hem in het extra veld.
    naamlengte, extralengte = struct.unpack("<HH", data[info.header_offset + 26:
                                                           info.header_offset + 30])
    extra_begin = info.header_offset + 30 + naamlengte
    _zet_grootte(data, info.header_offset + 22, extra_begin, extralengte, grootte)
    centraal = data.find(b"PK\x01\x02", info.header_offset + 30)
    while centraal != -1:
        naamlengte, extralengte = struct.unpack("<HH", data[centraal + 28:centraal + 32])
        naam = data[centraal + 46:centraal + 46 + naamlengte].decode(errors="replace")
        if naam == lid:
            _zet_grootte(data, centraal + 24, centraal + 46 + naamlengte, extralengte, grootte)
            break
        centraal = data.find(b"PK\x01\x02", centraal + 1)
    pad.write_bytes(bytes(data))


def _zet_grootte(data: bytearray, veld: int, extra_begin: int, extralengte: int, grootte: int):
    if struct.unpack("<I", data[veld:veld + 4])[0] != 0xFFFFFFFF:
        data[veld:veld + 4] = struct.pack("<I", grootte)
        return
    positie = extra_begin
    while positie < extra_begin + extralengte:
        soort, lengte = struct.unpack("<HH", data[positie:positie + 4])
        if soort == 1:  # zip64: eerst de uitgepakte grootte
            data[positie + 4:positie + 12] = struct.pack("<Q", grootte)
            return
        positie += 4 + lengte


def maak_bestanden(map_: Path) -> list[tuple[str, str]]:
    """Schrijft elk bestand in `map_`; geeft (bestandsnaam, omschrijving)."""
    random.seed(12)
    bestanden: list[tuple[str, str]] = []

    def nieuw(naam, omschrijving):
        bestanden.append((naam, omschrijving))
        return map_ / naam

    # 1. Het geval uit het issue: A1:XFD1048576 verklaard, één cel in de laatste rij.
    xlsx(nieuw("dimensie-XFD1048576.xlsx", "verklaart A1:XFD1048576, één cel in rij 1048576"),
         _blad('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>',
               "A1:XFD1048576"))
    xlsx(nieuw("kop-en-cel-in-XFD1048576.xlsx",
               "kopregel, dan één cel in XFD1048576 (verklaard A1:XFD1048576)"),
         _blad(_kop() + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
               "A1:XFD1048576"))
    xlsx(nieuw("5000-rijen-cel-in-XFD.xlsx", "5.000 rijen met elk één cel in kolom XFD"),
         _blad_stroom(_kop(), (f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>'
                               for r in range(2, 5002))))
    xlsx(nieuw("data-in-kolom-61.xlsx", "een waarde in kolom 61 (BI)"),
         _blad(_kop() + '<row r="2"><c r="BI2"><v>1</v></c></row>'))

    # 2. Zip-bommen.
    xlsx(nieuw("zipbom-1GiB.xlsx", "werkblad van 1 GiB spaties (uitgepakt), zip-bom"),
         _herhaal(b" ", 1024 * MB))
    pad = nieuw("zipbom-gelogen-grootte.xlsx",
                "werkblad van 1 GiB, maar de zip noemt 100 kB uitgepakt")
    xlsx(pad, _herhaal(b"<row/>", 1024 * MB))
    _liegende_grootte(pad, "xl/worksheets/sheet1.xml", 100 * 1024)
    pad = nieuw("40000-onderdelen.xlsx", "40.000 lege onderdelen in de zip")
    xlsx(pad, _blad(_kop()), extra={f"x/{i}.xml": b"" for i in range(40_000)})

    # 3. Enorme tabellen en lange cellen.
    aantal = 1_500_000

    def gedeelde(uit):
        uit.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" '
                  f'count="{aantal}" uniqueCount="{aantal}">'.encode())
        uit.write("".join(f"<si><t>{i:x}</t></si>" for i in range(aantal)).encode())
        uit.write(b"</sst>")

    xlsx(nieuw("gedeelde-teksten-1,5M.xlsx",
               "1,5 miljoen verschillende gedeelde teksten (sharedStrings.xml)"),
         _blad(_kop() + '<row r="2"><c r="A2" t="s"><v>699999</v></c></row>'),
         gedeelde=gedeelde)
    xlsx(nieuw("gedeelde-tekst-40MB.xlsx", "één gedeelde tekst van 40 MB"),
         _blad(_kop() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
         gedeelde=lambda uit: (uit.write(f'<sst xmlns="{NS}"><si><t>'.encode()),
                               _herhaal(b"a", 40 * MB)(uit), uit.write(b"</t></si></sst>")))
    xlsx(nieuw("cel-40MB.xlsx", "één cel (inline tekst) van 40 MB"),
         lambda uit: (uit.write(f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2">'
                                f'<c r="A2" t="inlineStr"><is><t>'.encode()),
                      _herhaal(b"a", 40 * MB)(uit),
                      uit.write(b"</t></is></c></row></sheetData></worksheet>")))
    xlsx(nieuw("getal-40MB.xlsx", "één getal van 40 MB cijfers"),
         lambda uit: (uit.write(f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2">'
                                f'<c r="C2"><v>'.encode()),
                      _herhaal(b"9", 40 * MB)(uit),
                      uit.write(b"</v></c></row></sheetData></worksheet>")))
    xlsx(nieuw("stijlen-1000000.xlsx", "1.000.000 celstijlen (styles.xml)"),
         _blad(_kop()),
         stijlen=lambda uit: (uit.write(f'<styleSheet xmlns="{NS}"><cellXfs>'.encode()),
                              _herhaal(b'<xf numFmtId="14"/>', 19_000_000)(uit),
                              uit.write(b"</cellXfs></styleSheet>")))

    # 4. Lege rijen en cellen.
    xlsx(nieuw("1048575-lege-rijen.xlsx", "kopregel en 1.048.575 lege <row>-elementen"),
         _blad_stroom(_kop(), (f'<row r="{r}"/>' for r in range(2, 1048577))))
    xlsx(nieuw("10M-cellen-in-een-rij.xlsx", "één rij met 10 miljoen <c/> zonder adres"),
         lambda uit: (uit.write(f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2">'
                                .encode()),
                      _herhaal(b"<c/>", 40 * MB)(uit),
                      uit.write(b"</row></sheetData></worksheet>")))
    xlsx(nieuw("diepe-nesting.xlsx", "1.000.000 geneste elementen in een cel"),
         lambda uit: (uit.write(f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2">'
                                '<c r="A2" t="inlineStr"><is>'.encode()),
                      _herhaal(b"<r>", 3 * MB)(uit), _herhaal(b"</r>", 4 * MB)(uit),
                      uit.write(b"</is></c></row></sheetData></worksheet>")))

    # Dezelfde aanvallen met willekeurige inhoud: die comprimeert slecht, dus de zip-controle
    # (verhouding ingepakt/uitgepakt) laat ze door en de grenzen in de XML-lezer moeten het doen.
    rnd = random.Random(5)
    xlsx(nieuw("cellen-met-opmaak.xlsx", "één rij met 1,4 miljoen <c/> met willekeurige opmaak"),
         lambda uit: (uit.write(f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2">'
                                .encode()),
                      [uit.write("".join(f'<c s="{rnd.randrange(99999)}"/>'
                                         for _ in range(100_000)).encode())
                       for _ in range(14)],
                      uit.write(b"</row></sheetData></worksheet>")))
    xlsx(nieuw("rijen-met-opmaak.xlsx", "1 miljoen lege rijen met willekeurige hoogte"),
         _blad_stroom(_kop(), (f'<row r="{r}" ht="{rnd.randrange(9999)}"/>'
                               for r in range(2, 1_000_002))))
    xlsx(nieuw("lange-cel-willekeurig.xlsx", "één cel van 3 MB willekeurige letters"),
         _blad(_kop() + '<row r="2"><c r="A2" t="inlineStr"><is><t>'
               + "".join(rnd.choices("abcdefghijklmnopqrstuvwxyz", k=3 * MB))
               + "</t></is></c></row>"))
    xlsx(nieuw("stijlen-willekeurig.xlsx", "1 miljoen celstijlen met willekeurige notatie"),
         _blad(_kop()),
         stijlen=lambda uit: (uit.write(f'<styleSheet xmlns="{NS}"><cellXfs>'.encode()),
                              [uit.write("".join(f'<xf numFmtId="{rnd.randrange(999)}"/>'
                                                 for _ in range(100_000)).encode())
                               for _ in range(10)],
                              uit.write(b"</cellXfs></styleSheet>")))
    xlsx(nieuw("teksten-lang-en-veel.xlsx",
               "12.000 gedeelde teksten van 999 tekens, met een emoji (4 bytes per teken)"),
         _blad(_kop() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
         gedeelde=lambda uit: (
             uit.write(f'<sst xmlns="{NS}">'.encode()),
             [uit.write(("<si><t>\U0001F600" + "".join(rnd.choices("abcdef", k=998))
                         + "</t></si>").encode()) for _ in range(12_000)],
             uit.write(b"</sst>")))

    # 5. XML-trucs.
    lachen = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xlsx(nieuw("billion-laughs.xlsx", "XML-entiteiten die tot 1 miljard keer 'ha' uitdijen"),
         (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "ha">{lachen}]>'
          f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
          f"&l9;</t></is></c></row></sheetData></worksheet>").encode())
    xlsx(nieuw("xxe.xlsx", "externe entiteit naar /etc/passwd"),
         (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
          f'<worksheet xmlns="{NS}"><sheetData>{_kop()}<row r="2"><c r="A2" t="inlineStr">'
          f"<is><t>&x;</t></is></c></row></sheetData></worksheet>").encode())

    # 6. CSV.
    nieuw("2,6M-kolommen.csv", "kopregel met 2,6 miljoen kolommen").write_bytes(
        b"a;" * 2_600_000)
    nieuw("700000-kolomnamen.csv", "kopregel met 700.000 verschillende kolomnamen").write_bytes(
        ";".join(f"{i:x}" for i in range(700_000)).encode()[:UPLOADGRENS - 1])
    nieuw("kolommen-met-regeleinden.csv",
          "één rij van 1,2 miljoen kolommen, elke waarde met een regeleinde erin").write_bytes(
        b'"\n";' * 1_200_000)
    nieuw("lange-cel.csv", "kopregel en één cel van 4,9 MB").write_bytes(
        (";".join(KOLOMMEN) + "\r\n").encode() + b"x" * (UPLOADGRENS - 300 * 1024))
    nieuw("onafgesloten-aanhalingsteken.csv",
          "een aanhalingsteken dat nooit sluit, 4,9 MB").write_bytes(
        (";".join(KOLOMMEN) + '\r\n"').encode() + b"abc;\r\n" * 800_000)
    nieuw("lege-regels.csv", "kopregel en 2,6 miljoen lege regels").write_bytes(
        (";".join(KOLOMMEN) + "\r\n").encode() + b"\r\n" * 2_600_000)
    nieuw("lege-velden.csv", "5.000 regels van 1.000 lege velden").write_bytes(
        (";".join(KOLOMMEN) + "\r\n").encode() + (b";" * 1000 + b"\r\n") * 5000)
    nieuw("nul-tekens.csv", "NUL-bytes in een CSV").write_bytes(
        (";".join(KOLOMMEN) + "\r\n").encode() + b"a\x00b;" * 1_000_000)
    nieuw("utf-16.csv", "UTF-16 met BOM (Excel: 'Unicode-tekst')").write_bytes(
        _csv(_geldige_rijen(100, laatste_fout=False)).decode("utf-8-sig").encode("utf-16"))
    nieuw("latin-1.csv", "Latin-1 in plaats van UTF-8").write_bytes(
        _csv(_geldige_rijen(100, laatste_fout=False)).decode("utf-8-sig").encode("latin-1"))
    nieuw("5001-rijen.csv", "5.001 geldige rijen (één te veel)").write_bytes(
        _csv(_geldige_rijen(5001, laatste_fout=False)))
    nieuw("willekeurig.xlsx", "5 MB willekeurige bytes met een .xlsx-naam").write_bytes(
        random.Random(3).randbytes(UPLOADGRENS - 1))

    # 7. Ter vergelijking: de grootste geldige bestanden (de laatste rij fout, dus alles wordt
    # gelezen en gecontroleerd en niets opgeslagen), en één die echt wordt opgeslagen.
    nieuw("5000-rijen-laatste-fout.csv", "5.000 rijen, de laatste ongeldig: alles gecontroleerd"
          ).write_bytes(_csv(_geldige_rijen(5000, laatste_fout=True)))
    _xlsx_openpyxl(nieuw("5000-rijen-laatste-fout.xlsx",
                         "5.000 rijen (openpyxl), de laatste ongeldig"),
                   _geldige_rijen(5000, laatste_fout=True))
    _xlsx_openpyxl(nieuw("5000-rijen-geldig.xlsx", VERGELIJKING),
                   _geldige_rijen(5000, laatste_fout=False))

    for naam, _ in bestanden:
        grootte = (map_ / naam).stat().st_size
        assert grootte <= UPLOADGRENS, f"{naam} is {grootte} bytes, groter dan de uploadgrens"
    return bestanden
