"""Eén kalenderregel voor 'plus n maanden' (trajecten/datums.py), op SQLite én PostgreSQL:
geklemd op de laatste dag van de maand. Duurzaam geplaatst gebruikt hem (docs/domain.md,
"Indicatoren"); daarom ook die indicator op elke maandeinde, 29 februari inbegrepen."""

import calendar
import datetime

import pytest
from django.db.models import DateField, F, Value

from rapportage.factories import ProgrammaFactory
from rapportage.indicatoren import Selectie
from rapportage.indicatoren.expressies import duurzaam_noemer_expr, duurzaam_teller_expr
from tests.rapportage.conftest import plaatsing, traject
from trajecten.constants import Soort
from trajecten.datums import PlusMaanden, plus_maanden
from trajecten.models import Plaatsing

D = datetime.date
pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)

#: Elke maandeinde van 2023 tot en met 2025, met 29 februari 2024.
MAANDEINDES = [D(j, m, calendar.monthrange(j, m)[1]) for j in (2023, 2024, 2025)
               for m in range(1, 13)]


@pytest.mark.parametrize("datum, maanden, verwacht", [
    (D(2026, 3, 31), 6, D(2026, 9, 30)),
    (D(2023, 8, 31), 6, D(2024, 2, 29)),
    (D(2024, 8, 31), 6, D(2025, 2, 28)),
    (D(2024, 2, 29), 6, D(2024, 8, 29)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2026, 1, 31), 1, D(2026, 2, 28)),
    (D(2026, 8, 31), -6, D(2026, 2, 28)),
    (D(2026, 5, 15), 0, D(2026, 5, 15)),
])
def test_voorbeelden_uit_de_definitie(datum, maanden, verwacht):
    assert plus_maanden(datum, maanden) == verwacht
    assert _in_sql([datum], maanden) == [verwacht]


def _in_sql(datums, maanden):
    """PlusMaanden over `datums` in één query op de testdatabase."""
    programma = ProgrammaFactory()
    waarden = (
        type(programma).objects.filter(pk=programma.pk)
        .values(**{f"d{i}": PlusMaanden(Value(d, output_field=DateField()), maanden)
                   for i, d in enumerate(datums)})
        .get()
    )
    return [waarden[f"d{i}"] for i in range(len(datums))]


@pytest.mark.parametrize("maanden", [-12, -6, -1, 1, 6, 12])
def test_sql_gelijk_aan_python_op_elke_maandeinde_en_de_dag_erna(maanden):
    datums = MAANDEINDES + [d + DAG for d in MAANDEINDES] + [d - DAG for d in MAANDEINDES]
    assert _in_sql(datums, maanden) == [plus_maanden(d, maanden) for d in datums]


def test_null_blijft_null(groningen):
    t = traject(programma=ProgrammaFactory(), gemeente=groningen, aanmeld=D(2024, 1, 1),
                start=D(2024, 1, 2))
    plaatsing(t, Soort.BAAN, D(2024, 3, 31))
    (zes, leeg) = Plaatsing.objects.filter(traject=t).values_list(
        PlusMaanden(F("startdatum"), 6), PlusMaanden(F("einddatum"), 6)).get()
    assert (zes, leeg) == (D(2024, 9, 30), None)


@pytest.fixture
def maandeinde_plaatsingen(groningen):
    """Per maandeinde twee banen: één van precies zes kalendermaanden (einde = start + 6
    maanden) en één die een dag eerder stopt."""
    programma = ProgrammaFactory(naam="Maandeindes", startdatum=D(2023, 1, 1),
                                 einddatum=D(2026, 12, 31))
    t = traject(programma=programma, gemeente=groningen, aanmeld=D(2023, 1, 1),
                start=D(2023, 1, 1))
    for start in MAANDEINDES:
        plaatsing(t, Soort.BAAN, start, plus_maanden(start, 6))
        plaatsing(t, Soort.STAGE, start, plus_maanden(start, 6) - DAG)
    return programma


def _duurzaam(programma, van, tot, peildatum):
    s = Selectie(programma_id=programma.pk, van=van, tot=tot, gemeente_ids=None,
                 peildatum=peildatum, programma_start=programma.startdatum,
                 programma_einde=programma.einddatum)
    r = s.plaatsingen().aggregate(t=duurzaam_teller_expr(s), n=duurzaam_noemer_expr(s))
    return (r["t"], r["n"])


def test_duurzaam_precies_zes_maanden_telt_op_elke_maandeinde(maandeinde_plaatsingen):
    # Alle 36 maandeindes: elke baan van precies zes maanden telt, elke stage niet.
    assert _duurzaam(maandeinde_plaatsingen, D(2023, 1, 1), D(2025, 12, 31),
                     D(2026, 12, 31)) == (36, 72)


@pytest.mark.parametrize("start", MAANDEINDES, ids=str)
def test_duurzaam_meetbaar_vanaf_de_zes_maandendatum(maandeinde_plaatsingen, start):
    zes = plus_maanden(start, 6)
    assert _duurzaam(maandeinde_plaatsingen, start, start, zes) == (1, 2)
    assert _duurzaam(maandeinde_plaatsingen, start, start, zes - DAG) == (0, 0)
