"""Gemengde last en versheid voor `bench_rapportage` (issue 15).

- `Schrijver`: één schrijfactie per seconde via de services (nieuw contactmoment, nieuwe
  plaatsing, statuswijziging) in willekeurige gemeenten, als een gewone medewerker.
- `lezers`: N lezers die om en om het landelijke dashboard en een willekeurig
  gemeentedashboard opvragen bij gunicorn, met hun responstijden en fouten.
- `versheid`: de tijd van de commit van een nieuwe plaatsing tot het landelijke dashboard
  hem toont (de stand op de pagina is dan na de commit, en het totaal in de CSV is één hoger).
"""

from __future__ import annotations

import csv
import datetime
import io
import random
import re
import threading
import time
from http.client import HTTPConnection

from django.db import close_old_connections, transaction
from django.utils import timezone

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Lidmaatschap
from trajecten import services
from trajecten.constants import GEPLAATST_SOORTEN, ContactSoort, Contractvorm, Soort, Status
from trajecten.factories import WerkgeverFactory
from trajecten.models import Plaatsing, Traject

STAND = re.compile(r'data-herkomst="(\w+)"[^>]*>[^<]*?(\d\d:\d\d:\d\d)')


def schrijver_gebruiker(gemeenten):
    """Een medewerker van `gemeenten` (de services eisen die rol)."""
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench-schrijver")
    for g in gemeenten:
        Lidmaatschap.objects.get_or_create(user=user, gemeente=g, rol=Rol.MEDEWERKER)
    return user


class Schrijver(threading.Thread):
    """Eén schrijfactie per seconde via de services, tot `stop` gezet wordt."""

    def __init__(self, *, programma, gemeenten, door, seed=15):
        super().__init__(daemon=True)
        self.programma, self.gemeenten, self.door = programma, gemeenten, door
        self.stop = threading.Event()
        self.rnd = random.Random(seed)
        self.aantallen = {"contactmoment": 0, "plaatsing": 0, "status": 0}
        self.fouten: list[str] = []
        self.werkgevers = {}

    def _traject(self, gemeente, status):
        ids = list(Traject.objects.filter(
            programma=self.programma, gemeente=gemeente, status=status,
            startdatum__lte=timezone.localdate()).values_list("pk", flat=True)[:200])
        return Traject.objects.get(pk=self.rnd.choice(ids))

    def _werkgever(self, gemeente):
        if gemeente.pk not in self.werkgevers:
            self.werkgevers[gemeente.pk] = WerkgeverFactory(gemeente=gemeente)
        return self.werkgevers[gemeente.pk]

    def schrijf(self, soort: str, gemeente) -> None:
        vandaag = timezone.localdate()
        if soort == "contactmoment":
            services.contactmoment_registreren(
                traject=self._traject(gemeente, Status.ACTIEF), door=self.door,
                soort=ContactSoort.GESPREK, datum=vandaag, notitie="bench")
        elif soort == "plaatsing":
            nieuwe_plaatsing(self._traject(gemeente, Status.ACTIEF), self.door,
                             self._werkgever(gemeente))
        else:
            services.status_wijzigen(traject=self._traject(gemeente, Status.ACTIEF),
                                     naar=Status.UITGEVALLEN, door=self.door,
                                     reden_uitval="Verhuisd (bench)", datum=vandaag)
        self.aantallen[soort] += 1

    def run(self):
        volgende = time.monotonic()
        while not self.stop.is_set():
            soort = self.rnd.choice(list(self.aantallen))
            try:
                self.schrijf(soort, self.rnd.choice(self.gemeenten))
            except Exception as fout:  # noqa: BLE001 - gemeld in de uitvoer
                self.fouten.append(f"{soort}: {type(fout).__name__}: {fout}")
            volgende += 1
            self.stop.wait(max(0.0, volgende - time.monotonic()))
        close_old_connections()


def nieuwe_plaatsing(traject, door, werkgever) -> Plaatsing:
    return services.plaatsing_registreren(
        traject=traject, door=door, soort=Soort.BAAN, startdatum=timezone.localdate(),
        werkgever=werkgever, functie="Medewerker (bench)", uren_per_week=24,
        contractvorm=Contractvorm.BEPAALDE_TIJD)


def lezers(*, poort, kop, paden, aantal, seconden, seed=17):
    """`aantal` lezers, elk om en om paden[0] (landelijk) en een willekeurig ander pad."""
    tijden, fouten, herkomst, slot = [], [], {}, threading.Lock()
    einde = time.monotonic() + seconden

    def lezer(nr):
        rnd = random.Random(seed + nr)
        verbinding = HTTPConnection("127.0.0.1", poort, timeout=30)
        i = 0
        while time.monotonic() < einde:
            pad = paden[0] if i % 2 == 0 else rnd.choice(paden[1:])
            i += 1
            begin = time.perf_counter()
            try:
                verbinding.request("GET", pad, headers=kop)
                antwoord = verbinding.getresponse()
                inhoud = antwoord.read().decode(errors="replace")
                status = antwoord.status
            except OSError as fout:
                verbinding.close()
                verbinding = HTTPConnection("127.0.0.1", poort, timeout=30)
                inhoud, status = "", f"{type(fout).__name__}"
            duur = (time.perf_counter() - begin) * 1000
            m = STAND.search(inhoud)
            with slot:
                tijden.append(duur)
                if status != 200:
                    fouten.append(f"{pad}: {status}")
                if m:
                    herkomst[m.group(1)] = herkomst.get(m.group(1), 0) + 1
        verbinding.close()

    draden = [threading.Thread(target=lezer, args=(n,), daemon=True) for n in range(aantal)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=seconden + 60)
    return tijden, fouten, herkomst


def _csv_personen_geplaatst(poort, kop, pad) -> int:
    verbinding = HTTPConnection("127.0.0.1", poort, timeout=60)
    verbinding.request("GET", pad, headers=kop)
    inhoud = verbinding.getresponse().read().decode("utf-8-sig")
    verbinding.close()
    rijen = list(csv.reader(io.StringIO(inhoud)))
    kolom = rijen[0].index("personen_geplaatst")
    totaal = next(r for r in rijen if r and r[0] == "TOTAAL")
    return int(totaal[kolom] or 0)


def _stand_na(poort, kop, pad, commit: datetime.datetime) -> bool:
    verbinding = HTTPConnection("127.0.0.1", poort, timeout=60)
    verbinding.request("GET", pad, headers=kop)
    inhoud = verbinding.getresponse().read().decode(errors="replace")
    verbinding.close()
    m = STAND.search(inhoud)
    if not m:
        return False
    lokaal = timezone.localtime(commit).replace(microsecond=0).time()
    return datetime.time.fromisoformat(m.group(2)) >= lokaal


def versheid(*, poort, kop, pad, csv_pad, programma, gemeente, door, werkgever,
             max_seconden=120) -> tuple[float | None, float | None]:
    """(seconden tot de stand op het landelijke dashboard na de commit ligt, seconden tot het
    landelijke totaal personen geplaatst in de CSV één hoger is). Een plaatsing voor een
    actieve deelnemer die nog nergens geplaatst is. Eerst wachten tot de cijfers op de pagina
    van na alle eerdere schrijfacties zijn, zodat 'één hoger' alleen deze plaatsing is."""
    rust = timezone.now()
    einde = time.monotonic() + max_seconden
    while not _stand_na(poort, kop, pad, rust) and time.monotonic() < einde:
        time.sleep(0.5)
    voor = _csv_personen_geplaatst(poort, kop, csv_pad)
    geplaatst = Plaatsing.objects.filter(soort__in=GEPLAATST_SOORTEN).values("traject__deelnemer")
    traject = (Traject.objects.filter(programma=programma, gemeente=gemeente,
                                      status=Status.ACTIEF,
                                      startdatum__lte=timezone.localdate())
               .exclude(deelnemer__in=geplaatst).first())
    with transaction.atomic():
        nieuwe_plaatsing(traject, door, werkgever)
    commit_mono, commit = time.monotonic(), timezone.now()
    stand = figuur = None
    while time.monotonic() - commit_mono < max_seconden and (stand is None or figuur is None):
        if stand is None and _stand_na(poort, kop, pad, commit):
            stand = time.monotonic() - commit_mono
        if figuur is None and _csv_personen_geplaatst(poort, kop, csv_pad) >= voor + 1:
            figuur = time.monotonic() - commit_mono
        time.sleep(0.25)
    return stand, figuur


def pilotgemeenten():
    return list(Gemeente.objects.pilots().order_by("cbs_code"))
