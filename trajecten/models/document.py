"""Documenten bij een deelnemer: toestemmingsverklaring, diploma, cv, contract
(docs/domain.md, "Documenten")."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .basis import Tijdstempels
from .deelnemer import Deelnemer


class DocumentSoort(models.TextChoices):
    TOESTEMMING = "toestemming", _("toestemmingsverklaring")
    DIPLOMA = "diploma", _("diploma")
    CV = "cv", _("cv")
    CONTRACT = "contract", _("contract")
    OVERIG = "overig", _("overig")


def documentpad(document, bestandsnaam: str) -> str:
    """Een willekeurige naam in de opslag: geen naam van de deelnemer, niet te raden, en de
    extensie volgt het herkende type (niet wat de gebruiker opgaf)."""
    extensie = bestandsnaam.rsplit(".", 1)[-1] if "." in bestandsnaam else "bin"
    return f"documenten/{uuid.uuid4().hex}.{extensie}"


class DocumentQuerySet(models.QuerySet):
    def voor(self, user):
        """Documenten van deelnemers die nu in een gemeente van `user` wonen."""
        return self.filter(deelnemer__gemeente__in=Gemeente.objects.voor(user))


class Document(Tijdstempels):
    """Een geüpload bestand bij een deelnemer. Het bestand staat in de opslag van Django
    (`MEDIA_ROOT`, of een bucket via django-storages), nooit bij de statische bestanden; het is
    alleen te downloaden via het dossier."""

    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="documenten",
        verbose_name=_("deelnemer"),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=DocumentSoort.choices)
    bestand = models.FileField(_("bestand"), upload_to=documentpad, max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    mimetype = models.CharField(_("type"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("geüpload door"),
    )
    bewijs_toestemming = models.BooleanField(
        _("bewijs van de datum van toestemming"), default=False,
        help_text=_("Deze toestemmingsverklaring is het bewijs van de datum van toestemming."),
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bewijs_toestemming=False) | Q(soort=DocumentSoort.TOESTEMMING),
                name="document_bewijs_is_toestemming",
            ),
            models.UniqueConstraint(
                fields=["deelnemer"], condition=Q(bewijs_toestemming=True),
                name="document_een_bewijs_per_deelnemer",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.aangemaakt_op:%d-%m-%Y})" if (
            self.aangemaakt_op) else str(self.get_soort_display())


@receiver(post_delete, sender=Document, dispatch_uid="document_bestand_wissen")
def bestand_wissen(sender, instance: Document, **kwargs) -> None:
    """Een verwijderd document neemt zijn bestand mee uit de opslag: bij het verwijderen in het
    dossier, met de deelnemer (cascade, ook in de admin) en bij het anonimiseren. Pas na de
    commit, zodat een teruggedraaide transactie rij én bestand laat staan. Opruimen van
    opslag, geen regel van het domein; daarom hier en niet in een service."""
    if instance.bestand.name:
        storage, naam = instance.bestand.storage, instance.bestand.name
        transaction.on_commit(lambda: storage.delete(naam))
