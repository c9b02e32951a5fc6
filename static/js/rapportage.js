/* Tekent de grafieken van de rapportage met Chart.js. De getallen komen uit het
 * json_script-element "rapportage-grafieken"; dezelfde getallen staan in de tabellen. */
(function () {
  "use strict";
  var bron = document.getElementById("rapportage-grafieken");
  if (!bron || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(bron.textContent);
  var kleuren = {
    groen: "#1a7f37", blauw: "#1f5fa8", oranje: "#b35900", grijs: "#6b6b6b", paars: "#6f42c1"
  };
  var basis = { responsive: true, maintainAspectRatio: false, animation: false };

  function teken(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) {
      new window.Chart(canvas, config);
    }
  }

  var t = data.trend;
  teken("grafiek-trend", {
    data: {
      labels: t.maanden,
      datasets: [
        { type: "bar", label: t.labels.gestart, data: t.gestart, backgroundColor: kleuren.blauw, yAxisID: "y" },
        { type: "bar", label: t.labels.geplaatst, data: t.geplaatst, backgroundColor: kleuren.groen, yAxisID: "y" },
        { type: "line", label: t.labels.gestart_cumulatief, data: t.gestart_cumulatief, borderColor: kleuren.blauw, yAxisID: "y1" },
        { type: "line", label: t.labels.doel_gestart, data: t.doel_gestart, borderColor: kleuren.blauw, borderDash: [6, 4], pointRadius: 0, yAxisID: "y1" },
        { type: "line", label: t.labels.geplaatst_cumulatief, data: t.geplaatst_cumulatief, borderColor: kleuren.groen, yAxisID: "y1" },
        { type: "line", label: t.labels.doel_geplaatst, data: t.doel_geplaatst, borderColor: kleuren.groen, borderDash: [6, 4], pointRadius: 0, yAxisID: "y1" }
      ]
    },
    options: Object.assign({}, basis, {
      scales: {
        y: { beginAtZero: true, position: "left" },
        y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } }
      }
    })
  });

  teken("grafiek-trechter", {
    type: "bar",
    data: {
      labels: data.trechter.labels,
      datasets: [{ label: data.trechter.titel, data: data.trechter.aantallen, backgroundColor: kleuren.blauw }]
    },
    options: Object.assign({}, basis, { indexAxis: "y", plugins: { legend: { display: false } } })
  });

  teken("grafiek-soorten", {
    type: "bar",
    data: {
      labels: data.soorten.labels,
      datasets: [{ label: data.soorten.titel, data: data.soorten.aantallen, backgroundColor: kleuren.oranje }]
    },
    options: Object.assign({}, basis, { plugins: { legend: { display: false } } })
  });

  teken("grafiek-uitstroom", {
    type: "bar",
    data: {
      labels: data.uitstroom.labels,
      datasets: [
        { label: data.uitstroom.titel, data: data.uitstroom.aandelen, backgroundColor: kleuren.groen },
        { label: data.uitstroom.kis_titel, data: data.uitstroom.kis, backgroundColor: kleuren.grijs }
      ]
    },
    options: Object.assign({}, basis, { scales: { y: { beginAtZero: true, max: 100 } } })
  });
})();
