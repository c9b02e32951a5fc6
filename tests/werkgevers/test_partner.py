"""Werkgevers als partner (issue 16): relatie, social return, bijeenkomsten, vacatures en
voordrachten; scoping per gemeente en vaste querytellingen."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.trajecten.hulp import verstuur
from trajecten import selectors, services
from trajecten.constants import Sector, Soort, Status, Taalniveau
from trajecten.factories import PlaatsingFactory, WerkgeverFactory
from trajecten.models import (
    Bijeenkomst,
    Deelname,
    Plaatsing,
    SocialReturnAfspraak,
    Vacature,
    Voordracht,
    Werkgever,
    WerkgeverContact,
    vandaag,
)

from .conftest import kandidaat

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


# --- de relatie -------------------------------------------------------------------------------


def test_werkgever_van_andere_gemeente_zichtbaar_via_samenwerking(medewerker, groningen, emmen):
    werkgever = WerkgeverFactory(gemeente=emmen)
    assert not Werkgever.objects.voor(medewerker).filter(pk=werkgever.pk).exists()
    werkgever.gemeenten.add(groningen)
    assert list(Werkgever.objects.voor(medewerker).filter(pk=werkgever.pk)) == [werkgever]


def test_relatie_wijzigen_laat_andermans_gemeente_staan(medewerker, werkgever, groningen, emmen):
    werkgever.gemeenten.add(emmen)
    services.werkgever_relatie_wijzigen(
        werkgever=werkgever, door=medewerker, sector=Sector.ZORG, grootte="groot",
        werkakkoord=True, werkakkoord_datum=vandaag() - 10 * DAG, gemeenten=[groningen],
        versie=werkgever.versie,
    )
    werkgever.refresh_from_db()
    assert werkgever.werkakkoord and werkgever.werkakkoord_datum == vandaag() - 10 * DAG
    assert set(werkgever.gemeenten.all()) == {groningen, emmen}
    assert werkgever.versie == 2


def test_werkakkoord_datum_zonder_werkakkoord_geweigerd(medewerker, werkgever):
    with pytest.raises(ValidationError) as exc:
        services.werkgever_relatie_wijzigen(
            werkgever=werkgever, door=medewerker, sector=Sector.ZORG, grootte="",
            werkakkoord=False, werkakkoord_datum=vandaag(), gemeenten=[],
        )
    assert "werkakkoord_datum" in exc.value.message_dict


def test_contacten_alleen_van_eigen_gemeente_te_zien(mw, medewerker, medewerker_emmen, werkgever,
                                                    groningen, emmen):
    werkgever.gemeenten.add(emmen)
    services.werkgever_contact_vastleggen(werkgever=werkgever, door=medewerker,
                                          gemeente=groningen, datum=vandaag(),
                                          soort="bezoek", notitie="Rondleiding magazijn")
    services.werkgever_contact_vastleggen(werkgever=werkgever, door=medewerker_emmen,
                                          gemeente=emmen, datum=vandaag(), soort="telefoon",
                                          notitie="Geheim van Emmen")
    html = mw.get(reverse("trajecten:werkgever_detail", args=[werkgever.pk])).content.decode()
    assert "Rondleiding magazijn" in html
    assert "Geheim van Emmen" not in html
    with pytest.raises(PermissionDenied):
        services.werkgever_contact_vastleggen(werkgever=werkgever, door=medewerker,
                                              gemeente=emmen, datum=vandaag(), soort="bezoek")


def test_contactpersoon_en_contact_via_formulieren(mw, werkgever, groningen):
    r = mw.post(reverse("trajecten:contactpersoon_nieuw", args=[werkgever.pk]),
                {"naam": "Ingrid Bakker", "rol": "HR-adviseur", "email": "hr@zorg.example"})
    assert r.status_code == 302
    r = mw.post(reverse("trajecten:werkgever_contact_nieuw", args=[werkgever.pk]),
                {"gemeente": groningen.pk, "datum": (vandaag() + DAG).isoformat(),
                 "soort": "bezoek"})
    assert r.status_code == 200
    assert "kan niet in de toekomst liggen" in r.content.decode()
    assert not WerkgeverContact.objects.exists()
    html = mw.get(reverse("trajecten:werkgever_detail", args=[werkgever.pk])).content.decode()
    assert "Ingrid Bakker (HR-adviseur)" in html


# --- social return ----------------------------------------------------------------------------


def _afspraak(werkgever, gemeente, *, aantal, start, einde):
    return SocialReturnAfspraak.objects.create(
        werkgever=werkgever, gemeente=gemeente, contract="Schoonmaak stadhuis 2026",
        aantal_plaatsingen=aantal, startdatum=start, einddatum=einde)


def test_social_return_voortgang_en_achter_op_schema(medewerker, werkgever, groningen, emmen):
    # Halverwege de looptijd, 1 van 4 plaatsingen: achter op schema (25% < 50%).
    achter = _afspraak(werkgever, groningen, aantal=4, start=vandaag() - 100 * DAG,
                       einde=vandaag() + 100 * DAG)
    # Net begonnen: op schema.
    _afspraak(werkgever, groningen, aantal=4, start=vandaag() - 1 * DAG,
              einde=vandaag() + 300 * DAG)
    plaatsing = PlaatsingFactory(traject__deelnemer__gemeente=groningen, werkgever=werkgever,
                                 startdatum=vandaag() - 10 * DAG)
    # Telt niet: een opleiding, en een plaatsing in een andere gemeente.
    PlaatsingFactory(traject=plaatsing.traject, werkgever=werkgever, soort=Soort.OPLEIDING,
                     startdatum=vandaag() - 9 * DAG)
    PlaatsingFactory(traject__deelnemer__gemeente=emmen, werkgever=werkgever,
                     startdatum=vandaag() - 10 * DAG)
    voortgang = selectors.social_return_van(user=medewerker, werkgever=werkgever)
    # De tweede afspraak begon na de plaatsing: daar telt hij niet mee.
    assert [(v.gerealiseerd, v.achter_op_schema) for v in voortgang] == [(1, True), (0, False)]
    assert [v.afspraak for v in selectors.social_return_achter(user=medewerker)] == [achter]


def test_social_return_einde_voor_start_geweigerd(medewerker, werkgever, groningen):
    with pytest.raises(ValidationError) as exc:
        services.social_return_vastleggen(
            werkgever=werkgever, door=medewerker, gemeente=groningen, contract="X",
            aantal_plaatsingen=2, startdatum=vandaag(), einddatum=vandaag() - DAG)
    assert "einddatum" in exc.value.message_dict
    assert not SocialReturnAfspraak.objects.exists()


def test_social_return_pagina_toont_alleen_achterstand(mw, werkgever, groningen,
                                                      django_assert_num_queries):
    _afspraak(werkgever, groningen, aantal=3, start=vandaag() - 300 * DAG,
              einde=vandaag() - DAG)
    for i in range(3):
        _afspraak(WerkgeverFactory(gemeente=groningen), groningen, aantal=2,
                  start=vandaag() - 200 * DAG, einde=vandaag() + (10 + i) * DAG)
    url = reverse("trajecten:social_return_achter")
    mw.get(url)
    with django_assert_num_queries(4):  # sessie, user, rollen, afspraken (één query)
        r = mw.get(url)
    assert r.content.decode().count("achter op schema</strong>") == 4


# --- bijeenkomsten ----------------------------------------------------------------------------


def test_stagecafe_plannen_en_aanwezigheid_vastleggen(mw, medewerker, werkgever, groningen):
    traject = kandidaat(groningen)
    r = mw.post(reverse("trajecten:bijeenkomst_nieuw"), {
        "soort": "stagecafe", "titel": "Stage-café zorg", "datum": vandaag().isoformat(),
        "plaats": "Bibliotheek", "organisator": "Gemeente Groningen",
        "gemeenten": [groningen.pk]})
    bijeenkomst = Bijeenkomst.objects.get()
    assert r.status_code == 302
    url = reverse("trajecten:bijeenkomst_detail", args=[bijeenkomst.pk])
    r = verstuur(mw, url, {"werkgevers": [werkgever.pk], "deelnemers": [traject.deelnemer_id]})
    assert r.status_code == 302
    assert list(bijeenkomst.werkgevers.all()) == [werkgever]
    assert Deelname.objects.filter(bijeenkomst=bijeenkomst,
                                   deelnemer=traject.deelnemer).exists()
    dossier = mw.get(reverse("trajecten:dossier", args=[traject.deelnemer_id])).content.decode()
    assert "Bijeenkomst: stage-café" in dossier
    assert "Stage-café zorg (Bibliotheek)" in dossier


def test_aanwezigheid_laat_deelnemers_van_andere_gemeente_staan(
        medewerker, medewerker_emmen, groningen, emmen):
    bijeenkomst = services.bijeenkomst_plannen(
        door=medewerker, soort="ontmoeting", titel="Ontmoeting", datum=vandaag() - DAG,
        plaats="Haren", organisator="VluchtelingenWerk", gemeenten=[groningen])
    bijeenkomst.gemeenten.add(emmen)
    uit_emmen = kandidaat(emmen, achternaam="Emmenaar").deelnemer
    services.aanwezigheid_vastleggen(bijeenkomst=bijeenkomst, door=medewerker_emmen,
                                     werkgevers=[], deelnemers=[uit_emmen])
    services.aanwezigheid_vastleggen(bijeenkomst=bijeenkomst, door=medewerker,
                                     werkgevers=[], deelnemers=[])
    assert Deelname.objects.filter(deelnemer=uit_emmen).exists()
    with pytest.raises(ValidationError):
        services.aanwezigheid_vastleggen(bijeenkomst=bijeenkomst, door=medewerker,
                                         werkgevers=[], deelnemers=[uit_emmen])


def test_aanwezigheid_van_een_bijeenkomst_in_de_toekomst_geweigerd(medewerker, groningen):
    bijeenkomst = services.bijeenkomst_plannen(
        door=medewerker, soort="werkbezoek", titel="Werkbezoek", datum=vandaag() + 7 * DAG,
        plaats="Zernike", organisator="UAF", gemeenten=[groningen])
    deelnemer = kandidaat(groningen).deelnemer
    with pytest.raises(ValidationError):
        services.deelname_vastleggen(deelnemer=deelnemer, bijeenkomst=bijeenkomst,
                                     door=medewerker)


def test_deelname_vanuit_het_dossier(mw, medewerker, groningen):
    deelnemer = kandidaat(groningen).deelnemer
    bijeenkomst = services.bijeenkomst_plannen(
        door=medewerker, soort="rolmodel", titel="Rolmodel Amira", datum=vandaag() - 3 * DAG,
        plaats="Forum", organisator="Gemeente", gemeenten=[groningen])
    url = reverse("trajecten:deelname_nieuw", args=[deelnemer.pk])
    r = mw.post(url, {"bijeenkomst": bijeenkomst.pk})
    assert r.status_code == 302
    mw.post(url, {"bijeenkomst": bijeenkomst.pk})
    assert Deelname.objects.filter(deelnemer=deelnemer).count() == 1


def test_bijeenkomsten_van_andere_gemeente_onzichtbaar(mw, medewerker_emmen, emmen):
    bijeenkomst = services.bijeenkomst_plannen(
        door=medewerker_emmen, soort="expertmeeting", titel="Alleen Emmen",
        datum=vandaag(), plaats="Emmen", organisator="Emmen", gemeenten=[emmen])
    assert "Alleen Emmen" not in mw.get(reverse("trajecten:bijeenkomst_lijst")).content.decode()
    r = mw.get(reverse("trajecten:bijeenkomst_detail", args=[bijeenkomst.pk]))
    assert r.status_code == 404


def test_bijeenkomstlijst_vast_aantal_queries(mw, medewerker, groningen, werkgever,
                                             django_assert_num_queries):
    def maak(van, tot):
        for i in range(van, tot):
            b = services.bijeenkomst_plannen(
                door=medewerker, soort="ontmoeting", titel=f"Ontmoeting {i}",
                datum=vandaag() - i * DAG, plaats="Stad", organisator="Gemeente",
                gemeenten=[groningen])
            b.werkgevers.add(werkgever)

    maak(0, 2)
    url = reverse("trajecten:bijeenkomst_lijst")
    mw.get(url)
    with django_assert_num_queries(6) as eerst:
        mw.get(url)
    maak(2, 10)
    with django_assert_num_queries(len(eerst.captured_queries)):
        r = mw.get(url)
    assert r.content.decode().count("Ontmoeting ") == 10


# --- vacatures en voordrachten ------------------------------------------------------------------


def _vacature(werkgever, gemeente, **velden):
    return Vacature.objects.create(**{
        "werkgever": werkgever, "gemeente": gemeente, "soort": Soort.BAAN,
        "functie": "Verzorgende IG", "sector": Sector.ZORG, "uren_per_week": 24,
        "taalniveau": Taalniveau.A2, "aantal_plaatsen": 2, "open_tot": vandaag() + 30 * DAG,
        **velden})


def test_passende_deelnemers_beste_eerst_met_reden(medewerker, werkgever, groningen, emmen):
    vacature = _vacature(werkgever, groningen)
    wens = kandidaat(groningen, achternaam="Wens", wens="Verzorgende in de thuiszorg")
    sector = kandidaat(groningen, achternaam="Sector", wens="Doktersassistent", dagen=200)
    kandidaat(groningen, achternaam="Taal", taal=Taalniveau.A1)  # taalniveau te laag
    kandidaat(groningen, achternaam="Anders", wens="Lasser", sector=Sector.TECHNIEK)
    kandidaat(groningen, achternaam="Nieuw", status=Status.AANGEMELD)
    kandidaat(emmen, achternaam="Emmen")  # andere gemeente
    werkend = kandidaat(groningen, achternaam="Werkend")
    PlaatsingFactory(traject=werkend, werkgever=werkgever, startdatum=vandaag() - 5 * DAG)

    kandidaten = selectors.vacature_kandidaten(user=medewerker, vacature=vacature)
    assert [k.traject for k in kandidaten] == [wens, sector]
    redenen = kandidaten[0].redenen
    assert redenen[0] == "beroepswens ‘Verzorgende in de thuiszorg’ past bij de functie"
    assert "taalniveau B1 (gevraagd: A2)" in redenen


def test_voordragen_gesprek_aangenomen_en_plaatsen(mw, medewerker, werkgever, groningen):
    vacature = _vacature(werkgever, groningen)
    traject = kandidaat(groningen)
    detail = reverse("trajecten:vacature_detail", args=[vacature.pk])
    r = mw.post(reverse("trajecten:voordragen", args=[vacature.pk]),
                {"deelnemer": traject.deelnemer_id})
    assert r.status_code == 302
    mw.post(reverse("trajecten:voordragen", args=[vacature.pk]),
            {"deelnemer": traject.deelnemer_id})
    voordracht = Voordracht.objects.get()
    assert voordracht.status == Voordracht.Status.VOORGEDRAGEN
    assert traject.deelnemer.achternaam not in mw.get(detail).content.decode().split(
        "Passende deelnemers")[1]

    url = reverse("trajecten:voordracht_status", args=[voordracht.pk])
    r = verstuur(mw, url, {"status": "aangenomen"})
    assert r.status_code == 200
    assert "kan de voordracht niet naar" in r.content.decode()
    assert verstuur(mw, url, {"status": "gesprek"}).status_code == 302
    r = verstuur(mw, url, {"status": "aangenomen"})
    plaatsing_url = reverse("trajecten:plaatsing_nieuw", args=[traject.pk])
    assert r.status_code == 302 and r.url == f"{plaatsing_url}?voordracht={voordracht.pk}"

    form = mw.get(r.url).context["form"]
    assert form["werkgever"].value() == werkgever.pk
    assert form["functie"].value() == "Verzorgende IG"
    assert form["vacature"].value() == vacature.pk
    r = mw.post(r.url, {
        "soort": "baan", "werkgever": werkgever.pk, "functie": "Verzorgende IG",
        "startdatum": vandaag().isoformat(), "uren_per_week": 24,
        "contractvorm": "bepaalde_tijd", "vacature": vacature.pk})
    assert r.status_code == 302
    assert Plaatsing.objects.get(traject=traject).vacature == vacature


def test_voordracht_van_andere_gemeente_404(client, medewerker_emmen, werkgever, groningen):
    vacature = _vacature(werkgever, groningen)
    voordracht = Voordracht.objects.create(vacature=vacature,
                                           deelnemer=kandidaat(groningen).deelnemer)
    client.force_login(medewerker_emmen)
    assert client.get(reverse("trajecten:voordracht_status",
                              args=[voordracht.pk])).status_code == 404
    assert client.get(reverse("trajecten:vacature_detail", args=[vacature.pk])).status_code == 404


def test_vacaturelijst_vast_aantal_queries(mw, werkgever, groningen, django_assert_num_queries):
    _vacature(werkgever, groningen)
    url = reverse("trajecten:vacature_lijst")
    mw.get(url)
    with django_assert_num_queries(5) as eerst:
        mw.get(url)
    for i in range(5):
        _vacature(WerkgeverFactory(gemeente=groningen), groningen, functie=f"Functie {i}")
    with django_assert_num_queries(len(eerst.captured_queries)):
        r = mw.get(url)
    assert r.content.decode().count("Functie ") == 5


def test_werkgeverpagina_vast_aantal_queries(mw, medewerker, werkgever, groningen,
                                            django_assert_num_queries):
    url = reverse("trajecten:werkgever_detail", args=[werkgever.pk])
    mw.get(url)
    # sessie, user, rollen, werkgever, plaatsingen (telling + pagina), samenwerkende
    # gemeenten, contactpersonen, contacten, social return, vacatures, bijeenkomsten.
    with django_assert_num_queries(11) as eerst:
        mw.get(url)
    for i in range(3):
        services.werkgever_contact_vastleggen(werkgever=werkgever, door=medewerker,
                                              gemeente=groningen, datum=vandaag() - i * DAG,
                                              soort="telefoon", notitie=f"Belronde {i}")
        _afspraak(werkgever, groningen, aantal=2, start=vandaag() - 10 * DAG,
                  einde=vandaag() + (i + 1) * 100 * DAG)
        _vacature(werkgever, groningen, functie=f"Vacaturenummer {i}")
    with django_assert_num_queries(len(eerst.captured_queries)):
        r = mw.get(url)
    html = r.content.decode()
    assert html.count("Belronde") == 3 and html.count("Vacaturenummer") == 3
