"""`manage.py seed_demo`: vult de database met deterministische demogegevens.

Opnieuw draaien (zonder `--als-leeg`) wist eerst alle dossiergegevens (deelnemers, trajecten,
intakes, plaatsingen, contactmomenten, coaches en werkgevers) en bouwt ze opnieuw op;
gemeenten, programma's en doelstellingen blijven staan. Daarom draait het alleen met DEBUG aan,
of met `--force` op een database die je echt mag wissen.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rapportage.demodata import doelen_per_gemeente
from trajecten import demodata


class Command(BaseCommand):
    help = (
        "Vult de database met realistische, deterministische demogegevens (wist eerst de "
        "bestaande dossiergegevens) en maakt de demo-accounts aan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--deelnemers", type=int, default=500,
            help="Aantal deelnemers in het lopende programma (standaard 500).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Seed: hetzelfde seed geeft dezelfde gegevens."
        )
        parser.add_argument(
            "--password", default="demo", help="Wachtwoord van de demo-accounts (standaard demo)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Ook draaien als DEBUG uit staat."
        )
        parser.add_argument(
            "--als-leeg", action="store_true",
            help="Niets doen als er al dossiergegevens zijn (voor make run).",
        )

    def handle(self, *args, deelnemers, seed, password, force, als_leeg, **options):
        self.verbosity = options["verbosity"]
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo wist de dossiergegevens en draait daarom alleen met DEBUG aan. "
                "Gebruik --force als je zeker weet dat deze database gewist mag worden."
            )
        if deelnemers < 0:
            raise CommandError("--deelnemers moet 0 of meer zijn.")
        if not password:
            raise CommandError("--password mag niet leeg zijn.")
        if als_leeg and demodata.heeft_dossiergegevens():
            self.stdout.write(
                "Er staan al dossiergegevens in de database; seed_demo --als-leeg doet niets."
            )
            return

        begin = time.monotonic()
        try:
            with transaction.atomic():
                verwijderd = demodata.wis_dossiergegevens()
                accounts = demodata.maak_demo_accounts(wachtwoord=password)
                doelen_per_gemeente()
                telling = demodata.bouw_demodata(
                    deelnemers=deelnemers, seed=seed, voortgang=self._voortgang
                )
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        duur = time.monotonic() - begin

        if any(verwijderd.values()):
            weg = ", ".join(f"{n} {naam}" for naam, n in verwijderd.items() if n)
            self.stdout.write(f"Eerst verwijderd: {weg}.")
        gemaakt = ", ".join(f"{n} {naam}" for naam, n in telling.aantallen.items())
        self.stdout.write(
            self.style.SUCCESS(f"Demogegevens aangemaakt in {duur:.1f} s: {gemaakt}.")
        )
        self.stdout.write(
            f"Banenoffensief 2006–2009: {telling.historie_geplaatst} personen geplaatst van de "
            f"{demodata.HISTORIE_GEPLAATST + demodata.HISTORIE_NIET_GEPLAATST} deelnemers "
            "(doel 2600)."
        )
        self.stdout.write(f"Demo-accounts (wachtwoord: {password}):")
        for account in accounts:
            self.stdout.write(f"  {account.gebruikersnaam:<24} {account.omschrijving}")

    def _voortgang(self, bericht: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(f"  … {bericht}")
