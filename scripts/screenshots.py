"""Schermafbeeldingen van de hoofdpagina's voor de README (`make screenshots`).

Wat het doet, zonder iets aan de eigen database te veranderen:
1. een tijdelijke SQLite-database met `migrate` en `seed_demo` (deterministische demodata);
2. `runserver` op een vrije poort op 127.0.0.1 (DEBUG aan, MFA uit: alleen lokaal);
3. Debians Chromium (/usr/bin/chromium) via Playwright logt in als de demo-accounts en maakt
   van elke pagina een PNG van de hele pagina, 1280 en 390 pixels breed, in docs/screenshots/.

Gebruik: `make screenshots`, of `.venv/bin/python scripts/screenshots.py [--uit MAP]`.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BASIS = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
BREEDTES = {1280: 800, 390: 844}  # breedte: hoogte van het venster (de PNG is de hele pagina)
WACHTWOORD = "demo"

#: Kies een dossier dat laat zien wat er kan: geplaatst of in nazorg, met intake en contact.
DOSSIER_KIEZEN = """
from django.db.models import Count
from trajecten.models import Traject
t = (Traject.objects.filter(gemeente__cbs_code="GM0014", status__in=["geplaatst", "nazorg"],
                            intake__isnull=False, coach__isnull=False)
     .annotate(n=Count("contactmomenten")).order_by("-n", "pk").first())
print(t.deelnemer_id, t.pk)
"""


@dataclass
class Opname:
    naam: str
    gebruiker: str | None
    pad: str
    actie: str = ""  # "leeg_versturen": het formulier leeg versturen (foutmeldingen tonen)


def opnames(deelnemer: int, traject: int) -> list[Opname]:
    return [
        Opname("inloggen", None, "/accounts/login/"),
        Opname("werkvoorraad", "medewerker-groningen", "/werkvoorraad/"),
        Opname("agenda", "medewerker-groningen", "/agenda/"),
        Opname("deelnemers", "medewerker-groningen", "/deelnemers/"),
        Opname("dossier", "medewerker-groningen", f"/deelnemers/{deelnemer}/"),
        Opname("deelnemer-registreren-fouten", "medewerker-groningen", "/deelnemers/nieuw/",
               actie="leeg_versturen"),
        Opname("plaatsing-registreren", "medewerker-groningen", f"/trajecten/{traject}/plaatsing/"),
        Opname("werkgevers", "medewerker-groningen", "/werkgevers/"),
        Opname("rapportage-gemeente", "coordinator-groningen", "/rapportage/gemeente/GM0014/"),
        Opname("rapportage-landelijk", "landelijk", "/rapportage/"),
    ]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(omgeving: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASIS, env=omgeving, check=True, **kwargs
    )


def wacht_op(url: str, seconden: float = 30) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(url, timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"De server op {url} kwam niet op.")


def inloggen(page: Page, basis: str, gebruiker: str) -> None:
    page.goto(f"{basis}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(gebruiker)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def leeg_versturen(page: Page) -> None:
    page.locator("main form.app-formulier button[type=submit]").first.click()
    page.wait_for_load_state("load")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uit", type=Path, default=BASIS / "docs" / "screenshots")
    parser.add_argument("--poort", type=int, default=0,
                        help="poort van de tijdelijke server (standaard een vrije poort)")
    argumenten = parser.parse_args()
    uit: Path = argumenten.uit
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium ontbreekt ({CHROMIUM}): apt-get install chromium")
    uit.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="banenoffensief-screenshots-") as tmp:
        poort = argumenten.poort or vrije_poort()
        omgeving = {
            **os.environ,
            "DEBUG": "true", "MFA_VERPLICHT": "false", "LOG_LEVEL": "WARNING",
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3", "CACHE_URL": "locmemcache://",
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        print("Demodatabase opbouwen (migrate + seed_demo) …", flush=True)
        manage(omgeving, "migrate", "--noinput", "-v0")
        manage(omgeving, "seed_demo", "-v0", stdout=subprocess.DEVNULL)
        keuze = manage(
            omgeving, "shell", "-v0", "-c", DOSSIER_KIEZEN, capture_output=True, text=True
        )
        deelnemer, traject = (int(x) for x in keuze.stdout.strip().splitlines()[-1].split())

        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{poort}", "--noreload"],
            cwd=BASIS, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        basis = f"http://127.0.0.1:{poort}"
        try:
            wacht_op(f"{basis}/healthz")
            maak_opnames(basis, uit, opnames(deelnemer, traject))
        finally:
            server.terminate()
            server.wait(timeout=10)


def maak_opnames(basis: str, uit: Path, lijst: list[Opname]) -> None:
    with sync_playwright() as pw:
        # Nederlandse datumvelden (dd-mm-jjjj) als het pakket chromium-l10n er is; anders en-US.
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=nl-NL"],
            env={**os.environ, "LANGUAGE": "nl"},
        )
        sessies: dict[str | None, dict] = {}
        for breedte, hoogte in BREEDTES.items():
            for opname in lijst:
                context = browser.new_context(
                    viewport={"width": breedte, "height": hoogte}, locale="nl-NL",
                    timezone_id="Europe/Amsterdam", reduced_motion="reduce",
                    storage_state=sessies.get(opname.gebruiker),
                )
                page = context.new_page()
                if opname.gebruiker and opname.gebruiker not in sessies:
                    inloggen(page, basis, opname.gebruiker)
                    sessies[opname.gebruiker] = context.storage_state()
                page.goto(basis + opname.pad)
                if opname.actie == "leeg_versturen":
                    leeg_versturen(page)
                page.wait_for_load_state("networkidle")
                bestand = uit / f"{opname.naam}-{breedte}.png"
                page.screenshot(path=bestand, full_page=True, animations="disabled")
                print(f"  {bestand} ({bestand.stat().st_size // 1024} kB)", flush=True)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
