"""Na 0006: een afgerond traject heeft een reden (en alleen een afgerond traject), en op
PostgreSQL een trigram-index voor het zoeken op naam.

De index (pg_trgm, GIN) bedient `zoeknaam LIKE '%…%'`, het zoeken in elk deel van de naam
(`trajecten.filters`). pg_trgm is een 'trusted' extensie: de eigenaar van de database mag hem
aanmaken. SQLite (demo en tests) heeft geen trigram-index; daar doorzoekt een query de
deelnemers van de eigen gemeenten (index op gemeente).
"""

from django.db import migrations, models

INDEX = "trajecten_deelnemer_zoeknaam_trgm"


def maak_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON trajecten_deelnemer "
        "USING gin (zoeknaam gin_trgm_ops)"
    )


def verwijder_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("trajecten", "0006_vul_behandelaar_reden_zoeknaam"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="traject",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("reden_afgerond__in",
                         ["werk", "onderwijs", "vrijwilligerswerk", "verhuisd", "anders"]),
                        ("status", "afgerond"),
                    ),
                    models.Q(models.Q(("status", "afgerond"), _negated=True), ("reden_afgerond", "")),
                    _connector="OR",
                ),
                name="traject_afgerond_heeft_reden",
            ),
        ),
        migrations.RunPython(maak_zoekindex, verwijder_zoekindex),
    ]
