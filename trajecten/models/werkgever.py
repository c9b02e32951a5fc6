"""De werkgever die statushouders een plaats biedt."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import Sector
from ..validators import valideer_kvk
from .basis import Tijdstempels, versieveld


class WerkgeverQuerySet(models.QuerySet):
    def voor(self, user):
        """Werkgevers in een gemeente van `user` (als medewerker), of die met een gemeente
        van `user` samenwerken (`Werkgever.gemeenten`)."""
        gemeenten = Gemeente.objects.voor(user)
        samenwerking = Werkgever.gemeenten.through.objects.filter(
            werkgever_id=OuterRef("pk"), gemeente__in=gemeenten
        )
        return self.filter(Q(gemeente__in=gemeenten) | Exists(samenwerking))


class Grootte(models.TextChoices):
    """Bedrijfsgrootte naar aantal werknemers (indeling van het CBS, vereenvoudigd)."""

    KLEIN = "klein", _("klein (minder dan 10 werknemers)")
    MKB = "mkb", _("midden (10 tot 250 werknemers)")
    GROOT = "groot", _("groot (250 werknemers of meer)")


class Werkgever(Tijdstempels):
    """Een werkgever die statushouders een baan, stage of werkervaringsplaats biedt."""

    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, default="", validators=[valideer_kvk]
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="werkgevers", verbose_name=_("gemeente")
    )
    werkakkoord = models.BooleanField(
        _("Werkakkoord getekend"), default=False,
        help_text=_("De werkgever heeft het Werkakkoord getekend."),
    )
    werkakkoord_datum = models.DateField(
        _("datum Werkakkoord"), null=True, blank=True,
        help_text=_("De datum waarop de werkgever het Werkakkoord tekende."),
    )
    grootte = models.CharField(
        _("grootte"), max_length=10, choices=Grootte.choices, blank=True, default=""
    )
    gemeenten = models.ManyToManyField(
        Gemeente, blank=True, related_name="samenwerkende_werkgevers",
        verbose_name=_("samenwerkende gemeenten"),
        help_text=_("Gemeenten waarmee de werkgever samenwerkt, naast de eigen gemeente."),
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True, default="")
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True, default="")
    contact_telefoon = models.CharField(
        _("telefoon contactpersoon"), max_length=20, blank=True, default=""
    )
    versie = versieveld()

    objects = WerkgeverQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kvk_nummer="") | Q(kvk_nummer__regex=r"^[0-9]{8}$"),
                name="werkgever_kvk_formaat",
            ),
            models.CheckConstraint(
                condition=Q(werkakkoord=True) | Q(werkakkoord_datum__isnull=True),
                name="werkgever_werkakkoord_datum",
            ),
        ]

    def __str__(self):
        return self.naam
