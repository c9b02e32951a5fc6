"""Een status die de werkelijkheid volgt (plaatsing → geplaatst, afgerond met een reden, alleen
lopende programma's) en mensen vinden (zonder accenten, 'Achternaam, Voornaam', nooit een
naam in een URL, BSN niet gevonden → registreren met dat BSN)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from rapportage.factories import ProgrammaFactory
from trajecten import services
from trajecten.constants import RedenAfgerond, Soort, Status
from trajecten.factories import (
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    genereer_bsn,
)
from trajecten.models import Deelnemer, Traject

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def in_intake(groningen, vervolg, medewerker):
    return TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, status=Status.INTAKE,
                          aanmelddatum=VANDAAG - 30 * DAG, startdatum=VANDAAG - 20 * DAG,
                          behandelaar=medewerker)


# --- plaatsing → geplaatst -----------------------------------------------------------------------


def test_baan_op_traject_in_intake_gaat_via_actief_naar_geplaatst(in_intake, medewerker):
    services.plaatsing_registreren(
        traject=in_intake, door=medewerker, soort=Soort.BAAN, startdatum=VANDAAG,
        uren_per_week=32, werkgever=WerkgeverFactory(gemeente=in_intake.gemeente),
    )
    in_intake.refresh_from_db()
    assert in_intake.status == Status.GEPLAATST
    statussen = [
        e.changes_dict["status"] for e in LogEntry.objects.get_for_object(in_intake)
        .order_by("timestamp", "pk") if "status" in (e.changes_dict or {})
    ]
    # Elke overgang een eigen regel in de wijzigingshistorie.
    assert statussen[-2:] == [["intake", "actief"], ["actief", "geplaatst"]]


def test_plaatsingsformulier_meldt_de_nieuwe_status_en_de_nazorg(client, medewerker, in_intake):
    client.force_login(medewerker)
    url = reverse("trajecten:plaatsing_nieuw", args=[in_intake.pk])
    html = client.get(url).content.decode()
    # Niets vooraf gekozen wat de medewerker niet koos; verplicht is verplicht.
    assert '<option value="" selected>— kies de contractvorm —</option>' in html
    assert '<option value="" selected>— kies de soort —</option>' in html
    assert 'name="uren_per_week" value="0"' not in html
    assert "Velden zonder ‘(optioneel)’ zijn verplicht." in html
    uren = html[html.index('for="id_uren_per_week"'):]
    assert "(optioneel)" not in uren[:uren.index("</label>")]
    assert "Verplicht bij een baan" in uren
    data = {"soort": "baan", "werkgever": WerkgeverFactory(gemeente=in_intake.gemeente).pk,
            "functie": "Kok", "startdatum": VANDAAG.isoformat(), "uren_per_week": "",
            "contractvorm": ""}
    assert "Kies de contractvorm" in client.post(url, data).content.decode()
    r = client.post(url, {**data, "contractvorm": "bepaalde_tijd"})
    assert "Vul bij een baan het aantal uren per week in." in r.content.decode()
    assert not in_intake.plaatsingen.exists()
    r = client.post(url, {**data, "uren_per_week": "32", "contractvorm": "bepaalde_tijd"},
                    follow=True)
    melding = r.content.decode()
    assert "De plaatsing is geregistreerd. Het traject staat nu op ‘geplaatst’." in melding
    assert "Er zijn 3 nazorgafspraken gepland" in melding


def test_voorportaal_zonder_uren_en_zonder_werkgever_mag(in_intake, medewerker):
    p = services.plaatsing_registreren(traject=in_intake, door=medewerker,
                                       soort=Soort.OPLEIDING, startdatum=VANDAAG)
    assert p.uren_per_week is None
    in_intake.refresh_from_db()
    assert in_intake.status == Status.INTAKE


def test_baan_met_nul_uur_geweigerd(in_intake, medewerker):
    with pytest.raises(ValidationError) as exc:
        services.plaatsing_registreren(
            traject=in_intake, door=medewerker, soort=Soort.BAAN, startdatum=VANDAAG,
            uren_per_week=0, werkgever=WerkgeverFactory(gemeente=in_intake.gemeente),
        )
    assert exc.value.message_dict["uren_per_week"] == ["Een baan heeft minstens één uur per week."]


# --- afgerond met een reden ----------------------------------------------------------------------


@pytest.mark.parametrize("reden", [RedenAfgerond.ONDERWIJS, RedenAfgerond.VRIJWILLIGERSWERK,
                                   RedenAfgerond.VERHUISD, RedenAfgerond.ANDERS])
def test_positief_afgerond_zonder_werk(in_intake, medewerker, reden):
    services.status_wijzigen(traject=in_intake, door=medewerker, naar=Status.AFGEROND,
                             reden_afgerond=reden)
    in_intake.refresh_from_db()
    assert (in_intake.status, in_intake.reden_afgerond, in_intake.einddatum) == (
        Status.AFGEROND, reden, VANDAAG
    )


def test_afgerond_vraagt_een_reden_en_werk_vraagt_een_plaatsing(in_intake, medewerker):
    with pytest.raises(ValidationError) as exc:
        services.status_wijzigen(traject=in_intake, door=medewerker, naar=Status.AFGEROND)
    assert exc.value.message_dict["reden_afgerond"] == ["Kies waarom het traject is afgerond."]
    with pytest.raises(ValidationError) as exc:
        services.status_wijzigen(traject=in_intake, door=medewerker, naar=Status.AFGEROND,
                                 reden_afgerond=RedenAfgerond.WERK)
    assert "‘Werk’ kan alleen met een baan" in exc.value.message_dict["reden_afgerond"][0]
    PlaatsingFactory(traject=in_intake, soort=Soort.STAGE)
    services.status_wijzigen(traject=in_intake, door=medewerker, naar=Status.AFGEROND,
                             reden_afgerond=RedenAfgerond.WERK)


def test_database_eist_reden_bij_en_alleen_bij_afgerond(in_intake):
    for velden in ({"status": Status.AFGEROND, "reden_afgerond": ""},
                   {"status": Status.ACTIEF, "reden_afgerond": RedenAfgerond.ONDERWIJS},
                   {"status": Status.AFGEROND, "reden_afgerond": "ruzie"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Traject.objects.filter(pk=in_intake.pk).update(**velden)


def test_statusformulier_toont_de_reden_en_het_dossier_ook(client, medewerker, in_intake):
    client.force_login(medewerker)
    url = reverse("trajecten:status_wijzigen", args=[in_intake.pk])
    html = client.get(url).content.decode()
    assert re.findall(r'name="naar" value="(\w+)"', html) == ["actief", "afgerond",
                                                             "uitgevallen"]
    assert 'value="vrijwilligerswerk">vrijwilligerswerk / participatie</option>' in html
    r = client.post(url, {"naar": "afgerond", "reden_afgerond": "onderwijs",
                          "versie": in_intake.versie}, follow=True)
    dossier = r.content.decode()
    assert "Reden van afronden" in dossier and "Onderwijs" in dossier


# --- traject starten: alleen lopende programma's in de gemeente ----------------------------------


def test_traject_starten_biedt_alleen_lopende_programmas_van_de_gemeente(
    client, medewerker, groningen, vervolg
):
    d = DeelnemerFactory(gemeente=groningen, toestemming_datum=VANDAAG)
    elders = ProgrammaFactory(naam="Alleen in Emmen", startdatum=VANDAAG - 10 * DAG,
                              einddatum=VANDAAG + 10 * DAG)
    toekomst = ProgrammaFactory(naam="Begint volgend jaar", startdatum=VANDAAG + 300 * DAG,
                                einddatum=VANDAAG + 900 * DAG)
    toekomst.gemeenten.add(groningen)
    client.force_login(medewerker)
    html = client.get(reverse("trajecten:traject_starten", args=[d.pk])).content.decode()
    opties = re.findall(r'<option value="(\d+)"', html.split('name="programma"')[1]
                        .split("</select>")[0])
    assert opties == [str(vervolg.pk)]
    assert elders.naam not in html and "Banenoffensief Vluchtelingen" not in html


def test_service_weigert_aanmelding_buiten_looptijd_of_gemeente(medewerker, groningen,
                                                                vervolg):
    d = DeelnemerFactory(gemeente=groningen, toestemming_datum=VANDAAG - 400 * DAG)
    voor_start = vervolg.startdatum - DAG
    with pytest.raises(ValidationError) as exc:
        services.traject_starten(deelnemer=d, programma=vervolg, uitvoerder="uaf",
                                 door=medewerker, aanmelddatum=voor_start)
    assert "Dit programma begint op 01-01-2026" in exc.value.message_dict["aanmelddatum"][0]
    elders = ProgrammaFactory(naam="Pilot Emmen", startdatum=VANDAAG - 10 * DAG)
    with pytest.raises(ValidationError) as exc:
        services.traject_starten(deelnemer=d, programma=elders, uitvoerder="uaf",
                                 door=medewerker)
    assert exc.value.message_dict["programma"] == [
        "Groningen doet niet mee aan Pilot Emmen; kies een programma waaraan de gemeente van "
        "de deelnemer meedoet."
    ]
    assert not Traject.objects.exists()


# --- mensen vinden -------------------------------------------------------------------------------


@pytest.fixture
def zoek(client, medewerker):
    client.force_login(medewerker)

    def doe(term, **filters):
        r = client.post(reverse("trajecten:deelnemer_zoeken"),
                        {"zoek": term, "status": "", **filters})
        assert r.status_code == 302
        return r, client.get(r["Location"])

    return doe


def namen(response) -> list[str]:
    return [f"{d.achternaam}, {d.voornaam}" for d in response.context["pagina"].object_list]


def test_zoeken_zonder_hoofdletters_en_accenten(zoek, groningen):
    DeelnemerFactory(gemeente=groningen, voornaam="Şükrü", achternaam="Çelik")
    DeelnemerFactory(gemeente=groningen, voornaam="Zoë", achternaam="Yıldız")
    DeelnemerFactory(gemeente=groningen, voornaam="Fatima", achternaam="Ahmadi")
    assert namen(zoek("celik")[1]) == ["Çelik, Şükrü"]
    assert namen(zoek("CELİK sukru")[1]) == ["Çelik, Şükrü"]
    assert namen(zoek("yildiz")[1]) == ["Yıldız, Zoë"]
    assert namen(zoek("zoe")[1]) == ["Yıldız, Zoë"]
    # Zoals de lijst de naam toont, en andersom.
    assert namen(zoek("Ahmadi, Fatima")[1]) == ["Ahmadi, Fatima"]
    assert namen(zoek("fatima ahmadi")[1]) == ["Ahmadi, Fatima"]
    assert namen(zoek("Ahmadi, Zoë")[1]) == []


def test_geen_naam_in_een_url(zoek, client, groningen, vervolg):
    """Na het zoeken staat alleen een willekeurige sleutel in de URL, ook in de links om te
    sorteren, te bladeren en te kiezen tussen mijn/alle dossiers."""
    for _ in range(30):
        TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Ahmadi",
                       deelnemer__voornaam="Fatima", programma=vervolg)
    naar, pagina = zoek("Fatima Ahmadi")
    html = pagina.content.decode()
    urls = [naar["Location"], *re.findall(r'href="([^"]+)"', html),
            *re.findall(r'action="([^"]+)"', html)]
    assert any("zoekopdracht=" in u for u in urls)
    for url in urls:
        assert "fatima" not in url.lower() and "ahmadi" not in url.lower(), url
    # Bladeren en sorteren houden de zoekopdracht vast.
    volgende = re.search(r'href="(\?[^"]*page=2[^"]*)"', html).group(1).replace("&amp;", "&")
    pagina2 = client.get(reverse("trajecten:deelnemer_lijst") + volgende)
    assert "Pagina 2 van 2" in pagina2.content.decode()
    assert set(namen(pagina2)) == {"Ahmadi, Fatima"}
    # Een oude link met de naam in de querystring: bewaard en zonder naam verder.
    oud = client.get(reverse("trajecten:deelnemer_lijst"), {"zoek": "Fatima Ahmadi"})
    assert oud.status_code == 302
    assert "Fatima" not in oud["Location"] and "zoekopdracht=" in urlsplit(oud["Location"]).query
    # Een onbekende sleutel: geen 500 en geen gegevens van een ander, wel een melding.
    r = client.get(reverse("trajecten:deelnemer_lijst"), {"zoekopdracht": "bestaat-niet"})
    assert "Deze zoekopdracht is verlopen" in r.content.decode()


def test_lijst_opent_op_open_trajecten_en_toont_de_geboortedatum(client, medewerker, groningen,
                                                                vervolg):
    open_ = TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Open",
                           programma=vervolg, gestart=True)
    TrajectFactory(deelnemer__gemeente=groningen, deelnemer__achternaam="Gesloten",
                   programma=vervolg, uitgevallen=True)
    DeelnemerFactory(gemeente=groningen, achternaam="Zondertraject")
    client.force_login(medewerker)
    r = client.get(reverse("trajecten:deelnemer_lijst"))
    assert [n.split(",")[0] for n in namen(r)] == ["Open"]
    html = r.content.decode()
    assert open_.deelnemer.geboortedatum.strftime("%d-%m-%Y") in html
    assert 'data-label="Geboortedatum"' in html


def test_bsn_niet_gevonden_registreren_met_dat_bsn(client, medewerker):
    bsn = genereer_bsn()
    client.force_login(medewerker)
    r = client.post(reverse("trajecten:bsn_zoeken"), {"bsn": bsn})
    html = r.content.decode()
    assert "Geen deelnemer gevonden" in html
    link = re.search(r'href="(/deelnemers/nieuw/[^"]*)"', html).group(1)
    assert bsn not in link
    formulier = client.get(link).content.decode()
    assert f'name="bsn" value="{bsn}"' in formulier


@pytest.mark.parametrize("weg", ["service", "wijzigen", "import", "admin", "anonimiseren"])
def test_de_zoeknaam_volgt_de_naam_langs_elke_weg(weg, client, medewerker, beheerder,
                                                   groningen):
    d = DeelnemerFactory(gemeente=groningen, voornaam="Ana", achternaam="Muñoz")
    assert d.zoeknaam == "munoz ana"
    if weg == "service":
        d = services.deelnemer_registreren(
            door=medewerker, gemeente=groningen, voornaam="Éva", achternaam="Ñúñez",
            geboortedatum=datetime.date(1990, 1, 1), land_van_herkomst="SY",
        )
        verwacht = "nunez eva"
    elif weg == "wijzigen":
        services.deelnemer_wijzigen(deelnemer=d, door=medewerker, achternaam="Gómez")
        verwacht = "gomez ana"
    elif weg == "import":
        from trajecten.importeren import deelnemers_importeren

        deelnemers_importeren(
            inhoud="voornaam;achternaam;geboortedatum;land_van_herkomst;gemeente\r\n"
                   "Jürgen;Öztürk;01-02-1990;SY;GM0014\r\n".encode(),
            bestandsnaam="deelnemers.csv", door=medewerker,
        )
        d = Deelnemer.objects.get(achternaam="Öztürk")
        verwacht = "ozturk jurgen"
    elif weg == "admin":
        from trajecten.admin import DeelnemerAdmin  # noqa: F401 (de admin moet geladen zijn)

        client.force_login(beheerder)
        url = reverse("admin:trajecten_deelnemer_change", args=[d.pk])
        formulier = client.get(url).context["adminform"].form
        data = {k: v for k, v in formulier.initial.items() if v is not None}
        data.update({"achternaam": "Pérez", "land_van_herkomst": "SY", "talen": [],
                     "trajecten-TOTAL_FORMS": 0, "trajecten-INITIAL_FORMS": 0,
                     "geboortedatum": d.geboortedatum.isoformat()})
        for k in ("datum_verblijfsvergunning", "toestemming_datum"):
            if data.get(k):
                data[k] = data[k].isoformat()
        r = client.post(url, data)
        assert r.status_code == 302, r.content.decode()[:2000]
        verwacht = "perez ana"
    else:
        from trajecten import avg

        traject = TrajectFactory(deelnemer=d, uitgevallen=True,
                                 aanmelddatum=VANDAAG - 4000 * DAG,
                                 einddatum=VANDAAG - 3000 * DAG)
        assert traject.einddatum
        avg.anonimiseer()
        verwacht = "geanonimiseerd geanonimiseerd"
    d.refresh_from_db()
    assert d.zoeknaam == verwacht
