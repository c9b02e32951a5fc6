"""Bulkimport van deelnemers uit een CSV- of XLSX-bestand (de spreadsheets van gemeenten).

Drie stappen, elk in een eigen module: lezen en begrenzen (`trajecten.importbestand`: vorm,
grootte, rijen, kolommen, cellen, zip en XML), controleren per rij (hier: `controleer_bestand`)
en opslaan (`trajecten.import_opslaan.deelnemers_importeren`, hier ook te importeren).

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
  melding, nooit een serverfout; een vijandig bestand (zip-bom, XML-entiteiten, miljoenen
  kolommen of lege rijen) wordt geweigerd zodra een grens bereikt is, binnen een vaste
  hoeveelheid geheugen en tijd (`trajecten.importbestand`);
- elke deelnemer wordt met `save()` opgeslagen (niet met `bulk_create`), zodat de
  wijzigingshistorie (django-auditlog, met de importeur als actor) elke deelnemer vastlegt. De
  dashboards volgen via de databasetriggers van de rapportage, hoe er ook geschreven wordt.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from gemeenten.models import Gemeente

from .constants import Inburgering, Opleidingsniveau, Taalniveau
from .importbestand import (
    DATUMKOLOMMEN,
    KOLOM_ALIASSEN,
    KOLOM_TOELICHTING,
    KOLOMMEN,
    MAX_BESTANDSGROOTTE,
    MAX_CELLENGTE,
    MAX_GETOONDE_FOUTEN,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    MAX_XLSX_UITGEPAKT,
    VERPLICHTE_KOLOMMEN,
    Importfout,
    ImportGeweigerd,
    lees_bestand,
    sjabloon_csv,
    sjabloon_xlsx,
)
from .importbestand import is_leeg as _is_leeg
from .importbestand import tekst as _tekst
from .models import Deelnemer
from .services import (
    BSN_BESTAAT,
    BSN_NIET_BRUIKBAAR,
    bsn_andere_gemeente_melden,
    bsn_houders,
    deelnemer_fouten,
)
from .validators import normaliseer_bsn

# ---------------------------------------------------------------------------------------------
# Waarden omzetten


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


#: Om de hoeveel rijen de voortgang wordt doorgegeven (een UPDATE per keer).
VOORTGANG_PER = 250


def controleer_bestand(
    *, inhoud: bytes, bestandsnaam: str, door, voortgang: Callable[[int], None] | None = None
) -> list[_Rij]:
    """Leest en controleert het hele bestand; geeft de deelnemers of `ImportGeweigerd`.

    `voortgang(n)` hoort elke `VOORTGANG_PER` rijen hoeveel er gecontroleerd zijn."""
    kolommen, data = lees_bestand(inhoud=inhoud, bestandsnaam=bestandsnaam)
    controle = _Controle(door=door)
    controle.kopregel(kolommen)
    if controle.fouten:
        raise ImportGeweigerd(controle.fouten)
    rijen = []
    for n, (rijnummer, waarden) in enumerate(data, start=1):
        deelnemer = controle.rij(rijnummer, kolommen, waarden)
        if deelnemer is not None:
            rijen.append(_Rij(rijnummer, deelnemer))
        if voortgang is not None and n % VOORTGANG_PER == 0:
            voortgang(n)
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




# Het opslaan staat in een eigen module, die `_Controle` en `controleer_bestand` hierboven
# gebruikt; hier opnieuw beschikbaar (pas bij gebruik geladen, dus in elke importvolgorde) zodat
# `trajecten.importeren` de ingang blijft.
_UIT_OPSLAAN = ("Importresultaat", "deelnemers_importeren", "deelnemers_opslaan")


def __getattr__(naam: str):
    if naam in _UIT_OPSLAAN:
        from . import import_opslaan

        return getattr(import_opslaan, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


__all__ = [
    "KOLOMMEN",
    "KOLOM_ALIASSEN",
    "KOLOM_TOELICHTING",
    "MAX_BESTANDSGROOTTE",
    "MAX_CELLENGTE",
    "MAX_GETOONDE_FOUTEN",
    "MAX_KOLOMMEN",
    "MAX_RIJEN",
    "MAX_XLSX_UITGEPAKT",
    "VERPLICHTE_KOLOMMEN",
    "ImportGeweigerd",
    "Importfout",
    "controleer_bestand",
    "lees_bestand",
    "sjabloon_csv",
    "sjabloon_xlsx",
]
