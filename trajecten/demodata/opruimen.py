"""De dossiertabellen die seed_demo wist en vult; rijtriggers uit tijdens het bulkwerk."""

from contextlib import contextmanager

from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import F

from gemeenten.models import Gemeente

from ..models import (
    Actie,
    Afspraak,
    Bijeenkomst,
    Coach,
    Contactmoment,
    Contactpersoon,
    Deelname,
    Deelnemer,
    Document,
    Intake,
    Plaatsing,
    SocialReturnAfspraak,
    Traject,
    Uitgave,
    Vacature,
    Verhuizing,
    Voordracht,
    Werkgever,
    WerkgeverContact,
)

#: De tabellen die seed_demo wist en vult, in een volgorde waarin wissen kan.
DOSSIERMODELLEN = [
    Document, Verhuizing, Actie, Uitgave,
    Contactmoment, Afspraak, Plaatsing,
    # Werkgevers als partner (issue 16):
    Voordracht, Deelname, Bijeenkomst.werkgevers.through, Bijeenkomst.gemeenten.through,
    Bijeenkomst, Vacature, SocialReturnAfspraak, WerkgeverContact, Contactpersoon,
    Werkgever.gemeenten.through,
    Intake, Traject, Coach.gemeenten.through, Coach, Deelnemer, Werkgever,
]


def heeft_dossiergegevens() -> bool:
    return Deelnemer.objects.exists()


@contextmanager
def zonder_rijtriggers():
    """Op PostgreSQL: zet de eigen rijtriggers op de dossiertabellen uit tijdens het bulkwerk.

    De rapportage hoogt met een (uitgestelde) rijtrigger een versierij op bij elke geschreven
    rij. Binnen één transactie met honderdduizenden rijen wordt dat kwadratisch traag (elke
    update van dezelfde rij loopt de keten van eerdere versies af). Daarom gaan die triggers
    hier even uit (`DISABLE TRIGGER USER`: de triggers van foreign keys blijven aan) en geeft
    één no-op-update op een gemeente na afloop precies één wijziging door. Alles gebeurt in de
    transactie van de aanroeper: mislukt het bouwen, dan rolt ook het uitzetten terug.
    Op SQLite is er niets te doen (die triggers zijn daar lineair).
    """
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("zonder_rijtriggers() hoort binnen transaction.atomic().")
    tabellen = [model._meta.db_table for model in DOSSIERMODELLEN]
    # ALTER TABLE kan niet zolang er uitgestelde triggers (foreign keys) wachten: die eerst.
    connection.check_constraints()
    with connection.cursor() as cursor:
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE "{tabel}" DISABLE TRIGGER USER')
    yield
    connection.check_constraints()
    with connection.cursor() as cursor:
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE "{tabel}" ENABLE TRIGGER USER')
    gemeente = Gemeente.objects.order_by("pk").first()
    if gemeente:
        Gemeente.objects.filter(pk=gemeente.pk).update(naam=F("naam"))
    # De uitgestelde trigger van die update nu laten vuren, niet pas bij de commit.
    connection.check_constraints()


def wis_dossiergegevens() -> dict[str, int]:
    """Verwijdert alle dossiergegevens (deelnemers, trajecten, coaches, werkgevers, ...).

    Snel met één DELETE per tabel, tenzij andere tabellen nog naar deze rijen verwijzen: dan
    ruimt Django's gewone delete() die verwijzingen netjes op. Geen wijzigingshistorie.
    """
    from auditlog.context import disable_auditlog

    verwijderd = {}
    with transaction.atomic(), disable_auditlog():
        # Een DELETE per tabel stuurt geen signalen: de bestanden van documenten hier, na de
        # commit, uit de opslag; behalve wat de nieuwe demogegevens onder dezelfde naam
        # opnieuw schreven (hetzelfde seed).
        namen = list(Document.objects.values_list("bestand", flat=True))

        def bestanden_wissen():
            in_gebruik = set(Document.objects.filter(bestand__in=namen)
                             .values_list("bestand", flat=True))
            for naam in set(namen) - in_gebruik:
                default_storage.delete(naam)

        transaction.on_commit(bestanden_wissen)
        for model in DOSSIERMODELLEN:
            qs = model._base_manager.all()
            if _wordt_van_buiten_verwezen(model, DOSSIERMODELLEN):
                aantal = qs.count()
                qs.delete()
            else:
                aantal = qs._raw_delete(qs.db)
            verwijderd[str(model._meta.verbose_name_plural)] = aantal
    return verwijderd


def _wordt_van_buiten_verwezen(model, volgorde) -> bool:
    for rel in model._meta.related_objects:
        if rel.related_model in volgorde or rel.many_to_many:
            continue
        if rel.related_model._base_manager.filter(**{f"{rel.field.name}__isnull": False}).exists():
            return True
    return False
