"""Het individueel actieplan: de acties op een traject (docs/domain.md, "Actieplan")."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .basis import Tijdstempels, vandaag, versieveld
from .traject import Traject


class ActieUitvoerder(models.TextChoices):
    """Wie een actie uitvoert."""

    DEELNEMER = "deelnemer", _("deelnemer")
    COACH = "coach", _("coach")
    BEHANDELAAR = "behandelaar", _("behandelaar")
    WERKGEVER = "werkgever", _("werkgever")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("open")
    GEDAAN = "gedaan", _("gedaan")
    VERVALLEN = "vervallen", _("vervallen")


class ActieQuerySet(models.QuerySet):
    def voor(self, user):
        """Acties op trajecten die `user` mag zien (`Traject.objects.voor`)."""
        return self.filter(traject__in=Traject.objects.voor(user))

    def open(self):
        return self.filter(status=ActieStatus.OPEN)

    def verlopen(self, peildatum=None):
        """Open acties waarvan de deadline voorbij is."""
        return self.open().filter(deadline__lt=peildatum or vandaag())


class Actie(Tijdstempels):
    """Eén afspraak uit het individueel actieplan: wat er moet gebeuren, wie het doet en wanneer
    het klaar moet zijn. Status open, gedaan (met de datum) of vervallen (niet meer nodig)."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="acties", verbose_name=_("traject")
    )
    omschrijving = models.CharField(_("wat"), max_length=300)
    uitvoerder = models.CharField(
        _("wie"), max_length=20, choices=ActieUitvoerder.choices,
        default=ActieUitvoerder.DEELNEMER,
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)
    versie = versieveld()

    objects = ActieQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActieStatus.GEDAAN, gedaan_op__isnull=False)
                | (~Q(status=ActieStatus.GEDAAN) & Q(gedaan_op__isnull=True)),
                name="actie_gedaan_heeft_datum",
            ),
        ]
        indexes = [models.Index(fields=["traject", "status", "deadline"])]

    def __str__(self):
        return self.omschrijving

    @property
    def is_verlopen(self) -> bool:
        return self.status == ActieStatus.OPEN and self.deadline < vandaag()
