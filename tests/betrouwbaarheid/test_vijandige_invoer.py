"""Vaste gevallen naast de fuzzer: NUL-tekens, opgeslagen HTML en de 500's die de fuzzer vond.

- PostgreSQL weigert NUL (`\\x00`) in tekst. Elk formulier weigert het daarom zelf, met een
  Nederlandse melding, in tekst-, keuze- (ook de JSON-lijsten talen en belemmeringen), datum-
  en getalvelden; er wordt niets opgeslagen.
- HTML en JavaScript in elk tekstveld worden opgeslagen zoals ingevoerd, maar komen op elke
  pagina ontsnapt terug.
"""

import datetime
import re

import pytest
from django.urls import reverse

from tests.betrouwbaarheid.hulp import HttpsClient, formulier, tekst
from tests.betrouwbaarheid.test_fuzz import controleer_ontsnapt, pagina_urls
from trajecten import services
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
)
from trajecten.models import Contactmoment, Deelnemer, Intake, Plaatsing, Traject, Werkgever

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
NUL_TEKST = "Null-tekens zijn niet toegestaan."
ONGELDIGE_KEUZE = "Selecteer een geldige keuze"
ONGELDIGE_DATUM = "Voer een geldige datum in."
GEEN_GETAL = "Voer een"  # "… een geheel getal in." / "… een getal in."


@pytest.fixture
def ingelogd(medewerker):
    client = HttpsClient()
    client.force_login(medewerker)
    return client


@pytest.fixture
def dossier(groningen, vervolg):
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    plaatsing = PlaatsingFactory(traject=traject, startdatum=traject.startdatum)
    return {"deelnemer": traject.deelnemer, "traject": traject, "plaatsing": plaatsing,
            "aangemeld": TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg)}


def stand() -> tuple:
    """Wat er in de database staat, om te zien dat een geweigerd formulier niets opsloeg."""
    return (
        Deelnemer.objects.count(), Werkgever.objects.count(), Intake.objects.count(),
        Plaatsing.objects.count(), Contactmoment.objects.count(),
        sorted(Deelnemer.objects.values_list("versie", flat=True)),
        sorted(Traject.objects.values_list("versie", "status")),
        sorted(Plaatsing.objects.values_list("versie", flat=True)),
    )


#: (url-naam, object voor het id, veld, ingevulde waarde, verwachte melding)
GEVALLEN = [
    ("deelnemer_nieuw", None, "voornaam", "Ra\x00nia", NUL_TEKST),
    ("deelnemer_nieuw", None, "achternaam", "\x00", NUL_TEKST),
    ("deelnemer_nieuw", None, "bsn", "123\x00456", NUL_TEKST),
    ("deelnemer_nieuw", None, "talen", "ar\x00", ONGELDIGE_KEUZE),
    ("deelnemer_nieuw", None, "geboortedatum", "1990-01-01\x00", ONGELDIGE_DATUM),
    ("deelnemer_nieuw", None, "land_van_herkomst", "SY\x00", ONGELDIGE_KEUZE),
    ("deelnemer_wijzigen", "deelnemer", "telefoon", "06\x0012345678", NUL_TEKST),
    ("deelnemer_wijzigen", "deelnemer", "v_nummer", "30\x00", NUL_TEKST),
    ("deelnemer_wijzigen", "deelnemer", "versie", "1\x00", "Het formulier is onvolledig"),
    ("bsn_zoeken", None, "bsn", "\x00", NUL_TEKST),
    ("intake", "aangemeld", "beroepswens", "Kok\x00", NUL_TEKST),
    ("intake", "aangemeld", "actieplan", "stap 1\x00", NUL_TEKST),
    ("intake", "aangemeld", "belemmeringen", "taal\x00", ONGELDIGE_KEUZE),
    ("status_wijzigen", "traject", "reden_uitval", "Verhuisd\x00", NUL_TEKST),
    ("status_wijzigen", "traject", "naar", "uitgevallen\x00", ONGELDIGE_KEUZE),
    ("traject_wijzigen", "traject", "kosten", "100\x00", GEEN_GETAL),
    ("traject_wijzigen", "traject", "uitvoerder", "uaf\x00", ONGELDIGE_KEUZE),
    ("plaatsing_nieuw", "traject", "functie", "Kok\x00", NUL_TEKST),
    ("plaatsing_nieuw", "traject", "werkgever_naam", "Bakkerij\x00", NUL_TEKST),
    ("plaatsing_wijzigen", "plaatsing", "functie", "\x00Kok", NUL_TEKST),
    ("plaatsing_wijzigen", "plaatsing", "uren_per_week", "8\x00", GEEN_GETAL),
    ("plaatsing_beeindigen", "plaatsing", "einddatum", "\x00", ONGELDIGE_DATUM),
    ("contact_nieuw", "traject", "notitie", "Gebeld\x00", NUL_TEKST),
    ("werkgever_nieuw", None, "naam", "Bakkerij\x00", NUL_TEKST),
    ("werkgever_nieuw", None, "contactpersoon", "\x00", NUL_TEKST),
]


def geldige_invoer(naam, obj, groningen) -> dict:
    """Geldige invoer voor elk formulier, zodat alleen het NUL-veld het weigert."""
    if naam == "deelnemer_nieuw":
        return {"voornaam": "Zahra", "achternaam": "Testdossier", "geboortedatum": "1990-01-01",
                "land_van_herkomst": "SY", "gemeente": str(groningen.pk), "taalniveau": "a2",
                "opleidingsniveau": "mbo", "inburgering": "bezig", "talen": ["ar"],
                "toestemming_datum": VANDAAG.isoformat()}
    # Bewerkformulieren sturen de versie mee waarop ze gebaseerd zijn (0: nog geen intake).
    versie = {
        "intake": 0, "status_wijzigen": getattr(obj, "versie", None),
        "traject_wijzigen": getattr(obj, "versie", None),
        "plaatsing_wijzigen": getattr(obj, "versie", None),
        "plaatsing_beeindigen": getattr(obj, "versie", None),
    }
    return ({"versie": versie[naam]} if naam in versie else {}) | {
        "bsn_zoeken": {"bsn": "111222333"},
        "intake": {"datum": VANDAAG.isoformat(), "beroepswens": "Kok", "actieplan": "Taal",
                   "belemmeringen": ["taal"]},
        "status_wijzigen": {"naar": "uitgevallen", "reden_uitval": "Verhuisd",
                            "datum": VANDAAG.isoformat()},
        "traject_wijzigen": {"uitvoerder": "uaf", "kosten": "100"},
        "plaatsing_nieuw": {"soort": "opleiding", "startdatum": VANDAAG.isoformat(),
                            "functie": "Kok", "werkgever_naam": "Bakkerij",
                            "werkgever_sector": "horeca", "uren_per_week": "8",
                            "contractvorm": "geen"},
        "plaatsing_wijzigen": {"functie": "Kok", "uren_per_week": "8", "contractvorm": "geen"},
        "plaatsing_beeindigen": {"einddatum": VANDAAG.isoformat()},
        "contact_nieuw": {"soort": "gesprek", "datum": VANDAAG.isoformat(), "notitie": "Gebeld"},
        "werkgever_nieuw": {"naam": "Bakkerij", "sector": "horeca",
                            "gemeente": str(groningen.pk), "contactpersoon": "Piet"},
    }.get(naam, {})


@pytest.mark.parametrize(("naam", "soort", "veld", "waarde", "melding"), GEVALLEN)
def test_nul_teken_wordt_geweigerd_met_een_nederlandse_melding(
    ingelogd, dossier, groningen, naam, soort, veld, waarde, melding
):
    obj = dossier[soort] if soort else None
    url = reverse(f"trajecten:{naam}", args=[obj.pk] if obj else [])
    if naam in ("deelnemer_wijzigen",):
        data = formulier(ingelogd.get(url))  # alles zoals het op het scherm staat
    else:
        data = geldige_invoer(naam, obj, groningen)
    data[veld] = waarde
    voor = stand()
    antwoord = ingelogd.post(url, data)
    assert antwoord.status_code == 200
    assert melding in tekst(antwoord)
    assert stand() == voor


def test_geldige_invoer_van_de_nul_gevallen_wordt_wel_opgeslagen(ingelogd, dossier, groningen):
    """Tegenproef: zonder het NUL-teken slaat elk formulier uit de tabel wel op, dus de
    weigering hierboven komt echt door het NUL-teken."""
    for naam in ("deelnemer_nieuw", "intake", "traject_wijzigen", "plaatsing_nieuw",
                 "plaatsing_wijzigen", "contact_nieuw", "werkgever_nieuw", "status_wijzigen"):
        soort = next(s for n, s, *_ in GEVALLEN if n == naam)
        obj = dossier[soort] if soort else None
        if obj is not None:
            obj.refresh_from_db()  # de versie na het vorige formulier
        url = reverse(f"trajecten:{naam}", args=[obj.pk] if obj else [])
        antwoord = ingelogd.post(url, geldige_invoer(naam, obj, groningen))
        html = tekst(antwoord)
        fout = re.sub(r"<[^>]+>|\s+", " ", html[html.find("foutoverzicht"):][:1500])
        assert antwoord.status_code == 302, (naam, fout)


# ---------------------------------------------------------------------------------------------
# Opgeslagen HTML komt overal ontsnapt terug
# ---------------------------------------------------------------------------------------------

SCRIPT = "<script>fuzzxss()</script>"
IMG = '"><img src=x onerror=fuzzxss()>'


def test_html_in_elk_tekstveld_komt_ontsnapt_terug(ingelogd, medewerker, groningen, vervolg):
    deelnemer = DeelnemerFactory(gemeente=groningen, voornaam=SCRIPT, achternaam=IMG,
                                 v_nummer="<b>1</b>", telefoon="<i>06</i>")
    traject = TrajectFactory(deelnemer=deelnemer, programma=vervolg)
    coach = CoachFactory(gemeenten=[groningen], naam=IMG, max_deelnemers=10)
    services.intake_vastleggen(traject=traject, door=medewerker, datum=traject.aanmelddatum,
                               beroepswens=SCRIPT, actieplan=f"regel 1\n{IMG}")
    services.status_wijzigen(traject=traject, door=medewerker, naar="actief")
    services.coach_toewijzen(traject=traject, door=medewerker, coach=coach)
    werkgever = WerkgeverFactory(gemeente=groningen, naam=SCRIPT, contactpersoon=IMG)
    plaatsing = services.plaatsing_registreren(
        traject=traject, door=medewerker, soort="baan", startdatum=traject.aanmelddatum,
        werkgever=werkgever, functie=IMG, uren_per_week=32,
    )
    services.contactmoment_registreren(traject=traject, door=medewerker, soort="gesprek",
                                       datum=VANDAAG, notitie=f"{SCRIPT}\r\n{IMG}")
    assert plaatsing.functie == IMG  # opgeslagen zoals ingevoerd

    dossierpagina = ingelogd.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    html = tekst(dossierpagina)
    assert "&lt;script&gt;fuzzxss()&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=fuzzxss()&gt;" in html
    assert SCRIPT not in html and "<img src=x" not in html
    urls = pagina_urls(deelnemer) + [
        reverse("trajecten:werkvoorraad"), reverse("trajecten:deelnemer_lijst"),
        reverse("trajecten:werkgever_lijst"), reverse("trajecten:coach_toewijzen",
                                                      args=[traject.pk]),
    ]
    for url in urls:
        antwoord = ingelogd.get(url)
        assert antwoord.status_code == 200, url
        controleer_ontsnapt(antwoord, url)
        assert SCRIPT not in tekst(antwoord), url


# ---------------------------------------------------------------------------------------------
# 500's die de fuzzer op PostgreSQL vond
# ---------------------------------------------------------------------------------------------


def test_werkgevers_zoeken_met_nul_teken(ingelogd, groningen):
    WerkgeverFactory(gemeente=groningen, naam="Bakkerij De Halve Maan")
    antwoord = ingelogd.get(reverse("trajecten:werkgever_lijst"), {"zoek": "Bakkerij\x00"})
    assert antwoord.status_code == 200
    assert "Bakkerij De Halve Maan" in tekst(antwoord)


def test_rapportage_van_een_gemeentecode_met_nul_teken_is_404(coordinator):
    client = HttpsClient()
    client.force_login(coordinator)
    assert client.get("/rapportage/gemeente/GM%00/").status_code == 404
    assert client.get("/rapportage/gemeente/GM0014/").status_code == 200
