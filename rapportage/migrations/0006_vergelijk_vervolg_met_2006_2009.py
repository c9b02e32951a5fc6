"""Het Vervolg Banenoffensief wordt vergeleken met het Banenoffensief Vluchtelingen 2006–2009
(docs/domain.md, "Indicatoren"). Idempotent; een bestaande keuze in de admin blijft staan."""

from django.db import migrations

VERVOLG = "Vervolg Banenoffensief"
EERDER = "Banenoffensief Vluchtelingen"


def koppel(apps, schema_editor):
    Programma = apps.get_model("rapportage", "Programma")
    eerder = Programma.objects.filter(naam=EERDER).first()
    if eerder is not None:
        Programma.objects.filter(naam=VERVOLG, vergelijk_met__isnull=True).update(
            vergelijk_met=eerder
        )


def ontkoppel(apps, schema_editor):
    Programma = apps.get_model("rapportage", "Programma")
    Programma.objects.filter(naam=VERVOLG).update(vergelijk_met=None)


class Migration(migrations.Migration):
    dependencies = [("rapportage", "0005_vergelijking_en_doelen_per_gemeente")]
    operations = [migrations.RunPython(koppel, ontkoppel)]
