// Dossier readiness site: optional filtering. Every page works without this script; the filter forms
// stay hidden until it runs. No network, no storage, no inline handlers (the pages forbid inline script).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function normalise(text) {
    return (text || "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-filter-table"));
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var fields = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var status = form.querySelector(".filters__status");

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = fields.every(function (field) {
          var value = field.value;
          if (!value) return true;
          var kind = field.getAttribute("data-filter");
          if (kind === "text") return normalise(row.textContent).indexOf(normalise(value)) !== -1;
          if (kind === "category") return (row.getAttribute("data-category") || "").split(" ").indexOf(value) !== -1;
          return row.getAttribute("data-" + kind) === value;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (status) status.textContent = shown === rows.length ? "" : "Showing " + shown + " of " + rows.length;
    }

    fields.forEach(function (field) {
      field.addEventListener(field.tagName === "SELECT" ? "change" : "input", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filter-table]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
