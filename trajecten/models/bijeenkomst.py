"""Bijeenkomsten die statushouders en werkgevers bij elkaar brengen, en wie er kwam."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .basis import Tijdstempels, versieveld
from .deelnemer import Deelnemer
from .werkgever import Werkgever


class BijeenkomstQuerySet(models.QuerySet):
    def voor(self, user):
        """Bijeenkomsten met minstens één gemeente van `user` (als medewerker)."""
        return self.filter(
            pk__in=Bijeenkomst.gemeenten.through.objects.filter(
                gemeente__in=Gemeente.objects.voor(user)
            ).values("bijeenkomst_id")
        )


class Bijeenkomst(Tijdstempels):
    """Een ontmoeting, werkbezoek, stage-café, expertmeeting of rolmodel-sessie. Welke
    werkgevers en deelnemers er waren, wordt achteraf vastgelegd."""

    class Soort(models.TextChoices):
        ONTMOETING = "ontmoeting", _("ontmoeting")
        WERKBEZOEK = "werkbezoek", _("werkbezoek")
        STAGECAFE = "stagecafe", _("stage-café")
        EXPERTMEETING = "expertmeeting", _("expertmeeting")
        ROLMODEL = "rolmodel", _("rolmodel-sessie")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    datum = models.DateField(_("datum"))
    plaats = models.CharField(_("plaats"), max_length=200)
    organisator = models.CharField(
        _("organisator"), max_length=200,
        help_text=_("Wie de bijeenkomst organiseert, bijvoorbeeld een gemeente of uitvoerder."),
    )
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="bijeenkomsten", verbose_name=_("gemeenten")
    )
    werkgevers = models.ManyToManyField(
        Werkgever, blank=True, related_name="bijeenkomsten",
        verbose_name=_("aanwezige werkgevers"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("aangemaakt door"),
    )
    versie = versieveld()

    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["datum"])]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.titel}"


class Deelname(Tijdstempels):
    """Een deelnemer was bij een bijeenkomst (achteraf vastgelegd)."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="deelnames",
        verbose_name=_("bijeenkomst"),
    )
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="deelnames",
        verbose_name=_("deelnemer"),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("vastgelegd door"),
    )

    class Meta:
        verbose_name = _("deelname aan een bijeenkomst")
        verbose_name_plural = _("deelnames aan bijeenkomsten")
        ordering = ["bijeenkomst", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "deelnemer"], name="deelname_eenmaal_per_bijeenkomst"
            ),
        ]

    def __str__(self):
        return str(self.bijeenkomst)
