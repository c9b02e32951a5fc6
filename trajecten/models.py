import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from gemeenten.models import Gemeente

from .constants import (
    OPEN_STATUSSEN,
    Belemmering,
    ContactSoort,
    Contractvorm,
    Inburgering,
    Opleidingsniveau,
    Sector,
    Soort,
    Status,
    Taalniveau,
    Uitvoerder,
)
from .validators import maskeer_bsn, valideer_bsn, valideer_kvk


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


class DeelnemerQuerySet(models.QuerySet):
    def voor(self, user):
        """Deelnemers die in een gemeente van `user` (als medewerker) wonen."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class Deelnemer(Tijdstempels):
    """Een statushouder (vluchteling met verblijfsvergunning) die begeleid wordt naar werk."""

    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    geboortedatum = models.DateField(_("geboortedatum"))
    land_van_herkomst = CountryField(_("land van herkomst"))
    bsn = models.CharField(
        _("BSN"), max_length=9, blank=True, default="", validators=[valideer_bsn],
        help_text=_("Burgerservicenummer, negen cijfers; optioneel."),
    )
    v_nummer = models.CharField(
        _("v-nummer"), max_length=10, blank=True, default="",
        help_text=_("Vreemdelingennummer van de IND; optioneel."),
    )
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="deelnemers", verbose_name=_("gemeente")
    )
    datum_verblijfsvergunning = models.DateField(
        _("datum verblijfsvergunning"), null=True, blank=True
    )
    taalniveau = models.CharField(
        _("taalniveau Nederlands"), max_length=2, choices=Taalniveau.choices, default=Taalniveau.A0
    )
    talen = models.JSONField(
        _("talen"), default=list, blank=True, help_text=_("Talen die de deelnemer spreekt.")
    )
    opleidingsniveau = models.CharField(
        _("opleidingsniveau"), max_length=20, choices=Opleidingsniveau.choices,
        default=Opleidingsniveau.ONBEKEND,
    )
    inburgering = models.CharField(
        _("inburgering"), max_length=20, choices=Inburgering.choices,
        default=Inburgering.NIET_GESTART,
    )
    toestemming_datum = models.DateField(
        _("datum toestemming"), null=True, blank=True,
        help_text=_("Datum waarop de deelnemer toestemming gaf voor de verwerking van gegevens."),
    )
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"), null=True, blank=True, editable=False,
        help_text=_("Gezet door `manage.py anonimiseer` na het verstrijken van de bewaartermijn."),
    )
    versie = versieveld()

    objects = DeelnemerQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["achternaam", "voornaam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"], condition=~Q(bsn=""), name="deelnemer_bsn_uniek"
            ),
            models.CheckConstraint(
                condition=Q(bsn="") | Q(bsn__regex=r"^[0-9]{9}$"), name="deelnemer_bsn_formaat"
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "achternaam"])]
        # Het hele dossier uit elke gemeente (met BSN en gezondheid) downloaden is een eigen
        # recht (groep "privacy"), niet iets wat elke beheerder kan.
        permissions = [
            ("inzageverzoek_downloaden", _("Mag een inzageverzoek (AVG art. 15) downloaden")),
        ]

    def __str__(self):
        return f"{self.voornaam} {self.achternaam}"

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn)


class CoachQuerySet(models.QuerySet):
    def voor(self, user):
        """Coaches die in minstens één gemeente van `user` actief zijn, elk één keer."""
        return self.filter(
            pk__in=Coach.objects.filter(gemeenten__in=Gemeente.objects.voor(user)).values("pk")
        )

    def actief(self):
        return self.filter(actief=True)

    def met_geldige_vog(self, peildatum: datetime.date | None = None):
        peildatum = peildatum or vandaag()
        grens = peildatum - relativedelta(years=settings.VOG_GELDIGHEID_JAREN)
        return self.filter(vog_datum__gt=grens, vog_datum__lte=peildatum)

    def met_caseload(self):
        """Annoteert `caseload`: het aantal open trajecten van de coach, in één query."""
        return self.annotate(
            caseload=Count("trajecten", filter=Q(trajecten__status__in=OPEN_STATUSSEN))
        )

    def met_ruimte(self):
        return self.met_caseload().filter(caseload__lt=F("max_deelnemers"))


class Coach(Tijdstempels):
    """Een vrijwillige werkcoach die deelnemers persoonlijk begeleidt (VIP)."""

    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True, default="")
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True, default="")
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="coaches", verbose_name=_("gemeenten"), blank=True
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    sectoren = models.JSONField(_("sectoren"), default=list, blank=True)
    getraind_op = models.DateField(
        _("getraind als werkcoach op"), null=True, blank=True
    )
    vog_datum = models.DateField(
        _("datum VOG"), null=True, blank=True,
        help_text=_("Datum van de Verklaring Omtrent het Gedrag; geldig tot drie jaar daarna."),
    )
    max_deelnemers = models.PositiveSmallIntegerField(_("maximaal aantal deelnemers"), default=3)
    actief = models.BooleanField(_("actief"), default=True)

    objects = CoachQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_deelnemers__gte=1, max_deelnemers__lte=50),
                name="coach_max_deelnemers_bereik",
            ),
        ]

    def __str__(self):
        return self.naam

    def heeft_geldige_vog(self, peildatum: datetime.date | None = None) -> bool:
        """Dezelfde regel als `CoachQuerySet.met_geldige_vog`, ook rond 29 februari."""
        peildatum = peildatum or vandaag()
        if not self.vog_datum:
            return False
        grens = peildatum - relativedelta(years=settings.VOG_GELDIGHEID_JAREN)
        return grens < self.vog_datum <= peildatum

    @property
    def vog_status(self) -> str:
        if not self.vog_datum:
            return "ontbreekt"
        return "geldig" if self.heeft_geldige_vog() else "verlopen"


class WerkgeverQuerySet(models.QuerySet):
    def voor(self, user):
        """Werkgevers in een gemeente van `user` (als medewerker)."""
        return self.filter(gemeente__in=Gemeente.objects.voor(user))


class Werkgever(Tijdstempels):
    """Een werkgever die statushouders een baan, stage of werkervaringsplaats biedt."""

    naam = models.CharField(_("naam"), max_length=200)
    kvk_nummer = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, default="", validators=[valideer_kvk]
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="werkgevers", verbose_name=_("gemeente")
    )
    werkakkoord = models.BooleanField(
        _("Werkakkoord getekend"), default=False,
        help_text=_("De werkgever heeft het Werkakkoord getekend."),
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True, default="")
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True, default="")
    contact_telefoon = models.CharField(
        _("telefoon contactpersoon"), max_length=20, blank=True, default=""
    )

    objects = WerkgeverQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kvk_nummer="") | Q(kvk_nummer__regex=r"^[0-9]{8}$"),
                name="werkgever_kvk_formaat",
            ),
        ]

    def __str__(self):
        return self.naam


class TrajectQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSSEN)

    def voor(self, user):
        """Trajecten van deelnemers die nu in een gemeente van `user` (als medewerker) wonen.

        Toegang volgt de persoon, niet `Traject.gemeente`: na een verhuizing is ook een
        afgesloten traject dat in de oude gemeente blijft tellen van de nieuwe gemeente, en de
        oude gemeente ziet het niet meer (docs/domain.md, "Verhuizing"). `Traject.gemeente`
        dient alleen de rapportage."""
        return self.filter(deelnemer__gemeente__in=Gemeente.objects.voor(user))


class Traject(Tijdstempels):
    """Het traject naar werk van één deelnemer binnen een programma.

    De startdatum wordt gezet zodra het traject voorbij 'aangemeld' komt (de intake).
    """

    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.PROTECT, related_name="trajecten", verbose_name=_("deelnemer")
    )
    programma = models.ForeignKey(
        "rapportage.Programma", on_delete=models.PROTECT, related_name="trajecten",
        verbose_name=_("programma"),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="trajecten", verbose_name=_("gemeente")
    )
    coach = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, blank=True, related_name="trajecten",
        verbose_name=_("coach"),
    )
    uitvoerder = models.CharField(_("uitvoerder"), max_length=20, choices=Uitvoerder.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD
    )
    aanmelddatum = models.DateField(_("aanmelddatum"), default=vandaag)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_uitval = models.TextField(_("reden van uitval"), blank=True, default="")
    kosten = models.DecimalField(
        _("kosten (EUR)"), max_digits=10, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )
    versie = versieveld()

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-aanmelddatum", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kosten__gte=0), name="traject_kosten_niet_negatief"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=F("startdatum")),
                name="traject_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(startdatum__isnull=True) | Q(startdatum__gte=F("aanmelddatum")),
                name="traject_start_na_aanmelding",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.UITGEVALLEN) | ~Q(reden_uitval=""),
                name="traject_uitval_heeft_reden",
            ),
        ]
        indexes = [
            models.Index(fields=["programma", "startdatum"]),
            models.Index(fields=["gemeente", "status"]),
        ]

    def __str__(self):
        return f"{_('Traject')} {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSSEN


class Intake(Tijdstempels):
    """Het intakegesprek: beroepswens, belemmeringen en het individueel actieplan."""

    traject = models.OneToOneField(
        Traject, on_delete=models.CASCADE, related_name="intake", verbose_name=_("traject")
    )
    datum = models.DateField(_("datum"))
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("medewerker"),
    )
    beroepswens = models.CharField(_("beroepswens"), max_length=200)
    sector = models.CharField(
        _("sector van de beroepswens"), max_length=20, choices=Sector.choices, blank=True,
        default="",
    )
    belemmeringen = models.JSONField(
        _("belemmeringen"), default=list, blank=True,
        help_text=_("Kies uit: ") + ", ".join(str(b.label) for b in Belemmering),
    )
    actieplan = models.TextField(_("individueel actieplan"), blank=True, default="")
    versie = versieveld()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-datum"]

    def __str__(self):
        return f"{_('Intake')} {self.datum:%d-%m-%Y}"


class PlaatsingQuerySet(models.QuerySet):
    def voor(self, user):
        """Plaatsingen van deelnemers die nu in een gemeente van `user` (als medewerker) wonen
        (zie `TrajectQuerySet.voor`)."""
        return self.filter(traject__deelnemer__gemeente__in=Gemeente.objects.voor(user))


class Plaatsing(Tijdstempels):
    """Een plaatsing van een deelnemer: baan, stage, werkervaringsplaats of een voorportaal."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="plaatsingen", verbose_name=_("traject")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.PROTECT, null=True, blank=True, related_name="plaatsingen",
        verbose_name=_("werkgever"),
    )
    functie = models.CharField(_("functie"), max_length=150, blank=True, default="")
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), default=0, validators=[MinValueValidator(0), MaxValueValidator(60)]
    )
    contractvorm = models.CharField(
        _("contractvorm"), max_length=20, choices=Contractvorm.choices, default=Contractvorm.GEEN
    )
    versie = versieveld()

    objects = PlaatsingQuerySet.as_manager()

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-startdatum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="plaatsing_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=0, uren_per_week__lte=60),
                name="plaatsing_uren_bereik",
            ),
        ]
        indexes = [models.Index(fields=["soort", "startdatum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.startdatum:%d-%m-%Y}"


class Contactmoment(Tijdstempels):
    """Een gesprek, nazorgcontact of werkgeverscontact binnen een traject."""

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="contactmomenten",
        verbose_name=_("traject"),
    )
    datum = models.DateField(_("datum"), default=vandaag)
    soort = models.CharField(_("soort"), max_length=20, choices=ContactSoort.choices)
    notitie = models.TextField(_("notitie"), blank=True, default="")
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("medewerker"),
    )

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["traject", "soort", "datum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"
