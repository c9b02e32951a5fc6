"""De agenda: afspraken plannen, verzetten, afmelden en als gehouden vastleggen (met het
contactmoment als verslag), nazorg na 1, 3 en 6 maanden bij de start van een plaatsing, de
weekagenda en het agenda-abonnement (.ics)."""

import datetime
import hashlib

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from gemeenten.constants import Rol
from gemeenten.factories import LidmaatschapFactory
from gemeenten.models import Toegangslog
from trajecten import selectors, services
from trajecten.constants import AfspraakSoort, AfspraakStatus, ContactSoort, Soort, Status
from trajecten.factories import (
    AfspraakFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
    WerkgeverFactory,
)
from trajecten.models import Afspraak, Agendafeed, Contactmoment
from trajecten.services.nazorg import nazorgdatum

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
DAG = datetime.timedelta(days=1)
TIEN_UUR = datetime.time(10, 0)


@pytest.fixture
def traject(groningen, vervolg, medewerker):
    return TrajectFactory(
        deelnemer=DeelnemerFactory(gemeente=groningen, voornaam="Rania", achternaam="Haddad"),
        programma=vervolg, gestart=True, behandelaar=medewerker,
        aanmelddatum=VANDAAG - 200 * DAG, startdatum=VANDAAG - 190 * DAG,
    )


def plan(traject, door, **extra):
    velden = {"soort": AfspraakSoort.GESPREK, "datum": VANDAAG + DAG, "tijd": TIEN_UUR}
    velden.update(extra)
    return services.afspraak_plannen(traject=traject, door=door, **velden)


# --- plannen, verzetten, afmelden ----------------------------------------------------------------


def test_plannen_in_de_eigen_agenda(traject, medewerker):
    a = plan(traject, medewerker, locatie=" Spreekkamer 2 ", duur_minuten=30)
    assert (a.medewerker, a.status, a.locatie, a.versie) == (
        medewerker, AfspraakStatus.GEPLAND, "Spreekkamer 2", 1
    )
    assert a.einde - a.begin == datetime.timedelta(minutes=30)


@pytest.mark.parametrize(("datum", "veld", "melding"), [
    (VANDAAG - DAG, "datum", "Een afspraak ligt niet in het verleden"),
    (VANDAAG + 400 * DAG, "datum", "te ver vooruit"),
])
def test_plannen_weigert_verleden_en_ver_vooruit(traject, medewerker, datum, veld, melding):
    with pytest.raises(ValidationError) as exc:
        plan(traject, medewerker, datum=datum)
    assert melding in exc.value.message_dict[veld][0]
    assert not Afspraak.objects.exists()


def test_plannen_in_agenda_van_iemand_buiten_de_gemeente_geweigerd(traject, medewerker,
                                                                    medewerker_emmen):
    with pytest.raises(ValidationError) as exc:
        plan(traject, medewerker, medewerker=medewerker_emmen)
    assert "geen medewerker van Groningen" in exc.value.message_dict["medewerker"][0]


def test_plannen_op_afgesloten_traject_geweigerd(traject, medewerker):
    services.status_wijzigen(traject=traject, door=medewerker, naar=Status.UITGEVALLEN,
                             reden_uitval="Verhuisd")
    with pytest.raises(ValidationError) as exc:
        plan(traject, medewerker)
    assert exc.value.code == "traject_gesloten"


def test_dubbel_verzonden_een_afspraak(traject, medewerker):
    assert plan(traject, medewerker) == plan(traject, medewerker)
    assert Afspraak.objects.count() == 1


def test_verzetten_met_versie_en_conflict(traject, medewerker):
    a = plan(traject, medewerker)
    velden = {"soort": AfspraakSoort.GESPREK, "datum": VANDAAG + 2 * DAG,
              "tijd": datetime.time(14, 0), "duur_minuten": 45, "locatie": "Werkplein"}
    services.afspraak_wijzigen(afspraak=a, door=medewerker, versie=1, **velden)
    a.refresh_from_db()
    assert (a.datum, a.tijd, a.versie) == (VANDAAG + 2 * DAG, datetime.time(14, 0), 2)
    with pytest.raises(services.Bewerkingsconflict):
        services.afspraak_wijzigen(afspraak=a, door=medewerker, versie=1,
                                   **{**velden, "locatie": "Elders"})


def test_afmelden_niet_verschenen_pas_vanaf_de_dag_zelf(traject, medewerker):
    morgen = plan(traject, medewerker)
    with pytest.raises(ValidationError) as exc:
        services.afspraak_afmelden(afspraak=morgen, door=medewerker,
                                   status=AfspraakStatus.NIET_VERSCHENEN)
    assert "pas vanaf die dag" in exc.value.message_dict["status"][0]
    services.afspraak_afmelden(afspraak=morgen, door=medewerker,
                               status=AfspraakStatus.GEANNULEERD)
    morgen.refresh_from_db()
    assert morgen.status == AfspraakStatus.GEANNULEERD
    with pytest.raises(ValidationError) as exc:
        services.afspraak_wijzigen(afspraak=morgen, door=medewerker, soort="gesprek",
                                   datum=VANDAAG + DAG, tijd=TIEN_UUR, duur_minuten=60)
    assert exc.value.code == "afspraak_afgehandeld"


# --- gehouden: het contactformulier, voorgevuld, en het contact aan de afspraak -------------------


def test_gehouden_legt_contact_vast_en_koppelt(traject, medewerker):
    a = AfspraakFactory(traject=traject, datum=VANDAAG, soort=AfspraakSoort.WERKGEVERSBEZOEK,
                        medewerker=medewerker)
    contact = services.afspraak_gehouden(afspraak=a, door=medewerker, versie=1,
                                         soort=ContactSoort.WERKGEVERSCONTACT, datum=VANDAAG,
                                         notitie="Stageplek besproken")
    a.refresh_from_db()
    assert a.status == AfspraakStatus.GEHOUDEN
    assert (contact.afspraak, contact.soort, contact.notitie) == (
        a, ContactSoort.WERKGEVERSCONTACT, "Stageplek besproken"
    )
    # Nog eens verzonden: hetzelfde contact, geen tweede.
    assert services.afspraak_gehouden(afspraak=a, door=medewerker, versie=1,
                                      soort=ContactSoort.WERKGEVERSCONTACT, datum=VANDAAG,
                                      notitie="Stageplek besproken") == contact
    assert Contactmoment.objects.count() == 1


def test_een_afspraak_van_morgen_is_nog_niet_gehouden(traject, medewerker):
    a = plan(traject, medewerker)
    with pytest.raises(ValidationError) as exc:
        services.afspraak_gehouden(afspraak=a, door=medewerker, soort=ContactSoort.GESPREK,
                                   datum=a.datum)
    assert "plant u als afspraak" in exc.value.message_dict["datum"][0]
    a.refresh_from_db()
    assert a.status == AfspraakStatus.GEPLAND and not Contactmoment.objects.exists()


def test_gehouden_pagina_is_het_contactformulier_voorgevuld(client, medewerker, traject):
    a = AfspraakFactory(traject=traject, datum=VANDAAG, soort=AfspraakSoort.NAZORG,
                        notitie="Vragen naar de werktijden", medewerker=medewerker)
    client.force_login(medewerker)
    url = reverse("trajecten:afspraak_gehouden", args=[a.pk])
    html = client.get(url).content.decode()
    assert '<option value="nazorg" selected>' in html
    assert f'value="{VANDAAG.isoformat()}"' in html
    assert "Vragen naar de werktijden</textarea>" in html
    r = client.post(url, {"soort": "nazorg", "datum": VANDAAG.isoformat(),
                          "notitie": "Werkt 32 uur, tevreden", "versie": "1"})
    assert r.status_code == 302 and r.url.endswith("#tijdlijn")
    assert Contactmoment.objects.get().afspraak == a
    dossier = client.get(r.url).content.decode()
    assert "Werkt 32 uur, tevreden" in dossier
    # De pagina liet gegevens van één deelnemer zien: één regel in het toegangslog (de
    # middleware, via het padtype <afspraak:pk>), ook niet dubbel.
    assert Toegangslog.objects.filter(pad=url).count() == 1
    assert Toegangslog.objects.filter(
        actie=Toegangslog.Actie.GEGEVENS_BEKEKEN, deelnemer_nummer=traject.deelnemer_id,
        pad=url, object_id=str(a.pk),
    ).exists()


# --- nazorg bij de start van een plaatsing ------------------------------------------------------


def test_plaatsing_plant_nazorg_na_1_3_en_6_maanden(traject, medewerker):
    start = VANDAAG
    p = services.plaatsing_registreren(
        traject=traject, door=medewerker, soort=Soort.BAAN, startdatum=start, uren_per_week=24,
        werkgever=WerkgeverFactory(gemeente=traject.gemeente),
    )
    nazorg = list(p.nazorgafspraken.order_by("datum"))
    assert [(a.nazorg_maanden, a.datum) for a in nazorg] == [
        (m, nazorgdatum(start, m)) for m in (1, 3, 6)
    ]
    assert all(a.datum.weekday() < 5 for a in nazorg)  # een werkdag
    assert {(a.soort, a.status, a.medewerker_id) for a in nazorg} == {
        (AfspraakSoort.NAZORG, AfspraakStatus.GEPLAND, medewerker.pk)
    }
    assert nazorgdatum(datetime.date(2026, 1, 3), 1) == datetime.date(2026, 2, 3)  # dinsdag
    assert nazorgdatum(datetime.date(2026, 1, 7), 1) == datetime.date(2026, 2, 9)  # za → ma


def test_nazorg_niet_in_het_verleden_en_niet_na_het_einde(traject, medewerker):
    start = VANDAAG - relativedelta(months=2)
    p = services.plaatsing_registreren(
        traject=traject, door=medewerker, soort=Soort.STAGE, startdatum=start,
        einddatum=start + relativedelta(months=4), werkgever=WerkgeverFactory(
            gemeente=traject.gemeente),
    )
    assert list(p.nazorgafspraken.values_list("nazorg_maanden", flat=True)) == [3]


def test_geen_nazorg_bij_een_voorportaal(traject, medewerker):
    p = services.plaatsing_registreren(traject=traject, door=medewerker,
                                       soort=Soort.OPLEIDING, startdatum=VANDAAG)
    assert not p.nazorgafspraken.exists()


def test_plaatsing_en_nazorg_in_een_transactie(traject, medewerker, monkeypatch):
    def faal(self, *args, **kwargs):
        raise RuntimeError("storing")

    monkeypatch.setattr(Afspraak, "save", faal)
    with pytest.raises(RuntimeError):
        services.plaatsing_registreren(
            traject=traject, door=medewerker, soort=Soort.BAAN, startdatum=VANDAAG,
            uren_per_week=24, werkgever=WerkgeverFactory(gemeente=traject.gemeente),
        )
    monkeypatch.undo()
    traject.refresh_from_db()
    assert traject.status == Status.ACTIEF and not traject.plaatsingen.exists()


def zesmaanden(traject, medewerker):
    p = PlaatsingFactory(traject=traject, startdatum=VANDAAG - relativedelta(months=6),
                         uren_per_week=32)
    return p, AfspraakFactory(traject=traject, plaatsing=p, nazorg_maanden=6,
                              soort=AfspraakSoort.NAZORG, datum=VANDAAG, medewerker=medewerker)


def test_zesmaandencontrole_bevestigt_dat_de_plaatsing_loopt(traject, medewerker):
    p, a = zesmaanden(traject, medewerker)
    with pytest.raises(ValidationError) as exc:
        services.afspraak_gehouden(afspraak=a, door=medewerker, soort="nazorg", datum=VANDAAG)
    assert "nog loopt" in exc.value.message_dict["plaatsing_loopt"][0]
    services.afspraak_gehouden(afspraak=a, door=medewerker, soort="nazorg", datum=VANDAAG,
                               plaatsing_loopt=True)
    a.refresh_from_db()
    p.refresh_from_db()
    assert (a.status, a.plaatsing_loopt, p.einddatum) == (AfspraakStatus.GEHOUDEN, True, None)


def test_zesmaandencontrole_legt_het_einde_vast(traject, medewerker):
    p, a = zesmaanden(traject, medewerker)
    with pytest.raises(ValidationError) as exc:
        services.afspraak_gehouden(afspraak=a, door=medewerker, soort="nazorg", datum=VANDAAG,
                                   plaatsing_loopt=False)
    assert "einddatum" in exc.value.message_dict["plaatsing_einddatum"][0]
    einde = VANDAAG - 10 * DAG
    services.afspraak_gehouden(afspraak=a, door=medewerker, soort="nazorg", datum=VANDAAG,
                               plaatsing_loopt=False, plaatsing_einddatum=einde)
    p.refresh_from_db()
    a.refresh_from_db()
    assert (p.einddatum, a.plaatsing_loopt) == (einde, False)


def test_zesmaandencontrole_weigert_einde_voor_start_en_slaat_niets_op(traject, medewerker):
    p, a = zesmaanden(traject, medewerker)
    with pytest.raises(ValidationError) as exc:
        services.afspraak_gehouden(afspraak=a, door=medewerker, soort="nazorg", datum=VANDAAG,
                                   plaatsing_loopt=False,
                                   plaatsing_einddatum=p.startdatum - DAG)
    assert "niet vóór de startdatum" in exc.value.message_dict["plaatsing_einddatum"][0]
    a.refresh_from_db()
    assert a.status == AfspraakStatus.GEPLAND and not Contactmoment.objects.exists()


# --- de agenda ------------------------------------------------------------------------------------


@pytest.fixture
def agenda_client(client, medewerker):
    client.force_login(medewerker)
    return client


def test_agenda_vandaag_en_de_week(agenda_client, traject, medewerker, groningen, vervolg):
    AfspraakFactory(traject=traject, datum=VANDAAG, tijd=datetime.time(9, 30),
                    medewerker=medewerker)
    volgende_week = VANDAAG + 7 * DAG
    AfspraakFactory(traject=traject, datum=volgende_week, medewerker=medewerker,
                    soort=AfspraakSoort.MET_COACH)
    collega = LidmaatschapFactory(gemeente=groningen, rol=Rol.MEDEWERKER).user
    AfspraakFactory(traject=traject, datum=VANDAAG, medewerker=collega, locatie="Elders")
    html = agenda_client.get(reverse("trajecten:agenda")).content.decode()
    vandaag_deel = html[html.index('id="vandaag"'):html.index('id="week"')]
    assert "09:30" in vandaag_deel and "Rania Haddad" in vandaag_deel
    assert "Elders" not in html  # niet de agenda van een collega
    assert reverse("trajecten:dossier", args=[traject.deelnemer_id]) in vandaag_deel
    jaar, week, _dag = volgende_week.isocalendar()
    sleutel = f"{jaar}-W{week:02d}"
    assert f'href="?week={sleutel}"' in html
    volgende = agenda_client.get(reverse("trajecten:agenda"), {"week": sleutel})
    week_deel = volgende.content.decode().split('id="week"')[1]
    assert "Met coach" in week_deel
    # Een onzinnige week: deze week, met een melding (geen 500).
    r = agenda_client.get(reverse("trajecten:agenda"), {"week": "2026-W99"})
    assert r.status_code == 200 and "Onbekende week" in r.content.decode()


def test_coordinator_heeft_geen_agenda(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("trajecten:agenda")).status_code == 403


# --- het agenda-abonnement (.ics) -----------------------------------------------------------------


def feed_url(client):
    client.post(reverse("trajecten:agenda_koppeling"), {"actie": "vernieuwen"})
    html = client.get(reverse("trajecten:agenda_koppeling")).content.decode()
    begin = html.index("https://testserver/agenda/feed/")
    return html[begin:html.index(".ics", begin) + 4]


def test_ics_feed_met_initialen_en_dossierlink_zonder_naam_of_bsn(agenda_client, client,
                                                                   traject, medewerker):
    AfspraakFactory(traject=traject, datum=VANDAAG + DAG, tijd=TIEN_UUR, medewerker=medewerker,
                    locatie="Spreekkamer 2", notitie="Schulden bespreken")
    AfspraakFactory(traject=traject, datum=VANDAAG + 2 * DAG, medewerker=medewerker,
                    status=AfspraakStatus.GEANNULEERD)
    url = feed_url(agenda_client)
    client.logout()  # Outlook logt niet in
    r = client.get(url.removeprefix("https://testserver"))
    assert r.status_code == 200 and r["Content-Type"] == "text/calendar; charset=utf-8"
    inhoud = r.content.decode()
    for geheim in ("Rania", "Haddad", traject.deelnemer.bsn, "Schulden"):
        assert geheim not in inhoud
    [event] = Calendar.from_ical(r.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Gesprek – R.H."
    assert str(event["LOCATION"]) == "Spreekkamer 2"
    dossier = f"https://testserver/deelnemers/{traject.deelnemer_id}/"
    assert str(event["URL"]) == dossier and dossier in str(event["DESCRIPTION"])
    begin = event.decoded("DTSTART")
    # Tien uur Nederlandse tijd, in UTC in de feed (geen VTIMEZONE nodig).
    assert begin == timezone.make_aware(datetime.datetime.combine(VANDAAG + DAG, TIEN_UUR))
    assert begin.utcoffset() == datetime.timedelta(0)
    assert event.decoded("DTEND") - begin == datetime.timedelta(hours=1)


def test_ics_token_gehasht_vernieuwen_maakt_de_oude_link_ongeldig(agenda_client, client,
                                                                  medewerker):
    oud = feed_url(agenda_client)
    token = oud.rsplit("/", 1)[1].removesuffix(".ics")
    kenmerk, geheim = token.split(".")
    feed = Agendafeed.objects.get(user=medewerker)
    assert feed.geheim_hash == hashlib.sha256(geheim.encode()).hexdigest()
    assert geheim not in feed.geheim_hash and geheim not in str(feed.__dict__)
    nieuw = feed_url(agenda_client)
    assert nieuw != oud
    client.logout()
    assert client.get(oud.removeprefix("https://testserver")).status_code == 404
    assert client.get(nieuw.removeprefix("https://testserver")).status_code == 200
    # Goed kenmerk, fout geheim; onzin; leeg geheim.
    for fout in (f"{kenmerk}.{'x' * len(geheim)}", "onzin", f"{kenmerk}."):
        assert client.get(reverse("trajecten:agenda_feed", args=[fout])).status_code == 404
    # Opheffen: daarna 404.
    client.force_login(medewerker)
    client.post(reverse("trajecten:agenda_koppeling"), {"actie": "opheffen"})
    client.logout()
    assert not Agendafeed.objects.exists()
    assert client.get(nieuw.removeprefix("https://testserver")).status_code == 404


def test_ics_link_staat_alleen_direct_na_het_maken_op_de_pagina(agenda_client):
    url = feed_url(agenda_client)
    html = agenda_client.get(reverse("trajecten:agenda_koppeling")).content.decode()
    assert url not in html and "niet opnieuw te tonen" in html


def test_ics_vergelijkt_in_constante_tijd(monkeypatch, medewerker):
    """Het geheim wordt met `hmac.compare_digest` vergeleken, niet met ==."""
    import trajecten.models.afspraak as module

    gebruikt = []
    echt = module.hmac.compare_digest
    monkeypatch.setattr(module.hmac, "compare_digest",
                        lambda a, b: gebruikt.append(1) or echt(a, b))
    token = services.agendafeed_vernieuwen(door=medewerker)
    assert selectors.agendafeed(token=token)[0] == medewerker
    assert gebruikt


def test_ics_van_een_gebruiker_die_geen_medewerker_meer_is(medewerker, client, traject):
    token = services.agendafeed_vernieuwen(door=medewerker)
    AfspraakFactory(traject=traject, datum=VANDAAG + DAG, medewerker=medewerker)
    medewerker.lidmaatschappen.all().delete()
    r = client.get(reverse("trajecten:agenda_feed", args=[token]))
    # Zijn agenda bevat alleen afspraken in gemeenten waar hij medewerker is: nu geen.
    assert r.status_code == 200 and b"BEGIN:VEVENT" not in r.content
    medewerker.is_active = False
    medewerker.save()
    assert client.get(reverse("trajecten:agenda_feed", args=[token])).status_code == 404


def test_ics_feed_niet_in_het_toegangslog_en_het_token_nergens(medewerker, client, traject):
    """De feed gaat niet over één deelnemer (en bevat geen namen): geen inzage in het
    toegangslog, ook niet als de medewerker toevallig ingelogd is. Een fout token van een
    ingelogde gebruiker is een weigering, met `[geheim]` in plaats van het token."""
    token = services.agendafeed_vernieuwen(door=medewerker)
    AfspraakFactory(traject=traject, datum=VANDAAG + DAG, medewerker=medewerker)
    client.force_login(medewerker)
    assert client.get(reverse("trajecten:agenda_feed", args=[token])).status_code == 200
    assert not Toegangslog.objects.exists()
    fout = f"{token.split('.')[0]}.{'x' * 20}"
    assert client.get(reverse("trajecten:agenda_feed", args=[fout])).status_code == 404
    [regel] = Toegangslog.objects.all()
    assert regel.actie == Toegangslog.Actie.TOEGANG_GEWEIGERD
    assert regel.pad == "/agenda/feed/[geheim].ics" and regel.deelnemer_nummer is None
    assert token.split(".")[0] not in str(Toegangslog.objects.values().get())
