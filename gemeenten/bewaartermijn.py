"""Bewaartermijn van de logboeken: toegangslog, inlogpogingen (django-axes) en sessies.

Zonder termijn groeit elk logboek zolang de app draait, ook door anonieme bezoekers (elke
mislukte inlogpoging is een regel). `logboeken_opschonen()` verwijdert wat ouder is dan de
termijn uit de instellingen (docs/domain.md, "Toegangslog en wijzigingshistorie"):

- het toegangslog na `BEWAARTERMIJN_TOEGANGSLOG_MAANDEN` (standaard 24 maanden);
- mislukte en geblokkeerde inlogpogingen in het toegangslog, en de pogingen, mislukte inlogs en
  het in- en uitloglog van django-axes na `BEWAARTERMIJN_INLOGPOGINGEN_DAGEN` (standaard 90);
- sessies zodra ze verlopen zijn (hoogstens 12 uur na het inloggen).

Het opschonen zelf komt in het toegangslog (actie *logboeken opgeschoond*, met de aantallen).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from .models import Toegangslog
from .toegangslog import registreer_toegang

#: Inlogpogingen van iemand die (nog) niet ingelogd is: korter bewaard.
INLOGACTIES = [Toegangslog.Actie.INLOGGEN_MISLUKT, Toegangslog.Actie.GEBLOKKEERD]


@dataclass
class Opschoning:
    """Wat `logboeken_opschonen()` verwijderde (of bij `dry_run` zou verwijderen)."""

    toegangslog: int = 0
    inlogpogingen: int = 0
    axes_pogingen: int = 0
    axes_mislukt: int = 0
    axes_inloglog: int = 0
    sessies: int = 0
    grens_toegangslog: datetime.datetime | None = None
    grens_inlogpogingen: datetime.datetime | None = None
    dry_run: bool = False

    @property
    def totaal(self) -> int:
        return (self.toegangslog + self.inlogpogingen + self.axes_pogingen + self.axes_mislukt
                + self.axes_inloglog + self.sessies)


def logboeken_opschonen(*, nu: datetime.datetime | None = None, dry_run: bool = False
                        ) -> Opschoning:
    """Verwijder logregels en sessies van vóór hun termijn, in één transactie.

    Een regel van precies de grens blijft staan. Met `dry_run` wordt alleen geteld.
    """
    nu = nu or timezone.now()
    grens_log = nu - relativedelta(months=settings.BEWAARTERMIJN_TOEGANGSLOG_MAANDEN)
    grens_inlog = nu - datetime.timedelta(days=settings.BEWAARTERMIJN_INLOGPOGINGEN_DAGEN)
    oud_log = Toegangslog.objects.filter(tijdstip__lt=grens_log)
    oude_inlogs = Toegangslog.objects.filter(
        tijdstip__lt=grens_inlog, tijdstip__gte=grens_log, actie__in=INLOGACTIES
    )
    delen = {
        "toegangslog": oud_log,
        "inlogpogingen": oude_inlogs,
        "axes_pogingen": AccessAttempt.objects.filter(attempt_time__lt=grens_inlog),
        "axes_mislukt": AccessFailureLog.objects.filter(attempt_time__lt=grens_inlog),
        "axes_inloglog": AccessLog.objects.filter(attempt_time__lt=grens_inlog),
        "sessies": Session.objects.filter(expire_date__lt=nu),
    }
    resultaat = Opschoning(grens_toegangslog=grens_log, grens_inlogpogingen=grens_inlog,
                           dry_run=dry_run)
    if dry_run:
        for naam, queryset in delen.items():
            setattr(resultaat, naam, queryset.count())
        return resultaat
    with transaction.atomic():
        for naam, queryset in delen.items():
            _totaal, per_model = queryset.delete()
            setattr(resultaat, naam, per_model.get(queryset.model._meta.label, 0))
        registreer_toegang(
            actie=Toegangslog.Actie.OPGESCHOOND,
            gebruikersnaam="systeem: manage.py logboeken_opschonen",
            toelichting=(
                f"toegangslog {resultaat.toegangslog}, inlogpogingen {resultaat.inlogpogingen}, "
                f"axes {resultaat.axes_pogingen}/{resultaat.axes_mislukt}/"
                f"{resultaat.axes_inloglog}, sessies {resultaat.sessies}"
            ),
        )
    return resultaat
