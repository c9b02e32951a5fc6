"""Wijzigingshistorie (django-auditlog) van de dossiermodellen; het BSN wordt gemaskeerd."""

from auditlog.registry import auditlog

from .models import Coach, Deelnemer, Intake, Plaatsing, Traject, Werkgever

auditlog.register(Deelnemer, mask_fields=["bsn"])
auditlog.register(Traject)
auditlog.register(Intake)
auditlog.register(Plaatsing)
auditlog.register(Coach)
auditlog.register(Werkgever)
