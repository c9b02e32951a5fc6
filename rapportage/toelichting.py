"""De definities van de indicatoren in woorden, voor het blad "Toelichting" van het
XLSX-rapport. Dezelfde teksten staan in docs/domain.md, sectie "Indicatoren"; een test
controleert dat ze daar letterlijk staan, zodat code, rapport en documentatie niet uiteenlopen.
"""

from django.utils.translation import gettext_lazy as _

from .indicatoren.werkgevers import DEFINITIES as WERKGEVER_DEFINITIES

DEFINITIES = [
    (_("Periode"), _(
        "De periode van het filter loopt van de begindatum tot en met de einddatum, beide "
        "inclusief. Zonder filter is het de looptijd van het programma; wie een ander "
        "programma kiest, krijgt de looptijd van dat programma. Datums buiten 1-1-1900 tot en "
        "met 31-12-2100 worden met een melding geweigerd."
    )),
    (_("Peildatum"), _(
        "De dag waarop de cijfers berekend zijn (vandaag). Wat na de peildatum begint, is nog "
        "niet gebeurd: het telt niet in trajecten gestart, personen geplaatst, de plaatsingen "
        "per soort, de uitstroom, de kosten per plaatsing, de doorlooptijd, de trend en de "
        "prognose."
    )),
    (_("Trajecten gestart"), _(
        "Trajecten van het programma met een startdatum (de datum van de intake) in de "
        "periode, binnen de looptijd van het programma en op of vóór de peildatum. Een traject "
        "dat vóór het begin of na het einde van het programma startte, telt niet."
    )),
    (_("Werk"), _(
        "Een plaatsing van de soort baan, stage of werkervaringsplaats (de telling van het "
        "Banenoffensief). Een proefplaatsing is een voorportaal en telt niet als werk en in "
        "geen enkele uitstroomcategorie."
    )),
    (_("Personen geplaatst"), _(
        "Verschillende deelnemers met minstens één baan, stage of werkervaringsplaats die in "
        "de periode begon, op of vóór de peildatum, op een traject van het programma in de "
        "gekozen gemeenten. Wie twee keer geplaatst is, telt één keer."
    )),
    (_("Getekend, nog niet gestart"), _(
        "Deelnemers met een baan, stage of werkervaringsplaats die in de periode begint, maar "
        "pas na de peildatum, en die nog niet als geplaatst tellen; ze tellen mee zodra de "
        "plaatsing begonnen is. Per soort plaatsing: het aantal plaatsingen dat in de periode "
        "na de peildatum begint."
    )),
    (_("Plaatsingen per soort"), _(
        "Het aantal plaatsingen van elke soort dat in de periode begon, op of vóór de "
        "peildatum; één persoon kan meer plaatsingen hebben."
    )),
    (_("Verhuizing"), _(
        "Een traject hoort bij precies één gemeente en telt daar. Bij een verhuizing gaan de "
        "open trajecten met al hun plaatsingen mee naar de nieuwe gemeente; afgesloten "
        "trajecten blijven bij de oude gemeente."
    )),
    (_("Maanden optellen"), _(
        "Een datum plus n kalendermaanden valt op dezelfde dag van de doelmaand, of op de "
        "laatste dag van die maand als die dag er niet is: 31 maart + 6 maanden = 30 "
        "september, 31 augustus + 6 maanden = 28 februari (in een schrikkeljaar 29 februari), "
        "29 februari + 6 maanden = 29 augustus. Op SQLite en PostgreSQL gelijk."
    )),
    (_("Duurzaam geplaatst"), _(
        "Noemer: banen, stages en werkervaringsplaatsen die in de periode begonnen en waarvan "
        "de datum start + 6 kalendermaanden op of vóór de peildatum ligt. Teller: die daarvan "
        "die op die datum nog liepen, dus zonder einddatum of met een einddatum op of na die "
        "datum; een plaatsing van 31 maart tot en met 30 september telt dus als duurzaam. "
        "Getoond als percentage met de aantallen erbij (bijvoorbeeld 11 van 16)."
    )),
    (_("Kosten per plaatsing"), _(
        "De som van de kosten van de trajecten die als gestart tellen, gedeeld door personen "
        "geplaatst in dezelfde periode; naast de norm van het Banenoffensief 2006–2009 "
        "(€ 2.500 per plaatsing)."
    )),
    (_("Doorlooptijd"), _(
        "Per traject het aantal dagen van de aanmelddatum tot de start van de eerste baan, "
        "stage of werkervaringsplaats van dat traject (op of vóór de peildatum), voor "
        "trajecten waarvan die eerste plaatsing in de periode begon; daarvan de mediaan."
    )),
    (_("Open in de periode"), _(
        "Een traject is open van zijn aanmelddatum tot en met zijn einddatum; zonder "
        "einddatum is het nog open. Het is open in de periode als het op minstens één dag van "
        "de periode, tot en met de peildatum, open was."
    )),
    (_("Coaches"), _(
        "Coaches actief: verschillende coaches die coach zijn van minstens één traject van het "
        "programma in de gekozen gemeenten dat open was in de periode. Coaches getraind: die "
        "van hen die op of vóór het einde van de periode als werkcoach getraind zijn. "
        "Deelnemers per coach: verschillende deelnemers met zo'n open traject met coach, "
        "gedeeld door coaches actief."
    )),
    (_("Uitstroom"), _(
        "Aandelen van deelnemers, zoals de KIS-monitor. Noemer: deelnemers met een traject "
        "van het programma dat open was in de periode. Teller: die van hen met op zo'n traject "
        "een plaatsing die in de periode begon (op of vóór de peildatum): werk is baan, stage "
        "of werkervaringsplaats, onderwijs is opleiding of leerwerktraject, vrijwilligerswerk "
        "is vrijwilligerswerk. Bij onderwijs en vrijwilligerswerk telt ook wie zo'n traject "
        "afgerond heeft met reden onderwijs, respectievelijk vrijwilligerswerk / "
        "participatie, met de einddatum van het traject in de periode (op of vóór de "
        "peildatum); reden werk, verhuisd of anders telt in geen categorie. "
        "Nog niet gestart: die van hen zonder traject dat op het einde "
        "van de periode (of de peildatum) voorbij aangemeld was. Iemand kan in meer dan één "
        "categorie vallen."
    )),
    (_("KIS-monitor (referentie)"), _(
        "De KIS-monitor 2017 onder 256 gemeenten: 8 % naar werk, 12 % naar onderwijs, een "
        "kwart vrijwilligerswerk gericht op werk plus een kwart voor participatie (samen 50 %), "
        "37 % nog niet gestart. Dat zijn aandelen van alle vluchtelingen in die gemeenten over "
        "een jaar: een referentie, geen vergelijking van gelijke groepen."
    )),
    (_("Doelstelling en realisatie"), _(
        "Een doelstelling geldt voor het hele programma (landelijk, alle gemeenten) of voor "
        "één gemeente, over haar eigen periode (standaard de looptijd van het programma), los "
        "van het filter. Waarde: de indicator over die gemeenten en die periode, tot en met de "
        "peildatum. Realisatie: waarde gedeeld door streefwaarde, als percentage. Een gemeente "
        "staat tegenover haar eigen doel, met de landelijke realisatie ernaast, nooit "
        "tegenover het landelijke doel."
    )),
    (_("Prognose"), _(
        "De waarde plus het aantal nieuwe gevallen in de laatste 90 dagen tot en met de "
        "peildatum, gedeeld door 90 en vermenigvuldigd met het aantal resterende dagen tot het "
        "einde van de periode van het doel. Kort na de start telt het venster vanaf de start. "
        "Vóór de start is er geen prognose; na het einde is de prognose gelijk aan de waarde."
    )),
    (_("Achter op schema"), _(
        "Een doel is achter op schema als de realisatie meer dan 10 procentpunten lager is "
        "dan het deel van zijn periode dat op de peildatum verstreken is (in dagen, beide "
        "grenzen meegeteld), exact berekend: na de helft van de looptijd is 39,9 % achter op "
        "schema en 40 % niet. Getoond in tekst en met een icoon."
    )),
    (_("Vergelijking met 2006–2009"), _(
        "Dag N is het aantal dagen van de start van het programma tot en met de peildatum (of "
        "het einde). Naast elkaar staan personen geplaatst in het programma tot en met dag N "
        "en in het Banenoffensief 2006–2009 tot en met zijn dag N (of zijn einde), beide "
        "landelijk en tegenover de maatstaf van 2600 personen. Daaronder het eindresultaat van "
        "2006–2009, berekend uit de gegevens, en apart het gepubliceerde cijfer: 2327 van 2600, "
        "afgerond 90 %."
    )),
    (_("Totaalrij"), _(
        "De totaalrij telt over de hele selectie: verschillende personen en coaches, geen "
        "optelling van de rijen. Wie na een verhuizing in twee gemeenten geplaatst is, staat "
        "in beide rijen maar telt één keer in het totaal; een coach die in twee gemeenten "
        "werkt ook. Het totaal kan dus kleiner zijn dan de som van de rijen. Trajecten "
        "gestart, de plaatsingen (per soort en duurzaam) en de kosten horen elk bij één "
        "traject en tellen wel precies op."
    )),
    (_("Trend per maand"), _(
        "Gestart per maand: trajecten gestart naar de maand van hun startdatum. Geplaatst per "
        "maand: personen naar de maand van hun eerste plaatsing in de periode; opgeteld is dat "
        "personen geplaatst. De cumulatieve lijnen lopen tot en met de maand van de peildatum "
        "en eindigen op de kerncijfers. De doellijn verdeelt de streefwaarde gelijkmatig over "
        "de dagen van de periode van het doel."
    )),
    (_("Statustrechter"), _(
        "Trajecten aangemeld in de periode, naar hun huidige status; ten minste bereikt telt "
        "ook de trajecten die al verder zijn. Uitgevallen staat apart."
    )),
    # Werkgevers als partner (issue 16), achteraan:
    *WERKGEVER_DEFINITIES,
]

#: De uitleg bij de totaalrij, op het scherm en in het rapport.
TOTAALRIJ = _(
    "Het totaal telt verschillende personen en coaches over de hele selectie. Het kan kleiner "
    "zijn dan de som van de rijen: wie na een verhuizing in twee gemeenten geplaatst is, of een "
    "coach die in twee gemeenten werkt, telt in beide rijen maar één keer in het totaal."
)
