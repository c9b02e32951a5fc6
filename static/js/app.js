/*
 * Kleine verbeteringen bovenop pagina's die ook zonder JavaScript werken.
 * - Na een fout krijgt het foutoverzicht (of de dubbel-waarschuwing) de focus.
 * - Een verzonden formulier blokkeert zijn verzendknoppen (tegen dubbel klikken;
 *   de server vangt dubbel verzenden daarnaast zelf af).
 * - Bij een plaatsing verdwijnen de velden voor een nieuwe werkgever zodra er een
 *   bestaande werkgever gekozen is.
 * - Oudere browsers zonder ::details-content: het menu staat op brede schermen open.
 */
(function () {
  "use strict";

  function focusFout() {
    var doel = document.getElementById("foutoverzicht") || document.getElementById("dubbel-waarschuwing");
    if (doel) {
      doel.focus();
    }
  }

  function blokkeerDubbelVerzenden() {
    document.querySelectorAll("form[method='post']").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.verzonden === "ja") {
          event.preventDefault();
          return;
        }
        form.dataset.verzonden = "ja";
        window.setTimeout(function () {
          form.querySelectorAll("button[type='submit']").forEach(function (knop) {
            knop.setAttribute("aria-disabled", "true");
            knop.classList.add("utrecht-button--busy");
          });
        }, 0);
      });
    });
  }

  function werkgeverKeuze() {
    var blok = document.querySelector("[data-werkgever-keuze]");
    if (!blok) {
      return;
    }
    var keuze = blok.querySelector("select");
    var nieuw = blok.querySelector("[data-nieuwe-werkgever]");
    if (!keuze || !nieuw) {
      return;
    }
    function bijwerken() {
      nieuw.hidden = keuze.value !== "";
    }
    keuze.addEventListener("change", bijwerken);
    bijwerken();
  }

  /* --- Menu: zonder ::details-content open op brede schermen ------------------------------ */
  function menuOpBredeSchermen() {
    var menu = document.querySelector(".app-menu");
    if (!menu || !window.CSS || !window.matchMedia ||
        window.CSS.supports("selector(::details-content)")) {
      return;
    }
    var breed = window.matchMedia("(min-width: 48em)");
    function bijwerken() {
      menu.open = breed.matches;
    }
    bijwerken();
    breed.addEventListener("change", bijwerken);
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFout();
    blokkeerDubbelVerzenden();
    werkgeverKeuze();
    menuOpBredeSchermen();
  });
})();
