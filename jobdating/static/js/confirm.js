// Forms marked data-confirm ask before they are sent (no inline script: the pages' CSP forbids it).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form instanceof HTMLFormElement ? form.getAttribute("data-confirm") : null;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
