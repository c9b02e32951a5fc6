"""De vrijwillige werkcoach (VIP): VOG, capaciteit en caseload."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN
from .basis import Tijdstempels, vandaag


class CoachQuerySet(models.QuerySet):
    def voor(self, user):
        """Coaches die in minstens één gemeente van `user` actief zijn, elk één keer."""
        return self.filter(
            pk__in=Coach.objects.filter(gemeenten__in=Gemeente.objects.voor(user)).values("pk")
        )

    def actief(self):
        return self.filter(actief=True)

    def met_geldige_vog(self, peildatum: datetime.date | None = None):
        peildatum = peildatum or vandaag()
        grens = peildatum - relativedelta(years=settings.VOG_GELDIGHEID_JAREN)
        return self.filter(vog_datum__gt=grens, vog_datum__lte=peildatum)

    def met_caseload(self):
        """Annoteert `caseload`: het aantal open trajecten van de coach, in één query."""
        return self.annotate(
            caseload=Count("trajecten", filter=Q(trajecten__status__in=OPEN_STATUSSEN))
        )

    def met_ruimte(self):
        return self.met_caseload().filter(caseload__lt=F("max_deelnemers"))


class Coach(Tijdstempels):
    """Een vrijwillige werkcoach die deelnemers persoonlijk begeleidt (VIP)."""

    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True, default="")
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True, default="")
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="coaches", verbose_name=_("gemeenten"), blank=True
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    sectoren = models.JSONField(_("sectoren"), default=list, blank=True)
    getraind_op = models.DateField(
        _("getraind als werkcoach op"), null=True, blank=True
    )
    vog_datum = models.DateField(
        _("datum VOG"), null=True, blank=True,
        help_text=_("Datum van de Verklaring Omtrent het Gedrag; geldig tot drie jaar daarna."),
    )
    max_deelnemers = models.PositiveSmallIntegerField(_("maximaal aantal deelnemers"), default=3)
    actief = models.BooleanField(_("actief"), default=True)

    objects = CoachQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_deelnemers__gte=1, max_deelnemers__lte=50),
                name="coach_max_deelnemers_bereik",
            ),
        ]

    def __str__(self):
        return self.naam

    def heeft_geldige_vog(self, peildatum: datetime.date | None = None) -> bool:
        """Dezelfde regel als `CoachQuerySet.met_geldige_vog`, ook rond 29 februari."""
        peildatum = peildatum or vandaag()
        if not self.vog_datum:
            return False
        grens = peildatum - relativedelta(years=settings.VOG_GELDIGHEID_JAREN)
        return grens < self.vog_datum <= peildatum

    @property
    def vog_status(self) -> str:
        if not self.vog_datum:
            return "ontbreekt"
        return "geldig" if self.heeft_geldige_vog() else "verlopen"
