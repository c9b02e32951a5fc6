"""De plaatsing: baan, stage, werkervaringsplaats of een voorportaal."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import Contractvorm, Soort
from .basis import Tijdstempels, versieveld
from .traject import Traject
from .werkgever import Werkgever


class PlaatsingQuerySet(models.QuerySet):
    def voor(self, user):
        """Plaatsingen van deelnemers die nu in een gemeente van `user` (als medewerker) wonen
        (zie `TrajectQuerySet.voor`)."""
        return self.filter(traject__deelnemer__gemeente__in=Gemeente.objects.voor(user))


class Plaatsing(Tijdstempels):
    """Een plaatsing van een deelnemer: baan, stage, werkervaringsplaats of een voorportaal."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="plaatsingen", verbose_name=_("traject")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, null=True, blank=True, related_name="plaatsingen",
        verbose_name=_("werkgever"),
    )
    functie = models.CharField(_("functie"), max_length=150, blank=True, default="")
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
        help_text=_("Leeg als het niet bekend is; bij een baan verplicht."),
    )
    contractvorm = models.CharField(
        _("contractvorm"), max_length=20, choices=Contractvorm.choices, default=Contractvorm.GEEN
    )
    bijeenkomst = models.ForeignKey(
        "trajecten.Bijeenkomst", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="plaatsingen", verbose_name=_("via bijeenkomst"),
        help_text=_("De bijeenkomst waaruit de plaatsing voortkwam, als die er is."),
    )
    vacature = models.ForeignKey(
        "trajecten.Vacature", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="plaatsingen", verbose_name=_("via vacature"),
        help_text=_("De vacature waarop de deelnemer werd aangenomen, als die er is."),
    )
    versie = versieveld()

    objects = PlaatsingQuerySet.as_manager()

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-startdatum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="plaatsing_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=0, uren_per_week__lte=60),
                name="plaatsing_uren_bereik",
            ),
        ]
        indexes = [models.Index(fields=["soort", "startdatum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.startdatum:%d-%m-%Y}"
