"""Databasetriggers die `RapportageVersie` ophogen bij elke schrijfactie op de brontabellen.

Waarom triggers en geen Django-signalen: signalen missen `bulk_create`, `QuerySet.update()`,
raw SQL en migraties; een trigger niet, en hij draait altijd in dezelfde transactie als de
schrijfactie. Op PostgreSQL is het een uitgestelde constraint-trigger (DEFERRABLE INITIALLY
DEFERRED): hij draait bij de commit, dus de rij met de versie wordt pas dan vergrendeld en
gelijktijdige schrijvers wachten alleen tijdens elkaars commit op elkaar (geen deadlock via deze
rij). Tests, die nooit committen, zetten hem met `SET CONSTRAINTS rapportage_versie IMMEDIATE`
op direct. Op SQLite (tests, ontwikkeling) hoogt een rijtrigger direct op.

Sinds 0007 (versies per programma en gemeente) installeert 0007 de triggers uit
`rapportage/triggers.py`; deze migratie maakt alleen nog de oude versierij (0007 haalt die weg).
"""

from django.db import migrations

from rapportage import triggers


def installeer(apps, schema_editor):
    Versie = apps.get_model("rapportage", "RapportageVersie")
    Versie.objects.update_or_create(id=1, defaults={"versie": 1, "sleutel": 0})


def verwijder(apps, schema_editor):
    triggers.verwijder(apps, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0003_rapportageversie"),
        ("trajecten", "0001_initial"),
        ("gemeenten", "0002_voortrekkersgemeenten"),
    ]
    operations = [migrations.RunPython(installeer, verwijder)]
