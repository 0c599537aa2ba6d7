// Filters for the idea bank and the question bank. The page lists its items without
// JavaScript; this script only hides what does not match, keeps the choice in the URL
// (so a filtered view can be shared) and announces the count to screen readers. On a
// list of several pages it filters the page shown (the status says "på den här sidan").
// Its words come from the page (data-* attributes, from the site's language catalogue).
(function () {
  "use strict";
  var form = document.querySelector("[data-filter-form]");
  if (!form) return;
  var name = form.getAttribute("data-filter-form");
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-filter-list="' + name + '"] > li'));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var status = form.querySelector("[data-filter-count]");
  var empty = document.querySelector("[data-filter-empty]");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-filter-group]"));

  function matches(item) {
    return selects.every(function (select) {
      var wanted = select.value;
      if (!wanted) return true;
      var key = select.getAttribute("data-filter");
      var values = (item.getAttribute("data-" + key) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    });
  }

  function apply(updateURL) {
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item);
      item.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("li[data-themes]:not([hidden])");
    });
    if (empty) empty.hidden = shown !== 0;
    var word = shown === 1 ? status.getAttribute("data-singular") : status.getAttribute("data-plural");
    var active = selects.some(function (s) { return s.value; });
    // On a page of a paginated list the filters see that page only, and say so.
    var scope = status.getAttribute("data-scope");
    scope = scope ? " " + scope : "";
    var values = { shown: shown, total: items.length, items: word, scope: scope };
    var text = status.getAttribute(active ? "data-showing" : "data-showing-all") || "";
    status.textContent = text.replace(/\{([a-z]+)\}/g, function (all, key) { return key in values ? values[key] : all; });
    if (updateURL && window.history && history.replaceState) {
      var params = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

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
  form.hidden = false;
  apply(false);
})();
