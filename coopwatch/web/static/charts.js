// Draws every chart on the page with the bundled Plotly: data comes from <script type="application/json" id="ID-data">.
(function () {
  if (typeof Plotly === "undefined") return;
  document.querySelectorAll(".chart").forEach(function (el) {
    var source = document.getElementById(el.id + "-data");
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    var line = el.dataset.kind === "line";
    var traces = spec.series.map(function (s) {
      return line
        ? { type: "scatter", mode: "lines+markers", connectgaps: true, name: s.name, x: spec.x, y: s.y }
        : { type: "bar", name: s.name, x: spec.x, y: s.y };
    });
    Plotly.newPlot(el, traces, {
      title: { text: el.dataset.title || "" }, margin: { t: 40, r: 10, b: 60, l: 70 },
      xaxis: { type: "category" }, legend: { orientation: "h" }
    }, { displaylogo: false, responsive: true });
  });
})();
