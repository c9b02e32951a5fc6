"""De lock (`requirements/*.txt`) hoort bij `pyproject.toml`: bijwerken met `make lock`.

Zonder netwerk te controleren: elke gedeclareerde afhankelijkheid staat er exact vastgepind in,
binnen haar versiegrenzen, en niets anders staat er als directe afhankelijkheid in; elke pin
heeft een hash; en de drie locks geven een pakket overal dezelfde versie (de Docker-image draait
wat de tests draaiden).
"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECTMAP = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((PROJECTMAP / "pyproject.toml").read_text())["project"]

#: lock → de extra's die erin zitten (de runtime-afhankelijkheden zitten in elke lock).
LOCKS = {"base": [], "dev": ["dev"], "bench": ["dev", "bench"]}

#: Zo noemt uv in een lock een afhankelijkheid die rechtstreeks uit pyproject.toml komt.
DIRECT = "banenoffensief (pyproject.toml)"


def gedeclareerd(extras: list[str]) -> dict[str, Requirement]:
    regels = PROJECT["dependencies"] + [
        regel for extra in extras for regel in PROJECT["optional-dependencies"][extra]
    ]
    return {canonicalize_name(Requirement(r).name): Requirement(r) for r in regels}


def lees_lock(naam: str) -> dict[str, dict]:
    """Per pakket in de lock: versie, hashes en of het een directe afhankelijkheid is."""
    tekst = (PROJECTMAP / "requirements" / f"{naam}.txt").read_text()
    pins = {}
    # Elke pin begint in de eerste kolom; hashes en 'via'-regels springen in.
    for blok in re.split(r"\n(?=[^\s#])", tekst):
        kop = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)", blok)
        if not kop:
            continue
        pins[canonicalize_name(kop[1])] = {
            "versie": kop[2],
            "hashes": re.findall(r"--hash=sha256:[0-9a-f]{64}", blok),
            "direct": DIRECT in blok,
        }
    return pins


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_bevat_precies_de_declaraties_van_pyproject(lock):
    pins = lees_lock(lock)
    verwacht = gedeclareerd(LOCKS[lock])

    ontbreekt = sorted(set(verwacht) - set(pins))
    assert not ontbreekt, f"requirements/{lock}.txt mist {ontbreekt}: draai `make lock`"
    buiten_grenzen = {
        naam: (str(eis.specifier), pins[naam]["versie"])
        for naam, eis in verwacht.items()
        if not eis.specifier.contains(pins[naam]["versie"], prereleases=True)
    }
    assert not buiten_grenzen, f"requirements/{lock}.txt buiten pyproject.toml: {buiten_grenzen}"
    direct = {naam for naam, pin in pins.items() if pin["direct"]}
    assert direct == set(verwacht), f"requirements/{lock}.txt is verouderd: draai `make lock`"
    zonder_hash = sorted(naam for naam, pin in pins.items() if not pin["hashes"])
    assert not zonder_hash


def test_de_locks_geven_elk_pakket_dezelfde_versie():
    base, dev, bench = (lees_lock(lock) for lock in LOCKS)
    assert set(base) <= set(dev) <= set(bench)
    assert {naam: dev[naam]["versie"] for naam in base} == {
        naam: pin["versie"] for naam, pin in base.items()
    }
    assert {naam: bench[naam]["versie"] for naam in dev} == {
        naam: pin["versie"] for naam, pin in dev.items()
    }


def test_ruff_is_exact_vastgepind():
    """Een nieuwe ruff-versie brengt nieuwe meldingen; ophogen is een bewuste stap."""
    (specificatie,) = gedeclareerd(["dev"])["ruff"].specifier
    assert specificatie.operator == "=="
