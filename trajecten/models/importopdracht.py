"""Een bulkimport die op de achtergrond loopt (`Importopdracht`): het bestand, de voortgang en
het rapport, alleen voor wie het bestand uploadde."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .basis import Tijdstempels


class Importstatus(models.TextChoices):
    WACHTEND = "wachtend", _("wacht op een verwerker")
    BEZIG = "bezig", _("bezig")
    GELUKT = "gelukt", _("geïmporteerd")
    GEWEIGERD = "geweigerd", _("geweigerd")
    MISLUKT = "mislukt", _("mislukt")


#: Na deze statussen verandert een opdracht niet meer; het bestand is dan gewist.
EINDSTATUSSEN = (Importstatus.GELUKT, Importstatus.GEWEIGERD, Importstatus.MISLUKT)


class ImportopdrachtQuerySet(models.QuerySet):
    def voor(self, user):
        """De opdrachten die `user` zelf uploadde (ook een collega in dezelfde gemeente ziet ze
        niet: het rapport noemt rijen uit het bestand)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(door=user)


class Importopdracht(Tijdstempels):
    """Een geüpload importbestand dat een taak (Celery) controleert en opslaat, alles of niets.

    Het nummer is een willekeurige UUID (niet te raden); het bestand staat in de database tot de
    opdracht klaar is en wordt dan gewist. Het rapport (fouten per rij, aantallen per gemeente)
    blijft bewaard voor de uploader tot `importopdrachten_opschonen` het na
    `BEWAARDAGEN` verwijdert.
    """

    BEWAARDAGEN = 30

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("geüpload door"),
    )
    soort = models.CharField(_("soort bestand"), max_length=5)
    inhoud = models.BinaryField(_("inhoud"), default=b"", editable=False)
    pad = models.CharField(_("pad"), max_length=200, blank=True, default="")
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Importstatus.choices, default=Importstatus.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    taak_id = models.CharField(_("taak"), max_length=50, blank=True, default="")
    rijen = models.PositiveIntegerField(_("rijen"), default=0)
    gecontroleerd = models.PositiveIntegerField(_("gecontroleerd"), default=0)
    aangemaakt = models.PositiveIntegerField(_("aangemaakt"), default=0)
    per_gemeente = models.JSONField(_("per gemeente"), default=dict, blank=True)
    fouten = models.JSONField(_("fouten"), default=list, blank=True)
    aantal_fouten = models.PositiveIntegerField(_("aantal fouten"), default=0)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    objects = ImportopdrachtQuerySet.as_manager()

    class Meta:
        verbose_name = _("importopdracht")
        verbose_name_plural = _("importopdrachten")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=[".csv", ".xlsx"]), name="importopdracht_soort",
            ),
        ]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.get_status_display()})"

    @property
    def klaar(self) -> bool:
        return self.status in EINDSTATUSSEN
