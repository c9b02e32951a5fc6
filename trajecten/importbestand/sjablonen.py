"""De sjablonen om te downloaden: een CSV-kopregel en een XLSX met een blad ‘Toelichting’."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from .kolommen import KOLOM_TOELICHTING, KOLOMMEN, VERPLICHTE_KOLOMMEN


def sjabloon_csv() -> bytes:
    """De kopregel, met puntkomma's en een BOM zodat Nederlandse Excel hem goed opent."""
    return ("\ufeff" + ";".join(KOLOMMEN) + "\r\n").encode("utf-8")


def sjabloon_xlsx() -> bytes:
    """Een werkmap met een leeg blad ‘Deelnemers’ (kopregel) en een blad ‘Toelichting’."""
    import openpyxl
    from openpyxl.styles import Font

    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.title = _("Deelnemers")
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for kolom in blad.iter_cols(min_row=1, max_row=1):
        blad.column_dimensions[kolom[0].column_letter].width = max(14, len(kolom[0].value) + 4)
    blad.freeze_panes = "A2"
    uitleg = werkmap.create_sheet(_("Toelichting"))
    uitleg.append([_("kolom"), _("verplicht"), _("toelichting")])
    for cel in uitleg[1]:
        cel.font = Font(bold=True)
    for kolom in KOLOMMEN:
        verplicht = _("ja") if kolom in VERPLICHTE_KOLOMMEN else _("nee")
        uitleg.append([kolom, verplicht, str(KOLOM_TOELICHTING[kolom])])
    uitleg.column_dimensions["A"].width = 28
    uitleg.column_dimensions["C"].width = 90
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
