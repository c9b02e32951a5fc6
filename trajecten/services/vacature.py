"""Vacatures registreren, deelnemers voordragen en het verloop van een voordracht
(docs/domain.md, "Vacatures en voordrachten"). Voordrachten zijn intern: de werkgever krijgt
via de app niets te zien."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN
from ..models import Deelnemer, Vacature, Voordracht, Werkgever, vandaag
from .basis import Fouten, eis_medewerker, recent, vergrendel_deelnemer
from .versies import eis_versie, volgende_versie
from .werkgeverrelatie import vergrendel_werkgever

#: De toegestane stappen van een voordracht; aangenomen en afgewezen zijn het einde.
VOORDRACHT_OVERGANGEN = {
    Voordracht.Status.VOORGEDRAGEN: [Voordracht.Status.GESPREK, Voordracht.Status.AFGEWEZEN],
    Voordracht.Status.GESPREK: [Voordracht.Status.AANGENOMEN, Voordracht.Status.AFGEWEZEN],
    Voordracht.Status.AANGENOMEN: [],
    Voordracht.Status.AFGEWEZEN: [],
}


@transaction.atomic
def vacature_registreren(
    *, werkgever: Werkgever, door, gemeente: Gemeente, soort: str, functie: str, sector: str,
    uren_per_week: int, taalniveau: str, aantal_plaatsen: int, open_tot: datetime.date,
) -> Vacature:
    """Registreert een vacature of stageplaats van de werkgever voor een gemeente van `door`.
    'Open tot' ligt niet in het verleden; dubbel verzonden geeft de eerste terug."""
    werkgever = vergrendel_werkgever(werkgever, door=door)
    eis_medewerker(door, gemeente)
    fouten = Fouten()
    if open_tot < vandaag():
        fouten.voeg_toe("open_tot", _("De vacature moet nog open zijn: kies vandaag of later."))
    if not 1 <= (uren_per_week or 0) <= 60:
        fouten.voeg_toe("uren_per_week", _("Het aantal uren per week ligt tussen 1 en 60."))
    if (aantal_plaatsen or 0) < 1:
        fouten.voeg_toe("aantal_plaatsen", _("Een vacature heeft minstens één plaats."))
    fouten.gooi()
    functie = (functie or "").strip()
    eerder = recent(werkgever.vacatures.filter(gemeente=gemeente, functie=functie,
                                               open_tot=open_tot))
    if eerder:
        return eerder
    vacature = Vacature(
        werkgever=werkgever, gemeente=gemeente, soort=soort, functie=functie, sector=sector,
        uren_per_week=uren_per_week, taalniveau=taalniveau, aantal_plaatsen=aantal_plaatsen,
        open_tot=open_tot,
    )
    vacature.full_clean()
    vacature.save()
    return vacature


@transaction.atomic
def voordragen(*, vacature: Vacature, deelnemer: Deelnemer, door,
               toelichting: str = "") -> Voordracht:
    """Draagt een deelnemer uit een gemeente van `door` voor op een vacature van die gemeente.

    De deelnemer heeft een open traject; de vacature is nog open. Al voorgedragen op deze
    vacature: de bestaande voordracht komt terug (dubbel verzenden maakt er geen twee).
    """
    deelnemer = vergrendel_deelnemer(deelnemer, door=door)
    eis_medewerker(door, vacature.gemeente_id)
    bestaand = Voordracht.objects.filter(vacature=vacature, deelnemer=deelnemer).first()
    if bestaand:
        return bestaand
    fouten = Fouten()
    if vacature.gemeente_id != deelnemer.gemeente_id:
        fouten.voeg_toe("deelnemer", _("De deelnemer woont niet in de gemeente van de vacature."))
    if vacature.open_tot < vandaag():
        fouten.voeg_toe("vacature", _("Deze vacature is gesloten."))
    if not deelnemer.trajecten.filter(status__in=OPEN_STATUSSEN).exists():
        fouten.voeg_toe("deelnemer", _("De deelnemer heeft geen lopend traject."))
    fouten.gooi()
    voordracht = Voordracht(vacature=vacature, deelnemer=deelnemer, door=door,
                            toelichting=(toelichting or "").strip())
    voordracht.full_clean()
    voordracht.save()
    return voordracht


@transaction.atomic
def voordracht_status_wijzigen(
    *, voordracht: Voordracht, door, status: str, toelichting: str = "",
    versie: int | None = None,
) -> Voordracht:
    """Zet de voordracht een stap verder: voorgedragen → gesprek → aangenomen of afgewezen
    (afgewezen kan ook direct na voordragen). Aangenomen en afgewezen zijn het einde."""
    eis_medewerker(door, voordracht.deelnemer.gemeente_id)
    voordracht = Voordracht.objects.select_for_update().get(pk=voordracht.pk)
    toelichting = (toelichting or "").strip()
    if eis_versie(voordracht, versie, {"status": status, "toelichting": toelichting}):
        return voordracht
    if status == voordracht.status:
        return voordracht
    if status not in VOORDRACHT_OVERGANGEN.get(voordracht.status, []):
        raise ValidationError({"status": [
            _("Van ‘%(van)s’ kan de voordracht niet naar ‘%(naar)s’.") % {
                "van": voordracht.get_status_display(),
                "naar": dict(Voordracht.Status.choices).get(status, status),
            }]})
    voordracht.status = status
    if toelichting:
        voordracht.toelichting = toelichting
    volgende_versie(voordracht)
    voordracht.full_clean()
    voordracht.save()
    return voordracht
