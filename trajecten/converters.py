"""Padparameters die zeggen welk object een nummer in de URL aanwijst.

`trajecten/<traject:pk>/intake/` in plaats van `<int:pk>`: het pad is hetzelfde (alleen
cijfers), maar de view krijgt een `Objectnummer` dat weet welk model het aanwijst. Het
toegangslog (`gemeenten.toegangslog.ToegangslogMiddleware`) koppelt daarmee elke getoonde pagina
en elke geweigerde poging aan de deelnemer, zonder dat een view eraan hoeft te denken. Een nieuwe
URL met een nummer van een dossierobject gebruikt dus één van deze namen, nooit `int`
(`tests/beveiliging/test_verhuizing_toegang.py` controleert dat).
"""

from django.urls import register_converter

from gemeenten.toegangslog import ObjectnummerConverter


class DeelnemerNummer(ObjectnummerConverter):
    model = "trajecten.deelnemer"


class TrajectNummer(ObjectnummerConverter):
    model = "trajecten.traject"


class PlaatsingNummer(ObjectnummerConverter):
    model = "trajecten.plaatsing"


class WerkgeverNummer(ObjectnummerConverter):
    model = "trajecten.werkgever"


class AfspraakNummer(ObjectnummerConverter):
    model = "trajecten.afspraak"


class ActieNummer(ObjectnummerConverter):
    model = "trajecten.actie"


class DocumentNummer(ObjectnummerConverter):
    model = "trajecten.document"
class BijeenkomstNummer(ObjectnummerConverter):
    model = "trajecten.bijeenkomst"


class VacatureNummer(ObjectnummerConverter):
    model = "trajecten.vacature"


class VoordrachtNummer(ObjectnummerConverter):
    model = "trajecten.voordracht"


for _naam, _converter in {
    "deelnemer": DeelnemerNummer,
    "traject": TrajectNummer,
    "plaatsing": PlaatsingNummer,
    "werkgever": WerkgeverNummer,
    "afspraak": AfspraakNummer,
    "actie": ActieNummer,
    "document": DocumentNummer,
    "bijeenkomst": BijeenkomstNummer,
    "vacature": VacatureNummer,
    "voordracht": VoordrachtNummer,
}.items():
    register_converter(_converter, _naam)
