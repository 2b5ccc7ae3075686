/* Handboek: the casus filter on the casus index (state in the address, words also match tag
 * labels), and on a casus page on a phone the facts box folded, so the story is on the first
 * screen. Without JavaScript every casus is listed and the box stays open.
 */
(function (H) {
  "use strict";
  if (!H) return;

  var filterParams = { tekst: "zoek" };
  function paramOf(key) { return filterParams[key] || key; }

  function setupFilter(form) {
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll(".hb-casus"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".hb-casusgroep"));
    var none = document.querySelector(".hb-geenresultaat");
    var status = form.querySelector(".hb-filterstatus");
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      controls.forEach(function (el) {
        var value = params.get(paramOf(el.dataset.filter)) || "";
        if (el.tagName === "SELECT" && !el.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]')) value = "";
        el.value = value;
      });
    }

    function address() {
      var params = new URLSearchParams(window.location.search);
      controls.forEach(function (el) {
        var value = el.value.trim();
        if (value) params.set(paramOf(el.dataset.filter), value); else params.delete(paramOf(el.dataset.filter));
      });
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    }

    function remember(push) {
      var url = address();
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      try {
        if (push) window.history.pushState(null, "", url); else window.history.replaceState(window.history.state, "", url);
      } catch (e) { /* file:// in some browsers: the filter still works */ }
    }

    function run() {
      var wanted = {};
      controls.forEach(function (el) {
        if (el.value.trim()) wanted[el.dataset.filter] = el.dataset.filter === "tekst" ? H.fold(el.value.trim()) : el.value.trim();
      });
      var shown = 0;
      items.forEach(function (li) {
        var ok = Object.keys(wanted).every(function (key) {
          if (key === "tekst") {
            var text = H.fold((li.getAttribute("data-tekst") || "") + " " + (li.getAttribute("data-labels") || ""));
            return wanted.tekst.split(/\s+/).every(function (word) { return text.indexOf(word) !== -1; });
          }
          return (li.getAttribute("data-" + key) || "").split(" ").indexOf(wanted[key]) !== -1;
        });
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (g) {
        g.hidden = !g.querySelector(".hb-casus:not([hidden])");
      });
      if (none) none.hidden = shown !== 0;
      status.textContent = Object.keys(wanted).length
        ? shown + " van de " + items.length + " casussen passen bij je keuze. Het adres van deze pagina bewaart je keuze."
        : "Alle " + items.length + " casussen.";
    }

    form.addEventListener("input", function (e) { run(); remember(e.target.tagName === "SELECT"); });
    form.addEventListener("change", function () { run(); remember(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); remember(true); });
    form.addEventListener("reset", function () { setTimeout(function () { run(); remember(true); }, 0); });
    form.hbFromAddress = function () { fromAddress(); run(); };
    fromAddress();
    run();
  }

  window.addEventListener("popstate", function () {
    var filter = document.getElementById("casusfilter");
    if (filter && filter.hbFromAddress) filter.hbFromAddress();
  });

  function foldCasusInfo(details) {
    if (!window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    details.open = false;
  }

  H.start("#casusfilter", setupFilter);
  H.start("details.hb-casusinfo", foldCasusInfo);
})(window.Handboek);
