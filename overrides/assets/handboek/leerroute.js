/* Handboek Sociaal Werk in de Wijk: walking a leerroute.
 *
 * The route page links its steps with ?leerroute=<id>&stap=<k>. A step page carries, in the
 * data-stappen attribute of #hb-leerroute-data, every place it has in a route (see hooks/handboek/leerroutes.py,
 * walk_data). When the address names one of them, this shows "Stap K van N · Leerroute …" with the
 * previous and next step and the way back to the route, above and below the text. A page reached
 * any other way shows nothing extra. It works offline (no request) and with instant navigation.
 */
(function () {
  "use strict";

  function stepOf(data, search) {
    var params = new URLSearchParams(search);
    var route = params.get("leerroute");
    var number = parseInt(params.get("stap"), 10);
    if (!route || !number) return null;
    for (var i = 0; i < data.length; i++) {
      if (data[i].route === route && data[i].stap === number) return data[i];
    }
    return null;
  }

  function link(className, href, label, title) {
    var a = document.createElement("a");
    a.className = className;
    a.href = href;
    var small = document.createElement("span");
    small.className = "hb-route__wat";
    small.textContent = label;
    var name = document.createElement("span");
    name.className = "hb-route__titel";
    name.textContent = title;
    a.appendChild(small);
    a.appendChild(name);
    return a;
  }

  function bar(step, where) {
    var nav = document.createElement("nav");
    nav.className = "hb-route hb-route--" + where;
    nav.setAttribute("aria-label", where === "boven" ? "Leerroute" : "Leerroute, verder");
    var head = document.createElement("p");
    head.className = "hb-route__waar";
    var strong = document.createElement("strong");
    strong.textContent = "Stap " + step.stap + " van " + step.aantal;
    var back = document.createElement("a");
    back.href = step.route_href;
    back.textContent = "Leerroute " + step.titel;
    head.appendChild(strong);
    head.appendChild(document.createTextNode(" · "));
    head.appendChild(back);
    nav.appendChild(head);
    var steps = document.createElement("p");
    steps.className = "hb-route__stappen";
    if (step.vorige) steps.appendChild(link("hb-route__vorige", step.vorige.href, "← Vorige stap", step.vorige.titel));
    if (step.volgende) {
      steps.appendChild(link("hb-route__volgende", step.volgende.href, "Volgende stap →", step.volgende.titel));
    } else {
      steps.appendChild(link("hb-route__volgende", step.route_href, "Laatste stap: klaar", "Terug naar de route"));
    }
    nav.appendChild(steps);
    return nav;
  }

  function show() {
    var old = document.querySelectorAll(".hb-route");
    for (var i = 0; i < old.length; i++) old[i].remove();
    var holder = document.getElementById("hb-leerroute-data");
    if (!holder) return;
    var data;
    try { data = JSON.parse(holder.getAttribute("data-stappen")); } catch (e) { return; }
    if (!Array.isArray(data)) return;
    var step = stepOf(data, window.location.search);
    if (!step) return;
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var title = article.querySelector("h1");
    var top = bar(step, "boven");
    if (title && title.parentNode === article) title.insertAdjacentElement("afterend", top);
    else article.insertBefore(top, article.firstChild);
    var cite = article.querySelector(".hb-citeer");
    var bottom = bar(step, "onder");
    if (cite) article.insertBefore(bottom, cite);
    else article.appendChild(bottom);
  }

  if (typeof window === "undefined") return;
  /* Both: document$ for pages swapped in by instant navigation, and the plain page load, because
   * on file:// (the offline copy) Material ends document$ before it emits. show() is idempotent. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(show);
    // Two steps on one page (different headings): Material keeps the page, only the address changes.
    if (window.location$ && typeof window.location$.subscribe === "function") {
      window.location$.subscribe(function () { setTimeout(show, 0); });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
