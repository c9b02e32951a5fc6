"""Wat elk model van het dossier deelt: de peildatum `vandaag`, het versieveld en tijdstempels."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def vandaag() -> datetime.date:
    return timezone.localdate()


def versieveld() -> models.PositiveIntegerField:
    """Het versienummer voor optimistische vergrendeling: elke service die de rij opslaat,
    verhoogt het met één. Een bewerkformulier stuurt de versie mee waarop het gebaseerd is;
    wijkt die af, dan heeft iemand anders intussen opgeslagen en weigert de service
    (`services.Bewerkingsconflict`)."""
    return models.PositiveIntegerField(_("versie"), default=1, editable=False)


class Tijdstempels(models.Model):
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True
