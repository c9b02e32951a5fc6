"""Werkgever registreren (ook vanuit het plaatsingsformulier: 'nieuwe werkgever')."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..models import Werkgever
from .basis import eis_medewerker


def werkgever_velden(gegevens: dict) -> dict:
    """De velden van een nieuwe werkgever zoals ze worden opgeslagen: tekst zonder spaties
    aan begin en eind, het KvK-nummer zonder spaties."""
    velden = {"sector": "", **gegevens}
    for naam in ("naam", "contactpersoon", "contact_email", "contact_telefoon"):
        velden[naam] = (velden.get(naam) or "").strip()
    velden["kvk_nummer"] = (velden.get("kvk_nummer") or "").replace(" ", "")
    return velden


@transaction.atomic
def werkgever_registreren(
    *,
    door,
    gemeente: Gemeente,
    naam: str,
    sector: str,
    kvk_nummer: str = "",
    werkakkoord: bool = False,
    contactpersoon: str = "",
    contact_email: str = "",
    contact_telefoon: str = "",
) -> Werkgever:
    """Registreert een werkgever in een gemeente van `door`.

    Een KvK-nummer dat in die gemeente al bij een werkgever hoort, wordt geweigerd. De
    contactpersoon (als die er is) komt ook bij de contactpersonen van de werkgever.
    """
    eis_medewerker(door, gemeente)
    velden = werkgever_velden({
        "naam": naam, "sector": sector, "kvk_nummer": kvk_nummer, "werkakkoord": werkakkoord,
        "contactpersoon": contactpersoon, "contact_email": contact_email,
        "contact_telefoon": contact_telefoon,
    })
    if velden["kvk_nummer"]:
        bestaand = Werkgever.objects.filter(
            gemeente=gemeente, kvk_nummer=velden["kvk_nummer"]
        ).first()
        if bestaand:
            raise ValidationError({"kvk_nummer": [
                _("Er is in deze gemeente al een werkgever met dit KvK-nummer: %(naam)s.")
                % {"naam": bestaand.naam}
            ]})
    werkgever = Werkgever(gemeente=gemeente, **velden)
    werkgever.full_clean()
    werkgever.save()
    if velden["contactpersoon"]:
        werkgever.contactpersonen.create(
            naam=velden["contactpersoon"], email=velden["contact_email"],
            telefoon=velden["contact_telefoon"],
        )
    return werkgever
