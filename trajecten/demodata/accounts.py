"""De demo-accounts: één per rol, met het wachtwoord dat `seed_demo --password` geeft."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Lidmaatschap


@dataclass(frozen=True)
class DemoAccount:
    gebruikersnaam: str
    omschrijving: str
    beheerder: bool = False
    lidmaatschappen: tuple[tuple[str | None, str], ...] = ()


DEMO_ACCOUNTS = [
    DemoAccount("beheerder", "beheerder (Django-admin)", beheerder=True),
    DemoAccount("landelijk", "landelijke coördinator", lidmaatschappen=((None, Rol.COORDINATOR),)),
    DemoAccount(
        "coordinator-groningen", "coördinator Groningen",
        lidmaatschappen=(("GM0014", Rol.COORDINATOR),),
    ),
    DemoAccount(
        "medewerker-groningen", "medewerker Groningen",
        lidmaatschappen=(("GM0014", Rol.MEDEWERKER),),
    ),
    DemoAccount(
        "collega-groningen", "tweede medewerker Groningen (om dossiers over te dragen)",
        lidmaatschappen=(("GM0014", Rol.MEDEWERKER),),
    ),
    DemoAccount(
        "medewerker-emmen", "medewerker Emmen", lidmaatschappen=(("GM0114", Rol.MEDEWERKER),)
    ),
]


def maak_demo_accounts(*, wachtwoord: str) -> list[DemoAccount]:
    """Maakt (of herstelt) de demo-accounts met dit wachtwoord en precies hun rollen."""
    User = get_user_model()
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.gebruikersnaam)
        user.email = f"{account.gebruikersnaam}@example.org"
        user.is_active = True
        user.is_staff = user.is_superuser = account.beheerder
        # Demo: set_password zonder de wachtwoordregels (het standaardwachtwoord is 'demo').
        user.set_password(wachtwoord)
        user.save()
        Lidmaatschap.objects.filter(user=user).delete()
        Lidmaatschap.objects.bulk_create(
            Lidmaatschap(user=user, gemeente=gemeenten.get(code) if code else None, rol=rol)
            for code, rol in account.lidmaatschappen
        )
    return DEMO_ACCOUNTS
