"""Gegevensversies per (programma, gemeente) in plaats van één globale versie (issue 15).

Installeert de triggers uit `rapportage/triggers.py` (en haalt de oude triggers weg, ook die op
deelnemers, contactmomenten en coach-gemeenten, die geen indicator leest).
"""

from django.db import migrations, models

from rapportage import triggers


def installeer(apps, schema_editor):
    triggers.installeer(apps, schema_editor.connection)


def verwijder(apps, schema_editor):
    triggers.verwijder(apps, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0006_vergelijk_vervolg_met_2006_2009"),
        ("trajecten", "0007_afgerond_reden_en_zoekindex"),
    ]

    operations = [
        migrations.CreateModel(
            name="Gegevensversie",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("programma_id", models.BigIntegerField(verbose_name="programma")),
                ("gemeente_id", models.BigIntegerField(verbose_name="gemeente")),
                ("versie", models.BigIntegerField(default=1, verbose_name="versie")),
                ("sleutel", models.BigIntegerField(
                    default=0,
                    help_text="Willekeurig bij elke ophoging, zodat een teruggezette database "
                              "nooit een oude cache-ingang hergebruikt.",
                    verbose_name="sleutel")),
            ],
            options={
                "verbose_name": "gegevensversie",
                "verbose_name_plural": "gegevensversies",
                "constraints": [models.UniqueConstraint(fields=("programma_id", "gemeente_id"),
                                                        name="gegevensversie_uniek")],
            },
        ),
        migrations.RunPython(installeer, verwijder),
        migrations.DeleteModel(name="RapportageVersie"),
    ]
