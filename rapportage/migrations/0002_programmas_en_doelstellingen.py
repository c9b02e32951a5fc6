"""De twee programma's en hun doelstellingen (docs/domain.md).

Datums en bedragen zijn gegevens: de beheerder kan ze in de admin aanpassen. Deze migratie
is idempotent (update_or_create op de naam).
"""

import datetime
from decimal import Decimal

from django.db import migrations

from gemeenten.constants import VOORTREKKERSGEMEENTEN

PILOT_CODES = [code for code, _naam, _provincie in VOORTREKKERSGEMEENTEN]

PROGRAMMAS = [
    {
        "naam": "Banenoffensief Vluchtelingen",
        "startdatum": datetime.date(2006, 1, 1),
        "einddatum": datetime.date(2009, 3, 31),
        "budget": None,
        "pilots": False,
        "doel": ("personen_geplaatst", 2600),
    },
    {
        "naam": "Vervolg Banenoffensief",
        "startdatum": datetime.date(2026, 1, 1),
        "einddatum": datetime.date(2027, 12, 31),
        "budget": Decimal("1000000.00"),
        "pilots": True,
        "doel": ("trajecten_gestart", 700),
    },
]


def seed(apps, schema_editor):
    Programma = apps.get_model("rapportage", "Programma")
    Doelstelling = apps.get_model("rapportage", "Doelstelling")
    Gemeente = apps.get_model("gemeenten", "Gemeente")
    for p in PROGRAMMAS:
        programma, _ = Programma.objects.update_or_create(
            naam=p["naam"],
            defaults={k: p[k] for k in ("startdatum", "einddatum", "budget")},
        )
        if p["pilots"]:
            programma.gemeenten.add(*Gemeente.objects.filter(cbs_code__in=PILOT_CODES))
        indicator, streefwaarde = p["doel"]
        Doelstelling.objects.update_or_create(
            programma=programma,
            indicator=indicator,
            gemeente=None,
            startdatum=None,
            einddatum=None,
            defaults={"streefwaarde": streefwaarde},
        )


def unseed(apps, schema_editor):
    Programma = apps.get_model("rapportage", "Programma")
    Programma.objects.filter(naam__in=[p["naam"] for p in PROGRAMMAS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0001_initial"),
        ("gemeenten", "0002_voortrekkersgemeenten"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
