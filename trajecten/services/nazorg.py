"""Nazorg plannen bij de start van een baan, stage of werkervaringsplaats."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..constants import GEPLAATST_SOORTEN, NAZORG_MAANDEN, AfspraakSoort
from ..datums import plus_maanden
from ..models import Afspraak, Plaatsing, vandaag

#: Nazorgafspraken staan om deze tijd; de medewerker verzet ze waar nodig.
NAZORG_TIJD = datetime.time(10, 0)
#: Zaterdag en zondag: een nazorgafspraak schuift dan naar maandag.
WEEKEND = (5, 6)


def nazorgdatum(startdatum: datetime.date, maanden: int) -> datetime.date:
    """`maanden` na de start (kalendermaanden, geklemd op de maandeinde zoals
    `datums.plus_maanden`), op een werkdag."""
    datum = plus_maanden(startdatum, maanden)
    while datum.weekday() in WEEKEND:
        datum += datetime.timedelta(days=1)
    return datum


def nazorg_plannen(*, plaatsing: Plaatsing, door) -> list[Afspraak]:
    """Plant de nazorgafspraken na 1, 3 en 6 maanden (`NAZORG_MAANDEN`) voor een baan, stage of
    werkervaringsplaats, in de agenda van de behandelaar van het traject (anders van `door`).

    Alleen momenten die nog komen (vandaag of later) en niet na een al bekende einddatum van
    de plaatsing: wie een plaatsing achteraf registreert, krijgt geen afspraken in het
    verleden. Wordt aangeroepen binnen de transactie van `plaatsing_registreren`, met het
    traject al vergrendeld; een moment dat al gepland is, komt er niet nog eens bij.
    """
    if plaatsing.soort not in GEPLAATST_SOORTEN:
        return []
    traject = plaatsing.traject
    heden = vandaag()
    bestaand = set(plaatsing.nazorgafspraken.values_list("nazorg_maanden", flat=True))
    nieuw = []
    for maanden in NAZORG_MAANDEN:
        datum = nazorgdatum(plaatsing.startdatum, maanden)
        if maanden in bestaand or datum < heden or (
            plaatsing.einddatum and datum > plaatsing.einddatum
        ):
            continue
        notitie = ngettext(
            "Nazorg %(maanden)s maand na de start van de %(soort)s.",
            "Nazorg %(maanden)s maanden na de start van de %(soort)s.",
            maanden,
        ) % {"maanden": maanden, "soort": plaatsing.get_soort_display()}
        if maanden == max(NAZORG_MAANDEN):
            notitie += " " + _("Bevestig dat de plaatsing nog loopt, of leg de einddatum vast.")
        afspraak = Afspraak(
            traject=traject, medewerker_id=traject.behandelaar_id or door.pk,
            soort=AfspraakSoort.NAZORG,
            datum=datum, tijd=NAZORG_TIJD, plaatsing=plaatsing, nazorg_maanden=maanden,
            notitie=notitie,
        )
        afspraak.full_clean()
        afspraak.save()
        nieuw.append(afspraak)
    return nieuw
