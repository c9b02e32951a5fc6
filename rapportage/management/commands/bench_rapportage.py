"""`python manage.py bench_rapportage --trajecten 1000000` — benchmark van de dashboards.

Een benchmark, geen test. Alleen op PostgreSQL en alleen in een database met 'bench' in de
naam (de opbouw schrijft een miljoen trajecten). Zie README, sectie 'Prestaties'.

1. Bouwt de dataset in bulk als hij er nog niet is (`rapportage/bench.py`).
2. Meet het landelijke en een gemeentedashboard (volledige render via de Django-testclient):
   koud (cache leeg: alle aggregaten live) en warm (uit de cache), p50/p95 over N requests,
   en de eigen cijfers van de gemeente alleen (`cache.bereken`, het landelijke deel warm).
3. Meet in dezelfde run de ruwe SQL van dezelfde aggregaten (live) en print de verhoudingen.
4. Start gunicorn (3 workers) en, met `CELERY_BROKER_URL`, een Celery-worker voor de
   herberekeningen; meet de warme doorvoer met 16 verbindingen (`wrk`, anders een kleine
   Python-lastgenerator), dan de gemengde last (één schrijfactie per seconde via de services,
   4 lezers om en om landelijk en een willekeurige pilotgemeente, 60 s) en de versheid (commit
   van een nieuwe plaatsing tot het landelijke dashboard hem toont). Alles begrensd in tijd;
   aan het eind alle cijfers bij elkaar (`bench_last.py`).
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Lidmaatschap
from rapportage import bench, bench_last, bench_meten, indicatoren
from rapportage import cache as rcache
from rapportage.bench_meten import cpu_seconden as _cpu_seconden
from rapportage.bench_meten import haal as _haal
from rapportage.bench_meten import percentiel, samenvatting
from rapportage.bench_meten import seconden_tekst as _s
from rapportage.bench_meten import vrije_poort as _vrije_poort
from rapportage.models import Programma


class Command(BaseCommand):
    help = "Benchmark van de rapportage op PostgreSQL (bouwt de dataset als die ontbreekt)."

    def add_arguments(self, parser):
        parser.add_argument("--trajecten", type=int, default=1_000_000)
        parser.add_argument("--herhalingen", type=int, default=20,
                            help="Requests per meting (minstens 20 voor p95).")
        parser.add_argument("--gemeente", default="GM0014",
                            help="CBS-code van het gemeentedashboard.")
        parser.add_argument("--opnieuw", action="store_true",
                            help="Gooi de benchdata weg en bouw opnieuw.")
        parser.add_argument("--alleen-bouwen", action="store_true")
        parser.add_argument("--geen-doorvoer", action="store_true")
        parser.add_argument("--alleen-doorvoer", action="store_true",
                            help="Sla de metingen per pagina over (alleen gunicorn + wrk).")
        parser.add_argument("--verbindingen", type=int, default=16)
        parser.add_argument("--seconden", type=int, default=30,
                            help="Duur van de doorvoermeting (begrensd).")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn-workers.")
        parser.add_argument("--koud", type=int, default=3,
                            help="Koude metingen per pagina (elk rekent alles live).")
        parser.add_argument("--lezers", type=int, default=4, help="Lezers in de gemengde last.")
        parser.add_argument("--gemengd-seconden", type=int, default=60,
                            help="Duur van de gemengde last (0: overslaan).")

    # --- opbouw -----------------------------------------------------------------------------

    def handle(self, *args, **opties):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark draait alleen op PostgreSQL (zet DATABASE_URL).")
        naam = connection.settings_dict["NAME"]
        if "bench" not in naam:
            raise CommandError(
                f"Database {naam!r} heeft geen 'bench' in de naam; gebruik een aparte "
                "benchdatabase, bijv. postgres://postgres@127.0.0.1:5432/bo_bench."
            )
        programma = Programma.objects.huidig()
        if programma is None:
            raise CommandError("Geen programma gevonden; draai eerst `migrate`.")
        self.stdout.write(f"Database {naam}, programma {programma.naam}, "
                          f"cache {settings.CACHES['default']['BACKEND']}, {os.cpu_count()} cores")
        aanwezig = bench.bestaande_trajecten(programma)
        if opties["opnieuw"] and aanwezig:
            self.stdout.write("Benchdata weggooien …")
            bench.leeg(programma)
            aanwezig = 0
        if aanwezig == 0:
            self.stdout.write(f"Dataset bouwen: {opties['trajecten']} trajecten …")
            begin = time.perf_counter()
            bench.bouw(trajecten=opties["trajecten"], programma=programma,
                       log=self.stdout.write)
            self.stdout.write(f"Gebouwd in {time.perf_counter() - begin:.0f} s")
        elif aanwezig != opties["trajecten"]:
            self.stdout.write(self.style.WARNING(
                f"Er staan al {aanwezig} trajecten (niet {opties['trajecten']}); gebruik "
                "--opnieuw om opnieuw te bouwen. Ik meet met wat er staat."))
        else:
            self.stdout.write(f"Dataset aanwezig: {aanwezig} trajecten.")
        if opties["alleen_bouwen"]:
            return
        self._voorbereiden()
        self.cijfers = {}
        landelijk, coordinator = self._gebruikers(opties["gemeente"])
        if not opties["alleen_doorvoer"]:
            self._meet_pagina_s(programma, landelijk, coordinator, opties)
        if not opties["geen_doorvoer"]:
            with self._server(opties) as poort:
                self._doorvoer(poort, landelijk, opties)
                if opties["gemengd_seconden"]:
                    self._gemengd(poort, programma, landelijk, opties)
        self._samenvatting()

    def _voorbereiden(self):
        # Geen querylog (DEBUG) tijdens het meten; de testclient praat met 'testserver'.
        settings.DEBUG = False
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", "127.0.0.1"]
        manifest = os.path.join(settings.STATIC_ROOT, "staticfiles.json")
        if not os.path.exists(manifest):
            self.stdout.write("collectstatic (zoals in productie) …")
            call_command("collectstatic", interactive=False, verbosity=0)

    def _gebruikers(self, cbs_code):
        """Een landelijke coördinator en een coördinator van `cbs_code`, ingelogd met een
        (bevestigd) TOTP-apparaat in de sessie, zodat MFA aan kan blijven."""
        from django.contrib.auth import get_user_model

        gemeente = Gemeente.objects.filter(cbs_code=cbs_code).first()
        if gemeente is None:
            raise CommandError(f"Gemeente {cbs_code} bestaat niet.")
        User = get_user_model()
        landelijk, _ = User.objects.get_or_create(username="bench-landelijk")
        Lidmaatschap.objects.get_or_create(user=landelijk, gemeente=None, rol=Rol.COORDINATOR)
        coordinator, _ = User.objects.get_or_create(username=f"bench-coordinator-{cbs_code}")
        Lidmaatschap.objects.get_or_create(user=coordinator, gemeente=gemeente,
                                           rol=Rol.COORDINATOR)
        return self._client(landelijk), self._client(coordinator)

    def _client(self, user):
        client = Client()
        client.force_login(user)
        sessie = client.session
        if apps.is_installed("django_otp.plugins.otp_totp"):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            apparaat, _ = TOTPDevice.objects.get_or_create(
                user=user, name="bench", defaults={"confirmed": True})
            sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        if "gemeenten.beveiliging.SessieMiddleware" in settings.MIDDLEWARE:
            from gemeenten.beveiliging import LAATSTE_ACTIVITEIT, SESSIE_BEGIN

            sessie[SESSIE_BEGIN] = sessie[LAATSTE_ACTIVITEIT] = int(time.time())
        sessie.save()
        client.bench_user = user
        return client

    # --- metingen ---------------------------------------------------------------------------

    def _get(self, client, url):
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise CommandError(f"{url} gaf {response.status_code} in plaats van 200.")
        return response

    def _meet_pagina_s(self, programma, landelijk, coordinator, opties):
        n = max(20, opties["herhalingen"])
        cbs = opties["gemeente"]
        gemeente = Gemeente.objects.get(cbs_code=cbs)
        nu = timezone.localdate()
        sel_landelijk = indicatoren.Selectie(
            programma_id=programma.pk, van=programma.startdatum, tot=programma.einddatum,
            gemeente_ids=None, peildatum=nu, programma_start=programma.startdatum,
            programma_einde=programma.einddatum,
        )
        sel_gemeente = dataclasses.replace(sel_landelijk, gemeente_ids=(gemeente.pk,))
        pagina_s = [
            ("landelijk dashboard", landelijk, reverse("rapportage:landelijk"),
             [sel_landelijk]),
            (f"gemeentedashboard {cbs}", coordinator,
             reverse("rapportage:gemeente", args=[cbs]), [sel_gemeente, sel_landelijk]),
        ]
        self.stdout.write(f"\nMetingen (volledige render): koud en live SQL {opties['koud']}×, "
                          f"warm {n}×:")
        for titel, client, url, selecties in pagina_s:
            self._get(client, url)  # verbinding en sessie opwarmen
            koud = []
            for _ in range(max(1, opties["koud"])):
                cache.clear()
                begin = time.perf_counter()
                self._get(client, url)
                koud.append((time.perf_counter() - begin) * 1000)
            warm = []
            for _ in range(n):
                begin = time.perf_counter()
                self._get(client, url)
                warm.append((time.perf_counter() - begin) * 1000)
            with CaptureQueriesContext(connection) as queries:
                self._get(client, url)
            sql = []
            for selectie in selecties:
                with CaptureQueriesContext(connection) as vastgelegd:
                    indicatoren.dashboard(selectie)
                sql += [q["sql"] for q in vastgelegd.captured_queries]
            ruw = []
            with connection.cursor() as cursor:
                for _ in range(max(1, opties["koud"])):
                    begin = time.perf_counter()
                    for query in sql:
                        cursor.execute(query)
                        cursor.fetchall()
                    ruw.append((time.perf_counter() - begin) * 1000)
            p50_ruw = percentiel(ruw, 50)
            self.stdout.write(f"\n{titel} ({url})")
            self.stdout.write(f"  koud (cache leeg, live aggregaten): {samenvatting(koud)}")
            self.stdout.write(f"  warm (uit de cache):                {samenvatting(warm)}"
                              f"   ({len(queries.captured_queries)} queries per request)")
            self.stdout.write(f"  ruwe SQL, {len(sql)} aggregaten live:     {samenvatting(ruw)}")
            self.stdout.write(
                f"  verhouding p50: koud/ruwe SQL {percentiel(koud, 50) / p50_ruw:.2f}, "
                f"warm/ruwe SQL {percentiel(warm, 50) / p50_ruw:.3f} "
                f"(warm {p50_ruw / percentiel(warm, 50):.0f}× sneller dan live)"
            )
            sleutel = "landelijk" if client is landelijk else "gemeente"
            self.cijfers[f"koud_{sleutel}_ms"] = percentiel(koud, 50)
            self.cijfers[f"warm_{sleutel}_ms"] = percentiel(warm, 50)
            self.cijfers[f"ruw_{sleutel}_ms"] = p50_ruw
        # De eigen cijfers van de gemeente alleen (het landelijke deel is gedeeld en warm).
        eigen = []
        for _ in range(max(1, opties["koud"])):
            begin = time.perf_counter()
            rcache.bereken(rcache.Deel(rcache.EIGEN, sel_gemeente))
            eigen.append((time.perf_counter() - begin) * 1000)
        self.cijfers["koud_gemeente_eigen_ms"] = percentiel(eigen, 50)
        self.stdout.write(f"\neigen cijfers {cbs} koud (cache.bereken, landelijk deel warm): "
                          f"p50 {percentiel(eigen, 50):.1f} ms")

    # --- doorvoer ---------------------------------------------------------------------------

    @contextmanager
    def _server(self, opties):
        """gunicorn (en met CELERY_BROKER_URL een Celery-worker) zolang het blok loopt."""
        poort = _vrije_poort()
        omgeving = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
        }
        commando = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py",
                    "--bind", f"127.0.0.1:{poort}", "--workers", str(opties["workers"]),
                    "--timeout", "120", "--log-level", "warning"]
        self.stdout.write(f"\ngunicorn {opties['workers']} workers op 127.0.0.1:{poort}, "
                          f"cache {settings.CACHES['default'].get('LOCATION', 'per proces')}")
        processen = [subprocess.Popen(commando, env=omgeving, cwd=settings.BASE_DIR,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        if settings.CELERY_BROKER_URL:
            self.stdout.write(f"Celery-worker (1 proces) op {settings.CELERY_BROKER_URL}")
            processen.append(subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "-c", "1",
                 "-l", "warning", "--without-gossip", "--without-mingle"],
                env=omgeving, cwd=settings.BASE_DIR,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        else:
            self.stdout.write("Geen CELERY_BROKER_URL: herberekeningen in de request zelf.")
        self.gunicorn = processen[0]
        try:
            self._wacht_op(poort)
            yield poort
        finally:
            for proces in processen:
                proces.terminate()
            for proces in processen:
                try:
                    proces.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proces.kill()

    def _kop(self, client):
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={sessie}",
                "X-Forwarded-Proto": "https"}

    def _doorvoer(self, poort, landelijk, opties):
        self.stdout.write(f"\nDoorvoer (warm): {opties['verbindingen']} verbindingen, "
                          f"{opties['seconden']} s")
        proces = self.gunicorn
        kop = self._kop(landelijk)
        pad = reverse("rapportage:landelijk")
        status = _haal(poort, pad, kop)
        if status != 200:
            raise CommandError(f"gunicorn gaf {status} op {pad}.")
        cpu_voor, wand_voor = _cpu_seconden(proces.pid), time.monotonic()
        if shutil.which("wrk"):
            aantal = self._wrk(poort, pad, kop, opties)
        else:
            aantal = self._python_last(poort, pad, kop, opties)
        cpu = _cpu_seconden(proces.pid) - cpu_voor
        wand = time.monotonic() - wand_voor
        if aantal:
            per_request = cpu / aantal * 1000
            self.stdout.write(
                f"  gunicorn-workers gebruikten {cpu:.1f} CPU-s in {wand:.0f} s "
                f"({cpu / wand:.2f} cores): {per_request:.1f} ms CPU per request, dus "
                f"hooguit ~{2000 / per_request:.0f} requests/s op 2 vrije cores "
                f"(zonder PostgreSQL, Redis en de lastgenerator)."
            )

    def _gemengd(self, poort, programma, landelijk, opties):
        """Eén schrijfactie per seconde via de services en N lezers, dan de versheid."""
        kop = self._kop(landelijk)
        pilots = bench_last.pilotgemeenten()
        paden = [reverse("rapportage:landelijk")] + [
            reverse("rapportage:gemeente", args=[g.cbs_code]) for g in pilots]
        for pad in paden:  # de gewone, warme toestand: elke pagina is al eens bekeken
            _haal(poort, pad, kop)
        door = bench_last.schrijver_gebruiker(pilots)
        seconden, n = opties["gemengd_seconden"], opties["lezers"]
        self.stdout.write(f"\nGemengde last: 1 schrijfactie/s via de services in "
                          f"{len(pilots)} gemeenten, {n} lezers om en om landelijk en een "
                          f"willekeurige gemeente, {seconden} s")
        schrijver = bench_last.Schrijver(programma=programma, gemeenten=pilots, door=door)
        schrijver.start()
        try:
            tijden, fouten, herkomst = bench_last.lezers(
                poort=poort, kop=kop, paden=paden, aantal=n, seconden=seconden)
        finally:
            schrijver.stop.set()
            schrijver.join(timeout=30)
        p50, p99 = percentiel(tijden, 50), percentiel(tijden, 99)
        self.cijfers.update(gemengd_p50_ms=p50, gemengd_p99_ms=p99,
                            gemengd_requests=len(tijden), gemengd_fouten=len(fouten),
                            gemengd_schrijf=dict(schrijver.aantallen),
                            gemengd_schrijffouten=len(schrijver.fouten),
                            gemengd_herkomst=herkomst)
        self.stdout.write(
            f"  {len(tijden)} requests: p50 {p50:.1f} ms, p95 {percentiel(tijden, 95):.1f} ms, "
            f"p99 {p99:.1f} ms, max {max(tijden):.0f} ms; {len(fouten)} fouten; "
            f"herkomst {herkomst}")
        self.stdout.write(f"  schrijfacties: {schrijver.aantallen}, "
                          f"{len(schrijver.fouten)} geweigerd/fout")
        for fout in (fouten + schrijver.fouten)[:5]:
            self.stdout.write(f"    {fout}")

        self.stdout.write("\nVersheid: commit van een nieuwe plaatsing → landelijk dashboard")
        werkgever = schrijver._werkgever(pilots[0])
        stand, figuur = bench_last.versheid(
            poort=poort, kop=kop, pad=paden[0],
            csv_pad=reverse("rapportage:export_csv") + f"?programma={programma.pk}",
            programma=programma, gemeente=pilots[0], door=door, werkgever=werkgever)
        self.cijfers.update(versheid_stand_s=stand, versheid_cijfer_s=figuur)
        self.stdout.write(f"  stand na de commit na {_s(stand)}; personen geplaatst +1 "
                          f"(CSV, zelfde cache) na {_s(figuur)}")

    def _samenvatting(self):
        c = self.cijfers
        self.stdout.write("\n=== Samenvatting (één run) ===")
        regels = [
            ("koud landelijk dashboard (live, render)", "koud_landelijk_ms", "ms", "≤ 1500"),
            ("koud gemeentedashboard (live, render)", "koud_gemeente_ms", "ms", ""),
            ("koud eigen cijfers gemeente", "koud_gemeente_eigen_ms", "ms", "≤ 500"),
            ("warm landelijk (testclient)", "warm_landelijk_ms", "ms", ""),
            ("warm doorvoer, 16 verbindingen", "warm_rps", "req/s", "≥ 250"),
            ("gemengd p50", "gemengd_p50_ms", "ms", "≤ 30"),
            ("gemengd p99", "gemengd_p99_ms", "ms", "≤ 300"),
            ("gemengd fouten", "gemengd_fouten", "", "0"),
            ("versheid (stand na commit)", "versheid_stand_s", "s", "≤ 60"),
            ("versheid (cijfer +1)", "versheid_cijfer_s", "s", "≤ 60"),
        ]
        for titel, sleutel, eenheid, doel in regels:
            if sleutel in c:
                waarde = c[sleutel]
                tekst = "-" if waarde is None else (
                    f"{waarde:.1f}" if isinstance(waarde, float) else str(waarde))
                self.stdout.write(f"  {titel:42} {tekst:>10} {eenheid:6} {doel}")
        if "ruw_landelijk_ms" in c:
            ruw = c["ruw_landelijk_ms"]
            self.stdout.write(f"  live SQL landelijk (alle aggregaten)      {ruw:>10.1f} ms")
            for titel, sleutel in [("koud", "koud_landelijk_ms"), ("warm", "warm_landelijk_ms"),
                                   ("gemengd p50", "gemengd_p50_ms"),
                                   ("gemengd p99", "gemengd_p99_ms")]:
                if c.get(sleutel):
                    self.stdout.write(f"    verhouding {titel} / live SQL: "
                                      f"{c[sleutel] / ruw:.3f}")

    def _wacht_op(self, poort):
        einde = time.monotonic() + 60
        while time.monotonic() < einde:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{poort}/healthz", timeout=5):
                    return
            except OSError:
                time.sleep(0.3)
        raise CommandError("gunicorn startte niet binnen 60 s.")

    def _wrk(self, poort, pad, kop, opties):
        uitvoer, rps, fouten, aantal = bench_meten.wrk(
            poort, pad, kop, verbindingen=opties["verbindingen"], seconden=opties["seconden"])
        self.stdout.write("  " + uitvoer.replace("\n", "\n  "))
        self.cijfers["warm_rps"], self.cijfers["warm_fouten"] = rps, fouten
        self.stdout.write(f"  => {rps:.1f} requests/s, {fouten} antwoorden anders dan 2xx/3xx")
        return aantal

    def _python_last(self, poort, pad, kop, opties):
        """Begrensde lastgenerator (alleen 127.0.0.1) als wrk ontbreekt."""
        tijden, rps, fouten = bench_meten.python_last(
            poort, pad, kop, verbindingen=opties["verbindingen"], seconden=opties["seconden"])
        self.cijfers["warm_rps"], self.cijfers["warm_fouten"] = rps, fouten
        self.stdout.write(f"  => {rps:.1f} requests/s, {samenvatting(tijden)}, "
                          f"{fouten} antwoorden anders dan 200")
        return len(tijden)
