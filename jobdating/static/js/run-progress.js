// Live progress of a background solve: polls the run's JSON status until it ends.
(function () {
  "use strict";
  var box = document.getElementById("run-progress");
  if (!box || box.dataset.finished === "true") { return; }
  var labels = JSON.parse(box.dataset.labels || "{}");
  function show(id, text) { var el = document.getElementById(id); if (el) { el.textContent = text; } }
  // One bar: the value against the best possible (the meter is hidden until the best possible is known).
  function bar(id, value, best, lang) {
    var row = document.getElementById(id);
    if (!row || value === undefined || value === null) { return; }
    var meter = row.querySelector("meter");
    row.querySelector(".bar-value strong").textContent = value.toLocaleString(lang);
    if (best) {
      meter.max = best;
      meter.value = value;
      meter.hidden = false;
      row.querySelector(".bar-best").textContent = " / " + best.toLocaleString(lang);
    }
  }
  function showFigures(f, lang) {
    if (f.interviews === undefined) { return; }
    bar("fig-covered", f.covered, f.upper_bound_covered || f.candidates, lang);
    bar("fig-interviews", f.interviews, f.upper_bound_interviews, lang);
    bar("fig-first", f.first_choices, f.candidates, lang);
    bar("fig-favorites", f.favorites_met, f.favorites, lang);
    var wait = document.getElementById("fig-wait");
    if (wait && f.mean_wait_minutes !== undefined) {
      wait.textContent = wait.dataset.template.replace("{minutes}", f.mean_wait_minutes.toLocaleString(lang, {
        maximumFractionDigits: 1 }));
    }
  }
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (s) {
        document.getElementById("run-bar").value = s.progress;
        var state = document.getElementById("run-state");
        state.dataset.status = s.status;
        state.textContent = labels[s.status] || s.status;
        var lang = document.documentElement.lang || "fr";
        show("run-elapsed", s.elapsed === null ? "0" : s.elapsed.toLocaleString(lang, {
          minimumFractionDigits: 1, maximumFractionDigits: 1 }));
        show("run-gap", s.gap === null ? "—" : (s.gap * 100).toLocaleString(lang, {
          minimumFractionDigits: 2, maximumFractionDigits: 2 }) + "\u00a0%");
        showFigures(s.figures || {}, lang);
        if (s.error) { var err = document.getElementById("run-error"); err.textContent = s.error; err.hidden = false; }
        if (s.finished) {
          document.getElementById("run-live").hidden = true;
          document.getElementById("run-done").hidden = false;
          box.dataset.finished = "true";
          // The page itself lists what the new plan changed: load it once the plan is written.
          if (s.status !== "failed") { window.location.reload(); }
        } else {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
