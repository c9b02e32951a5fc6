"""Databasetriggers die `RapportageVersie` ophogen bij elke schrijfactie op de brontabellen.

Waarom triggers en geen Django-signalen: signalen missen `bulk_create`, `QuerySet.update()`,
raw SQL en migraties; een trigger niet, en hij draait altijd in dezelfde transactie als de
schrijfactie. Op PostgreSQL is het een uitgestelde constraint-trigger (DEFERRABLE INITIALLY
DEFERRED): hij draait bij de commit, dus de rij met de versie wordt pas dan vergrendeld en
gelijktijdige schrijvers wachten alleen tijdens elkaars commit op elkaar (geen deadlock via deze
rij). Tests, die nooit committen, zetten hem met `SET CONSTRAINTS rapportage_versie IMMEDIATE`
op direct. Op SQLite (tests, ontwikkeling) hoogt een rijtrigger direct op.

De tabellen staan hieronder; wie een indicator toevoegt die een andere tabel leest, voegt
die tabel hier (in een nieuwe migratie) toe.
"""

from django.db import migrations

BRONNEN = [
    ("gemeenten", "Gemeente", None),
    ("trajecten", "Deelnemer", None),
    ("trajecten", "Coach", None),
    ("trajecten", "Coach", "gemeenten"),
    ("trajecten", "Traject", None),
    ("trajecten", "Plaatsing", None),
    ("trajecten", "Contactmoment", None),
    ("rapportage", "Programma", None),
    ("rapportage", "Programma", "gemeenten"),
    ("rapportage", "Doelstelling", None),
]

VERSIETABEL = "rapportage_rapportageversie"
FUNCTIE = "rapportage_versie_ophogen"

PG_FUNCTIE = f"""
CREATE OR REPLACE FUNCTION {FUNCTIE}() RETURNS trigger AS $$
BEGIN
  UPDATE {VERSIETABEL}
     SET versie = versie + 1, sleutel = floor(random() * 9007199254740991)::bigint
   WHERE id = 1;
  IF NOT FOUND THEN
    INSERT INTO {VERSIETABEL} (id, versie, sleutel)
    VALUES (1, 1, floor(random() * 9007199254740991)::bigint)
    ON CONFLICT (id) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""


def tabellen(apps):
    for app_label, model_naam, m2m in BRONNEN:
        model = apps.get_model(app_label, model_naam)
        if m2m:
            model = model._meta.get_field(m2m).remote_field.through
        yield model._meta.db_table


def installeer(apps, schema_editor):
    Versie = apps.get_model("rapportage", "RapportageVersie")
    Versie.objects.update_or_create(id=1, defaults={"versie": 1, "sleutel": 0})
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTIE)
        for tabel in tabellen(apps):
            schema_editor.execute(
                f'CREATE CONSTRAINT TRIGGER rapportage_versie AFTER INSERT OR UPDATE OR DELETE '
                f'ON "{tabel}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                f"EXECUTE FUNCTION {FUNCTIE}()"
            )
            schema_editor.execute(
                f'CREATE TRIGGER rapportage_versie_truncate AFTER TRUNCATE ON "{tabel}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTIE}()"
            )
    elif vendor == "sqlite":
        for tabel in tabellen(apps):
            for actie in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f'CREATE TRIGGER "rapportage_versie_{tabel}_{actie.lower()}" '
                    f'AFTER {actie} ON "{tabel}" BEGIN '
                    f"INSERT OR IGNORE INTO {VERSIETABEL} (id, versie, sleutel) VALUES (1, 0, 0); "
                    f"UPDATE {VERSIETABEL} SET versie = versie + 1, sleutel = random() "
                    f"WHERE id = 1; END"
                )
    else:  # pragma: no cover - alleen SQLite en PostgreSQL worden ondersteund
        raise NotImplementedError(f"Geen rapportagetriggers voor database {vendor!r}.")


def verwijder(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for tabel in tabellen(apps):
            schema_editor.execute(f'DROP TRIGGER IF EXISTS rapportage_versie ON "{tabel}"')
            schema_editor.execute(
                f'DROP TRIGGER IF EXISTS rapportage_versie_truncate ON "{tabel}"'
            )
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTIE}()")
    elif vendor == "sqlite":
        for tabel in tabellen(apps):
            for actie in ("insert", "update", "delete"):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "rapportage_versie_{tabel}_{actie}"')


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0003_rapportageversie"),
        ("trajecten", "0001_initial"),
        ("gemeenten", "0002_voortrekkersgemeenten"),
    ]
    operations = [migrations.RunPython(installeer, verwijder)]
