"""Een import-worker doden midden in het opslaan (SIGKILL): er blijft niets half staan, de taak
wordt opnieuw gedaan en het toegangslog toont beide pogingen. Een meting, geen test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bo_i15b_worker \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/8 CACHE_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/import_worker_doden.py [--rijen 5000] [--heel]

Het script migreert de database, maakt een medewerker van Groningen en een geldig bestand,
start `celery -A config worker -c 1` als subproces, zet de import op de wachtrij (zoals de view)
en doodt, zodra de taak deelnemers aan het opslaan is (voortgang in de cache), met SIGKILL:

- standaard het kindproces dat de taak uitvoert (zoals de OOM-killer): de worker merkt het
  (WorkerLostError), geeft de taak terug aan de broker (reject_on_worker_lost) en een nieuw
  kindproces doet hem opnieuw;
- met `--heel` de hele worker (hoofd- en kindproces, zoals een gestopte container); een nieuwe
  worker krijgt de taak na `CELERY_VISIBILITY_TIMEOUT` (hier 15 s) terug van Redis.

Direct na het doden telt het script de deelnemers (moet 0 zijn: één transactie) en daarna
wacht het op het eindresultaat.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASIS))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "alleen-bench")
os.environ.setdefault("CELERY_VISIBILITY_TIMEOUT", "15")


def kinderen(pid: int) -> list[int]:
    uit = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[1]) == pid:
            uit.append(int(stat.parent.name))
    return uit


def csv_bestand(rijen: int) -> bytes:
    from trajecten.factories import genereer_bsn
    from trajecten.importeren import KOLOMMEN

    regels = [";".join(KOLOMMEN)]
    bsns: set[str] = set()
    while len(bsns) < rijen:  # willekeurig, dus soms dubbel: dat weigert de import terecht
        bsns.add(genereer_bsn())
    for i, bsn in enumerate(sorted(bsns)):
        waarden = {
            "voornaam": f"Worker{i}", "achternaam": "Proef", "geboortedatum": "14-03-1991",
            "land_van_herkomst": "ER", "bsn": bsn, "gemeente": "GM0014",
            "toestemming_datum": "02-01-2026",
        }
        regels.append(";".join(waarden.get(k, "") for k in KOLOMMEN))
    return ("\r\n".join(regels) + "\r\n").encode()


def worker() -> subprocess.Popen:
    return subprocess.Popen(
        [str(BASIS / ".venv/bin/celery"), "-A", "config", "worker", "-c", "1",
         "--loglevel=WARNING", "-n", f"doden{time.monotonic_ns()}@%h"],
        cwd=BASIS, env=os.environ.copy(),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rijen", type=int, default=5000)
    parser.add_argument("--heel", action="store_true", help="de hele worker doden")
    args = parser.parse_args()
    assert os.environ.get("CELERY_BROKER_URL"), "zet CELERY_BROKER_URL (Redis)"
    assert "postgres" in os.environ.get("DATABASE_URL", ""), "alleen op PostgreSQL"

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from gemeenten.constants import Rol
    from gemeenten.models import Gemeente, Lidmaatschap
    from trajecten.importbestand import lees_bestand
    from trajecten.models import Deelnemer

    user, _ = get_user_model().objects.get_or_create(username="worker-doden")
    Lidmaatschap.objects.get_or_create(
        user=user, gemeente=Gemeente.objects.get(cbs_code="GM0014"), rol=Rol.MEDEWERKER)
    Deelnemer.objects.filter(voornaam__startswith="Worker", achternaam="Proef").delete()
    inhoud = csv_bestand(args.rijen)
    _kop, data = lees_bestand(inhoud=inhoud, bestandsnaam="d.csv")

    proces = worker()
    try:
        doden(args, proces, user, inhoud, len(data))
    finally:
        proces.terminate()
        proces.wait(timeout=60)


def doden(args, proces, user, inhoud, rijen):
    from gemeenten.models import Toegangslog
    from trajecten.import_opdracht import importopdracht_aanmaken, opgeslagen_voortgang
    from trajecten.models import Deelnemer, Importopdracht

    opdracht = importopdracht_aanmaken(
        door=user, inhoud=inhoud, soort=".csv", rijen=rijen, pad="/deelnemers/import/",
        ip_adres="127.0.0.1",
    )
    begin = time.monotonic()
    print(f"opdracht {opdracht.pk}: {rijen} rijen op de wachtrij; worker pid {proces.pid}")
    while opgeslagen_voortgang(opdracht) < min(1000, rijen // 5):
        time.sleep(0.02)
        opdracht.refresh_from_db()
        if opdracht.klaar or time.monotonic() - begin > 300:
            raise SystemExit(f"de taak begint niet met opslaan (status {opdracht.status})")
    opdracht.refresh_from_db()
    print(f"{time.monotonic() - begin:5.1f} s  status {opdracht.status}, poging "
          f"{opdracht.pogingen}, {opgeslagen_voortgang(opdracht)} deelnemers opgeslagen in de "
          f"open transactie")
    slachtoffers = [*kinderen(proces.pid), proces.pid] if args.heel else kinderen(proces.pid)
    for pid in slachtoffers:
        os.kill(pid, signal.SIGKILL)
    print(f"{time.monotonic() - begin:5.1f} s  SIGKILL naar {slachtoffers}"
          f" ({'hele worker' if args.heel else 'kindproces met de taak'})")
    time.sleep(0.5)
    aantal = Deelnemer.objects.filter(voornaam__startswith="Worker", achternaam="Proef").count()
    print(f"{time.monotonic() - begin:5.1f} s  deelnemers in de database na het doden: {aantal}")
    if args.heel:
        proces.wait()
        proces = worker()
        print(f"{time.monotonic() - begin:5.1f} s  nieuwe worker pid {proces.pid}")
    try:
        while True:
            opdracht.refresh_from_db()
            if opdracht.klaar or time.monotonic() - begin > 600:
                break
            time.sleep(0.2)
    finally:
        proces.terminate()
        proces.wait(timeout=60)
    aantal = Deelnemer.objects.filter(voornaam__startswith="Worker", achternaam="Proef").count()
    print(f"{time.monotonic() - begin:5.1f} s  eindstatus {opdracht.status} na "
          f"{opdracht.pogingen} pogingen; {opdracht.aangemaakt} aangemaakt; in de database: "
          f"{aantal}; bestand gewist: {bytes(opdracht.inhoud) == b''}")
    print("toegangslog:")
    for regel in Toegangslog.objects.filter(actie="import", actor=user).order_by("-pk")[:3][::-1]:
        print(f"  {regel.resultaat:<9} {regel.toelichting} (pad {regel.pad}, ip {regel.ip_adres})")
    Importopdracht.objects.filter(pk=opdracht.pk).delete()


if __name__ == "__main__":
    main()
