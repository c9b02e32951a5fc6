/*
 * Geen verloren werk door een sessie die afloopt (zie ook gemeenten/beveiliging.py).
 * - Twee minuten vóór de inactiviteitsgrens opent de melding "Blijf ingelogd" (niet-modaal,
 *   focus op de knop, Escape sluit); typen in een formulier verlengt de sessie, hooguit eens
 *   per minuut. De twaalfurengrens na het inloggen wordt genoemd, maar kan niet verlengd worden.
 * - Wordt een formulier toch verstuurd na het einde van de sessie, dan gaat de gebruiker via
 *   het inloggen terug naar het formulier en zet dit script zijn invoer terug.
 * Zonder JavaScript werkt de pagina gewoon, alleen zonder melding en vangnet.
 */
(function () {
  "use strict";

  /* --- Concept: de invoer van een formulier bewaren tot na het opnieuw inloggen ------------
   * Bij het versturen (en bij "Opnieuw inloggen") komt de invoer in sessionStorage: alleen in dit
   * tabblad, nooit naar de server of een ander apparaat, weg zodra het tabblad sluit. Op de
   * eerstvolgende pagina met een sessie wordt het concept gewist; alleen als dat het formulier
   * zelf is, vers geopend (na het inloggen) en zonder foutmeldingen, komt de invoer terug. Een
   * geslaagde opslag stuurt door naar een andere pagina, dus daar wordt niets teruggezet. */
  var CONCEPT = "bo-concept";
  var CONCEPT_HOOGUIT_MS = 60 * 60 * 1000;
  var NIET_BEWAREN = ["password", "file", "submit", "button", "reset", "image"];

  function conceptFormulieren() {
    return Array.prototype.filter.call(
      document.querySelectorAll("main form.app-formulier"),
      function (form) {
        return (form.getAttribute("method") || "").toLowerCase() === "post" &&
          !form.querySelector("input[type='file']");
      }
    );
  }

  function actiePad(form) {
    return new URL(form.getAttribute("action") || "", window.location.href).pathname;
  }

  function bewaarbaar(el) {
    return el.name && !el.disabled && el.name !== "csrfmiddlewaretoken" &&
      NIET_BEWAREN.indexOf(el.type) === -1;
  }

  function velden(form) {
    return Array.prototype.filter.call(form.elements, bewaarbaar);
  }

  function invoer(form) {
    var lijst = [];
    velden(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) {
          lijst.push([el.name, el.value]);
        }
      } else if (el.type === "select-multiple") {
        Array.prototype.forEach.call(el.selectedOptions, function (optie) {
          lijst.push([el.name, optie.value]);
        });
      } else {
        lijst.push([el.name, el.value]);
      }
    });
    return lijst;
  }

  /* Zet de invoer terug; true als er iets anders in het formulier kwam te staan. */
  function zetTerug(form, lijst) {
    var anders = [];
    var gehad = {};
    velden(form).forEach(function (el) {
      var waarden = lijst.filter(function (paar) { return paar[0] === el.name; })
        .map(function (paar) { return paar[1]; });
      if (el.type === "checkbox" || el.type === "radio") {
        var aan = waarden.indexOf(el.value) !== -1;
        if (el.checked !== aan) {
          el.checked = aan;
          anders.push(el);
        }
      } else if (el.tagName === "SELECT") {
        var veranderd = false;
        Array.prototype.forEach.call(el.options, function (optie) {
          var gekozen = waarden.indexOf(optie.value) !== -1;
          veranderd = veranderd || optie.selected !== gekozen;
          optie.selected = gekozen;
        });
        if (veranderd) {
          anders.push(el);
        }
      } else {
        var i = gehad[el.name] || 0;
        gehad[el.name] = i + 1;
        if (i < waarden.length && el.value !== waarden[i]) {
          el.value = waarden[i];
          anders.push(el);
        }
      }
    });
    // Wat op een keuze reageert (de velden voor een nieuwe werkgever), ziet de teruggezette waarde.
    anders.forEach(function (el) {
      el.dispatchEvent(new Event("change", {bubbles: true}));
    });
    return anders.length > 0;
  }

  function gewijzigdFormulier() {
    return conceptFormulieren().filter(function (form) {
      return velden(form).some(function (el) {
        if (el.type === "hidden") {
          return false;
        }
        if (el.type === "checkbox" || el.type === "radio") {
          return el.checked !== el.defaultChecked;
        }
        if (el.tagName === "SELECT") {
          var standaard = Array.prototype.filter.call(el.options, function (o) {
            return o.defaultSelected;
          });
          if (!standaard.length && el.type === "select-one") {
            return el.selectedIndex > 0;
          }
          return Array.prototype.some.call(el.options, function (o) {
            return o.selected !== o.defaultSelected;
          });
        }
        return el.value !== el.defaultValue;
      });
    })[0];
  }

  function bewaarConcept(form) {
    try {
      window.sessionStorage.setItem(CONCEPT, JSON.stringify({
        pad: actiePad(form), invoer: invoer(form), tijd: Date.now()
      }));
    } catch (e) { /* opslag vol of uitgezet: dan alleen geen vangnet */ }
  }

  function wisConcept() {
    try {
      window.sessionStorage.removeItem(CONCEPT);
    } catch (e) { /* idem */ }
  }

  function conceptTerugzetten() {
    var concept;
    try {
      concept = JSON.parse(window.sessionStorage.getItem(CONCEPT));
    } catch (e) {
      return;
    }
    if (!concept) {
      return;
    }
    var teOud = Date.now() - concept.tijd > CONCEPT_HOOGUIT_MS;
    if (!document.getElementById("sessie-melding")) {
      // Geen sessie op deze pagina (het inloggen): het concept wacht tot na het inloggen.
      if (teOud) {
        wisConcept();
      }
      return;
    }
    var form = conceptFormulieren().filter(function (f) {
      return actiePad(f) === concept.pad;
    })[0];
    if (window.location.pathname === concept.pad && !form && !teOud) {
      return;  // het formulier zelf, maar zonder formulier (een foutpagina): nog bewaren
    }
    wisConcept();
    if (teOud || !form || window.location.pathname !== concept.pad ||
        document.getElementById("foutoverzicht") || document.getElementById("dubbel-waarschuwing")) {
      return;
    }
    if (zetTerug(form, concept.invoer)) {
      var melding = document.getElementById("concept-teruggezet");
      if (melding) {
        melding.hidden = false;
        melding.focus();
      }
    }
  }

  function conceptBijVersturen() {
    document.addEventListener("submit", function (event) {
      if (conceptFormulieren().indexOf(event.target) !== -1) {
        bewaarConcept(event.target);
      } else if (event.target.classList.contains("app-logout")) {
        wisConcept();
      }
    }, true);
  }

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
      } else if (actie === "inloggen") {
        // Naar deze pagina, of naar het formulier met invoer (dat zet de invoer dan terug). De
        // server ziet de verlopen sessie en vraagt eerst om in te loggen, met de weg terug.
        var form = gewijzigdFormulier();
        if (form) {
          bewaarConcept(form);
        }
        knop.href = form ? actiePad(form) : window.location.pathname + window.location.search;
      }
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

  document.addEventListener("DOMContentLoaded", function () {
    // Eerst terugzetten, dan pas de klok: het terugzetten zelf is geen typen.
    conceptTerugzetten();
    conceptBijVersturen();
    sessieBewaking();
  });
})();
