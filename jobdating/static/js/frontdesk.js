/* Front desk: keep the scan box focused, refresh the live board, follow a re-plan until it ends. */
(function () {
  "use strict";

  var scan = document.querySelector(".scan-field input");
  if (scan) {
    scan.focus();
    // A scanner types fast then presses Enter; after any click elsewhere, give the focus back.
    document.addEventListener("click", function (event) {
      if (!event.target.closest("button, a, input, select, textarea")) { scan.focus(); }
    });
  }

  var board = document.getElementById("board");
  if (board) {
    var render = function (data) {
      document.querySelectorAll("[data-board-now]").forEach(function (el) { el.textContent = data.now; });
      board.querySelectorAll("[data-count]").forEach(function (el) {
        var path = el.getAttribute("data-count").split(".");
        el.textContent = (data.counts[path[0]] || {})[path[1]] || 0;
      });
      board.querySelectorAll("[data-list]").forEach(function (list) {
        var path = list.getAttribute("data-list").split(".");
        var lines = (data[path[0]] || {})[path[1]] || [];
        list.textContent = "";
        if (!lines.length) {
          var empty = document.createElement("li");
          empty.className = "meta";
          empty.textContent = board.dataset.labelEmpty;
          list.appendChild(empty);
        }
        lines.forEach(function (line) {
          var li = document.createElement("li");
          var time = document.createElement("span");
          time.className = "time";
          time.textContent = line.first;
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = line.table;
          li.appendChild(time);
          li.appendChild(document.createTextNode(" " + line.name + " "));
          li.appendChild(meta);
          if (path[0] === "candidates" && (path[1] === "late" || path[1] === "expected")) {
            var form = document.createElement("form");
            form.method = "post";
            form.className = "inline";
            form.action = board.dataset.absentUrl.replace(/\/0$/, "/" + line.id);
            var token = document.createElement("input");
            token.type = "hidden";
            token.name = "csrf_token";
            token.value = board.dataset.csrf;
            var button = document.createElement("button");
            button.type = "submit";
            button.className = "button small danger";
            button.textContent = board.dataset.labelAbsent;
            form.appendChild(token);
            form.appendChild(button);
            li.appendChild(document.createTextNode(" "));
            li.appendChild(form);
          }
          list.appendChild(li);
        });
      });
    };
    var refresh = function () {
      fetch(board.dataset.boardUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { render(data); } })
        .catch(function () { /* offline for a moment: the next tick tries again */ });
    };
    window.setInterval(refresh, 15000);
  }

  var status = document.querySelector("[data-replan-status]");
  if (status) {
    var poll = function () {
      fetch(status.getAttribute("data-replan-status"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (data.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 1000);
  }
}());
