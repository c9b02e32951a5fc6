"""Elke inzage van persoonsgegevens staat in het toegangslog (BIO2 8.15, issue 12).

Eén mechanisme (`gemeenten.toegangslog.ToegangslogMiddleware`): elke getoonde pagina over één
deelnemer, traject, intake, plaatsing, contactmoment of afspraak, op de werkplek en in de admin
(wijzigen, historie, verwijderen), is één regel met het deelnemernummer; elke geweigerde poging
ook, met het deelnemernummer als het object bestaat. De URL's komen uit de URLconf en het
adminregister, zodat een nieuwe pagina vanzelf meedoet. Het volledige BSN staat niet meer in de
HTML van het dossier: tonen is een POST, en die staat in het log. Geen regel bevat een naam of
BSN.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from gemeenten.models import Toegangslog
from gemeenten.toegangslog import DOSSIERMODELLEN
from rapportage.models import Programma
from tests.beveiliging.urlmatrix import alle_patronen
from trajecten.constants import Belemmering
from trajecten.factories import (
    ActieFactory,
    AfspraakFactory,
    ContactmomentFactory,
    DeelnemerFactory,
    IntakeFactory,
    PlaatsingFactory,
    TrajectFactory,
    UitgaveFactory,
    demo_pdf,
)
from trajecten.models import (
    Bijeenkomst,
    Deelname,
    Deelnemer,
    Vacature,
    Verhuizing,
    Voordracht,
    vandaag,
)
from trajecten.services.documenten import document_uploaden

pytestmark = pytest.mark.django_db

Actie = Toegangslog.Actie
VOORNAAM, ACHTERNAAM = "Mebrat", "Woldu"
GEZONDHEID = "Rugklachten na de vlucht"
WERKPLEK_PK = [
    p for p in alle_patronen() if p.namespace == "trajecten" and "pk" in p.parameters
]
#: Alleen POST: het volledige BSN tonen, en de knoppen 'op de wachtlijst zetten', de status van
#: een actie, een document verwijderen en 'voordragen'.
ALLEEN_POST = {"trajecten:bsn_tonen", "trajecten:wachtlijst", "trajecten:actie_status",
               "trajecten:document_verwijderen", "trajecten:voordragen"}
#: Een knop die doorstuurt: hij toont niets, dus is hij geen inzage.
KNOPPEN = {"trajecten:wachtlijst", "trajecten:actie_status", "trajecten:document_verwijderen",
           "trajecten:voordragen"}
#: Padtypen van objecten die geen persoon zijn (issue 16): een werkgever, bijeenkomst of
#: vacature; hun pagina's zijn geen inzage van één deelnemer.
GEEN_PERSOON = {"werkgever", "bijeenkomst", "vacature"}


def _padtype(patroon) -> str:
    return next(deel.split("<")[1].split(":")[0] for _s, deel in patroon.delen if "<" in deel)


@pytest.fixture
def dossier(groningen, medewerker):
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    deelnemer = DeelnemerFactory(gemeente=groningen, voornaam=VOORNAAM, achternaam=ACHTERNAAM)
    traject = TrajectFactory(deelnemer=deelnemer, programma=vervolg, gestart=True)
    intake = IntakeFactory(traject=traject, actieplan=GEZONDHEID,
                           belemmeringen=[Belemmering.GEZONDHEID.value])
    plaatsing = PlaatsingFactory(traject=traject)
    contact = ContactmomentFactory(traject=traject)
    afspraak = AfspraakFactory(traject=traject, medewerker=medewerker)
    document = document_uploaden(
        deelnemer=deelnemer, door=medewerker, soort="diploma",
        bestand=SimpleUploadedFile("diploma.pdf", demo_pdf(["Diploma"])),
    )
    verhuizing = Verhuizing.objects.create(
        deelnemer=deelnemer, van_gemeente=groningen, naar_gemeente=groningen,
        overdrachtsnotitie="Let op: " + GEZONDHEID,
    )
    bijeenkomst = Bijeenkomst.objects.create(soort="stagecafe", titel="Stage-café",
                                             datum=vandaag(), plaats="Forum",
                                             organisator="Gemeente")
    bijeenkomst.gemeenten.add(groningen)
    vacature = Vacature.objects.create(werkgever=plaatsing.werkgever, gemeente=groningen,
                                       functie="Kok", sector="horeca", uren_per_week=24,
                                       open_tot=vandaag())
    return {
        "trajecten.deelnemer": deelnemer, "trajecten.traject": traject,
        "trajecten.intake": intake, "trajecten.plaatsing": plaatsing,
        "trajecten.contactmoment": contact, "trajecten.werkgever": plaatsing.werkgever,
        "trajecten.afspraak": afspraak, "trajecten.actie": ActieFactory(traject=traject),
        "trajecten.uitgave": UitgaveFactory(traject=traject),
        "trajecten.document": document, "trajecten.verhuizing": verhuizing,
        "trajecten.bijeenkomst": bijeenkomst,
        "trajecten.vacature": vacature,
        "trajecten.voordracht": Voordracht.objects.create(vacature=vacature,
                                                          deelnemer=deelnemer),
        "trajecten.deelname": Deelname.objects.create(bijeenkomst=bijeenkomst,
                                                      deelnemer=deelnemer),
    }


def _pad(patroon, dossier) -> str:
    """Het pad met het object van het padtype (`<traject:pk>` → het traject)."""
    soort = next(
        deel.split("<")[1].split(":")[0] for _s, deel in patroon.delen if "<" in deel
    )
    return patroon.vul_in({"pk": dossier[f"trajecten.{soort}"].pk})


def _zonder_persoonsgegevens(regels) -> None:
    deelnemer = None
    for regel in regels.values():
        tekst = " ".join(str(w) for w in regel.values())
        deelnemer = deelnemer or Deelnemer.objects.filter(pk=regel["deelnemer_nummer"]).first()
        for geheim in (VOORNAAM, ACHTERNAAM, GEZONDHEID, deelnemer.bsn if deelnemer else "x"):
            assert geheim not in tekst, (geheim, tekst)


# --- de werkplek ---------------------------------------------------------------------------------


@pytest.mark.parametrize("patroon", WERKPLEK_PK, ids=[p.sleutel for p in WERKPLEK_PK])
def test_elke_pagina_van_de_werkplek_over_een_deelnemer_is_een_logregel(
    client, medewerker, dossier, patroon
):
    client.force_login(medewerker)
    pad = _pad(patroon, dossier)
    deelnemer = dossier["trajecten.deelnemer"]

    antwoord = client.post(pad) if patroon.sleutel in ALLEEN_POST else client.get(pad)

    if patroon.sleutel in KNOPPEN:
        assert antwoord.status_code == 302 and not Toegangslog.objects.exists()
        return
    assert antwoord.status_code == 200
    regels = Toegangslog.objects.all()
    if _padtype(patroon) in GEEN_PERSOON:
        # Een werkgever, bijeenkomst of vacature is geen persoon; wat de pagina over
        # deelnemers toont, is een lijst.
        assert not regels.exists()
        return
    regel = regels.get()  # precies één: geen tweede regel naast een specifiekere inzage
    verwacht = {
        "trajecten:dossier": Actie.DOSSIER_BEKEKEN, "trajecten:bsn_tonen": Actie.BSN_GETOOND,
    }.get(patroon.sleutel, Actie.GEGEVENS_BEKEKEN)
    assert (regel.actie, regel.resultaat, regel.actor) == (
        verwacht, Toegangslog.Resultaat.GELUKT, medewerker)
    assert regel.deelnemer_nummer == deelnemer.pk
    assert (regel.pad, regel.ip_adres) == (pad, "127.0.0.1")
    _zonder_persoonsgegevens(Toegangslog.objects.values())


def test_een_formulier_met_fouten_toont_ook_gegevens_en_is_ook_een_inzage(
    client, medewerker, dossier
):
    client.force_login(medewerker)
    traject = dossier["trajecten.traject"]
    antwoord = client.post(f"/trajecten/{traject.pk}/intake/", {"beroepswens": ""})
    assert antwoord.status_code == 200
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.deelnemer_nummer, regel.toelichting) == (
        Actie.GEGEVENS_BEKEKEN, traject.deelnemer_id, "trajecten:intake")
    assert regel.content_type == ContentType.objects.get_for_model(traject)
    assert regel.object_id == str(traject.pk)


def test_opslaan_zonder_pagina_is_geen_inzage(client, medewerker, dossier):
    """Een geslaagde POST stuurt door (302) en toont niets; de wijziging staat in de
    wijzigingshistorie. Pas het dossier daarna is een inzage."""
    client.force_login(medewerker)
    traject = dossier["trajecten.traject"]
    antwoord = client.post(f"/trajecten/{traject.pk}/wijzigen/", {
        "uitvoerder": "uwv", "kosten": "10", "versie": traject.versie,
    })
    assert antwoord.status_code == 302
    assert not Toegangslog.objects.exists()


# --- weigeringen aan de deelnemer gekoppeld -----------------------------------------------------


@pytest.mark.parametrize("rol, status", [("medewerker_emmen", 404), ("coordinator", 403)])
@pytest.mark.parametrize("patroon", WERKPLEK_PK, ids=[p.sleutel for p in WERKPLEK_PK])
def test_een_geweigerde_poging_staat_bij_de_deelnemer(
    client, request, dossier, patroon, rol, status
):
    client.force_login(request.getfixturevalue(rol))
    pad = _pad(patroon, dossier)

    antwoord = client.post(pad) if patroon.sleutel in ALLEEN_POST else client.get(pad)

    assert antwoord.status_code == status
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.resultaat) == (
        Actie.TOEGANG_GEWEIGERD, Toegangslog.Resultaat.GEWEIGERD)
    if _padtype(patroon) in GEEN_PERSOON:
        assert regel.deelnemer_nummer is None
    else:
        assert regel.deelnemer_nummer == dossier["trajecten.deelnemer"].pk
    assert regel.toelichting == f"HTTP {status} {patroon.sleutel}"


def test_een_onbekend_nummer_koppelt_aan_niemand(client, medewerker):
    client.force_login(medewerker)
    assert client.get("/trajecten/987654/intake/").status_code == 404
    regel = Toegangslog.objects.get()
    assert (regel.object_id, regel.deelnemer_nummer) == ("987654", None)


# --- het volledige BSN ----------------------------------------------------------------------------


def test_het_dossier_bevat_het_volledige_bsn_niet_meer(client, medewerker, dossier):
    deelnemer = dossier["trajecten.deelnemer"]
    client.force_login(medewerker)
    html = client.get(f"/deelnemers/{deelnemer.pk}/").content.decode()
    assert deelnemer.bsn_gemaskeerd in html
    assert deelnemer.bsn not in html
    assert f'action="/deelnemers/{deelnemer.pk}/bsn/"' in html


def test_bsn_tonen_is_een_gelogde_post(client, medewerker, dossier):
    deelnemer = dossier["trajecten.deelnemer"]
    client.force_login(medewerker)

    assert client.get(f"/deelnemers/{deelnemer.pk}/bsn/").status_code == 405
    assert not Toegangslog.objects.exists()
    antwoord = client.post(f"/deelnemers/{deelnemer.pk}/bsn/")

    assert antwoord.status_code == 200 and deelnemer.bsn in antwoord.content.decode()
    assert "no-store" in antwoord["Cache-Control"]
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.deelnemer_nummer) == (Actie.BSN_GETOOND, deelnemer.pk)


# --- de admin -------------------------------------------------------------------------------------

ADMINPAGINAS = ("change", "history", "delete")


def test_elk_model_over_een_deelnemer_staat_in_dossiermodellen():
    """Een nieuw model met een verwijzing naar een deelnemer of traject moet erbij, anders
    logt de admin het bekijken ervan niet."""
    from django.apps import apps

    ontbreekt = []
    for model in apps.get_app_config("trajecten").get_models():
        verwijzingen = {
            veld.related_model for veld in model._meta.fields if veld.is_relation
        }
        over_persoon = model._meta.label_lower == "trajecten.deelnemer" or {
            apps.get_model("trajecten", "Deelnemer"), apps.get_model("trajecten", "Traject"),
        } & verwijzingen
        if over_persoon and model._meta.label_lower not in DOSSIERMODELLEN:
            ontbreekt.append(model._meta.label_lower)
    assert not ontbreekt


@pytest.mark.parametrize("pagina", ADMINPAGINAS)
@pytest.mark.parametrize("label", sorted(DOSSIERMODELLEN))
def test_elke_adminpagina_over_een_deelnemer_is_een_logregel(
    client, beheerder, dossier, label, pagina
):
    obj = dossier[label]
    model = type(obj)
    assert model in admin.site._registry, label
    client.force_login(beheerder)
    pad = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/{pagina}/"

    antwoord = client.get(pad)

    assert antwoord.status_code == 200
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.actor, regel.deelnemer_nummer) == (
        Actie.BEHEER_BEKEKEN, beheerder, dossier["trajecten.deelnemer"].pk)
    assert regel.content_type == ContentType.objects.get_for_model(model)
    assert regel.object_id == str(obj.pk)
    assert regel.toelichting == f"admin:{model._meta.app_label}_{model._meta.model_name}_{pagina}"
    _zonder_persoonsgegevens(Toegangslog.objects.values())


def test_lijsten_en_andere_adminpaginas_zijn_geen_inzage_van_een_persoon(
    client, beheerder, dossier
):
    client.force_login(beheerder)
    for pad in ("/admin/", "/admin/trajecten/deelnemer/", "/admin/trajecten/coach/",
                f"/admin/trajecten/werkgever/{dossier['trajecten.werkgever'].pk}/change/"):
        assert client.get(pad).status_code == 200, pad
    assert not Toegangslog.objects.exists()


def test_admin_weigering_staat_bij_de_deelnemer(client, dossier):
    from django.contrib.auth.models import Permission

    from gemeenten.factories import UserFactory

    gebruiker = UserFactory(username="coaches-test", is_staff=True)
    gebruiker.user_permissions.set(Permission.objects.filter(codename="view_coach"))
    client.force_login(gebruiker)
    plaatsing = dossier["trajecten.plaatsing"]

    assert client.get(f"/admin/trajecten/plaatsing/{plaatsing.pk}/change/").status_code == 403

    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.deelnemer_nummer, regel.object_id) == (
        Actie.TOEGANG_GEWEIGERD, plaatsing.traject.deelnemer_id, str(plaatsing.pk))


def test_inzageverzoek_is_een_regel_met_de_deelnemer(client, beheerder, dossier):
    deelnemer = dossier["trajecten.deelnemer"]
    client.force_login(beheerder)
    assert client.get(f"/beheer/inzage/{deelnemer.pk}/").status_code == 200
    regel = Toegangslog.objects.get()
    assert (regel.actie, regel.deelnemer_nummer) == (Actie.INZAGEVERZOEK, deelnemer.pk)


def test_een_inzage_is_een_insert(client, medewerker, dossier):
    """Eén INSERT in het toegangslog per getoonde pagina (plus één query naar het
    deelnemernummer van een traject); nooit een update of delete."""
    from django.test.utils import CaptureQueriesContext

    client.force_login(medewerker)
    pad = f"/trajecten/{dossier['trajecten.traject'].pk}/wijzigen/"
    client.get(pad)  # warme caches (ContentType, sessie)
    with CaptureQueriesContext(connection) as queries:
        client.get(pad)
    logqueries = [
        q["sql"] for q in queries.captured_queries if "gemeenten_toegangslog" in q["sql"]
    ]
    assert len(logqueries) == 1 and logqueries[0].startswith("INSERT")

