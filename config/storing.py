"""Een storing van de database: een Nederlandse 503-pagina in plaats van een 500, en één
logregel per storing in plaats van een stacktrace per verzoek.

`handler500` (config/urls.py) is `serverfout`: Django roept hem aan voor elke exceptie die een
view of middleware niet afvangt. Is dat een `OperationalError` of `InterfaceError` van de
database (onbereikbaar, verbinding verbroken, termijn verstreken), dan volgt
`templates/503.html` ("tijdelijk niet beschikbaar", met `Retry-After`); anders de gewone
500-pagina. De 503-pagina raakt de database niet (geen gebruiker, geen sessie, geen menu).

Was het een POST, dan weet niemand of de wijziging is opgeslagen (de verbinding kan tijdens of
na de COMMIT zijn weggevallen). De pagina zegt dat dan, en zegt niet "niets half opgeslagen";
`_formulierpagina` (trajecten/views/basis.py) geeft de link naar het dossier mee
(`request.uitkomst_onbekend`), zodat de gebruiker eerst kan kijken. Opnieuw proberen is veilig:
de services geven bij dubbel verzenden het bestaande record terug.

Loggen: per proces één regel (met stacktrace) aan het begin van een storing; daarna hoogstens
één regel per `STILTE` seconden met het aantal 503's sindsdien. `ZonderDatabasestoring` houdt
de stacktrace die `django.request` per verzoek zou loggen, uit het log.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from django.db.utils import InterfaceError, OperationalError

logger = logging.getLogger("config.storing")

#: Seconden zonder melding na een gemelde storing; elke 503 daarbinnen telt alleen mee.
STILTE = 60.0
#: Seconden die de 503 noemt in `Retry-After`.
OPNIEUW_NA = 30



class Demper:
    """Een melding hoogstens eens per `stilte` seconden (per proces), met het aantal keren dat
    ze sindsdien zweeg. Voor storingen die per verzoek opnieuw optreden."""

    def __init__(self, stilte: float = STILTE):
        self.stilte = stilte
        self._lock = threading.Lock()
        self.gemeld: float | None = None
        self.sindsdien = 0

    def melden(self, *, nu: float | None = None) -> int | None:
        """None: nu zwijgen; anders het aantal keren gezwegen sinds de vorige melding."""
        nu = time.monotonic() if nu is None else nu
        with self._lock:
            if self.gemeld is not None and nu - self.gemeld < self.stilte:
                self.sindsdien += 1
                return None
            sindsdien, self.sindsdien, self.gemeld = self.sindsdien, 0, nu
            return sindsdien


_pagina_demper = Demper()


def databasestoring(exc: BaseException | None) -> bool:
    """Komt `exc` (of de oorzaak ervan) door een database die niet (goed) antwoordt?"""
    while exc is not None:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        exc = exc.__cause__
    return False


def meld_storing(exc: BaseException, *, nu: float | None = None) -> bool:
    """Logt de storing als er `STILTE` seconden geen melding was; geeft terug of er gelogd is."""
    sindsdien = _pagina_demper.melden(nu=nu)
    if sindsdien is None:
        return False
    logger.error(
        "database onbereikbaar (%s): pagina's geven 503; %d verzoeken met 503 sinds de vorige "
        "melding, volgende melding hoogstens over %d s",
        type(exc).__name__, sindsdien, STILTE, exc_info=(type(exc), exc, exc.__traceback__),
    )
    return True


class ZonderDatabasestoring(logging.Filter):
    """Voor `django.request`: geen stacktrace per verzoek bij een databasestoring (die meldt
    `meld_storing` één keer)."""

    def filter(self, record):
        return not (record.exc_info and databasestoring(record.exc_info[1]))


def storingspagina(request, exc: BaseException):
    from django.http import HttpResponse
    from django.template.loader import render_to_string

    meld_storing(exc)
    context = {
        "post": request.method == "POST",
        "controleer": getattr(request, "uitkomst_onbekend", None),
    }
    antwoord = HttpResponse(render_to_string("503.html", context), status=503)
    antwoord["Retry-After"] = str(OPNIEUW_NA)
    antwoord["Cache-Control"] = "no-store"
    antwoord._has_been_logged = True  # Django's "Service Unavailable: /pad" per verzoek niet
    return antwoord


def serverfout(request):
    """`handler500`: een databasestoring → 503 (`storingspagina`), anders de gewone 500."""
    from django.views.defaults import server_error

    exc = sys.exc_info()[1]
    if databasestoring(exc):
        return storingspagina(request, exc)
    return server_error(request)
