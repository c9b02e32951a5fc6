"""PostgreSQL met een termijn aan de kant van de app: een databaseverbinding die niet meer
antwoordt, wordt na `DB_STATEMENT_TIMEOUT` + `MARGE` seconden verbroken.

De `statement_timeout` van PostgreSQL (zie de instellingen) stopt een trage query op de server.
Hangt de verbinding zelf (een netwerkstoring, een proxy of failover die pakketten vasthoudt),
dan hoort de server daar niets van en wacht psycopg eeuwig: elke request tot gunicorn de worker
na 30 s afschiet. Daarom bewaakt één waakhondthread per proces elke query, elke COMMIT en
ROLLBACK, de gezondheidscontrole van een hergebruikte verbinding en het instellen van een nieuwe;
is de termijn om, dan sluit hij de socket (shutdown). psycopg geeft dan een `OperationalError`,
en de app een 503 (`config/storing.py`). Zonder termijn (0, de standaard buiten gunicorn) doet
deze backend precies wat de gewone doet.

Daarnaast een stroomonderbreker: verliep een termijn of de connect-timeout, dan falen nieuwe
verbindingen in dit proces `STORINGSPAUZE` seconden lang meteen, in plaats van elk verzoek weer
3 s te laten wachten (en de threads vast te houden waar `/healthz` achter staat); queries die al
wachten, worden meteen verbroken. Daarna mag één verbinding het proberen (half open); lukt dat,
dan gaat hij dicht. `/healthz` omzeilt hem (`zonder_onderbreker`) en sluit hem zodra de database
weer antwoordt.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from contextlib import contextmanager

from django.db.backends.postgresql import base

logger = logging.getLogger(__name__)

#: Seconden bovenop `statement_timeout`: de server krijgt eerst de kans zelf af te breken.
MARGE = 2.0
#: Seconden dat nieuwe verbindingen meteen falen nadat de database niet op tijd antwoordde.
STORINGSPAUZE = 5.0

#: 0: dicht (verbinden mag); anders tot wanneer nieuwe verbindingen meteen falen.
_onderbreker = {"tot": 0.0}
_onderbreker_lock = threading.Lock()
_omzeilen = threading.local()


def onderbreek() -> None:
    """De database antwoordt niet: nieuwe verbindingen even meteen laten falen, en de verbindingen
    die nu op een antwoord wachten (in andere threads van dit proces) niet hun hele termijn laten
    uitzitten, maar meteen verbreken."""
    al_open = time.monotonic() < _onderbreker["tot"]
    _onderbreker["tot"] = time.monotonic() + STORINGSPAUZE
    if not al_open:
        waakhond.verbreek_alle()


@contextmanager
def zonder_onderbreker():
    """Voor `/healthz`: deze thread probeert het altijd echt."""
    _omzeilen.aan = True
    try:
        yield
    finally:
        _omzeilen.aan = False


class _Waakhond:
    """Eén thread per proces; `bewaak` meldt een databaseoperatie aan met een uiterste tijd."""

    def __init__(self):
        self._lock = threading.Lock()
        self._actief: dict[int, tuple[float, base.DatabaseWrapper]] = {}
        self._pid = None

    def _start(self):
        # Na een fork (gunicorn-workers) bestaat de thread van de ouder niet meer.
        if self._pid != os.getpid():
            self._pid = os.getpid()
            threading.Thread(target=self._loop, name="db-waakhond", daemon=True).start()

    def _loop(self):
        while True:
            time.sleep(0.1)
            nu = time.monotonic()
            with self._lock:
                verlopen = [w for t, w in self._actief.values() if t <= nu]
            for wrapper in verlopen:
                _verbreek(wrapper)

    def verbreek_alle(self):
        with self._lock:
            actief = [w for _, w in self._actief.values()]
        for wrapper in actief:
            _sluit_socket(wrapper)

    @contextmanager
    def bewaak(self, wrapper, seconden: float):
        sleutel = id(wrapper)
        if seconden <= 0 or sleutel in self._actief:  # geen termijn, of al bewaakt (genest)
            yield
            return
        with self._lock:
            self._start()
            self._actief[sleutel] = (time.monotonic() + seconden, wrapper)
        try:
            yield
        finally:
            with self._lock:
                self._actief.pop(sleutel, None)


def _verbreek(wrapper) -> None:
    # Eerst de onderbreker (die ook deze socket sluit): wie wakker wordt, ziet hem al open staan.
    onderbreek()
    if _sluit_socket(wrapper):
        logger.warning("database antwoordt niet binnen de termijn: verbinding verbroken")


def _sluit_socket(wrapper) -> bool:
    verbinding = wrapper.connection
    try:
        fd = verbinding.pgconn.socket if verbinding is not None else -1
    except Exception:  # al gesloten
        return False
    if fd < 0:
        return False
    # Een duplicaat van de descriptor: shutdown geldt voor de socket zelf, dus ook voor psycopg.
    s = socket.socket(fileno=os.dup(fd))
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        s.close()
    return True


waakhond = _Waakhond()


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._bewaakte_query)

    @property
    def termijn(self) -> float:
        seconden = float(self.settings_dict.get("STATEMENT_TIMEOUT") or 0)
        return seconden + MARGE if seconden > 0 else 0

    def get_new_connection(self, conn_params):
        if not getattr(_omzeilen, "aan", False):
            with _onderbreker_lock:
                nu, tot = time.monotonic(), _onderbreker["tot"]
                if nu < tot:
                    raise base.Database.OperationalError(
                        "database antwoordde net niet op tijd: nieuwe verbinding overgeslagen"
                    )
                if tot:
                    # Half open: deze verbinding is de proef; de andere falen tot ze klaar is.
                    _onderbreker["tot"] = nu + float(conn_params.get("connect_timeout") or 3) + 1
        try:
            verbinding = super().get_new_connection(conn_params)
        except base.Database.errors.ConnectionTimeout:
            onderbreek()
            raise
        except base.Database.Error:
            # Snel geweigerd (server weg): dat houdt geen thread vast, geen onderbreker nodig.
            _onderbreker["tot"] = 0.0
            raise
        _onderbreker["tot"] = 0.0  # de database is terug
        return verbinding

    def _bewaakte_query(self, execute, sql, params, many, context):
        with waakhond.bewaak(self, self.termijn):
            return execute(sql, params, many, context)

    def init_connection_state(self):
        with waakhond.bewaak(self, self.termijn):
            return super().init_connection_state()

    def is_usable(self):
        with waakhond.bewaak(self, self.termijn):
            return super().is_usable()

    def _commit(self):
        with waakhond.bewaak(self, self.termijn):
            return super()._commit()

    def _rollback(self):
        with waakhond.bewaak(self, self.termijn):
            return super()._rollback()
