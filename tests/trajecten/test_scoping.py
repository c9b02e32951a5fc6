"""Scoping en rollen voor ELKE URL van de werkplek.

- een medewerker van een andere gemeente krijgt 404 (GET én POST), en er verandert niets;
- coördinatoren, landelijke coördinatoren en beheerders (zonder medewerkerrol) krijgen 403;
- anoniem gaat naar de inlogpagina.
Een test controleert dat elke URL van `trajecten.urls` in deze tabel staat, zodat een nieuwe
URL niet ongetest blijft.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from trajecten import urls as trajecten_urls
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
    demo_pdf,
)
from trajecten.models import (
    Bijeenkomst,
    Contactmoment,
    Deelnemer,
    Document,
    Plaatsing,
    Traject,
    Vacature,
    Voordracht,
)
from trajecten.services.documenten import document_uploaden

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()

#: URL-naam → welk object het id levert.
MET_ID = {
    "dossier": "deelnemer",
    "bsn_tonen": "deelnemer",
    "deelnemer_wijzigen": "deelnemer",
    "deelnemer_verhuizen": "deelnemer",
    "traject_starten": "deelnemer",
    "traject_wijzigen": "traject",
    "intake": "traject",
    "coach_toewijzen": "traject",
    "status_wijzigen": "traject",
    "plaatsing_nieuw": "traject",
    "contact_nieuw": "traject",
    "plaatsing_beeindigen": "plaatsing",
    "plaatsing_wijzigen": "plaatsing",
    "werkgever_detail": "werkgever",
    "behandelaar": "traject",
    "wachtlijst": "traject",
    "afspraak_nieuw": "traject",
    "afspraak_wijzigen": "afspraak",
    "afspraak_gehouden": "afspraak",
    "afspraak_afmelden": "afspraak",
    # Issue 14.
    "actieplan": "traject",
    "actieplan_afdrukken": "traject",
    "actie_status": "actie",
    "budget": "traject",
    "documenten": "deelnemer",
    "document_downloaden": "document",
    "document_verwijderen": "document",
    # Werkgevers als partner (issue 16).
    "werkgever_relatie": "werkgever",
    "contactpersoon_nieuw": "werkgever",
    "werkgever_contact_nieuw": "werkgever",
    "social_return_nieuw": "werkgever",
    "vacature_nieuw": "werkgever",
    "bijeenkomst_detail": "bijeenkomst",
    "deelname_nieuw": "deelnemer",
    "vacature_detail": "vacature",
    "voordragen": "vacature",
    "voordracht_status": "voordracht",
}
#: Alleen POST (een knop op een andere pagina): een GET geeft 405 en leest niets, ook in de
#: eigen gemeente. Met de status van een POST in de eigen gemeente.
ALLEEN_POST = {"wachtlijst": 302, "deelnemer_zoeken": 302, "bsn_tonen": 200,
               "actie_status": 302, "document_verwijderen": 302, "voordragen": 302}
ZONDER_ID = [
    "werkvoorraad", "deelnemer_lijst", "bsn_zoeken", "deelnemer_nieuw", "werkgever_lijst",
    "werkgever_nieuw", "deelnemer_zoeken", "agenda", "agenda_koppeling",
    "social_return_achter", "bijeenkomst_lijst", "bijeenkomst_nieuw", "vacature_lijst",
]
#: Zonder inloggen, met een geheim token in plaats van een id: tests/trajecten/test_agenda.py.
AGENDA_ABONNEMENT = "agenda_feed"


@pytest.fixture
def groningse_objecten(groningen, vervolg, medewerker):
    """Een dossier in Groningen met een lopend traject, een plaatsing en een werkgever."""
    traject = TrajectFactory(deelnemer__gemeente=groningen, programma=vervolg, gestart=True)
    plaatsing = PlaatsingFactory(traject=traject)
    bijeenkomst = Bijeenkomst.objects.create(soort="ontmoeting", titel="Ontmoeting",
                                             datum=VANDAAG, plaats="Forum",
                                             organisator="Gemeente")
    bijeenkomst.gemeenten.add(groningen)
    vacature = Vacature.objects.create(werkgever=plaatsing.werkgever, gemeente=groningen,
                                       functie="Kok", sector="horeca", uren_per_week=24,
                                       open_tot=VANDAAG)
    return {
        "deelnemer": traject.deelnemer,
        "traject": traject,
        "plaatsing": plaatsing,
        "werkgever": plaatsing.werkgever,
        "afspraak": AfspraakFactory(traject=traject),
        "actie": ActieFactory(traject=traject),
        "document": document_uploaden(
            deelnemer=traject.deelnemer, door=medewerker, soort="cv",
            bestand=SimpleUploadedFile("cv.pdf", demo_pdf(["Cv"])),
        ),
        "bijeenkomst": bijeenkomst,
        "vacature": vacature,
        "voordracht": Voordracht.objects.create(vacature=vacature,
                                                deelnemer=traject.deelnemer),
    }


def url_voor(naam, objecten):
    if naam in MET_ID:
        return reverse(f"trajecten:{naam}", args=[objecten[MET_ID[naam]].pk])
    return reverse(f"trajecten:{naam}")


#: POST-gegevens die voor de eigen gemeente geldig zouden zijn.
def geldige_post(naam, objecten, emmen, groningen):
    traject = objecten["traject"]
    return {
        "deelnemer_wijzigen": {"voornaam": "Gewijzigd"},
        "deelnemer_verhuizen": {"naar_gemeente": emmen.pk, "bevestigd": "on"},
        "traject_starten": {"programma": traject.programma_id, "uitvoerder": "uaf",
                            "aanmelddatum": VANDAAG.isoformat()},
        "intake": {"datum": VANDAAG.isoformat(), "beroepswens": "Gewijzigd"},
        "coach_toewijzen": {"coach": CoachFactory(gemeenten=[groningen]).pk},
        "status_wijzigen": {"naar": "uitgevallen", "reden_uitval": "x", "datum": ""},
        "plaatsing_nieuw": {"soort": "opleiding", "startdatum": VANDAAG.isoformat(),
                            "uren_per_week": "8", "contractvorm": "geen"},
        "contact_nieuw": {"soort": "gesprek", "datum": VANDAAG.isoformat(), "notitie": "x"},
        "plaatsing_beeindigen": {"einddatum": VANDAAG.isoformat()},
        "traject_wijzigen": {"uitvoerder": "uwv", "kosten": "999"},
        "plaatsing_wijzigen": {"functie": "Gewijzigd", "uren_per_week": "1",
                               "contractvorm": "geen"},
        "afspraak_nieuw": {"soort": "gesprek", "datum": VANDAAG.isoformat(), "tijd": "10:00",
                           "duur_minuten": "60"},
        "afspraak_gehouden": {"soort": "gesprek", "datum": VANDAAG.isoformat()},
        "afspraak_afmelden": {"status": "geannuleerd"},
        "actieplan": {"omschrijving": "Gewijzigd", "uitvoerder": "deelnemer",
                      "deadline": VANDAAG.isoformat()},
        "actie_status": {"status": "gedaan", "versie": 1},
        "budget": {"soort": "cursus", "bedrag": "10", "datum": VANDAAG.isoformat(),
                   "reden_overschrijding": "x"},
        "documenten": {"soort": "cv", "bestand": SimpleUploadedFile("cv.pdf", demo_pdf(["x"]))},
    }.get(naam, {})


def test_elke_url_van_de_werkplek_staat_in_de_tabel():
    namen = {p.name for p in trajecten_urls.urlpatterns}
    assert namen == set(MET_ID) | set(ZONDER_ID) | {AGENDA_ABONNEMENT}


@pytest.mark.parametrize("naam", sorted(MET_ID))
def test_andere_gemeente_krijgt_404_en_verandert_niets(client, medewerker_emmen, naam, emmen,
                                                        groningen, groningse_objecten):
    client.force_login(medewerker_emmen)
    url = url_voor(naam, groningse_objecten)
    voor = (Deelnemer.objects.filter(gemeente=groningen).count(), Traject.objects.count(),
            Plaatsing.objects.count(), Contactmoment.objects.count())
    assert client.get(url).status_code == (405 if naam in ALLEEN_POST else 404)
    data = geldige_post(naam, groningse_objecten, emmen, groningen)
    assert client.post(url, data).status_code in (404, 405)
    traject = groningse_objecten["traject"]
    traject.refresh_from_db()
    assert traject.status == "actief" and traject.coach is None
    assert traject.gemeente == groningen and traject.kosten == 0
    plaatsing = groningse_objecten["plaatsing"]
    plaatsing.refresh_from_db()
    assert plaatsing.functie != "Gewijzigd" and plaatsing.einddatum is None
    na = (Deelnemer.objects.filter(gemeente=groningen).count(), Traject.objects.count(),
          Plaatsing.objects.count(), Contactmoment.objects.count())
    assert voor == na
    assert groningse_objecten["deelnemer"].voornaam != "Gewijzigd"
    # Issue 14: actieplan, uitgaven en documenten ook niet.
    actie = groningse_objecten["actie"]
    actie.refresh_from_db()
    assert actie.status == "open" and traject.acties.count() == 1
    assert not traject.uitgaven.exists()
    assert Document.objects.filter(pk=groningse_objecten["document"].pk).exists()
    assert Document.objects.count() == 1


@pytest.mark.parametrize("naam", sorted(MET_ID))
def test_eigen_gemeente_mag(client, medewerker, naam, groningse_objecten):
    client.force_login(medewerker)
    url = url_voor(naam, groningse_objecten)
    if naam in ALLEEN_POST:
        assert client.get(url).status_code == 405
        assert client.post(url).status_code == ALLEEN_POST[naam]
    else:
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rol", ["coordinator", "landelijk", "beheerder"])
@pytest.mark.parametrize("naam", sorted(MET_ID) + ZONDER_ID)
def test_geen_medewerker_krijgt_403(client, request, rol, naam, groningse_objecten):
    client.force_login(request.getfixturevalue(rol))
    url = url_voor(naam, groningse_objecten)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


@pytest.mark.parametrize("naam", sorted(MET_ID) + ZONDER_ID)
def test_anoniem_naar_inloggen(client, naam, groningse_objecten):
    url = url_voor(naam, groningse_objecten)
    r = client.get(url)
    assert r.status_code == 302
    assert r.url.startswith(reverse("login"))


def test_coordinator_kan_geen_dossier_wijzigen_via_post(client, coordinator,
                                                        groningse_objecten):
    client.force_login(coordinator)
    traject = groningse_objecten["traject"]
    r = client.post(reverse("trajecten:status_wijzigen", args=[traject.pk]),
                    {"naar": "uitgevallen", "reden_uitval": "x"})
    assert r.status_code == 403
    traject.refresh_from_db()
    assert traject.status == "actief"


def test_medewerker_van_twee_gemeenten_ziet_beide(client, medewerker, emmen):
    from gemeenten.constants import Rol
    from gemeenten.factories import LidmaatschapFactory

    LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
    d = DeelnemerFactory(gemeente=emmen)
    client.force_login(medewerker)
    assert client.get(reverse("trajecten:dossier", args=[d.pk])).status_code == 200


def test_werkgever_van_andere_gemeente_niet_in_keuzelijst(client, medewerker, emmen,
                                                          groningse_objecten):
    ander = WerkgeverFactory(gemeente=emmen, naam="Werkgever Emmen Uniek")
    client.force_login(medewerker)
    traject = groningse_objecten["traject"]
    html = client.get(reverse("trajecten:plaatsing_nieuw", args=[traject.pk])).content.decode()
    assert ander.naam not in html
    html = client.get(reverse("trajecten:werkgever_lijst")).content.decode()
    assert ander.naam not in html


def test_bsn_zoeken_vindt_niets_in_andere_gemeente(client, medewerker, emmen):
    ander = DeelnemerFactory(gemeente=emmen)
    client.force_login(medewerker)
    r = client.post(reverse("trajecten:bsn_zoeken"), {"bsn": ander.bsn})
    assert r.status_code == 200
    assert reverse("trajecten:dossier", args=[ander.pk]) not in r.content.decode()


@pytest.mark.parametrize("naam", sorted(MET_ID) + ZONDER_ID)
def test_lege_of_rare_invoer_geeft_nooit_een_500(client, medewerker, naam, groningse_objecten):
    client.force_login(medewerker)
    url = url_voor(naam, groningse_objecten)
    for data in ({}, {"versie": "x", "naar": "bestaat-niet", "coach": "abc", "datum": "99-99-9999",
                      "bsn": "<script>", "soort": "\x00", "uren_per_week": "1e9",
                      "kosten": "-1", "naar_gemeente": "0", "einddatum": "2026-13-01"}):
        r = client.post(url, data)
        # Een verwijderd document is daarna weg (404), zoals elk onbekend nummer.
        verwijderd = naam == "document_verwijderen" and data
        assert r.status_code in ((404,) if verwijderd else (200, 302, 405)), (url, r.status_code)
