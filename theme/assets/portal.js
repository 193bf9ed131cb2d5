// Client-side filters for the document registry and the cooperative directory, and the menu's
// current section brought into view.
// Without JavaScript the pages work as they are: every filter value is also a server-built
// page (by type, year, status, agency, sector, province). With it, the form searches the
// whole list at once: it loads the list's index JSON (only when a filter is used) and
// renders the matching rows in place of the current page.
(function () {
  var cache = {};

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function links(items, root, sep) {
    var found = document.createDocumentFragment();
    items.forEach(function (item, i) {
      if (i) found.appendChild(document.createTextNode(sep));
      found.appendChild(el("a", item.title, { href: root + item.url }));
    });
    return found;
  }

  // A table row from the page's own <template> (the same Jinja macro as the server's rows, labels
  // for phones included): each data-* attribute names the index field the place shows.
  function fill(template, row, root) {
    var tr = template.content.querySelector("tr").cloneNode(true);
    tr.querySelectorAll("[data-text]").forEach(function (n) { n.textContent = row[n.dataset.text]; });
    tr.querySelectorAll("[data-href]").forEach(function (n) { n.setAttribute("href", root + row[n.dataset.href]); });
    tr.querySelectorAll("[data-links]").forEach(function (n) { n.appendChild(links([].concat(row[n.dataset.links]), root, n.dataset.sep || ", ")); });
    tr.querySelectorAll("[data-if]").forEach(function (n) { if (!row[n.dataset.if]) { n.previousSibling.remove(); n.remove(); } });
    tr.querySelectorAll("[data-stars]").forEach(function (n) {
      var count = Number(row[n.dataset.stars]);
      n.appendChild(count ? el("span", "★".repeat(count), { "class": "portal-stars", "role": "img", "aria-label": count + " sao" }) : document.createTextNode("—"));
    });
    return tr;
  }

  function matches(row, name, value) {
    if (name === "issuers") return row.issuers.some(function (a) { return a.id === value; });  // ids travel beside links
    if (name === "sector_ids") return row.sector_ids.split(" ").indexOf(value) >= 0;
    if (name === "ocop_stars") return Number(row.ocop_stars) >= Number(value);
    return String(row[name]) === value;
  }

  function setup(form) {
    var kind = form.dataset.kind;
    var table = form.parentNode.querySelector("table.portal-" + kind);
    if (!table) return;
    var body = table.tBodies[0], original = Array.prototype.slice.call(body.rows);
    var template = form.parentNode.querySelector("template.portal-row-template");
    var pager = form.parentNode.querySelector(".portal-pagination");
    var output = form.querySelector("output");
    var root = form.dataset.root.replace(/\/?$/, "/");
    function apply() {
      var active = Array.prototype.filter.call(form.elements, function (f) { return f.name && f.value; });
      if (!active.length) {
        body.replaceChildren.apply(body, original);
        if (pager) pager.hidden = false;
        output.textContent = "";
        return;
      }
      load(form.dataset.index).then(function (rows) {
        var found = rows.filter(function (row) {
          return active.every(function (f) { return matches(row, f.name, f.value); });
        });
        body.replaceChildren.apply(body, found.map(function (row) { return fill(template, row, root); }));
        if (pager) pager.hidden = true;
        output.textContent = found.length + " kết quả";
      }).catch(function (error) { output.textContent = "Không tải được danh sách: " + error.message; });
    }
    form.addEventListener("change", apply);
    form.hidden = false;
  }

  // The task page lists every task; its form hides those that do not match (agency, status, year due).
  function setupTasks(form) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".portal-task-list > li"));
    var output = form.querySelector("output");
    function apply() {
      var agency = form.elements.agency.value, status = form.elements.status.value, year = form.elements.year.value, shown = 0;
      items.forEach(function (li) {
        var ok = (!agency || li.dataset.agencies.split(" ").indexOf(agency) >= 0) &&
          (!status || li.dataset.status === status) && (!year || li.dataset.due.slice(0, 4) === year);
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      output.textContent = (agency || status || year) ? shown + " nhiệm vụ" : "";
    }
    form.addEventListener("change", apply);
    form.hidden = false;
  }

  // The menu is one strip that scrolls sideways on a phone: bring the current section into view
  // (centred in the strip; the page itself does not scroll).
  function showCurrentSection() {
    var current = document.querySelector(".portal-menu [aria-current]");
    if (!current) return;
    var strip = current.closest("ul"), box = strip.getBoundingClientRect(), item = current.getBoundingClientRect();
    if (item.left < box.left || item.right > box.right) {
      strip.scrollLeft += item.left + item.width / 2 - (box.left + box.width / 2);
    }
  }

  function init() {
    showCurrentSection();
    document.querySelectorAll("form.portal-filter").forEach(setup);
    document.querySelectorAll("form.portal-task-filter").forEach(setupTasks);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
