/* Tekent de grafieken van de rapportage met Chart.js. De getallen komen uit het
 * json_script-element "rapportage-grafieken"; dezelfde getallen staan in de tabellen.
 * Alleen reeksen met waarden komen in een grafiek, dus elke regel van de legenda is getekend. */
(function () {
  "use strict";
  var bron = document.getElementById("rapportage-grafieken");
  if (!bron || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(bron.textContent);
  var kleuren = {
    gestart: "#1f5fa8", geplaatst: "#1a7f37", oranje: "#b35900", grijs: "#6b6b6b"
  };
  var smal = window.matchMedia("(max-width: 40rem)").matches;
  var basis = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: "bottom", labels: { boxWidth: smal ? 18 : 32, font: { size: smal ? 11 : 12 } } }
    }
  };

  function as(titel, extra) {
    return Object.assign({ beginAtZero: true, title: { display: true, text: titel } }, extra || {});
  }

  function teken(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) {
      new window.Chart(canvas, config);
    }
  }

  function getal(waarde) {
    return Number(waarde).toLocaleString("nl-NL", { maximumFractionDigits: 1 });
  }

  var t = data.trend;
  teken("grafiek-trend", {
    type: "bar",
    data: {
      labels: t.maanden,
      datasets: t.reeksen.map(function (r) {
        var kleur = r.sleutel.indexOf("gestart") >= 0 ? kleuren.gestart : kleuren.geplaatst;
        if (r.soort === "staaf") {
          return { type: "bar", label: r.label, data: r.waarden, backgroundColor: kleur, yAxisID: "y", order: 2 };
        }
        return {
          type: "line", label: r.label, data: r.waarden, borderColor: kleur, backgroundColor: kleur,
          borderWidth: 2, borderDash: r.soort === "doel" ? [6, 4] : [], pointRadius: r.soort === "doel" ? 0 : 2,
          fill: false, spanGaps: false, yAxisID: "y1", order: 1
        };
      })
    },
    options: Object.assign({}, basis, {
      scales: {
        x: { title: { display: true, text: t.as_x }, ticks: { autoSkip: true, maxRotation: 0 } },
        y: as(t.as_links, { position: "left" }),
        y1: as(t.as_rechts, { position: "right", grid: { drawOnChartArea: false } })
      }
    })
  });

  teken("grafiek-trechter", {
    type: "bar",
    data: {
      labels: data.trechter.labels,
      datasets: [{ label: data.trechter.titel, data: data.trechter.aantallen, backgroundColor: kleuren.gestart }]
    },
    options: Object.assign({}, basis, {
      indexAxis: "y",
      plugins: { legend: { display: false } },
      scales: { x: as(data.trechter.as) }
    })
  });

  teken("grafiek-soorten", {
    type: "bar",
    data: {
      labels: data.soorten.labels,
      datasets: [
        { label: data.soorten.titel, data: data.soorten.aantallen, backgroundColor: kleuren.oranje },
        { label: data.soorten.titel_getekend, data: data.soorten.getekend, backgroundColor: kleuren.grijs }
      ]
    },
    options: Object.assign({}, basis, { scales: { y: as(data.soorten.as) } })
  });

  var u = data.uitstroom;
  teken("grafiek-uitstroom", {
    type: "bar",
    data: {
      labels: u.labels,
      datasets: [
        { label: u.titel, data: u.aandelen, backgroundColor: kleuren.geplaatst },
        { label: u.kis_titel, data: u.kis, backgroundColor: kleuren.grijs }
      ]
    },
    options: Object.assign({}, basis, {
      scales: { y: as(u.as, { max: 100 }) },
      plugins: Object.assign({}, basis.plugins, {
        tooltip: {
          callbacks: {
            label: function (context) {
              var tekst = context.dataset.label + ": " + getal(context.parsed.y) + " %";
              if (context.datasetIndex === 0) {
                tekst += " (" + u.aantallen[context.dataIndex] + " " + u.van + " " + u.deelnemers + ")";
              }
              return tekst;
            }
          }
        }
      })
    })
  });
})();
