"""De werkvoorraad: wat vandaag aandacht vraagt, in vier groepen."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from ..constants import GEPLAATST_SOORTEN, OPEN_STATUSSEN, ContactSoort, Status
from ..datums import PlusMaanden
from ..models import Contactmoment, Plaatsing, Traject, vandaag

#: Werkvoorraad: aangemeld zonder intake na zoveel dagen.
INTAKE_TERMIJN_DAGEN = 14
#: Werkvoorraad: de nazorgcontrole valt zoveel maanden na de start van een plaatsing.
NAZORG_NA_MAANDEN = 6
#: Werkvoorraad: een open traject zonder contact in zoveel dagen vraagt aandacht.
CONTACT_TERMIJN_DAGEN = 60
#: Werkvoorraad: zoveel items per groep tonen; het totaal staat erboven.
WERKVOORRAAD_MAX = 50


@dataclass
class WerkvoorraadGroep:
    sleutel: str
    titel: str
    uitleg: str
    actie: str
    items: list = field(default_factory=list)
    aantal: int = 0

    @property
    def meer(self) -> int:
        return max(self.aantal - len(self.items), 0)


def _groep(qs: QuerySet, limiet: int) -> tuple[list, int]:
    """Eén query: de eerste `limiet + 1` rijen; is er meer, dan nog één count-query."""
    rijen = list(qs[: limiet + 1])
    if len(rijen) <= limiet:
        return rijen, len(rijen)
    return rijen[:limiet], qs.count()


def werkvoorraad(*, user, peildatum: datetime.date | None = None,
                 limiet: int = WERKVOORRAAD_MAX) -> list[WerkvoorraadGroep]:
    """De vier groepen van de werkvoorraad voor de gemeenten van `user`.

    1. aangemeld, langer dan 14 dagen geleden, zonder intake;
    2. in intake of actief, zonder coach;
    3. een plaatsing (baan, stage, werkervaringsplaats) op een open traject die zes maanden of
       langer geleden begon, zonder nazorgcontact op of na die zes-maandendatum;
    4. open trajecten (voorbij aanmelding) zonder enig contactmoment in de laatste 60 dagen.

    Vast aantal queries (hooguit twee per groep), hoeveel trajecten er ook zijn.
    """
    peildatum = peildatum or vandaag()
    trajecten = Traject.objects.voor(user).select_related("deelnemer", "coach", "gemeente")

    zonder_intake = (
        trajecten.filter(
            status=Status.AANGEMELD,
            aanmelddatum__lt=peildatum - datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        )
        .filter(intake__isnull=True)
        .order_by("aanmelddatum", "pk")
    )
    zonder_coach = trajecten.filter(
        status__in=[Status.INTAKE, Status.ACTIEF], coach__isnull=True
    ).order_by("startdatum", "pk")

    nazorg_contact = Contactmoment.objects.filter(
        traject=OuterRef("traject"),
        soort=ContactSoort.NAZORG,
        datum__gte=PlusMaanden(OuterRef("startdatum"), NAZORG_NA_MAANDEN),
    )
    nazorg_nodig = (
        Plaatsing.objects.voor(user)
        .filter(
            soort__in=GEPLAATST_SOORTEN,
            traject__status__in=OPEN_STATUSSEN,
            startdatum__lte=peildatum - relativedelta(months=NAZORG_NA_MAANDEN),
        )
        .filter(~Exists(nazorg_contact))
        .select_related("traject__deelnemer", "werkgever")
        .order_by("startdatum", "pk")
    )

    grens = peildatum - datetime.timedelta(days=CONTACT_TERMIJN_DAGEN)
    recent_contact = Contactmoment.objects.filter(traject=OuterRef("pk"), datum__gte=grens)
    zonder_contact = (
        trajecten.filter(status__in=OPEN_STATUSSEN)
        .exclude(status=Status.AANGEMELD)
        .filter(Q(startdatum__lte=grens) | Q(startdatum__isnull=True, aanmelddatum__lte=grens))
        .filter(~Exists(recent_contact))
        .order_by("startdatum", "pk")
    )

    groepen = [
        WerkvoorraadGroep(
            "zonder_intake",
            _("Aangemeld zonder intake"),
            _("Aangemeld, meer dan %(dagen)s dagen geleden, nog geen intake.")
            % {"dagen": INTAKE_TERMIJN_DAGEN},
            _("Intake vastleggen"),
        ),
        WerkvoorraadGroep(
            "zonder_coach",
            _("Zonder coach"),
            _("Traject in intake of actief, nog geen werkcoach."),
            _("Coach toewijzen"),
        ),
        WerkvoorraadGroep(
            "nazorg",
            _("Nazorgcontrole na zes maanden"),
            _("Plaatsing %(maanden)s maanden of langer geleden begonnen, nog geen nazorgcontact "
              "sinds die datum.") % {"maanden": NAZORG_NA_MAANDEN},
            _("Nazorgcontact vastleggen"),
        ),
        WerkvoorraadGroep(
            "zonder_contact",
            _("Geen contact in %(dagen)s dagen") % {"dagen": CONTACT_TERMIJN_DAGEN},
            _("Open traject zonder contactmoment in de laatste %(dagen)s dagen.")
            % {"dagen": CONTACT_TERMIJN_DAGEN},
            _("Contactmoment vastleggen"),
        ),
    ]
    for groep, qs in zip(
        groepen, [zonder_intake, zonder_coach, nazorg_nodig, zonder_contact], strict=True
    ):
        groep.items, groep.aantal = _groep(qs, limiet)
    return groepen
