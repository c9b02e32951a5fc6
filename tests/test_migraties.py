"""De referentiegegevens uit de datamigraties: gemeenten, programma's en doelstellingen."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from gemeenten.models import Gemeente
from rapportage.models import Doelstelling, Programma

pytestmark = pytest.mark.django_db

VOORTREKKERS = {
    "GM0014": ("Groningen", "groningen"),
    "GM0114": ("Emmen", "drenthe"),
    "GM0193": ("Zwolle", "overijssel"),
    "GM0344": ("Utrecht", "utrecht"),
    "GM0363": ("Amsterdam", "noord-holland"),
    "GM0392": ("Haarlem", "noord-holland"),
    "GM0441": ("Intergemeentelijke samenwerking Schagen", "noord-holland"),
    "GM0402": ("Hilversum", "noord-holland"),
    "GM0268": ("Nijmegen", "gelderland"),
    "GM0294": ("Winterswijk", "gelderland"),
    "GM0160": ("Hardenberg", "overijssel"),
}


def momentopname():
    """Alles wat de datamigraties schrijven, als vergelijkbare waarden."""
    return {
        "gemeenten": sorted(
            Gemeente.objects.values_list("pk", "cbs_code", "naam", "provincie", "is_pilot")
        ),
        "programmas": sorted(
            Programma.objects.values_list("pk", "naam", "startdatum", "einddatum", "budget")
        ),
        "programma_gemeenten": sorted(
            Programma.gemeenten.through.objects.values_list("programma_id", "gemeente_id")
        ),
        "doelstellingen": sorted(
            Doelstelling.objects.values_list(
                "pk", "programma_id", "indicator", "streefwaarde", "gemeente_id", "startdatum",
                "einddatum",
            )
        ),
    }


def test_de_elf_voortrekkersgemeenten_met_code_en_provincie():
    pilots = {g.cbs_code: (g.naam, g.provincie) for g in Gemeente.objects.pilots()}
    assert pilots == VOORTREKKERS
    assert Gemeente.objects.filter(cbs_code__in=VOORTREKKERS, is_pilot=False).count() == 0


def test_de_twee_programmas_met_looptijd_en_budget():
    banenoffensief = Programma.objects.get(naam="Banenoffensief Vluchtelingen")
    assert (banenoffensief.startdatum, banenoffensief.einddatum) == (
        datetime.date(2006, 1, 1), datetime.date(2009, 3, 31)
    )
    vervolg = Programma.objects.get(naam="Vervolg Banenoffensief")
    assert (vervolg.startdatum, vervolg.einddatum) == (
        datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)
    )
    assert vervolg.budget == Decimal("1000000.00")
    assert set(vervolg.gemeenten.values_list("cbs_code", flat=True)) == set(VOORTREKKERS)


def test_de_doelstellingen_2600_geplaatst_en_700_gestart():
    doelen = {
        (d.programma.naam, d.indicator): d
        for d in Doelstelling.objects.select_related("programma")
    }
    assert set(doelen) == {
        ("Banenoffensief Vluchtelingen", "personen_geplaatst"),
        ("Vervolg Banenoffensief", "trajecten_gestart"),
    }
    geplaatst = doelen["Banenoffensief Vluchtelingen", "personen_geplaatst"]
    gestart = doelen["Vervolg Banenoffensief", "trajecten_gestart"]
    assert (geplaatst.streefwaarde, gestart.streefwaarde) == (2600, 700)
    # Beide gelden voor het hele programma en de hele looptijd.
    for doel in (geplaatst, gestart):
        assert doel.gemeente is None
        assert doel.periode == (doel.programma.startdatum, doel.programma.einddatum)


@pytest.mark.parametrize(
    "module",
    ["gemeenten.migrations.0002_voortrekkersgemeenten",
     "rapportage.migrations.0002_programmas_en_doelstellingen"],
)
def test_datamigratie_nog_eens_draaien_verandert_niets(module):
    voor = momentopname()
    migratie = importlib.import_module(module)
    # De RunPython-functies gebruiken de schema-editor niet; de echte app-registry volstaat.
    migratie.seed(apps, None)
    migratie.seed(apps, None)
    assert momentopname() == voor

