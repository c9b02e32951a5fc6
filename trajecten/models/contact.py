"""Het contactmoment: een gesprek, nazorgcontact of werkgeverscontact."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import ContactSoort
from .afspraak import Afspraak
from .basis import Tijdstempels, vandaag
from .traject import Traject


class Contactmoment(Tijdstempels):
    """Een gesprek, nazorgcontact of werkgeverscontact binnen een traject: wat er gebeurd is. Wat
    nog gaat gebeuren is een `Afspraak`."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="contactmomenten",
        verbose_name=_("traject"),
    )
    datum = models.DateField(_("datum"), default=vandaag)
    soort = models.CharField(_("soort"), max_length=20, choices=ContactSoort.choices)
    notitie = models.TextField(_("notitie"), blank=True, default="")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("medewerker"),
    )
    afspraak = models.OneToOneField(
        Afspraak, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="contactmoment", verbose_name=_("afspraak"),
        help_text=_("De gehouden afspraak waarvan dit contact het verslag is."),
    )

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["traject", "soort", "datum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"
