import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    TRAJECTEN_GESTART = "trajecten_gestart", _("trajecten gestart")
    PERSONEN_GEPLAATST = "personen_geplaatst", _("personen geplaatst")


#: Het gepubliceerde eindresultaat van het Banenoffensief Vluchtelingen 2006–2009: 2327 van de
#: beoogde 2600 vluchtelingen in een baan, stage of werkervaringsplaats, "90 procent" (afgerond;
#: 2327 / 2600 = 89,5 %). Alleen ter vermelding naast het uit de gegevens berekende resultaat.
GEPUBLICEERD_2006_2009 = {
    "naam": "Banenoffensief Vluchtelingen 2006–2009",
    "geplaatst": 2327,
    "doel": 2600,
    "realisatie": 90,
    "einde": datetime.date(2009, 3, 31),
    "bron": _("Kamerbrief van de staatssecretaris van SZW, 15 april 2009 (Kamerstuk 30 545, "
              "nr. 73)"),
}

#: De KIS-monitor 2017 (256 gemeenten), in procenten: aandelen van álle vluchtelingen in de
#: gemeenten over een jaar, als referentie naast de uitstroom, geen vergelijking van gelijke
#: groepen. Vrijwilligerswerk: een kwart gericht op werk plus een kwart voor participatie.
KIS_REFERENTIE = {
    "werk": 8,
    "onderwijs": 12,
    "vrijwilligerswerk": 50,
    "nog_niet_gestart": 37,
}
