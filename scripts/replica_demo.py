"""Het bewijs bij `scripts/replica.sh`: de rapportage leest van de replica, loopt hoogstens even
achter, en valt zonder replica terug op de primaire database (één logregel, geen foutpagina).

Draait met DATABASE_URL (primair) en DATABASE_REPLICA_URL (replica) en de opdrachten
REPLICA_STOP/REPLICA_START; `scripts/replica.sh demo` zet ze. Meet via de Django-testclient (de
volledige view, zoals `bench_rapportage`), met de cache uit, zodat elke request rekent.
"""

import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402

from config import replica  # noqa: E402
from gemeenten.constants import Rol  # noqa: E402
from gemeenten.models import Lidmaatschap  # noqa: E402
from rapportage.models import Programma  # noqa: E402

HERHALINGEN = int(os.environ.get("HERHALINGEN", "5"))
settings.RAPPORTAGE_CACHE = False  # elke request rekent: dan is te zien waar
# Zonder collectstatic (geen manifest nodig voor een meting).
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

logging.basicConfig(level=logging.WARNING, format="    LOG %(levelname)s %(name)s: %(message)s")


def gebruiker():
    user, _ = get_user_model().objects.get_or_create(username="replica-demo")
    Lidmaatschap.objects.get_or_create(user=user, gemeente=None, rol=Rol.COORDINATOR)
    return user


def meet(client, pad, n=HERHALINGEN):
    tijden, per_alias, statussen = [], {"default": 0, "replica": 0}, set()
    for _ in range(n):
        for alias in per_alias:  # zonder te verbinden (CaptureQueriesContext verbindt wel)
            connections[alias].force_debug_cursor = True
            connections[alias].queries_log.clear()
        begin = time.perf_counter()
        antwoord = client.get(pad, secure=True)
        tijden.append((time.perf_counter() - begin) * 1000)
        statussen.add(antwoord.status_code)
        for alias in per_alias:
            per_alias[alias] += len(connections[alias].queries_log)
    return (statistics.median(tijden), max(tijden), sorted(statussen),
            {k: v // n for k, v in per_alias.items()})


def regel(titel, resultaat):
    p50, hoogst, statussen, per_alias = resultaat
    print(f"  {titel:<44} status {statussen}  p50 {p50:7.1f} ms  max {hoogst:7.1f} ms  "
          f"queries/request primair {per_alias['default']:>2}, replica {per_alias['replica']:>2}")


def main():
    client = Client()
    client.force_login(gebruiker())
    programma = Programma.objects.order_by("-startdatum").first()
    pad = f"/rapportage/?programma={programma.pk}"
    print(f"Landelijk dashboard ({pad}), cache uit, {HERHALINGEN} requests per regel:")

    regel("met replica", meet(client, pad))
    echt = replica.replica_ingesteld
    replica.replica_ingesteld = lambda: False
    regel("zonder replica (alles primair)", meet(client, pad))
    replica.replica_ingesteld = echt

    # Achterstand: een schrijfactie op de primaire, tot ze op de replica staat.
    with connection.cursor() as c:
        c.execute("UPDATE rapportage_rapportageversie SET versie = versie + 1 WHERE id = 1 "
                  "RETURNING versie")
        versie = c.fetchone()[0]
    begin = time.perf_counter()
    with connections["replica"].cursor() as c:
        while True:
            c.execute("SELECT versie FROM rapportage_rapportageversie WHERE id = 1")
            if c.fetchone()[0] >= versie:
                break
            time.sleep(0.002)
    ms = (time.perf_counter() - begin) * 1000
    print(f"  schrijfactie zichtbaar op de replica na {ms:.1f} ms; replica_achterstand() = "
          f"{replica.replica_achterstand().total_seconds():.3f} s")

    print("Replica stoppen:", os.environ["REPLICA_STOP"])
    subprocess.run(os.environ["REPLICA_STOP"], shell=True, check=True)  # noqa: S602
    regel("replica gestopt (terugval)", meet(client, pad))
    regel("replica gestopt, nog eens (geen nieuwe logregel)", meet(client, pad))
    print("Replica starten:", os.environ["REPLICA_START"])
    subprocess.run(os.environ["REPLICA_START"], shell=True, check=True)  # noqa: S602
    time.sleep(settings.REPLICA_ONTHOUD_SECONDEN + 1)
    regel("replica weer gestart", meet(client, pad))


if __name__ == "__main__":
    main()
