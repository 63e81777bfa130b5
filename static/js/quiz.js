/* Quiz timer: progressive enhancement only. The server decides when time is
   up; this counts down from the server's clock, announces the time left to
   screen readers at a few milestones (not every second), and saves the
   answers when time runs out. Without JavaScript the page shows the time
   left when it was loaded, and saving still works. */
(function () {
  "use strict";
  var timer = document.querySelector("[data-quiz-timer]");
  if (!timer) { return; }
  var deadline = Date.parse(timer.dataset.deadline);
  var offset = Date.parse(timer.dataset.serverNow) - Date.now();
  var value = timer.querySelector("[data-quiz-timer-value]");
  var announcer = timer.querySelector("[data-quiz-timer-announcer]");
  if (isNaN(deadline) || isNaN(offset) || !value || !announcer) { return; }

  // Minutes left at which to announce; only those still ahead are used.
  var milestones = [30, 15, 10, 5, 2, 1];
  var announcedLastMinute = false;
  var finished = false;

  function format(text, minutes, seconds) {
    return text.replace("{minutes}", minutes).replace("{seconds}", seconds);
  }

  function remainingSeconds() {
    return Math.max(0, Math.floor((deadline - (Date.now() + offset)) / 1000));
  }

  function timeUp() {
    finished = true;
    announcer.textContent = timer.dataset.textUp;
    var form = document.querySelector(".quiz-form");
    var save = form && form.querySelector('button[name="action"][value="save"]');
    if (form && save && form.requestSubmit) {
      form.requestSubmit(save);
    } else if (form) {
      form.submit();
    } else {
      // Confirmation page: the server submits the attempt on the next visit.
      window.setTimeout(function () { window.location.reload(); }, 1500);
    }
  }

  function tick() {
    if (finished) { return; }
    var left = remainingSeconds();
    var minutes = Math.floor(left / 60);
    value.textContent = format(timer.dataset.textRemaining, minutes, left % 60);
    while (milestones.length && left <= milestones[0] * 60) {
      var milestone = milestones.shift();
      if (milestone > 1) {
        announcer.textContent = format(timer.dataset.textAnnounce, milestone, 0);
      }
    }
    if (left <= 60 && left > 0 && !announcedLastMinute) {
      announcedLastMinute = true;
      announcer.textContent = timer.dataset.textLastMinute;
    }
    if (left === 0) { timeUp(); }
  }

  // Drop milestones already passed when the page loads: no burst of announcements.
  var initial = remainingSeconds();
  milestones = milestones.filter(function (m) { return m * 60 < initial; });
  announcedLastMinute = initial <= 60;
  tick();
  window.setInterval(tick, 1000);
})();
