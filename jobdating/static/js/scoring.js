/* Scoring at the table: save a form with fetch and stay where you are; without JavaScript the form posts and
   the page comes back at the same interview (#entretien-N). */
(function () {
  "use strict";
  document.querySelectorAll("form[data-score]").forEach(function (form) {
    var status = form.querySelector("[data-score-status]");
    var card = form.closest("li");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      status.textContent = "…";
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        status.className = "score-status " + (result.ok ? "ok" : "err");
        status.textContent = result.ok ? result.data.message : result.data.error;
        if (result.ok && card) {
          var outcome = card.querySelector("[data-score-outcome]");
          if (outcome) { outcome.textContent = result.data.outcome; }
        }
      }).catch(function () {
        form.submit();  // the network or the server failed: the plain form keeps the answer
      }).finally(function () { button.disabled = false; });
    });
  });
}());
