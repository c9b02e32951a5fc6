"""De vrijwillige werkcoach (VIP): VOG, capaciteit en caseload."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Count, DateField, F, Func, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN
from .basis import Tijdstempels, vandaag


def vog_grens(peildatum: datetime.date | None = None) -> datetime.date:
    """Een VOG is geldig als hij ná deze datum en uiterlijk op de peildatum is afgegeven."""
    peildatum = peildatum or vandaag()
    return peildatum - relativedelta(years=settings.VOG_GELDIGHEID_JAREN)


def inzetbaar(prefix: str = "", peildatum: datetime.date | None = None) -> Q:
    """Q voor een coach die telt: actief en met een geldige VOG. `prefix` voor een relatie,
    bijvoorbeeld `"coach__"` vanuit een traject. Eén definitie voor toewijzen, suggesties,
    werkvoorraad ("zonder (geldige) coach") en het coachtekort."""
    peildatum = peildatum or vandaag()
    return Q(**{
        f"{prefix}actief": True,
        f"{prefix}vog_datum__gt": vog_grens(peildatum),
        f"{prefix}vog_datum__lte": peildatum,
    })


class VogVerlooptOp(Func):
    """De eerste dag waarop de VOG niet meer geldig is: de datum plus
    `VOG_GELDIGHEID_JAREN` jaar, met 29 februari → 1 maart (zoals `vog_grens` met
    relativedelta rekent), in de database op SQLite en PostgreSQL."""

    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        # SQLite schuift 29 februari + n jaar zelf door naar 1 maart.
        return f"date({sql}, '+{int(settings.VOG_GELDIGHEID_JAREN)} years')", params

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        jaren = int(settings.VOG_GELDIGHEID_JAREN)
        # PostgreSQL maakt van 29 februari + n jaar 28 februari: één dag erbij.
        return (
            f"CAST(({sql} + INTERVAL '{jaren} years' + CASE WHEN EXTRACT(MONTH FROM {sql}) = 2 "
            f"AND EXTRACT(DAY FROM {sql}) = 29 THEN INTERVAL '1 day' ELSE INTERVAL '0 days' "
            f"END) AS date)"
        ), params * 3


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
        return self.filter(vog_datum__gt=vog_grens(peildatum), vog_datum__lte=peildatum)

    def inzetbaar(self, peildatum: datetime.date | None = None):
        """Actief en met een geldige VOG: alleen zo'n coach telt als coach."""
        return self.filter(inzetbaar(peildatum=peildatum))

    def met_vog_verloopt_op(self):
        """Annoteert `vog_verloopt_op` (leeg zonder VOG), in dezelfde query."""
        return self.annotate(vog_verloopt_op=VogVerlooptOp("vog_datum"))

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
        return vog_grens(peildatum) < self.vog_datum <= peildatum

    def is_inzetbaar(self, peildatum: datetime.date | None = None) -> bool:
        """Dezelfde regel als `inzetbaar()`: actief en een geldige VOG."""
        return self.actief and self.heeft_geldige_vog(peildatum)

    @property
    def vog_status(self) -> str:
        if not self.vog_datum:
            return "ontbreekt"
        return "geldig" if self.heeft_geldige_vog() else "verlopen"


class Coachtekort(Gemeente):
    """Het coachtekort van een gemeente (alleen in de admin): hoeveel trajecten op de
    wachtlijst voor een coach staan en sinds wanneer (`selectors.coachtekort_per_gemeente`)."""

    class Meta:
        proxy = True
        verbose_name = _("coachtekort")
        verbose_name_plural = _("coachtekort per gemeente")
