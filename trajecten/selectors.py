"""Leesfuncties van de werkplek van de medewerker.

Scoping gebeurt op één plek: elke functie hier begint bij `gemeenten_van(user)`
(`Gemeente.objects.als_medewerker(user)`). Een view die een id krijgt, haalt het object op via
een `*_ophalen`-functie; een id buiten de gemeenten van de gebruiker geeft `Http404`, nooit het
record. Querysets komen terug met `select_related`/`prefetch_related` al toegepast, zodat een
lijst een vast aantal queries doet, hoe lang hij ook is.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    Count,
    DateField,
    Exists,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from gemeenten.models import Gemeente
from rapportage.models import Programma

from .constants import (
    GEPLAATST_SOORTEN,
    OPEN_STATUSSEN,
    Belemmering,
    ContactSoort,
    Sector,
    Status,
    Taal,
)
from .models import (
    Coach,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
    Werkgever,
    vandaag,
)
from .validators import maskeer_bsn

#: Werkvoorraad: aangemeld zonder intake na zoveel dagen.
INTAKE_TERMIJN_DAGEN = 14
#: Werkvoorraad: de nazorgcontrole valt zoveel maanden na de start van een plaatsing.
NAZORG_NA_MAANDEN = 6
#: Werkvoorraad: een open traject zonder contact in zoveel dagen vraagt aandacht.
CONTACT_TERMIJN_DAGEN = 60
#: Werkvoorraad: zoveel items per groep tonen; het totaal staat erboven.
WERKVOORRAAD_MAX = 50


# ---------------------------------------------------------------------------------------------
# Scoping
# ---------------------------------------------------------------------------------------------


#: Velden die de software zelf bijhoudt; in de historie zeggen ze een medewerker niets.
TECHNISCHE_VELDEN = {"versie", "gewijzigd_op", "aangemaakt_op"}

def gemeenten_van(user) -> QuerySet[Gemeente]:
    """De gemeenten waarin `user` medewerker is (leeg voor alle andere rollen)."""
    return Gemeente.objects.als_medewerker(user)


def deelnemers_voor(user) -> QuerySet[Deelnemer]:
    return Deelnemer.objects.filter(gemeente__in=gemeenten_van(user))


def trajecten_voor(user) -> QuerySet[Traject]:
    return Traject.objects.filter(gemeente__in=gemeenten_van(user))


def plaatsingen_voor(user) -> QuerySet[Plaatsing]:
    return Plaatsing.objects.filter(traject__gemeente__in=gemeenten_van(user))


def werkgevers_voor(user) -> QuerySet[Werkgever]:
    return Werkgever.objects.filter(gemeente__in=gemeenten_van(user))


def coaches_voor(user) -> QuerySet[Coach]:
    """Coaches die in minstens één gemeente van de gebruiker actief zijn."""
    return Coach.objects.filter(
        pk__in=Coach.objects.filter(gemeenten__in=gemeenten_van(user)).values("pk")
    )


def is_medewerker_van(user, gemeente: Gemeente) -> bool:
    return gemeenten_van(user).filter(pk=gemeente.pk).exists()


def deelnemer_ophalen(*, user, pk: int) -> Deelnemer:
    """De deelnemer met `pk` als die in een gemeente van `user` woont; anders `Http404`."""
    return get_object_or_404(deelnemers_voor(user).select_related("gemeente"), pk=pk)


def traject_ophalen(*, user, pk: int) -> Traject:
    """Het traject met `pk` in een gemeente van `user`; anders `Http404`."""
    return get_object_or_404(
        trajecten_voor(user).select_related(
            "deelnemer", "gemeente", "coach", "programma", "intake"
        ),
        pk=pk,
    )


def plaatsing_ophalen(*, user, pk: int) -> Plaatsing:
    """De plaatsing met `pk` op een traject in een gemeente van `user`; anders `Http404`."""
    return get_object_or_404(
        plaatsingen_voor(user).select_related("traject__deelnemer", "werkgever"), pk=pk
    )


def werkgever_ophalen(*, user, pk: int) -> Werkgever:
    """De werkgever met `pk` in een gemeente van `user`; anders `Http404`."""
    return get_object_or_404(werkgevers_voor(user).select_related("gemeente"), pk=pk)


def deelnemer_met_bsn(*, user, bsn: str) -> Deelnemer | None:
    """Zoekt op BSN, alleen binnen de gemeenten van `user`."""
    if not bsn:
        return None
    return deelnemers_voor(user).filter(bsn=bsn).first()


# ---------------------------------------------------------------------------------------------
# Deelnemerslijst
# ---------------------------------------------------------------------------------------------


def _huidig_traject():
    """Het meest recente traject van de deelnemer (de buitenste query)."""
    return Traject.objects.filter(deelnemer=OuterRef("pk")).order_by("-aanmelddatum", "-pk")


def deelnemer_lijst(*, user) -> QuerySet[Deelnemer]:
    """Deelnemers van de gemeenten van `user`, met gegevens van hun huidige traject.

    Annoteert `traject_id`, `traject_status`, `traject_coach_id`, `traject_coach_naam` en
    `traject_programma_id` als subqueries, zodat filteren, sorteren en tonen in één query
    gebeurt: het aantal queries hangt niet af van de paginagrootte.
    """
    huidig = _huidig_traject()
    return (
        deelnemers_voor(user)
        .select_related("gemeente")
        .annotate(
            traject_id=Subquery(huidig.values("pk")[:1]),
            traject_status=Subquery(huidig.values("status")[:1]),
            traject_coach_id=Subquery(huidig.values("coach_id")[:1]),
            traject_coach_naam=Subquery(huidig.values("coach__naam")[:1]),
            traject_programma_id=Subquery(huidig.values("programma_id")[:1]),
        )
    )


def mogelijke_dubbelen(
    *, user, voornaam: str, achternaam: str, geboortedatum: datetime.date | None, bsn: str = ""
) -> list[Deelnemer]:
    """Deelnemers in de gemeenten van `user` met hetzelfde BSN, of dezelfde naam en
    geboortedatum (hoofdletterongevoelig). Eén query."""
    voorwaarde = Q(pk__in=[])
    if bsn:
        voorwaarde |= Q(bsn=bsn)
    if voornaam and achternaam and geboortedatum:
        voorwaarde |= Q(
            voornaam__iexact=voornaam.strip(),
            achternaam__iexact=achternaam.strip(),
            geboortedatum=geboortedatum,
        )
    return list(deelnemers_voor(user).filter(voorwaarde).select_related("gemeente")[:10])


# ---------------------------------------------------------------------------------------------
# Werkvoorraad
# ---------------------------------------------------------------------------------------------


class PlusMaanden(Func):
    """`datum + n maanden` in de database (PostgreSQL en SQLite), als DateField."""

    output_field = DateField()

    def __init__(self, expressie, maanden: int, **extra):
        self.maanden = int(maanden)
        super().__init__(expressie, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql} + INTERVAL '{self.maanden} months') AS date)", params

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '+{self.maanden} months')", params


@dataclass
class WerkvoorraadGroep:
    sleutel: str
    titel: str
    uitleg: str
    actie: str
    items: list = field(default_factory=list)
    aantal: int = 0

    @property
    def meer(self) -> int:
        return max(self.aantal - len(self.items), 0)


def _groep(qs: QuerySet, limiet: int) -> tuple[list, int]:
    """Eén query: de eerste `limiet + 1` rijen; is er meer, dan nog één count-query."""
    rijen = list(qs[: limiet + 1])
    if len(rijen) <= limiet:
        return rijen, len(rijen)
    return rijen[:limiet], qs.count()


def werkvoorraad(*, user, peildatum: datetime.date | None = None,
                 limiet: int = WERKVOORRAAD_MAX) -> list[WerkvoorraadGroep]:
    """De vier groepen van de werkvoorraad voor de gemeenten van `user`.

    1. aangemeld, langer dan 14 dagen geleden, zonder intake;
    2. in intake of actief, zonder coach;
    3. een plaatsing (baan, stage, werkervaringsplaats) op een open traject die zes maanden of
       langer geleden begon, zonder nazorgcontact op of na die zes-maandendatum;
    4. open trajecten (voorbij aanmelding) zonder enig contactmoment in de laatste 60 dagen.

    Vast aantal queries (hooguit twee per groep), hoeveel trajecten er ook zijn.
    """
    peildatum = peildatum or vandaag()
    trajecten = trajecten_voor(user).select_related("deelnemer", "coach", "gemeente")

    zonder_intake = (
        trajecten.filter(
            status=Status.AANGEMELD,
            aanmelddatum__lt=peildatum - datetime.timedelta(days=INTAKE_TERMIJN_DAGEN),
        )
        .filter(intake__isnull=True)
        .order_by("aanmelddatum", "pk")
    )
    zonder_coach = trajecten.filter(
        status__in=[Status.INTAKE, Status.ACTIEF], coach__isnull=True
    ).order_by("startdatum", "pk")

    nazorg_contact = Contactmoment.objects.filter(
        traject=OuterRef("traject"),
        soort=ContactSoort.NAZORG,
        datum__gte=PlusMaanden(OuterRef("startdatum"), NAZORG_NA_MAANDEN),
    )
    nazorg_nodig = (
        plaatsingen_voor(user)
        .filter(
            soort__in=GEPLAATST_SOORTEN,
            traject__status__in=OPEN_STATUSSEN,
            startdatum__lte=peildatum - relativedelta(months=NAZORG_NA_MAANDEN),
        )
        .filter(~Exists(nazorg_contact))
        .select_related("traject__deelnemer", "werkgever")
        .order_by("startdatum", "pk")
    )

    grens = peildatum - datetime.timedelta(days=CONTACT_TERMIJN_DAGEN)
    recent_contact = Contactmoment.objects.filter(traject=OuterRef("pk"), datum__gte=grens)
    zonder_contact = (
        trajecten.filter(status__in=OPEN_STATUSSEN)
        .exclude(status=Status.AANGEMELD)
        .filter(Q(startdatum__lte=grens) | Q(startdatum__isnull=True, aanmelddatum__lte=grens))
        .filter(~Exists(recent_contact))
        .order_by("startdatum", "pk")
    )

    groepen = [
        WerkvoorraadGroep(
            "zonder_intake",
            _("Aangemeld zonder intake"),
            _("Aangemeld, meer dan %(dagen)s dagen geleden, nog geen intake.")
            % {"dagen": INTAKE_TERMIJN_DAGEN},
            _("Intake vastleggen"),
        ),
        WerkvoorraadGroep(
            "zonder_coach",
            _("Zonder coach"),
            _("Traject in intake of actief, nog geen werkcoach."),
            _("Coach toewijzen"),
        ),
        WerkvoorraadGroep(
            "nazorg",
            _("Nazorgcontrole na zes maanden"),
            _("Plaatsing %(maanden)s maanden of langer geleden begonnen, nog geen nazorgcontact "
              "sinds die datum.") % {"maanden": NAZORG_NA_MAANDEN},
            _("Nazorgcontact vastleggen"),
        ),
        WerkvoorraadGroep(
            "zonder_contact",
            _("Geen contact in %(dagen)s dagen") % {"dagen": CONTACT_TERMIJN_DAGEN},
            _("Open traject zonder contactmoment in de laatste %(dagen)s dagen.")
            % {"dagen": CONTACT_TERMIJN_DAGEN},
            _("Contactmoment vastleggen"),
        ),
    ]
    for groep, qs in zip(
        groepen, [zonder_intake, zonder_coach, nazorg_nodig, zonder_contact], strict=True
    ):
        groep.items, groep.aantal = _groep(qs, limiet)
    return groepen


# ---------------------------------------------------------------------------------------------
# Dossier
# ---------------------------------------------------------------------------------------------


def dossier(*, user, pk: int) -> Deelnemer:
    """De deelnemer met alles wat het dossier toont, in een vast aantal queries.

    `deelnemer.alle_trajecten` bevat de trajecten (nieuwste eerst) met programma, coach,
    intake, plaatsingen (met werkgever) en contactmomenten al opgehaald.
    """
    plaatsingen = Plaatsing.objects.select_related("werkgever").order_by("-startdatum", "-pk")
    contacten = Contactmoment.objects.select_related("medewerker").order_by("-datum", "-pk")
    trajecten = (
        Traject.objects.select_related("programma", "coach", "gemeente", "intake__medewerker")
        .prefetch_related(
            Prefetch("plaatsingen", queryset=plaatsingen, to_attr="alle_plaatsingen"),
            Prefetch("contactmomenten", queryset=contacten, to_attr="alle_contactmomenten"),
        )
        .order_by("-aanmelddatum", "-pk")
    )
    return get_object_or_404(
        deelnemers_voor(user)
        .select_related("gemeente")
        .prefetch_related(Prefetch("trajecten", queryset=trajecten, to_attr="alle_trajecten")),
        pk=pk,
    )


def intake_van(traject: Traject) -> Intake | None:
    try:
        return traject.intake
    except Intake.DoesNotExist:
        return None


@dataclass
class Gebeurtenis:
    datum: datetime.date
    soort: str
    titel: str
    tekst: str = ""
    traject: Traject | None = None
    bron: object = None
    volgorde: int = 0


def tijdlijn(deelnemer: Deelnemer) -> list[Gebeurtenis]:
    """Alle gebeurtenissen van de trajecten van een deelnemer als één tijdlijn (nieuwste eerst).

    Werkt op een deelnemer uit `dossier()`: geen extra queries.
    """
    items: list[Gebeurtenis] = []
    for traject in deelnemer.alle_trajecten:
        items.append(Gebeurtenis(
            traject.aanmelddatum, "aanmelding", _("Aangemeld voor %(programma)s")
            % {"programma": traject.programma}, traject.get_uitvoerder_display(), traject,
        ))
        intake = intake_van(traject)
        if intake:
            items.append(Gebeurtenis(
                intake.datum, "intake", _("Intake"),
                _("Beroepswens: %(wens)s") % {"wens": intake.beroepswens}, traject, intake, 1,
            ))
        for plaatsing in traject.alle_plaatsingen:
            werkgever = plaatsing.werkgever or "–"
            items.append(Gebeurtenis(
                plaatsing.startdatum, "plaatsing",
                _("Start %(soort)s") % {"soort": plaatsing.get_soort_display()},
                f"{plaatsing.functie or ''} {_('bij')} {werkgever}".strip(), traject, plaatsing, 2,
            ))
            if plaatsing.einddatum:
                items.append(Gebeurtenis(
                    plaatsing.einddatum, "plaatsing_einde",
                    _("Einde %(soort)s") % {"soort": plaatsing.get_soort_display()},
                    str(werkgever), traject, plaatsing, 3,
                ))
        for contact in traject.alle_contactmomenten:
            items.append(Gebeurtenis(
                contact.datum, f"contact_{contact.soort}",
                _("Contact: %(soort)s") % {"soort": contact.get_soort_display()},
                contact.notitie, traject, contact, 4,
            ))
        if traject.einddatum:
            titel = (
                _("Uitgevallen") if traject.status == Status.UITGEVALLEN else _("Traject afgerond")
            )
            items.append(Gebeurtenis(
                traject.einddatum, "einde", titel, traject.reden_uitval, traject, None, 5,
            ))
    return sorted(items, key=lambda g: (g.datum, g.volgorde), reverse=True)


@dataclass
class Wijziging:
    tijdstip: datetime.datetime
    actor: str
    actie: str
    object: str
    velden: list[tuple[str, str, str]]


#: Velden die in de historie nooit volledig getoond worden.
_GEMASKEERD = {"bsn"}


def wijzigingshistorie(deelnemer: Deelnemer, *, limiet: int = 100) -> list[Wijziging]:
    """De wijzigingshistorie (django-auditlog) van de deelnemer, zijn trajecten, intakes en
    plaatsingen; nieuwste eerst. Het BSN is gemaskeerd (*****1234).

    Werkt op een deelnemer uit `dossier()`. Namen van gekoppelde objecten (gemeente, coach,
    werkgever, …) worden per model in één query opgehaald: het aantal queries hangt niet af van
    het aantal wijzigingen.
    """
    modellen = [Deelnemer, Traject, Intake, Plaatsing]
    cts = ContentType.objects.get_for_models(*modellen)
    trajecten = deelnemer.alle_trajecten
    ids = {
        Deelnemer: [deelnemer.pk],
        Traject: [t.pk for t in trajecten],
        Intake: [i.pk for i in (intake_van(t) for t in trajecten) if i],
        Plaatsing: [p.pk for t in trajecten for p in t.alle_plaatsingen],
    }
    voorwaarde = Q(pk__in=[])
    for model in modellen:
        if ids[model]:
            voorwaarde |= Q(content_type=cts[model], object_id__in=ids[model])
    entries = list(
        LogEntry.objects.filter(voorwaarde).select_related("actor").order_by("-timestamp", "-pk")[
            :limiet
        ]
    )
    model_van_ct = {ct.pk: model for model, ct in cts.items()}

    # Gekoppelde objecten verzamelen per model, dan één query per model.
    nodig: dict[type, set] = {}
    for entry in entries:
        model = model_van_ct[entry.content_type_id]
        for veldnaam, _waarden in (entry.changes_dict or {}).items():
            veld = _veld(model, veldnaam)
            if veld is not None and veld.is_relation and veld.many_to_one:
                for waarde in _waarden:
                    if waarde not in (None, "None", ""):
                        nodig.setdefault(veld.related_model, set()).add(str(waarde))
    # Wat het dossier al heeft opgehaald, hoeft niet opnieuw uit de database.
    bekend = [deelnemer, deelnemer.gemeente]
    for traject in trajecten:
        bekend += [traject, traject.gemeente, traject.programma, traject.coach]
        bekend += [p.werkgever for p in traject.alle_plaatsingen]
    namen: dict[tuple[type, str], str] = {
        (type(obj), str(obj.pk)): _objectnaam(obj) for obj in bekend if obj is not None
    }
    for model, pks in nodig.items():
        geldig = [pk for pk in pks if str(pk).isdigit() and (model, pk) not in namen]
        if geldig:
            for obj in model._default_manager.filter(pk__in=geldig):
                namen[(model, str(obj.pk))] = _objectnaam(obj)

    acties = {
        LogEntry.Action.CREATE: _("aangemaakt"),
        LogEntry.Action.UPDATE: _("gewijzigd"),
        LogEntry.Action.DELETE: _("verwijderd"),
        LogEntry.Action.ACCESS: _("bekeken"),
    }
    resultaat = []
    for entry in entries:
        model = model_van_ct[entry.content_type_id]
        velden = []
        for veldnaam, waarden in (entry.changes_dict or {}).items():
            veld = _veld(model, veldnaam)
            if veld is None or veldnaam in TECHNISCHE_VELDEN:
                continue
            oud, nieuw = (list(waarden) + [None, None])[:2]
            velden.append((
                str(getattr(veld, "verbose_name", veldnaam)),
                _toon(model, veld, oud, namen),
                _toon(model, veld, nieuw, namen),
            ))
        actor = entry.actor.get_full_name() or entry.actor.username if entry.actor else _(
            "systeem"
        )
        resultaat.append(Wijziging(
            tijdstip=entry.timestamp,
            actor=actor,
            actie=acties.get(entry.action, ""),
            object=f"{model._meta.verbose_name} {entry.object_id}",
            velden=velden,
        ))
    return resultaat


def _veld(model, naam):
    """Het (concrete) modelveld `naam`, of None voor een veld dat niet (meer) bestaat."""
    try:
        veld = model._meta.get_field(naam)
    except FieldDoesNotExist:
        return None
    return veld if getattr(veld, "concrete", False) else None


def _objectnaam(obj) -> str:
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


def _toon(model, veld, waarde, namen) -> str:
    if waarde in (None, "None"):
        return "–"
    waarde = str(waarde)
    if veld.name in _GEMASKEERD:
        return maskeer_bsn(waarde)
    if veld.is_relation and veld.many_to_one:
        return namen.get((veld.related_model, waarde), "#" + waarde)
    if veld.choices:
        keuzes = {str(k): str(v) for k, v in veld.flatchoices}
        if waarde.startswith("["):
            return ", ".join(keuzes.get(d.strip(" '\""), d) for d in waarde[1:-1].split(",") if d)
        return keuzes.get(waarde, waarde)
    if veld.get_internal_type() == "DateField" and len(waarde) >= 10:
        try:
            return datetime.date.fromisoformat(waarde[:10]).strftime("%d-%m-%Y")
        except ValueError:
            return waarde
    if veld.name == "belemmeringen" and waarde.startswith("["):
        keuzes = dict(Belemmering.choices)
        return ", ".join(
            str(keuzes.get(d.strip(" '\""), d.strip(" '\""))) for d in waarde[1:-1].split(",") if d
        )
    return waarde


# ---------------------------------------------------------------------------------------------
# Coachsuggesties
# ---------------------------------------------------------------------------------------------


@dataclass
class CoachSuggestie:
    coach: Coach
    caseload: int
    gedeelde_talen: list[str]
    sectormatch: bool
    redenen: list[str]

    @property
    def sorteersleutel(self):
        return (-len(self.gedeelde_talen), not self.sectormatch, self.caseload, self.coach.naam)


def coach_suggesties(*, traject: Traject) -> list[CoachSuggestie]:
    """Coaches die dit traject mogen krijgen, beste match eerst, met de reden waarom.

    Alleen actieve coaches van de gemeente van het traject met een geldige VOG en vrije
    capaciteit (open trajecten < max_deelnemers); de huidige coach van het traject valt weg.
    Volgorde: meeste gedeelde talen met de deelnemer, dan sector van de beroepswens, dan
    laagste caseload. Eén query; de rangschikking gebeurt op die (kleine) kandidatenlijst.
    """
    kandidaten = (
        Coach.objects.filter(gemeenten=traject.gemeente_id)
        .actief()
        .met_geldige_vog()
        .met_ruimte()
    )
    if traject.coach_id:
        kandidaten = kandidaten.exclude(pk=traject.coach_id)
    talen_deelnemer = set(traject.deelnemer.talen or [])
    intake = intake_van(traject)
    sector = intake.sector if intake else ""
    taalnamen = dict(Taal.choices)
    sectornamen = dict(Sector.choices)

    suggesties = []
    for coach in kandidaten:
        gedeeld = [t for t in (coach.talen or []) if t in talen_deelnemer]
        sectormatch = bool(sector) and sector in (coach.sectoren or [])
        redenen = []
        if gedeeld:
            redenen.append(_("spreekt %(talen)s, net als de deelnemer")
                           % {"talen": ", ".join(str(taalnamen.get(t, t)) for t in gedeeld)})
        if sectormatch:
            redenen.append(_("kent de sector %(sector)s (beroepswens)")
                           % {"sector": sectornamen.get(sector, sector)})
        redenen.append(_("begeleidt nu %(aantal)s van maximaal %(max)s deelnemers")
                       % {"aantal": coach.caseload, "max": coach.max_deelnemers})
        suggesties.append(CoachSuggestie(coach, coach.caseload, gedeeld, sectormatch, redenen))
    return sorted(suggesties, key=lambda s: s.sorteersleutel)


# ---------------------------------------------------------------------------------------------
# Werkgevers
# ---------------------------------------------------------------------------------------------


def werkgever_lijst(*, user) -> QuerySet[Werkgever]:
    """Werkgevers in de gemeenten van `user`, met het aantal plaatsingen (één query)."""
    return (
        werkgevers_voor(user)
        .select_related("gemeente")
        .annotate(aantal_plaatsingen=Count("plaatsingen", distinct=True))
        .order_by("naam", "pk")
    )


def plaatsingen_bij_werkgever(*, user, werkgever: Werkgever) -> QuerySet[Plaatsing]:
    """Plaatsingen bij `werkgever` op trajecten in de gemeenten van `user`."""
    return (
        plaatsingen_voor(user)
        .filter(werkgever=werkgever)
        .select_related("traject__deelnemer", "traject__gemeente")
        .order_by("-startdatum", "-pk")
    )


def programmas() -> QuerySet[Programma]:
    return Programma.objects.order_by("-startdatum")


def alle_gemeenten() -> QuerySet[Gemeente]:
    """Alle gemeenten: het doel van een verhuizing mag elke gemeente zijn."""
    return Gemeente.objects.order_by("naam")

