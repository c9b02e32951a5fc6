"""Toegang volgt de persoon, ook na een verhuizing (issue 12).

Een deelnemer van Groningen met een afgesloten traject (intake met de belemmering gezondheid,
een baan bij een Groningse werkgever, een contact, een nog geplande afspraak in de agenda van
de Groningse medewerker) en een open traject verhuist naar Emmen. Het
open traject gaat mee; het afgesloten traject blijft voor de rapportage bij Groningen. Daarna:

- de **oude** gemeente (Groningen) krijgt op elke pagina, elk formulier en elke handeling over die
  persoon 404 (GET én POST), verandert niets, en elke poging staat in het toegangslog met het
  deelnemernummer; op haar werkgeverpagina staat de persoon niet meer;
- de **nieuwe** gemeente (Emmen) opent al die pagina's, ook die van het afgesloten traject, en
  wat daar mag (kosten, plaatsingen, persoonsgegevens, de oude afspraak verzetten of afmelden)
  kan zij doen. Wat op een afgesloten traject niet mag (intake, coach, status, plaatsing,
  contact, een afspraak plannen of als gehouden vastleggen, overdragen, de wachtlijst), weigert
  de service met een melding.

De URL's komen uit de URLconf: elk patroon van de werkplek met een nummer in het pad staat in
`VERWACHT`, en een nieuw patroon zonder regel laat de test falen. Welk object het nummer vult,
zegt het padtype (`<traject:pk>`: het afgesloten traject). Het agenda-abonnement heeft geen
nummer maar een geheim token (`MET_TOKEN`); dat de oude gemeente de persoon daar niet meer ziet,
staat in `test_agenda_en_abonnement_van_de_oude_gemeente_zonder_de_persoon`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls.converters import get_converters

from gemeenten.models import Gemeente, Toegangslog
from gemeenten.toegangslog import ObjectnummerConverter
from rapportage.models import Programma
from tests.beveiliging.urlmatrix import Patroon, alle_patronen
from trajecten import services
from trajecten.constants import AfspraakStatus, Belemmering, Soort, Status
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    CoachFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    demo_pdf,
)
from trajecten.forms import DeelnemerForm
from trajecten.models import (
    Afspraak,
    Bijeenkomst,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
    Vacature,
    Voordracht,
    Werkgever,
)
from trajecten.services.documenten import document_uploaden

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
VOORNAAM, ACHTERNAAM = "Selamawit", "Gebremariam"
WERKPLEK = ("trajecten", "importeren")
#: Geen nummer maar een geheim token in het pad (zonder inloggen, zonder namen).
MET_TOKEN = {"trajecten:agenda_feed"}
#: Een willekeurige UUID van de eigen upload, niet over één deelnemer: alleen voor wie uploadde
#: (`tests/betrouwbaarheid/test_import_taak.py`).
VAN_DE_UPLOADER = {"importeren:status"}


def _dagen(n: int) -> datetime.date:
    return VANDAAG - datetime.timedelta(days=n)


@dataclass(frozen=True)
class Rij:
    """(GET, POST) als de oude gemeente, (GET, POST) als de nieuwe, en voor een POST van de
    nieuwe gemeente die de service weigert: de melding."""

    oud: tuple[int, int]
    nieuw: tuple[int, int]
    melding: str = ""


#: Elk patroon van de werkplek met een nummer in het pad. 302 = opgeslagen (naar het dossier).
VERWACHT = {
    "trajecten:dossier": Rij(oud=(404, 405), nieuw=(200, 405)),
    "trajecten:bsn_tonen": Rij(oud=(405, 404), nieuw=(405, 200)),
    "trajecten:deelnemer_wijzigen": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:deelnemer_verhuizen": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:traject_starten": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="heeft al een lopend traject"
    ),
    "trajecten:traject_wijzigen": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:intake": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="de intake kan niet meer worden vastgelegd"
    ),
    "trajecten:coach_toewijzen": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="er kan geen coach meer worden toegewezen"
    ),
    "trajecten:status_wijzigen": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="de status kan niet meer veranderen"
    ),
    "trajecten:plaatsing_nieuw": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="alleen op een gestart, lopend traject"
    ),
    "trajecten:contact_nieuw": Rij(
        oud=(404, 404), nieuw=(200, 200),
        melding="er kan geen contactmoment meer worden vastgelegd",
    ),
    "trajecten:plaatsing_beeindigen": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:plaatsing_wijzigen": Rij(oud=(404, 404), nieuw=(200, 302)),
    # De werkgever blijft van Groningen; de verhuisde persoon staat er niet meer op.
    "trajecten:werkgever_detail": Rij(oud=(200, 405), nieuw=(404, 405)),
    "trajecten:behandelaar": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="het wordt niet meer overgedragen"
    ),
    # Een knop (alleen POST); de weigering van de service komt als melding na de redirect.
    "trajecten:wachtlijst": Rij(oud=(405, 404), nieuw=(405, 302)),
    "trajecten:afspraak_nieuw": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="er worden geen afspraken meer gepland"
    ),
    "trajecten:afspraak_wijzigen": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:afspraak_gehouden": Rij(
        oud=(404, 404), nieuw=(200, 200),
        melding="er kan geen contactmoment meer worden vastgelegd",
    ),
    "trajecten:afspraak_afmelden": Rij(oud=(404, 404), nieuw=(200, 302)),
    # Issue 14: actieplan, opleidingsbudget en documenten volgen de persoon ook.
    "trajecten:actieplan": Rij(
        oud=(404, 404), nieuw=(200, 200), melding="er kunnen geen acties meer bij"
    ),
    "trajecten:actieplan_afdrukken": Rij(oud=(404, 405), nieuw=(200, 405)),
    "trajecten:actie_status": Rij(oud=(405, 404), nieuw=(405, 302)),
    "trajecten:budget": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:documenten": Rij(oud=(404, 404), nieuw=(200, 302)),
    "trajecten:document_downloaden": Rij(oud=(404, 405), nieuw=(200, 405)),
    "trajecten:document_verwijderen": Rij(oud=(405, 404), nieuw=(405, 302)),
    # Werkgevers als partner (issue 16). Werkgever, bijeenkomst en vacature blijven van
    # Groningen (een lege POST toont de foutmeldingen); de voordracht en de deelname volgen de
    # persoon naar Emmen.
    **{naam: Rij(oud=(200, 200), nieuw=(404, 404)) for naam in (
        "trajecten:werkgever_relatie", "trajecten:contactpersoon_nieuw",
        "trajecten:werkgever_contact_nieuw", "trajecten:social_return_nieuw",
        "trajecten:vacature_nieuw", "trajecten:bijeenkomst_detail")},
    "trajecten:vacature_detail": Rij(oud=(200, 405), nieuw=(404, 405)),
    "trajecten:voordragen": Rij(oud=(405, 302), nieuw=(405, 404)),
    "trajecten:deelname_nieuw": Rij(oud=(404, 404), nieuw=(200, 200)),
    "trajecten:voordracht_status": Rij(oud=(404, 404), nieuw=(200, 200)),
}


@pytest.fixture
def verhuisd(groningen, emmen, medewerker, medewerker_emmen):
    """De deelnemer na de verhuizing, met zijn afgesloten Groningse traject erbij."""
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    deelnemer = DeelnemerFactory(gemeente=groningen, voornaam=VOORNAAM, achternaam=ACHTERNAAM)
    werkgever = WerkgeverFactory(gemeente=groningen, naam="Zorggroep Noord")
    gesloten = TrajectFactory(
        deelnemer=deelnemer, programma=vervolg, status=Status.AFGEROND,
        aanmelddatum=_dagen(300), startdatum=_dagen(280), einddatum=_dagen(100),
    )
    IntakeFactory(traject=gesloten, belemmeringen=[Belemmering.GEZONDHEID.value])
    plaatsing = PlaatsingFactory(
        traject=gesloten, werkgever=werkgever, soort=Soort.BAAN, startdatum=_dagen(200),
    )
    ContactmomentFactory(traject=gesloten, datum=_dagen(150))
    afspraak = AfspraakFactory(traject=gesloten, medewerker=medewerker, datum=VANDAAG)
    lopend = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True,
                            behandelaar=medewerker)
    AfspraakFactory(traject=lopend, medewerker=medewerker)
    actie = ActieFactory(traject=gesloten)
    document = document_uploaden(
        deelnemer=deelnemer, door=medewerker, soort="diploma",
        bestand=SimpleUploadedFile("d.pdf", demo_pdf([f"Diploma {VOORNAAM} {ACHTERNAAM}"])),
    )
    bijeenkomst = Bijeenkomst.objects.create(soort="stagecafe", titel="Stage-café",
                                             datum=_dagen(20), plaats="Forum",
                                             organisator="Gemeente")
    bijeenkomst.gemeenten.add(groningen)
    vacature = Vacature.objects.create(werkgever=werkgever, gemeente=groningen, functie="Kok",
                                       sector="horeca", uren_per_week=24, open_tot=VANDAAG)
    voordracht = Voordracht.objects.create(vacature=vacature, deelnemer=deelnemer)
    services.deelnemer_verhuizen(deelnemer=deelnemer, naar_gemeente=emmen, door=medewerker)
    gesloten.refresh_from_db()
    lopend.refresh_from_db()
    assert (gesloten.gemeente, lopend.gemeente) == (groningen, emmen)
    Toegangslog.objects.all().delete()
    deelnemer.refresh_from_db()
    plaatsing.refresh_from_db()
    afspraak.refresh_from_db()
    return {
        "deelnemer": deelnemer, "traject": gesloten, "plaatsing": plaatsing,
        "werkgever": werkgever, "programma": vervolg, "afspraak": afspraak,
        "collega": medewerker_emmen, "actie": actie, "document": document,
        "bijeenkomst": bijeenkomst, "vacature": vacature,
        "voordracht": voordracht,
    }


def _patronen_met_nummer() -> list[Patroon]:
    return [
        p for p in alle_patronen()
        if p.namespace in WERKPLEK and p.parameters
        and p.sleutel not in MET_TOKEN | VAN_DE_UPLOADER
    ]


def _patronen_zonder_nummer() -> list[Patroon]:
    return [p for p in alle_patronen() if p.namespace in WERKPLEK and not p.parameters]


MET_NUMMER = _patronen_met_nummer()


def _padtype(patroon: Patroon) -> ObjectnummerConverter:
    """Het padtype van het ene nummer in het pad (`<traject:pk>` → TrajectNummer)."""
    typen = [deel.split("<")[1].split(":")[0] for _soort, deel in patroon.delen if "<" in deel]
    assert len(typen) == 1, patroon.sleutel
    return get_converters()[typen[0]]


def _pad(patroon: Patroon, objecten) -> str:
    soort = _padtype(patroon).model.split(".")[1]
    return patroon.vul_in({"pk": objecten[soort].pk})


def _post(naam: str, objecten) -> dict:
    """Geldige invoer zoals de nieuwe gemeente hem zou sturen (met de actuele versie)."""
    deelnemer, traject, plaatsing, afspraak = (
        objecten["deelnemer"], objecten["traject"], objecten["plaatsing"], objecten["afspraak"]
    )
    afspraak_velden = {
        "soort": "gesprek", "datum": VANDAAG.isoformat(), "tijd": "11:00", "duur_minuten": "60",
        "locatie": "Telefonisch",
    }
    persoon = {
        k: v for k, v in DeelnemerForm.initial_uit(deelnemer).items() if v is not None
    } | {"voornaam": "Gewijzigd"}
    return {
        "trajecten:deelnemer_wijzigen": persoon,
        "trajecten:deelnemer_verhuizen": {
            "naar_gemeente": Gemeente.objects.get(cbs_code="GM0193").pk, "bevestigd": "on",
            "versie": deelnemer.versie,
        },
        "trajecten:traject_starten": {
            "programma": objecten["programma"].pk, "uitvoerder": "uaf",
            "aanmelddatum": VANDAAG.isoformat(),
        },
        "trajecten:traject_wijzigen": {
            "uitvoerder": "uwv", "kosten": "2500", "versie": traject.versie,
        },
        "trajecten:intake": {
            "datum": traject.startdatum.isoformat(), "beroepswens": "Gewijzigd",
            "versie": traject.intake.versie,
        },
        "trajecten:coach_toewijzen": {
            "coach": CoachFactory(gemeenten=list(Gemeente.objects.all())).pk,
            "versie": traject.versie,
        },
        "trajecten:status_wijzigen": {
            "naar": "uitgevallen", "reden_uitval": "Gewijzigd", "versie": traject.versie,
        },
        "trajecten:plaatsing_nieuw": {
            "soort": "opleiding", "startdatum": _dagen(150).isoformat(), "uren_per_week": "8",
            "contractvorm": "geen",
        },
        "trajecten:contact_nieuw": {
            "soort": "gesprek", "datum": VANDAAG.isoformat(), "notitie": "Gewijzigd",
        },
        "trajecten:plaatsing_beeindigen": {
            "einddatum": (plaatsing.startdatum + datetime.timedelta(days=10)).isoformat(),
            "versie": plaatsing.versie,
        },
        "trajecten:plaatsing_wijzigen": {
            "functie": "Gewijzigd", "uren_per_week": "10", "contractvorm": "geen",
            "einddatum": "", "versie": plaatsing.versie,
        },
        "trajecten:behandelaar": {"behandelaar": objecten["collega"].pk, "versie": traject.versie},
        "trajecten:wachtlijst": {"versie": traject.versie},
        "trajecten:afspraak_nieuw": afspraak_velden | {"medewerker": objecten["collega"].pk},
        "trajecten:afspraak_wijzigen": afspraak_velden | {"versie": afspraak.versie},
        "trajecten:afspraak_gehouden": {
            "soort": "gesprek", "datum": VANDAAG.isoformat(), "notitie": "Gewijzigd",
            "versie": afspraak.versie,
        },
        "trajecten:afspraak_afmelden": {"status": "geannuleerd", "versie": afspraak.versie},
        "trajecten:actieplan": {
            "omschrijving": "Gewijzigd", "uitvoerder": "deelnemer",
            "deadline": VANDAAG.isoformat(),
        },
        "trajecten:actie_status": {"status": "gedaan", "versie": objecten["actie"].versie},
        "trajecten:budget": {
            "soort": "reiskosten", "bedrag": "12.50", "datum": VANDAAG.isoformat(),
            "reden_overschrijding": "Late factuur",
        },
        "trajecten:documenten": {
            "soort": "cv", "bestand": SimpleUploadedFile("cv.pdf", demo_pdf(["Cv"])),
        },
    }.get(naam, {})


def _stand():
    """Alles over de persoon, om te zien dat de oude gemeente niets veranderde."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (Deelnemer, Traject, Intake, Plaatsing, Contactmoment, Werkgever, Afspraak)
    ]


# --- de URLconf is compleet ----------------------------------------------------------------------


def test_elk_nummer_in_een_pad_van_de_werkplek_heeft_een_objectpadtype():
    """Alleen zo weet deze test (en het toegangslog) welk object een URL aanwijst."""
    fout = [
        p.sleutel for p in MET_NUMMER
        if not isinstance(_padtype(p), ObjectnummerConverter)
    ]
    assert not fout, f"Gebruik <deelnemer:pk>, <traject:pk>, … in plaats van <int:pk>: {fout}"


def test_elk_patroon_met_een_nummer_staat_in_de_tabel():
    sleutels = {p.sleutel for p in MET_NUMMER}
    assert sleutels == set(VERWACHT), (
        f"zonder regel: {sorted(sleutels - set(VERWACHT))}; "
        f"regel zonder patroon: {sorted(set(VERWACHT) - sleutels)}"
    )


# --- de oude gemeente ----------------------------------------------------------------------------


@pytest.mark.parametrize("patroon", MET_NUMMER, ids=[p.sleutel for p in MET_NUMMER])
def test_oude_gemeente_ziet_en_verandert_niets_en_elke_poging_staat_in_het_log(
    client, medewerker, verhuisd, patroon
):
    rij = VERWACHT[patroon.sleutel]
    pad = _pad(patroon, verhuisd)
    client.force_login(medewerker)
    voor = _stand()

    get = client.get(pad)
    post = client.post(pad, _post(patroon.sleutel, verhuisd))

    assert (get.status_code, post.status_code) == rij.oud
    assert _stand() == voor
    for antwoord in (get, post):
        assert ACHTERNAAM not in antwoord.content.decode()
    weigeringen = Toegangslog.objects.filter(actie=Toegangslog.Actie.TOEGANG_GEWEIGERD)
    assert weigeringen.count() == [get.status_code, post.status_code].count(404)
    if patroon.sleutel not in ("trajecten:werkgever_detail", "trajecten:voordragen"):
        assert set(weigeringen.values_list("deelnemer_nummer", flat=True)) <= {
            verhuisd["deelnemer"].pk
        }
    assert not Toegangslog.objects.exclude(actie=Toegangslog.Actie.TOEGANG_GEWEIGERD).filter(
        deelnemer_nummer=verhuisd["deelnemer"].pk
    ).exists()


def test_oude_gemeente_ziet_de_persoon_nergens_meer(client, medewerker, verhuisd):
    """Ook niet op een lijst: werkvoorraad, agenda, deelnemers (ook niet als ze op de naam
    zoekt), werkgevers (met het aantal plaatsingen) en de werkgeverpagina van haar eigen
    werkgever."""
    client.force_login(medewerker)
    paden = [p.vul_in({}) for p in _patronen_zonder_nummer()]
    paden.append(f"/werkgevers/{verhuisd['werkgever'].pk}/")
    for pad in paden:
        if pad == "/deelnemers/zoeken/":  # alleen POST: de naam komt niet in de URL
            antwoord = client.post(pad, {"zoek": VOORNAAM, "status": ""}, follow=True)
            assert "0 deelnemers gevonden" in antwoord.content.decode()
        else:
            antwoord = client.get(pad)
        assert antwoord.status_code == 200, pad
        if not antwoord["Content-Type"].startswith("text/"):
            continue  # het XLSX-sjabloon
        html = antwoord.content.decode()
        # Op de zoekpagina staat de voornaam als zoekterm in het formulier (eigen invoer).
        assert ACHTERNAAM not in html, pad
        assert VOORNAAM not in html or pad == "/deelnemers/zoeken/", pad
        assert f"/deelnemers/{verhuisd['deelnemer'].pk}/" not in html, pad
    lijst = client.get("/werkgevers/").content.decode()
    assert "Zorggroep Noord" in lijst
    assert "Nog geen plaatsingen" in client.get(
        f"/werkgevers/{verhuisd['werkgever'].pk}/"
    ).content.decode()


def test_agenda_en_abonnement_van_de_oude_gemeente_zonder_de_persoon(
    client, medewerker, verhuisd
):
    """De geplande afspraak op het afgesloten traject stond in de agenda van de Groningse
    medewerker; na de verhuizing staat hij niet meer in zijn agenda, zijn werkvoorraad of zijn
    agenda-abonnement (de afspraak op het meeverhuisde traject staat in niemands agenda)."""
    token = services.agendafeed_vernieuwen(door=medewerker)
    client.force_login(medewerker)
    feed = client.get(f"/agenda/feed/{token}.ics")
    assert feed.status_code == 200
    assert f"/deelnemers/{verhuisd['deelnemer'].pk}/" not in feed.content.decode()
    assert "BEGIN:VEVENT" not in feed.content.decode()
    assert Afspraak.objects.filter(medewerker=medewerker, status=AfspraakStatus.GEPLAND,
                                   traject__status__in=["afgerond"]).count() == 1
    for pad in ("/agenda/", "/werkvoorraad/?bereik=alle"):
        assert ACHTERNAAM not in client.get(pad).content.decode()


def test_oude_gemeente_kan_ook_via_de_service_niets(medewerker, verhuisd):
    """De services controleren zelf ook: de gemeente waar de deelnemer nu woont."""
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.traject_wijzigen(
            traject=verhuisd["traject"], door=medewerker, uitvoerder="uwv",
            kosten=verhuisd["traject"].kosten + 1,
        )
    with pytest.raises(PermissionDenied):
        services.plaatsing_wijzigen(
            plaatsing=verhuisd["plaatsing"], door=medewerker, functie="x", einddatum=None,
            uren_per_week=1, contractvorm="geen",
        )


# --- de nieuwe gemeente --------------------------------------------------------------------------


@pytest.mark.parametrize("patroon", MET_NUMMER, ids=[p.sleutel for p in MET_NUMMER])
def test_nieuwe_gemeente_opent_alles_ook_het_afgesloten_traject(
    client, medewerker_emmen, verhuisd, patroon
):
    rij = VERWACHT[patroon.sleutel]
    pad = _pad(patroon, verhuisd)
    client.force_login(medewerker_emmen)

    get = client.get(pad)
    post = client.post(pad, _post(patroon.sleutel, verhuisd))

    assert (get.status_code, post.status_code) == rij.nieuw
    if get.status_code == 200:
        # Een download (document) is een stroom; de demo-PDF noemt de naam in platte tekst.
        inhoud = b"".join(get.streaming_content) if get.streaming else get.content
        assert ACHTERNAAM in inhoud.decode("latin-1")
    if rij.melding:
        assert rij.melding in post.content.decode()


def test_nieuwe_gemeente_wijzigt_kosten_en_plaatsing_van_het_afgesloten_traject(
    client, medewerker_emmen, verhuisd, groningen
):
    client.force_login(medewerker_emmen)
    traject, plaatsing = verhuisd["traject"], verhuisd["plaatsing"]
    for naam, pad in (
        ("trajecten:traject_wijzigen", f"/trajecten/{traject.pk}/wijzigen/"),
        ("trajecten:plaatsing_wijzigen", f"/plaatsingen/{plaatsing.pk}/wijzigen/"),
    ):
        assert client.post(pad, _post(naam, verhuisd)).status_code == 302
    traject.refresh_from_db()
    plaatsing.refresh_from_db()
    assert traject.kosten == 2500 and plaatsing.functie == "Gewijzigd"
    # Voor de rapportage blijft het afgesloten traject van Groningen.
    assert traject.gemeente == groningen


def test_geen_contactmoment_op_een_afgesloten_traject(medewerker_emmen, verhuisd):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        services.contactmoment_registreren(
            traject=verhuisd["traject"], door=medewerker_emmen, soort="gesprek", datum=VANDAAG,
        )
    assert fout.value.code == "traject_gesloten"
    assert "Dit traject is afgesloten" in fout.value.messages[0]
    assert Contactmoment.objects.count() == 1
