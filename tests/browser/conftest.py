"""Browsertests: echte Chromium (Debian-pakket) tegen de app op pytest-django's `live_server`.

- Zonder `/usr/bin/chromium` wordt deze hele map overgeslagen, met één regel uitleg.
  `.ci/run` installeert Chromium, dus in CI draaien ze altijd.
- Playwright downloadt nooit een eigen browser: `executable_path` wijst naar Debians Chromium.
- Eén browser per testsessie; elke test krijgt een eigen, schone context (cookies, opslag).
- De database is transactioneel (de server draait in een andere thread) met
  `serialized_rollback`, zodat de gemeenten en programma's uit de datamigraties na elke test
  terugkomen.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.creation import BaseDatabaseCreation
from django.test.utils import override_settings

CHROMIUM = Path("/usr/bin/chromium")
HIER = Path(__file__).parent
ONTBREEKT = "" if CHROMIUM.exists() else (
    f"Chromium ontbreekt ({CHROMIUM}): browsertests overgeslagen"
)


def pytest_collection_modifyitems(config, items):
    """Zonder Chromium: elke test in deze map overgeslagen (er start dan ook geen browser)."""
    if ONTBREEKT:
        overslaan = pytest.mark.skip(reason=ONTBREEKT)
        for item in items:
            if item.path.is_relative_to(HIER):
                item.add_marker(overslaan)


def pytest_terminal_summary(terminalreporter):
    if ONTBREEKT:
        terminalreporter.write_line(ONTBREEKT, yellow=True, bold=True)

# Playwrights synchrone API houdt in de testthread een event loop open; Django weigert dan
# ORM-aanroepen uit die thread. Alleen deze tests (de fixtures die data klaarzetten en de
# controles achteraf) hebben dit nodig; de app zelf draait in de thread van de live server.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

# De referentiegegevens uit de datamigraties (gemeenten, programma's, doelen), zoals
# pytest-django ze bij het opzetten van de testdatabase serialiseert voor `serialized_rollback`.
# Playwrights synchrone API laat de testcode in een andere contextvars-context draaien dan die
# waarin de database is opgezet; Django's verbindingen zijn per context, dus de verbinding die
# de tests zien, mist de geserialiseerde inhoud. Die wordt hier onthouden en in
# `_referentiedata` op de verbinding van de test gezet.
_GESERIALISEERD: dict[str, str] = {}
_serialiseer = BaseDatabaseCreation.serialize_db_to_string


def _serialiseer_en_onthoud(self):
    inhoud = _serialiseer(self)
    _GESERIALISEERD[self.connection.alias] = inhoud
    return inhoud


BaseDatabaseCreation.serialize_db_to_string = _serialiseer_en_onthoud

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(request, django_db_setup):
    """pytest-django's live server, maar gestart zonder de redirect naar HTTPS.

    `SecurityMiddleware` leest `SECURE_SSL_REDIRECT` één keer, bij het opbouwen van de
    middlewareketen in de serverthread; een `settings`-fixture per test komt daarvoor te laat.
    De server start na `django_db_setup`, zodat hij de testdatabase gebruikt.
    """
    from pytest_django.live_server_helper import LiveServer

    adres = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    # Zonder STATIC_ROOT zoekt WhiteNoise geen (niet verzamelde) bestanden en waarschuwt hij
    # niet; de server van pytest-django levert de statische bestanden zelf via de finders.
    with override_settings(SECURE_SSL_REDIRECT=False, STATIC_ROOT=None):
        server = LiveServer(adres)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relatieve paden in `page.goto("/werkvoorraad/")` gaan naar de live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 900},
        "accept_downloads": True,
    }


@pytest.fixture
def context(context):
    from tests.browser.hulp import AXE, AXE_PAD

    # Het favicon-verzoek van de browser zou parallel aan de pagina een 404 (en een regel in
    # het toegangslog) geven; dat is ruis die niets test.
    context.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    # axe-core voor de toegankelijkheidstests, uit tests/browser/vendor/ in plaats van uit de
    # statische bestanden van de app.
    context.route(f"**{AXE_PAD}", lambda route: route.fulfill(
        path=AXE, content_type="text/javascript; charset=utf-8"
    ))
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(autouse=True)
def _referentiedata(django_db_serialized_rollback):
    """Elke test begint met de gemeenten, programma's en doelen uit de datamigraties.

    Zie `_GESERIALISEERD`: zodra de verbinding van de test de inhoud kent, herstelt Django
    hem zelf vóór elke volgende test (en flusht hij erna zonder post_migrate).
    """
    from django.contrib.contenttypes.models import ContentType

    from gemeenten.models import Gemeente

    verbinding = connections[DEFAULT_DB_ALIAS]
    if not hasattr(verbinding, "_test_serialized_contents"):
        inhoud = _GESERIALISEERD[DEFAULT_DB_ALIAS]
        verbinding._test_serialized_contents = inhoud
        if not Gemeente.objects.exists():
            # Na een flush door een eerdere transactionele test maakt post_migrate de
            # contenttypes opnieuw, soms met andere nummers; de geserialiseerde inhoud brengt
            # de oorspronkelijke (en de rechten die eraan hangen) terug.
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            verbinding.creation.deserialize_db_from_string(inhoud)


@pytest.fixture(autouse=True)
def _live_server_instellingen(settings, _referentiedata, live_server):
    """De live server praat gewoon HTTP (geen TLS-proxy ervoor) en er is geen `collectstatic`.

    - Statische bestanden komen via de finders (pytest-django's StaticFilesHandler); de
      manifest-opslag van productie zou een ontbrekend manifest melden.
    - Zonder HTTPS: geen `Secure`-cookies (de redirect naar https staat uit, zie `live_server`).
      De rest van de beveiligingsheaders, waaronder de Content-Security-Policy, blijft aan.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Wachtwoorden hashen kost met de echte hasher ruim een halve seconde per gebruiker; het
    # inloggen zelf (wachtwoord controleren) blijft gewoon echt.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # De rapportagecache (locmem, per proces) overleeft de flush tussen tests; een
    # gegevensversie kan na de flush weer dezelfde zijn.
    cache.clear()


@pytest.fixture
def lopend_programma(db):
    """Het programma Vervolg Banenoffensief loopt vandaag. De looptijd is data (2026–2027);
    zo blijven de tests ook daarna zinvol."""
    from rapportage.models import Programma

    programma = Programma.objects.get(naam="Vervolg Banenoffensief")
    vandaag = datetime.date.today()
    if not programma.startdatum <= vandaag <= programma.einddatum:
        programma.startdatum = vandaag - datetime.timedelta(days=180)
        programma.einddatum = vandaag + datetime.timedelta(days=540)
        programma.save()
    return programma
