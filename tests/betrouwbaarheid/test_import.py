"""Bulkimport van deelnemers: alles of niets, foutrapport per rij, nooit een serverfout."""

import datetime
import io
import random
import zipfile

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_save
from django.urls import reverse

from gemeenten.models import Toegangslog
from trajecten.factories import DeelnemerFactory, genereer_bsn
from trajecten.importeren import KOLOMMEN, MAX_BESTANDSGROOTTE, controleer_bestand
from trajecten.models import Deelnemer

URL = "/deelnemers/import/"


def rij(**waarden) -> dict:
    """Een geldige rij voor een deelnemer in Groningen; `waarden` overschrijft kolommen."""
    basis = {
        "voornaam": "Semhar",
        "achternaam": "Tesfay",
        "geboortedatum": "14-03-1991",
        "land_van_herkomst": "ER",
        "bsn": genereer_bsn(),
        "v_nummer": "3012345678",
        "gemeente": "GM0014",
        "datum_verblijfsvergunning": "2025-06-01",
        "taalniveau": "A2",
        "opleidingsniveau": "mbo",
        "inburgering": "bezig",
        "toestemming_datum": "02-01-2026",
        "telefoon": "0612345678",
        "email": "semhar@example.org",
    }
    basis.update(waarden)
    return basis


def csv_bestand(rijen, *, scheiding=";", bom=True, kolommen=KOLOMMEN) -> bytes:
    regels = [scheiding.join(kolommen)]
    regels += [scheiding.join(str(r.get(k, "")) for k in kolommen) for r in rijen]
    tekst = "\r\n".join(regels) + "\r\n"
    return (("\ufeff" if bom else "") + tekst).encode("utf-8")


def xlsx_bestand(rijen) -> bytes:
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.append(KOLOMMEN)
    for r in rijen:
        blad.append([r.get(k) for k in KOLOMMEN])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def upload(client, naam: str, inhoud: bytes, **extra):
    """Upload en volg naar de statuspagina (zonder broker loopt de taak in het proces zelf:
    de pagina toont meteen het rapport)."""
    bestand = SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")
    return client.post(URL, {"bestand": bestand}, secure=True, follow=True, **extra)


def importeer_en_volg(client, naam, inhoud):
    antwoord = upload(client, naam, inhoud)
    if antwoord.status_code == 302:
        return client.get(antwoord["Location"], secure=True)
    return antwoord


def tekst(antwoord) -> str:
    return antwoord.content.decode()


@pytest.fixture
def ingelogd(client, medewerker):
    client.force_login(medewerker)
    return client


@pytest.fixture
def aantal_deelnemers(db):
    return Deelnemer.objects.count


# --- toegang en pagina -----------------------------------------------------------------------


@pytest.mark.django_db
def test_importpagina_alleen_voor_medewerkers(client, medewerker, coordinator):
    assert client.get(URL, secure=True).status_code == 302  # naar inloggen
    client.force_login(coordinator)
    assert client.get(URL, secure=True).status_code == 403
    assert upload(client, "d.csv", csv_bestand([rij()])).status_code == 403
    assert not Deelnemer.objects.exists()
    client.force_login(medewerker)
    antwoord = client.get(URL, secure=True)
    assert antwoord.status_code == 200
    assert "Deelnemers importeren" in tekst(antwoord)
    assert "datum_verblijfsvergunning" in tekst(antwoord)


@pytest.mark.django_db
def test_sjablonen_csv_en_xlsx(ingelogd):
    csv_antwoord = ingelogd.get(reverse("importeren:sjabloon_csv"), secure=True)
    assert csv_antwoord.status_code == 200
    assert csv_antwoord["Content-Disposition"].startswith("attachment;")
    assert csv_antwoord.content == ("\ufeff" + ";".join(KOLOMMEN) + "\r\n").encode()

    xlsx_antwoord = ingelogd.get(reverse("importeren:sjabloon_xlsx"), secure=True)
    assert xlsx_antwoord.status_code == 200
    werkmap = openpyxl.load_workbook(io.BytesIO(xlsx_antwoord.content))
    assert [c.value for c in werkmap.worksheets[0][1]] == KOLOMMEN
    toelichting = {r[0]: r[1] for r in werkmap["Toelichting"].iter_rows(values_only=True)}
    assert toelichting["voornaam"] == "ja"
    assert toelichting["bsn"] == "nee"


@pytest.mark.django_db
def test_ingevuld_xlsx_sjabloon_importeert(ingelogd):
    sjabloon = ingelogd.get(reverse("importeren:sjabloon_xlsx"), secure=True).content
    werkmap = openpyxl.load_workbook(io.BytesIO(sjabloon))
    werkmap.worksheets[0].append([rij(bsn="")[k] for k in KOLOMMEN])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    antwoord = importeer_en_volg(ingelogd, "ingevuld.xlsx", buffer.getvalue())
    assert "1 deelnemers geïmporteerd (Groningen: 1)." in tekst(antwoord)
    assert Deelnemer.objects.get().achternaam == "Tesfay"


# --- geldige bestanden -----------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_met_bom_en_puntkomma(ingelogd, groningen, medewerker):
    bsn = genereer_bsn()
    rijen = [
        rij(bsn=bsn, land_van_herkomst="Syrië", taalniveau="b1", inburgering="niet gestart"),
        rij(voornaam="Reza", achternaam="Hosseini", geboortedatum="1985-11-30",
            land_van_herkomst="IRN", bsn="", opleidingsniveau="universiteit", taalniveau=""),
    ]
    antwoord = importeer_en_volg(ingelogd, "deelnemers.csv", csv_bestand(rijen))
    assert antwoord.status_code == 200
    assert "2 deelnemers geïmporteerd (Groningen: 2)." in tekst(antwoord)

    semhar = Deelnemer.objects.get(bsn=bsn)
    assert semhar.voornaam == "Semhar"  # geen BOM in de eerste kolom
    assert semhar.geboortedatum == datetime.date(1991, 3, 14)
    assert semhar.land_van_herkomst.code == "SY"
    assert semhar.taalniveau == "b1"
    assert semhar.inburgering == "niet_gestart"
    assert semhar.gemeente == groningen
    assert semhar.toestemming_datum == datetime.date(2026, 1, 2)
    reza = Deelnemer.objects.get(achternaam="Hosseini")
    assert reza.geboortedatum == datetime.date(1985, 11, 30)
    assert reza.land_van_herkomst.code == "IR"
    assert reza.bsn == ""
    assert reza.opleidingsniveau == "wo"
    assert reza.taalniveau == "a0"  # leeg is het standaardniveau
    # Opgeslagen via save(): de wijzigingshistorie noemt de importeur.
    assert LogEntry.objects.get_for_object(semhar).get().actor == medewerker


@pytest.mark.django_db
def test_csv_zonder_bom_met_komma(ingelogd):
    inhoud = csv_bestand([rij(), rij(voornaam="Yonas", bsn="")], scheiding=",", bom=False)
    antwoord = importeer_en_volg(ingelogd, "DEELNEMERS.CSV", inhoud)
    assert "2 deelnemers geïmporteerd" in tekst(antwoord)
    assert Deelnemer.objects.count() == 2


@pytest.mark.django_db
def test_csv_met_aanhalingstekens_en_kolommen_in_andere_volgorde(ingelogd):
    """Eigen spreadsheets: kolomkoppen met hoofdletters en spaties, een CBS-code zonder GM."""
    inhoud = (
        b"Gemeente;Achternaam;Voornaam;Geboortedatum;Land van herkomst\r\n"
        b'14;"Al-Hassan; jr.";Omar;1-2-1990;afghanistan\r\n'
    )
    antwoord = importeer_en_volg(ingelogd, "eigen.csv", inhoud)
    assert "1 deelnemers geïmporteerd" in tekst(antwoord)
    omar = Deelnemer.objects.get()
    assert omar.achternaam == "Al-Hassan; jr."
    assert omar.geboortedatum == datetime.date(1990, 2, 1)
    assert omar.land_van_herkomst.code == "AF"
    assert omar.gemeente.cbs_code == "GM0014"


@pytest.mark.django_db
def test_xlsx_met_echte_datums_en_getallen(ingelogd):
    bsn = genereer_bsn()
    rijen = [rij(geboortedatum=datetime.datetime(1990, 5, 17), bsn=int(bsn),
                 v_nummer=3099999999, toestemming_datum=datetime.date(2026, 1, 5))]
    antwoord = importeer_en_volg(ingelogd, "deelnemers.xlsx", xlsx_bestand(rijen))
    assert "1 deelnemers geïmporteerd" in tekst(antwoord)
    d = Deelnemer.objects.get()
    assert d.geboortedatum == datetime.date(1990, 5, 17)
    assert d.bsn == bsn
    assert d.v_nummer == "3099999999"
    assert d.toestemming_datum == datetime.date(2026, 1, 5)


@pytest.mark.django_db
def test_import_staat_in_het_toegangslog_zonder_persoonsgegevens(ingelogd, medewerker):
    bsn = genereer_bsn()
    importeer_en_volg(ingelogd, "d.csv", csv_bestand([rij(bsn=bsn)]))
    importeer_en_volg(ingelogd, "d.csv", csv_bestand([rij(bsn=bsn)]))
    gelukt, geweigerd = Toegangslog.objects.filter(actie="import").order_by("pk")
    assert (gelukt.actor, gelukt.resultaat) == (medewerker, "gelukt")
    assert geweigerd.resultaat == "geweigerd"
    for regel in (gelukt, geweigerd):
        assert bsn not in regel.toelichting
        assert "Tesfay" not in regel.toelichting


# --- alles of niets en het foutrapport -------------------------------------------------------


@pytest.mark.django_db
def test_een_ongeldige_rij_en_er_wordt_niets_opgeslagen(ingelogd):
    rijen = [rij(), rij(voornaam="Yonas", bsn=""), rij(voornaam="Dawit", bsn="",
                                                         geboortedatum="31-02-1990")]
    antwoord = upload(ingelogd, "deelnemers.csv", csv_bestand(rijen))
    assert antwoord.status_code == 200
    html = tekst(antwoord)
    assert "Er is niets geïmporteerd: 1 fout gevonden." in html
    assert (
        '<td class="utrecht-table__cell" data-label="Rij">4</td>\n'
        '            <td class="utrecht-table__cell" data-label="Kolom">geboortedatum</td>\n'
        '            <td class="utrecht-table__cell" data-label="Reden">Geen geldige datum. '
        "Gebruik dd-mm-jjjj (bijvoorbeeld 31-12-1990) of jjjj-mm-dd.</td>"
    ) in html
    assert not Deelnemer.objects.exists()


def fouten_van(medewerker, inhoud: bytes, naam="d.csv") -> list[str]:
    from trajecten.importeren import ImportGeweigerd

    with pytest.raises(ImportGeweigerd) as geweigerd:
        controleer_bestand(inhoud=inhoud, bestandsnaam=naam, door=medewerker)
    return [str(f) for f in geweigerd.value.fouten]


@pytest.mark.django_db
def test_elke_rij_wordt_gecontroleerd_met_reden_per_kolom(medewerker):
    morgen = (datetime.date.today() + datetime.timedelta(days=1)).strftime("%d-%m-%Y")
    rijen = [
        rij(bsn="123456789"),
        rij(voornaam="", bsn=""),
        rij(land_van_herkomst="Atlantis", bsn=""),
        rij(taalniveau="D1", inburgering="half", bsn=""),
        rij(toestemming_datum=morgen, email="geen-email", bsn=""),
        rij(gemeente="GM9999", bsn=""),
        rij(geboortedatum="12/03/1990", bsn=""),
        rij(voornaam="X" * 101, bsn=""),
    ]
    assert fouten_van(medewerker, csv_bestand(rijen)) == [
        "Rij 2, kolom bsn: Dit is geen geldig BSN: het moet negen cijfers hebben en voldoen "
        "aan de 11-proef.",
        "Rij 3, kolom voornaam: Dit veld is verplicht.",
        "Rij 4, kolom land_van_herkomst: Onbekend land. Gebruik de ISO-code (bijvoorbeeld SY) "
        "of de Nederlandse naam (bijvoorbeeld Syrië).",
        "Rij 5, kolom taalniveau: Onbekende waarde; kies uit: A0, A1, A2, B1, B2, C1, C2.",
        "Rij 5, kolom inburgering: Onbekende waarde; kies uit: niet gestart, bezig, afgerond, "
        "vrijgesteld.",
        "Rij 6, kolom toestemming_datum: De datum van toestemming kan niet in de toekomst "
        "liggen.",
        "Rij 6, kolom email: Voer een geldig e-mailadres in.",
        "Rij 7, kolom gemeente: Onbekende CBS-code. Gebruik GM gevolgd door vier cijfers, "
        "bijvoorbeeld GM0014 voor Groningen.",
        "Rij 8, kolom geboortedatum: Geen geldige datum. Gebruik dd-mm-jjjj (bijvoorbeeld "
        "31-12-1990) of jjjj-mm-dd.",
        "Rij 9, kolom voornaam: Zorg dat deze waarde niet meer dan 100 tekens bevat (het zijn "
        "er nu 101).",
    ]


@pytest.mark.django_db
def test_kopregel_fouten(medewerker):
    inhoud = b"voornaam;achternaam;bsnn;voornaam\r\nA;B;1;A\r\n"
    assert fouten_van(medewerker, inhoud) == [
        "Rij 1, kolom geboortedatum: Deze verplichte kolom ontbreekt in de kopregel.",
        "Rij 1, kolom land_van_herkomst: Deze verplichte kolom ontbreekt in de kopregel.",
        "Rij 1, kolom gemeente: Deze verplichte kolom ontbreekt in de kopregel.",
        "Rij 1, kolom bsnn: Onbekende kolom. Gebruik alleen de kolommen uit het sjabloon.",
        "Rij 1, kolom voornaam: Deze kolom staat twee keer in de kopregel.",
    ]


@pytest.mark.django_db
def test_andere_gemeente_buiten_eigen_scope(ingelogd):
    rijen = [rij(), rij(voornaam="Yonas", bsn="", gemeente="GM0114")]
    antwoord = upload(ingelogd, "d.csv", csv_bestand(rijen))
    assert "U bent geen medewerker van Emmen (GM0114); u kunt alleen deelnemers van uw eigen " \
           "gemeenten importeren." in tekst(antwoord)
    assert not Deelnemer.objects.exists()


@pytest.mark.django_db
def test_medewerker_van_twee_gemeenten_importeert_in_beide(client, medewerker, emmen):
    from gemeenten.constants import Rol
    from gemeenten.factories import LidmaatschapFactory

    LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
    client.force_login(medewerker)
    rijen = [rij(), rij(voornaam="Yonas", bsn="", gemeente="gm0114")]
    antwoord = importeer_en_volg(client, "d.csv", csv_bestand(rijen))
    assert "2 deelnemers geïmporteerd (Groningen: 1, Emmen: 1)." in tekst(antwoord)


@pytest.mark.django_db
def test_dubbel_binnen_het_bestand(medewerker):
    bsn = genereer_bsn()
    rijen = [
        rij(bsn=bsn),
        rij(voornaam="Yonas", bsn=bsn),
        rij(voornaam="Helen", achternaam="Haile", geboortedatum="01-01-1980", bsn=""),
        rij(voornaam="helen ", achternaam="HAILE", geboortedatum="1980-01-01", bsn=""),
    ]
    assert fouten_van(medewerker, csv_bestand(rijen)) == [
        "Rij 3, kolom bsn: Dit BSN staat ook in rij 2 van dit bestand.",
        "Rij 5: Dezelfde voornaam, achternaam en geboortedatum staan ook in rij 4 van dit "
        "bestand.",
    ]
    assert not Deelnemer.objects.exists()


@pytest.mark.django_db
def test_dubbel_tegen_de_database(ingelogd, groningen, emmen):
    eigen = DeelnemerFactory(gemeente=groningen)
    elders = DeelnemerFactory(gemeente=emmen)  # BSN is landelijk uniek
    DeelnemerFactory(gemeente=groningen, voornaam="Lina", achternaam="Haddad",
                     geboortedatum=datetime.date(1995, 7, 4), bsn="")
    rijen = [
        rij(),
        rij(voornaam="Omar", bsn=eigen.bsn),
        rij(voornaam="Lina", achternaam="Haddad", geboortedatum="04-07-1995", bsn=""),
        rij(voornaam="Yosef", bsn=elders.bsn),
    ]
    antwoord = upload(ingelogd, "d.csv", csv_bestand(rijen))
    html = tekst(antwoord)
    assert "Er is niets geïmporteerd: 3 fouten gevonden." in html
    assert "Er is al een deelnemer met dit BSN geregistreerd." in html
    assert "Er bestaat al een deelnemer met deze voornaam, achternaam en geboortedatum in uw " \
           "gemeenten." in html
    # Het BSN uit Emmen: de neutrale weigering, zoals bij registreren (tests/beveiliging/
    # test_bsn_orakel.py), en niets over Emmen.
    assert "Dit BSN kan hier niet worden gebruikt." in html
    assert "Emmen" not in html
    assert Deelnemer.objects.count() == 3


@pytest.mark.django_db
def test_hetzelfde_bestand_twee_keer_maakt_niets_dubbel(ingelogd):
    inhoud = csv_bestand([rij(), rij(voornaam="Yonas", bsn="")])
    assert "2 deelnemers geïmporteerd" in tekst(importeer_en_volg(ingelogd, "d.csv", inhoud))
    tweede = upload(ingelogd, "d.csv", inhoud)
    assert tweede.status_code == 200
    assert "Dit bestand lijkt al eerder geïmporteerd: alle 2 deelnemers bestaan al. Er is " \
           "niets geïmporteerd." in tekst(tweede)
    assert Deelnemer.objects.count() == 2


@pytest.mark.django_db
def test_fout_halverwege_het_opslaan_draait_alles_terug(ingelogd):
    """Een databasefout bij de derde rij: ook de eerste twee (al opgeslagen) verdwijnen."""
    bsn_derde = genereer_bsn()

    def concurrent_invoegen(sender, instance, created, **kwargs):
        if created and instance.voornaam == "Yonas":
            DeelnemerFactory(gemeente=instance.gemeente, bsn=bsn_derde)

    post_save.connect(concurrent_invoegen, sender=Deelnemer)
    try:
        rijen = [rij(), rij(voornaam="Yonas", bsn=""), rij(voornaam="Dawit", bsn=bsn_derde)]
        antwoord = upload(ingelogd, "d.csv", csv_bestand(rijen))
    finally:
        post_save.disconnect(concurrent_invoegen, sender=Deelnemer)
    assert antwoord.status_code == 200
    assert "Tijdens het opslaan bleek een deelnemer uit dit bestand al te bestaan" in tekst(
        antwoord
    )
    assert not Deelnemer.objects.exists()


# --- bestanden die geen deelnemerslijst zijn -------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.csv", b"", "Het bestand is leeg."),
        ("leeg.xlsx", b"", "Het bestand is leeg."),
        ("alleen-bom.csv", b"\xef\xbb\xbf\r\n;;;\r\n", "Het bestand is leeg."),
        ("kop.csv", csv_bestand([]), "Het bestand bevat geen deelnemers: er staat alleen een "
                                     "kopregel in."),
        ("rommel.csv", random.Random(6).randbytes(4000), "Dit is geen CSV-tekstbestand."),
        ("rommel.xlsx", random.Random(6).randbytes(4000), "Het XLSX-bestand kan niet worden "
                                                          "gelezen."),
        ("latin1.csv", "voornaam;achternaam\r\nJosé;Müller\r\n".encode("latin-1"),
         "Het bestand is geen UTF-8-tekst."),
        ("tekst.csv", b"Beste collega,\nhierbij de lijst.\n",
         "De eerste rij bevat geen kolomnamen uit het sjabloon"),
        ("quote.csv", b'voornaam;achternaam\r\n"Ahmad;Haddad\r\n',
         "Rij 2 is geen geldige CSV"),
        ("oud.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100,
         "Oude Excel-bestanden (.xls) worden niet ondersteund."),
        ("lijst.pdf", b"%PDF-1.7 ...", "Alleen bestanden met de extensie .csv of .xlsx"),
        ("zonder-extensie", b"voornaam\r\nA\r\n", "Alleen bestanden met de extensie .csv"),
    ],
)
def test_geen_deelnemerslijst_geeft_duidelijke_melding(ingelogd, naam, inhoud, melding):
    antwoord = upload(ingelogd, naam, inhoud)
    assert antwoord.status_code == 200
    assert melding in tekst(antwoord)
    assert not Deelnemer.objects.exists()


@pytest.mark.django_db
def test_xlsx_dat_eigenlijk_een_ander_zipbestand_is(ingelogd):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("lees-mij.txt", "geen werkmap")
    antwoord = upload(ingelogd, "deelnemers.xlsx", buffer.getvalue())
    assert "Het XLSX-bestand kan niet worden gelezen." in tekst(antwoord)


@pytest.mark.django_db
def test_zip_bom_als_xlsx_wordt_niet_uitgepakt(ingelogd):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/worksheets/sheet1.xml", b"\0" * (70 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_BESTANDSGROOTTE
    antwoord = upload(ingelogd, "bom.xlsx", buffer.getvalue())
    assert "Het XLSX-bestand is uitgepakt te groot om te importeren." in tekst(antwoord)


@pytest.mark.django_db
def test_te_groot_bestand(ingelogd):
    net_te_groot = csv_bestand([rij()]) + b" " * MAX_BESTANDSGROOTTE
    antwoord = upload(ingelogd, "groot.csv", net_te_groot)
    assert antwoord.status_code == 200
    assert "Het bestand is groter dan 5 MB. Splits het in kleinere bestanden." in tekst(antwoord)

    veel_te_groot = b"x" * (MAX_BESTANDSGROOTTE + 200 * 1024)
    antwoord = upload(ingelogd, "heel-groot.csv", veel_te_groot)
    assert antwoord.status_code == 413
    assert "Het bestand is groter dan 5 MB." in tekst(antwoord)
    assert not Deelnemer.objects.exists()


@pytest.mark.django_db
def test_te_veel_rijen(ingelogd):
    rijen = [rij(voornaam=f"Persoon{i}", bsn="") for i in range(5001)]
    antwoord = upload(ingelogd, "veel.csv", csv_bestand(rijen))
    assert "Het bestand bevat meer dan 5.000 deelnemers." in tekst(antwoord)
    assert not Deelnemer.objects.exists()


@pytest.mark.django_db
def test_geen_bestand_gekozen(ingelogd):
    antwoord = ingelogd.post(URL, {}, secure=True)
    assert antwoord.status_code == 200
    assert "Kies een CSV- of XLSX-bestand om te importeren." in tekst(antwoord)


# --- queries ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_controle_kost_evenveel_queries_bij_2_en_40_rijen(medewerker, django_assert_num_queries):
    klein = csv_bestand([rij(voornaam=f"P{i}") for i in range(2)])
    groot = csv_bestand([rij(voornaam=f"P{i}") for i in range(40)])
    controleer_bestand(inhoud=klein, bestandsnaam="k.csv", door=medewerker)  # warme caches
    with django_assert_num_queries(4):
        controleer_bestand(inhoud=klein, bestandsnaam="k.csv", door=medewerker)
    with django_assert_num_queries(4):
        controleer_bestand(inhoud=groot, bestandsnaam="g.csv", door=medewerker)


@pytest.mark.django_db
def test_pagina_noemt_de_grenzen(ingelogd):
    html = tekst(ingelogd.get(URL, secure=True))
    assert "hoogstens 5 MB en 5.000 deelnemers" in html
    assert 'href="/deelnemers/import/sjabloon.xlsx"' in html


@pytest.mark.django_db
def test_naam_en_geboortedatum_binnen_alle_eigen_gemeenten_niet_daarbuiten(
    client, medewerker, emmen
):
    from gemeenten.constants import Rol
    from gemeenten.factories import LidmaatschapFactory
    from gemeenten.models import Gemeente

    LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    geboren = datetime.date(1988, 9, 9)
    DeelnemerFactory(gemeente=emmen, voornaam="Hiba", achternaam="Khalil", geboortedatum=geboren)
    DeelnemerFactory(gemeente=amsterdam, voornaam="Rania", achternaam="Saleh",
                     geboortedatum=geboren)
    client.force_login(medewerker)
    hiba = csv_bestand([rij(voornaam="Hiba", achternaam="Khalil", geboortedatum="09-09-1988")])
    assert "Er bestaat al een deelnemer met deze voornaam, achternaam en geboortedatum" in tekst(
        upload(client, "d.csv", hiba)
    )
    rania = csv_bestand([rij(voornaam="Rania", achternaam="Saleh", geboortedatum="09-09-1988")])
    assert "1 deelnemers geïmporteerd" in tekst(importeer_en_volg(client, "d.csv", rania))
    assert Deelnemer.objects.filter(voornaam="Rania", gemeente__cbs_code="GM0014").exists()
