"""Traject: starten, intake, coach, status, uitvoerder en kosten (docs/domain.md,
"Statussen en overgangen")."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rapportage.models import Programma

from ..constants import (
    GEPLAATST_SOORTEN,
    GESLOTEN_STATUSSEN,
    OVERGANGEN,
    Belemmering,
    RedenAfgerond,
    Sector,
    Status,
    Uitvoerder,
)
from ..models import Coach, Deelnemer, Intake, Traject, vandaag
from .basis import (
    Fouten,
    controleer_keuzes,
    datum_nl,
    niet_in_toekomst,
    recent,
    uniek,
    vergrendel_deelnemer,
    vergrendel_traject,
)
from .versies import bewaar_nieuwe_versie, eis_versie, volgende_versie

#: Het grootste bedrag dat `kosten` kan bevatten (max_digits=10, decimal_places=2).
MAX_KOSTEN = Decimal("99999999.99")


@transaction.atomic
def traject_starten(
    *,
    deelnemer: Deelnemer,
    programma: Programma,
    uitvoerder: str,
    door,
    aanmelddatum: datetime.date | None = None,
) -> Traject:
    """Meldt een deelnemer aan voor een traject (status 'aangemeld') in zijn gemeente, met
    `door` als behandelaar.

    Geweigerd zonder toestemming van de deelnemer (AVG: geen verwerking zonder grondslag), bij
    een al lopend traject, bij een aanmelddatum in de toekomst of buiten de looptijd van het
    programma (vóór de start of na het einde), en als de gemeente van de deelnemer niet aan het
    programma meedoet (`Programma.gemeenten`).
    """
    deelnemer = vergrendel_deelnemer(deelnemer, door=door)
    aanmelddatum = aanmelddatum or vandaag()
    if not deelnemer.toestemming_datum:
        raise ValidationError(
            _("Er kan geen traject starten: de deelnemer heeft nog geen toestemming gegeven voor "
              "het verwerken van zijn gegevens. Leg eerst de datum van toestemming vast bij de "
              "persoonsgegevens."),
            code="geen_toestemming",
        )
    eerder = recent(
        deelnemer.trajecten.open().filter(programma=programma, uitvoerder=uitvoerder)
    )
    if eerder:
        return eerder
    if deelnemer.trajecten.open().exists():
        raise ValidationError(
            _("Deze deelnemer heeft al een lopend traject. Rond dat eerst af of meld het af als "
              "uitgevallen."),
            code="al_open_traject",
        )
    fouten = Fouten()
    niet_in_toekomst(fouten, "aanmelddatum", aanmelddatum, _("De aanmelddatum"))
    if programma.einddatum < aanmelddatum:
        fouten.voeg_toe("programma", _(
            "Dit programma is op %(datum)s afgelopen; kies een lopend programma."
        ) % {"datum": datum_nl(programma.einddatum)})
    elif aanmelddatum < programma.startdatum:
        fouten.voeg_toe("aanmelddatum", _(
            "Dit programma begint op %(datum)s; een aanmelding van vóór die datum hoort er niet "
            "bij."
        ) % {"datum": datum_nl(programma.startdatum)})
    if not programma.gemeenten.filter(pk=deelnemer.gemeente_id).exists():
        fouten.voeg_toe("programma", _(
            "%(gemeente)s doet niet mee aan %(programma)s; kies een programma waaraan de gemeente "
            "van de deelnemer meedoet."
        ) % {"gemeente": deelnemer.gemeente.naam, "programma": programma.naam})
    _controleer_uitvoerder(fouten, uitvoerder)
    fouten.gooi()
    traject = Traject(
        deelnemer=deelnemer, programma=programma, gemeente=deelnemer.gemeente,
        uitvoerder=uitvoerder, status=Status.AANGEMELD, aanmelddatum=aanmelddatum,
        behandelaar=door,
    )
    traject.full_clean()
    traject.save()
    return traject


@transaction.atomic
def intake_vastleggen(
    *,
    traject: Traject,
    door,
    datum: datetime.date,
    beroepswens: str,
    sector: str = "",
    belemmeringen: Iterable[str] = (),
    actieplan: str = "",
    versie: int | None = None,
) -> Intake:
    """Legt de intake vast (of werkt hem bij) en zet een aangemeld traject op 'intake'.

    De startdatum van het traject wordt de intakedatum (trajecten gestart telt daarop). De
    intakedatum ligt niet in de toekomst en niet vóór de aanmelding. Bij het bijwerken van een
    bestaande intake schuift de startdatum mee, maar nooit voorbij de eerste plaatsing; de
    versie van de intake gaat omhoog. Met `versie` (uit het formulier; 0 = er was nog geen
    intake): `Bewerkingsconflict` als iemand anders de intake intussen vastlegde of wijzigde.
    """
    traject = vergrendel_traject(traject, door=door)
    if traject.status in GESLOTEN_STATUSSEN:
        raise ValidationError(_("Dit traject is afgesloten; de intake kan niet meer worden "
                                "vastgelegd."), code="traject_gesloten")
    intake = Intake.objects.filter(traject=traject).first()
    belemmeringen = uniek(belemmeringen)
    ingediend = {
        "datum": datum, "beroepswens": (beroepswens or "").strip(), "sector": sector or "",
        "belemmeringen": belemmeringen, "actieplan": (actieplan or "").strip(),
    }
    if intake is not None and eis_versie(intake, versie, ingediend):
        return intake
    fouten = Fouten()
    niet_in_toekomst(fouten, "datum", datum, _("De intakedatum"))
    if datum and datum < traject.aanmelddatum:
        fouten.voeg_toe("datum", _(
            "De intake kan niet vóór de aanmelding (%(datum)s) liggen."
        ) % {"datum": datum_nl(traject.aanmelddatum)})
    if sector and sector not in Sector.values:
        fouten.voeg_toe("sector", _("Kies een sector uit de lijst."))
    controleer_keuzes(fouten, "belemmeringen", belemmeringen, Belemmering)

    eerste_plaatsing = traject.plaatsingen.order_by("startdatum").first()
    if intake and eerste_plaatsing and datum and datum > eerste_plaatsing.startdatum:
        fouten.voeg_toe("datum", _(
            "De intake kan niet na de start van de eerste plaatsing (%(datum)s) liggen."
        ) % {"datum": datum_nl(eerste_plaatsing.startdatum)})
    fouten.gooi()

    oude_datum = intake.datum if intake else None
    if intake is None:
        intake = Intake(traject=traject)
    else:
        volgende_versie(intake)
    for naam, waarde in ingediend.items():
        setattr(intake, naam, waarde)
    intake.medewerker = door
    intake.full_clean()
    intake.save()

    voor = (traject.status, traject.startdatum)
    if traject.status == Status.AANGEMELD:
        traject.status = Status.INTAKE
        traject.startdatum = datum
    elif oude_datum and traject.startdatum == oude_datum:
        traject.startdatum = datum
    # Alleen een echte wijziging van het traject krijgt een nieuwe versie; anders zou een
    # bijgewerkt actieplan een collega die het traject bewerkt een conflict geven.
    if (traject.status, traject.startdatum) != voor:
        bewaar_nieuwe_versie(traject)
    return intake


@transaction.atomic
def coach_toewijzen(
    *, traject: Traject, coach: Coach, door, versie: int | None = None
) -> Traject:
    """Wijst een vrijwillige werkcoach toe aan een open traject.

    Geweigerd, wat het formulier ook stuurt: een coach die niet actief is, geen geldige VOG
    heeft (niet ouder dan drie jaar), niet in de gemeente van het traject werkt of al
    `max_deelnemers` open trajecten heeft. De coach-rij wordt vergrendeld, zodat twee
    gelijktijdige toewijzingen de capaciteit niet samen overschrijden. Het traject gaat van de
    wachtlijst af. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd.
    """
    traject = vergrendel_traject(traject, door=door)
    if eis_versie(traject, versie, {"coach": coach}):
        return traject
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; er kan geen coach meer worden "
                                "toegewezen."), code="traject_gesloten")
    coach = Coach.objects.select_for_update().get(pk=coach.pk)
    fouten = Fouten()
    if not coach.actief:
        fouten.voeg_toe("coach", _("%(coach)s is niet actief als coach.") % {"coach": coach})
    if not coach.heeft_geldige_vog():
        if coach.vog_datum:
            fouten.voeg_toe("coach", _(
                "De VOG van %(coach)s is verlopen (ouder dan drie jaar); vraag een nieuwe VOG aan."
            ) % {"coach": coach})
        else:
            fouten.voeg_toe("coach", _(
                "%(coach)s heeft geen VOG; zonder geldige VOG kan een coach geen deelnemer "
                "begeleiden."
            ) % {"coach": coach})
    if not coach.gemeenten.filter(pk=traject.gemeente_id).exists():
        fouten.voeg_toe("coach", _("%(coach)s werkt niet in de gemeente %(gemeente)s.")
                        % {"coach": coach, "gemeente": traject.gemeente})
    caseload = coach.trajecten.open().exclude(pk=traject.pk).count()
    if caseload >= coach.max_deelnemers:
        fouten.voeg_toe("coach", _(
            "%(coach)s begeleidt al %(aantal)s deelnemers, het maximum voor deze coach."
        ) % {"coach": coach, "aantal": caseload})
    fouten.gooi()
    traject.coach = coach
    traject.wachtlijst_sinds = None
    bewaar_nieuwe_versie(traject)
    return traject


def _statuslabel(waarde: str) -> str:
    try:
        return str(Status(waarde).label)
    except ValueError:
        return waarde


@transaction.atomic
def status_wijzigen(
    *,
    traject: Traject,
    naar: str,
    door,
    reden_uitval: str = "",
    reden_afgerond: str = "",
    datum: datetime.date | None = None,
    versie: int | None = None,
) -> Traject:
    """Zet het traject in een volgende status, alleen volgens `OVERGANGEN` (docs/domain.md,
    "Statussen en overgangen").

    - naar 'intake' gaat via `intake_vastleggen` (die zet de startdatum);
    - 'geplaatst' vraagt een plaatsing (baan, stage of werkervaringsplaats);
    - 'uitgevallen' vraagt een reden (tekst);
    - 'afgerond' vraagt een reden uit `RedenAfgerond`; *werk* alleen met een baan, stage of
      werkervaringsplaats op het traject;
    - 'afgerond' en 'uitgevallen' zetten de einddatum (`datum`, standaard vandaag), niet in de
      toekomst en niet vóór de startdatum, en halen het traject van de wachtlijst.
    Staat het traject al in `naar` (dubbel verzonden), dan verandert er niets. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd.
    """
    traject = vergrendel_traject(traject, door=door)
    if traject.status == naar and (versie is None or versie == traject.versie):
        return traject
    reden_uitval = (reden_uitval or "").strip()
    ingediend: dict = {"status": naar}
    if naar == Status.UITGEVALLEN:
        ingediend["reden_uitval"] = reden_uitval
    if naar == Status.AFGEROND:
        ingediend["reden_afgerond"] = reden_afgerond
    if naar in GESLOTEN_STATUSSEN and datum:
        ingediend["einddatum"] = datum
    # Een collega zette het traject intussen al in `naar`, maar met een andere reden of datum:
    # ook dat is een conflict, anders verdwijnt deze invoer stil.
    if eis_versie(traject, versie, ingediend):
        return traject
    huidige = Status(traject.status)
    if naar not in OVERGANGEN.get(huidige, []):
        raise ValidationError(
            {"naar": [_("Van ‘%(van)s’ kan een traject niet naar ‘%(naar)s’.")
                      % {"van": huidige.label, "naar": _statuslabel(naar)}]}
        )
    if naar == Status.INTAKE:
        raise ValidationError(
            {"naar": [_("Leg de intake vast; daarmee gaat het traject naar ‘intake’.")]}
        )
    fouten = Fouten()
    met_werk = traject.plaatsingen.filter(soort__in=GEPLAATST_SOORTEN).exists()
    if naar == Status.GEPLAATST and not met_werk:
        fouten.voeg_toe("naar", _(
            "Registreer eerst een plaatsing (baan, stage of werkervaringsplaats)."
        ))
    if naar == Status.UITGEVALLEN and not reden_uitval:
        fouten.voeg_toe("reden_uitval", _("Geef de reden van uitval op."))
    if naar == Status.AFGEROND:
        if reden_afgerond not in RedenAfgerond.values:
            fouten.voeg_toe("reden_afgerond", _("Kies waarom het traject is afgerond."))
        elif reden_afgerond == RedenAfgerond.WERK and not met_werk:
            fouten.voeg_toe("reden_afgerond", _(
                "‘Werk’ kan alleen met een baan, stage of werkervaringsplaats op dit traject; "
                "kies een andere reden of registreer eerst de plaatsing."
            ))
    if naar in GESLOTEN_STATUSSEN:
        datum = datum or vandaag()
        niet_in_toekomst(fouten, "datum", datum, _("De einddatum"))
        ondergrens = traject.startdatum or traject.aanmelddatum
        if datum < ondergrens:
            fouten.voeg_toe("datum", _("De einddatum kan niet vóór %(datum)s liggen.")
                            % {"datum": datum_nl(ondergrens)})
    fouten.gooi()
    traject.status = naar
    if naar == Status.UITGEVALLEN:
        traject.reden_uitval = reden_uitval
    if naar == Status.AFGEROND:
        traject.reden_afgerond = reden_afgerond
    if naar in GESLOTEN_STATUSSEN:
        traject.einddatum = datum
        traject.wachtlijst_sinds = None
    bewaar_nieuwe_versie(traject)
    return traject


def volgende_status(traject: Traject, naar: str) -> None:
    """Eén stap vooruit zoals een handeling die als bijeffect doet (een plaatsing zet het
    traject op 'geplaatst'): alleen een toegestane overgang, elke stap een eigen opslag, dus
    een eigen regel in de wijzigingshistorie. `traject` is al vergrendeld."""
    if naar not in OVERGANGEN.get(Status(traject.status), []):
        raise ValueError(f"{traject.status} → {naar} is geen overgang")
    traject.status = naar
    bewaar_nieuwe_versie(traject)


def _controleer_uitvoerder(fouten: Fouten, uitvoerder: str) -> None:
    if uitvoerder not in Uitvoerder.values:
        fouten.voeg_toe("uitvoerder", _("Kies een uitvoerder uit de lijst."))


@transaction.atomic
def traject_wijzigen(
    *,
    traject: Traject,
    door,
    versie: int | None = None,
    uitvoerder: str,
    kosten: Decimal,
) -> Traject:
    """Wijzigt de uitvoerder en de kosten (EUR) van een traject, ook van een afgesloten traject
    (kosten zijn vaak pas achteraf bekend). Coach en status hebben hun eigen handeling.

    Regels: een uitvoerder uit de lijst, kosten niet negatief. Met `versie`:
    `Bewerkingsconflict` als het traject intussen door iemand anders is gewijzigd; dan wordt
    niets overschreven.
    """
    traject = vergrendel_traject(traject, door=door)
    if eis_versie(traject, versie, {"uitvoerder": uitvoerder, "kosten": kosten}):
        return traject
    fouten = Fouten()
    _controleer_uitvoerder(fouten, uitvoerder)
    if kosten is None or not kosten.is_finite() or not Decimal(0) <= kosten <= MAX_KOSTEN:
        fouten.voeg_toe("kosten", _("De kosten liggen tussen € 0 en € 99.999.999,99."))
    fouten.gooi()
    traject.uitvoerder = uitvoerder
    traject.kosten = kosten
    bewaar_nieuwe_versie(traject)
    return traject
