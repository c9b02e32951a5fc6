from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import Provincie, Rol

CBS_CODE_REGEX = r"^GM[0-9]{4}$"


class GemeenteQuerySet(models.QuerySet):
    def pilots(self):
        return self.filter(is_pilot=True)

    def als_medewerker(self, user):
        """Gemeenten waarin `user` dossiers mag inzien en wijzigen."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            lidmaatschappen__user=user, lidmaatschappen__rol=Rol.MEDEWERKER
        ).distinct()

    def als_coordinator(self, user):
        """Gemeenten waarvan `user` dashboards en exports mag zien.

        Landelijke coördinatoren (lidmaatschap zonder gemeente) en beheerders zien alle
        gemeenten.
        """
        if not user.is_authenticated:
            return self.none()
        if user.is_staff or Lidmaatschap.objects.landelijk().filter(user=user).exists():
            return self.all()
        return self.filter(
            lidmaatschappen__user=user, lidmaatschappen__rol=Rol.COORDINATOR
        ).distinct()


class Gemeente(models.Model):
    """Een Nederlandse gemeente, herkenbaar aan haar CBS-code (GM + vier cijfers).

    Voortrekkersgemeenten (`is_pilot`) draaien in jaar 1 van het Vervolg Banenoffensief.
    """

    naam = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        validators=[RegexValidator(CBS_CODE_REGEX, _("Een CBS-code is GM gevolgd door vier cijfers."))],
        help_text=_("Bijvoorbeeld GM0014 voor Groningen."),
    )
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices)
    is_pilot = models.BooleanField(_("voortrekkersgemeente"), default=False)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["cbs_code"], name="gemeente_cbs_code_uniek"),
            models.CheckConstraint(
                condition=Q(cbs_code__regex=CBS_CODE_REGEX), name="gemeente_cbs_code_formaat"
            ),
        ]

    def __str__(self):
        return self.naam


class LidmaatschapQuerySet(models.QuerySet):
    def landelijk(self):
        return self.filter(rol=Rol.COORDINATOR, gemeente__isnull=True)


class Lidmaatschap(models.Model):
    """De rol van een gebruiker in een gemeente: medewerker of coördinator.

    Een coördinator-lidmaatschap zonder gemeente is landelijk: die ziet alle gemeenten.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("gebruiker"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("gemeente"),
        help_text=_("Leeg bij een landelijke coördinator."),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)

    objects = LidmaatschapQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["user__username", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "gemeente", "rol"], name="lidmaatschap_uniek"
            ),
            models.UniqueConstraint(
                fields=["user", "rol"],
                condition=Q(gemeente__isnull=True),
                name="lidmaatschap_landelijk_uniek",
            ),
            models.CheckConstraint(
                condition=Q(gemeente__isnull=False) | Q(rol=Rol.COORDINATOR),
                name="lidmaatschap_medewerker_heeft_gemeente",
            ),
        ]

    def __str__(self):
        waar = self.gemeente or _("landelijk")
        return f"{self.user} – {self.get_rol_display()} ({waar})"
