"""Bulkimport van deelnemers uit een CSV- of XLSX-bestand (de spreadsheets van gemeenten).

Gegarandeerd door `deelnemers_importeren()`:
- alles of niets: eerst wordt ELKE rij gecontroleerd; bij één fout wordt niets opgeslagen en
  krijgt de medewerker per rij een Nederlandse reden (rijnummer, kolom, reden) via
  `ImportGeweigerd`. Een goed bestand wordt in één transactie opgeslagen;
- gecontroleerd per rij met precies de regels van het registratieformulier: eerst wordt elke
  waarde gelezen (verplichte velden, datums als dd-mm-jjjj of jjjj-mm-dd, land als ISO-code of
  Nederlandse naam, gemeente als CBS-code binnen de gemeenten waarvan de gebruiker medewerker
  is, keuzes als waarde of label), daarna gaat de deelnemer door
  `services.deelnemer_fouten`, dezelfde functie die registreren en wijzigen gebruiken
  (leeftijd, datums niet in de toekomst, verblijfsvergunning niet vóór de geboorte, BSN,
  lengtes, e-mail, …), met dezelfde meldingen;
- geen dubbelen: niet binnen het bestand (zelfde BSN, of zelfde voornaam + achternaam +
  geboortedatum) en niet tegen de database (BSN overal, want het BSN is landelijk uniek,
  zonder te verraden of het elders bestaat: `services/bsn.py`; naam + geboortedatum binnen de
  gemeenten van de gebruiker). Een rij die al bestaat is een
  fout, geen stille overslag: hetzelfde bestand twee keer importeren maakt dus niets dubbel
  en meldt de tweede keer dat alle rijen al bestaan;
- een onleesbaar, binair, leeg, te groot of verkeerd soort bestand geeft een duidelijke
  melding, nooit een serverfout;
- elke deelnemer wordt met `save()` opgeslagen (niet met `bulk_create`), zodat de
  wijzigingshistorie (django-auditlog, met de importeur als actor) elke deelnemer vastlegt. De
  dashboards volgen via de databasetriggers van de rapportage, hoe er ook geschreven wordt.
"""

from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries

from gemeenten.models import Gemeente

from .constants import Inburgering, Opleidingsniveau, Taalniveau
from .models import Deelnemer
from .services import (
    BSN_BESTAAT,
    BSN_NIET_BRUIKBAAR,
    bsn_andere_gemeente_melden,
    bsn_houders,
    deelnemer_fouten,
)
from .validators import normaliseer_bsn

logger = logging.getLogger(__name__)

MAX_BESTANDSGROOTTE = 5 * 1024 * 1024  # 5 MB
MAX_RIJEN = 5000
#: Een XLSX is een zip; uitgepakt mag hij niet onbeperkt groeien (zip-bom).
MAX_XLSX_UITGEPAKT = 60 * 1024 * 1024
#: Zoveel fouten tonen we; daarna alleen het aantal (een verkeerd bestand geeft er duizenden).
MAX_GETOONDE_FOUTEN = 500

KOLOMMEN = [
    "voornaam",
    "achternaam",
    "geboortedatum",
    "land_van_herkomst",
    "bsn",
    "v_nummer",
    "gemeente",
    "datum_verblijfsvergunning",
    "taalniveau",
    "opleidingsniveau",
    "inburgering",
    "toestemming_datum",
    "telefoon",
    "email",
]
#: Uitleg per kolom, voor de importpagina en het tabblad ‘Toelichting’ van het XLSX-sjabloon.
KOLOM_TOELICHTING = {
    "voornaam": _lazy("Voornaam of voornamen."),
    "achternaam": _lazy("Achternaam, met tussenvoegsels."),
    "geboortedatum": _lazy("dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 31-12-1990."),
    "land_van_herkomst": _lazy("ISO-code (SY, ER, AF) of de Nederlandse naam (Syrië)."),
    "bsn": _lazy("Negen cijfers, voldoet aan de 11-proef; mag leeg."),
    "v_nummer": _lazy("Vreemdelingennummer van de IND; mag leeg."),
    "gemeente": _lazy("CBS-code van een van uw gemeenten, bijvoorbeeld GM0014."),
    "datum_verblijfsvergunning": _lazy("dd-mm-jjjj of jjjj-mm-dd; mag leeg."),
    "taalniveau": _lazy("A0, A1, A2, B1, B2, C1 of C2; leeg is A0."),
    "opleidingsniveau": _lazy(
        "geen, primair, voortgezet, mbo, hbo, wo of onbekend; leeg is onbekend."
    ),
    "inburgering": _lazy(
        "niet gestart, bezig, afgerond of vrijgesteld; leeg is niet gestart."
    ),
    "toestemming_datum": _lazy(
        "Datum waarop de deelnemer toestemming gaf; zonder toestemming kan er geen traject "
        "starten."
    ),
    "telefoon": _lazy("Mag leeg."),
    "email": _lazy("Mag leeg."),
}
VERPLICHTE_KOLOMMEN = ["voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "gemeente"]
DATUMKOLOMMEN = ["geboortedatum", "datum_verblijfsvergunning", "toestemming_datum"]
#: Kolomkoppen die mensen in hun eigen spreadsheets gebruiken voor dezelfde kolom.
KOLOM_ALIASSEN = {
    "e_mail": "email",
    "emailadres": "email",
    "vnummer": "v_nummer",
    "cbs_code": "gemeente",
    "land": "land_van_herkomst",
    "telefoonnummer": "telefoon",
}


@dataclass(frozen=True)
class Importfout:
    """Eén reden waarom het bestand niet geïmporteerd wordt.

    `rij` is het rijnummer zoals in Excel (de kopregel is rij 1); `None` als het om het hele
    bestand gaat. `kolom` is leeg als het om de hele rij of het hele bestand gaat.
    """

    rij: int | None
    kolom: str
    reden: str

    def __str__(self) -> str:
        if self.rij is None:
            return self.reden
        if self.kolom:
            return _("Rij %(rij)s, kolom %(kolom)s: %(reden)s") % {
                "rij": self.rij, "kolom": self.kolom, "reden": self.reden,
            }
        return _("Rij %(rij)s: %(reden)s") % {"rij": self.rij, "reden": self.reden}


class ImportGeweigerd(ValidationError):
    """Het bestand is (helemaal) niet geïmporteerd; `fouten` zegt per rij waarom."""

    def __init__(self, fouten: list[Importfout]):
        self.fouten = fouten
        super().__init__([str(f) for f in fouten[:MAX_GETOONDE_FOUTEN]], code="import_geweigerd")


@dataclass(frozen=True)
class Importresultaat:
    aangemaakt: int
    per_gemeente: dict[str, int]


def _bestandsfout(reden: str) -> ImportGeweigerd:
    return ImportGeweigerd([Importfout(None, "", reden)])


# ---------------------------------------------------------------------------------------------
# Lezen: bytes → kopregel + rijen


def _lees_csv(inhoud: bytes) -> list[tuple[int, list]]:
    if b"\x00" in inhoud:
        raise _bestandsfout(_(
            "Dit is geen CSV-tekstbestand. Is het een Excel-bestand? Gebruik dan de extensie "
            ".xlsx, of sla het in Excel op als ‘CSV UTF-8’."
        ))
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bestandsfout(_(
            "Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8 (door "
            "komma's gescheiden)’ of gebruik het XLSX-sjabloon."
        )) from exc
    eerste_regel = next((r for r in tekst.splitlines() if r.strip()), "")
    scheiding = ";" if eerste_regel.count(";") > eerste_regel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding, strict=True)
    rijen: list[tuple[int, list]] = []
    rijnummer = aantal = 0
    try:
        for rijnummer, waarden in enumerate(lezer, start=1):
            rijen.append((rijnummer, waarden))
            if not _is_leeg(waarden):
                aantal += 1
                if aantal > MAX_RIJEN + 1:
                    break
    except csv.Error as exc:
        raise _bestandsfout(_(
            "Rij %(rij)s is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet wordt "
            "gesloten, of een veel te lange waarde). Er is niets geïmporteerd."
        ) % {"rij": rijnummer + 1}) from exc
    return rijen


def _lees_xlsx(inhoud: bytes) -> list[tuple[int, list]]:
    import openpyxl

    onleesbaar = _(
        "Het XLSX-bestand kan niet worden gelezen. Sla het in Excel opnieuw op als "
        "‘Excel-werkmap (.xlsx)’ of gebruik CSV UTF-8."
    )
    if not inhoud.startswith(b"PK\x03\x04"):
        raise _bestandsfout(onleesbaar)
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            uitgepakt = sum(info.file_size for info in archief.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _bestandsfout(onleesbaar) from exc
    if uitgepakt > MAX_XLSX_UITGEPAKT:
        raise _bestandsfout(_("Het XLSX-bestand is uitgepakt te groot om te importeren."))
    rijen: list[tuple[int, list]] = []
    werkmap = None
    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        blad = werkmap.worksheets[0]
        aantal = 0
        for rijnummer, waarden in enumerate(blad.iter_rows(values_only=True), start=1):
            rijen.append((rijnummer, list(waarden)))
            if not _is_leeg(waarden):
                aantal += 1
                if aantal > MAX_RIJEN + 1:
                    break
    except ImportGeweigerd:
        raise
    except Exception as exc:  # openpyxl meldt kapotte bestanden met allerlei soorten fouten
        logger.info("XLSX-import onleesbaar (%s)", type(exc).__name__)
        raise _bestandsfout(onleesbaar) from exc
    finally:
        if werkmap is not None:
            werkmap.close()
    return rijen


def _is_leeg(waarden) -> bool:
    return all(_tekst(w) == "" for w in waarden)


def lees_bestand(*, inhoud: bytes, bestandsnaam: str) -> tuple[list[str], list[tuple[int, list]]]:
    """De kopregel (genormaliseerde kolomnamen) en de niet-lege rijen met hun rijnummer.

    Geeft `ImportGeweigerd` bij een bestand dat niet als tabel te lezen is.
    """
    extensie = PurePath(bestandsnaam or "").suffix.lower()
    if extensie == ".xls":
        raise _bestandsfout(_(
            "Oude Excel-bestanden (.xls) worden niet ondersteund. Sla het bestand op als "
            "‘Excel-werkmap (.xlsx)’ of als ‘CSV UTF-8’."
        ))
    if extensie not in (".csv", ".xlsx"):
        raise _bestandsfout(_(
            "Alleen bestanden met de extensie .csv of .xlsx kunnen worden geïmporteerd."
        ))
    if len(inhoud) > MAX_BESTANDSGROOTTE:
        raise _bestandsfout(_(
            "Het bestand is groter dan %(mb)s MB. Splits het in kleinere bestanden."
        ) % {"mb": MAX_BESTANDSGROOTTE // (1024 * 1024)})
    if not inhoud.strip():
        raise _bestandsfout(_("Het bestand is leeg."))

    rijen = _lees_xlsx(inhoud) if extensie == ".xlsx" else _lees_csv(inhoud)
    rijen = [(nr, waarden) for nr, waarden in rijen if not _is_leeg(waarden)]
    if not rijen:
        raise _bestandsfout(_("Het bestand is leeg."))
    (_kopnummer, kop), *data = rijen
    if len(data) > MAX_RIJEN:
        raise _bestandsfout(_(
            "Het bestand bevat meer dan %(max)s deelnemers. Splits het in bestanden van "
            "hoogstens %(max)s rijen."
        ) % {"max": f"{MAX_RIJEN:,}".replace(",", ".")})
    if not data:
        raise _bestandsfout(_(
            "Het bestand bevat geen deelnemers: er staat alleen een kopregel in."
        ))
    return [_kolomnaam(k) for k in kop], data


def _kolomnaam(kop) -> str:
    naam = re.sub(r"[\s\-]+", "_", _tekst(kop).strip().lower().lstrip("\ufeff"))
    return KOLOM_ALIASSEN.get(naam, naam)


# ---------------------------------------------------------------------------------------------
# Waarden omzetten


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return str(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _sleutel(tekst: str) -> str:
    """Hoofdletter-, accent- en spatie-ongevoelige vergelijkingssleutel."""
    zonder_accenten = "".join(
        t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t)
    )
    return re.sub(r"[\s_]+", " ", zonder_accenten.casefold()).strip()


DATUM_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _datum(waarde) -> datetime.date:
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    tekst = _tekst(waarde)
    if m := DATUM_NL.match(tekst):
        dag, maand, jaar = m.groups()
    elif m := DATUM_ISO.match(tekst):
        jaar, maand, dag = m.groups()
    else:
        raise ValueError(tekst)
    return datetime.date(int(jaar), int(maand), int(dag))


@lru_cache(maxsize=1)
def _landen() -> dict[str, str]:
    """Landnaam (Nederlands en Engels) en ISO-code → ISO 3166-1 alpha-2-code."""
    landen: dict[str, str] = {}
    for taal in ("en", "nl"):
        with translation.override(taal):
            for code, naam in countries:
                landen[_sleutel(str(naam))] = code
    for code, _naam in countries:
        landen[_sleutel(code)] = code
        landen[_sleutel(countries.alpha3(code) or code)] = code
    return landen


def _keuzes(choices) -> dict[str, str]:
    opties = {}
    for waarde, label in choices.choices:
        opties[_sleutel(str(waarde))] = waarde
        opties[_sleutel(str(label))] = waarde
    return opties


CBS_CODE = re.compile(r"^GM\d{4}$")


def _cbs_code(waarde) -> str:
    tekst = _tekst(waarde).upper().replace(" ", "")
    if tekst.isdigit() and len(tekst) <= 4:
        tekst = "GM" + tekst.zfill(4)
    return tekst


# ---------------------------------------------------------------------------------------------
# Controleren


@dataclass
class _Rij:
    rijnummer: int
    deelnemer: Deelnemer


class _Controle:
    """Zet de rijen om naar (nog niet opgeslagen) deelnemers en verzamelt alle fouten."""

    def __init__(self, *, door):
        self.alle_gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
        self.door = door
        self.eigen_gemeenten = set(
            Gemeente.objects.voor(door).values_list("cbs_code", flat=True)
        )
        self.taalniveaus = _keuzes(Taalniveau)
        self.opleidingsniveaus = _keuzes(Opleidingsniveau)
        self.inburgeringen = _keuzes(Inburgering)
        self.fouten: list[Importfout] = []

    def fout(self, rij: int | None, kolom: str, reden: str) -> None:
        self.fouten.append(Importfout(rij, kolom, reden))

    def kopregel(self, kolommen: list[str]) -> None:
        bekend = [k for k in kolommen if k in KOLOMMEN]
        if not bekend:
            self.fout(1, "", _(
                "De eerste rij bevat geen kolomnamen uit het sjabloon (zoals voornaam, "
                "achternaam, geboortedatum). Download het sjabloon en gebruik die kopregel."
            ))
            return
        for kolom in VERPLICHTE_KOLOMMEN:
            if kolom not in kolommen:
                self.fout(1, kolom, _("Deze verplichte kolom ontbreekt in de kopregel."))
        gezien = set()
        for kolom in kolommen:
            if not kolom:
                continue
            if kolom not in KOLOMMEN:
                self.fout(1, kolom, _(
                    "Onbekende kolom. Gebruik alleen de kolommen uit het sjabloon."
                ))
            elif kolom in gezien:
                self.fout(1, kolom, _("Deze kolom staat twee keer in de kopregel."))
            gezien.add(kolom)

    def rij(self, rijnummer: int, kolommen: list[str], waarden: list) -> Deelnemer | None:
        if len(waarden) > len(kolommen) and not _is_leeg(waarden[len(kolommen):]):
            self.fout(rijnummer, "", _(
                "Deze rij heeft meer waarden dan er kolommen zijn. Staat er een "
                "scheidingsteken (; of ,) in een waarde zonder aanhalingstekens?"
            ))
            return None
        rij = {k: w for k, w in zip(kolommen, waarden, strict=False) if k in KOLOMMEN}
        aantal_fouten = len(self.fouten)
        velden: dict = {}

        for kolom in ("voornaam", "achternaam", "geboortedatum", "land_van_herkomst", "gemeente"):
            if _tekst(rij.get(kolom)) == "":
                self.fout(rijnummer, kolom, _("Dit veld is verplicht."))
        velden["voornaam"] = _tekst(rij.get("voornaam"))
        velden["achternaam"] = _tekst(rij.get("achternaam"))

        for kolom in DATUMKOLOMMEN:
            waarde = rij.get(kolom)
            if _tekst(waarde) == "":
                velden[kolom] = None
                continue
            try:
                velden[kolom] = _datum(waarde)
            except ValueError:
                self.fout(rijnummer, kolom, _(
                    "Geen geldige datum. Gebruik dd-mm-jjjj (bijvoorbeeld 31-12-1990) of "
                    "jjjj-mm-dd."
                ))

        land = _tekst(rij.get("land_van_herkomst"))
        if land:
            code = _landen().get(_sleutel(land))
            if code:
                velden["land_van_herkomst"] = code
            else:
                self.fout(rijnummer, "land_van_herkomst", _(
                    "Onbekend land. Gebruik de ISO-code (bijvoorbeeld SY) of de Nederlandse "
                    "naam (bijvoorbeeld Syrië)."
                ))

        velden["bsn"] = normaliseer_bsn(_tekst(rij.get("bsn")))

        code = _cbs_code(rij.get("gemeente"))
        if code:
            gemeente = self.alle_gemeenten.get(code)
            if gemeente is None or not CBS_CODE.match(code):
                self.fout(rijnummer, "gemeente", _(
                    "Onbekende CBS-code. Gebruik GM gevolgd door vier cijfers, bijvoorbeeld "
                    "GM0014 voor Groningen."
                ))
            elif code not in self.eigen_gemeenten:
                self.fout(rijnummer, "gemeente", _(
                    "U bent geen medewerker van %(gemeente)s (%(code)s); u kunt alleen "
                    "deelnemers van uw eigen gemeenten importeren."
                ) % {"gemeente": gemeente.naam, "code": code})
            else:
                velden["gemeente"] = gemeente

        for kolom, opties, standaard, toelichting in (
            ("taalniveau", self.taalniveaus, Taalniveau.A0, "A0, A1, A2, B1, B2, C1, C2"),
            ("opleidingsniveau", self.opleidingsniveaus, Opleidingsniveau.ONBEKEND,
             ", ".join(Opleidingsniveau.values)),
            ("inburgering", self.inburgeringen, Inburgering.NIET_GESTART,
             ", ".join(str(label) for label in Inburgering.labels)),
        ):
            waarde = _tekst(rij.get(kolom))
            if not waarde:
                velden[kolom] = standaard
            elif _sleutel(waarde) in opties:
                velden[kolom] = opties[_sleutel(waarde)]
            else:
                self.fout(rijnummer, kolom, _("Onbekende waarde; kies uit: %(opties)s.") % {
                    "opties": toelichting,
                })

        for kolom in ("v_nummer", "telefoon", "email"):
            velden[kolom] = _tekst(rij.get(kolom))

        kolommen_met_fout = {f.kolom for f in self.fouten[aantal_fouten:]}
        deelnemer = Deelnemer(**{k: v for k, v in velden.items() if k not in kolommen_met_fout})
        # Dezelfde regels als het registratieformulier. Uniek-zijn controleren we hieronder in
        # bulk, niet per rij; het land komt al uit de landenlijst (de keuzecontrole van
        # CountryField kost per rij 250 vergelijkingen) en talen zitten niet in het bestand.
        for veld, berichten in deelnemer_fouten(
            deelnemer, exclude=[*kolommen_met_fout, "land_van_herkomst", "talen"]
        ).items():
            self.fout(rijnummer, veld if veld in KOLOMMEN else "", " ".join(map(str, berichten)))
        if len(self.fouten) > aantal_fouten:
            return None
        return deelnemer

    def dubbel_in_bestand(self, rijen: list[_Rij]) -> None:
        bsns: dict[str, int] = {}
        namen: dict[tuple, int] = {}
        for r in rijen:
            d = r.deelnemer
            if d.bsn:
                if d.bsn in bsns:
                    self.fout(r.rijnummer, "bsn", _(
                        "Dit BSN staat ook in rij %(rij)s van dit bestand."
                    ) % {"rij": bsns[d.bsn]})
                    continue
                bsns[d.bsn] = r.rijnummer
            naam = (_sleutel(d.voornaam), _sleutel(d.achternaam), d.geboortedatum)
            if naam in namen:
                self.fout(r.rijnummer, "", _(
                    "Dezelfde voornaam, achternaam en geboortedatum staan ook in rij %(rij)s "
                    "van dit bestand."
                ) % {"rij": namen[naam]})
                continue
            namen[naam] = r.rijnummer

    def dubbel_in_database(self, rijen: list[_Rij]) -> int:
        """Meldt rijen die al bestaan en geeft het aantal dat in de eigen gemeenten bestaat
        terug (vier queries). Een BSN van een deelnemer in een andere gemeente krijgt de
        neutrale weigering en een melding voor de beheerder, zoals bij registreren
        (`services/bsn.py`); het telt niet mee, want "alles bestaat al" zou het verraden."""
        houders = bsn_houders((r.deelnemer.bsn for r in rijen), door=self.door)
        elders = [
            (r.deelnemer.gemeente, houders[r.deelnemer.bsn]) for r in rijen
            if r.deelnemer.bsn in houders and not houders[r.deelnemer.bsn].zichtbaar
        ]
        if elders:
            bsn_andere_gemeente_melden(door=self.door, gevallen=elders, bron="import")
        datums = {r.deelnemer.geboortedatum for r in rijen}
        # Naam + geboortedatum alleen binnen de eigen gemeenten: daarbuiten ziet de medewerker
        # niets, en een naamgenoot elders is geen reden om te weigeren.
        bestaande_namen = {
            (_sleutel(v), _sleutel(a), g)
            for v, a, g in Deelnemer.objects.voor(self.door).filter(
                geboortedatum__in=datums
            ).values_list("voornaam", "achternaam", "geboortedatum")
        } if datums else set()
        aantal = 0
        for r in rijen:
            d = r.deelnemer
            houder = houders.get(d.bsn) if d.bsn else None
            if houder is not None and not houder.zichtbaar:
                self.fout(r.rijnummer, "bsn", str(BSN_NIET_BRUIKBAAR))
            elif houder is not None:
                self.fout(r.rijnummer, "bsn", str(BSN_BESTAAT))
                aantal += 1
            elif (_sleutel(d.voornaam), _sleutel(d.achternaam), d.geboortedatum) in (
                bestaande_namen
            ):
                self.fout(r.rijnummer, "", _(
                    "Er bestaat al een deelnemer met deze voornaam, achternaam en "
                    "geboortedatum in uw gemeenten."
                ))
                aantal += 1
        return aantal


def _volgorde(fout: Importfout) -> tuple[int, int]:
    kolom = KOLOMMEN.index(fout.kolom) if fout.kolom in KOLOMMEN else -1
    return (fout.rij or 0, kolom)


def controleer_bestand(*, inhoud: bytes, bestandsnaam: str, door) -> list[_Rij]:
    """Leest en controleert het hele bestand; geeft de deelnemers of `ImportGeweigerd`."""
    kolommen, data = lees_bestand(inhoud=inhoud, bestandsnaam=bestandsnaam)
    controle = _Controle(door=door)
    controle.kopregel(kolommen)
    if controle.fouten:
        raise ImportGeweigerd(controle.fouten)
    rijen = []
    for rijnummer, waarden in data:
        deelnemer = controle.rij(rijnummer, kolommen, waarden)
        if deelnemer is not None:
            rijen.append(_Rij(rijnummer, deelnemer))
    controle.dubbel_in_bestand(rijen)
    al_bestaand = controle.dubbel_in_database(rijen)
    if controle.fouten:
        fouten = sorted(controle.fouten, key=_volgorde)
        if al_bestaand == len(data):
            fouten.insert(0, Importfout(None, "", _(
                "Dit bestand lijkt al eerder geïmporteerd: alle %(aantal)s deelnemers bestaan "
                "al. Er is niets geïmporteerd."
            ) % {"aantal": al_bestaand}))
        raise ImportGeweigerd(fouten)
    return rijen


def deelnemers_importeren(*, inhoud: bytes, bestandsnaam: str, door) -> Importresultaat:
    """Importeer alle deelnemers uit het bestand, of geen enkele.

    Controleert eerst elke rij (zie de moduledocumentatie) en slaat dan alles op in één
    transactie. Tijdens het opslaan zijn de betrokken gemeenten vergrendeld en wordt opnieuw
    op bestaande deelnemers gecontroleerd, zodat twee gelijktijdige imports van hetzelfde
    bestand niets dubbel maken (PostgreSQL; SQLite laat schrijvers toch al op elkaar wachten).
    Geeft `ImportGeweigerd` met de fouten per rij; dan is er niets opgeslagen.
    """
    rijen = controleer_bestand(inhoud=inhoud, bestandsnaam=bestandsnaam, door=door)
    try:
        with transaction.atomic(), set_actor(door):
            gemeente_ids = sorted({r.deelnemer.gemeente_id for r in rijen})
            list(Gemeente.objects.select_for_update().filter(pk__in=gemeente_ids).order_by("pk"))
            herhaling = _Controle(door=door)
            herhaling.dubbel_in_database(rijen)
            if herhaling.fouten:
                raise ImportGeweigerd(herhaling.fouten)
            per_gemeente: dict[str, int] = {}
            for r in rijen:
                r.deelnemer.save()
                code = r.deelnemer.gemeente.cbs_code
                per_gemeente[code] = per_gemeente.get(code, 0) + 1
    except IntegrityError as exc:
        logger.warning("Import teruggedraaid door een databaseregel (%s)", type(exc).__name__)
        raise _bestandsfout(_(
            "Tijdens het opslaan bleek een deelnemer uit dit bestand al te bestaan (is er "
            "tegelijk iets ingevoerd?). Er is niets geïmporteerd; probeer het opnieuw."
        )) from exc
    return Importresultaat(aangemaakt=len(rijen), per_gemeente=per_gemeente)


# ---------------------------------------------------------------------------------------------
# Sjablonen om te downloaden


def sjabloon_csv() -> bytes:
    """De kopregel, met puntkomma's en een BOM zodat Nederlandse Excel hem goed opent."""
    return ("\ufeff" + ";".join(KOLOMMEN) + "\r\n").encode("utf-8")


def sjabloon_xlsx() -> bytes:
    """Een werkmap met een leeg blad ‘Deelnemers’ (kopregel) en een blad ‘Toelichting’."""
    import openpyxl
    from openpyxl.styles import Font

    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.title = _("Deelnemers")
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for kolom in blad.iter_cols(min_row=1, max_row=1):
        blad.column_dimensions[kolom[0].column_letter].width = max(14, len(kolom[0].value) + 4)
    blad.freeze_panes = "A2"
    uitleg = werkmap.create_sheet(_("Toelichting"))
    uitleg.append([_("kolom"), _("verplicht"), _("toelichting")])
    for cel in uitleg[1]:
        cel.font = Font(bold=True)
    for kolom in KOLOMMEN:
        verplicht = _("ja") if kolom in VERPLICHTE_KOLOMMEN else _("nee")
        uitleg.append([kolom, verplicht, str(KOLOM_TOELICHTING[kolom])])
    uitleg.column_dimensions["A"].width = 28
    uitleg.column_dimensions["C"].width = 90
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
