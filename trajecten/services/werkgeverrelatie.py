"""De relatie met een werkgever: Werkakkoord, grootte en samenwerkende gemeenten,
contactpersonen, contacten en social return-afspraken (docs/domain.md, "Werkgevers als
partner")."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..models import (
    Contactpersoon,
    SocialReturnAfspraak,
    Werkgever,
    WerkgeverContact,
)
from .basis import Fouten, eis_medewerker, niet_in_toekomst, recent
from .versies import eis_versie, volgende_versie


def vergrendel_werkgever(werkgever: Werkgever, *, door) -> Werkgever:
    """De werkgever vergrendeld gelezen, als `door` hem ziet (eigen gemeente of een
    samenwerkende gemeente); anders `PermissionDenied`."""
    if not Werkgever.objects.voor(door).filter(pk=werkgever.pk).exists():
        raise PermissionDenied(_("Deze werkgever werkt niet met uw gemeenten samen."))
    return Werkgever.objects.select_for_update().get(pk=werkgever.pk)


@transaction.atomic
def werkgever_relatie_wijzigen(
    *,
    werkgever: Werkgever,
    door,
    sector: str,
    grootte: str,
    werkakkoord: bool,
    werkakkoord_datum: datetime.date | None,
    gemeenten,
    versie: int | None = None,
) -> Werkgever:
    """Legt sector, grootte, het Werkakkoord (met datum) en de samenwerkende gemeenten vast.

    Samenwerkende gemeenten die `door` niet ziet, blijven zoals ze waren: een medewerker zet
    alleen zijn eigen gemeenten aan of uit. Een datum van het Werkakkoord hoort bij 'getekend'
    en ligt niet in de toekomst.
    """
    werkgever = vergrendel_werkgever(werkgever, door=door)
    eigen = set(Gemeente.objects.voor(door).values_list("pk", flat=True))
    gekozen = {g.pk for g in gemeenten}
    fouten = Fouten()
    if gekozen - eigen:
        fouten.voeg_toe("gemeenten", _("Kies alleen uit uw eigen gemeenten."))
    if werkakkoord_datum and not werkakkoord:
        fouten.voeg_toe("werkakkoord_datum",
                        _("Een datum van het Werkakkoord hoort bij een getekend Werkakkoord."))
    niet_in_toekomst(fouten, "werkakkoord_datum", werkakkoord_datum,
                     _("De datum van het Werkakkoord"))
    fouten.gooi()
    velden = {"sector": sector, "grootte": grootte, "werkakkoord": werkakkoord,
              "werkakkoord_datum": werkakkoord_datum}
    huidig = set(werkgever.gemeenten.values_list("pk", flat=True))
    nieuw = (huidig - eigen) | gekozen
    if eis_versie(werkgever, versie, velden) and nieuw == huidig:
        return werkgever
    for naam, waarde in velden.items():
        setattr(werkgever, naam, waarde)
    volgende_versie(werkgever)
    werkgever.full_clean()
    werkgever.save()
    if nieuw != huidig:
        werkgever.gemeenten.set(nieuw)
    return werkgever


@transaction.atomic
def contactpersoon_toevoegen(
    *, werkgever: Werkgever, door, naam: str, rol: str = "", email: str = "",
    telefoon: str = "",
) -> Contactpersoon:
    """Voegt een contactpersoon toe; dezelfde naam twee keer binnen het dubbel-venster geeft
    de eerste terug."""
    werkgever = vergrendel_werkgever(werkgever, door=door)
    naam = (naam or "").strip()
    eerder = recent(werkgever.contactpersonen.filter(naam=naam))
    if eerder:
        return eerder
    persoon = Contactpersoon(
        werkgever=werkgever, naam=naam, rol=(rol or "").strip(), email=(email or "").strip(),
        telefoon=(telefoon or "").strip(),
    )
    persoon.full_clean()
    persoon.save()
    return persoon


@transaction.atomic
def werkgever_contact_vastleggen(
    *, werkgever: Werkgever, door, gemeente: Gemeente, datum: datetime.date, soort: str,
    notitie: str = "",
) -> WerkgeverContact:
    """Legt een contact (telefoon, bezoek, afspraak, e-mail) met de werkgever vast voor een
    gemeente van `door`. Niet in de toekomst; dubbel verzonden geeft het eerste terug."""
    werkgever = vergrendel_werkgever(werkgever, door=door)
    eis_medewerker(door, gemeente)
    fouten = Fouten()
    niet_in_toekomst(fouten, "datum", datum, _("De datum van het contact"))
    if soort not in WerkgeverContact.Soort.values:
        fouten.voeg_toe("soort", _("Kies een soort contact uit de lijst."))
    fouten.gooi()
    notitie = (notitie or "").strip()
    eerder = recent(werkgever.contacten.filter(
        gemeente=gemeente, datum=datum, soort=soort, notitie=notitie, medewerker=door,
    ))
    if eerder:
        return eerder
    contact = WerkgeverContact(werkgever=werkgever, gemeente=gemeente, medewerker=door,
                               datum=datum, soort=soort, notitie=notitie)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def social_return_vastleggen(
    *, werkgever: Werkgever, door, gemeente: Gemeente, contract: str, aantal_plaatsingen: int,
    startdatum: datetime.date, einddatum: datetime.date,
) -> SocialReturnAfspraak:
    """Legt een social return-afspraak van de werkgever met een gemeente van `door` vast.
    De einddatum ligt na de startdatum; dubbel verzonden geeft de eerste terug."""
    werkgever = vergrendel_werkgever(werkgever, door=door)
    eis_medewerker(door, gemeente)
    fouten = Fouten()
    if einddatum <= startdatum:
        fouten.voeg_toe("einddatum", _("De einddatum ligt na de startdatum."))
    if not aantal_plaatsingen or aantal_plaatsingen < 1:
        fouten.voeg_toe("aantal_plaatsingen", _("De verplichting is minstens één plaatsing."))
    fouten.gooi()
    contract = (contract or "").strip()
    eerder = recent(werkgever.social_return_afspraken.filter(
        gemeente=gemeente, contract=contract, startdatum=startdatum, einddatum=einddatum,
    ))
    if eerder:
        return eerder
    afspraak = SocialReturnAfspraak(
        werkgever=werkgever, gemeente=gemeente, contract=contract,
        aantal_plaatsingen=aantal_plaatsingen, startdatum=startdatum, einddatum=einddatum,
    )
    try:
        afspraak.full_clean()
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from exc
    afspraak.save()
    return afspraak


__all__ = [
    "contactpersoon_toevoegen",
    "social_return_vastleggen",
    "vergrendel_werkgever",
    "werkgever_contact_vastleggen",
    "werkgever_relatie_wijzigen",
]
