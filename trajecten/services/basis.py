"""Wat elke service van de werkplek gebruikt: toegang, rijvergrendeling, dubbel verzenden en
foutmeldingen per veld."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..models import Deelnemer, Plaatsing, Traject, vandaag
from ..selectors import is_medewerker_van

#: Een identiek record binnen dit venster geldt als dubbel verzonden formulier.
DUBBEL_VENSTER = datetime.timedelta(seconds=30)


class Fouten(dict):
    """Nederlandse foutmeldingen per veld; `gooi()` geeft ze samen als één ValidationError,
    zodat de gebruiker alles in één keer ziet."""

    def voeg_toe(self, veld: str, melding: str) -> None:
        self.setdefault(veld, []).append(melding)

    def gooi(self) -> None:
        if self:
            raise ValidationError(dict(self))


def eis_medewerker(door, gemeente: Gemeente | int) -> None:
    """`PermissionDenied` als `door` geen medewerker van `gemeente` (object of pk) is."""
    if not is_medewerker_van(door, gemeente):
        raise PermissionDenied(_("U bent geen medewerker van deze gemeente."))


def vergrendel_deelnemer(deelnemer: Deelnemer, *, door) -> Deelnemer:
    """De deelnemer opnieuw gelezen en vergrendeld (`select_for_update`), na de toegangscheck."""
    eis_medewerker(door, deelnemer.gemeente_id)
    return Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)


def vergrendel_traject(traject: Traject, *, door) -> Traject:
    """Het traject opnieuw gelezen en vergrendeld, met de toegangscheck. Elke service die iets
    aan een traject of zijn plaatsingen en contacten schrijft, begint hier: zo wachten twee
    gelijktijdige verzoeken op elkaar en ziet de tweede wat de eerste maakte.

    Toegang volgt de persoon: `door` moet medewerker zijn van de gemeente waar de deelnemer nu
    woont, ook bij een afgesloten traject dat na een verhuizing bij de oude gemeente telt."""
    vergrendeld = (
        Traject.objects.select_for_update(of=("self",))
        .select_related("deelnemer", "gemeente", "coach")
        .get(pk=traject.pk)
    )
    eis_medewerker(door, vergrendeld.deelnemer.gemeente_id)
    return vergrendeld


def vergrendel_plaatsing(plaatsing: Plaatsing, *, door) -> Plaatsing:
    # Eerst het traject, zoals elke schrijvende functie: zo is de volgorde van vergrendelen
    # overal gelijk (geen deadlock) en ziet de plaatsing-rij geen gelijktijdige schrijver.
    vergrendel_traject(plaatsing.traject, door=door)
    return Plaatsing.objects.select_for_update().get(pk=plaatsing.pk)


def recent(qs):
    """Een record uit `qs` dat binnen het dubbel-venster is aangemaakt (of None)."""
    return qs.filter(aangemaakt_op__gte=timezone.now() - DUBBEL_VENSTER).order_by("-pk").first()


def niet_in_toekomst(
    fouten: Fouten, veld: str, datum: datetime.date | None, wat: str,
    peildatum: datetime.date | None = None,
) -> None:
    if datum and datum > (peildatum or vandaag()):
        fouten.voeg_toe(veld, _("%(wat)s kan niet in de toekomst liggen.") % {"wat": wat})


def uniek(waarden: Iterable[str] | None) -> list[str]:
    """De waarden zonder dubbelen, in hun volgorde."""
    return list(dict.fromkeys(waarden or []))


def controleer_keuzes(fouten: Fouten, veld: str, waarden: Iterable[str], keuzes) -> None:
    onbekend = [w for w in waarden if w not in keuzes.values]
    if onbekend:
        fouten.voeg_toe(veld, _("Onbekende keuze: %(waarden)s.") % {"waarden": ", ".join(onbekend)})


def datum_nl(datum: datetime.date) -> str:
    return datum.strftime("%d-%m-%Y")
