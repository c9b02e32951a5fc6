"""De agenda: afspraken op een traject en het persoonlijke agenda-abonnement (.ics)."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import NAZORG_MAANDEN, AfspraakSoort, AfspraakStatus
from .basis import Tijdstempels, versieveld
from .plaatsing import Plaatsing
from .traject import Traject

#: Hoe lang een afspraak hooguit duurt (minuten).
MAX_DUUR_MINUTEN = 8 * 60


class AfspraakQuerySet(models.QuerySet):
    def voor(self, user):
        """Afspraken op trajecten van deelnemers die nu in een gemeente van `user` (als
        medewerker) wonen (zie `TrajectQuerySet.voor`)."""
        return self.filter(traject__deelnemer__gemeente__in=Gemeente.objects.voor(user))

    def van(self, user):
        """De afspraken in de agenda van `user`."""
        return self.filter(medewerker=user)

    def gepland(self):
        return self.filter(status=AfspraakStatus.GEPLAND)


class Afspraak(Tijdstempels):
    """Een afspraak in de toekomst (of vandaag) op een traject: intake, gesprek, nazorg,
    werkgeversbezoek of een gesprek met de coach. Wat er gebeurd is, wordt een `Contactmoment`;
    een gehouden afspraak verwijst naar het contact dat er verslag van doet.

    Nazorgafspraken na 1, 3 en 6 maanden worden gepland bij de start van een baan, stage of
    werkervaringsplaats (`plaatsing`, `nazorg_maanden`); bij de laatste legt de medewerker vast
    of de plaatsing nog loopt (`plaatsing_loopt`).
    """

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="afspraken", verbose_name=_("traject")
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="afspraken", verbose_name=_("in de agenda van"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=AfspraakSoort.choices)
    datum = models.DateField(_("datum"))
    tijd = models.TimeField(_("tijd"))
    duur_minuten = models.PositiveSmallIntegerField(_("duur (minuten)"), default=60)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True, default="")
    notitie = models.TextField(_("notitie"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=AfspraakStatus.choices,
        default=AfspraakStatus.GEPLAND,
    )
    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.CASCADE, null=True, blank=True,
        related_name="nazorgafspraken", verbose_name=_("plaatsing"),
    )
    nazorg_maanden = models.PositiveSmallIntegerField(
        _("nazorg na (maanden)"), null=True, blank=True,
        choices=[(m, str(m)) for m in NAZORG_MAANDEN],
    )
    plaatsing_loopt = models.BooleanField(
        _("plaatsing loopt nog"), null=True, blank=True,
        help_text=_("Vastgelegd bij de nazorg na zes maanden: loopt de plaatsing nog?"),
    )
    versie = versieveld()

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["datum", "tijd", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duur_minuten__gte=5, duur_minuten__lte=MAX_DUUR_MINUTEN),
                name="afspraak_duur_bereik",
            ),
            models.CheckConstraint(
                condition=Q(nazorg_maanden__isnull=True)
                | Q(nazorg_maanden__in=NAZORG_MAANDEN, plaatsing__isnull=False,
                    soort=AfspraakSoort.NAZORG),
                name="afspraak_nazorg_bij_plaatsing",
            ),
            models.UniqueConstraint(
                fields=["plaatsing", "nazorg_maanden"], name="afspraak_nazorg_eenmaal",
            ),
        ]
        indexes = [
            models.Index(fields=["medewerker", "datum"]),
            models.Index(fields=["traject", "datum"]),
            models.Index(fields=["status", "datum"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y} {self.tijd:%H:%M}"

    @property
    def begin(self) -> datetime.datetime:
        """Begin als tijdstip in de tijdzone van de app."""
        return timezone.make_aware(datetime.datetime.combine(self.datum, self.tijd))

    @property
    def einde(self) -> datetime.datetime:
        return self.begin + datetime.timedelta(minutes=self.duur_minuten)

    @property
    def is_gepland(self) -> bool:
        return self.status == AfspraakStatus.GEPLAND

    @property
    def is_zesmaandencontrole(self) -> bool:
        return self.nazorg_maanden == max(NAZORG_MAANDEN)


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()


class Agendafeed(models.Model):
    """Het persoonlijke agenda-abonnement (.ics) van een medewerker.

    De geheime URL is `kenmerk` plus een geheim van 256 bits; alleen de SHA-256 van het geheim
    staat in de database (een willekeurig geheim van die lengte heeft geen trage hash nodig).
    Vernieuwen maakt een nieuw kenmerk en geheim: de oude URL werkt dan niet meer.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agendafeed",
        verbose_name=_("gebruiker"),
    )
    kenmerk = models.CharField(_("kenmerk"), max_length=32, unique=True)
    geheim_hash = models.CharField(_("hash van het geheim"), max_length=64)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now=True)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self):
        return str(_("agenda-abonnement van %(user)s") % {"user": self.user})

    @staticmethod
    def hash(geheim: str) -> str:
        return _hash(geheim)

    def klopt(self, geheim: str) -> bool:
        """Vergelijkt in constante tijd: de duur verraadt niet hoeveel tekens goed waren."""
        return hmac.compare_digest(self.geheim_hash, _hash(geheim))
