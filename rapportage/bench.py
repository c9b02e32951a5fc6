"""Bulkopbouw van de benchmarkdataset voor `bench_rapportage` (alleen PostgreSQL).

Alles gaat met `INSERT … SELECT generate_series` in één transactie, met de triggers uit
(`session_replication_role = replica`: ook geen foreign-keycontroles; daarna de feitentabel
in één keer opbouwen en één keer de algemene gegevensversie ophogen). Namen
zijn fictief ('Bench', 'Deelnemer 123'), er zijn geen BSN's. Kolommen die hier niet genoemd
worden, krijgen de standaardwaarde van het modelveld, zodat een nieuw veld met een default
de opbouw niet breekt.
"""

from __future__ import annotations

import datetime

from django.db import connection, transaction

from gemeenten.constants import Provincie
from gemeenten.models import Gemeente
from trajecten.models import Coach, Deelnemer, Plaatsing, Traject

from . import feiten
from .constants import Indicator
from .models import Doelstelling, Programma

AANTAL_GEMEENTEN = 342
#: Trajecten per deelnemer ≈ 1,05 (sommige deelnemers beginnen een tweede traject).
DEELNEMERS_PER_TRAJECT = 0.95
#: Eén coach per tien trajecten; ongeveer 30 % van de trajecten heeft een coach.
TRAJECTEN_PER_COACH = 10


def _insert_select(model, expressies: dict[str, str], van_sql: str) -> int:
    """INSERT INTO <model> (...) SELECT <expressies> FROM <van_sql>; overige kolommen krijgen
    NULL, now() (auto_now) of de default van het veld."""
    kolommen, waarden, alle_params = [], [], []
    for veld in model._meta.concrete_fields:
        if veld.primary_key:
            continue
        kolommen.append(connection.ops.quote_name(veld.column))
        if veld.column in expressies:
            waarden.append(expressies[veld.column].replace("%", "%%"))
        elif getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
            waarden.append("now()")
        elif veld.has_default():
            waarden.append("%s")
            alle_params.append(veld.get_db_prep_save(veld.get_default(), connection))
        elif veld.null:
            waarden.append("NULL")
        else:
            raise ValueError(f"Geen waarde voor {model.__name__}.{veld.name}")
    onbekend = set(expressies) - {v.column for v in model._meta.concrete_fields}
    if onbekend:
        raise ValueError(f"Onbekende kolommen voor {model.__name__}: {sorted(onbekend)}")
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(kolommen)}) "
        f"SELECT {', '.join(waarden)} FROM {van_sql.replace('%', '%%')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, alle_params)
        return cursor.rowcount


def bouw(*, trajecten: int, programma: Programma, log=print) -> None:
    """Bouwt `trajecten` trajecten in `programma` met deelnemers, plaatsingen en coaches over
    342 gemeenten (de 11 pilots + fictieve GM9xxx-gemeenten)."""
    deelnemers = max(1, int(trajecten * DEELNEMERS_PER_TRAJECT))
    coaches = max(AANTAL_GEMEENTEN, trajecten // TRAJECTEN_PER_COACH)
    coaches -= coaches % AANTAL_GEMEENTEN
    per_gemeente = coaches // AANTAL_GEMEENTEN
    vandaag = datetime.date.today()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SELECT setseed(0.42)")
        provincies = "ARRAY[" + ", ".join(f"'{p}'" for p in Provincie.values) + "]"
        bestaand = Gemeente.objects.count()
        extra = max(0, AANTAL_GEMEENTEN - bestaand)
        _insert_select(
            Gemeente,
            {"naam": "'Benchgemeente ' || lpad(g::text, 3, '0')",
             "cbs_code": "'GM' || (9000 + g)::text",
             "provincie": f"({provincies})[1 + g % {len(Provincie.values)}]",
             "is_pilot": "false"},
            f"generate_series(1, {extra}) g",
        )
        log(f"  gemeenten: {Gemeente.objects.count()}")
        cursor.execute(
            "CREATE TEMP TABLE bench_gemeente ON COMMIT DROP AS "
            "SELECT (row_number() OVER (ORDER BY id) - 1)::int AS nr, id "
            "FROM gemeenten_gemeente ORDER BY id LIMIT %s",
            [AANTAL_GEMEENTEN],
        )
        cursor.execute("CREATE UNIQUE INDEX ON bench_gemeente (nr)")
        programma.gemeenten.add(*Gemeente.objects.all())

        n = _insert_select(
            Deelnemer,
            {"voornaam": "'Bench'",
             "achternaam": "'Deelnemer ' || i",
             "geboortedatum": "date '1975-01-01' + (i % 12000)",
             "land_van_herkomst": "(ARRAY['SY','ER','AF','IR','IQ','YE','SO','UA'])[1 + i % 8]",
             "v_nummer": "i::text",
             "gemeente_id": "g.id"},
            f"generate_series(1, {deelnemers}) i JOIN bench_gemeente g "
            f"ON g.nr = i % {AANTAL_GEMEENTEN}",
        )
        log(f"  deelnemers: {n}")

        n = _insert_select(
            Coach,
            {"naam": "'Coach ' || k",
             "email": "'coach' || k || '@bench.example'",
             "getraind_op": "CASE WHEN random() < 0.8 THEN date '2025-06-01' + (k % 300) END",
             "vog_datum": "date '2025-01-01' + (k % 365)",
             "actief": "random() < 0.85"},
            f"generate_series(0, {coaches - 1}) k",
        )
        cursor.execute(
            "INSERT INTO trajecten_coach_gemeenten (coach_id, gemeente_id) "
            "SELECT c.id, g.id FROM trajecten_coach c JOIN bench_gemeente g "
            f"ON g.nr = substring(c.email from 'coach([0-9]+)@')::int % {AANTAL_GEMEENTEN} "
            "WHERE c.email LIKE 'coach%%@bench.example'"
        )
        log(f"  coaches: {n}")

        status = (
            "CASE WHEN s.r1 < 0.10 THEN 'aangemeld' WHEN s.r1 < 0.20 THEN 'intake' "
            "WHEN s.r1 < 0.50 THEN 'actief' WHEN s.r1 < 0.70 THEN 'geplaatst' "
            "WHEN s.r1 < 0.80 THEN 'nazorg' WHEN s.r1 < 0.90 THEN 'afgerond' "
            "ELSE 'uitgevallen' END"
        )
        aanmeld = "(date '2026-01-01' + floor(s.r2 * 320)::int)"
        gestart = "(s.r1 >= 0.10 AND NOT (s.r1 >= 0.90 AND s.r3 < 0.3))"
        start = f"CASE WHEN {gestart} THEN {aanmeld} + 7 + floor(s.r3 * 21)::int END"
        n = _insert_select(
            Traject,
            {"deelnemer_id": "d.id",
             "programma_id": str(int(programma.pk)),
             "gemeente_id": "d.gemeente_id",
             "coach_id": "CASE WHEN s.r5 < 0.3 THEN c.id END",
             "uitvoerder": "(ARRAY['vluchtelingenwerk','uaf','uwv','gemeente','emplooi'])"
                           "[1 + s.i % 5]",
             "status": status,
             "aanmelddatum": aanmeld,
             "startdatum": start,
             "einddatum": f"CASE WHEN s.r1 >= 0.80 THEN coalesce({start}, {aanmeld}) + 90 END",
             "reden_uitval": "CASE WHEN s.r1 >= 0.90 THEN 'Verhuisd' ELSE '' END",
             # Afgerond eist een reden (constraint traject_afgerond_heeft_reden) en alleen
             # afgerond heeft er een. Elk afgerond traject krijgt hieronder een baan, stage of
             # werkervaringsplaats: 'werk', zoals de datamigratie bestaande trajecten vulde.
             "reden_afgerond": "CASE WHEN s.r1 >= 0.80 AND s.r1 < 0.90 THEN 'werk' ELSE '' END",
             "kosten": "round((s.r4 * 5000)::numeric, 2)"},
            f"(SELECT i, ((i - 1) % {deelnemers}) + 1 AS j, random() AS r1, random() AS r2, "
            f"random() AS r3, random() AS r4, random() AS r5 "
            f"FROM generate_series(1, {trajecten}) i) s "
            "JOIN trajecten_deelnemer d ON d.v_nummer = s.j::text "
            "LEFT JOIN trajecten_coach c ON c.email = 'coach' || "
            f"((s.j % {AANTAL_GEMEENTEN}) + {AANTAL_GEMEENTEN} * (s.i % {per_gemeente})) "
            "|| '@bench.example'",
        )
        log(f"  trajecten: {n}")

        vandaag_sql = f"date '{vandaag.isoformat()}'"
        plaats_start = f"least(t.startdatum + 14 + floor(t.p2 * 80)::int, {vandaag_sql})"
        basis = (
            "(SELECT t.id, t.startdatum, t.status, random() AS p1, random() AS p2, "
            "random() AS p3, random() AS p4, random() AS p5 FROM trajecten_traject t "
            f"WHERE t.programma_id = {int(programma.pk)} AND t.startdatum IS NOT NULL) t "
        )
        # 55 % loopt nog; de rest duurde 30–330 dagen (dus niet altijd 'duurzaam').
        eind = (f"CASE WHEN t.p3 < 0.55 THEN NULL "
                f"ELSE {plaats_start} + 30 + floor(t.p5 * 300)::int END")
        n = _insert_select(
            Plaatsing,
            {"traject_id": "t.id",
             "soort": "CASE WHEN t.p1 < 0.5 THEN 'baan' WHEN t.p1 < 0.7 THEN 'stage' "
                      "ELSE 'werkervaringsplaats' END",
             "functie": "'Medewerker'",
             "startdatum": plaats_start,
             "einddatum": eind,
             "uren_per_week": "24",
             "contractvorm": "'bepaalde_tijd'"},
            basis + "WHERE t.status IN ('geplaatst', 'nazorg', 'afgerond')",
        )
        n += _insert_select(
            Plaatsing,
            {"traject_id": "t.id", "soort": "'baan'", "functie": "'Medewerker'",
             "startdatum": f"least({plaats_start} + 120, {vandaag_sql})",
             "uren_per_week": "32", "contractvorm": "'bepaalde_tijd'"},
            basis + "WHERE t.status IN ('nazorg', 'afgerond') AND t.p4 < 0.2",
        )
        n += _insert_select(
            Plaatsing,
            {"traject_id": "t.id",
             "soort": "(ARRAY['proefplaatsing','opleiding','vrijwilligerswerk',"
                      "'leerwerktraject'])[1 + floor(t.p1 * 4)::int]",
             "functie": "'Voorportaal'",
             "startdatum": plaats_start,
             "einddatum": eind,
             "uren_per_week": "16", "contractvorm": "'geen'"},
            basis + "WHERE t.status IN ('actief', 'geplaatst', 'uitgevallen') AND t.p4 < 0.35",
        )
        log(f"  plaatsingen: {n}")

        jaar1 = (programma.startdatum, programma.startdatum.replace(month=12, day=31))
        Doelstelling.objects.get_or_create(
            programma=programma, indicator=Indicator.TRAJECTEN_GESTART, gemeente=None,
            startdatum=jaar1[0], einddatum=jaar1[1],
            defaults={"streefwaarde": 350, "omschrijving": "Jaar 1: voortrekkersgemeenten"},
        )
        if jaar1[1] < programma.einddatum:
            Doelstelling.objects.get_or_create(
                programma=programma, indicator=Indicator.TRAJECTEN_GESTART, gemeente=None,
                startdatum=jaar1[1] + datetime.timedelta(days=1), einddatum=programma.einddatum,
                defaults={"streefwaarde": 350, "omschrijving": "Jaar 2: landelijke verbreding"},
            )
        for g in Gemeente.objects.pilots():
            Doelstelling.objects.get_or_create(
                programma=programma, indicator=Indicator.PERSONEN_GEPLAATST, gemeente=g,
                startdatum=None, einddatum=None, defaults={"streefwaarde": 60},
            )
        # De triggers stonden uit (bulk laden): de feitentabel in één keer opbouwen en één
        # keer de algemene versie ophogen.
        feiten.herbouw(connection)
        cursor.execute(
            "INSERT INTO rapportage_gegevensversie AS v (programma_id, gemeente_id, versie, "
            "sleutel) VALUES (0, 0, 1, floor(random() * 1000000007)::bigint) "
            "ON CONFLICT (programma_id, gemeente_id) DO UPDATE SET versie = v.versie + 1, "
            "sleutel = EXCLUDED.sleutel"
        )
    with connection.cursor() as cursor:
        for tabel in ("gemeenten_gemeente", "trajecten_deelnemer", "trajecten_coach",
                      "trajecten_coach_gemeenten", "trajecten_traject", "trajecten_plaatsing",
                      feiten.FEITTABEL):
            cursor.execute(f"VACUUM ANALYZE {tabel}")


def leeg(programma: Programma) -> None:
    """Verwijdert de benchdata (alleen in een benchdatabase aanroepen)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE trajecten_plaatsing, trajecten_contactmoment, trajecten_intake, "
            "trajecten_traject, trajecten_coach_gemeenten, trajecten_coach, "
            "trajecten_deelnemer CASCADE"
        )
    Gemeente.objects.filter(cbs_code__startswith="GM9", is_pilot=False).delete()


def bestaande_trajecten(programma: Programma) -> int:
    return Traject.objects.filter(programma=programma).count()


