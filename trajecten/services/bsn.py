"""Het BSN is landelijk uniek, maar geen orakel (docs/domain.md, "BSN").

Een BSN dat al bij een andere deelnemer hoort, wordt altijd geweigerd. Wat de medewerker
daarover hoort, hangt af van waar die deelnemer woont:

- in een van zijn eigen gemeenten: de behulpzame melding `BSN_BESTAAT` (het registratiescherm
  toont het dossier erbij als mogelijke dubbele registratie);
- in een gemeente die hij niet ziet: `BSN_NIET_BRUIKBAAR`, dezelfde neutrale weigering als
  wanneer de database het BSN bij het opslaan weigert (twee gelijktijdige registraties), met
  dezelfde status en ongeveer dezelfde kosten (een paar queries). Ze zegt niet dat het BSN
  bestaat, niet waar, en er wordt niets vastgelegd op dat BSN. Wel komt er een regel in het
  toegangslog (*BSN bestaat in andere gemeente*) en een melding voor de beheerder
  (`gemeenten.models.BsnMelding`), zodat een verhuizing geregeld kan worden en wie BSN's
  probeert, opvalt.

Registreren, persoonsgegevens wijzigen en de import gebruiken dezelfde functies en meldingen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from gemeenten.models import BsnMelding, Gemeente, Toegangslog
from gemeenten.toegangslog import registreer_toegang_per_deelnemer

from ..models import Deelnemer

#: Het BSN hoort bij een deelnemer in een gemeente van de medewerker.
BSN_BESTAAT = gettext_lazy("Er is al een deelnemer met dit BSN geregistreerd.")
#: De neutrale weigering: het BSN hoort bij een deelnemer die de medewerker niet ziet, of de
#: database weigert het bij het opslaan. Zegt niet of, waar of bij wie het BSN bestaat.
BSN_NIET_BRUIKBAAR = gettext_lazy(
    "Dit BSN kan hier niet worden gebruikt. Controleer het nummer; klopt het, neem dan contact "
    "op met de functioneel beheerder."
)


@dataclass(frozen=True)
class BsnHouder:
    """De deelnemer die een BSN al heeft; `zichtbaar`: woont in een gemeente van de gebruiker."""

    deelnemer_nummer: int
    gemeente_id: int
    zichtbaar: bool


def bsn_houders(
    bsns: Iterable[str], *, door, behalve: int | None = None
) -> dict[str, BsnHouder]:
    """Per BSN uit `bsns` de deelnemer (niet `behalve`) die het al heeft, in alle gemeenten;
    `zichtbaar` volgt de ene scoping van de werkplek (`Deelnemer.objects.voor`). Eén query,
    hoeveel BSN's er ook zijn."""
    bsns = {bsn for bsn in bsns if bsn}
    if not bsns:
        return {}
    houders = Deelnemer.objects.filter(bsn__in=bsns).annotate(
        zichtbaar=Exists(Deelnemer.objects.voor(door).filter(pk=OuterRef("pk")))
    )
    if behalve:
        houders = houders.exclude(pk=behalve)
    return {
        bsn: BsnHouder(pk, gemeente_id, zichtbaar)
        for bsn, pk, gemeente_id, zichtbaar in houders.values_list(
            "bsn", "pk", "gemeente_id", "zichtbaar"
        )
    }


@transaction.atomic
def bsn_andere_gemeente_melden(
    *, door, gevallen: Iterable[tuple[Gemeente, BsnHouder]], bron: str
) -> None:
    """Legt vast dat `door` BSN's van deelnemers in andere gemeenten wilde gebruiken: per geval
    (aanvragende gemeente, houder) een melding voor de beheerder, tenzij daar al een open
    melding voor is, en per geval een regel in het toegangslog. `bron` (registreren, wijzigen,
    import) komt in de toelichting. Nooit het BSN; een vast aantal queries."""
    gevallen = list(gevallen)
    BsnMelding.objects.bulk_create(
        [
            BsnMelding(
                gemeld_door=door, gebruikersnaam=door.get_username(), gemeente=gemeente,
                gemeente_dossier_id=houder.gemeente_id, deelnemer_nummer=houder.deelnemer_nummer,
            )
            for gemeente, houder in gevallen
        ],
        # Een open melding voor deze deelnemer en gemeente bestaat al: de poging staat in het
        # toegangslog, de beheerder heeft het geval al.
        ignore_conflicts=True,
    )
    registreer_toegang_per_deelnemer(
        actie=Toegangslog.Actie.BSN_ANDERE_GEMEENTE,
        resultaat=Toegangslog.Resultaat.GEWEIGERD,
        actor=door,
        deelnemers=[houder.deelnemer_nummer for _gemeente, houder in gevallen],
        toelichting=f"{bron}: neutraal geweigerd, melding voor de beheerder",
    )


def weiger_bsn_van_andere_gemeente(
    *, bsn: str, door, gemeente: Gemeente, bron: str, behalve: int | None = None
) -> None:
    """Hoort `bsn` bij een deelnemer (niet `behalve`) in een gemeente die `door` niet ziet:
    melden (`bsn_andere_gemeente_melden`) en weigeren met `BSN_NIET_BRUIKBAAR`. Draait buiten
    de transactie van de aanroeper, zodat de melding de weigering overleeft."""
    houder = bsn_houders([bsn], door=door, behalve=behalve).get(bsn)
    if houder is None or houder.zichtbaar:
        return
    bsn_andere_gemeente_melden(door=door, gevallen=[(gemeente, houder)], bron=bron)
    raise ValidationError({"bsn": [BSN_NIET_BRUIKBAAR]})
