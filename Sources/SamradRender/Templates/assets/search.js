// Search page on Pagefind's JavaScript API: Swedish stemming comes from the index, this
// script adds facets with counts, keeps the query and filters in the URL, and shows
// sub-results so that a hit lands on the question or post-it it is about.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  if (!form) return;
  var base = form.getAttribute("data-base") || "/";
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var more = document.querySelector("[data-search-more]");
  var facetBox = form.querySelector("[data-search-filters]");
  var facets = form.querySelector("[data-search-facets]");
  var unavailable = document.querySelector("[data-search-unavailable]");
  // The words come from the page (the site's language catalogue), as data-* attributes
  // of the form: "{n} träffar{for}." is filled in by fill().
  function word(name) { return form.getAttribute("data-" + name) || ""; }
  function fill(text, values) {
    return text.replace(/\{([a-z_]+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  // Counts are grouped with the site's thousands separator (the catalogue's, as the
  // pages and filters.js write them), never the browser's locale: "1 234 träffar".
  var thousands = word("thousands");
  function number(n) {
    var digits = String(n);
    return n >= 1000 && thousands ? digits.replace(/\B(?=(\d{3})+$)/g, thousands) : digits;
  }
  var language = word("language") || "sv";
  var facetLabels = { "tema": word("facet-tema"), "typ": word("facet-typ"), "år": word("facet-ar"), "organisation": word("facet-organisation") };
  var facetParams = { "tema": "tema", "typ": "typ", "år": "ar", "organisation": "organisation" };
  var order = ["tema", "typ", "år", "organisation"];
  var pagefind = null;
  var shown = 0;
  var results = [];
  var timer = null;
  var generation = 0;

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var selected = {};
  order.forEach(function (key) { selected[key] = params.getAll(facetParams[key]); });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function buildFacets(all) {
    facets.textContent = "";
    order.forEach(function (key) {
      var values = all[key];
      if (!values || Object.keys(values).length === 0) return;
      var group = el("fieldset", { "class": "facet", "data-facet": key });
      group.appendChild(el("legend", {}, facetLabels[key] || key));
      var names = Object.keys(values).sort(function (a, b) {
        return key === "år" ? b.localeCompare(a) : a.localeCompare(b, language);
      });
      names.forEach(function (name, i) {
        var id = "facet-" + facetParams[key] + "-" + i;
        var row = el("div", { "class": "facet-option" });
        var box = el("input", { type: "checkbox", id: id, value: name, "data-key": key });
        if (selected[key].indexOf(name) !== -1) box.checked = true;
        box.addEventListener("change", function () {
          selected[key] = Array.prototype.map.call(group.querySelectorAll("input:checked"), function (b) { return b.value; });
          run(true);
        });
        var label = el("label", { "for": id });
        label.appendChild(document.createTextNode(name + " "));
        label.appendChild(el("span", { "class": "facet-count", "data-count-for": name }, "(" + number(values[name]) + ")"));
        row.appendChild(box);
        row.appendChild(label);
        group.appendChild(row);
      });
      if (key === "organisation" && names.length > 8) {
        var details = el("details", { "class": "facet-more" });
        details.appendChild(el("summary", {}, facetLabels.organisation + " (" + number(names.length) + ")"));
        group.querySelector("legend").classList.add("visually-hidden");
        details.appendChild(group);
        facets.appendChild(details);
      } else {
        facets.appendChild(group);
      }
    });
    facetBox.hidden = facets.children.length === 0;
  }

  function updateCounts(counts) {
    order.forEach(function (key) {
      var group = facets.querySelector('[data-facet="' + key + '"]');
      if (!group || !counts || !counts[key]) return;
      Array.prototype.forEach.call(group.querySelectorAll("[data-count-for]"), function (span) {
        var n = counts[key][span.getAttribute("data-count-for")] || 0;
        span.textContent = "(" + number(n) + ")";
      });
    });
  }

  function filterObject() {
    var filters = {};
    order.forEach(function (key) { if (selected[key].length) filters[key] = { any: selected[key] }; });
    return filters;
  }

  function hasFilters() { return order.some(function (k) { return selected[k].length > 0; }); }

  function updateURL() {
    var p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value.trim());
    order.forEach(function (key) { selected[key].forEach(function (v) { p.append(facetParams[key], v); }); });
    var query = p.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function renderResult(data) {
    var item = el("li", { "class": "search-result" });
    var heading = el("h2", { "class": "result-title" });
    heading.appendChild(el("a", { href: data.url }, (data.meta && data.meta.title) || data.url));
    item.appendChild(heading);
    if (data.meta && data.meta.datum) item.appendChild(el("p", { "class": "meta" }, data.meta.datum));
    var excerpt = el("p", { "class": "excerpt" });
    excerpt.innerHTML = data.excerpt;
    item.appendChild(excerpt);
    // The best-matching places first (a post-it whose words were searched for before a
    // paragraph that has one of them), not Pagefind's page order.
    var score = function (s) { return (s.weighted_locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 0); }, 0); };
    var subs = (data.sub_results || []).filter(function (s) { return s.anchor; })
      .sort(function (a, b) { return score(b) - score(a); }).slice(0, 3);
    if (subs.length) {
      var ul = el("ul", { "class": "sub-results", "aria-label": word("hits-on-page") });
      subs.forEach(function (s) {
        var li = el("li");
        li.appendChild(el("a", { href: s.url }, s.title));
        var p = el("p", { "class": "excerpt" });
        p.innerHTML = s.excerpt;
        li.appendChild(p);
        ul.appendChild(li);
      });
      item.appendChild(ul);
    }
    return item;
  }

  function showMore() {
    var batch = results.slice(shown, shown + 10);
    var mine = generation;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== generation) return;
      datas.forEach(function (d) { list.appendChild(renderResult(d)); });
      shown += batch.length;
      more.hidden = shown >= results.length;
    });
  }

  function run(updateUrl) {
    if (!pagefind) return;
    var q = input.value.trim();
    if (updateUrl) updateURL();
    var mine = ++generation;
    if (!q && !hasFilters()) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = word("prompt");
      return;
    }
    pagefind.search(q || null, { filters: filterObject() }).then(function (search) {
      if (mine !== generation || !search) return;
      results = search.results;
      shown = 0;
      list.textContent = "";
      updateCounts(search.filters);
      var n = results.length;
      var what = q ? fill(word("for"), { q: q }) : "";
      status.textContent = fill(word(n === 0 ? "no-hits" : n === 1 ? "hit-one" : "hit-other"), { n: number(n), "for": what });
      return showMore();
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 300);
  });
  form.querySelector("[data-search-reset]").addEventListener("click", function () {
    order.forEach(function (k) { selected[k] = []; });
    Array.prototype.forEach.call(facets.querySelectorAll("input:checked"), function (b) { b.checked = false; });
    run(true);
  });
  more.querySelector("button").addEventListener("click", function () { showMore(); });

  // A large site's index is written in parts (pagefind/, pagefind/2/, built side by
  // side); the page says how many, and the others are merged in before the first search.
  // A search page from a template without the count asks whether a second part is there.
  var partsGiven = parseInt(word("search-parts"), 10);
  var parts = partsGiven > 0 ? Promise.resolve(partsGiven)
    : fetch(base + "pagefind/2/pagefind-entry.json", { method: "HEAD" }).then(function (r) { return r.ok ? 2 : 1; }, function () { return 1; });
  var loaded = null;
  import(base + "pagefind/pagefind.js").then(function (module) {
    loaded = module;
    return loaded.options({ baseUrl: base, excerptLength: 24 });
  }).then(function () {
    return parts;
  }).then(function (count) {
    var merged = [];
    for (var part = 2; part <= count; part++) {
      merged.push(loaded.mergeIndex(base + "pagefind/" + part + "/", { baseUrl: base, excerptLength: 24 }));
    }
    return Promise.all(merged);
  }).then(function () {
    pagefind = loaded;
    return pagefind.filters();
  }).then(function (all) {
    buildFacets(all || {});
    run(false);
  }).catch(function () {
    if (unavailable) unavailable.hidden = false;
    status.textContent = "";
  });
})();
