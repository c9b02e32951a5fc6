"""De feitentabel van de plaatsingen (`Plaatsingsfeit`): bijgehouden in de transactie van elke
schrijfactie, door databasetriggers, en opnieuw op te bouwen.

Waarom: personen geplaatst is een distinct telling over plaatsingen gejoind met trajecten; bij
een miljoen trajecten kostte elk van die queries 1–1,5 s. Met per werkplaatsing de startdatum
van de vorige werkplaatsing van dezelfde deelnemer (in het programma, en in de gemeente) is het
een telling zonder join en zonder DISTINCT: een deelnemer telt in [van, tot] via precies één
rij, de eerste in dat venster (start in [van, tot], vorige leeg of vóór van). Gelijke
startdatums tellen in de volgorde van het id, zodat de tweede een vorige op dezelfde dag heeft.

Het ene recept is `SELECTIE`: de trigger rekent het voor de deelnemers die een schrijfactie
raakt (alle feiten van die deelnemers weg, opnieuw uit de plaatsingen), `herbouw()` voor
iedereen. Zo kan de bijgehouden tabel niet anders zijn dan een herbouwde, en
`tests/rapportage/test_feiten.py` controleert dat na elke soort schrijfactie.

Wanneer een deelnemer opnieuw gerekend wordt:
- een plaatsing erbij, gewijzigd of weg: haar deelnemer (bij een ander traject: beide);
- een traject met een andere deelnemer, programma, gemeente (verhuizing) of aanmelddatum:
  de oude en de nieuwe deelnemer;
- TRUNCATE van de plaatsingen: alles weg.

PostgreSQL: statement-triggers met transitietabellen (een bulk-insert van 600.000 plaatsingen
rekent één keer, set-gewijs), en per deelnemer een advisory lock tot de commit, zodat twee
gelijktijdige schrijfacties voor dezelfde deelnemer elkaars plaatsingen zien; een grote
bulk neemt een tabelslot. SQLite: rijtriggers (één schrijver tegelijk).
"""

from __future__ import annotations

from trajecten.constants import GEPLAATST_SOORTEN

FEITTABEL = "rapportage_plaatsingsfeit"
PLAATSINGTABEL = "trajecten_plaatsing"
TRAJECTTABEL = "trajecten_traject"
TRIGGER = "rapportage_feiten"
FUNCTIE_BIJ = "rapportage_feiten_bij"
FUNCTIE_PLAATSING = "rapportage_feiten_plaatsing"
FUNCTIE_TRAJECT = "rapportage_feiten_traject"
FUNCTIE_LEEG = "rapportage_feiten_leeg"
#: Namespace van de advisory locks per deelnemer (PostgreSQL, twee int4-sleutels).
SLOTKLASSE = 15
#: Meer deelnemers in één statement: één tabelslot in plaats van een slot per deelnemer.
BULK = 64

KOLOMMEN = (
    "plaatsing_id, traject_id, deelnemer_id, programma_id, gemeente_id, soort, startdatum, "
    "einddatum, aanmelddatum, vorige_in_gemeente, vorige_in_programma, eerste_van_traject, "
    "uit_bijeenkomst, uit_vacature"
)
_WERK = "p.soort IN ({})".format(", ".join(f"'{s.value}'" for s in GEPLAATST_SOORTEN))
_VOLGORDE = "ORDER BY p.startdatum, p.id"

#: De feiten van de plaatsingen die `{waar}` kiest (een WHERE op p of t, of leeg).
SELECTIE = f"""
SELECT p.id AS plaatsing_id, p.traject_id, t.deelnemer_id, t.programma_id, t.gemeente_id, p.soort,
       p.startdatum, p.einddatum, t.aanmelddatum,
       CASE WHEN {_WERK} THEN LAG(p.startdatum) OVER (
         PARTITION BY t.deelnemer_id, t.programma_id, t.gemeente_id, {_WERK} {_VOLGORDE}) END,
       CASE WHEN {_WERK} THEN LAG(p.startdatum) OVER (
         PARTITION BY t.deelnemer_id, t.programma_id, {_WERK} {_VOLGORDE}) END,
       CASE WHEN {_WERK} THEN ROW_NUMBER() OVER (
         PARTITION BY p.traject_id, {_WERK} {_VOLGORDE}) = 1 ELSE FALSE END,
       p.bijeenkomst_id IS NOT NULL, p.vacature_id IS NOT NULL
  FROM {PLAATSINGTABEL} p JOIN {TRAJECTTABEL} t ON t.id = p.traject_id
  {{waar}}
"""


def _herreken(deelnemer: str) -> str:
    """SQL: de feiten van de deelnemers die `deelnemer` kiest opnieuw (`= x` of `= ANY(x)`)."""
    return (
        f"DELETE FROM {FEITTABEL} WHERE deelnemer_id {deelnemer}; "
        f"INSERT INTO {FEITTABEL} ({KOLOMMEN}) "
        + SELECTIE.format(waar=f"WHERE t.deelnemer_id {deelnemer}") + "; "
    )


PG_FUNCTIES = f"""
CREATE OR REPLACE FUNCTION {FUNCTIE_BIJ}(deelnemers bigint[]) RETURNS void AS $$
BEGIN
  IF deelnemers IS NULL OR cardinality(deelnemers) = 0 THEN RETURN; END IF;
  IF cardinality(deelnemers) > {BULK} THEN
    LOCK TABLE {FEITTABEL} IN SHARE ROW EXCLUSIVE MODE;
  ELSE
    PERFORM pg_advisory_xact_lock({SLOTKLASSE}, (d % 2147483647)::int)
       FROM (SELECT DISTINCT unnest(deelnemers) AS d ORDER BY 1) AS x;
  END IF;
  {_herreken("= ANY(deelnemers)")}
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {FUNCTIE_PLAATSING}() RETURNS trigger AS $$
DECLARE
  deelnemers bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT t.deelnemer_id ORDER BY t.deelnemer_id) INTO deelnemers
      FROM nieuw n JOIN {TRAJECTTABEL} t ON t.id = n.traject_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT d ORDER BY d) INTO deelnemers FROM (
      SELECT t.deelnemer_id AS d FROM nieuw n JOIN {TRAJECTTABEL} t ON t.id = n.traject_id
      UNION SELECT t.deelnemer_id FROM oud o JOIN {TRAJECTTABEL} t ON t.id = o.traject_id
      UNION SELECT f.deelnemer_id FROM oud o JOIN {FEITTABEL} f ON f.plaatsing_id = o.id) x;
  ELSE
    SELECT array_agg(DISTINCT f.deelnemer_id ORDER BY f.deelnemer_id) INTO deelnemers
      FROM oud o JOIN {FEITTABEL} f ON f.plaatsing_id = o.id;
  END IF;
  PERFORM {FUNCTIE_BIJ}(deelnemers);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {FUNCTIE_TRAJECT}() RETURNS trigger AS $$
DECLARE
  deelnemers bigint[];
BEGIN
  SELECT array_agg(DISTINCT d ORDER BY d) INTO deelnemers FROM (
    SELECT unnest(ARRAY[o.deelnemer_id, n.deelnemer_id]) AS d
      FROM oud o JOIN nieuw n ON n.id = o.id
     WHERE (o.deelnemer_id, o.programma_id, o.gemeente_id, o.aanmelddatum)
           IS DISTINCT FROM (n.deelnemer_id, n.programma_id, n.gemeente_id, n.aanmelddatum)
  ) x;
  PERFORM {FUNCTIE_BIJ}(deelnemers);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION {FUNCTIE_LEEG}() RETURNS trigger AS $$
BEGIN
  DELETE FROM {FEITTABEL};
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

#: (naam, tabel, moment, functie) van de PostgreSQL-triggers.
PG_TRIGGERS = [
    (f"{TRIGGER}_in", PLAATSINGTABEL,
     "AFTER INSERT ON {t} REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT", FUNCTIE_PLAATSING),
    (f"{TRIGGER}_upd", PLAATSINGTABEL,
     "AFTER UPDATE ON {t} REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT",
     FUNCTIE_PLAATSING),
    (f"{TRIGGER}_del", PLAATSINGTABEL,
     "AFTER DELETE ON {t} REFERENCING OLD TABLE AS oud FOR EACH STATEMENT", FUNCTIE_PLAATSING),
    (f"{TRIGGER}_truncate", PLAATSINGTABEL, "AFTER TRUNCATE ON {t} FOR EACH STATEMENT",
     FUNCTIE_LEEG),
    (f"{TRIGGER}_traject", TRAJECTTABEL,
     "AFTER UPDATE ON {t} REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT",
     FUNCTIE_TRAJECT),
]

_VIA_TRAJECT = "= (SELECT deelnemer_id FROM " + TRAJECTTABEL + " WHERE id = {rij}.traject_id)"

#: (naam, tabel, moment, body) van de SQLite-triggers (rijtriggers).
SQLITE_TRIGGERS = [
    (f"{TRIGGER}_in", PLAATSINGTABEL, "AFTER INSERT",
     _herreken(_VIA_TRAJECT.format(rij="NEW"))),
    (f"{TRIGGER}_upd", PLAATSINGTABEL, "AFTER UPDATE",
     f"DELETE FROM {FEITTABEL} WHERE plaatsing_id = OLD.id; "
     + _herreken(_VIA_TRAJECT.format(rij="OLD")) + _herreken(_VIA_TRAJECT.format(rij="NEW"))),
    (f"{TRIGGER}_del", PLAATSINGTABEL, "AFTER DELETE",
     f"DELETE FROM {FEITTABEL} WHERE plaatsing_id = OLD.id; "
     + _herreken(_VIA_TRAJECT.format(rij="OLD"))),
    (f"{TRIGGER}_traject", TRAJECTTABEL,
     "AFTER UPDATE OF deelnemer_id, programma_id, gemeente_id, aanmelddatum",
     _herreken("= OLD.deelnemer_id") + _herreken("= NEW.deelnemer_id")),
]


def installeer(connection) -> None:
    """Installeert (of herstelt) de triggers; idempotent. Na elke migrate (`triggers.py`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FUNCTIES)
            for naam, tabel, moment, functie in PG_TRIGGERS:
                cursor.execute(f'DROP TRIGGER IF EXISTS {naam} ON "{tabel}"')
                cursor.execute(f"CREATE TRIGGER {naam} {moment.format(t=tabel)} "
                               f"EXECUTE FUNCTION {functie}()")
        elif connection.vendor == "sqlite":
            for naam, tabel, moment, body in SQLITE_TRIGGERS:
                cursor.execute(f'DROP TRIGGER IF EXISTS "{naam}"')
                cursor.execute(f'CREATE TRIGGER "{naam}" {moment} ON "{tabel}" BEGIN {body} END')
        else:  # pragma: no cover - alleen SQLite en PostgreSQL worden ondersteund
            raise NotImplementedError(f"Geen feitentriggers voor database {connection.vendor!r}.")


def verwijder(connection) -> None:
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        for naam, tabel, *_rest in PG_TRIGGERS if postgresql else SQLITE_TRIGGERS:
            op = f' ON "{tabel}"' if postgresql else ""
            cursor.execute(f'DROP TRIGGER IF EXISTS "{naam}"{op}')


def herbouw(connection) -> int:
    """Bouwt de hele tabel opnieuw op uit de plaatsingen (in de lopende transactie); geeft het
    aantal feiten. PostgreSQL: met een tabelslot, zodat geen schrijfactie ertussen komt."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {FEITTABEL} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {FEITTABEL}")
        cursor.execute(f"INSERT INTO {FEITTABEL} ({KOLOMMEN}) " + SELECTIE.format(waar=""))
        cursor.execute(f"SELECT COUNT(*) FROM {FEITTABEL}")
        return cursor.fetchone()[0]


def verschillen(connection) -> int:
    """Het aantal plaatsingen waarvan het feit afwijkt van een herbouw (ontbreekt, is over of
    is anders)."""
    opnieuw = SELECTIE.format(waar="")
    bijgehouden = f"SELECT {KOLOMMEN} FROM {FEITTABEL}"
    afwijkend: set[int] = set()
    with connection.cursor() as cursor:
        for links, rechts in ((bijgehouden, opnieuw), (opnieuw, bijgehouden)):
            cursor.execute(f"SELECT plaatsing_id FROM ({links} EXCEPT {rechts}) x")
            afwijkend.update(r[0] for r in cursor.fetchall())
    return len(afwijkend)
