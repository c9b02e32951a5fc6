"""Het actieplan: acties toevoegen en afvinken (docs/domain.md, "Actieplan")."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Actie, ActieStatus, ActieUitvoerder, Traject, vandaag
from .basis import Fouten, datum_nl, recent, vergrendel_traject
from .versies import bewaar_nieuwe_versie, eis_versie


@transaction.atomic
def actie_toevoegen(
    *, traject: Traject, door, omschrijving: str, uitvoerder: str, deadline: datetime.date
) -> Actie:
    """Voegt een open actie toe aan het actieplan van een open traject (bij de intake of
    later). De deadline ligt niet vóór de aanmelding. Dezelfde actie binnen het dubbel-venster
    geeft de eerste terug."""
    traject = vergrendel_traject(traject, door=door)
    if not traject.is_open:
        raise ValidationError(
            _("Dit traject is afgesloten; er kunnen geen acties meer bij."),
            code="traject_gesloten",
        )
    omschrijving = (omschrijving or "").strip()
    fouten = Fouten()
    if not omschrijving:
        fouten.voeg_toe("omschrijving", _("Beschrijf wat er moet gebeuren."))
    if uitvoerder not in ActieUitvoerder.values:
        fouten.voeg_toe("uitvoerder", _("Kies wie de actie uitvoert."))
    if deadline and deadline < traject.aanmelddatum:
        fouten.voeg_toe("deadline", _(
            "De deadline kan niet vóór de aanmelding (%(datum)s) liggen."
        ) % {"datum": datum_nl(traject.aanmelddatum)})
    fouten.gooi()
    eerder = recent(traject.acties.filter(
        omschrijving=omschrijving, uitvoerder=uitvoerder, deadline=deadline
    ))
    if eerder:
        return eerder
    actie = Actie(traject=traject, omschrijving=omschrijving, uitvoerder=uitvoerder,
                  deadline=deadline)
    actie.full_clean()
    actie.save()
    return actie


@transaction.atomic
def actie_status_wijzigen(
    *, actie: Actie, door, status: str, versie: int | None = None
) -> Actie:
    """Zet een actie op open, gedaan (met vandaag als datum) of vervallen. Met `versie`:
    `Bewerkingsconflict` als iemand anders de actie intussen wijzigde; dezelfde status
    nogmaals is geen wijziging."""
    vergrendel_traject(actie.traject, door=door)
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if status not in ActieStatus.values:
        raise ValidationError({"status": [_("Kies een status uit de lijst.")]})
    if eis_versie(actie, versie, {"status": status}) or actie.status == status:
        return actie
    actie.status = status
    actie.gedaan_op = vandaag() if status == ActieStatus.GEDAAN else None
    bewaar_nieuwe_versie(actie)
    return actie
