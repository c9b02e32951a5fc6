"""Documenten bij een deelnemer: uploaden, verwijderen, en wissen bij het anonimiseren
(docs/domain.md, "Documenten").

Het type van een bestand komt uit zijn inhoud (magische bytes, via `filetype`), nooit uit de
naam of het Content-Type van de browser: een hernoemd .exe is geen PDF. DOCX en ODT zijn
zip-bestanden; daarvan kijken we ook in het archief (`[Content_Types].xml` met een
Word-document, of `mimetype` met een OpenDocument-tekst)."""

from __future__ import annotations

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Deelnemer, Document, DocumentSoort
from .basis import vergrendel_deelnemer

#: Hooguit zoveel bytes per document.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
#: Toegestane typen (op inhoud herkend) en de extensie waaronder ze worden opgeslagen.
TOEGESTAAN = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    DOCX: "docx",
    ODT: "odt",
}


def _zip_klopt(bestand, mime: str) -> bool:
    """Is het zip-archief echt een Word- of OpenDocument-tekstdocument?"""
    try:
        bestand.seek(0)
        with zipfile.ZipFile(bestand) as archief:
            namen = set(archief.namelist())
            if mime == DOCX:
                return ("[Content_Types].xml" in namen and "word/document.xml" in namen)
            return ("mimetype" in namen
                    and archief.read("mimetype").strip() == ODT.encode())
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        bestand.seek(0)


def herken_type(bestand) -> str | None:
    """Het MIME-type van `bestand` (een bestandsobject) op inhoud, als het toegestaan is;
    anders None."""
    bestand.seek(0)
    kop = bestand.read(8192)
    bestand.seek(0)
    soort = filetype.guess(kop)
    mime = soort.mime if soort else None
    if mime not in TOEGESTAAN:
        return None
    if mime in (DOCX, ODT) and not _zip_klopt(bestand, mime):
        return None
    return mime


@transaction.atomic
def document_uploaden(
    *, deelnemer: Deelnemer, door, soort: str, bestand, bewijs_toestemming: bool = False
) -> Document:
    """Slaat een document op bij de deelnemer: PDF, JPG, PNG, DOCX of ODT, hooguit 10 MB,
    het type herkend aan de inhoud. De bestandsnaam in de opslag is willekeurig.
    `bewijs_toestemming`: deze toestemmingsverklaring is het bewijs van de datum van
    toestemming (een eerder bewijs vervalt daarmee). Bij een fout is er niets opgeslagen,
    ook geen bestand."""
    deelnemer = vergrendel_deelnemer(deelnemer, door=door)
    if soort not in DocumentSoort.values:
        raise ValidationError({"soort": [_("Kies een soort document.")]})
    if bestand is None or not bestand.size:
        raise ValidationError({"bestand": [_("Kies een bestand; dit bestand is leeg.")]})
    if bestand.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"bestand": [_(
            "Het bestand is %(mb).1f MB; een document mag hooguit 10 MB zijn."
        ) % {"mb": bestand.size / 1024 / 1024}]})
    mime = herken_type(bestand)
    if mime is None:
        raise ValidationError({"bestand": [_(
            "Dit bestand is geen PDF, JPG, PNG, DOCX of ODT (het type is aan de inhoud "
            "gecontroleerd, niet aan de naam)."
        )]})
    if bewijs_toestemming and soort != DocumentSoort.TOESTEMMING:
        raise ValidationError({"bewijs_toestemming": [_(
            "Alleen een toestemmingsverklaring kan het bewijs van de toestemming zijn."
        )]})
    if bewijs_toestemming:
        for ander in deelnemer.documenten.filter(bewijs_toestemming=True):
            ander.bewijs_toestemming = False
            ander.save(update_fields=["bewijs_toestemming", "gewijzigd_op"])
    naam = (getattr(bestand, "name", "") or "").rsplit("/", 1)[-1][:150] or "document"
    document = Document(
        deelnemer=deelnemer, soort=soort, bestandsnaam=naam, mimetype=mime,
        grootte=bestand.size, geupload_door=door, bewijs_toestemming=bewijs_toestemming,
    )
    bestand.seek(0)
    document.bestand.save(f"document.{TOEGESTAAN[mime]}", ContentFile(bestand.read()),
                          save=False)
    opgeslagen = document.bestand.name
    try:
        document.full_clean()
        document.save()
    except Exception:
        document.bestand.storage.delete(opgeslagen)
        raise
    return document


@transaction.atomic
def document_verwijderen(*, document: Document, door) -> None:
    """Verwijdert een document: de rij en (na de commit) het bestand in de opslag
    (`models.document.bestand_wissen`)."""
    vergrendel_deelnemer(document.deelnemer, door=door)
    document.delete()


def documenten_wissen(deelnemer_pks: list[int]) -> int:
    """Wisstap bij het anonimiseren (`avg_kopieen.EXTRA_WISSTAPPEN`): alle documenten van
    de deelnemers, rijen en (na de commit) bestanden. Geeft het aantal verwijderde
    documenten."""
    aantal, _per_model = Document.objects.filter(deelnemer__in=deelnemer_pks).delete()
    return aantal
