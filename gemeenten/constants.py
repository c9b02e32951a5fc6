from django.db import models
from django.utils.translation import gettext_lazy as _


class Provincie(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class Rol(models.TextChoices):
    MEDEWERKER = "medewerker", _("medewerker")
    COORDINATOR = "coordinator", _("coördinator")


#: De elf voortrekkersgemeenten van het Vervolg Banenoffensief: (CBS-code, naam, provincie).
VOORTREKKERSGEMEENTEN = [
    ("GM0014", "Groningen", Provincie.GRONINGEN),
    ("GM0114", "Emmen", Provincie.DRENTHE),
    ("GM0193", "Zwolle", Provincie.OVERIJSSEL),
    ("GM0344", "Utrecht", Provincie.UTRECHT),
    ("GM0363", "Amsterdam", Provincie.NOORD_HOLLAND),
    ("GM0392", "Haarlem", Provincie.NOORD_HOLLAND),
    ("GM0441", "Intergemeentelijke samenwerking Schagen", Provincie.NOORD_HOLLAND),
    ("GM0402", "Hilversum", Provincie.NOORD_HOLLAND),
    ("GM0268", "Nijmegen", Provincie.GELDERLAND),
    ("GM0294", "Winterswijk", Provincie.GELDERLAND),
    ("GM0160", "Hardenberg", Provincie.OVERIJSSEL),
]
