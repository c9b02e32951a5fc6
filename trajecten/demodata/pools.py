"""Waaruit de demogegevens kiezen: namen, beroepen, belemmeringen, notities en gewichten.

Alleen gegevens, geen code. De namen van deelnemers komen uit de pools van de factories
(`trajecten.factories.NAMEN`), aangevuld met `EXTRA_NAMEN`.
"""

from ..constants import Belemmering, Inburgering, Sector, Soort, Taalniveau, Uitvoerder

BEROEPEN = {
    Sector.ZORG: ["Verzorgende IG", "Helpende zorg en welzijn", "Verpleegkundige",
                  "Apothekersassistent"],
    Sector.TECHNIEK: ["Monteur elektrotechniek", "Lasser", "Installatiemonteur", "CNC-operator"],
    Sector.BOUW: ["Timmerman", "Metselaar", "Schilder", "Grondwerker"],
    Sector.LOGISTIEK: ["Magazijnmedewerker", "Chauffeur C", "Heftruckchauffeur", "Orderpicker"],
    Sector.HORECA: ["Kok", "Medewerker bediening", "Keukenhulp"],
    Sector.DETAILHANDEL: ["Verkoopmedewerker", "Vakkenvuller", "Kassamedewerker"],
    Sector.ICT: ["Softwareontwikkelaar", "Systeembeheerder", "Servicedeskmedewerker"],
    Sector.ONDERWIJS: ["Onderwijsassistent", "Docent wiskunde", "Tolk-vertaler"],
    Sector.SCHOONMAAK: ["Schoonmaker", "Medewerker facilitair"],
    Sector.LANDBOUW: ["Medewerker glastuinbouw", "Hovenier"],
    Sector.ADMINISTRATIE: ["Administratief medewerker", "Boekhouder"],
    Sector.OVERHEID: ["Klantmanager", "Medewerker publiekszaken"],
    Sector.OVERIG: ["Kapper", "Fietsenmaker", "Naaister"],
}
SECTOREN = list(BEROEPEN)

STAPPEN = {
    Belemmering.TAAL: "taalcursus tot niveau B1",
    Belemmering.GEZONDHEID: "afstemming met de huisarts over belastbaarheid",
    Belemmering.KINDEROPVANG: "kinderopvang regelen",
    Belemmering.VERVOER: "fietsles en een OV-route naar het werk",
    Belemmering.DIPLOMAWAARDERING: "diploma laten waarderen (IDW)",
    Belemmering.HUISVESTING: "contact met de woningcorporatie",
    Belemmering.SCHULDEN: "aanmelding bij schuldhulpverlening",
    Belemmering.TRAUMA: "doorverwijzing naar passende zorg",
    Belemmering.OVERIG: "maatwerkafspraak met de coach",
}
BELEMMERING_GEWICHT = {
    Belemmering.TAAL: 60, Belemmering.DIPLOMAWAARDERING: 25, Belemmering.KINDEROPVANG: 15,
    Belemmering.VERVOER: 15, Belemmering.GEZONDHEID: 10, Belemmering.HUISVESTING: 10,
    Belemmering.SCHULDEN: 6, Belemmering.TRAUMA: 6, Belemmering.OVERIG: 4,
}

REDENEN_UITVAL = [
    "Verhuisd naar een andere regio",
    "Gezondheidsproblemen; traject gepauzeerd en niet hervat",
    "Geen contact meer ondanks herhaalde pogingen",
    "Zorg voor het gezin gaat voor",
    "Gestart met een voltijdopleiding buiten het traject",
    "Verhuisd naar het buitenland",
    "Traject past niet bij de situatie van de deelnemer",
]
NOTITIES_GESPREK = [
    "Voortgang besproken; afspraken in het actieplan bijgewerkt.",
    "Cv samen doorgenomen en aangepast.",
    "Sollicitatiegesprek geoefend.",
    "Taalcursus loopt; volgende stap besproken.",
    "Beroepswens en mogelijkheden in de regio besproken.",
    "Diplomawaardering en vervolgopleiding besproken.",
]
NOTITIES_NAZORG = [
    "Nazorg: gaat goed op het werk; werkgever tevreden.",
    "Nazorg: vragen over loonstrook en toeslagen beantwoord.",
    "Nazorg: rooster lastig met kinderopvang; samen een oplossing gezocht.",
    "Nazorg: contract wordt verlengd.",
    "Nazorg: gesprek met de leidinggevende over taalondersteuning op de werkvloer.",
]
NOTITIES_WERKGEVER = [
    "Kennismaking met de werkgever; functie-eisen besproken.",
    "Afspraken gemaakt over begeleiding op de werkvloer.",
    "Plaatsing geëvalueerd met de werkgever.",
]

UITVOERDERS = [
    (Uitvoerder.VLUCHTELINGENWERK, 45), (Uitvoerder.GEMEENTE, 20), (Uitvoerder.UWV, 15),
    (Uitvoerder.UAF, 10), (Uitvoerder.EMPLOOI, 10),
]
HISTORISCHE_UITVOERDERS = [
    (Uitvoerder.VLUCHTELINGENWERK, 50), (Uitvoerder.EMPLOOI, 20), (Uitvoerder.UAF, 15),
    (Uitvoerder.UWV, 15),
]
TAALNIVEAUS = [
    (Taalniveau.A0, 8), (Taalniveau.A1, 22), (Taalniveau.A2, 30), (Taalniveau.B1, 27),
    (Taalniveau.B2, 9), (Taalniveau.C1, 3), (Taalniveau.C2, 1),
]
GEPLAATST_GEWICHT = [(Soort.BAAN, 55), (Soort.STAGE, 20), (Soort.WERKERVARINGSPLAATS, 25)]
VOORPORTAAL_GEWICHT = [
    (Soort.PROEFPLAATSING, 35), (Soort.OPLEIDING, 25), (Soort.VRIJWILLIGERSWERK, 25),
    (Soort.LEERWERKTRAJECT, 15),
]
HISTORISCHE_INBURGERING = [
    (Inburgering.AFGEROND, 60), (Inburgering.VRIJGESTELD, 20), (Inburgering.BEZIG, 15),
    (Inburgering.NIET_GESTART, 5),
]
#: Landen van herkomst in 2006–2009 (de pools van de factories).
HISTORISCHE_LANDEN = ["AF", "IQ", "IR", "SO", "ER", "TR"]

#: Extra namen bovenop de pools van de factories, zodat lijsten niet vol dubbele namen staan.
EXTRA_NAMEN = {
    "SY": (["Bashar", "Dima", "Fadi", "Ghada", "Hassan", "Joud", "Majd", "Nour", "Sami", "Yara"],
           ["Al-Khatib", "Homsi", "Aziz", "Barakat", "Hamwi", "Kassab", "Sabbagh", "Zein"]),
    "ER": (["Abrehet", "Daniel", "Eden", "Merhawi", "Luwam", "Samuel", "Senait", "Tesfalem"],
           ["Asfaha", "Gebreyesus", "Mehari", "Negash", "Tsegay", "Yohannes", "Habte"]),
    "AF": (["Bashir", "Fatima", "Hamid", "Khadija", "Nasrin", "Sohrab", "Wahid", "Zarghona"],
           ["Amiri", "Haidari", "Popal", "Safi", "Stanikzai", "Wardak", "Yousufzai"]),
    "IR": (["Arash", "Bahar", "Farhad", "Mina", "Omid", "Roya", "Sina", "Yasmin"],
           ["Ahmadi", "Ebrahimi", "Ghorbani", "Kazemi", "Nouri", "Sadeghi", "Zamani"]),
    "IQ": (["Ahmed", "Dunya", "Hussein", "Israa", "Karim", "Maryam", "Saif", "Wafaa"],
           ["Al-Ani", "Al-Tikriti", "Jawad", "Mahmoud", "Salih", "Younis"]),
}

#: Fictieve werkgeversnamen: een Nederlandse achternaam of plaats met een woord per sector.
WERKGEVER_NAMEN = ["Bakker", "De Vries", "Jansen", "Visser", "Smit", "Meijer", "De Boer",
                   "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra",
                   "Kok", "Van Dam", "Postma", "Hoekstra", "Veenstra"]
WERKGEVER_SOORT = {
    Sector.ZORG: ["Zorggroep {}", "Thuiszorg {}", "Woonzorgcentrum {}"],
    Sector.TECHNIEK: ["{} Installatietechniek", "{} Elektrotechniek", "Metaalbewerking {}"],
    Sector.BOUW: ["Bouwbedrijf {}", "{} Bouw & Onderhoud"],
    Sector.LOGISTIEK: ["{} Logistiek", "Transportbedrijf {}", "Distributiecentrum {}"],
    Sector.HORECA: ["Restaurant {}", "Hotel {}", "{} Catering"],
    Sector.DETAILHANDEL: ["Supermarkt {}", "{} Bouwmarkt", "Warenhuis {}"],
    Sector.ICT: ["{} IT-diensten", "{} Software"],
    Sector.ONDERWIJS: ["Scholengroep {}", "Kinderopvang {}"],
    Sector.SCHOONMAAK: ["Schoonmaakbedrijf {}", "{} Facilitair"],
    Sector.LANDBOUW: ["Kwekerij {}", "Hoveniersbedrijf {}", "Melkveebedrijf {}"],
    Sector.ADMINISTRATIE: ["Administratiekantoor {}", "{} Accountants"],
    Sector.OVERHEID: ["Gemeentewerken {}", "Waterschap {}"],
    Sector.OVERIG: ["{} Fietsen", "Kapsalon {}", "Kringloop {}"],
}
