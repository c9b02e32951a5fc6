"""Geen BSN-orakel (issue 12).

Een medewerker van Groningen die een BSN registreert, importeert of invult dat al bij een
deelnemer in Emmen hoort, krijgt precies het antwoord dat hij ook krijgt als de database het BSN
weigert zonder te zeggen van wie (twee gelijktijdige registraties): dezelfde pagina met dezelfde
neutrale melding, dezelfde status, een vergelijkbaar aantal queries, en er wordt niets
vastgelegd op dat BSN. Wel komt er een regel in het toegangslog en een melding voor de
beheerder ("BSN bestaat in andere gemeente") met beide gemeenten, wie en wanneer, zonder BSN.
Binnen de eigen gemeenten blijft de behulpzame melding met de link naar het dossier.
"""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gemeenten.models import BsnMelding, Toegangslog
from gemeenten.toegang import PRIVACYGROEP
from trajecten import services
from trajecten.factories import DeelnemerFactory, genereer_bsn
from trajecten.forms import DeelnemerForm
from trajecten.importeren import KOLOMMEN
from trajecten.models import Deelnemer
from trajecten.services import deelnemer as deelnemer_services

pytestmark = pytest.mark.django_db

NEUTRAAL = str(services.BSN_NIET_BRUIKBAAR)
BEHULPZAAM = str(services.BSN_BESTAAT)


@pytest.fixture
def in_emmen(emmen):
    return DeelnemerFactory(gemeente=emmen, voornaam="Yonas", achternaam="Ghebremedhin")


def _registratie(gemeente, bsn: str) -> dict:
    return {
        "voornaam": "Hiba", "achternaam": "Mansour", "geboortedatum": "1991-03-04",
        "land_van_herkomst": "SY", "gemeente": gemeente.pk, "bsn": bsn, "taalniveau": "a2",
        "opleidingsniveau": "mbo", "inburgering": "bezig", "toestemming_datum": "2026-01-05",
    }


def _zonder_csrf(html: str) -> str:
    """Zonder wat per antwoord anders is: de CSRF-tokens (in formulieren en `data-csrf`) en de
    resterende seconden van de sessieklok (`data-inactief`, `data-absoluut`), die een tel
    verschillen als het tweede antwoord in een volgende seconde valt."""
    return re.sub(
        r'(name="csrfmiddlewaretoken" value|data-csrf|data-inactief|data-absoluut)="[^"]+"', "",
        html,
    )


def _registreer(client, gemeente, bsn):
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.post("/deelnemers/nieuw/", _registratie(gemeente, bsn))
    return antwoord, len(queries)


# --- registreren ---------------------------------------------------------------------------------


def test_bsn_uit_een_andere_gemeente_krijgt_hetzelfde_antwoord_als_een_weigering_van_de_database(
    client, medewerker, groningen, in_emmen, monkeypatch
):
    """De weigering van de database (twee gelijktijdige registraties) zegt niets over het andere
    dossier; het antwoord op "bestaat in een gemeente die u niet ziet" is er niet van te
    onderscheiden: dezelfde status, dezelfde pagina, ongeveer evenveel werk."""
    client.force_login(medewerker)
    elders, elders_queries = _registreer(client, groningen, in_emmen.bsn)

    # De race: de controle vooraf ziet het BSN nog niet, de unieke index weigert het.
    monkeypatch.setattr(
        deelnemer_services, "weiger_bsn_van_andere_gemeente", lambda **_kwargs: None
    )
    race, race_queries = _registreer(client, groningen, in_emmen.bsn)

    assert elders.status_code == race.status_code == 200
    assert _zonder_csrf(elders.content.decode()) == _zonder_csrf(race.content.decode())
    assert elders.context["form"].errors["bsn"] == [NEUTRAAL]
    # Dezelfde orde van grootte aan werk (een tijdmeting hoort niet in een unittest; het
    # aantal queries bepaalt hier de tijd): geen van beide doet twee keer zoveel.
    assert elders_queries < 2 * race_queries and race_queries < 2 * elders_queries
    assert Deelnemer.objects.count() == 1


def test_de_neutrale_weigering_verraadt_niets_en_legt_niets_vast(
    client, medewerker, groningen, in_emmen
):
    client.force_login(medewerker)
    antwoord, _ = _registreer(client, groningen, in_emmen.bsn)

    html = antwoord.content.decode()
    assert NEUTRAAL in html
    for verraad in ("bestaat", "al een deelnemer", "Emmen", in_emmen.achternaam,
                    f"/deelnemers/{in_emmen.pk}/", in_emmen.bsn_gemaskeerd):
        assert verraad not in html, verraad
    # Niets geclaimd: er is geen dossier bij gekomen en het BSN blijft van Emmen.
    assert list(Deelnemer.objects.values_list("pk", flat=True)) == [in_emmen.pk]


def test_de_weigering_staat_in_het_toegangslog_zonder_bsn(
    client, medewerker, groningen, in_emmen
):
    client.force_login(medewerker)
    _registreer(client, groningen, in_emmen.bsn)

    regel = Toegangslog.objects.get(actie=Toegangslog.Actie.BSN_ANDERE_GEMEENTE)
    assert (regel.actor, regel.resultaat, regel.deelnemer_nummer) == (
        medewerker, Toegangslog.Resultaat.GEWEIGERD, in_emmen.pk)
    assert (regel.ip_adres, regel.pad) == ("127.0.0.1", "/deelnemers/nieuw/")
    tekst = " ".join(map(str, Toegangslog.objects.values().get(pk=regel.pk).values()))
    for geheim in (in_emmen.bsn, in_emmen.achternaam, "Mansour"):
        assert geheim not in tekst


def test_de_beheerder_krijgt_een_melding_met_beide_gemeenten(
    client, medewerker, groningen, emmen, in_emmen
):
    client.force_login(medewerker)
    _registreer(client, groningen, in_emmen.bsn)
    _registreer(client, groningen, in_emmen.bsn)  # nog een poging: geen tweede melding

    melding = BsnMelding.objects.get()
    assert (melding.gemeente, melding.gemeente_dossier, melding.deelnemer_nummer) == (
        groningen, emmen, in_emmen.pk)
    assert (melding.gemeld_door, melding.gebruikersnaam) == (medewerker, medewerker.username)
    assert melding.afgehandeld_op is None
    assert Toegangslog.objects.filter(actie=Toegangslog.Actie.BSN_ANDERE_GEMEENTE).count() == 2


def test_in_de_eigen_gemeente_blijft_de_behulpzame_melding(client, medewerker, groningen):
    eigen = DeelnemerFactory(gemeente=groningen)
    client.force_login(medewerker)
    antwoord, _ = _registreer(client, groningen, eigen.bsn)

    html = antwoord.content.decode()
    assert BEHULPZAAM in html and NEUTRAAL not in html
    assert f'href="/deelnemers/{eigen.pk}/"' in html  # het dossier, als mogelijke dubbele
    assert not BsnMelding.objects.exists()
    assert not Toegangslog.objects.filter(actie=Toegangslog.Actie.BSN_ANDERE_GEMEENTE).exists()


def test_een_medewerker_van_beide_gemeenten_krijgt_de_behulpzame_melding(
    client, medewerker, groningen, emmen, in_emmen
):
    from gemeenten.constants import Rol
    from gemeenten.factories import LidmaatschapFactory

    LidmaatschapFactory(user=medewerker, gemeente=emmen, rol=Rol.MEDEWERKER)
    client.force_login(medewerker)
    antwoord, _ = _registreer(client, groningen, in_emmen.bsn)
    assert BEHULPZAAM in antwoord.content.decode()
    assert not BsnMelding.objects.exists()


# --- persoonsgegevens wijzigen -------------------------------------------------------------------


def test_wijzigen_naar_een_bsn_uit_een_andere_gemeente(client, medewerker, groningen, in_emmen):
    eigen = DeelnemerFactory(gemeente=groningen)
    client.force_login(medewerker)
    data = {
        k: v for k, v in DeelnemerForm.initial_uit(eigen).items() if v is not None
    } | {"bsn": in_emmen.bsn}

    antwoord = client.post(f"/deelnemers/{eigen.pk}/wijzigen/", data)

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bsn"] == [NEUTRAAL]
    assert "Emmen" not in antwoord.content.decode()
    oud_bsn = eigen.bsn
    eigen.refresh_from_db()
    assert eigen.bsn == oud_bsn
    assert BsnMelding.objects.get().deelnemer_nummer == in_emmen.pk


def test_service_weigert_ook_buiten_een_formulier(medewerker, groningen, in_emmen):
    with pytest.raises(ValidationError) as fout:
        services.deelnemer_registreren(
            door=medewerker, gemeente=groningen, voornaam="Hiba", achternaam="Mansour",
            geboortedatum=in_emmen.geboortedatum, land_van_herkomst="SY", bsn=in_emmen.bsn,
        )
    assert fout.value.message_dict == {"bsn": [NEUTRAAL]}
    assert BsnMelding.objects.count() == 1


# --- importeren ----------------------------------------------------------------------------------


def _csv(*rijen: dict) -> SimpleUploadedFile:
    regels = [";".join(KOLOMMEN)] + [";".join(r.get(k, "") for k in KOLOMMEN) for r in rijen]
    return SimpleUploadedFile(
        "deelnemers.csv", ("\r\n".join(regels) + "\r\n").encode(), content_type="text/csv"
    )


def _rij(**extra) -> dict:
    return {"voornaam": "Robel", "achternaam": "Tekle", "geboortedatum": "1990-04-02",
            "land_van_herkomst": "ER", "gemeente": "GM0014", "toestemming_datum": "2026-01-05",
            **extra}


def test_import_met_bsns_uit_een_andere_gemeente(client, medewerker, groningen, emmen):
    anderen = [DeelnemerFactory(gemeente=emmen) for _ in range(3)]
    client.force_login(medewerker)
    bestand = _csv(*[
        _rij(voornaam=f"R{i}", bsn=d.bsn) for i, d in enumerate(anderen)
    ])

    antwoord = client.post("/deelnemers/import/", {"bestand": bestand}, follow=True)

    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert html.count(NEUTRAAL) == 3
    # "Alle deelnemers bestaan al" zou verraden dat ze elders bestaan.
    assert "lijkt al eerder geïmporteerd" not in html
    assert "Emmen" not in html and BEHULPZAAM not in html
    assert Deelnemer.objects.count() == 3
    assert sorted(BsnMelding.objects.values_list("deelnemer_nummer", flat=True)) == sorted(
        d.pk for d in anderen)
    assert set(BsnMelding.objects.values_list("gemeente", "gemeente_dossier")) == {
        (groningen.pk, emmen.pk)}
    assert Toegangslog.objects.filter(
        actie=Toegangslog.Actie.BSN_ANDERE_GEMEENTE, pad="/deelnemers/import/"
    ).count() == 3


def test_import_noemt_een_bsn_uit_de_eigen_gemeente_behulpzaam(client, medewerker, groningen):
    eigen = DeelnemerFactory(gemeente=groningen)
    client.force_login(medewerker)
    antwoord = client.post(
        "/deelnemers/import/", {"bestand": _csv(_rij(bsn=eigen.bsn))}, follow=True
    )
    html = antwoord.content.decode()
    assert BEHULPZAAM in html and NEUTRAAL not in html
    assert "lijkt al eerder geïmporteerd" in html
    assert not BsnMelding.objects.exists()


def test_een_vrij_bsn_wordt_gewoon_geimporteerd(client, medewerker):
    client.force_login(medewerker)
    antwoord = client.post("/deelnemers/import/", {"bestand": _csv(_rij(bsn=genereer_bsn()))})
    assert antwoord.status_code == 302
    assert Deelnemer.objects.count() == 1 and not BsnMelding.objects.exists()


# --- de lijst voor de beheerder ------------------------------------------------------------------


@pytest.fixture
def privacy(django_user_model):
    from django.contrib.auth.models import Group

    gebruiker = django_user_model.objects.create_user(
        "privacy-test", password="x", is_staff=True
    )
    gebruiker.groups.add(Group.objects.get(name=PRIVACYGROEP))
    return gebruiker


def test_lijst_in_de_admin_met_beide_gemeenten_wie_en_wanneer_zonder_bsn(
    client, privacy, medewerker, groningen, in_emmen
):
    client.force_login(medewerker)
    _registreer(client, groningen, in_emmen.bsn)
    client.force_login(privacy)

    antwoord = client.get("/admin/gemeenten/bsnmelding/")

    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "BSN bestaat in andere gemeente" in html
    for verwacht in ("Groningen", "Emmen", medewerker.username,
                     f"/admin/trajecten/deelnemer/{in_emmen.pk}/change/"):
        assert verwacht in html, verwacht
    for geheim in (in_emmen.bsn, in_emmen.bsn_gemaskeerd, in_emmen.achternaam, "Mansour"):
        assert geheim not in html, geheim


def test_afhandelen_en_een_nieuwe_poging_is_een_nieuwe_melding(
    client, privacy, medewerker, groningen, in_emmen
):
    client.force_login(medewerker)
    _registreer(client, groningen, in_emmen.bsn)
    melding = BsnMelding.objects.get()
    client.force_login(privacy)
    client.post("/admin/gemeenten/bsnmelding/", {
        "action": "markeer_afgehandeld", "_selected_action": [melding.pk],
    })
    melding.refresh_from_db()
    assert melding.afgehandeld_op is not None and melding.afgehandeld_door == privacy

    client.force_login(medewerker)
    _registreer(client, groningen, in_emmen.bsn)
    assert BsnMelding.objects.count() == 2
    assert BsnMelding.objects.open().count() == 1


def test_lijst_heeft_een_vast_aantal_queries(client, privacy, medewerker, groningen, emmen):
    def meldingen(aantal):
        for _ in range(aantal):
            services.bsn_andere_gemeente_melden(
                door=medewerker, bron="test",
                gevallen=[(groningen, services.BsnHouder(
                    DeelnemerFactory(gemeente=emmen).pk, emmen.pk, False))],
            )

    client.force_login(privacy)

    def tel():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/gemeenten/bsnmelding/").status_code == 200
        return len(queries)

    meldingen(2)
    klein = tel()
    meldingen(20)
    assert tel() == klein


def test_meldingen_zijn_niet_te_maken_of_te_wissen(client, privacy):
    client.force_login(privacy)
    assert client.get("/admin/gemeenten/bsnmelding/add/").status_code == 403
