"""Het traject en zijn intake."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

from ..constants import OPEN_STATUSSEN, Belemmering, RedenAfgerond, Sector, Status, Uitvoerder
from .basis import Tijdstempels, vandaag, versieveld
from .coach import Coach
from .deelnemer import Deelnemer


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

    def van_behandelaar(self, user):
        """'Mijn dossiers': trajecten waarvan `user` behandelaar is, en trajecten zonder
        behandelaar (die zijn van niemand, dus moet iedereen ze zien)."""
        return self.filter(Q(behandelaar=user) | Q(behandelaar__isnull=True))


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
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="behandelde_trajecten", verbose_name=_("behandelaar"),
        help_text=_("De medewerker van de gemeente die het traject begeleidt."),
    )
    wachtlijst_sinds = models.DateField(
        _("op de wachtlijst voor een coach sinds"), null=True, blank=True,
        help_text=_("Er was geen coach beschikbaar; leeg zodra er een coach is."),
    )
    binnengekomen_op = models.DateField(
        _("verhuisd naar deze gemeente op"), null=True, blank=True,
        help_text=_("Gezet door een verhuizing; de nieuwe gemeente ziet het traject dan in "
                    "haar werkvoorraad tot er een behandelaar is."),
    )
    uitvoerder = models.CharField(_("uitvoerder"), max_length=20, choices=Uitvoerder.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD
    )
    aanmelddatum = models.DateField(_("aanmelddatum"), default=vandaag)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_uitval = models.TextField(_("reden van uitval"), blank=True, default="")
    reden_afgerond = models.CharField(
        _("reden van afronden"), max_length=20, choices=RedenAfgerond.choices, blank=True,
        default="",
    )
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
            models.CheckConstraint(
                condition=Q(status=Status.AFGEROND, reden_afgerond__in=RedenAfgerond.values)
                | (~Q(status=Status.AFGEROND) & Q(reden_afgerond="")),
                name="traject_afgerond_heeft_reden",
            ),
            models.CheckConstraint(
                condition=Q(wachtlijst_sinds__isnull=True) | Q(coach__isnull=True),
                name="traject_wachtlijst_zonder_coach",
            ),
        ]
        indexes = [
            models.Index(fields=["programma", "startdatum"]),
            models.Index(fields=["gemeente", "status"]),
            models.Index(fields=["behandelaar", "status"]),
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
