from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    TRAJECTEN_GESTART = "trajecten_gestart", _("trajecten gestart")
    PERSONEN_GEPLAATST = "personen_geplaatst", _("personen geplaatst")


#: Het eindresultaat van het Banenoffensief Vluchtelingen 2006–2009 (DOMAIN.md): 2327 van de
#: beoogde 2600 vluchtelingen geplaatst in een baan, stage of werkervaringsplaats (90 %).
BANENOFFENSIEF_2006_2009 = {
    "naam": "Banenoffensief Vluchtelingen 2006–2009",
    "geplaatst": 2327,
    "doel": 2600,
    "realisatie": 90,
}

#: De KIS-monitor (256 gemeenten) als referentie naast de uitstroomaandelen, in procenten.
KIS_REFERENTIE = {
    "werk": 8,
    "onderwijs": 12,
    "vrijwilligerswerk": 50,  # een kwart gericht op werk + een kwart voor participatie
    "nog_niet_gestart": 37,
}
