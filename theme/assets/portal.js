// Client-side filters for the cooperative directory and the document registry.
// Without JavaScript the pages still work: every filter value is also a server-built page.
(function () {
  function setup(form) {
    var table = document.querySelector("table." + form.dataset.target);
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var output = form.querySelector("output");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Array.prototype.every.call(form.elements, function (field) {
          if (!field.name || !field.value) return true;
          var value = row.dataset[field.name] || "";
          if (field.name === "stars") return Number(value) >= Number(field.value);
          if (field.name === "sectors" || field.name === "issuers") return value.split(" ").indexOf(field.value) >= 0;
          return value === field.value;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (output) output.textContent = shown + "/" + rows.length + " mục";
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }
  function init() { document.querySelectorAll("form.portal-filter").forEach(setup); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
