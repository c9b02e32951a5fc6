import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from .constants import Indicator


class ProgrammaQuerySet(models.QuerySet):
    def lopend_op(self, datum: datetime.date):
        return self.filter(startdatum__lte=datum, einddatum__gte=datum)

    def huidig(self):
        """Het programma dat vandaag loopt; anders het laatst begonnen programma."""
        vandaag = timezone.localdate()
        return (
            self.lopend_op(vandaag).order_by("-startdatum").first()
            or self.order_by("-startdatum").first()
        )


class Programma(models.Model):
    """Een landelijk programma met een looptijd, budget en deelnemende gemeenten, en
    eventueel een eerder programma om mee te vergelijken (docs/domain.md, "Indicatoren")."""

    naam = models.CharField(_("naam"), max_length=150, unique=True)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="programmas", verbose_name=_("gemeenten"), blank=True
    )
    vergelijk_met = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("vergelijken met"),
        help_text=_("Een eerder programma; het dashboard zet de personen geplaatst van beide "
                    "programma's naast elkaar op dezelfde dag sinds hun start."),
    )

    objects = ProgrammaQuerySet.as_manager()

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["-startdatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=F("startdatum")), name="programma_einde_na_start"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="programma_budget_niet_negatief",
            ),
        ]

    def __str__(self):
        return self.naam


class Doelstelling(models.Model):
    """Een streefwaarde voor een indicator binnen een programma.

    Zonder gemeente geldt de doelstelling voor het hele programma; zonder eigen periode voor
    de hele looptijd van het programma (zo kan een doel per jaar worden gesplitst).
    """

    programma = models.ForeignKey(
        Programma, on_delete=models.CASCADE, related_name="doelstellingen",
        verbose_name=_("programma"),
    )
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    streefwaarde = models.PositiveIntegerField(_("streefwaarde"))
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, null=True, blank=True, related_name="doelstellingen",
        verbose_name=_("gemeente"), help_text=_("Leeg: geldt voor het hele programma."),
    )
    startdatum = models.DateField(
        _("vanaf"), null=True, blank=True, help_text=_("Leeg: begin van het programma.")
    )
    einddatum = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg: einde van het programma.")
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        ordering = ["programma", "indicator", "startdatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(streefwaarde__gt=0), name="doelstelling_streefwaarde_positief"
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=F("startdatum")),
                name="doelstelling_einde_na_start",
            ),
            # Eén doel per indicator voor de hele looptijd, per gemeente en voor het hele
            # programma: anders is "het doel van Groningen" niet eenduidig.
            models.UniqueConstraint(
                fields=["programma", "indicator", "gemeente"],
                condition=Q(gemeente__isnull=False, startdatum__isnull=True,
                            einddatum__isnull=True),
                name="doelstelling_een_per_gemeente",
                violation_error_message=_(
                    "Deze gemeente heeft voor deze indicator al een doel voor de hele looptijd."
                ),
            ),
            models.UniqueConstraint(
                fields=["programma", "indicator"],
                condition=Q(gemeente__isnull=True, startdatum__isnull=True,
                            einddatum__isnull=True),
                name="doelstelling_een_per_programma",
                violation_error_message=_(
                    "Dit programma heeft voor deze indicator al een doel voor de hele looptijd."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.programma}: {self.streefwaarde} {self.get_indicator_display()}"

    @property
    def periode(self) -> tuple[datetime.date, datetime.date]:
        return (
            self.startdatum or self.programma.startdatum,
            self.einddatum or self.programma.einddatum,
        )


class Gegevensversie(models.Model):
    """De versie van de gegevens per (programma, gemeente); (0, 0) is de algemene versie.

    Databasetriggers (`rapportage/triggers.py`) hogen `versie` op en kiezen een nieuwe
    willekeurige `sleutel` in dezelfde transactie als een schrijfactie op een tabel die de
    indicatoren lezen, ook bij `bulk_create`, `QuerySet.update()`, raw SQL en de admin. Een
    dashboard hangt af van de versies van zijn programma en gemeenten en de algemene
    (`rapportage/cache.py`). Geen foreign keys: een rij is alleen een teller. Cache-invalidatie,
    geen bedrijfsregel.
    """

    programma_id = models.BigIntegerField(_("programma"))
    gemeente_id = models.BigIntegerField(_("gemeente"))
    versie = models.BigIntegerField(_("versie"), default=1)
    sleutel = models.BigIntegerField(
        _("sleutel"), default=0,
        help_text=_("Willekeurig bij elke ophoging, zodat een teruggezette database nooit "
                    "een oude cache-ingang hergebruikt."),
    )

    class Meta:
        verbose_name = _("gegevensversie")
        verbose_name_plural = _("gegevensversies")
        constraints = [
            models.UniqueConstraint(fields=["programma_id", "gemeente_id"],
                                    name="gegevensversie_uniek"),
        ]

    def __str__(self):
        return f"{self.programma_id}/{self.gemeente_id}: {self.versie}"


class Plaatsingsfeit(models.Model):
    """Eén rij per plaatsing met wat de rapportage ervan telt, zonder join: het programma, de
    gemeente, de deelnemer en de aanmelddatum van het traject, en per baan, stage of
    werkervaringsplaats (werk) de startdatum van de vorige werkplaatsing van dezelfde deelnemer
    in hetzelfde programma (en dezelfde gemeente), en of het de eerste van het traject is.

    Zo is 'verschillende deelnemers met een werkplaatsing die in [van, tot] begon' een gewone
    telling: de rijen met een start in [van, tot] waarvan de vorige vóór van lag (of er geen
    was) — precies één per deelnemer. Databasetriggers (`rapportage/feiten.py`) houden de
    tabel bij in de transactie van elke schrijfactie op plaatsingen en trajecten, ook bij raw
    SQL; `manage.py feiten_herbouwen` bouwt haar opnieuw op (en controleert haar). Geen foreign
    keys: de tabel is een afgeleide, geen bron.
    """

    plaatsing_id = models.BigIntegerField(_("plaatsing"), primary_key=True)
    traject_id = models.BigIntegerField(_("traject"))
    deelnemer_id = models.BigIntegerField(_("deelnemer"))
    programma_id = models.BigIntegerField(_("programma"))
    gemeente_id = models.BigIntegerField(_("gemeente"))
    soort = models.CharField(_("soort"), max_length=20)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True)
    aanmelddatum = models.DateField(_("aanmelddatum van het traject"))
    vorige_in_gemeente = models.DateField(_("vorige werkplaatsing in de gemeente"), null=True)
    vorige_in_programma = models.DateField(_("vorige werkplaatsing in het programma"), null=True)
    eerste_van_traject = models.BooleanField(_("eerste werkplaatsing van het traject"))
    uit_bijeenkomst = models.BooleanField(_("uit een bijeenkomst"))
    uit_vacature = models.BooleanField(_("uit een vacature"))

    class Meta:
        verbose_name = _("plaatsingsfeit")
        verbose_name_plural = _("plaatsingsfeiten")
        indexes = [
            models.Index(fields=["deelnemer_id"], name="plaatsingsfeit_deelnemer"),
            models.Index(fields=["programma_id", "gemeente_id"], name="plaatsingsfeit_selectie"),
        ]

    def __str__(self):
        return f"plaatsing {self.plaatsing_id}"
