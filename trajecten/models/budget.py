"""Het opleidingsbudget: het bedrag per programma en gemeente, en de uitgaven per traject
(docs/domain.md, "Opleidingsbudget")."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .basis import Tijdstempels, vandaag
from .traject import Traject


class Opleidingsbudget(Tijdstempels):
    """Het opleidingsbudget dat elk traject van `programma` in `gemeente` krijgt (bijvoorbeeld
    EUR 1.500), ingesteld door de beheerder. Zonder regel is het budget van een traject nul."""

    programma = models.ForeignKey(
        "rapportage.Programma", on_delete=models.CASCADE, related_name="opleidingsbudgetten",
        verbose_name=_("programma"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="opleidingsbudgetten",
        verbose_name=_("gemeente"),
    )
    bedrag = models.DecimalField(
        _("bedrag per traject (EUR)"), max_digits=10, decimal_places=2,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("opleidingsbudget")
        verbose_name_plural = _("opleidingsbudgetten")
        ordering = ["programma", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["programma", "gemeente"], name="opleidingsbudget_uniek"
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0), name="opleidingsbudget_niet_negatief"
            ),
        ]

    def __str__(self):
        return f"{self.programma} · {self.gemeente}: € {self.bedrag}"


class UitgaveSoort(models.TextChoices):
    CURSUS = "cursus", _("cursus of opleiding")
    DIPLOMAWAARDERING = "diplomawaardering", _("diplomawaardering")
    REISKOSTEN = "reiskosten", _("reiskosten")
    MATERIAAL = "materiaal", _("materiaal")


class UitgaveQuerySet(models.QuerySet):
    def voor(self, user):
        return self.filter(traject__in=Traject.objects.voor(user))


class Uitgave(Tijdstempels):
    """Een uitgave uit het opleidingsbudget van een traject. Boven het budget alleen met een
    reden (`reden_overschrijding`)."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="uitgaven", verbose_name=_("traject")
    )
    soort = models.CharField(_("waarvoor"), max_length=20, choices=UitgaveSoort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True, default="")
    bedrag = models.DecimalField(
        _("bedrag (EUR)"), max_digits=10, decimal_places=2,
        validators=[MinValueValidator(0.01)],
    )
    datum = models.DateField(_("datum"), default=vandaag)
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("goedgekeurd door"),
    )
    reden_overschrijding = models.TextField(
        _("reden om boven het budget te gaan"), blank=True, default=""
    )

    objects = UitgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitgave")
        verbose_name_plural = _("uitgaven")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="uitgave_positief"),
        ]
        indexes = [models.Index(fields=["traject", "datum"])]

    def __str__(self):
        return f"{self.get_soort_display()} € {self.bedrag}"
