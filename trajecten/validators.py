from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.nl import bsn as stdnum_bsn


def valideer_bsn(waarde: str) -> None:
    """Een BSN heeft negen cijfers en voldoet aan de 11-proef (python-stdnum)."""
    if not waarde:
        return
    try:
        stdnum_bsn.validate(waarde)
    except StdnumValidationError as exc:
        raise ValidationError(
            _("Dit is geen geldig BSN: het moet negen cijfers hebben en voldoen aan de 11-proef."),
            code="bsn_ongeldig",
        ) from exc
    if len(waarde) != 9:
        raise ValidationError(_("Een BSN heeft precies negen cijfers."), code="bsn_lengte")


def normaliseer_bsn(waarde: str) -> str:
    """Spaties en punten weg, aangevuld tot negen cijfers (zoals python-stdnum doet)."""
    if not waarde:
        return ""
    return stdnum_bsn.compact(waarde)


valideer_kvk = RegexValidator(
    r"^[0-9]{8}$", _("Een KvK-nummer bestaat uit precies acht cijfers."), code="kvk_ongeldig"
)


def maskeer_bsn(waarde: str) -> str:
    """Toon alleen de laatste vier cijfers: *****1234."""
    if not waarde:
        return ""
    return "*****" + waarde[-4:]
