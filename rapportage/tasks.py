"""Achtergrondtaken van de rapportage (Celery; zonder broker in het aanroepende proces)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="rapportage.herbereken", ignore_result=True, store_errors_even_if_ignored=True,
             acks_late=True,
             autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def herbereken(soort: str, selectie: dict) -> None:
    """Rekent één deel van een dashboard opnieuw en zet het in de cache (`cache.herbereken`:
    geeft ook het slot vrij). Een taak die halverwege sterft, laat alleen een slot met korte
    TTL achter; de lezers krijgen intussen de laatst bekende cijfers."""
    from . import cache

    cache.herbereken(cache.Deel.uit_taak(soort, selectie), achtergrond=True)
