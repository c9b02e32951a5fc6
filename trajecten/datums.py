"""Kalenderrekenen met maanden, één regel voor Python, SQLite en PostgreSQL.

`datum + n kalendermaanden`, geklemd op de laatste dag van de doelmaand: 31 maart + 6 maanden
= 30 september, 31 augustus + 6 maanden = 28 (schrikkeljaar: 29) februari, 29 februari + 6
maanden = 29 augustus. Zo rekent de rapportage (duurzaam geplaatst) en de werkvoorraad
(nazorg na zes maanden); zie docs/domain.md, sectie "Indicatoren".

- `plus_maanden(datum, n)` in Python (dateutil's `relativedelta` klemt al zo);
- `PlusMaanden(expressie, n)` in SQL. PostgreSQL klemt zelf (`date + interval 'n months'`).
  SQLite's `date(x, '+n months')` klemt niet maar loopt door (31 maart + 6 maanden wordt
  1 oktober); daarom neemt de SQLite-versie het minimum van dat resultaat en de laatste dag
  van de doelmaand. ISO-datums als tekst sorteren als datums, dus `min()` is hier exact.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import DateField, Func


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """`datum` + `maanden` kalendermaanden, geklemd op de laatste dag van de maand."""
    return datum + relativedelta(months=maanden)


class PlusMaanden(Func):
    """`datum + n kalendermaanden` in de database, geklemd op de maandeinde (DateField).

    Gelijk aan `plus_maanden()` op SQLite en PostgreSQL, ook voor negatieve `n`; NULL blijft
    NULL. `n` is een geheel getal in de SQL-tekst (geen gebruikersinvoer).
    """

    output_field = DateField()

    def __init__(self, expressie, maanden: int, **extra):
        self.maanden = int(maanden)
        super().__init__(expressie, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql}) + INTERVAL '{self.maanden} months' AS date)", params

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        doorgeteld = f"date({sql}, '{self.maanden:+d} months')"
        maandeinde = f"date({sql}, 'start of month', '{self.maanden + 1:+d} months', '-1 day')"
        return f"min({doorgeteld}, {maandeinde})", params * 2
