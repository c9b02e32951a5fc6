"""De deelnemer: een statushouder die begeleid wordt naar werk."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from gemeenten.models import Gemeente

from ..constants import Inburgering, Opleidingsniveau, Taalniveau
from ..validators import maskeer_bsn, valideer_bsn
from ..zoeken import zoeknaam
from .basis import Tijdstempels, versieveld


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
    zoeknaam = models.CharField(
        _("zoeknaam"), max_length=250, blank=True, default="", editable=False,
        help_text=_("Achternaam en voornaam zonder hoofdletters en accenten, om op te zoeken."),
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

    def clean(self):
        # De zoeknaam volgt de naam; elke schrijfweg met `full_clean()` (services, import,
        # admin) houdt hem zo bij. `trajecten.zoeken` zegt waarom hij bestaat.
        self.zoeknaam = zoeknaam(self.voornaam, self.achternaam)

    @property
    def initialen(self) -> str:
        """"R.H." voor Rania Haddad: genoeg voor een agenda, niet genoeg om iemand te vinden."""
        return "".join(f"{deel[0].upper()}." for deel in (self.voornaam, self.achternaam) if deel)

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn)
