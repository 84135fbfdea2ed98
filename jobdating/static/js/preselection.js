// Employer preselection: a decision is saved with fetch and the card changes in place, so the employer keeps their
// place in a long list. Without this file the form is sent as usual and the page comes back on the card.
(function () {
  "use strict";
  var form = document.querySelector("form[data-preselection]");
  var list = form && form.querySelector("[data-labels]");
  if (!form || !list || !window.fetch || !window.FormData) { return; }
  var labels = JSON.parse(list.dataset.labels);
  var badgeClass = {accepted: "ok", declined: "err", favourite: "", none: "warn"};
  var bulkStatus = document.createElement("p");
  bulkStatus.className = "wisher-status";
  bulkStatus.setAttribute("role", "status");
  var bulk = form.querySelector(".bulk");
  if (bulk) { bulk.appendChild(bulkStatus); }

  function update(card, state, message) {
    card.className = card.className.replace(/decision-\w+/, "decision-" + state);
    var badge = card.querySelector("[data-decision-badge]");
    badge.textContent = labels[state] || list.dataset.noneLabel;
    badge.className = "badge " + badgeClass[state];
    card.querySelectorAll("button[data-decision]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.decision === state ? "true" : "false");
    });
    var status = card.querySelector("[data-wisher-status]");
    if (status) { status.textContent = message || ""; }
  }

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (form.dataset.plain === "1" || !submitter || (submitter.name !== "decide" && submitter.name !== "bulk")) { return; }
    event.preventDefault();
    var body = new FormData(form, submitter);
    submitter.disabled = true;
    fetch(form.action, {method: "POST", body: body, credentials: "same-origin",
                        headers: {"X-Requested-With": "fetch", "Accept": "application/json"}})
      .then(function (response) {
        return response.json().then(function (data) { return {ok: response.ok, data: data}; });
      })
      .then(function (answer) {
        submitter.disabled = false;
        var data = answer.data;
        if (!answer.ok) {
          (submitter.name === "decide" ? submitter.closest("[data-candidate]").querySelector("[data-wisher-status]")
            : bulkStatus).textContent = data.error;
          return;
        }
        var state = data.decision || "none";
        var saved = list.dataset.saved.replace("%(decision)s", labels[state] || list.dataset.noneLabel);
        data.ids.forEach(function (id) {
          var card = document.getElementById("candidat-" + id);
          if (card) { update(card, state, submitter.name === "decide" ? saved : ""); }
        });
        if (submitter.name === "bulk") {
          bulkStatus.textContent = data.message;
          form.querySelectorAll('input[name="selected"]:checked').forEach(function (box) { box.checked = false; });
        }
        Object.keys(data.counts).forEach(function (key) {
          document.querySelectorAll('[data-count="' + key + '"]').forEach(function (el) { el.textContent = data.counts[key]; });
        });
      })
      .catch(function () {
        // No answer (offline, server restarting): send the form the usual way.
        submitter.disabled = false;
        form.dataset.plain = "1";
        form.requestSubmit(submitter);
      });
  });
})();
