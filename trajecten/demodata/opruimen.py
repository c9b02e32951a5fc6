"""De dossiertabellen die seed_demo wist en vult."""


from django.db import transaction

from ..models import (
    Afspraak,
    Coach,
    Contactmoment,
    Deelnemer,
    Intake,
    Plaatsing,
    Traject,
    Werkgever,
)

#: De tabellen die seed_demo wist en vult, in een volgorde waarin wissen kan.
DOSSIERMODELLEN = [
    Contactmoment, Afspraak, Plaatsing, Intake, Traject, Coach.gemeenten.through, Coach,
    Deelnemer, Werkgever,
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
