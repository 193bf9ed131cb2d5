// Client-side filters for the document registry and the cooperative directory.
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
    var span = el("span");
    items.forEach(function (item, i) {
      if (i) span.appendChild(document.createTextNode(sep));
      span.appendChild(el("a", item.title, { href: root + item.url }));
    });
    return span;
  }

  function td(child) {
    var cell = el("td");
    if (typeof child === "string") cell.textContent = child; else cell.appendChild(child);
    return cell;
  }

  var render = {
    documents: function (row, root) {
      var tr = el("tr");
      [el("a", row.number, { href: root + row.url }), row.type, row.doc_summary, links(row.issuers, root, "; "), row.issued, row.status_label]
        .forEach(function (c) { tr.appendChild(td(c)); });
      return tr;
    },
    cooperatives: function (row, root) {
      var tr = el("tr"), name = el("span");
      name.appendChild(el("a", row.title, { href: root + row.url }));
      if (row.new_model) { name.appendChild(document.createTextNode(" ")); name.appendChild(el("span", "HTX kiểu mới", { "class": "portal-badge" })); }
      var stars = row.ocop_stars ? el("span", "★".repeat(row.ocop_stars), { "class": "portal-stars", "role": "img", "aria-label": row.ocop_stars + " sao" }) : "—";
      [name, links([row.province], root, ""), links(row.sectors, root, ", "), stars].forEach(function (c) { tr.appendChild(td(c)); });
      return tr;
    }
  };

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
        body.replaceChildren.apply(body, found.map(function (row) { return render[kind](row, root); }));
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

  function init() {
    document.querySelectorAll("form.portal-filter").forEach(setup);
    document.querySelectorAll("form.portal-task-filter").forEach(setupTasks);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
