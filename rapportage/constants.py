from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    TRAJECTEN_GESTART = "trajecten_gestart", _("trajecten gestart")
    PERSONEN_GEPLAATST = "personen_geplaatst", _("personen geplaatst")
