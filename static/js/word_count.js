/* Live word count under essay boxes: progressive enhancement only. The
   server renders the count of the saved text; this keeps it current while
   the learner types. The count sits in a polite live region, updated after a
   short pause so screen readers are not interrupted at every key. */
(function () {
  "use strict";
  function count(text) {
    var words = text.trim().split(/\s+/);
    return words[0] === "" ? 0 : words.length;
  }
  document.querySelectorAll("textarea[data-word-count]").forEach(function (box) {
    var output = document.getElementById(box.dataset.wordCount);
    if (!output) { return; }
    var pending = null;
    function update() {
      var n = count(box.value);
      output.textContent = n === 1
        ? output.dataset.textOne
        : output.dataset.textMany.replace("{count}", n);
    }
    box.addEventListener("input", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(update, 400);
    });
  });
})();
