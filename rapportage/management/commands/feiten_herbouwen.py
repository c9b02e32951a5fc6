"""`python manage.py feiten_herbouwen` — de feitentabel van de plaatsingen opnieuw opbouwen.

De triggers houden `Plaatsingsfeit` bij in de transactie van elke schrijfactie
(`rapportage/feiten.py`); dit commando is voor herstel en controle: na een restore van alleen
de brontabellen, of om te laten zien dat de bijgehouden tabel gelijk is aan een herbouw.

    python manage.py feiten_herbouwen               # herbouwen (één transactie)
    python manage.py feiten_herbouwen --controleer  # alleen tellen; exit 1 als iets afwijkt
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from rapportage import feiten


class Command(BaseCommand):
    help = "Bouwt de feitentabel van de plaatsingen opnieuw op (of controleert haar)."

    def add_arguments(self, parser):
        parser.add_argument("--controleer", action="store_true",
                            help="Niets wijzigen; melden hoeveel feiten afwijken van een herbouw.")

    def handle(self, *args, controleer=False, **opties):
        if controleer:
            afwijkend = feiten.verschillen(connection)
            if afwijkend:
                raise CommandError(f"{afwijkend} feiten wijken af van een herbouw; "
                                   "draai `manage.py feiten_herbouwen`.")
            self.stdout.write("De feitentabel is gelijk aan een herbouw.")
            return
        with transaction.atomic():
            aantal = feiten.herbouw(connection)
        self.stdout.write(f"Feitentabel herbouwd: {aantal} plaatsingen.")
