// Filters for the idea bank and the question bank, over the whole archive. Without
// JavaScript the lists are read page by page. With it, the filters choose among all
// items while loading little: `<list>/filter/index.json` has the options and where each
// meeting's items are, one small file per theme, category or organisation lists the
// positions of its items (see FilterData.swift), and the matching items are taken from
// the list's own pages (item p is on page p / size + 1), a few pages at a time. The
// choice is kept in the URL, so a reload or a shared link shows the same selection, and
// the count is announced to screen readers.
(function () {
  "use strict";
  var form = document.querySelector("[data-filter-form]");
  if (!form) return;
  var name = form.getAttribute("data-filter-form");
  var dataURL = form.getAttribute("data-filter-data");
  var pageURL = form.getAttribute("data-page-url");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var status = form.querySelector("[data-filter-count]");
  var empty = document.querySelector("[data-filter-empty]");
  var more = document.querySelector("[data-filter-more]");
  var isIdeas = name === "ideer";
  // What the page shows without filters: hidden while a filtered list is shown. The
  // idea bank's cards are in .idea-groups, under their meeting's and category's headings.
  var pageParts = Array.prototype.slice.call(document.querySelectorAll(
    isIdeas ? ".idea-groups, nav.pagination, .page-range" : "[data-filter-group], nav.pagination, .page-range"));
  var anchor = isIdeas ? document.querySelector(".idea-groups") : document.querySelector("[data-filter-group]");
  if (!anchor || !more) return;
  var results = null;
  var info = null;
  var lists = {};
  var pages = {};
  var matches = [];
  var shown = 0;
  var generation = 0;
  // At most this many items and list pages per step: bounds what one change loads.
  var batch = 50;
  var pagesPerStep = 8;

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function undelta(list) {
    var out = new Array(list.length), n = 0;
    for (var i = 0; i < list.length; i++) { n += list[i]; out[i] = n; }
    return out;
  }

  function list(kind, key) {
    var url = dataURL + kind + "/" + encodeURIComponent(key) + ".json";
    if (!lists[url]) lists[url] = getJSON(url).then(undelta);
    return lists[url];
  }

  function range(first, count, into) {
    for (var i = 0; i < count; i++) into.push(first + i);
    return into;
  }

  // Positions matching one select, ascending.
  function positions(select) {
    var key = select.getAttribute("data-filter"), value = select.value;
    if (key === "themes") return list("tema", value);
    if (key === "category") return list("kategori", value);
    if (key === "organisation") {
      return list("organisation", value).then(function (meetings) {
        var out = [];
        meetings.forEach(function (m) { var row = info.meetings[m]; if (row) range(row[3], row[4], out); });
        return out;
      });
    }
    var out = [];
    info.meetings.forEach(function (row) {
      if ((key === "meeting" && row[0] === value) || (key === "year" && String(row[2]) === value)) range(row[3], row[4], out);
    });
    return Promise.resolve(out);
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  // Where the matches are read from: the idea bank's pages, or, when a theme is chosen,
  // that theme's own idea list (`idebank/<tema>/`), where the matches lie much closer
  // together. `order` holds the positions that list has, ascending.
  var source = { url: pageURL, order: null };

  function place(p) {
    var order = source.order;
    if (!order) return p;
    var lo = 0, hi = order.length - 1;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (order[mid] < p) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function itemsOf(doc) {
    return Array.prototype.slice.call(doc.querySelectorAll('[data-filter-list="' + name + '"] > li'));
  }

  // Page n of the list at `url` (its items), fetched once.
  function pageOf(url, n) {
    var address = n === 1 ? url : url + "sida/" + n + "/";
    if (!pages[address]) {
      pages[address] = fetch(address).then(function (r) {
        if (!r.ok) throw new Error(address + ": " + r.status);
        return r.text();
      }).then(function (html) {
        return itemsOf(new DOMParser().parseFromString(html, "text/html"));
      });
    }
    return pages[address];
  }

  function page(n) { return pageOf(source.url, n); }

  // The page being read is one of the list's pages: its items are taken from the
  // document instead of being fetched again (the first matches of a recent year or
  // meeting, and many of a large category, are on the first page).
  (function () {
    var path = location.pathname, base = new URL(pageURL, location.href).pathname;
    if (path === base) pages[pageURL] = Promise.resolve(itemsOf(document));
    else if (path.indexOf(base + "sida/") === 0) pages[pageURL + path.slice(base.length)] = Promise.resolve(itemsOf(document));
  })();

  function word(n) {
    return n === 1 ? status.getAttribute("data-singular") : status.getAttribute("data-plural");
  }

  // The status words come from the page (data-* attributes from the site's catalogue):
  // "Visar {shown} av {total} {items}." is filled in here.
  // Counts are grouped as the server writes them (the catalogue's thousands_separator),
  // not as the browser's locale would: "4 374" on the page and in the filter alike.
  var thousands = status.getAttribute("data-thousands") || "";
  function text(name, values) {
    return (status.getAttribute("data-" + name) || "").replace(/\{([a-z]+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }
  function number(n) {
    var digits = String(n);
    return n >= 1000 && thousands ? digits.replace(/\B(?=(\d{3})+$)/g, thousands) : digits;
  }

  function say() {
    var active = selects.some(function (s) { return s.value; });
    if (!active) {
      status.textContent = text("all", { total: number(info.total), items: word(info.total) });
      return;
    }
    status.textContent = matches.length === 0 ? text("none", { items: word(2) }) :
      text("showing", { shown: number(shown), total: number(matches.length), items: word(matches.length) });
  }

  // Where a step's groups are built: a fragment, put into the result in one go (one
  // layout instead of one per card).
  var target = null;

  // A question's meeting heading goes with it: items are grouped under a copy of it.
  function groupFor(item, last) {
    var source = item.closest ? item.closest("[data-filter-group]") : null;
    var heading = source ? source.querySelector("h2") : null;
    var key = heading ? heading.textContent : "";
    if (last && last.key === key) return last;
    var section = document.createElement("section");
    section.className = "group";
    if (heading) section.appendChild(document.importNode(heading, true));
    var ul = document.createElement("ul");
    ul.className = "question-list";
    section.appendChild(ul);
    target.appendChild(section);
    return { key: key, list: ul };
  }

  // An idea goes under a copy of its meeting's heading and its category's heading, as on
  // the list's pages (without "continued from the previous page").
  function ideaGroupFor(item, last) {
    var run = item.parentNode;
    var group = run.closest ? run.closest(".idea-group") : null;
    var heading = group ? group.firstElementChild : null;
    var category = run.previousElementSibling;
    if (category && !category.classList.contains("idea-category")) category = null;
    var link = heading ? heading.querySelector("a") : null;
    var meeting = link ? link.getAttribute("href") : (heading ? heading.textContent : "");
    var key = category ? category.textContent : "";
    if (last && last.meeting === meeting && last.key === key && last.run === run.className) return last;
    var section = last && last.meeting === meeting ? last.section : null;
    if (!section) {
      section = document.createElement("section");
      section.className = "idea-group";
      if (heading) {
        var copy = document.importNode(heading, true);
        var continued = copy.querySelector(".continued");
        if (continued) continued.parentNode.removeChild(continued);
        section.appendChild(copy);
      }
      target.appendChild(section);
    }
    if (category) section.appendChild(document.importNode(category, true));
    var ul = document.createElement("ul");
    ul.className = run.className;
    section.appendChild(ul);
    return { meeting: meeting, key: key, run: run.className, section: section, list: ul };
  }

  var lastGroup = null;

  // Shows the next matches: up to `batch` items from at most `pagesPerStep` pages.
  function showMore(mine) {
    var size = info.size, wanted = [], needed = [];
    for (var i = shown; i < matches.length && wanted.length < batch; i++) {
      var n = Math.floor(place(matches[i]) / size) + 1;
      if (needed.indexOf(n) === -1) {
        if (needed.length === pagesPerStep) break;
        needed.push(n);
      }
      wanted.push(matches[i]);
    }
    return Promise.all(needed.map(page)).then(function (loaded) {
      if (mine !== generation) return;
      var byPage = {};
      needed.forEach(function (n, i) { byPage[n] = loaded[i]; });
      // New groups go into a fragment; a group continued from the previous step gets
      // its cards where it is, before them.
      target = document.createDocumentFragment();
      wanted.forEach(function (p) {
        var k = place(p), item = byPage[Math.floor(k / size) + 1][k % size];
        if (!item) return;
        var copy = document.importNode(item, true);
        copy.hidden = false;
        lastGroup = isIdeas ? ideaGroupFor(item, lastGroup) : groupFor(item, lastGroup);
        lastGroup.list.appendChild(copy);
      });
      results.appendChild(target);
      target = null;
      shown += wanted.length;
      more.hidden = shown >= matches.length;
      say();
    });
  }

  function apply(updateURL) {
    var mine = ++generation;
    var active = selects.filter(function (s) { return s.value; });
    if (updateURL && window.history && history.replaceState) {
      var params = new URLSearchParams();
      active.forEach(function (s) { params.set(s.name, s.value); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
    if (active.length === 0) {
      pageParts.forEach(function (el) { el.hidden = false; });
      results.hidden = true;
      results.textContent = "";
      more.hidden = true;
      if (empty) empty.hidden = true;
      matches = [];
      shown = 0;
      say();
      return Promise.resolve();
    }
    status.textContent = text("searching", {});
    var theme = isIdeas ? active.filter(function (s) { return s.getAttribute("data-filter") === "themes"; })[0] : null;
    var themeURL = theme ? pageURL + encodeURIComponent(theme.value) + "/" : null;
    // The first matches are nearly always on the first page of the theme's own list:
    // it is fetched beside the position lists, not after them (one round trip less).
    if (themeURL) pageOf(themeURL, 1).catch(function () {});
    return Promise.all(active.map(positions)).then(function (sets) {
      if (mine !== generation) return;
      matches = sets.reduce(intersect);
      source = theme ? { url: themeURL, order: sets[active.indexOf(theme)] } : { url: pageURL, order: null };
      shown = 0;
      lastGroup = null;
      results.textContent = "";
      pageParts.forEach(function (el) { el.hidden = true; });
      results.hidden = false;
      if (empty) empty.hidden = matches.length !== 0;
      more.hidden = true;
      if (matches.length === 0) { say(); return; }
      return showMore(mine);
    }).catch(function () {
      if (mine === generation) status.textContent = text("failed", {});
    });
  }

  function fill(select, rows, label) {
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    rows.forEach(function (row) {
      var option = document.createElement("option");
      option.value = row.value;
      option.textContent = label(row);
      select.appendChild(option);
    });
    select.value = keep;
  }

  function options(data) {
    var years = {};
    data.meetings.forEach(function (row) { if (row[4]) years[row[2]] = (years[row[2]] || 0) + row[4]; });
    var counted = function (row) { return row.text + " (" + number(row.count) + ")"; };
    selects.forEach(function (select) {
      var key = select.getAttribute("data-filter"), rows = null;
      if (key === "themes") rows = data.themes.map(function (t) { return { value: t[0], text: t[1], count: t[2] }; });
      else if (key === "category") rows = (data.categories || []).map(function (c) { return { value: c[0], text: c[1], count: c[2] }; });
      else if (key === "organisation") rows = (data.organisations || []).map(function (o) { return { value: o[0], text: o[1], count: o[2] }; });
      else if (key === "year") rows = Object.keys(years).sort(function (a, b) { return b - a; }).map(function (y) { return { value: y, text: y, count: years[y] }; });
      else if (key === "meeting") rows = data.meetings.filter(function (m) { return m[4] > 0; }).map(function (m) { return { value: m[0], text: m[1], count: m[4] }; });
      if (rows) fill(select, rows, counted);
    });
  }

  getJSON(dataURL + "index.json").then(function (data) {
    info = data;
    if (!data.meetings) data.meetings = [];
    options(data);
    results = document.createElement("div");
    results.className = isIdeas ? "idea-groups" : "filter-results";
    results.setAttribute("data-filter-results", "");
    results.hidden = true;
    anchor.parentNode.insertBefore(results, anchor);
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    more.querySelector("button").addEventListener("click", function () { showMore(generation); });
    form.hidden = false;
    return apply(false);
  }).catch(function () {
    // Without the filter data the page stays as it is: a list read page by page.
  });
})();
