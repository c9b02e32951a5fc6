"""De cache-operaties van de rapportage, afgeschermd, en het geheugen van dit proces.

Elke operatie faalt nooit: een fout of time-out (Redis weg of hangend; korte socket-time-outs
in `CACHES`) geeft de standaardwaarde en zet de cache `STORING_SECONDEN` lang uit in dit proces,
zodat een hangende Redis hooguit één time-out per proces per storing kost. Het geheugen van het
proces bewaart de laatst gelezen of berekende ingang per deel (hooguit `LOKAAL_MAX`), voor als
Redis wegvalt (`cache.py`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict

from django.core.cache import cache

log = logging.getLogger(__name__)

#: Na een cachefout wordt de cache in dit proces zo lang overgeslagen.
STORING_SECONDEN = 10
LOKAAL_MAX = 32

_storing_tot = 0.0
_LOKAAL: OrderedDict = OrderedDict()
_slot = threading.Lock()
_bezig: set[str] = set()


def bereikbaar() -> bool:
    return time.monotonic() >= _storing_tot


def _veilig(operatie, *args, standaard=None, **kwargs):
    global _storing_tot
    if not bereikbaar():
        return standaard
    try:
        return operatie(*args, **kwargs)
    except Exception as fout:  # noqa: BLE001 - elke cachefout: zonder cache verder, nooit een 500
        _storing_tot = time.monotonic() + STORING_SECONDEN
        log.warning("Rapportagecache onbereikbaar (%s: %s); %s s zonder cache.",
                    type(fout).__name__, fout, STORING_SECONDEN)
        return standaard


def get(sleutel):
    return _veilig(cache.get, sleutel)


def get_many(sleutels) -> dict:
    return _veilig(cache.get_many, sleutels, standaard={}) or {}


def set_many(waarden: dict, timeout: int) -> None:
    _veilig(cache.set_many, waarden, timeout=timeout)


def add(sleutel, waarde, timeout: int) -> bool:
    return bool(_veilig(cache.add, sleutel, waarde, timeout=timeout, standaard=False))


def delete(sleutel) -> None:
    _veilig(cache.delete, sleutel)


# --- het geheugen van dit proces ---------------------------------------------------------------


def onthoud(sleutel: str, ingang) -> None:
    with _slot:
        _LOKAAL[sleutel] = ingang
        _LOKAAL.move_to_end(sleutel)
        while len(_LOKAAL) > LOKAAL_MAX:
            _LOKAAL.popitem(last=False)


def lokaal(sleutel: str):
    with _slot:
        return _LOKAAL.get(sleutel)


def begin_lokaal(sleutel: str) -> bool:
    """Claimt de ene herberekening van `sleutel` in dit proces (False: er loopt er al een)."""
    with _slot:
        if sleutel in _bezig:
            return False
        _bezig.add(sleutel)
        return True


def einde_lokaal(sleutel: str) -> None:
    with _slot:
        _bezig.discard(sleutel)
