"""Een onafhankelijke dataset voor de rapportage, met de verwachte cijfers met de hand
uitgerekend (in test_handberekend.py, niet door de code te draaien).

Peildatum 30-09-2026. Drie programma's:

- P "Handprogramma" 01-01-2026 – 30-06-2027 (546 dagen; op de peildatum 273 verstreken, precies
  de helft), gemeenten Groningen, Emmen, Zwolle, Utrecht, Haarlem; vergeleken met R.
  Doelen trajecten gestart: hele programma 20; Groningen 8, Emmen 6, Zwolle 5, Utrecht 6.
- R "Handreferentie" 01-01-2006 – 31-12-2007, doel 10 personen geplaatst (de maatstaf).
  Alle deelnemers van R zijn geanonimiseerd (de echte AVG-functie).
- Q "Ander handprogramma" 2026: één geplaatste deelnemer in Groningen die nergens mag meetellen.

Deelnemers van P (gemeente van het traject; aanmelding → start; plaatsingen):

    A  Gr  10-01 → 01-02  geplaatst, coach C1, € 1000
           baan 31-03 t/m 30-09 (precies zes maanden), stage 01-05 t/m 15-06
    B  Gr  05-01 → 20-01  afgerond 30-04, coach C2, € 500; wep 28-02 t/m 28-08
           verhuist (service) naar Emmen; daar:
       Em  10-05 → 20-05  geplaatst, coach C1, € 700; baan 01-07
    C  Em  02-01 → 15-01  geplaatst, € 800; stage 31-01 t/m 30-07 (een dag te kort)
    D  Em  01-06 → 15-07  actief, € 300; proefplaatsing 20-07; baan getekend, begint 15-10
    E  Gr  01-02 → 01-03  nazorg, coach C1, € 1200; wep 10-04 t/m 10-06
    F  Zw  05-01 → 10-02  actief, € 250; opleiding 01-04, vrijwilligerswerk 01-05
    G  Zw  01-03 → 15-03  uitgevallen 01-04, € 0
    H  Gr  01-08 → –      aangemeld
    I  Gr  01-11-2025 → 01-12-2025 (vóór de looptijd), geplaatst, € 400; baan 10-01-2026
    J  Em  03-01 → 10-01  uitgevallen 28-02, coach C3, € 100
    L  Gr  01-02 → 15-02  geplaatst, coach C1, € 600; stage 01-08
           verhuist (service) met zijn open traject naar Emmen

Coaches: C1 (Groningen en Emmen, getraind 01-02-2026), C2 (Groningen, getraind 01-08-2026),
C3 (Emmen, niet getraind), C4 (Groningen, alleen coach in programma Q).

Opleidingsbudget, uitgaven (issue 14): A € 600 op 01-03 en € 150 op 05-10 (na de peildatum);
B2 € 400 op 01-06; C € 250 op 01-02; F € 100 op 01-04; I € 80 op 20-01-2026 (het traject
startte vóór de looptijd, de uitgave valt erin); en € 9999 in programma Q.
"""

from __future__ import annotations

import datetime

from gemeenten.models import Gemeente
from rapportage.constants import Indicator
from rapportage.factories import DoelstellingFactory, ProgrammaFactory
from trajecten.avg import anonimiseer
from trajecten.constants import Soort, Status
from trajecten.factories import (
    CoachFactory,
    DeelnemerFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from trajecten.models import Uitgave, UitgaveSoort
from trajecten.services import deelnemer_verhuizen

D = datetime.date
PEILDATUM = D(2026, 9, 30)


def _traject(programma, gemeente, deelnemer, aanmeld, start=None, *, status, eind=None,
             coach=None, kosten=0):
    return TrajectFactory(
        programma=programma, gemeente=gemeente, deelnemer=deelnemer, aanmelddatum=aanmeld,
        startdatum=start, einddatum=eind, status=status, coach=coach, kosten=kosten,
        reden_uitval="Teruggetrokken" if status == Status.UITGEVALLEN else "",
    )


def _plaatsing(traject, soort, start, eind=None):
    return PlaatsingFactory(traject=traject, soort=soort, startdatum=start, einddatum=eind)


def _uitgave(traject, bedrag, datum):
    """Een uitgave uit het opleidingsbudget (issue 14), rechtstreeks: de regels van de service
    (budget, reden) doen voor de telling niet ter zake."""
    return Uitgave.objects.create(traject=traject, soort=UitgaveSoort.CURSUS, bedrag=bedrag,
                                  datum=datum, reden_overschrijding="handdata")


def bouw(*, medewerker_groningen) -> dict:
    g = {c: Gemeente.objects.get(cbs_code=c)
         for c in ("GM0014", "GM0114", "GM0193", "GM0344", "GM0392")}
    gr, em, zw, ut, ha = g.values()

    r = ProgrammaFactory(naam="Handreferentie", startdatum=D(2006, 1, 1),
                         einddatum=D(2007, 12, 31), budget=None)
    p = ProgrammaFactory(naam="Handprogramma", startdatum=D(2026, 1, 1),
                         einddatum=D(2027, 6, 30), vergelijk_met=r)
    p.gemeenten.add(gr, em, zw, ut, ha)
    q = ProgrammaFactory(naam="Ander handprogramma", startdatum=D(2026, 1, 1),
                         einddatum=D(2026, 12, 31))
    q.gemeenten.add(gr)
    trajecten = Indicator.TRAJECTEN_GESTART
    DoelstellingFactory(programma=p, indicator=trajecten, streefwaarde=20)
    for gemeente, streefwaarde in ((gr, 8), (em, 6), (zw, 5), (ut, 6)):
        DoelstellingFactory(programma=p, indicator=trajecten, streefwaarde=streefwaarde,
                            gemeente=gemeente)
    DoelstellingFactory(programma=r, indicator=Indicator.PERSONEN_GEPLAATST, streefwaarde=10)

    c1 = CoachFactory(naam="Coach Een", gemeenten=[gr, em], getraind_op=D(2026, 2, 1))
    c2 = CoachFactory(naam="Coach Twee", gemeenten=[gr], getraind_op=D(2026, 8, 1))
    c3 = CoachFactory(naam="Coach Drie", gemeenten=[em], getraind_op=None)
    c4 = CoachFactory(naam="Coach Vier", gemeenten=[gr], getraind_op=D(2025, 1, 1))

    def persoon(gemeente):
        return DeelnemerFactory(gemeente=gemeente)

    a = persoon(gr)
    t = _traject(p, gr, a, D(2026, 1, 10), D(2026, 2, 1), status=Status.GEPLAATST, coach=c1,
                 kosten=1000)
    _plaatsing(t, Soort.BAAN, D(2026, 3, 31), D(2026, 9, 30))
    _plaatsing(t, Soort.STAGE, D(2026, 5, 1), D(2026, 6, 15))
    _uitgave(t, 600, D(2026, 3, 1))
    _uitgave(t, 150, D(2026, 10, 5))  # na de peildatum: telt (nog) niet

    b = persoon(gr)
    t = _traject(p, gr, b, D(2026, 1, 5), D(2026, 1, 20), status=Status.AFGEROND,
                 eind=D(2026, 4, 30), coach=c2, kosten=500)
    _plaatsing(t, Soort.WERKERVARINGSPLAATS, D(2026, 2, 28), D(2026, 8, 28))
    deelnemer_verhuizen(deelnemer=b, naar_gemeente=em, door=medewerker_groningen)
    t = _traject(p, em, b, D(2026, 5, 10), D(2026, 5, 20), status=Status.GEPLAATST, coach=c1,
                 kosten=700)
    _plaatsing(t, Soort.BAAN, D(2026, 7, 1))
    _uitgave(t, 400, D(2026, 6, 1))

    c = persoon(em)
    t = _traject(p, em, c, D(2026, 1, 2), D(2026, 1, 15), status=Status.GEPLAATST, kosten=800)
    _plaatsing(t, Soort.STAGE, D(2026, 1, 31), D(2026, 7, 30))
    _uitgave(t, 250, D(2026, 2, 1))

    d = persoon(em)
    t = _traject(p, em, d, D(2026, 6, 1), D(2026, 7, 15), status=Status.ACTIEF, kosten=300)
    _plaatsing(t, Soort.PROEFPLAATSING, D(2026, 7, 20))
    _plaatsing(t, Soort.BAAN, D(2026, 10, 15))

    e = persoon(gr)
    t = _traject(p, gr, e, D(2026, 2, 1), D(2026, 3, 1), status=Status.NAZORG, coach=c1,
                 kosten=1200)
    _plaatsing(t, Soort.WERKERVARINGSPLAATS, D(2026, 4, 10), D(2026, 6, 10))

    f = persoon(zw)
    t = _traject(p, zw, f, D(2026, 1, 5), D(2026, 2, 10), status=Status.ACTIEF, kosten=250)
    _plaatsing(t, Soort.OPLEIDING, D(2026, 4, 1))
    _plaatsing(t, Soort.VRIJWILLIGERSWERK, D(2026, 5, 1))
    _uitgave(t, 100, D(2026, 4, 1))

    _traject(p, zw, persoon(zw), D(2026, 3, 1), D(2026, 3, 15), status=Status.UITGEVALLEN,
             eind=D(2026, 4, 1))
    _traject(p, gr, persoon(gr), D(2026, 8, 1), status=Status.AANGEMELD)

    i = persoon(gr)
    t = _traject(p, gr, i, D(2025, 11, 1), D(2025, 12, 1), status=Status.GEPLAATST, kosten=400)
    _plaatsing(t, Soort.BAAN, D(2026, 1, 10))
    _uitgave(t, 80, D(2026, 1, 20))

    _traject(p, em, persoon(em), D(2026, 1, 3), D(2026, 1, 10), status=Status.UITGEVALLEN,
             eind=D(2026, 2, 28), coach=c3, kosten=100)

    ell = persoon(gr)
    t = _traject(p, gr, ell, D(2026, 2, 1), D(2026, 2, 15), status=Status.GEPLAATST, coach=c1,
                 kosten=600)
    _plaatsing(t, Soort.STAGE, D(2026, 8, 1))
    deelnemer_verhuizen(deelnemer=ell, naar_gemeente=em, door=medewerker_groningen)

    # Programma Q: telt nergens mee in P.
    t = _traject(q, gr, persoon(gr), D(2026, 1, 1), D(2026, 1, 5), status=Status.GEPLAATST,
                 coach=c4, kosten=9999)
    _plaatsing(t, Soort.BAAN, D(2026, 2, 1))
    _uitgave(t, 9999, D(2026, 2, 1))  # programma Q

    # Programma R (2006–2007): R1 t/m R3 binnen de looptijd geplaatst, R4 erna.
    for gemeente, aanmeld, start, eind, soort, p_start, p_eind in (
        (gr, D(2006, 1, 5), D(2006, 1, 10), D(2006, 12, 31), Soort.BAAN, D(2006, 3, 1),
         D(2006, 12, 31)),
        (em, D(2006, 5, 1), D(2006, 5, 10), D(2007, 3, 31), Soort.STAGE, D(2006, 10, 1),
         D(2007, 3, 31)),
        (gr, D(2007, 1, 1), D(2007, 1, 5), D(2007, 12, 31), Soort.WERKERVARINGSPLAATS,
         D(2007, 6, 1), D(2007, 12, 1)),
        (gr, D(2007, 6, 1), D(2007, 6, 10), D(2008, 6, 30), Soort.BAAN, D(2008, 2, 1),
         D(2008, 6, 30)),
    ):
        t = _traject(r, gemeente, persoon(gemeente), aanmeld, start, status=Status.AFGEROND,
                     eind=eind)
        _plaatsing(t, soort, p_start, p_eind)
    geanonimiseerd = anonimiseer(peildatum=PEILDATUM).deelnemers

    return {"p": p, "q": q, "r": r, "geanonimiseerd": geanonimiseerd, "gemeenten": g}
