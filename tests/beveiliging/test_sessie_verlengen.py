"""De keep-alive van de sessie (`POST /sessie/verlengen/`) en de sessieklok op elke pagina.

De melding "Blijf ingelogd" en het typen in een formulier (static/js/sessie.js) gebruiken ze;
de browsertests in tests/browser/test_sessie.py laten dat zien. Hier: wat de server belooft.
"""

import re
import time

import pytest

from gemeenten import beveiliging
from gemeenten.beveiliging import LAATSTE_ACTIVITEIT, SESSIE_BEGIN
from tests.conftest import HttpsClient

pytestmark = pytest.mark.django_db

URL = "/sessie/verlengen/"
PAGINA = "/werkvoorraad/"


def _zet_sessie(client, **waarden):
    sessie = client.session
    sessie.update(waarden)
    sessie.save()


def _later(monkeypatch, seconden: int):
    """Laat de klok van de server `seconden` verder lopen."""
    nu = time.time() + seconden
    monkeypatch.setattr(beveiliging.time, "time", lambda: nu)


def test_verlengen_geeft_weer_een_volle_termijn_en_zegt_hoe_lang_de_sessie_nog_loopt(
    client, medewerker
):
    client.force_login(medewerker)
    nu = int(time.time())
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: nu - 29 * 60, SESSIE_BEGIN: nu - 3600})

    antwoord = client.post(URL)

    assert antwoord.status_code == 200
    tijden = antwoord.json()
    assert set(tijden) == {"inactief", "absoluut"}  # niets anders, zeker geen gegevens
    assert 30 * 60 - 2 <= tijden["inactief"] <= 30 * 60
    assert 11 * 3600 - 2 <= tijden["absoluut"] <= 11 * 3600
    assert client.session[LAATSTE_ACTIVITEIT] >= nu
    assert client.session[SESSIE_BEGIN] == nu - 3600
    assert "no-store" in antwoord["Cache-Control"]


@pytest.mark.parametrize("verlengd", [True, False], ids=["verlengd", "niet-verlengd"])
def test_na_verlengen_loopt_de_sessie_een_hele_termijn_door(
    client, medewerker, monkeypatch, verlengd
):
    client.force_login(medewerker)
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: int(time.time()) - 29 * 60})
    if verlengd:
        assert client.post(URL).status_code == 200

    _later(monkeypatch, 5 * 60)  # 34 minuten na de laatste activiteit zonder keep-alive
    antwoord = client.get(PAGINA)

    if verlengd:
        assert antwoord.status_code == 200
    else:
        assert antwoord.status_code == 302
        assert antwoord["Location"] == f"/accounts/login/?next={PAGINA}"


def test_verlengen_schuift_de_twaalfurengrens_niet_op(client, medewerker, monkeypatch):
    client.force_login(medewerker)
    nu = int(time.time())
    _zet_sessie(client, **{SESSIE_BEGIN: nu - 12 * 3600 + 60, LAATSTE_ACTIVITEIT: nu})

    tijden = client.post(URL).json()

    assert tijden["absoluut"] <= 60
    assert tijden["inactief"] > 60  # de melding noemt dan de twaalfurengrens (die eerder komt)
    _later(monkeypatch, 90)
    antwoord = client.post(URL)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/accounts/login/")
    assert "na twaalf uur verlopen" in client.get(antwoord["Location"]).content.decode()


def test_een_verlopen_sessie_wordt_niet_meer_verlengd(client, medewerker):
    client.force_login(medewerker)
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: int(time.time()) - 31 * 60})

    antwoord = client.post(URL)

    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/accounts/login/?next={URL}"
    assert "_auth_user_id" not in client.session


def test_verlengen_vraagt_het_csrf_token_van_de_pagina(medewerker):
    client = HttpsClient(enforce_csrf_checks=True)
    client.force_login(medewerker)
    herkomst = {"HTTP_REFERER": f"https://testserver{PAGINA}"}

    assert client.post(URL, **herkomst).status_code == 403

    pagina = client.get(PAGINA).content.decode()
    token = re.search(r'id="sessie-melding"[^>]*data-csrf="([^"]+)"', pagina, re.S).group(1)
    antwoord = client.post(URL, HTTP_X_CSRFTOKEN=token, **herkomst)
    assert antwoord.status_code == 200
    assert antwoord.json()["inactief"] > 0


@pytest.mark.parametrize(
    ("geleden", "verwacht"),
    [(10 * 60, 30 * 60), (30, 30 * 60 - 30)],
    ids=["activiteit-weggeschreven", "binnen-de-minuut"],
)
def test_elke_pagina_geeft_de_klok_van_de_sessie_mee(client, medewerker, geleden, verwacht):
    client.force_login(medewerker)
    nu = int(time.time())
    _zet_sessie(client, **{LAATSTE_ACTIVITEIT: nu - geleden, SESSIE_BEGIN: nu - 2 * 3600})

    pagina = client.get(PAGINA).content.decode()

    melding = re.search(r'<dialog id="sessie-melding"[^>]*>', pagina, re.S).group(0)
    klok = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', melding))
    assert klok["termijn"] == "1800"
    # De pagina zelf is activiteit, maar de server schrijft die hooguit eens per minuut weg;
    # de klok op de pagina volgt wat de server bewaart.
    assert verwacht - 2 <= int(klok["inactief"]) <= verwacht
    assert 10 * 3600 - 2 <= int(klok["absoluut"]) <= 10 * 3600
    assert klok["waarschuwen"] == "120"  # twee minuten van tevoren
    assert klok["verlengen-na"] == "60"  # typen verlengt hooguit eens per minuut
    assert klok["verlengen-url"] == URL
    assert 'role="alertdialog"' in melding


def test_zonder_sessie_geen_klok(client):
    assert 'id="sessie-melding"' not in client.get("/accounts/login/").content.decode()


def test_een_korte_termijn_houdt_waarschuwen_en_verlengen_binnen_de_termijn(settings):
    settings.SESSIE_INACTIEF_SECONDEN = 20
    nu = int(time.time())

    tijden = beveiliging.sessietijden({LAATSTE_ACTIVITEIT: nu - 5, SESSIE_BEGIN: nu - 5}, nu=nu)

    assert (tijden.termijn, tijden.inactief, tijden.waarschuwen, tijden.verlengen_na) == (
        20, 15, 10, 5
    )
