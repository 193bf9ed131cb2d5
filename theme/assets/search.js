// The search page (/tim-kiem/?q=…): runs the query on Pagefind's index (pagefind/, written by
// the build from site_plugins/output/search.py and searchbundle.py) and shows the count, the
// filters and the results.
//
// The index is in shards: the recent records (agencies, provinces, cooperatives, documents, events,
// the newest months of articles) at pagefind/ (its pagefind.js is the one imported), the older
// articles by year in folders of their own, listed in pagefind/shards.json (with the newest month
// each holds) and added with Pagefind's mergeIndex when the reader asks ("Tìm cả tin bài cũ hơn"),
// when the "Năm" filter names one of them, or when the recent records find nothing. While older
// articles are not searched, the page says from which month back under the count.
//
// Pagefind leaves out of a query a word its index does not hold at all: one index of the whole
// site finds nothing for "minh họa kèm các văn bản thật" when no page has every word, but a shard
// without "thật" would answer with its pages holding the other words; and a word no word of an index
// begins with stands for the longest word that begins it ("lak" for "la"). So each shard is merged
// with a filter naming it (SHARD), and a query leaves out the shards where one of its words, found as
// a word elsewhere, is no word at all (strictSearch).
//
// The index spells đ/Đ as d/D + U+0335 (a combining stroke Pagefind folds away), so "dak lak"
// finds "Đắk Lắk". Queries are encoded the same way; every text shown is decoded back. Texts are
// put in the page with textContent, never as HTML (only Pagefind's <mark> is rebuilt as elements).
(function () {
  "use strict";
  var form = document.querySelector("[data-portal-search-page]");
  if (!form) return;
  var STROKE = "\u0335";
  var SHARD = "shard";  // a filter Pagefind adds to every result of a shard (mergeFilter): the shard's path
  var PAGE = 20;
  var input = form.querySelector("input[name=q]");
  var fieldset = form.querySelector("[data-portal-filters]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.querySelector("[data-portal-search-status]");
  var list = document.querySelector("[data-portal-results]");
  var more = document.querySelector("[data-portal-more]");
  var older = document.querySelector("[data-portal-older]");
  var olderText = older.querySelector("[data-portal-older-text]");
  var collator = new Intl.Collator("vi");

  function encode(text) { return text.normalize("NFC").replace(/đ/g, "d" + STROKE).replace(/Đ/g, "D" + STROKE); }
  function decode(text) { return String(text || "").replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ"); }
  function words(text) { return decode(text).toLocaleLowerCase("vi").split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean); }
  function fold(text) {
    return decode(text).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLocaleLowerCase("vi");
  }
  function compact(text) { return decode(text).toLocaleLowerCase("vi").replace(/[^\p{L}\p{N}]+/gu, ""); }

  // The first results Pagefind returns are ordered again so that a document whose number is the
  // query comes first, then exact spellings (with the same accents) in the title, then in the
  // excerpt, shorter titles first.
  function score(query, data) {
    var q = words(query), value = 0;
    var number = data.meta.number;
    if (number && /\d/.test(query) && compact(query).length > 1 && compact(number).indexOf(compact(query)) === 0) value += 1000;
    var title = words(data.meta.title), excerpt = words((data.meta.summary || "") + " " + data.excerpt.replace(/<\/?mark>/g, ""));
    q.forEach(function (w) {
      if (title.indexOf(w) >= 0) value += 3;
      if (excerpt.indexOf(w) >= 0) value += 1;
    });
    // a title that is mostly the query ("Tỉnh Ninh Bình" for "ninh bình") before longer ones
    var extra = title.filter(function (w) { return q.indexOf(w) < 0; }).length;
    return value - Math.min(2, extra * 0.2);
  }

  // Pagefind's excerpt: text with < and > escaped and <mark> around the words found.
  function excerptNode(excerpt) {
    var p = document.createElement("p");
    p.className = "portal-result__excerpt";
    decode(excerpt).split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>/.test(part);
      var text = part.replace(/<\/?mark>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (!text) return;
      if (marked) { var m = document.createElement("mark"); m.textContent = text; p.appendChild(m); }
      else p.appendChild(document.createTextNode(text));
    });
    return p;
  }

  // The summary, with the words of the query marked (whatever their accents).
  function summaryNode(summary, query) {
    var wanted = words(query).map(fold);
    var p = document.createElement("p");
    p.className = "portal-result__excerpt";
    decode(summary).split(/([\p{L}\p{M}\p{N}]+)/u).forEach(function (part) {
      if (part && wanted.indexOf(fold(part)) >= 0) { var m = document.createElement("mark"); m.textContent = part; p.appendChild(m); }
      else if (part) p.appendChild(document.createTextNode(part));
    });
    return p;
  }

  function render(data, query) {
    var li = document.createElement("li");
    li.className = "portal-result";
    var kicker = document.createElement("p");
    kicker.className = "portal-card__kicker";
    kicker.textContent = [data.meta.kind, decode(data.meta.section)].filter(Boolean).join(" · ");
    var h = document.createElement("h2");
    h.className = "portal-result__title";
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = decode(data.meta.title);
    h.appendChild(a);
    // the summary with the query's words marked; when they are not in it, the words where they were found
    var summary = data.meta.summary ? summaryNode(data.meta.summary, query || "") : null;
    li.append(kicker, h, summary && (summary.querySelector("mark") || !query) ? summary : excerptNode(data.excerpt));
    if (data.meta.date) {
      var meta = document.createElement("p");
      meta.className = "portal-card__meta";
      meta.textContent = data.meta.date;
      li.appendChild(meta);
    }
    return li;
  }

  function chosen() {
    var filters = {};
    selects.forEach(function (s) { if (s.value && s.name !== "sap-xep") filters[s.name] = s.value; });
    return filters;
  }

  // counts: of each filter value among the results; totals: the same without the filters (a menu
  // whose value is chosen shows its other values with these, so the choice can be changed).
  function fillFilters(counts, keep, totals) {
    selects.forEach(function (select) {
      if (select.name === "sap-xep") return;
      var values = (keep[select.name] && totals ? totals : counts)[select.name] || {};
      var current = keep[select.name] || "";
      var names = Object.keys(values).filter(function (name) { return values[name] > 0; }).sort(function (x, y) {
        return select.name === "nam" ? collator.compare(y, x) : collator.compare(x, y);
      });
      if (select.name === "nam") {  // the years not searched yet can be chosen too (choosing one searches it)
        waiting().forEach(function (shard) {
          var year = String(shard.year);
          if (names.indexOf(year) < 0 && year !== current) names.push(year);
        });
        names.sort(function (x, y) { return collator.compare(y, x); });
      }
      if (current && names.indexOf(current) < 0) names.unshift(current);
      var options = [new Option("Tất cả", "")];
      names.forEach(function (name) {
        var count = values[name];
        options.push(new Option(count === undefined ? name : name + " (" + count + ")", name, false, name === current));
      });
      select.replaceChildren.apply(select, options);
      select.value = current;
      select.closest("label").hidden = names.length === 0;
    });
  }

  var pagefind = null, shown = [], order = [], runs = 0, filtersLoaded = false;
  var HINT = "Gõ từ khóa (có dấu hoặc không dấu) hoặc chọn bộ lọc để tìm.";

  // The filters' data is fetched only when the reader opens the filters (or follows a link with
  // one): a first query downloads no more than it needs. Then the results carry the counts.
  var filtersLoading = null;
  function loadFilters() {
    if (!filtersLoading) {
      filtersLoading = load().then(function (pf) { return pf.filters(); }).then(function () { filtersLoaded = true; return run(); });
    }
    return filtersLoading;
  }

  // The shards of pagefind/shards.json: {path, year, newest, records, recent}; merged: path → its mergeIndex.
  var loading = null, shards = [], merged = {};
  function load() {
    if (!loading) {
      var bundle = new URL(form.dataset.bundle, document.baseURI);
      var root = new URL(form.dataset.root, document.baseURI).pathname;
      var listed = fetch(new URL("shards.json", bundle)).then(function (r) {
        if (!r.ok) throw new Error("shards.json: " + r.status);
        return r.json();
      });
      loading = Promise.all([import(new URL("pagefind.js", bundle).href), listed]).then(function (both) {
        var module = both[0];
        module.options({ baseUrl: root, mergeFilter: filterOf({ path: "" }) });
        pagefind = module;
        shards = both[1].shards;
        return merge(shards.filter(function (s) { return s.recent; }));
      }).then(function () { return pagefind; });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function merge(wanted) {
    var root = new URL(form.dataset.root, document.baseURI).pathname;
    wanted.forEach(function (shard) {
      if (!merged[shard.path]) {
        var path = new URL(form.dataset.bundle + shard.path, document.baseURI).pathname;
        merged[shard.path] = pagefind.mergeIndex(path, { baseUrl: root, mergeFilter: filterOf(shard) });
      }
    });
    return Promise.all(Object.keys(merged).map(function (path) { return merged[path]; }));
  }

  function filterOf(shard) { var f = {}; f[SHARD] = shard.path || "/"; return f; }

  // The words of a query as Pagefind splits it: lower case, without punctuation, at spaces.
  function terms(query) {
    return query.toLocaleLowerCase().replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, "").split(/\s+/).filter(Boolean);
  }

  // A search of the merged shards that answers as one index of them all would: a shard where a word
  // of the query is not a word (a quoted search of it alone finds nothing), while another shard holds
  // it, has no page with every word. Its chunks are loaded already: this costs no download.
  function strictSearch(pf, query, options) {
    var words = terms(query);
    return pf.search(query, options).then(function (found) {
      if (!found.results.length || !Object.keys(merged).length) return found;
      return Promise.all(words.map(function (w) { return pf.search('"' + w + '"'); })).then(function (alone) {
        var names = ["/"].concat(Object.keys(merged));
        var lacking = {};
        alone.forEach(function (a) {
          var per = a.filters[SHARD] || {};
          if (a.results.length) names.forEach(function (n) { if (!per[n]) lacking[n] = true; });
        });
        var keep = names.filter(function (n) { return !lacking[n]; });
        if (keep.length === names.length) return found;
        if (!keep.length) return { results: [], filters: {}, totalFilters: {} };
        var narrowed = Object.assign({}, options, { filters: Object.assign({}, options.filters) });
        narrowed.filters[SHARD] = { any: keep };
        return pf.search(query, narrowed);
      });
    });
  }

  function waiting() { return shards.filter(function (s) { return !merged[s.path]; }); }

  // The shards a search needs besides those merged: a chosen year's.
  function neededFor(filters) {
    return waiting().filter(function (s) { return filters.nam && String(s.year) === filters.nam; });
  }

  function showOlder() {
    var months = waiting().map(function (s) { return s.newest; }).filter(Boolean).sort();
    older.hidden = !months.length;
    if (months.length) {
      var newest = months[months.length - 1].split("-");  // "2025-08": the newest month not searched
      olderText.textContent = "Chưa tìm trong tin bài từ tháng " + Number(newest[1]) + "/" + newest[0] + " trở về trước.";
    }
  }

  function showMore() {
    var next = order.slice(shown.length, shown.length + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (d) { shown.push(d); list.appendChild(render(d, input.value)); });
      more.hidden = shown.length >= order.length;
    });
  }

  function run() {
    var run = ++runs;
    var query = input.value.trim();
    var filters = chosen();
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    var sort = form.querySelector("select[name=sap-xep]").value;
    if (sort) params.set("sap-xep", sort);
    var address = location.pathname + (params.toString() ? "?" + params : "");
    if (address !== location.pathname + location.search) history.replaceState(null, "", address);
    document.title = (query ? "«" + query + "» - " : "") + document.title.replace(/^«[\s\S]*?» - /, "");
    if (!query && !Object.keys(filters).length && !filtersLoaded) {  // nothing asked yet: Pagefind is not even loaded
      list.replaceChildren();
      more.hidden = true;
      older.hidden = true;
      status.textContent = HINT;
      return Promise.resolve();
    }
    return load().then(function (pf) {
      if (!query && !Object.keys(filters).length) {
        older.hidden = true;
        return (filtersLoaded ? pf.filters() : Promise.resolve(null)).then(function (counts) {
          if (run !== runs) return;
          if (counts) fillFilters(counts, filters);
          list.replaceChildren();
          more.hidden = true;
          status.textContent = HINT;
        });
      }
      var options = Object.keys(filters).length ? { filters: filters } : {};
      if (sort === "moi-nhat") options.sort = { date: "desc" };
      var ask = function () { return query ? strictSearch(pf, encode(query), options) : pf.search(null, options); };
      return merge(neededFor(filters)).then(ask).then(function (found) {
        // nothing in the recent shards: the older years too, before saying that nothing was found
        return found.results.length || !waiting().length ? found : merge(waiting()).then(ask);
      }).then(function (search) {
        if (run !== runs) return;
        showOlder();
        if (filtersLoaded) fillFilters(search.filters, filters, search.totalFilters);
        order = search.results;
        shown = [];
        list.replaceChildren();
        var head = order.slice(0, PAGE);
        return Promise.all(head.map(function (r) { return r.data(); })).then(function (items) {
          if (run !== runs) return;
          if (query && !sort) {
            var ranked = items.map(function (d, i) { return { d: d, s: score(query, d), i: i }; });
            ranked.sort(function (x, y) { return y.s - x.s || x.i - y.i; });
            items = ranked.map(function (x) { return x.d; });
          }
          items.forEach(function (d) { shown.push(d); list.appendChild(render(d, query)); });
          more.hidden = shown.length >= order.length;
          var count = order.length;
          status.textContent = count ? count + " kết quả" + (query ? " cho «" + query + "»" : "") : "Không tìm thấy kết quả" + (query ? " cho «" + query + "»" : "") + ". Thử từ khóa khác hoặc bỏ bớt bộ lọc.";
        });
      });
    }).catch(function (error) {
      status.textContent = "Không tải được chỉ mục tìm kiếm: " + error.message;
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var initial = {};
  selects.forEach(function (s) {
    var v = params.get(s.name);
    if (v && s.name === "sap-xep") s.value = v;
    else if (v) { initial[s.name] = v; s.replaceChildren(new Option("Tất cả", ""), new Option(v, v, true, true)); }
  });
  fieldset.hidden = false;
  fieldset.addEventListener("toggle", function () { if (fieldset.open) loadFilters(); });
  if (Object.keys(initial).length) fieldset.open = true;  // a shared link with a filter: show it
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });  // ready by the first query
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", showMore);
  older.querySelector("button").addEventListener("click", function () {
    older.hidden = true;
    status.textContent = "Đang tìm cả tin bài cũ hơn…";
    load().then(function () { return merge(waiting()); }).then(run);
  });
  window.portalSearchReady = Object.keys(initial).length ? loadFilters() : run();
})();
