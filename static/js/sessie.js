/*
 * De sessieklok (zie gemeenten/beveiliging.py, `sessietijden`): twee minuten vóór de
 * inactiviteitsgrens opent de melding "Blijf ingelogd" (niet-modaal, focus op de knop, Escape
 * sluit); typen in een formulier verlengt de sessie, hooguit eens per minuut. De twaalfurengrens
 * na het inloggen wordt genoemd, maar kan niet verlengd worden. Na het einde zegt de melding dat
 * de sessie verlopen is; concept.js zorgt dat de invoer van een formulier dan niet verloren gaat.
 * Zonder JavaScript werkt de pagina gewoon, alleen zonder melding.
 */
(function () {
  "use strict";

  /* --- Sessie: melding vóór de time-out, verlengen bij typen --------------------------------
   * De pagina krijgt van de server de seconden tot de inactiviteitsgrens en tot de
   * twaalfurengrens (#sessie-melding, data-*). Andere tabbladen van dezelfde browser delen
   * dezelfde sessie; via localStorage (alleen tijdstippen) kent elk tabblad de laatste stand. */
  var KLOK = "bo-sessieklok";
  // De server beëindigt de sessie pas als de termijn in hele seconden voorbij is; pas daarna
  // heet hij hier verlopen (anders staat "Opnieuw inloggen" er een tel te vroeg).
  var MARGE_MS = 2000;

  function sessieBewaking() {
    var melding = document.getElementById("sessie-melding");
    if (!melding || typeof melding.show !== "function") {
      return;
    }
    var gegevens = melding.dataset;
    var termijn = Number(gegevens.termijn) * 1000;
    var waarschuwen = Number(gegevens.waarschuwen) * 1000;
    var verlengenNa = Number(gegevens.verlengenNa) * 1000;
    var klok = nieuweKlok(Number(gegevens.inactief), Number(gegevens.absoluut));
    var staat = null;
    var weggeklikt = null;
    var vorigeFocus = null;
    var bezig = false;

    function nieuweKlok(inactief, absoluut) {
      var nu = Date.now();
      return {inactief: nu + inactief * 1000, absoluut: nu + absoluut * 1000, gezet: nu};
    }

    function deel() {
      try {
        window.localStorage.setItem(KLOK, JSON.stringify(klok));
      } catch (e) { /* zonder opslag kent alleen dit tabblad de klok */ }
    }

    function laatsteStand() {
      try {
        var gedeeld = JSON.parse(window.localStorage.getItem(KLOK));
        if (gedeeld && gedeeld.gezet > klok.gezet) {
          klok = gedeeld;
        }
      } catch (e) { /* idem */ }
    }

    function bepaalStaat(nu) {
      var einde = Math.min(klok.inactief, klok.absoluut);
      if (nu >= einde + MARGE_MS) {
        return "verlopen";
      }
      if (einde - nu <= waarschuwen) {
        return klok.absoluut <= klok.inactief ? "absoluut" : "inactief";
      }
      return null;
    }

    function tijd(ms) {
      return new Date(ms).toLocaleTimeString(document.documentElement.lang || undefined, {
        hour: "2-digit", minute: "2-digit"
      });
    }

    function toon() {
      melding.querySelectorAll("[data-toon]").forEach(function (el) {
        el.hidden = el.dataset.toon !== staat;
      });
      melding.querySelectorAll("time[data-einde]").forEach(function (el) {
        var ms = klok[el.dataset.einde];
        el.textContent = tijd(ms);
        el.dateTime = new Date(ms).toISOString();
      });
      // Komt de twaalfurengrens vóór het einde van een verlengde sessie, dan zegt de melding dat.
      melding.querySelector("[data-absoluut-nabij]").hidden =
        !(staat === "inactief" && klok.absoluut - Date.now() < termijn);
    }

    function openen() {
      if (!melding.open) {
        vorigeFocus = document.activeElement;
        melding.show();
      }
      var knop = melding.querySelector("[data-sessie-actie]:not([hidden])");
      if (knop) {
        knop.focus();
      }
    }

    function sluiten() {
      if (!melding.open) {
        return;
      }
      var terug = melding.contains(document.activeElement) ? vorigeFocus : null;
      melding.close();
      vorigeFocus = null;
      if (terug && terug !== document.body && document.contains(terug)) {
        terug.focus();
      }
    }

    function tik() {
      laatsteStand();
      var nieuw = bepaalStaat(Date.now());
      if (nieuw === staat) {
        return;
      }
      staat = nieuw;
      if (!staat) {
        weggeklikt = null;
        sluiten();
        return;
      }
      toon();
      if (weggeklikt !== staat) {
        openen();
      }
    }

    function verlopen() {
      var nu = Date.now();
      klok = {inactief: nu - MARGE_MS, absoluut: klok.absoluut, gezet: nu};
      deel();
    }

    function verlengen() {
      if (bezig) {
        return;
      }
      bezig = true;
      window.fetch(gegevens.verlengenUrl, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",  // verlopen: de server stuurt door naar het inloggen
        cache: "no-store",
        headers: {"X-CSRFToken": gegevens.csrf, "Accept": "application/json"}
      }).then(function (antwoord) {
        if (antwoord.ok) {
          return antwoord.json().then(function (tijden) {
            klok = nieuweKlok(tijden.inactief, tijden.absoluut);
            deel();
          });
        }
        if (antwoord.type === "opaqueredirect" || antwoord.status === 403) {
          verlopen();
        }
        return null;
      }).catch(function () {
        // Geen verbinding: de klok loopt door; de volgende toetsaanslag probeert het opnieuw.
      }).then(function () {
        bezig = false;
        tik();
      });
    }

    function bijTypen(event) {
      if (staat === "verlopen" || !event.target.closest || !event.target.closest("form")) {
        return;
      }
      // De laatste activiteit die de server kent: het einde min de termijn.
      if (Date.now() - (klok.inactief - termijn) >= verlengenNa) {
        verlengen();
      }
    }

    melding.addEventListener("click", function (event) {
      var knop = event.target.closest("[data-sessie-actie]");
      if (!knop) {
        return;
      }
      var actie = knop.dataset.sessieActie;
      if (actie === "verlengen") {
        verlengen();
      } else if (actie === "sluiten") {
        weggeklikt = staat;
        sluiten();
      }  // "inloggen" is een gewone link; concept.js bewaart eerst de invoer
    });
    melding.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        weggeklikt = staat;
        sluiten();
      }
    });
    // Alleen "input" (typen, kiezen, aanvinken): "change" komt ook bij het verlaten van een veld,
    // bijvoorbeeld als de melding zelf de focus neemt, en dat is geen activiteit.
    document.addEventListener("input", bijTypen, true);
    document.addEventListener("submit", function (event) {
      if (event.target.classList.contains("app-logout")) {
        verlopen();
      }
    }, true);
    window.addEventListener("storage", function (event) {
      if (event.key === KLOK) {
        tik();
      }
    });
    document.addEventListener("visibilitychange", tik);
    deel();
    tik();
    window.setInterval(tik, 1000);
  }

  document.addEventListener("DOMContentLoaded", sessieBewaking);
})();
