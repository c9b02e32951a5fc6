"""De databasetriggers die de gegevensversies (`Gegevensversie`) ophogen.

Een schrijfactie hoogt in haar eigen transactie de versie op van wat zij raakt: een traject
of plaatsing de versie van zijn (programma, gemeente); een tabel die alle dashboards raakt
(gemeenten, coaches, programma's, doelstellingen) de algemene versie (0, 0). Een dashboard
hangt af van de versies van zijn eigen programma en gemeenten plus de algemene
(`rapportage/cache.py`): een schrijfactie in Emmen laat de cijfers van Groningen warm.

Een tabel die een indicator leest, registreer je met ÉÉN regel in `BRONNEN`:

    Bron("trajecten", "Werkgever"),                          # raakt alles (algemeen)
    Bron("trajecten", "Budgetregel", via=VIA_TRAJECT),       # heeft traject_id
    Bron("rapportage", "Iets", via=EIGEN),                   # heeft programma_id en gemeente_id
    Bron("rapportage", "Programma", m2m="gemeenten"),        # de koppeltabel van een m2m-veld

Daarna `migrate` (de triggers worden na elke migrate opnieuw geïnstalleerd, idempotent) en
`tests/rapportage/test_cache.py::test_elke_brontabel_heeft_een_versietrigger` controleert het.
Een tabel die geen indicator leest (deelnemers, contactmomenten) krijgt géén trigger: een
schrijfactie daarop maakt geen dashboard koud.

PostgreSQL: een uitgestelde constraint-trigger (DEFERRABLE INITIALLY DEFERRED), dus hij draait
bij de commit; per (programma, gemeente) hoogt hij hooguit één keer per commit op (een
transactie-lokale lijst van al opgehoogde sleutels, `rapportage.versies`), zodat een bulkimport
of seed_demo één update per sleutel doet en geen keten van rijversies opbouwt. Tests, die nooit
committen, zetten hem met `SET CONSTRAINTS rapportage_versie IMMEDIATE` op direct; dan hoogt
hij één keer per statement per sleutel op. SQLite (ontwikkeling, tests): een rijtrigger die
direct ophoogt (geen MVCC-keten, dus goedkoop).

Triggers en geen Django-signalen: signalen missen `bulk_create`, `QuerySet.update()`, raw SQL
en migraties; een trigger niet.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Waar de sleutel (programma, gemeente) van een rij vandaan komt.
ALGEMEEN = "algemeen"  # elke schrijfactie raakt alle dashboards: sleutel (0, 0)
EIGEN = "eigen"  # de rij heeft zelf programma_id en gemeente_id
VIA_TRAJECT = "via_traject"  # de rij heeft traject_id: de sleutel van dat traject


@dataclass(frozen=True)
class Bron:
    app: str
    model: str
    m2m: str | None = None
    via: str = ALGEMEEN


#: De tabellen die een indicator leest (rapportage/indicatoren/). Eén regel per tabel.
BRONNEN = [
    Bron("trajecten", "Traject", via=EIGEN),
    Bron("trajecten", "Plaatsing", via=VIA_TRAJECT),
    Bron("trajecten", "Coach"),  # getraind_op (coaches getraind)
    Bron("gemeenten", "Gemeente"),  # naam en code in de tabel per gemeente
    Bron("rapportage", "Programma"),
    Bron("rapportage", "Programma", m2m="gemeenten"),
    Bron("rapportage", "Doelstelling"),
    # Issue 14: het opleidingsbudget besteed (`indicatoren/budget.py`), per traject.
    Bron("trajecten", "Uitgave", via=VIA_TRAJECT),
    # Werkgevers als partner (issue 16, `indicatoren/werkgevers.py`): zonder programma, dus de
    # algemene versie.
    Bron("trajecten", "Werkgever"),
    Bron("trajecten", "WerkgeverContact"),
    Bron("trajecten", "Bijeenkomst"),
    Bron("trajecten", "Bijeenkomst", m2m="gemeenten"),
    Bron("trajecten", "Deelname"),
    Bron("trajecten", "SocialReturnAfspraak"),
]

VERSIETABEL = "rapportage_gegevensversie"
FUNCTIE = "rapportage_versie_ophogen"
TRIGGER = "rapportage_versie"  # ook de naam voor SET CONSTRAINTS … IMMEDIATE in tests
TRAJECTTABEL = "trajecten_traject"
#: Een willekeurig deel bij elke ophoging: een teruggezette database (of teruggedraaide
#: testtransactie) hergebruikt zo nooit een oude cache-ingang met hetzelfde versienummer.
MODULUS = 1_000_000_007

PG_FUNCTIE = f"""
CREATE OR REPLACE FUNCTION {FUNCTIE}() RETURNS trigger AS $$
DECLARE
  sleutels bigint[] := ARRAY[]::bigint[];
  p bigint; g bigint; i int; k text;
  stempel text := statement_timestamp()::text;
  gezien text := coalesce(current_setting('rapportage.versies', true), '');
BEGIN
  IF TG_ARGV[0] = '{ALGEMEEN}' OR TG_OP = 'TRUNCATE' THEN
    sleutels := ARRAY[0, 0];
  ELSIF TG_ARGV[0] = '{EIGEN}' THEN
    IF TG_OP <> 'DELETE' THEN sleutels := sleutels || ARRAY[NEW.programma_id, NEW.gemeente_id];
    END IF;
    IF TG_OP <> 'INSERT' THEN sleutels := sleutels || ARRAY[OLD.programma_id, OLD.gemeente_id];
    END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN
      SELECT t.programma_id, t.gemeente_id INTO p, g FROM {TRAJECTTABEL} t
       WHERE t.id = NEW.traject_id;
      IF FOUND THEN sleutels := sleutels || ARRAY[p, g]; END IF;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      SELECT t.programma_id, t.gemeente_id INTO p, g FROM {TRAJECTTABEL} t
       WHERE t.id = OLD.traject_id;
      IF FOUND THEN sleutels := sleutels || ARRAY[p, g]; END IF;
    END IF;
  END IF;
  -- Eén ophoging per sleutel per statement; bij de commit (uitgesteld) is dat per transactie.
  IF split_part(gezien, '|', 1) <> stempel THEN gezien := stempel || '|'; END IF;
  i := 1;
  WHILE i < coalesce(array_length(sleutels, 1), 0) LOOP
    k := ' ' || sleutels[i] || ':' || sleutels[i + 1] || ' ';
    IF position(k IN gezien) = 0 THEN
      gezien := gezien || k;
      INSERT INTO {VERSIETABEL} AS v (programma_id, gemeente_id, versie, sleutel)
      VALUES (sleutels[i], sleutels[i + 1], 1, floor(random() * {MODULUS})::bigint)
      ON CONFLICT (programma_id, gemeente_id) DO UPDATE
        SET versie = v.versie + 1, sleutel = EXCLUDED.sleutel;
    END IF;
    i := i + 2;
  END LOOP;
  PERFORM set_config('rapportage.versies', gezien, true);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""


def _sqlite_ophogen(p: str, g: str, van: str = "") -> str:
    """SQLite: hoog de versie van (p, g) op (p en g zijn SQL-expressies)."""
    waar = van or ""
    return (
        f"INSERT OR IGNORE INTO {VERSIETABEL} (programma_id, gemeente_id, versie, sleutel) "
        f"SELECT {p}, {g}, 0, 0 {waar}; "
        f"UPDATE {VERSIETABEL} SET versie = versie + 1, sleutel = abs(random()) % {MODULUS} "
        f"WHERE (programma_id, gemeente_id) IN (SELECT {p}, {g} {waar}); "
    )


def _sqlite_body(via: str, actie: str) -> str:
    rijen = {"INSERT": ["NEW"], "DELETE": ["OLD"], "UPDATE": ["NEW", "OLD"]}[actie]
    if via == ALGEMEEN:
        return _sqlite_ophogen("0", "0")
    body = ""
    for rij in rijen:
        if via == EIGEN:
            body += _sqlite_ophogen(f"{rij}.programma_id", f"{rij}.gemeente_id")
        else:
            body += _sqlite_ophogen(
                "t.programma_id", "t.gemeente_id",
                f"FROM {TRAJECTTABEL} t WHERE t.id = {rij}.traject_id",
            )
    return body


def tabellen(apps, *, ontbrekende_overslaan: bool = False) -> list[tuple[str, str]]:
    """(tabel, via) per bron. `ontbrekende_overslaan`: een model dat in deze migratiestand nog
    niet bestaat overslaan (de post_migrate-stap installeert het zodra alles er is)."""
    uit = []
    for bron in BRONNEN:
        try:
            model = apps.get_model(bron.app, bron.model)
        except LookupError:
            if ontbrekende_overslaan:
                continue
            raise
        if bron.m2m:
            model = model._meta.get_field(bron.m2m).remote_field.through
        uit.append((model._meta.db_table, bron.via))
    return uit


def _bestaande_pg_triggers(cursor) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname IN (%s, %s)", [TRIGGER, f"{TRIGGER}_truncate"]
    )
    return cursor.fetchall()


def installeer(apps, connection) -> None:
    """Installeert (of herstelt) alle triggers; idempotent. Haalt ook triggers weg van
    tabellen die niet (meer) in `BRONNEN` staan."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute(PG_FUNCTIE)
            for tabel, naam in _bestaande_pg_triggers(cursor):
                cursor.execute(f'DROP TRIGGER IF EXISTS {naam} ON "{tabel}"')
            for tabel, via in tabellen(apps, ontbrekende_overslaan=True):
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR "
                    f'DELETE ON "{tabel}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                    f"EXECUTE FUNCTION {FUNCTIE}('{via}')"
                )
                cursor.execute(
                    f'CREATE TRIGGER {TRIGGER}_truncate AFTER TRUNCATE ON "{tabel}" '
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTIE}('{ALGEMEEN}')"
                )
        elif vendor == "sqlite":
            _verwijder_sqlite(cursor)
            for tabel, via in tabellen(apps, ontbrekende_overslaan=True):
                for actie in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f'CREATE TRIGGER "{TRIGGER}_{tabel}_{actie.lower()}" '
                        f'AFTER {actie} ON "{tabel}" BEGIN {_sqlite_body(via, actie)} END'
                    )
        else:  # pragma: no cover - alleen SQLite en PostgreSQL worden ondersteund
            raise NotImplementedError(f"Geen rapportagetriggers voor database {vendor!r}.")


def _verwijder_sqlite(cursor) -> None:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
        [f"{TRIGGER}_%"],
    )
    for (naam,) in cursor.fetchall():
        cursor.execute(f'DROP TRIGGER IF EXISTS "{naam}"')


def verwijder(apps, connection) -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            for tabel, naam in _bestaande_pg_triggers(cursor):
                cursor.execute(f'DROP TRIGGER IF EXISTS {naam} ON "{tabel}"')
            cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTIE}()")
        elif vendor == "sqlite":
            _verwijder_sqlite(cursor)


def na_migratie(sender, app_config=None, using="default", apps=None, plan=None, **kwargs):
    """post_migrate: herstel de versietriggers als alle brontabellen bestaan, en de triggers
    van de feitentabel (`feiten.py`)."""
    from django.db import connections

    if apps is None or app_config is None or app_config.label != "rapportage":
        return
    verbinding = connections[using]
    bestaand = set(verbinding.introspection.table_names())
    try:
        nodig = {tabel for tabel, _via in tabellen(apps)}
    except LookupError:  # rapportage (deels) teruggemigreerd
        return
    if VERSIETABEL in bestaand and nodig <= bestaand:
        installeer(apps, verbinding)
    from . import feiten

    if {feiten.FEITTABEL, feiten.PLAATSINGTABEL, feiten.TRAJECTTABEL} <= bestaand:
        feiten.installeer(verbinding)
