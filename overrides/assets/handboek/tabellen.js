/* Handboek Sociaal Werk in de Wijk: wide tables on a narrow screen.
 *
 * Material puts every Markdown table in a box that scrolls sideways (.md-typeset__scrollwrap);
 * wegwijs.css keeps the first column in view. This adds the cue: when a table is wider than its
 * box, a line above it says so, and the box gets the class hb-schuifbaar (a shadow along the
 * fixed column). Checked again when the window changes size, and after instant navigation.
 */
(function () {
  "use strict";

  var HINT = "Deze tabel is breder dan je scherm: schuif hem opzij voor de andere kolommen. " +
    "De eerste kolom blijft staan.";

  function mark() {
    var boxes = document.querySelectorAll("article .md-typeset__scrollwrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var wide = box.scrollWidth > box.clientWidth + 1;
      var hint = box.previousElementSibling;
      var hasHint = hint && hint.classList.contains("hb-schuifhint");
      box.classList.toggle("hb-schuifbaar", wide);
      // A box that scrolls must be reachable with the keyboard (arrow keys scroll it).
      if (wide) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabel, schuif opzij voor meer kolommen");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
      if (wide && !hasHint) {
        var p = document.createElement("p");
        p.className = "hb-schuifhint";
        p.textContent = HINT;
        box.parentNode.insertBefore(p, box);
      } else if (!wide && hasHint) {
        hint.remove();
      }
    }
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(mark, 150);
  }

  if (typeof window === "undefined") return;
  window.addEventListener("resize", later);
  /* Both: document$ for pages swapped in by instant navigation, and the plain page load, because
   * on file:// (the offline copy) Material ends document$ before it emits. mark() is idempotent. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
