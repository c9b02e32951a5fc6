"""De behandelaar van een traject: overdragen aan een collega, en het traject op de wachtlijst
voor een coach zetten als er geen coach beschikbaar is."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..constants import AfspraakStatus
from ..models import Traject, vandaag
from .basis import Fouten, is_medewerker_van, vergrendel_traject
from .versies import bewaar_nieuwe_versie, eis_versie


def _naam(user) -> str:
    return user.get_full_name() or user.get_username()


@transaction.atomic
def behandelaar_overdragen(
    *, traject: Traject, behandelaar, door, versie: int | None = None
) -> Traject:
    """Draagt een open traject over aan `behandelaar`, een (actieve) medewerker van de gemeente
    van het traject. De overdracht staat in de wijzigingshistorie (en daarmee in de tijdlijn
    van het dossier); de geplande afspraken van de vorige behandelaar op dit traject gaan mee
    naar de nieuwe agenda. Dezelfde behandelaar nog eens: er verandert niets. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd."""
    traject = vergrendel_traject(traject, door=door)
    if eis_versie(traject, versie, {"behandelaar": behandelaar}):
        return traject
    if traject.behandelaar_id == behandelaar.pk:
        return traject
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; het wordt niet meer overgedragen."),
                              code="traject_gesloten")
    fouten = Fouten()
    if not behandelaar.is_active or not is_medewerker_van(behandelaar, traject.gemeente_id):
        fouten.voeg_toe("behandelaar", _(
            "%(naam)s is geen medewerker van %(gemeente)s; kies een collega van die gemeente."
        ) % {"naam": _naam(behandelaar), "gemeente": traject.gemeente.naam})
    fouten.gooi()
    vorige = traject.behandelaar_id
    traject.behandelaar = behandelaar
    bewaar_nieuwe_versie(traject)
    # De agenda volgt het dossier; afspraken van anderen (een collega die invalt) blijven staan.
    for afspraak in traject.afspraken.select_for_update().filter(
        status=AfspraakStatus.GEPLAND, medewerker_id=vorige, datum__gte=vandaag()
    ):
        afspraak.medewerker = behandelaar
        bewaar_nieuwe_versie(afspraak)
    return traject


@transaction.atomic
def op_wachtlijst_zetten(*, traject: Traject, door, versie: int | None = None) -> Traject:
    """Zet een open traject op de wachtlijst voor een coach, met vandaag als begin van het
    wachten; een coach die niet (meer) telt (niet actief of zonder geldige VOG) wordt
    losgekoppeld. Staat het traject al op de wachtlijst, dan blijft de oorspronkelijke datum.
    Het traject gaat eraf zodra er een coach is (`coach_toewijzen`) of het sluit. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd (een coach
    toegewezen, afgesloten)."""
    traject = vergrendel_traject(traject, door=door)
    if eis_versie(traject, versie, {
        "coach": None, "wachtlijst_sinds": traject.wachtlijst_sinds or vandaag(),
    }):
        return traject
    if traject.wachtlijst_sinds:
        return traject
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; het kan niet op de wachtlijst."),
                              code="traject_gesloten")
    if traject.coach is not None and traject.coach.is_inzetbaar():
        raise ValidationError(
            _("%(coach)s begeleidt dit traject al.") % {"coach": traject.coach},
            code="heeft_coach",
        )
    traject.coach = None
    traject.wachtlijst_sinds = vandaag()
    bewaar_nieuwe_versie(traject)
    return traject
