"""Celwaarden voor CSV- en XLSX-exports, veilig tegen formule-injectie.

Eén definitie voor elke export van de app (rapportage, toegangslog in de admin). Hier en niet
in een app, zodat elke app hem kan gebruiken zonder een andere app te importeren.
"""

from __future__ import annotations

#: Tekens waarmee een spreadsheet een tekstcel als formule kan lezen (CSV/formula injection).
GEVAARLIJKE_BEGINTEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    """De waarde voor een spreadsheetcel: tekst die met =, +, -, @, tab of carriage return
    begint, krijgt een apostrof ervoor, zodat Excel en LibreOffice hem als tekst lezen en nooit
    als formule. Getallen, datums en `None` (lege cel) blijven wat ze zijn."""
    if isinstance(waarde, str) and waarde.startswith(GEVAARLIJKE_BEGINTEKENS):
        return "'" + waarde
    return waarde
