/* A rehearsal's pages: the simulated time in the header moves on its own (speed times real time), and while an
   organizer or the desk is logged in, the page asks the server for the clock every few seconds, which also
   brings the simulated arrivals (the desk's "Dernières arrivées" list follows). */
(function () {
  "use strict";

  var banner = document.querySelector("[data-rehearsal-clock]");
  if (!banner) { return; }
  var seconds = Number(banner.getAttribute("data-seconds")) || 0;
  var speed = Number(banner.getAttribute("data-speed")) || 1;
  var running = banner.getAttribute("data-running") === "1";
  var since = Date.now();

  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var show = function () {
    var now = running ? seconds + (Date.now() - since) / 1000 * speed : seconds;
    var minutes = Math.floor(now / 60) % 1440;
    var text = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
    document.querySelectorAll("[data-rehearsal-time]").forEach(function (el) {
      if (el.textContent !== text) { el.textContent = text; }
    });
  };

  var recent = function (people) {
    var section = document.querySelector("[data-recent-arrivals]");
    var list = section ? section.querySelector("ul") : null;
    if (!list || !people) { return; }
    list.textContent = "";
    people.forEach(function (person) {
      var li = document.createElement("li");
      li.textContent = person.time + " — " + person.name;
      list.appendChild(li);
    });
    section.hidden = people.length === 0;
  };

  var state = banner.querySelector("[data-rehearsal-state]");
  var url = banner.getAttribute("data-url");
  var poll = function () {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        seconds = data.seconds; speed = data.speed; running = data.running; since = Date.now();
        banner.querySelectorAll("[data-rehearsal-speed]").forEach(function (el) { el.textContent = data.speed; });
        if (state) {
          state.textContent = !data.started ? state.getAttribute("data-label-waiting")
            : (data.running ? "" : state.getAttribute("data-label-paused"));
        }
        show();
        recent(data.recent);
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  };

  show();
  window.setInterval(show, 1000);
  if (url) { window.setInterval(poll, 5000); }
}());
