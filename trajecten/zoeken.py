"""Namen zoeken zonder op hoofdletters of accenten te letten ("Celik" vindt "Çelik").

Eén vouwfunctie voor wat wordt opgeslagen (`Deelnemer.zoeknaam`) en wat wordt gezocht, zodat
die twee niet uit elkaar kunnen lopen. De database vergelijkt daarna alleen nog gewone tekst:
hetzelfde resultaat op SQLite en PostgreSQL, zonder `unaccent` (dat op SQLite niet bestaat en
op PostgreSQL andere regels heeft dan Python).
"""

from __future__ import annotations

import re
import unicodedata

#: Letters die Unicode niet ontleedt in letter + accent, maar die iemand zonder dat teken op
#: zijn toetsenbord wel zo typt.
_LOSSE_LETTERS = str.maketrans({
    "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
    "ħ": "h", "ŀ": "l",
})
#: Komma's en witruimte scheiden woorden: "Ahmadi, Fatima" zoals de lijst de naam toont.
_SCHEIDING = re.compile(r"[\s,;]+")


def vouw(tekst: str) -> str:
    """`tekst` in kleine letters, zonder accenten, met enkele spaties."""
    klein = (tekst or "").casefold().translate(_LOSSE_LETTERS)
    zonder_accenten = "".join(
        t for t in unicodedata.normalize("NFKD", klein) if not unicodedata.combining(t)
    )
    return " ".join(_SCHEIDING.split(zonder_accenten)).strip()


def zoeknaam(voornaam: str, achternaam: str) -> str:
    """Wat `Deelnemer.zoeknaam` bevat: achternaam en voornaam, gevouwen."""
    return vouw(f"{achternaam} {voornaam}")


def zoekwoorden(term: str) -> list[str]:
    """De woorden van een zoekterm; elk woord moet in de zoeknaam voorkomen, in elke
    volgorde ("Fatima Ahmadi" en "Ahmadi, Fatima" vinden dezelfde persoon)."""
    return [w for w in vouw(term).split(" ") if w]
