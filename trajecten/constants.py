from django.db import models
from django.utils.translation import gettext_lazy as _


class Taalniveau(models.TextChoices):
    A0 = "a0", "A0"
    A1 = "a1", "A1"
    A2 = "a2", "A2"
    B1 = "b1", "B1"
    B2 = "b2", "B2"
    C1 = "c1", "C1"
    C2 = "c2", "C2"


class Opleidingsniveau(models.TextChoices):
    GEEN = "geen", _("geen formele opleiding")
    PRIMAIR = "primair", _("basisonderwijs")
    VOORTGEZET = "voortgezet", _("voortgezet onderwijs")
    MBO = "mbo", _("mbo of vergelijkbaar")
    HBO = "hbo", _("hbo of vergelijkbaar")
    WO = "wo", _("universiteit")
    ONBEKEND = "onbekend", _("onbekend")


class Inburgering(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("niet gestart")
    BEZIG = "bezig", _("bezig")
    AFGEROND = "afgerond", _("afgerond")
    VRIJGESTELD = "vrijgesteld", _("vrijgesteld")


class Uitvoerder(models.TextChoices):
    VLUCHTELINGENWERK = "vluchtelingenwerk", "VluchtelingenWerk"
    UAF = "uaf", "UAF"
    UWV = "uwv", "UWV"
    GEMEENTE = "gemeente", _("gemeente")
    EMPLOOI = "emplooi", "Emplooi"


class Status(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld")
    INTAKE = "intake", _("intake")
    ACTIEF = "actief", _("actief")
    GEPLAATST = "geplaatst", _("geplaatst")
    NAZORG = "nazorg", _("nazorg")
    AFGEROND = "afgerond", _("afgerond")
    UITGEVALLEN = "uitgevallen", _("uitgevallen")


#: De volgorde van de trechter; uitgevallen staat daarbuiten.
STATUS_VOLGORDE = [
    Status.AANGEMELD,
    Status.INTAKE,
    Status.ACTIEF,
    Status.GEPLAATST,
    Status.NAZORG,
    Status.AFGEROND,
]
OPEN_STATUSSEN = [s for s in STATUS_VOLGORDE if s != Status.AFGEROND]
GESLOTEN_STATUSSEN = [Status.AFGEROND, Status.UITGEVALLEN]

#: Toegestane statusovergangen (docs/domain.md, "Statussen en overgangen"): vooruit in de
#: keten, uitgevallen vanuit elke open status, en afgerond zonder werk (met een reden) al vanuit
#: intake of actief.
OVERGANGEN = {
    Status.AANGEMELD: [Status.INTAKE, Status.UITGEVALLEN],
    Status.INTAKE: [Status.ACTIEF, Status.AFGEROND, Status.UITGEVALLEN],
    Status.ACTIEF: [Status.GEPLAATST, Status.AFGEROND, Status.UITGEVALLEN],
    Status.GEPLAATST: [Status.NAZORG, Status.UITGEVALLEN],
    Status.NAZORG: [Status.AFGEROND, Status.UITGEVALLEN],
    Status.AFGEROND: [],
    Status.UITGEVALLEN: [],
}


class RedenAfgerond(models.TextChoices):
    """Waarom een traject *afgerond* is: met werk (na een plaatsing), of positief zonder werk."""

    WERK = "werk", _("werk")
    ONDERWIJS = "onderwijs", _("onderwijs")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("vrijwilligerswerk / participatie")
    VERHUISD = "verhuisd", _("verhuisd buiten het programma")
    ANDERS = "anders", _("anders")


class Belemmering(models.TextChoices):
    TAAL = "taal", _("taal")
    GEZONDHEID = "gezondheid", _("gezondheid")
    KINDEROPVANG = "kinderopvang", _("kinderopvang")
    VERVOER = "vervoer", _("vervoer")
    DIPLOMAWAARDERING = "diplomawaardering", _("diplomawaardering")
    HUISVESTING = "huisvesting", _("huisvesting")
    SCHULDEN = "schulden", _("schulden")
    TRAUMA = "trauma", _("psychische klachten of trauma")
    OVERIG = "overig", _("overig")


class Sector(models.TextChoices):
    ZORG = "zorg", _("zorg en welzijn")
    TECHNIEK = "techniek", _("techniek en installatie")
    BOUW = "bouw", _("bouw")
    LOGISTIEK = "logistiek", _("transport en logistiek")
    HORECA = "horeca", _("horeca")
    DETAILHANDEL = "detailhandel", _("detailhandel")
    ICT = "ict", _("ICT")
    ONDERWIJS = "onderwijs", _("onderwijs")
    SCHOONMAAK = "schoonmaak", _("schoonmaak en facilitair")
    LANDBOUW = "landbouw", _("land- en tuinbouw")
    ADMINISTRATIE = "administratie", _("administratie en financiën")
    OVERHEID = "overheid", _("overheid")
    OVERIG = "overig", _("overig")


class Soort(models.TextChoices):
    """Soort plaatsing. Alleen baan, stage en werkervaringsplaats tellen als 'geplaatst'."""

    BAAN = "baan", _("baan")
    STAGE = "stage", _("stage")
    WERKERVARINGSPLAATS = "werkervaringsplaats", _("werkervaringsplaats")
    PROEFPLAATSING = "proefplaatsing", _("proefplaatsing")
    LEERWERKTRAJECT = "leerwerktraject", _("leerwerktraject")
    OPLEIDING = "opleiding", _("opleiding")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("vrijwilligerswerk")


#: De Banenoffensief-telling van 'personen geplaatst' (docs/domain.md, "Indicatoren").
GEPLAATST_SOORTEN = [Soort.BAAN, Soort.STAGE, Soort.WERKERVARINGSPLAATS]


class Contractvorm(models.TextChoices):
    ONBEPAALDE_TIJD = "onbepaalde_tijd", _("onbepaalde tijd")
    BEPAALDE_TIJD = "bepaalde_tijd", _("bepaalde tijd")
    UITZEND = "uitzend", _("uitzendovereenkomst")
    OPROEP = "oproep", _("oproepcontract")
    STAGEOVEREENKOMST = "stageovereenkomst", _("stageovereenkomst")
    GEEN = "geen", _("geen arbeidscontract")


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("gesprek")
    NAZORG = "nazorg", _("nazorg")
    WERKGEVERSCONTACT = "werkgeverscontact", _("werkgeverscontact")


class AfspraakSoort(models.TextChoices):
    INTAKE = "intake", _("intake")
    GESPREK = "gesprek", _("gesprek")
    NAZORG = "nazorg", _("nazorg")
    WERKGEVERSBEZOEK = "werkgeversbezoek", _("werkgeversbezoek")
    MET_COACH = "met_coach", _("met coach")


class AfspraakStatus(models.TextChoices):
    """Een afspraak staat gepland en krijgt daarna één van de drie uitkomsten."""

    GEPLAND = "gepland", _("gepland")
    GEHOUDEN = "gehouden", _("gehouden")
    NIET_VERSCHENEN = "niet_verschenen", _("niet verschenen")
    GEANNULEERD = "geannuleerd", _("geannuleerd")


#: Uitkomsten van een afspraak die niet doorging (`afspraak_afmelden`); 'gehouden' gaat via het
#: verslag (`afspraak_gehouden`).
AFMELDINGEN = (AfspraakStatus.NIET_VERSCHENEN, AfspraakStatus.GEANNULEERD)

#: Het contact dat een gehouden afspraak voorstelt, per soort afspraak.
CONTACT_BIJ_AFSPRAAK = {
    AfspraakSoort.INTAKE: ContactSoort.GESPREK,
    AfspraakSoort.GESPREK: ContactSoort.GESPREK,
    AfspraakSoort.NAZORG: ContactSoort.NAZORG,
    AfspraakSoort.WERKGEVERSBEZOEK: ContactSoort.WERKGEVERSCONTACT,
    AfspraakSoort.MET_COACH: ContactSoort.GESPREK,
}

#: Nazorgafspraken bij de start van een baan, stage of werkervaringsplaats: na 1, 3 en 6 maanden.
#: Bij de laatste bevestigt de medewerker dat de plaatsing nog loopt, of legt hij het einde vast.
NAZORG_MAANDEN = (1, 3, 6)


#: Talen waarin coaches begeleiden en deelnemers spreken (ISO 639-1).
class Taal(models.TextChoices):
    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")
    AR = "ar", _("Arabisch")
    TI = "ti", _("Tigrinya")
    FA = "fa", _("Perzisch (Farsi/Dari)")
    PS = "ps", _("Pasjtoe")
    TR = "tr", _("Turks")
    KU = "ku", _("Koerdisch")
    SO = "so", _("Somalisch")
    UK = "uk", _("Oekraïens")
    RU = "ru", _("Russisch")
    FR = "fr", _("Frans")
