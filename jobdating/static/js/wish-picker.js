// The wish picker (jobdating/signup/wishes.py) in the page: a search over companies and offers, and the ranked
// list updated as boxes are ticked, moved or removed, without reloading. Without this file the same form works
// with its submit buttons. Texts come from data-* attributes of the fieldset (French or English).
(function () {
  "use strict";

  var LETTERS = {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "ß": "ss", "’": "'"};
  var ENDINGS = [["ere", "er", 2], ["rice", "teur", 3], ["trice", "teur", 4], ["euse", "eur", 3], ["se", "eur", 1],
                 ["ve", "f", 1], ["ale", "al", 2]];

  // The same folding as jobdating/core/search.py: no case, no accents, inclusive endings spelled out.
  function fold(text) {
    return (text || "").toLowerCase().replace(/[œæøłß’]/g, function (c) { return LETTERS[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function feminine(stem, ending) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var rule = ENDINGS[i];
      if (ending === rule[0] && stem.slice(-rule[1].length) === rule[1]) { return stem.slice(0, -rule[2]) + ending; }
    }
    return stem + ending;
  }
  function words(text) {
    var extra = [];
    var plain = fold(text).replace(/([a-z0-9]+)((?:[·•.][a-z]{1,5})+)\b/g, function (all, stem, tail) {
      var endings = tail.slice(1).split(/[·•.]/);
      var plural = endings.length > 1 && endings[endings.length - 1] === "s" ? "s" : "";
      extra.push(feminine(stem, endings[0]) + plural);
      return stem + plural;
    });
    return (plain.match(/[a-z0-9]+/g) || []).concat(extra);
  }
  function matches(index, terms) {
    return terms.every(function (term) {
      return term.some(function (form) { return index.indexOf(" " + form) >= 0; });
    });
  }
  function queryTerms(query) {
    return words(query).filter(function (w) { return w.length > 1 || /[0-9]/.test(w); }).map(function (w) {
      return /[sx]$/.test(w) && w.length > 3 ? [w, w.slice(0, -1)] : [w];
    });
  }

  // "%(name)s" placeholders of the texts, filled in.
  function fill(text, values) {
    return (text || "").replace(/%\((\w+)\)[sd]/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function plural(fieldset, n) {
    var french = (document.documentElement.lang || "fr").slice(0, 2) !== "en";
    var many = french ? n > 1 : n !== 1;
    return fill(many ? fieldset.dataset.countPlural : fieldset.dataset.countSingular, {num: n, max: fieldset.dataset.max});
  }

  window.JobdatingWishPicker = function (fieldset) {
    var list = fieldset.querySelector("[data-wish-list]");
    var template = fieldset.querySelector("template[data-wish-template]");
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll('input[type=checkbox][name="pick"]'));
    var status = fieldset.querySelector("[data-wish-status]");
    var max = parseInt(fieldset.dataset.max, 10);
    var chosen = Array.prototype.map.call(list.querySelectorAll("[data-wish-row]"), function (row) {
      return row.dataset.key;
    });
    if (!template) { return; }

    function box(key) {
      return boxes.filter(function (b) { return b.value === key; })[0];
    }
    function label(key) {
      var input = box(key);
      if (!input) { return key; }
      var company = input.closest("[data-wish-company]").dataset.company;
      var option = input.parentNode;
      var badge = option.querySelector(".badge");
      var title = option.textContent.replace(badge ? badge.textContent : "", "").trim();
      return key.charAt(0) === "E" ? fill(fieldset.dataset.wholeCompany, {company: company})
        : title + (badge ? " (" + badge.textContent.trim() + ")" : "") + " — " + company;
    }
    function say(text) { if (status) { status.textContent = text; } }

    function render(focus) {
      list.innerHTML = "";
      chosen.forEach(function (key, index) {
        var row = template.content.firstElementChild.cloneNode(true);
        row.dataset.key = key;
        row.innerHTML = row.innerHTML.replace(/__INDEX__/g, String(index)).replace(/__RANK__/g, String(index + 1));
        row.querySelector("input[type=hidden]").value = key;
        row.querySelector(".wish-text").textContent = label(key);
        row.querySelector('[data-move="up"]').disabled = index === 0;
        row.querySelector('[data-move="down"]').disabled = index === chosen.length - 1;
        list.appendChild(row);
      });
      boxes.forEach(function (b) { b.checked = chosen.indexOf(b.value) >= 0; });
      fieldset.querySelectorAll("[data-wish-count]").forEach(function (el) { el.textContent = plural(fieldset, chosen.length); });
      fieldset.querySelector("[data-wish-empty]").hidden = chosen.length > 0;
      var bar = fieldset.querySelector("[data-wish-bar-list]");
      if (bar) { bar.textContent = chosen.map(function (key, i) { return (i + 1) + ". " + label(key); }).join(" · "); }
      // The rest of the page follows the list (signup.js shows the questions of the offers chosen).
      fieldset.dispatchEvent(new CustomEvent("wishes-changed", {bubbles: true, detail: {keys: chosen.slice()}}));
      if (focus) {
        // The same button of the moved row, else its other arrow, else its remove button, else the count.
        var row = list.children[focus.index];
        var candidates = row ? [focus.selector, "[data-move]:not([disabled])", "[data-remove]"] : [];
        var target = null;
        candidates.some(function (selector) {
          target = row.querySelector(selector);
          return target && !target.disabled;
        });
        (target || fieldset.querySelector("[data-wish-count]")).focus();
      }
    }

    fieldset.addEventListener("change", function (event) {
      var input = event.target;
      if (input.name !== "pick") { return; }
      var at = chosen.indexOf(input.value);
      if (input.checked && at < 0) {
        if (chosen.length >= max) {
          input.checked = false;
          say(fieldset.dataset.full);
          return;
        }
        chosen.push(input.value);
        say(fill(fieldset.dataset.added, {rank: chosen.length, label: label(input.value)}));
      } else if (!input.checked && at >= 0) {
        chosen.splice(at, 1);
        say(fill(fieldset.dataset.removed, {label: label(input.value)}));
      }
      render();
    });

    fieldset.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-move], button[data-remove]");
      if (!button || !list.contains(button)) { return; }
      event.preventDefault();
      var i = Array.prototype.indexOf.call(list.children, button.closest("[data-wish-row]"));
      if (button.dataset.remove !== undefined) {
        var removed = chosen.splice(i, 1)[0];
        say(fill(fieldset.dataset.removed, {label: label(removed)}));
        render({index: Math.min(i, chosen.length - 1), selector: "[data-remove]"});
        return;
      }
      var j = button.dataset.move === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= chosen.length) { return; }
      var key = chosen[i];
      chosen[i] = chosen[j];
      chosen[j] = key;
      say(fill(fieldset.dataset.moved, {rank: j + 1, label: label(key)}));
      render({index: j, selector: '[data-move="' + button.dataset.move + '"]'});
    });

    // Search: a company whose name or sector matches shows all its offers, otherwise only the offers that match.
    var search = fieldset.querySelector("[data-wish-search]");
    var found = fieldset.querySelector("[data-wish-found]");
    var companies = Array.prototype.map.call(fieldset.querySelectorAll("[data-wish-company]"), function (group) {
      var own = " " + words(group.querySelector("legend").textContent).join(" ") + " ";
      return {group: group, own: own, options: Array.prototype.map.call(group.querySelectorAll("label"), function (option) {
        return {option: option, index: own + words(option.textContent).join(" ") + " "};
      })};
    });
    function filter(query) {
      var terms = queryTerms(query);
      var shown = 0;
      companies.forEach(function (company) {
        var whole = matches(company.own, terms);
        var any = false;
        company.options.forEach(function (entry) {
          var visible = whole || matches(entry.index, terms);
          entry.option.hidden = !visible;
          any = any || visible;
        });
        company.group.hidden = !any;
        if (any) { shown += 1; }
      });
      if (found) {
        found.textContent = terms.length ? (shown ? fill(fieldset.dataset.found, {num: shown}) : fieldset.dataset.none) : "";
      }
    }
    if (search) {
      search.hidden = false;
      var input = search.querySelector("input");
      input.addEventListener("input", function () { filter(input.value); });
      input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
    }
    var add = fieldset.querySelector(".wish-add");
    if (add) { add.hidden = true; }  // ticking a box updates the list at once
    render();
  };
})();
