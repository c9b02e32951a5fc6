"""Wijzigingshistorie (django-auditlog) van de dossiermodellen; het BSN wordt gemaskeerd."""

from auditlog.registry import auditlog

from .models import (
    Bijeenkomst,
    Coach,
    Contactpersoon,
    Deelname,
    Deelnemer,
    Intake,
    Plaatsing,
    SocialReturnAfspraak,
    Traject,
    Vacature,
    Voordracht,
    Werkgever,
    WerkgeverContact,
)

auditlog.register(Deelnemer, mask_fields=["bsn"])
auditlog.register(Traject)
auditlog.register(Intake)
auditlog.register(Plaatsing)
auditlog.register(Coach)
auditlog.register(Werkgever)
auditlog.register(Contactpersoon)
auditlog.register(WerkgeverContact)
auditlog.register(SocialReturnAfspraak)
auditlog.register(Bijeenkomst, m2m_fields={"werkgevers", "gemeenten"})
auditlog.register(Deelname)
auditlog.register(Vacature)
auditlog.register(Voordracht)
