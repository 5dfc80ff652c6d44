// newspipe console: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  // Pipeline page: reload every 5 s while the box is ticked (remembered in this browser).
  var refresh = document.getElementById("auto-refresh");
  if (refresh) {
    var stored = window.localStorage && localStorage.getItem("newspipe.autoRefresh");
    if (stored === "off") { refresh.checked = false; }
    var timer = null;
    var arm = function () {
      if (timer) { clearTimeout(timer); timer = null; }
      if (refresh.checked) { timer = setTimeout(function () { location.reload(); }, 5000); }
    };
    refresh.addEventListener("change", function () {
      if (window.localStorage) { localStorage.setItem("newspipe.autoRefresh", refresh.checked ? "on" : "off"); }
      arm();
    });
    arm();
  }

  // Run page: follow the progress line until the run ends, then show the result.
  var run = document.getElementById("run");
  if (run && (run.dataset.state === "QUEUED" || run.dataset.state === "RUNNING")) {
    var poll = function () {
      fetch("/runs/" + run.dataset.run + ".json", { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          document.getElementById("run-state").textContent = j.state;
          if (j.progress) { document.getElementById("run-progress").textContent = j.progress; }
          if (j.state === "DONE" || j.state === "FAILED") { location.reload(); } else { setTimeout(poll, 700); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }

  // Article page: a click on a highlighted span says what was read there (the same text as its tooltip).
  var text = document.querySelector(".article-text");
  var detail = document.getElementById("mention-detail");
  if (text && detail) {
    text.addEventListener("click", function (e) {
      var mark = e.target.closest("mark");
      if (!mark) { return; }
      text.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
      text.querySelectorAll('mark[data-mention="' + mark.dataset.mention + '"]')
        .forEach(function (m) { m.classList.add("selected"); });
      detail.textContent = mark.title || mark.dataset.kind;
    });
  }
})();
