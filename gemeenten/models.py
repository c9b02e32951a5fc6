from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import Provincie, Rol

CBS_CODE_REGEX = r"^GM[0-9]{4}$"


class GemeenteQuerySet(models.QuerySet):
    def pilots(self):
        return self.filter(is_pilot=True)

    def voor(self, user):
        """De gemeenten waarin `user` medewerker is: daar mag hij dossiers inzien en wijzigen
        (leeg voor elke andere rol). Het beginpunt van alle scoping van de werkplek: elk
        `Model.objects.voor(user)` in `trajecten` filtert hierop."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            lidmaatschappen__user=user, lidmaatschappen__rol=Rol.MEDEWERKER
        ).distinct()

    def voor_rapportage(self, user):
        """De gemeenten waarvan `user` dashboards en exports mag zien (als coördinator).

        Landelijke coördinatoren (lidmaatschap zonder gemeente) zien alle gemeenten. Alleen een
        lidmaatschap als coördinator telt: `is_staff` (de admin) geeft geen cijfers.
        """
        if not user.is_authenticated:
            return self.none()
        if Lidmaatschap.objects.landelijk().filter(user=user).exists():
            return self.all()
        return self.filter(
            lidmaatschappen__user=user, lidmaatschappen__rol=Rol.COORDINATOR
        ).distinct()


class Gemeente(models.Model):
    """Een Nederlandse gemeente, herkenbaar aan haar CBS-code (GM + vier cijfers).

    Voortrekkersgemeenten (`is_pilot`) draaien in jaar 1 van het Vervolg Banenoffensief.
    """

    naam = models.CharField(_("naam"), max_length=100)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        validators=[
            RegexValidator(CBS_CODE_REGEX, _("Een CBS-code is GM gevolgd door vier cijfers."))
        ],
        help_text=_("Bijvoorbeeld GM0014 voor Groningen."),
    )
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices)
    is_pilot = models.BooleanField(_("voortrekkersgemeente"), default=False)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["cbs_code"], name="gemeente_cbs_code_uniek"),
            models.CheckConstraint(
                condition=Q(cbs_code__regex=CBS_CODE_REGEX), name="gemeente_cbs_code_formaat"
            ),
        ]

    def __str__(self):
        return self.naam


class LidmaatschapQuerySet(models.QuerySet):
    def landelijk(self):
        return self.filter(rol=Rol.COORDINATOR, gemeente__isnull=True)


class Lidmaatschap(models.Model):
    """De rol van een gebruiker in een gemeente: medewerker of coördinator.

    Een coördinator-lidmaatschap zonder gemeente is landelijk: die ziet alle gemeenten.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("gebruiker"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("gemeente"),
        help_text=_("Leeg bij een landelijke coördinator."),
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)

    objects = LidmaatschapQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["user__username", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "gemeente", "rol"], name="lidmaatschap_uniek"
            ),
            models.UniqueConstraint(
                fields=["user", "rol"],
                condition=Q(gemeente__isnull=True),
                name="lidmaatschap_landelijk_uniek",
            ),
            models.CheckConstraint(
                condition=Q(gemeente__isnull=False) | Q(rol=Rol.COORDINATOR),
                name="lidmaatschap_medewerker_heeft_gemeente",
            ),
        ]

    def __str__(self):
        waar = self.gemeente or _("landelijk")
        return f"{self.user} – {self.get_rol_display()} ({waar})"


class ToegangslogQuerySet(models.QuerySet):
    def over_deelnemer(self, deelnemer_pk: int):
        return self.filter(deelnemer_nummer=deelnemer_pk)


class Toegangslog(models.Model):
    """Het toegangslog (BIO2 8.15.01): wie wanneer wat met welke persoonsgegevens deed.

    Eén rij per gebeurtenis: elke pagina die persoonsgegevens van één deelnemer toont (dossier,
    formulieren, het volledige BSN, de admin), een export, een inzageverzoek, een import, een
    BSN dat in een andere gemeente bestaat, een anonimisering, een mislukte of geblokkeerde
    inlogpoging of een geweigerde toegang. Het log bevat nooit een BSN, naam of
    gezondheidsgegevens: alleen gebruiker, actie, objectsoort en -nummer, resultaat, IP-adres en
    tijdstip.

    Alleen-toevoegen: de enige schrijfweg is `gemeenten.toegangslog.registreer_toegang()`; de
    admin is alleen-lezen voor iedereen, ook voor superusers. `deelnemer_nummer` is geen
    foreign key, zodat een rij nooit verandert of verdwijnt als een deelnemer wordt
    geanonimiseerd of verwijderd.
    """

    class Actie(models.TextChoices):
        DOSSIER_BEKEKEN = "dossier_bekeken", _("dossier bekeken")
        GEGEVENS_BEKEKEN = "gegevens_bekeken", _("persoonsgegevens bekeken")
        BSN_GETOOND = "bsn_getoond", _("volledig BSN getoond")
        BEHEER_BEKEKEN = "beheer_bekeken", _("bekeken in de beheeromgeving")
        BSN_ANDERE_GEMEENTE = "bsn_andere_gemeente", _("BSN bestaat in andere gemeente")
        EXPORT = "export", _("export")
        INZAGEVERZOEK = "inzageverzoek", _("inzageverzoek")
        IMPORT = "import", _("import")
        ANONIMISERING = "anonimisering", _("anonimisering")
        INLOGGEN_MISLUKT = "inloggen_mislukt", _("inloggen mislukt")
        GEBLOKKEERD = "geblokkeerd", _("geblokkeerd na te veel pogingen")
        MFA_MISLUKT = "mfa_mislukt", _("tweede factor onjuist")
        TOEGANG_GEWEIGERD = "toegang_geweigerd", _("toegang geweigerd")
        MFA_GEKOPPELD = "mfa_gekoppeld", _("tweede factor gekoppeld")
        RESERVECODES = "reservecodes", _("reservecodes gemaakt")
        OPGESCHOOND = "opgeschoond", _("logboeken opgeschoond")

    class Resultaat(models.TextChoices):
        GELUKT = "gelukt", _("gelukt")
        GEWEIGERD = "geweigerd", _("geweigerd")
        MISLUKT = "mislukt", _("mislukt")

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    gebruikersnaam = models.CharField(
        _("gebruikersnaam"), max_length=150, blank=True, default="",
        help_text=_("Zoals ingevoerd of bekend op het moment zelf; blijft staan als de "
                    "gebruiker later wordt verwijderd."),
    )
    actie = models.CharField(_("actie"), max_length=30, choices=Actie.choices)
    resultaat = models.CharField(
        _("resultaat"), max_length=20, choices=Resultaat.choices, default=Resultaat.GELUKT
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("soort object"),
    )
    object_id = models.CharField(_("objectnummer"), max_length=64, blank=True, default="")
    deelnemer_nummer = models.PositiveBigIntegerField(
        _("deelnemernummer"), null=True, blank=True, db_index=True,
        help_text=_("Het interne nummer van de deelnemer over wie het gaat."),
    )
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    pad = models.CharField(
        _("pad"), max_length=300, blank=True, default="",
        help_text=_("Het opgevraagde pad, zonder querystring."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True, default="")

    objects = ToegangslogQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-tijdstip", "-pk"]
        # Eigen recht, los van `view_toegangslog`: lezen vraagt een bewuste toekenning (de
        # groep "privacy"), niet alleen `is_staff` of een algemene leesrol in de admin.
        permissions = [("toegangslog_inzien", _("Mag het toegangslog inzien en exporteren"))]
        indexes = [
            models.Index(fields=["actie", "tijdstip"], name="toegangslog_actie_tijd"),
            models.Index(fields=["actor", "tijdstip"], name="toegangslog_actor_tijd"),
        ]

    def __str__(self):
        wie = self.gebruikersnaam or _("onbekend")
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {wie}: {self.get_actie_display()}"


class BsnMeldingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(afgehandeld_op__isnull=True)


class BsnMelding(models.Model):
    """Een BSN dat een medewerker wilde registreren, importeren of invullen, terwijl het al bij
    een deelnemer hoort in een gemeente die hij niet ziet.

    De medewerker krijgt een neutrale weigering die niets over dat dossier zegt; de beheerder
    ziet het geval in de admin ("BSN bestaat in andere gemeente") en kan een verhuizing regelen
    (docs/domain.md, "BSN"). Het BSN zelf staat er niet in: alleen het deelnemernummer, geen
    foreign key (zoals in het toegangslog), zodat de melding niet verandert als het dossier
    verhuist of wordt geanonimiseerd. Eén open melding per deelnemer en aanvragende gemeente;
    elke poging staat daarnaast in het toegangslog (*BSN bestaat in andere gemeente*).
    """

    gemeld_op = models.DateTimeField(_("gemeld op"), default=timezone.now, db_index=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("gemeld door"),
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, blank=True, default="")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("aangevraagd in"),
        help_text=_("De gemeente waarin de medewerker de deelnemer wilde registreren."),
    )
    gemeente_dossier = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("gemeente van het dossier"),
        help_text=_("Waar de deelnemer met dit BSN op dat moment stond ingeschreven."),
    )
    deelnemer_nummer = models.PositiveBigIntegerField(_("deelnemernummer"), db_index=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("afgehandeld door"),
    )

    objects = BsnMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding BSN in andere gemeente")
        verbose_name_plural = _("BSN bestaat in andere gemeente")
        ordering = ["-gemeld_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deelnemer_nummer", "gemeente"],
                condition=Q(afgehandeld_op__isnull=True),
                name="bsnmelding_een_open_per_gemeente",
            ),
        ]

    def __str__(self):
        return _("deelnemer %(nummer)s (aangevraagd in %(gemeente)s)") % {
            "nummer": self.deelnemer_nummer, "gemeente": self.gemeente,
        }
