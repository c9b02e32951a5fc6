"""Cache van de dashboardcijfers: per deel een versie, de laatste cijfers direct, één herberekening.

**Versie per deel.** Databasetriggers hogen de versie van (programma, gemeente) op in de
transactie van elke schrijfactie (`rapportage/triggers.py`). Een deel hangt af van:
- het landelijke dashboard (`LANDELIJK`): alle versies van zijn programma, van het programma
  waarmee het vergeleken wordt en de algemene versie (0, 0);
- de eigen cijfers van een deel van de gemeenten (`EIGEN`): de versies van (programma,
  gemeente) voor die gemeenten en de algemene. De landelijke doelen, de vergelijking en het
  landelijke cijfer ernaast komen uit het landelijke deel (`indicatoren.samenvoegen`).
Een schrijfactie in Emmen laat de eigen cijfers van Groningen dus warm; het landelijke deel
wordt één keer herberekend voor alle pagina's samen. Eén query leest alle versies (`stempels`).

**Stale-while-revalidate.** Een ingang bewaart zijn stempel (de versies toen hij berekend
werd), zijn stand (`peilmoment()`; bij elke lezing met gelijke versies schuift die op naar
het moment van die controle) en de rekenduur. Is de stempel verouderd maar de stand jonger
dan `MAX_ACHTERSTAND`, dan krijgt de lezer meteen die laatst bekende cijfers en start
(hooguit één per deel, met een slot met korte TTL) de taak `rapportage.herbereken` op de
Celery-wachtrij. Zonder broker draait die taak in het proces: dan rekent deze request zelf.
Is er geen bruikbare ingang, dan rekent de request zelf; wacht hij eerst op een ander die al
rekent, dan nooit langer dan die berekening de vorige keer duurde. Een wijziging staat zo
één herberekening na de eerste lezer op elk dashboard (de bench meet het), en de pagina zegt
hoe recent de cijfers zijn ("stand van 14:02:10") en of het de laatst bekende zijn.

**Zonder cache.** Elke cache-operatie is afgeschermd (`opslag.py`): een fout of time-out
(Redis weg of hangend; korte socket-time-outs in `CACHES`) zet de cache even uit in dit
proces. Dan komen de laatst bekende cijfers uit het geheugen van dit proces (elke ingang die
het las of rekende), met één herberekening per deel in een thread; zonder zo'n ingang rekent
de pagina live. De pagina zegt welke van de twee. Een slot heeft altijd een TTL.

`bereken(deel)` is het ene rekenpunt (versies lezen, stand, indicatoren): wie de cijfers van een
leesreplica wil laten komen, wikkelt die functie in; `peilmoment()` is de ene plek voor de stand.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from . import indicatoren, opslag

# Het rekenpunt (rekenpunt.py) is ook als `cache.bereken`, `cache.Deel`, `cache.EIGEN` … te
# gebruiken: taken, benchmark en tests kennen de cache als ingang.
from .rekenpunt import (  # noqa: F401
    EIGEN,
    LANDELIJK,
    Deel,
    Ingang,
    bereken,
    delen,
    peilmoment,
    stempels,
)

log = logging.getLogger(__name__)

#: Een ingang blijft zo lang bewaard (ook verouderd: dan is hij de 'laatst bekende').
BEWAAR_SECONDEN = 24 * 3600
#: Verouderde cijfers worden hooguit zo lang na hun stand nog getoond (tijdens herberekening);
#: daarna rekent de lezer zelf. Standaard zo lang als ze bewaard worden: bij 1 miljoen
#: trajecten duurt live rekenen langer dan de time-out van gunicorn, en de pagina zegt eerlijk
#: hoe oud de cijfers zijn. Een wijziging staat er één herberekening na de eerste lezer.
MAX_ACHTERSTAND = getattr(settings, "RAPPORTAGE_MAX_ACHTERSTAND", BEWAAR_SECONDEN)
#: Een actuele ingang krijgt hooguit zo vaak een nieuwe stand ('nog steeds exact om …').
CONTROLE_SECONDEN = 5
#: TTL van het herberekeningsslot: een gestorven rekenaar blokkeert nooit langer.
SLOT_SECONDEN = 30
#: Tussen het begin van twee herberekeningen van hetzelfde deel minstens zoveel seconden rust:
#: bij één schrijfactie per seconde rekent de worker niet onafgebroken (versheid blijft binnen
#: rust + twee berekeningen).
RUST_SECONDEN = getattr(settings, "RAPPORTAGE_RUST_SECONDEN", 30)
#: Wachten op een ander die al rekent: nooit langer dan dit (en nooit langer dan zijn rekenduur).
MAX_WACHTEN = 1.5
WACHT_STAP = 0.05


#: Hoe de pagina de herkomst van de cijfers noemt.
ACTUEEL = "actueel"  # uit de cache, bij de huidige versie
VORIGE = "vorige"  # laatst bekende cijfers; nieuwere worden berekend
LIVE = "live"  # in deze request berekend


def cache_aan() -> bool:
    return getattr(settings, "RAPPORTAGE_CACHE", True)


def _kop(ingang: Ingang) -> dict:
    return {"stempel": ingang.stempel, "stand": ingang.stand, "duur": ingang.duur}


# --- zonder Redis: het geheugen van dit proces --------------------------------------------------


def _herbereken_in_thread(deel: Deel) -> None:
    """Zonder Redis (dus ook zonder broker): één herberekening per deel per proces, in een
    thread, zodat de lezer niet wacht."""
    if not opslag.begin_lokaal(deel.sleutel):
        return

    def werk():
        try:
            opslag.onthoud(deel.sleutel, bereken(deel, achtergrond=True))
        except Exception:  # noqa: BLE001 - de volgende lezer probeert opnieuw
            log.exception("Herberekening zonder cache mislukt.")
        finally:
            opslag.einde_lokaal(deel.sleutel)
            connection.close()

    threading.Thread(target=werk, daemon=True, name="rapportage-herbereken").start()


def _zonder_cache(deel: Deel, stempel, gecontroleerd_op) -> Toestand:
    """Redis onbereikbaar: de laatst bekende cijfers uit het geheugen van dit proces (actueel
    als de versies gelijk zijn), anders live."""
    lokaal = opslag.lokaal(deel.sleutel)
    if lokaal and lokaal.stempel == stempel:
        lokaal = dataclasses.replace(lokaal, stand=max(lokaal.stand, gecontroleerd_op))
        opslag.onthoud(deel.sleutel, lokaal)
        return Toestand(deel, _kop(lokaal), ACTUEEL, lokaal)
    if lokaal and _bruikbaar_verouderd(_kop(lokaal)) and not settings.CELERY_TASK_ALWAYS_EAGER:
        _herbereken_in_thread(deel)
        return Toestand(deel, _kop(lokaal), VORIGE, lokaal)
    ingang = bereken(deel)
    opslag.onthoud(deel.sleutel, ingang)
    return Toestand(deel, None, LIVE, ingang)


def _bewaar(deel: Deel, ingang: Ingang) -> None:
    opslag.onthoud(deel.sleutel, ingang)
    # Eerst de gegevens, dan de kop: wie een kop ziet, vindt de gegevens erbij.
    opslag.set_many({f"{deel.sleutel}:gegevens": (ingang.stempel, ingang.gegevens)},
              timeout=BEWAAR_SECONDEN)
    opslag.set_many({f"{deel.sleutel}:kop": _kop(ingang)}, timeout=BEWAAR_SECONDEN)


def herbereken(deel: Deel, *, achtergrond: bool = False) -> Ingang:
    """Rekent `deel`, bewaart het en geeft het slot vrij (ook bij een fout)."""
    try:
        ingang = bereken(deel, achtergrond=achtergrond)
        _bewaar(deel, ingang)
        return ingang
    finally:
        opslag.delete(f"{deel.sleutel}:bezig")


def _slot_ttl(kop: dict | None) -> int:
    """Kort: drie keer de vorige rekenduur, tussen SLOT_SECONDEN en 120 s."""
    duur = kop.get("duur", 0) if kop else 0
    return int(min(120, max(SLOT_SECONDEN, 3 * duur)))


def _plan_herberekening(deel: Deel, kop: dict | None = None) -> Ingang | None:
    """Start één herberekening van `deel` (slot met TTL). Zonder broker draait de taak hier,
    in deze request: dan komt de verse ingang terug."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return herbereken(deel) if opslag.add(f"{deel.sleutel}:bezig", 1, _slot_ttl(kop)) else None
    if not opslag.add(f"{deel.sleutel}:bezig", 1, _slot_ttl(kop)):
        return None
    if not opslag.add(f"{deel.sleutel}:rust", 1, RUST_SECONDEN):
        opslag.delete(f"{deel.sleutel}:bezig")
        return None
    from .tasks import herbereken as taak

    try:
        # Niet opnieuw proberen: een lezer wacht nooit op de broker; de volgende lezer plant.
        taak.apply_async(kwargs=deel.als_taak(), retry=False)
    except Exception as fout:  # noqa: BLE001 - broker weg: de volgende lezer probeert opnieuw
        log.warning("Herberekening niet ingepland (%s: %s).", type(fout).__name__, fout)
        opslag.delete(f"{deel.sleutel}:bezig")
    return None


# --- lezen --------------------------------------------------------------------------------------


@dataclass
class Toestand:
    deel: Deel
    kop: dict | None
    herkomst: str
    ingang: Ingang | None = None  # al berekend of gelezen

    @property
    def stempel(self):
        return self.ingang.stempel if self.ingang else self.kop["stempel"]

    @property
    def stand(self) -> datetime.datetime:
        return self.ingang.stand if self.ingang else self.kop["stand"]


def _bruikbaar_verouderd(kop: dict | None) -> bool:
    if not kop:
        return False
    return (timezone.now() - kop["stand"]).total_seconds() < MAX_ACHTERSTAND


def _reken_zelf(deel: Deel, kop: dict | None) -> Ingang:
    """Geen bruikbare ingang: rekenen in deze request. Rekent een ander al, dan eerst even
    wachten op zijn resultaat, maar nooit langer dan zijn vorige rekenduur."""
    if opslag.add(f"{deel.sleutel}:bezig", 1, _slot_ttl(kop)):
        return herbereken(deel)
    if kop and opslag.bereikbaar():
        einde = time.monotonic() + min(kop.get("duur", 0), MAX_WACHTEN)
        while time.monotonic() < einde:
            time.sleep(WACHT_STAP)
            nieuw = opslag.get(f"{deel.sleutel}:kop")
            if nieuw and nieuw["stand"] > kop["stand"]:
                ingang = _lees_gegevens(deel, nieuw)
                if ingang:
                    return ingang
    ingang = bereken(deel)
    _bewaar(deel, ingang)
    return ingang


def _lees_gegevens(deel: Deel, kop: dict) -> Ingang | None:
    """De gegevens bij `kop`; kwam er net een herberekening tussen (gegevens nieuwer dan de
    gelezen kop), dan de nieuwere gegevens met hun eigen kop. Nooit rekenen."""
    waarde = opslag.get(f"{deel.sleutel}:gegevens")
    if not waarde:
        return None
    stempel, cijfers = waarde
    if stempel != kop["stempel"]:
        kop = opslag.get(f"{deel.sleutel}:kop")
        if not kop or kop["stempel"] != stempel:
            return None
    return Ingang(stempel, kop["stand"], kop["duur"], cijfers)


def toestanden(selectie: indicatoren.Selectie) -> list[Toestand]:
    """Per deel: actueel uit de cache, de laatst bekende cijfers (herberekening loopt) of live
    berekend. Leest alleen de koppen; de gegevens pas met `gegevens()`.

    Een actuele ingang is exact tot het moment dat zijn versies opnieuw gelijk bevonden zijn:
    dat moment (`…:gecontroleerd`, apart van de kop zodat het nooit een nieuwere kop
    overschrijft) is zijn stand op de pagina."""
    gecontroleerd_op = peilmoment()
    huidig = stempels(selectie)
    lijst = delen(selectie)
    sleutels = [f"{d.sleutel}:{x}" for d in lijst for x in ("kop", "gecontroleerd")]
    gelezen = opslag.get_many(sleutels)
    if not opslag.bereikbaar():
        return [_zonder_cache(d, huidig[d.soort], gecontroleerd_op) for d in lijst]
    uit = []
    for deel in lijst:
        kop = gelezen.get(f"{deel.sleutel}:kop")
        controle = gelezen.get(f"{deel.sleutel}:gecontroleerd")
        if kop and controle and controle[0] == kop["stempel"] and controle[1] > kop["stand"]:
            # Ook verouderd: exact tot de laatste controle, dus dat is zijn stand.
            kop = {**kop, "stand": controle[1]}
        if kop and kop["stempel"] == huidig[deel.soort]:
            if (gecontroleerd_op - kop["stand"]).total_seconds() > CONTROLE_SECONDEN:
                opslag.set_many(
                    {f"{deel.sleutel}:gecontroleerd": (kop["stempel"], gecontroleerd_op)},
                    timeout=BEWAAR_SECONDEN)
            uit.append(Toestand(deel, kop, ACTUEEL))
            continue
        if _bruikbaar_verouderd(kop) and opslag.bereikbaar():
            vers = _plan_herberekening(deel, kop)
            if vers is not None:
                uit.append(Toestand(deel, kop, LIVE, vers))
            else:
                uit.append(Toestand(deel, kop, VORIGE))
            continue
        uit.append(Toestand(deel, kop, LIVE, _reken_zelf(deel, kop)))
    for toestand in uit:
        # Het geheugen van dit proces bijhouden (voor als Redis wegvalt): alleen als deze
        # versie er nog niet is, dus één keer per wijziging per proces.
        lokaal = opslag.lokaal(toestand.deel.sleutel)
        if toestand.ingang is None and (lokaal is None or lokaal.stempel != toestand.stempel):
            ingang = _lees_gegevens(toestand.deel, toestand.kop)
            if ingang is not None:
                opslag.onthoud(toestand.deel.sleutel, ingang)
                toestand.ingang = ingang
    return uit


def gegevens(toestand: Toestand) -> dict:
    """De cijfers van een deel (uit de cache, of toch live als ze intussen weg zijn)."""
    if toestand.ingang is None:
        toestand.ingang = _lees_gegevens(toestand.deel, toestand.kop)
        if toestand.ingang is not None:
            opslag.onthoud(toestand.deel.sleutel, toestand.ingang)
        else:
            toestand.ingang = _reken_zelf(toestand.deel, None)
            toestand.herkomst = LIVE
    return toestand.ingang.gegevens


@dataclass
class Cijfers:
    """De cijfers van een dashboard: de selectie zelf en (voor een deel van de gemeenten) het
    landelijke dashboard ernaast, met hun stand en herkomst."""

    cijfers: dict
    landelijk: dict | None
    stand: datetime.datetime
    herkomst: str


def herkomst_van(lijst: list[Toestand]) -> str:
    soorten = {t.herkomst for t in lijst}
    return VORIGE if VORIGE in soorten else LIVE if LIVE in soorten else ACTUEEL


def samenstellen(lijst: list[Toestand]) -> Cijfers:
    stand = min(t.stand for t in lijst)
    if len(lijst) == 1:
        return Cijfers(gegevens(lijst[0]), None, stand, herkomst_van(lijst))
    eigen, landelijk = gegevens(lijst[0]), gegevens(lijst[1])
    return Cijfers(indicatoren.samenvoegen(eigen, landelijk), landelijk,
                   min(t.stand for t in lijst), herkomst_van(lijst))


def live(selectie: indicatoren.Selectie) -> Cijfers:
    """Zonder cache: alles in deze request, zoals `indicatoren.dashboard`."""
    stand = peilmoment()
    cijfers = indicatoren.dashboard(selectie)
    landelijk = (indicatoren.dashboard(selectie.landelijk())
                 if selectie.gemeente_ids is not None else None)
    return Cijfers(cijfers, landelijk, stand, LIVE)


def cijfers(selectie: indicatoren.Selectie) -> Cijfers:
    """De cijfers van een dashboard, gelijk aan `indicatoren.dashboard(selectie)` bij hun
    stand (en de landelijke ernaast voor een deel van de gemeenten)."""
    if not cache_aan():
        return live(selectie)
    return samenstellen(toestanden(selectie))


def dashboard(selectie: indicatoren.Selectie) -> dict:
    """Alleen de cijfers (exports)."""
    if not cache_aan():
        return indicatoren.dashboard(selectie)
    return cijfers(selectie).cijfers


def _paginasleutel(sleuteldelen, lijst: list[Toestand]) -> str:
    ruw = repr((sleuteldelen, [t.stempel for t in lijst])).encode()
    return f"rapportage:pagina:{hashlib.sha256(ruw).hexdigest()}"


def pagina_html(selectie: indicatoren.Selectie, sleuteldelen, render) -> tuple[str, Cijfers]:
    """De gerenderde inhoud van een dashboard: `render(cijfers)` gecachet onder de stempels
    van de gebruikte delen. Een warme request leest zo de versies (één query), de koppen en
    de HTML, zonder de cijfers uit te pakken."""
    if not cache_aan():
        c = live(selectie)
        return render(c), c
    lijst = toestanden(selectie)
    # Dezelfde stempels = dezelfde cijfers = dezelfde HTML; de stand staat buiten de HTML.
    sleutel = _paginasleutel(sleuteldelen, lijst)
    opgeslagen = opslag.get(sleutel) if all(t.herkomst != LIVE for t in lijst) else None
    if opgeslagen is not None:
        return opgeslagen, Cijfers({}, None, min(t.stand for t in lijst), herkomst_van(lijst))
    c = samenstellen(lijst)
    html = render(c)
    # Onder de stempels van de delen zoals ze nu zijn (ook als er net live is gerekend).
    opslag.set_many({_paginasleutel(sleuteldelen, lijst): html}, timeout=BEWAAR_SECONDEN)
    return html, c
