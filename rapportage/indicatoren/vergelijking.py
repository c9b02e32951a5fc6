"""Het programma naast een eerder programma op dezelfde dag sinds de start (docs/domain.md,
"Indicatoren"): het Vervolg Banenoffensief op dag N naast het Banenoffensief 2006–2009 op
dag N, plus het eindresultaat van dat eerdere programma, berekend uit de gegevens. Landelijk
(alle gemeenten), onafhankelijk van het van/tot-filter. Twee queries.
"""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, Q, Subquery

from trajecten.constants import GEPLAATST_SOORTEN

from ..constants import Indicator
from ..models import Doelstelling, Plaatsingsfeit, Programma
from . import expressies as ex
from .doelstellingen import realisatie
from .selectie import Selectie


def _personen(programma_id, van: datetime.date, tot: datetime.date):
    """Personen geplaatst in een programma met een plaatsing die begon tussen van en tot
    (over de feitentabel, alle gemeenten: de vorige werkplaatsing in het programma)."""
    return ex.personen(Q(programma_id=programma_id, startdatum__range=(van, tot)), van,
                       "vorige_in_programma")


def vergelijking(s: Selectie) -> dict | None:
    """Dag N = het aantal dagen sinds de start van het programma tot en met de peildatum (of
    het einde); None-velden als het programma nog niet begonnen is of niets vergelijkt."""
    maatstaf = Doelstelling.objects.filter(
        programma=OuterRef("vergelijk_met"), indicator=Indicator.PERSONEN_GEPLAATST,
        gemeente__isnull=True, startdatum__isnull=True, einddatum__isnull=True,
    ).values("streefwaarde")[:1]
    programma = (
        Programma.objects.filter(pk=s.programma_id).select_related("vergelijk_met")
        .annotate(maatstaf=Subquery(maatstaf)).first()
    )
    if programma is None:
        return None
    peil = s.peildatum
    eerder = programma.vergelijk_met
    begonnen = peil >= programma.startdatum
    dag_datum = min(peil, programma.einddatum)
    dag = (dag_datum - programma.startdatum).days + 1 if begonnen else None
    leeg = (programma.startdatum, programma.startdatum - datetime.timedelta(days=1))
    if eerder is not None and dag is not None:
        eerder_dag = min(eerder.startdatum + datetime.timedelta(days=dag - 1), eerder.einddatum)
        eerder_einde = min(eerder.einddatum, peil)
    else:
        eerder_dag = eerder_einde = None
    plaatsingen = Plaatsingsfeit.objects.filter(soort__in=GEPLAATST_SOORTEN)
    if eerder is None or dag is None:
        # Niets te vergelijken: dezelfde query, over geen enkele rij (vast aantal queries).
        plaatsingen = plaatsingen.filter(pk__lt=0)
    r = plaatsingen.aggregate(
        nu=_personen(programma.pk, *((programma.startdatum, dag_datum) if begonnen else leeg)),
        eerder_dag=_personen(eerder.pk if eerder else None,
                             *((eerder.startdatum, eerder_dag) if eerder_dag else leeg)),
        eerder_einde=_personen(eerder.pk if eerder else None,
                               *((eerder.startdatum, eerder_einde) if eerder_einde else leeg)),
    )
    m = programma.maatstaf
    return {
        "dag": dag,
        "programma": {"naam": programma.naam, "start": programma.startdatum,
                      "datum": dag_datum if begonnen else None, "geplaatst": r["nu"],
                      "pct": realisatie(r["nu"], m)},
        "eerder": None if eerder is None else {
            "naam": eerder.naam, "start": eerder.startdatum, "einde": eerder.einddatum,
            "dagen": (eerder.einddatum - eerder.startdatum).days + 1,
            "datum": eerder_dag, "geplaatst": r["eerder_dag"],
            "pct": realisatie(r["eerder_dag"], m),
            "eind_geplaatst": r["eerder_einde"], "eind_pct": realisatie(r["eerder_einde"], m),
        },
        "maatstaf": m,
    }
