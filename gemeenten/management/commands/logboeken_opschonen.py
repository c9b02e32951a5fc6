"""`python manage.py logboeken_opschonen [--dry-run]`: de bewaartermijn van de logboeken.

Bedoeld voor een dagelijkse cronjob, naast `anonimiseer`. Zie `gemeenten.bewaartermijn`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from gemeenten.bewaartermijn import logboeken_opschonen


class Command(BaseCommand):
    help = (
        "Verwijder toegangslog (na BEWAARTERMIJN_TOEGANGSLOG_MAANDEN), mislukte inlogpogingen "
        "en het log van django-axes (na BEWAARTERMIJN_INLOGPOGINGEN_DAGEN) en verlopen sessies."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Toon alleen wat er zou gebeuren."
        )

    def handle(self, *args, dry_run=False, **options):
        r = logboeken_opschonen(dry_run=dry_run)
        self.stdout.write(
            f"Toegangslog: {settings.BEWAARTERMIJN_TOEGANGSLOG_MAANDEN} maanden (vóór "
            f"{timezone.localtime(r.grens_toegangslog):%d-%m-%Y %H:%M}); inlogpogingen: "
            f"{settings.BEWAARTERMIJN_INLOGPOGINGEN_DAGEN} dagen (vóór "
            f"{timezone.localtime(r.grens_inlogpogingen):%d-%m-%Y %H:%M}); sessies: verlopen."
        )
        werkwoord = "zou verwijderen" if dry_run else "verwijderd"
        regels = [
            ("toegangslog", r.toegangslog),
            ("mislukte inlogpogingen (toegangslog)", r.inlogpogingen),
            ("django-axes: pogingen", r.axes_pogingen),
            ("django-axes: mislukte inlogs", r.axes_mislukt),
            ("django-axes: in- en uitloglog", r.axes_inloglog),
            ("verlopen sessies", r.sessies),
        ]
        for naam, aantal in regels:
            self.stdout.write(f"  {naam}: {aantal}")
        samen = f"{'Proefdraai: ' if dry_run else ''}{r.totaal} regels {werkwoord}."
        self.stdout.write(samen if dry_run else self.style.SUCCESS(samen))
