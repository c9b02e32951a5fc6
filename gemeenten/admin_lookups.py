"""Admin-lijsten filteren alleen via de filters die de admin verklaart.

Django laat in een changelist elke lookup op een eigen veld van het model toe, ook als hij niet
in `list_filter` staat: `?bsn=…`, `?achternaam__startswith=Ah`, `?key__startswith=a` (de sleutel
van een TOTP-apparaat), `?password__startswith=pbkdf2` (een wachtwoordhash). Zo komt een naam of
BSN in de URL en dus in elk toegangslog, en wordt de lijst een orakel: wie steeds een teken
bijzet, leest een geheim uit aan het aantal resultaten. `AlleenVerklaardeFilters` staat alleen
de parameters toe die de verklaarde filters (`list_filter`, `date_hierarchy`) zelf gebruiken;
elke andere lookup geeft 400 (Django's `DisallowedModelAdminLookup`), zonder de waarde te loggen.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path

#: De parameters die Django's veldfilters (en django-countries) naast het veldpad gebruiken.
FILTERLOOKUPS = ("exact", "isnull", "isempty", "gte", "gt", "lte", "lt", "in")
DATUMDELEN = ("year", "month", "day")


class AlleenVerklaardeFilters:
    """Mixin voor een `ModelAdmin`: alleen de lookups van de verklaarde filters."""

    def lookup_allowed(self, lookup, value, request=None):
        return lookup in self.toegestane_lookups(request)

    def toegestane_lookups(self, request) -> set[str]:
        toegestaan: set[str] = set()
        for filter_ in self.get_list_filter(request):
            if isinstance(filter_, type) and issubclass(filter_, admin.SimpleListFilter):
                toegestaan.add(filter_.parameter_name)
                continue
            pad = filter_[0] if isinstance(filter_, (list, tuple)) else filter_
            if not isinstance(pad, str):
                pad = pad.name
            toegestaan.add(pad)
            toegestaan.update(f"{pad}__{lookup}" for lookup in FILTERLOOKUPS)
            veld = get_fields_from_path(self.model, pad)[-1]
            doel = getattr(veld, "target_field", None)
            if veld.is_relation and doel is not None:
                toegestaan.update(f"{pad}__{doel.name}__{lookup}" for lookup in ("exact", "in"))
        if self.date_hierarchy:
            toegestaan.update(f"{self.date_hierarchy}__{deel}" for deel in DATUMDELEN)
        return toegestaan
