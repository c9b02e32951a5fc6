/*
 * Geen verloren werk als de sessie verloopt: wordt een formulier verstuurd (of "Opnieuw inloggen"
 * gekozen) terwijl de sessie al voorbij is, dan gaat de gebruiker via het inloggen terug naar het
 * formulier en zet dit script daar zijn invoer terug. Zonder JavaScript is er geen vangnet.
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

  /* "Opnieuw inloggen" in de melding (sessie.js): naar deze pagina, of naar het formulier met
   * invoer, na het bewaren van die invoer. De server ziet de verlopen sessie en vraagt eerst om
   * in te loggen, met de weg terug. */
  function opnieuwInloggen() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-sessie-actie='inloggen']");
      if (!link) {
        return;
      }
      var form = gewijzigdFormulier();
      if (form) {
        bewaarConcept(form);
      }
      link.href = form ? actiePad(form) : window.location.pathname + window.location.search;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    conceptTerugzetten();
    conceptBijVersturen();
    opnieuwInloggen();
  });
})();
