// Every page: forms marked data-confirm ask before they are sent, and the error summary takes the focus (no
// inline script: the pages' CSP forbids it).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form instanceof HTMLFormElement ? form.getAttribute("data-confirm") : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);

// A form sent back with errors opens on its error summary: keyboard and screen-reader users start there, and
// each link moves to its field (autofocus does this too without JavaScript, but not in every browser).
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-error-summary] a[href^='#']") : null;
    var target = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
    if (target) {
      event.preventDefault();
      target.scrollIntoView({block: "center"});
      target.focus();
    }
  });
})();
