"""`python manage.py anonimiseer [--dry-run]`: de AVG-bewaartermijn handhaven.

Bedoeld voor een dagelijkse cronjob, bijvoorbeeld
`0 3 * * * cd /app && python manage.py anonimiseer`. Zie `trajecten.avg.anonimiseer`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from trajecten.avg import anonimiseer, grensdatum, grensdatum_zonder_traject


class Command(BaseCommand):
    help = (
        "Anonimiseer deelnemers van wie het laatste traject langer dan BEWAARTERMIJN_JAREN "
        "geleden eindigde en die geen open traject hebben, en deelnemers zonder traject die "
        "BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN niet zijn gewijzigd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon alleen wat er zou gebeuren; wijzig niets.",
        )

    def handle(self, *args, dry_run=False, **options):
        resultaat = anonimiseer(dry_run=dry_run)
        aantal = len(resultaat.deelnemers)
        self.stdout.write(
            f"Bewaartermijn: {settings.BEWAARTERMIJN_JAREN} jaar; trajecten geëindigd vóór "
            f"{grensdatum():%d-%m-%Y}. Zonder traject: "
            f"{settings.BEWAARTERMIJN_ZONDER_TRAJECT_MAANDEN} maanden; laatst gewijzigd vóór "
            f"{grensdatum_zonder_traject():%d-%m-%Y}."
        )
        if dry_run:
            self.stdout.write(f"Proefdraai: {aantal} deelnemers zouden worden geanonimiseerd.")
        else:
            self.stdout.write(self.style.SUCCESS(f"{aantal} deelnemers geanonimiseerd."))
        if aantal:
            self.stdout.write(
                f"  trajecten: {resultaat.trajecten}, intakes: {resultaat.intakes}, "
                f"contactmomenten: {resultaat.contactmomenten}, "
                f"historieregels {'te verwijderen' if dry_run else 'verwijderd'}: "
                f"{resultaat.historie_verwijderd}, regels in het beheerlog: "
                f"{resultaat.beheerlog}"
                + ("" if dry_run else
                   f", toegangslogregels geschoond: {resultaat.toegangslog}, "
                   f"extra: {resultaat.extra}")
            )
            # Alleen interne nummers: geen namen of BSN's in uitvoer die in cronlogs belandt.
            nummers = ", ".join(str(pk) for pk in resultaat.deelnemers[:50])
            meer = f" (en {aantal - 50} meer)" if aantal > 50 else ""
            self.stdout.write(f"  deelnemernummers: {nummers}{meer}")
