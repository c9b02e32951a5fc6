"""Het traject en zijn intake."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN, Belemmering, Sector, Status, Uitvoerder
from .basis import Tijdstempels, vandaag, versieveld
from .coach import Coach
from .deelnemer import Deelnemer


class TrajectQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSSEN)

    def voor(self, user):
        """Trajecten in een gemeente van `user` (als medewerker)."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class Traject(Tijdstempels):
    """Het traject naar werk van één deelnemer binnen een programma.

    De startdatum wordt gezet zodra het traject voorbij 'aangemeld' komt (de intake).
    """

    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.PROTECT, related_name="trajecten", verbose_name=_("deelnemer")
    )
    programma = models.ForeignKey(
        "rapportage.Programma", on_delete=models.PROTECT, related_name="trajecten",
        verbose_name=_("programma"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="trajecten", verbose_name=_("gemeente")
    )
    coach = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, blank=True, related_name="trajecten",
        verbose_name=_("coach"),
    )
    uitvoerder = models.CharField(_("uitvoerder"), max_length=20, choices=Uitvoerder.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD
    )
    aanmelddatum = models.DateField(_("aanmelddatum"), default=vandaag)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_uitval = models.TextField(_("reden van uitval"), blank=True, default="")
    kosten = models.DecimalField(
        _("kosten (EUR)"), max_digits=10, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )
    versie = versieveld()

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-aanmelddatum", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kosten__gte=0), name="traject_kosten_niet_negatief"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=F("startdatum")),
                name="traject_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(startdatum__isnull=True) | Q(startdatum__gte=F("aanmelddatum")),
                name="traject_start_na_aanmelding",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.UITGEVALLEN) | ~Q(reden_uitval=""),
                name="traject_uitval_heeft_reden",
            ),
        ]
        indexes = [
            models.Index(fields=["programma", "startdatum"]),
            models.Index(fields=["gemeente", "status"]),
        ]

    def __str__(self):
        return f"{_('Traject')} {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN


class Intake(Tijdstempels):
    """Het intakegesprek: beroepswens, belemmeringen en het individueel actieplan."""

    traject = models.OneToOneField(
        Traject, on_delete=models.CASCADE, related_name="intake", verbose_name=_("traject")
    )
    datum = models.DateField(_("datum"))
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("medewerker"),
    )
    beroepswens = models.CharField(_("beroepswens"), max_length=200)
    sector = models.CharField(
        _("sector van de beroepswens"), max_length=20, choices=Sector.choices, blank=True,
        default="",
    )
    belemmeringen = models.JSONField(
        _("belemmeringen"), default=list, blank=True,
        help_text=_("Kies uit: ") + ", ".join(str(b.label) for b in Belemmering),
    )
    actieplan = models.TextField(_("individueel actieplan"), blank=True, default="")

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-datum"]

    def __str__(self):
        return f"{_('Intake')} {self.datum:%d-%m-%Y}"
