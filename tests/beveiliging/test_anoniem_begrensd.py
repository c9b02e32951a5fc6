"""Een anonieme bezoeker kan de database niet laten groeien.

Vóór issue 12 maakte elke GET van de inlogpagina een sessierij en elke mislukte poging een
toegangslogregel met een zelfgekozen gebruikersnaam, onbeperkt. Nu: geen sessie zonder reden,
een korte gebruikersnaam, een grens per IP-adres en een bewaartermijn
(`test_logboeken_opschonen.py`).
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session

from gemeenten.models import Toegangslog
from tests.beveiliging.hulp import INLOGGEN, maak_apparaat, stap_wachtwoord

pytestmark = pytest.mark.django_db

FOUT = "helemaal-niet-het-wachtwoord"


def test_inlogpagina_opvragen_maakt_geen_sessie(client):
    for _ in range(3):
        antwoord = client.get(INLOGGEN)
        assert antwoord.status_code == 200
        assert "Inloggen" in antwoord.content.decode()
    assert Session.objects.count() == 0
    # Ook een pagina die naar het inloggen stuurt niet.
    assert client.get("/deelnemers/").status_code == 302
    assert Session.objects.count() == 0


def test_verkeerd_wachtwoord_maakt_geen_sessie(client, medewerker):
    antwoord = stap_wachtwoord(client, medewerker.username, FOUT)
    assert antwoord.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in antwoord.content.decode()
    assert Session.objects.count() == 0


@pytest.mark.mfa
def test_juist_wachtwoord_bewaart_de_sessie_voor_de_code(client, medewerker, wachtwoord):
    """Na een juist wachtwoord valt er iets te onthouden: wie er op de code wacht."""
    maak_apparaat(medewerker)
    antwoord = stap_wachtwoord(client, medewerker.username, wachtwoord)
    assert "Voer de zescijferige code in" in antwoord.content.decode()
    assert Session.objects.count() == 1


def test_zelfgekozen_gebruikersnaam_wordt_kort_en_zonder_stuurtekens_gelogd(client):
    naam = "\x1b[31m" + "x" * 140 + "\r\nnep-regel"
    stap_wachtwoord(client, naam[:150], FOUT)
    regel = Toegangslog.objects.get(actie=Toegangslog.Actie.INLOGGEN_MISLUKT)
    assert len(regel.gebruikersnaam) == 64
    assert regel.gebruikersnaam.endswith("…")
    assert "\x1b" not in regel.gebruikersnaam
    assert "\r" not in regel.gebruikersnaam


def test_groot_inlogverzoek_komt_niet_in_de_logboeken(client, medewerker):
    """django-axes plakt de POST van elke mislukte poging aan elkaar: 2,5 MB per poging zou per
    gebruikersnaam + IP onbegrensd groeien. Een inlogformulier is een paar honderd bytes."""
    antwoord = client.post(INLOGGEN, {
        "inloggen-current_step": "auth", "auth-username": medewerker.username,
        "auth-password": FOUT, "opvulling": "x" * 100_000,
    })
    assert antwoord.status_code == 413
    assert not AccessAttempt.objects.exists()
    assert not Toegangslog.objects.exists()
    assert Session.objects.count() == 0
    # Een gewoon verzoek wordt wel gewoon behandeld.
    assert stap_wachtwoord(client, medewerker.username, FOUT).status_code == 200
    assert len(AccessAttempt.objects.get().post_data) < 1000


def test_inlogpogingen_per_ip_begrensd(client, medewerker, wachtwoord, settings):
    settings.INLOGLIMIET_PER_IP = ["3/m"]
    for _ in range(3):
        assert stap_wachtwoord(client, f"bestaat-niet-{_}", FOUT).status_code == 200

    antwoord = stap_wachtwoord(client, medewerker.username, wachtwoord)

    assert antwoord.status_code == 429
    assert "Te veel inlogpogingen" in antwoord.content.decode()
    # De geweigerde poging schrijft niets: geen logregel, geen sessie (dus ook niet ingelogd).
    assert Toegangslog.objects.count() == 3
    assert Session.objects.count() == 0
    # Een ander adres heeft zijn eigen teller.
    ander = stap_wachtwoord(client, medewerker.username, wachtwoord, REMOTE_ADDR="192.0.2.44")
    assert ander.status_code == 302


def test_inloglimiet_is_niet_te_omzeilen_met_x_forwarded_for(client, settings):
    settings.INLOGLIMIET_PER_IP = ["3/m"]
    settings.VERTROUWDE_PROXIES = 1
    settings.VERTROUWDE_PROXY_ADRESSEN = ["10.9.9.9"]
    antwoorden = [
        stap_wachtwoord(client, "iemand", FOUT, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
        for i in range(5)
    ]
    assert [a.status_code for a in antwoorden] == [200, 200, 200, 429, 429]


def test_inloglimiet_telt_ipv6_per_aansluiting(client, settings):
    """Eén IPv6-aansluiting heeft een heel /64: elk adres daarin telt als hetzelfde."""
    settings.INLOGLIMIET_PER_IP = ["2/m"]
    statussen = [
        stap_wachtwoord(client, "iemand", FOUT, REMOTE_ADDR=f"2001:db8:1:2::{i}").status_code
        for i in range(1, 4)
    ]
    assert statussen == [200, 200, 429]


def test_alleen_posts_tellen(client, settings):
    settings.INLOGLIMIET_PER_IP = ["2/m"]
    for _ in range(5):
        assert client.get(INLOGGEN).status_code == 200
    assert stap_wachtwoord(client, "iemand", FOUT).status_code == 200
