"""De relatie met een werkgever: contactpersonen, het contact met medewerkers van de gemeenten
en social return-afspraken (docs/domain.md, "Werkgevers als partner")."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .basis import Tijdstempels, versieveld
from .werkgever import Werkgever


class Contactpersoon(Tijdstempels):
    """Een contactpersoon bij een werkgever (naam, rol, e-mail, telefoon)."""

    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="contactpersonen",
        verbose_name=_("werkgever"),
    )
    naam = models.CharField(_("naam"), max_length=150)
    rol = models.CharField(_("rol"), max_length=100, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True, default="")

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam", "pk"]

    def __str__(self):
        return self.naam


class WerkgeverContactQuerySet(models.QuerySet):
    def voor(self, user):
        """Contacten vastgelegd voor een gemeente van `user` (als medewerker)."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class WerkgeverContact(Tijdstempels):
    """Eén contact met een werkgever (telefoontje, bezoek, afspraak gemaakt), vastgelegd door een
    medewerker van een gemeente waarmee de werkgever samenwerkt."""

    class Soort(models.TextChoices):
        TELEFOON = "telefoon", _("telefoongesprek")
        BEZOEK = "bezoek", _("bezoek")
        AFSPRAAK = "afspraak", _("afspraak gemaakt")
        EMAIL = "email", _("e-mail")

    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="contacten",
        verbose_name=_("werkgever"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("medewerker"),
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    notitie = models.TextField(_("notitie"), blank=True, default="")

    objects = WerkgeverContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkgeverscontact")
        verbose_name_plural = _("werkgeverscontacten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["gemeente", "datum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class SocialReturnQuerySet(models.QuerySet):
    def voor(self, user):
        """Afspraken van een gemeente van `user` (als medewerker)."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class SocialReturnAfspraak(Tijdstempels):
    """Een social return-afspraak: in een contract met de gemeente verplicht de werkgever zich
    om vóór de einddatum een aantal statushouders te plaatsen (baan, stage of
    werkervaringsplaats). De voortgang volgt uit de plaatsingen bij die werkgever op trajecten
    van die gemeente (docs/domain.md, "Social return")."""

    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="social_return_afspraken",
        verbose_name=_("werkgever"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    contract = models.CharField(
        _("contract"), max_length=200,
        help_text=_("Het contract of de aanbesteding waar de afspraak bij hoort."),
    )
    aantal_plaatsingen = models.PositiveSmallIntegerField(
        _("aantal plaatsingen"), validators=[MinValueValidator(1)],
        help_text=_("Het aantal plaatsingen (baan, stage of werkervaringsplaats) dat de "
                    "werkgever toezegt."),
    )
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    versie = versieveld()

    objects = SocialReturnQuerySet.as_manager()

    class Meta:
        verbose_name = _("social return-afspraak")
        verbose_name_plural = _("social return-afspraken")
        ordering = ["einddatum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gt=F("startdatum")), name="social_return_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(aantal_plaatsingen__gte=1), name="social_return_aantal_positief",
            ),
        ]

    def __str__(self):
        return self.contract
