"""De dossiertabellen die seed_demo wist en vult."""


from django.core.files.storage import default_storage
from django.db import transaction

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
