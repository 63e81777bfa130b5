/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Copy buttons on message templates: shown only when the Clipboard API exists.
  document.querySelectorAll(".js-copy").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    var target = document.getElementById(button.dataset.copyTarget);
    var status = document.getElementById(button.dataset.copyTarget + "-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        if (status) { status.textContent = button.dataset.copiedLabel; }
      });
    });
  });
  // A page reached at a #fragment whose target takes focus (tabindex="-1"), such
  // as a scenario's consequence: move focus there, so screen readers start at it.
  if (window.location.hash.length > 1) {
    var landing = document.getElementById(window.location.hash.slice(1));
    if (landing && landing.getAttribute("tabindex") === "-1") { landing.focus(); }
  }
})();
