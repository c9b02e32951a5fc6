"""Vacatures en stageplaatsen van werkgevers, en de voordrachten van deelnemers daarop."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import Sector, Soort, Taalniveau
from .basis import Tijdstempels, versieveld
from .deelnemer import Deelnemer
from .werkgever import Werkgever


class VacatureQuerySet(models.QuerySet):
    def voor(self, user):
        """Vacatures voor een gemeente van `user` (als medewerker)."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class Vacature(Tijdstempels):
    """Een vacature of stageplaats bij een werkgever, opengesteld voor de deelnemers van één
    gemeente."""

    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="vacatures",
        verbose_name=_("werkgever"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="vacatures", verbose_name=_("gemeente")
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.BAAN,
    )
    functie = models.CharField(_("functie"), max_length=150)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    taalniveau = models.CharField(
        _("taalniveau Nederlands nodig"), max_length=2, choices=Taalniveau.choices,
        default=Taalniveau.A2,
    )
    aantal_plaatsen = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), default=1, validators=[MinValueValidator(1)],
    )
    open_tot = models.DateField(_("open tot"))
    versie = versieveld()

    objects = VacatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")
        ordering = ["open_tot", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=1, uren_per_week__lte=60),
                name="vacature_uren_bereik",
            ),
            models.CheckConstraint(condition=Q(aantal_plaatsen__gte=1),
                                   name="vacature_plaatsen_positief"),
        ]

    def __str__(self):
        return f"{self.functie} ({self.werkgever})"


class VoordrachtQuerySet(models.QuerySet):
    def voor(self, user):
        """Voordrachten van deelnemers die nu in een gemeente van `user` wonen: een
        voordracht volgt de persoon, ook na een verhuizing (zoals `TrajectQuerySet.voor`)."""
        return self.filter(deelnemer__gemeente__in=Gemeente.objects.voor(user))


class Voordracht(Tijdstempels):
    """Een medewerker draagt een deelnemer voor op een vacature (intern: de werkgever krijgt
    via de app niets te zien). Verloop: voorgedragen → gesprek → aangenomen of afgewezen."""

    class Status(models.TextChoices):
        VOORGEDRAGEN = "voorgedragen", _("voorgedragen")
        GESPREK = "gesprek", _("gesprek")
        AANGENOMEN = "aangenomen", _("aangenomen")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    vacature = models.ForeignKey(
        Vacature, on_delete=models.CASCADE, related_name="voordrachten",
        verbose_name=_("vacature"),
    )
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="voordrachten",
        verbose_name=_("deelnemer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VOORGEDRAGEN
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True, default="")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("voorgedragen door"),
    )
    versie = versieveld()

    objects = VoordrachtQuerySet.as_manager()

    class Meta:
        verbose_name = _("voordracht")
        verbose_name_plural = _("voordrachten")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacature", "deelnemer"], name="voordracht_eenmaal_per_vacature"
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()}: {self.vacature}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.VOORGEDRAGEN, self.Status.GESPREK)
