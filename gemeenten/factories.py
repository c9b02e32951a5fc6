import factory
from django.contrib.auth import get_user_model

from gemeenten.constants import Provincie, Rol
from gemeenten.models import Gemeente, Lidmaatschap


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    naam = factory.Sequence(lambda n: f"Testgemeente {n:04d}")
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    provincie = Provincie.UTRECHT
    is_pilot = False


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("Wachtwoord-voor-tests-123")


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    user = factory.SubFactory(UserFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    rol = Rol.MEDEWERKER
