import datetime

import factory

from rapportage.constants import Indicator
from rapportage.models import Doelstelling, Programma


class ProgrammaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programma
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Testprogramma {n}")
    startdatum = datetime.date(2026, 1, 1)
    einddatum = datetime.date(2027, 12, 31)
    budget = 1_000_000


class DoelstellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doelstelling

    programma = factory.SubFactory(ProgrammaFactory)
    indicator = Indicator.TRAJECTEN_GESTART
    streefwaarde = 700
