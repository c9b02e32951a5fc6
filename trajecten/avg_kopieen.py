"""Kopieën van persoonsgegevens buiten het dossier, voor het anonimiseren (`trajecten.avg`).

Een naam of nummer staat niet alleen in de deelnemer zelf: ook in de wijzigingshistorie (ook
van trajecten, intakes en plaatsingen die intussen zijn verwijderd), in het log van de
Django-admin ("Recente acties" toont de naam) en, als er toch een in kwam, in de toelichting van
het toegangslog. Hier staat hoe die gevonden en gewist worden; `EXTRA_WISSTAPPEN` is de plek
voor wat later bijkomt (geüploade documenten).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from auditlog.models import LogEntry
from django.contrib.admin.models import LogEntry as BeheerlogRegel
from django.contrib.contenttypes.models import ContentType
from django.db import models

from gemeenten.models import Toegangslog

from .models import Deelnemer

GEANONIMISEERD = "Geanonimiseerd"
VERWIJDERD = "[verwijderd]"

#: Extra stappen bij het anonimiseren van een partij: elke functie krijgt de deelnemernummers,
#: wist binnen dezelfde transactie wat er elders over hen bewaard is en geeft het aantal terug.
#: `vrije_tekst_wissen` en de geüploade documenten (bestanden in de opslag én hun rijen) staan
#: er onderaan in.
EXTRA_WISSTAPPEN: list[Callable[[list[int]], int]] = []


def verwijderde_objecten(model, verwijzing: str, naar: list[str]) -> list[str]:
    """Nummers van verwijderde `model`-objecten die naar een van `naar` verwezen.

    django-auditlog bewaart bij een verwijdering elke oude veldwaarde, een foreign key als
    nummer: `changes = {"deelnemer": ["12", "None"], …}`.
    """
    if not naar:
        return []
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            action=LogEntry.Action.DELETE,
            **{f"changes__{verwijzing}__0__in": naar},
        ).values_list("object_pk", flat=True).distinct()
    )


def beheerlog_met_naam(deelnemer_pks: list[int]) -> models.QuerySet[BeheerlogRegel]:
    """Regels in het log van de Django-admin ("Recente acties") met de naam als omschrijving."""
    return BeheerlogRegel.objects.filter(
        content_type=ContentType.objects.get_for_model(Deelnemer),
        object_id__in=[str(pk) for pk in deelnemer_pks],
    ).exclude(object_repr=GEANONIMISEERD)


def _persoonlijke_teksten(deelnemer: Deelnemer) -> list[str]:
    """Wat over deze persoon in een vrije tekst kan staan: naam, nummers, contact."""
    return [
        t for t in (deelnemer.voornaam, deelnemer.achternaam, deelnemer.bsn,
                    deelnemer.v_nummer, deelnemer.telefoon, deelnemer.email)
        if len(t.strip()) >= 2
    ]


def toegangslog_schonen(deelnemers: list[Deelnemer]) -> int:
    """Haalt naam en nummers uit de toelichting van het toegangslog over deze deelnemers.

    Het log zelf blijft (wie zag wanneer welk dossier); er hoort geen naam of BSN in te staan,
    maar een kopie die er toch in kwam, gaat hier weg.
    """
    teksten = {d.pk: _persoonlijke_teksten(d) for d in deelnemers}
    gewijzigd = []
    for regel in Toegangslog.objects.filter(deelnemer_nummer__in=teksten).exclude(
        toelichting=""
    ).only("pk", "deelnemer_nummer", "toelichting"):
        schoon = regel.toelichting
        for tekst in teksten[regel.deelnemer_nummer]:
            schoon = re.sub(re.escape(tekst), VERWIJDERD, schoon, flags=re.IGNORECASE)
        if schoon != regel.toelichting:
            regel.toelichting = schoon
            gewijzigd.append(regel)
    Toegangslog.objects.bulk_update(gewijzigd, ["toelichting"], batch_size=500)
    return len(gewijzigd)


def vrije_tekst_wissen(deelnemer_pks: list[int]) -> int:
    """Vrije tekst over de persoon in het actieplan, het opleidingsbudget en de verhuizingen:
    acties, omschrijvingen en redenen van uitgaven, overdrachtsnotities. Datums, bedragen,
    soorten en statussen blijven (rapportage). Geeft het aantal gewiste rijen."""
    from .models import Actie, Uitgave, Verhuizing

    aantal = Actie.objects.filter(traject__deelnemer__in=deelnemer_pks).exclude(
        omschrijving=VERWIJDERD).update(omschrijving=VERWIJDERD)
    aantal += Uitgave.objects.filter(traject__deelnemer__in=deelnemer_pks).exclude(
        omschrijving="", reden_overschrijding="").update(omschrijving="", reden_overschrijding="")
    aantal += Verhuizing.objects.filter(deelnemer__in=deelnemer_pks).exclude(
        overdrachtsnotitie="").update(overdrachtsnotitie="")
    return aantal


def _documenten_wissen(deelnemer_pks: list[int]) -> int:
    from .services.documenten import documenten_wissen

    return documenten_wissen(deelnemer_pks)


EXTRA_WISSTAPPEN += [vrije_tekst_wissen, _documenten_wissen]
