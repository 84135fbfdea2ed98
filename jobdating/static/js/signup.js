// Sign-up pages: progressive enhancements. Every form also works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Time windows: show the two time fields only when "a precise window" is chosen.
  document.querySelectorAll("[data-window]").forEach(function (fieldset) {
    function update() {
      var checked = fieldset.querySelector("input[data-window-kind]:checked");
      fieldset.classList.toggle("is-custom", !!checked && checked.value === "custom");
    }
    fieldset.addEventListener("change", update);
    update();
  });

  // Custom questions of an offer (macros/signup.html question_fields): shown only while the offer is wished.
  document.addEventListener("wishes-changed", function (event) {
    var keys = event.detail.keys;
    document.querySelectorAll("[data-offer-questions-all]").forEach(function (all) {
      var groups = all.querySelectorAll("[data-offer-questions]");
      var shown = 0;
      groups.forEach(function (group) {
        group.hidden = keys.indexOf(group.dataset.offerQuestions) < 0;
        if (!group.hidden) { shown += 1; }
      });
      all.hidden = shown === 0;
      var whole = all.closest("fieldset.questions");
      if (whole) { whole.hidden = shown === 0 && !whole.querySelector(":scope > .field, :scope > fieldset.question"); }
    });
  });

  // Wishes: the picker of jobdating/signup/wishes.py, enhanced by wish-picker.js.
  if (window.JobdatingWishPicker) {
    document.querySelectorAll("[data-wishes]").forEach(window.JobdatingWishPicker);
  }

  // Offers: "add another offer" copies the last row instead of reloading the page.
  document.querySelectorAll("[data-add-offer]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var rows = button.parentNode.querySelectorAll("[data-offer]");
      var last = rows[rows.length - 1];
      if (!last) { return; }
      event.preventDefault();
      var index = rows.length;
      var copy = last.cloneNode(true);
      var pattern = /offers-\d+-/g, replacement = "offers-" + index + "-";
      copy.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
          var value = el.getAttribute(attribute);
          if (value) { el.setAttribute(attribute, value.replace(pattern, replacement)); }
        });
      });
      copy.querySelectorAll("input, textarea, select").forEach(function (el) {
        if (el.type === "checkbox") { el.checked = false; } else { el.value = ""; }
        el.removeAttribute("aria-invalid");
      });
      copy.querySelectorAll(".error, input[type=checkbox]").forEach(function (el) {
        var field = el.closest(".field");
        if (el.type === "checkbox" && field) { field.remove(); } else if (el.classList.contains("error")) { el.remove(); }
      });
      copy.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
      var legend = copy.querySelector("legend");
      if (legend) { legend.textContent = legend.textContent.replace(/\d+/, String(index + 1)); }
      last.parentNode.insertBefore(copy, button);
      var title = copy.querySelector("input[type=text]");
      if (title) { title.focus(); }
    });
  });

  // CV: a file over the size limit is refused at once, before an upload the server would refuse as a whole
  // (a request over its body limit cannot come back with what was typed).
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var max = parseInt(input.dataset.maxBytes, 10);
    var field = input.closest(".field");
    var errorId = input.id + "-taille";
    function check() {
      var old = document.getElementById(errorId);
      if (old) { old.remove(); }
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== errorId;
      });
      var file = input.files && input.files[0];
      var tooBig = !!file && file.size > max;
      if (tooBig) {
        var error = document.createElement("p");
        error.className = "error";
        error.id = errorId;
        error.setAttribute("role", "alert");
        error.textContent = input.dataset.tooBig;
        field.appendChild(error);
        described.push(errorId);
      }
      field.classList.toggle("has-error", tooBig || !!field.querySelector(".error"));
      if (tooBig) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); }
      else { input.removeAttribute("aria-describedby"); }
      return !tooBig;
    }
    input.addEventListener("change", check);
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        if (!check()) { event.preventDefault(); input.focus(); }
      });
    }
  });

  // Preselection: a button to tick every candidate at once.
  document.querySelectorAll("[data-select-all]").forEach(function (button) {
    var form = button.closest("form");
    button.hidden = false;
    button.addEventListener("click", function () {
      var boxes = form.querySelectorAll('input[name="selected"]');
      var all = Array.prototype.every.call(boxes, function (box) { return box.checked; });
      boxes.forEach(function (box) { box.checked = !all; });
    });
  });
})();
