"""Het accesslog van gunicorn zonder geheimen in het pad (zie `config/gunicorn.conf.py`).

Het agenda-abonnement is een URL met een geheim token (`/agenda/feed/<token>.ics`); Outlook
vraagt hem elk uur op, en elk verzoek komt in het accesslog. Daar staat het pad met
`[geheim]` in plaats van het token (`gemeenten.logfilters.zonder_geheimen`).
"""

from gunicorn.glogging import Logger

from gemeenten.logfilters import zonder_geheimen


class AccesslogZonderGeheimen(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for sleutel in ("U", "r"):
            if atoms.get(sleutel):
                atoms[sleutel] = zonder_geheimen(atoms[sleutel])
        return atoms
