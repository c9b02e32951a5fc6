"""De databasetriggers die `RapportageVersie` ophogen (zie migratie 0004 en README).

Ze worden geïnstalleerd door migratie 0004 én na elke `migrate` (post_migrate in
`apps.py`): SQLite bouwt een tabel bij een latere `AlterField` opnieuw op en gooit daarbij
haar triggers weg, dus de installatie is idempotent en draait opnieuw na elke migratie.
"""

from __future__ import annotations

#: (app, model, m2m-veld of None): de tabellen met een trigger. Elke schrijfactie op een van
#: deze tabellen hoogt de gegevensversie op, dus maakt elk gecachet dashboard koud. De
#: indicatoren (`indicatoren.py`) lezen ze allemaal behalve Deelnemer en Contactmoment: een
#: schrijfactie op die twee verandert geen cijfer, maar maakt de dashboards wel koud.
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
    # Issue 14: het opleidingsbudget besteed (`indicatoren/budget.py`).
    ("trajecten", "Uitgave", None),
    # Werkgevers als partner (issue 16, `indicatoren/werkgevers.py`):
    ("trajecten", "Werkgever", None),
    ("trajecten", "WerkgeverContact", None),
    ("trajecten", "Bijeenkomst", None),
    ("trajecten", "Bijeenkomst", "gemeenten"),
    ("trajecten", "Deelname", None),
    ("trajecten", "SocialReturnAfspraak", None),
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


def tabellen(apps, *, ontbrekende_overslaan: bool = False) -> list[str]:
    """De brontabellen. `ontbrekende_overslaan`: een model dat in deze migratiestand nog niet
    bestaat (migratie 0004 draait vóór bijvoorbeeld `trajecten.Uitgave`) overslaan; de
    post_migrate-stap installeert de rest zodra alle tabellen er zijn."""
    uit = []
    for app_label, model_naam, m2m in BRONNEN:
        try:
            model = apps.get_model(app_label, model_naam)
        except LookupError:
            if ontbrekende_overslaan:
                continue
            raise
        if m2m:
            model = model._meta.get_field(m2m).remote_field.through
        uit.append(model._meta.db_table)
    return uit


def installeer(apps, connection) -> None:
    """Installeert (of herstelt) alle triggers; idempotent."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute(PG_FUNCTIE)
            for tabel in tabellen(apps, ontbrekende_overslaan=True):
                cursor.execute(f'DROP TRIGGER IF EXISTS rapportage_versie ON "{tabel}"')
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER rapportage_versie AFTER INSERT OR UPDATE OR "
                    f'DELETE ON "{tabel}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                    f"EXECUTE FUNCTION {FUNCTIE}()"
                )
                cursor.execute(
                    f'DROP TRIGGER IF EXISTS rapportage_versie_truncate ON "{tabel}"'
                )
                cursor.execute(
                    f'CREATE TRIGGER rapportage_versie_truncate AFTER TRUNCATE ON "{tabel}" '
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTIE}()"
                )
        elif vendor == "sqlite":
            for tabel in tabellen(apps, ontbrekende_overslaan=True):
                for actie in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f'CREATE TRIGGER IF NOT EXISTS "rapportage_versie_{tabel}_{actie.lower()}" '
                        f'AFTER {actie} ON "{tabel}" BEGIN '
                        f"INSERT OR IGNORE INTO {VERSIETABEL} (id, versie, sleutel) "
                        f"VALUES (1, 0, 0); "
                        f"UPDATE {VERSIETABEL} SET versie = versie + 1, sleutel = random() "
                        f"WHERE id = 1; END"
                    )
        else:  # pragma: no cover - alleen SQLite en PostgreSQL worden ondersteund
            raise NotImplementedError(f"Geen rapportagetriggers voor database {vendor!r}.")


def verwijder(apps, connection) -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            for tabel in tabellen(apps, ontbrekende_overslaan=True):
                cursor.execute(f'DROP TRIGGER IF EXISTS rapportage_versie ON "{tabel}"')
                cursor.execute(f'DROP TRIGGER IF EXISTS rapportage_versie_truncate ON "{tabel}"')
            cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTIE}()")
        elif vendor == "sqlite":
            for tabel in tabellen(apps, ontbrekende_overslaan=True):
                for actie in ("insert", "update", "delete"):
                    cursor.execute(f'DROP TRIGGER IF EXISTS "rapportage_versie_{tabel}_{actie}"')


def na_migratie(sender, app_config=None, using="default", apps=None, plan=None, **kwargs):
    """post_migrate: herstel de triggers als alle brontabellen bestaan."""
    from django.db import connections

    if apps is None or app_config is None or app_config.label != "rapportage":
        return
    verbinding = connections[using]
    bestaand = set(verbinding.introspection.table_names())
    try:
        nodig = tabellen(apps)
    except LookupError:  # rapportage (deels) teruggemigreerd
        return
    if VERSIETABEL in bestaand and set(nodig) <= bestaand:
        installeer(apps, verbinding)
