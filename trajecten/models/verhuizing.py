"""De verhuizing van een deelnemer naar een andere gemeente, met de overdracht
(docs/domain.md, "Verhuizing")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .basis import Tijdstempels, vandaag
from .deelnemer import Deelnemer


class Verhuizing(Tijdstempels):
    """Een verhuizing: van welke naar welke gemeente, op welke dag, en een overdrachtsnotitie
    voor de ontvangende gemeente."""

    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="verhuizingen",
        verbose_name=_("deelnemer"),
    )
    van_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("van gemeente")
    )
    naar_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("naar gemeente")
    )
    verhuisdatum = models.DateField(_("verhuisdatum"), default=vandaag)
    overdrachtsnotitie = models.TextField(
        _("overdrachtsnotitie"), blank=True, default="",
        help_text=_("Voor de medewerker van de nieuwe gemeente: waar staat de deelnemer, wat "
                    "loopt er, waar moet hij op letten."),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("vastgelegd door"),
    )

    class Meta:
        verbose_name = _("verhuizing")
        verbose_name_plural = _("verhuizingen")
        ordering = ["-verhuisdatum", "-pk"]

    def __str__(self):
        return f"{self.van_gemeente} → {self.naar_gemeente} ({self.verhuisdatum:%d-%m-%Y})"
