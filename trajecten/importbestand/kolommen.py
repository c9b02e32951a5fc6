"""De kolommen van een importbestand: namen, uitleg, verplicht; een kopregel en cellen lezen."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _lazy

KOLOMMEN = [
    "voornaam",
    "achternaam",
    "geboortedatum",
    "land_van_herkomst",
    "bsn",
    "v_nummer",
    "gemeente",
    "datum_verblijfsvergunning",
    "taalniveau",
    "opleidingsniveau",
    "inburgering",
    "toestemming_datum",
    "telefoon",
    "email",
]
#: Uitleg per kolom, voor de importpagina en het tabblad ‘Toelichting’ van het XLSX-sjabloon.
KOLOM_TOELICHTING = {
    "voornaam": _lazy("Voornaam of voornamen."),
    "achternaam": _lazy("Achternaam, met tussenvoegsels."),
    "geboortedatum": _lazy("dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 31-12-1990."),
    "land_van_herkomst": _lazy("ISO-code (SY, ER, AF) of de Nederlandse naam (Syrië)."),
    "bsn": _lazy("Negen cijfers, voldoet aan de 11-proef; mag leeg."),
    "v_nummer": _lazy("Vreemdelingennummer van de IND; mag leeg."),
    "gemeente": _lazy("CBS-code van een van uw gemeenten, bijvoorbeeld GM0014."),
    "datum_verblijfsvergunning": _lazy("dd-mm-jjjj of jjjj-mm-dd; mag leeg."),
    "taalniveau": _lazy("A0, A1, A2, B1, B2, C1 of C2; leeg is A0."),
    "opleidingsniveau": _lazy(
        "geen, primair, voortgezet, mbo, hbo, wo of onbekend; leeg is onbekend."
    ),
    "inburgering": _lazy(
        "niet gestart, bezig, afgerond of vrijgesteld; leeg is niet gestart."
    ),
    "toestemming_datum": _lazy(
        "Datum waarop de deelnemer toestemming gaf; zonder toestemming kan er geen traject "
        "starten."
    ),
    "telefoon": _lazy("Mag leeg."),
    "email": _lazy("Mag leeg."),
}
VERPLICHTE_KOLOMMEN = ["voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "gemeente"]
DATUMKOLOMMEN = ["geboortedatum", "datum_verblijfsvergunning", "toestemming_datum"]
#: Kolomkoppen die mensen in hun eigen spreadsheets gebruiken voor dezelfde kolom.
KOLOM_ALIASSEN = {
    "e_mail": "email",
    "emailadres": "email",
    "vnummer": "v_nummer",
    "cbs_code": "gemeente",
    "land": "land_van_herkomst",
    "telefoonnummer": "telefoon",
}


def tekst(waarde) -> str:
    """Een celwaarde als tekst: leeg voor niets, een geheel getal zonder ".0"."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return str(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def is_leeg(waarden) -> bool:
    return all(tekst(w) == "" for w in waarden)


def kolomnaam(kop) -> str:
    naam = re.sub(r"[\s\-]+", "_", tekst(kop).strip().lower().lstrip("\ufeff"))
    return KOLOM_ALIASSEN.get(naam, naam)
