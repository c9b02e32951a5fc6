"""Contactmoment vastleggen: een gesprek, nazorgcontact of werkgeverscontact."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..constants import ContactSoort
from ..models import Afspraak, Contactmoment, Traject, vandaag
from .basis import Fouten, datum_nl, recent, vergrendel_traject


@transaction.atomic
def contactmoment_registreren(
    *,
    traject: Traject,
    door,
    soort: str,
    datum: datetime.date,
    notitie: str = "",
    afspraak: Afspraak | None = None,
) -> Contactmoment:
    """Legt een gesprek, nazorgcontact of werkgeverscontact vast op een open traject: wat er
    gebeurd is.

    Een afgesloten traject (afgerond, uitgevallen) krijgt geen contacten meer (code
    `traject_gesloten`): wat er daarna gebeurt, hoort bij een nieuw traject. De datum ligt niet
    in de toekomst (wat nog komt, is een afspraak) en niet vóór de aanmelding. Hetzelfde contact
    (soort, datum, notitie) binnen het dubbel-venster geeft het eerste terug. `afspraak`: de
    gehouden afspraak waarvan dit het verslag is (`afspraak_gehouden`).
    """
    traject = vergrendel_traject(traject, door=door)
    if not traject.is_open:
        raise ValidationError(
            _("Dit traject is afgesloten; er kan geen contactmoment meer worden vastgelegd. "
              "Start zo nodig een nieuw traject."),
            code="traject_gesloten",
        )
    fouten = Fouten()
    if soort not in ContactSoort.values:
        fouten.voeg_toe("soort", _("Kies een soort contact uit de lijst."))
    if datum and datum > vandaag():
        fouten.voeg_toe("datum", _(
            "Een contact ligt niet in de toekomst; wat nog komt, plant u als afspraak."
        ))
    if datum and datum < traject.aanmelddatum:
        fouten.voeg_toe("datum", _(
            "Het contact kan niet vóór de aanmelding (%(datum)s) liggen."
        ) % {"datum": datum_nl(traject.aanmelddatum)})
    fouten.gooi()
    notitie = (notitie or "").strip()
    eerder = recent(traject.contactmomenten.filter(soort=soort, datum=datum, notitie=notitie))
    if eerder and (afspraak is None or eerder.afspraak_id in (None, afspraak.pk)):
        if afspraak is not None and eerder.afspraak_id is None:
            eerder.afspraak = afspraak
            eerder.save(update_fields=["afspraak", "gewijzigd_op"])
        return eerder
    contact = Contactmoment(
        traject=traject, soort=soort, datum=datum, notitie=notitie, medewerker=door,
        afspraak=afspraak,
    )
    contact.full_clean()
    contact.save()
    return contact
