"""Bulkimport op de wachtrij: de opdracht aanmaken, uitvoeren (de taak) en als mislukt melden.

De view leest en begrenst het bestand meteen (`lees_bestand`: grootte, vorm, rijen, kolommen;
een weigering volgt direct), slaat het op als `Importopdracht` en zet een taak op de wachtrij
(`trajecten.tasks.import_uitvoeren`) met alleen het nummer van de opdracht. De taak
controleert elke rij en slaat alles op in één transactie, samen met de eindstatus, of niets:

- een worker die halverwege sterft (SIGKILL), laat niets achter: PostgreSQL draait de open
  transactie terug; de broker geeft de taak opnieuw (acks_late, reject_on_worker_lost);
- elke poging komt in het toegangslog (een afgebroken poging bij de volgende, als mislukt);
- na `MAX_POGINGEN` pogingen, of als de tijdelijke fouten blijven (`config.celery.Taak`),
  is de opdracht *mislukt*: de medewerker ziet dat op de statuspagina, de beheerder bij de
  taakuitkomsten (FAILURE) en in het toegangslog;
- een dubbel afgeleverde taak doet niets: de opdracht is vergrendeld en al klaar.
"""

from __future__ import annotations

import contextlib
import logging

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from gemeenten.toegangslog import Actie, Resultaat, namens, registreer_toegang

from .importbestand import MAX_GETOONDE_FOUTEN, Importfout, ImportGeweigerd
from .importeren import controleer_bestand, deelnemers_opslaan
from .models import EINDSTATUSSEN, Importopdracht, Importstatus

logger = logging.getLogger(__name__)

#: Zoveel keer start een worker aan dezelfde opdracht (ook na een gestorven worker).
MAX_POGINGEN = 3


class ImportMislukt(Exception):
    """De opdracht is opgegeven; de taak eindigt als FAILURE (zichtbaar voor de beheerder)."""


def importopdracht_aanmaken(
    *, door, inhoud: bytes, soort: str, rijen: int, pad: str, ip_adres: str | None
) -> Importopdracht:
    """Een nieuwe opdracht met het (al begrensde) bestand; de taak start na de commit."""
    from .tasks import import_uitvoeren

    opdracht = Importopdracht(
        door=door, inhoud=inhoud, soort=soort, rijen=rijen, pad=pad[:200], ip_adres=ip_adres,
    )
    opdracht.full_clean(exclude=["inhoud"])
    opdracht.save(force_insert=True)
    if import_uitvoeren.app.conf.task_always_eager:
        # In het proces zelf (`make run`, tests): dezelfde verbinding ziet de opdracht al. Een
        # fout komt hier terug in plaats van bij een worker: de opdracht is dan mislukt.
        try:
            import_uitvoeren.delay(str(opdracht.pk))
        except Exception as exc:
            logger.error("Import %s mislukt: %s", opdracht.pk, type(exc).__name__)
            importopdracht_mislukt(opdracht_id=opdracht.pk)
    else:
        # Een worker ziet de opdracht pas na de commit.
        transaction.on_commit(lambda: import_uitvoeren.delay(str(opdracht.pk)))
    return opdracht


def _voortgangssleutel(opdracht_id) -> str:
    return f"import:{opdracht_id}:opgeslagen"


def opgeslagen_voortgang(opdracht: Importopdracht) -> int:
    """Hoeveel deelnemers de lopende transactie al heeft opgeslagen (uit de cache: de
    transactie zelf is voor anderen nog onzichtbaar). 0 als de cache het niet weet."""
    try:
        return int(cache.get(_voortgangssleutel(opdracht.pk)) or 0)
    except Exception:  # noqa: BLE001 (een cache die weg is, kost alleen de voortgangsbalk)
        return 0


def _log(opdracht: Importopdracht, resultaat: str, toelichting: str) -> None:
    registreer_toegang(
        actie=Actie.IMPORT, resultaat=resultaat, actor=opdracht.door,
        toelichting=f"deelnemers: {toelichting}",
    )


def _begin_poging(opdracht_id, taak_id: str) -> Importopdracht | None:
    """Tel de poging (in een eigen transactie, die dus blijft staan als de worker sterft).

    Geeft None als de opdracht al klaar is (een dubbel afgeleverde taak)."""
    with transaction.atomic():
        opdracht = Importopdracht.objects.select_for_update().filter(pk=opdracht_id).first()
        if opdracht is None or opdracht.status in EINDSTATUSSEN:
            return None
        with namens(user=opdracht.door, pad=opdracht.pad, ip_adres=opdracht.ip_adres):
            if opdracht.status == Importstatus.BEZIG:
                _log(opdracht, Resultaat.MISLUKT, f"poging {opdracht.pogingen} afgebroken")
        opdracht.pogingen += 1
        opdracht.status = Importstatus.BEZIG
        opdracht.gecontroleerd = 0
        opdracht.taak_id = taak_id or ""
        opdracht.save(update_fields=["pogingen", "status", "gecontroleerd", "taak_id",
                                     "gewijzigd_op"])
    return opdracht


def _afsluiten(opdracht: Importopdracht, status: str, **velden) -> None:
    """Eindstatus, en het bestand (persoonsgegevens) weg."""
    Importopdracht.objects.filter(pk=opdracht.pk).update(
        status=status, inhoud=b"", klaar_op=timezone.now(), gewijzigd_op=timezone.now(),
        **velden,
    )


def _fouten_opslaan(fouten: list[Importfout]) -> dict:
    return {
        "fouten": [[f.rij, f.kolom, f.reden] for f in fouten[:MAX_GETOONDE_FOUTEN]],
        "aantal_fouten": len(fouten),
    }


def importopdracht_uitvoeren(*, opdracht_id, taak_id: str = "") -> str:
    """Controleer en importeer het bestand van de opdracht; geeft de eindstatus.

    Alles of niets: de deelnemers en de status *geïmporteerd* worden in één transactie
    opgeslagen. Een tijdelijke fout (database weg) gaat naar de taak, die het later opnieuw
    probeert; `ImportMislukt` na `MAX_POGINGEN` pogingen.
    """
    opdracht = _begin_poging(opdracht_id, taak_id)
    if opdracht is None:
        return "al klaar"
    with namens(user=opdracht.door, pad=opdracht.pad, ip_adres=opdracht.ip_adres):
        if opdracht.pogingen > MAX_POGINGEN:
            importopdracht_mislukt(opdracht_id=opdracht.pk)
            raise ImportMislukt(f"opgegeven na {MAX_POGINGEN} pogingen")

        def gecontroleerd(n: int) -> None:
            Importopdracht.objects.filter(pk=opdracht.pk).update(gecontroleerd=n)

        def opgeslagen(n: int) -> None:
            # Een cache die weg is, kost alleen de voortgangsbalk.
            with contextlib.suppress(Exception):
                cache.set(_voortgangssleutel(opdracht.pk), n, 3600)

        poging = f"poging {opdracht.pogingen}"
        try:
            rijen = controleer_bestand(
                inhoud=bytes(opdracht.inhoud), bestandsnaam=f"import{opdracht.soort}",
                door=opdracht.door, voortgang=gecontroleerd,
            )
            gecontroleerd(opdracht.rijen)
            with transaction.atomic():
                vergrendeld = Importopdracht.objects.select_for_update().get(pk=opdracht.pk)
                if vergrendeld.status in EINDSTATUSSEN:
                    return vergrendeld.status
                resultaat = deelnemers_opslaan(
                    rijen=rijen, door=opdracht.door, voortgang=opgeslagen
                )
                _afsluiten(
                    opdracht, Importstatus.GELUKT, aangemaakt=resultaat.aangemaakt,
                    per_gemeente=resultaat.per_gemeente,
                )
                _log(opdracht, Resultaat.GELUKT,
                     f"{resultaat.aangemaakt} aangemaakt ({poging})")
        except ImportGeweigerd as geweigerd:
            with transaction.atomic():
                _afsluiten(opdracht, Importstatus.GEWEIGERD, **_fouten_opslaan(geweigerd.fouten))
                _log(opdracht, Resultaat.GEWEIGERD,
                     f"geweigerd, {len(geweigerd.fouten)} fouten ({poging})")
            return Importstatus.GEWEIGERD
        except Exception as exc:
            try:
                with transaction.atomic():
                    # Terug in de rij: de volgende poging hoeft deze niet als afgebroken te melden.
                    Importopdracht.objects.filter(pk=opdracht.pk).update(
                        status=Importstatus.WACHTEND)
                    _log(opdracht, Resultaat.MISLUKT, f"{poging} mislukt ({type(exc).__name__})")
            except Exception:  # noqa: BLE001 (database weg: de taak logt en probeert opnieuw)
                logger.warning("Poging van import %s niet in het toegangslog", opdracht.pk)
            raise
    return Importstatus.GELUKT


def importopdracht_mislukt(*, opdracht_id) -> None:
    """Geef de opdracht op (na de laatste poging): status *mislukt*, bestand weg, in het log.

    Doet niets als de opdracht al klaar is."""
    with transaction.atomic():
        opdracht = Importopdracht.objects.select_for_update().filter(pk=opdracht_id).first()
        if opdracht is None or opdracht.status in EINDSTATUSSEN:
            return
        _afsluiten(opdracht, Importstatus.MISLUKT)
        with namens(user=opdracht.door, pad=opdracht.pad, ip_adres=opdracht.ip_adres):
            _log(opdracht, Resultaat.MISLUKT, f"opgegeven na {opdracht.pogingen} pogingen")


def importopdrachten_opschonen(*, nu=None) -> int:
    """Verwijder opdrachten (rapporten) ouder dan `Importopdracht.BEWAARDAGEN`; geeft het aantal."""
    grens = (nu or timezone.now()) - timezone.timedelta(days=Importopdracht.BEWAARDAGEN)
    aantal, _per_model = Importopdracht.objects.filter(aangemaakt_op__lt=grens).delete()
    return aantal
