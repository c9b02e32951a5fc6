"""Benchmark: vijandige importbestanden tegen `/deelnemers/import/` (geen test, een meting).

    .venv/bin/python bench/import_vijandig.py                 # alle bestanden
    .venv/bin/python bench/import_vijandig.py --alleen csv    # alleen namen met "csv" erin
    .venv/bin/python bench/import_vijandig.py --bewaar /tmp/b # de bestanden ook bewaren

Het script maakt zelf een tijdelijke SQLite-database (migreren, één medewerker van Groningen)
en zelf de bestanden, elk kleiner dan de uploadgrens van 5 MB: een XLSX die `A1:XFD1048576`
verklaart met één cel in de laatste rij, een CSV-kopregel met 2,6 miljoen kolommen, zip-bommen
(echt en met een gelogen grootte), een enorme tabel met gedeelde teksten, heel lange cellen,
heel veel lege rijen, een rij met miljoenen cellen, XML-entiteiten (billion laughs, XXE),
verkeerde coderingen en, ter vergelijking, bestanden van precies 5.000 rijen.

Het laatste bestand, 5.000 geldige rijen die echt worden opgeslagen, is geen aanval maar echt
werk (elke deelnemer met wijzigingshistorie); het staat er ter vergelijking en telt niet mee voor
het doel.

Elk bestand gaat in een eigen, vers Python-proces als upload door de echte view (Django-testclient,
ingelogd als medewerker), zoals een gunicorn-worker hem zou krijgen. Per bestand drukt het script
af: de grootte, de piek van het geheugen van dat proces (`ru_maxrss`, dus inclusief Django zelf),
de wandkloktijd van de upload en de melding die de medewerker ziet. Het proces krijgt hoogstens
2 GiB adresruimte en 120 s: een bestand dat meer wil, staat als MemoryError of time-out in de
tabel in plaats van de machine vol te laten lopen. Doel (issue 12): elk bestand onder 200 MB en
5 s. De uitkomst staat in de README (Betrouwbaarheid, Deelnemers importeren).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vijandige_bestanden import (  # noqa: E402 (naast dit script, zoals serve_hulp)
    DOEL_MB,
    DOEL_S,
    MB,
    PROJECT,
    VERGELIJKING,
    maak_bestanden,
)

# --- meten ---------------------------------------------------------------------------------------


def _piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def meet_een(pad: Path) -> dict:
    """In het kindproces: upload `pad` als medewerker door de echte view."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-medewerker"))
    assert client.get("/deelnemers/import/", secure=True).status_code == 200  # warm
    voor = _piek_mb()
    inhoud = pad.read_bytes()
    begin = time.perf_counter()
    try:
        antwoord = client.post(
            "/deelnemers/import/",
            {"bestand": SimpleUploadedFile(pad.name, inhoud)},
            secure=True, follow=True,  # naar de statuspagina van de import (taak in-proces)
        )
    except MemoryError:
        return {"status": "MemoryError", "seconden": time.perf_counter() - begin,
                "piek_mb": _piek_mb(), "voor_mb": voor, "melding": "geheugen op (> 2 GiB)"}
    seconden = time.perf_counter() - begin
    fouten = (antwoord.context or {}).get("fouten") if antwoord.context else None
    if fouten:
        melding = str(fouten[0]) + (f" (+{len(fouten) - 1})" if len(fouten) > 1 else "")
    elif "deelnemers geïmporteerd" in antwoord.content.decode():
        melding = "geïmporteerd"
    else:
        melding = f"HTTP {antwoord.status_code}"
    return {"status": antwoord.status_code, "seconden": seconden, "piek_mb": _piek_mb(),
            "voor_mb": voor, "melding": melding}


def _begrens():
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 * MB, 2 * 1024 * MB))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alleen", default="", help="alleen bestanden met deze tekst in de naam")
    parser.add_argument("--bewaar", type=Path, help="schrijf de bestanden in deze map")
    parser.add_argument("--tijdslimiet", type=int, default=120,
                        help="seconden per bestand voordat het proces wordt gestopt")
    parser.add_argument("--meet", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        print(json.dumps(meet_een(args.meet)))
        return 0

    werkmap = Path(tempfile.mkdtemp(prefix="bo-import-bench-"))
    omgeving = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{werkmap / 'bench.sqlite3'}",
        "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver", "MFA_VERPLICHT": "false", "LOG_LEVEL": "ERROR",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "PYTHONPATH": str(PROJECT),
    }
    os.environ.update(omgeving)
    sys.path.insert(0, str(PROJECT))
    print(f"Tijdelijke database{'' if args.bewaar else ' en bestanden'} in {werkmap}", flush=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=PROJECT,
                   env=omgeving, check=True)
    subprocess.run(
        [sys.executable, "-c",
         "import django; django.setup();"
         "from gemeenten.factories import LidmaatschapFactory;"
         "from gemeenten.models import Gemeente;"
         "LidmaatschapFactory(user__username='bench-medewerker', rol='medewerker',"
         " gemeente=Gemeente.objects.get(cbs_code='GM0014'))"],
        cwd=PROJECT, env=omgeving, check=True,
    )
    import django

    django.setup()
    map_ = args.bewaar or werkmap / "bestanden"
    map_.mkdir(parents=True, exist_ok=True)
    begin = time.perf_counter()
    bestanden = [b for b in maak_bestanden(map_) if args.alleen in b[0]]
    print(f"{len(bestanden)} bestanden gemaakt in {time.perf_counter() - begin:.0f} s "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f})\n", flush=True)

    print(f"{'bestand':32} {'grootte':>9} {'piek':>8} {'tijd':>7}  melding")
    te_veel = 0
    for naam, omschrijving in bestanden:
        try:
            proces = subprocess.run(
                [sys.executable, __file__, "--meet", str(map_ / naam)], cwd=PROJECT,
                env=omgeving, capture_output=True, text=True, timeout=args.tijdslimiet,
                preexec_fn=_begrens,
            )
            uitkomst = json.loads(proces.stdout.strip().splitlines()[-1]) if proces.stdout \
                else {"status": "fout", "seconden": 0, "piek_mb": 0,
                      "melding": proces.stderr.strip().splitlines()[-1][:120]}
        except subprocess.TimeoutExpired:
            uitkomst = {"status": "time-out", "seconden": args.tijdslimiet, "piek_mb": 0,
                        "melding": f"na {args.tijdslimiet} s afgebroken"}
        grootte = (map_ / naam).stat().st_size
        binnen = omschrijving == VERGELIJKING or (
            uitkomst["piek_mb"] < DOEL_MB and uitkomst["seconden"] < DOEL_S
            and uitkomst["status"] not in ("MemoryError", "time-out", "fout", 500)
        )
        te_veel += not binnen
        print(f"{naam:32} {grootte / 1024:>7.0f}kB {uitkomst['piek_mb']:>6.0f}MB "
              f"{uitkomst['seconden']:>6.2f}s  {'' if binnen else '!! '}{uitkomst['melding']}")
        print(f"{'':32} ({omschrijving})", flush=True)
    print(f"\nDoel: elk bestand onder {DOEL_MB} MB piekgeheugen en {DOEL_S:.0f} s. "
          f"{'Gehaald' if not te_veel else f'{te_veel} bestand(en) erboven'}.")
    shutil.rmtree(werkmap, ignore_errors=True)  # database en bestanden (tenzij --bewaar)
    return 1 if te_veel else 0


if __name__ == "__main__":
    sys.exit(main())
