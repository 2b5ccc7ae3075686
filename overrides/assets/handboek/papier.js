/* Handboek: room to write on paper. Just before a form prints, every open question gets the
 * room that is left at the bottom of its page, as extra write-in lines (at least the six lines
 * that handboek.css gives it anyway).
 *
 * How: the page's content is copied into an off-screen box as wide and as high as the printed
 * page (A4 minus the margins of handboek.css), laid out in columns of one page each, with the
 * print rules of the style sheets switched on for that moment. The browser breaks the columns
 * the way it breaks pages (the same break rules), so each column shows what one sheet holds.
 * The extra lines on a page are shared by its rows of open questions; a second measurement
 * checks that nothing moves to another page, else the form keeps its six lines. All of this
 * happens in one go before anything is drawn. From a folder (file://) the browser keeps the
 * style sheets closed to scripts: then the form prints with its six lines.
 */
(function (H) {
  "use strict";
  if (!H) return;
  var MM = 96 / 25.4;
  // A4 minus the @page margins in handboek.css (12 mm top and bottom, 14 mm left and right)
  var PAGE = { staand: { width: 182, height: 273 }, liggend: { width: 269, height: 186 } };
  var SAFETY = 3 * MM;   // what a page keeps free for rounding differences

  /* Switch the print rules on (and the screen rules off) in every readable style sheet. */
  function paperRules() {
    var changed = [];
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      var rules;
      try { rules = sheet.cssRules; } catch (e) { throw new Error("niet leesbaar"); }
      Array.prototype.forEach.call(rules || [], function (rule) {
        if (!rule.media || rule.type !== 4) return;   // CSSMediaRule
        var text = rule.media.mediaText;
        var want = /\bprint\b/.test(text) ? "all" : /\bscreen\b/.test(text) ? "not all" : null;
        if (want && want !== text) { changed.push([rule, text]); rule.media.mediaText = want; }
      });
    });
    return function restore() { changed.forEach(function (c) { c[0].media.mediaText = c[1]; }); };
  }

  function openFields(root) { return Array.prototype.slice.call(root.querySelectorAll(".hb-velden > .hb-veld--open")); }

  /* Per column (= page): the lowest bottom of anything on it, and the open questions on it. */
  function measure(box, colWidth) {
    var left = box.getBoundingClientRect().left, top = box.getBoundingClientRect().top;
    var bottoms = [];
    Array.prototype.forEach.call(box.querySelectorAll("*"), function (node) {
      // A box that runs on to the next page reaches down to the end of this one: only what
      // lies whole on one page shows where its content ends.
      var rects = node.getClientRects();
      if (rects.length !== 1) return;
      var r = rects[0];
      if (r.height < 1.5 || r.width < 1.5) return;
      var col = Math.floor((r.left - left + 1) / colWidth);
      bottoms[col] = Math.max(bottoms[col] || 0, r.bottom - top);
    });
    var fields = openFields(box).map(function (f) {
      var r = f.getBoundingClientRect();
      // where its write-in lines end (a grid row stretches the question itself to the row's height)
      var end = Array.prototype.reduce.call(f.querySelectorAll("*"), function (low, node) {
        var b = node.getBoundingClientRect();
        return b.height >= 1.5 ? Math.max(low, b.bottom) : low;
      }, r.top);
      return { col: Math.floor((r.left - left + 1) / colWidth), top: Math.round(r.top - top),
               bottom: Math.round(end - top) };
    });
    return { pages: bottoms.length, bottoms: bottoms, fields: fields };
  }

  function setExtra(fields, extra) {
    fields.forEach(function (f, i) {
      if (extra[i]) f.style.setProperty("--extra", String(extra[i])); else f.style.removeProperty("--extra");
    });
  }

  function same(a, b) {
    return a.pages === b.pages && a.fields.every(function (f, i) { return f.col === b.fields[i].col; });
  }

  function fit(form) {
    var fields = openFields(form);
    setExtra(fields, []);
    var article = form.closest("article") || form;
    if (!fields.length) return;
    var size = PAGE[form.classList.contains("hb-formulier--liggend") ? "liggend" : "staand"];
    var restore;
    try { restore = paperRules(); } catch (e) { return; }
    var box = document.createElement("div");
    try {
      var copy = article.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("[id], [name]"), function (n) {
        n.removeAttribute("id");
        n.removeAttribute("name");   // a copied radio button must not join the form's own group
      });
      box.setAttribute("aria-hidden", "true");
      box.style.cssText = "position:absolute;left:-20000px;top:0;visibility:hidden;column-gap:0;column-fill:auto;" +
        "width:" + size.width + "mm;height:" + size.height + "mm;columns:" + size.width + "mm;";
      box.appendChild(copy);
      document.body.appendChild(box);
      var colWidth = size.width * MM, pageHeight = size.height * MM;
      var line = parseFloat(getComputedStyle(copy.querySelector(".hb-formulier") || copy).getPropertyValue("--hb-regel")) || 6;
      line = line * MM;
      var before = measure(box, colWidth);
      var extra = H.paperPlan(before, pageHeight, line, SAFETY);
      var copied = openFields(copy);
      for (var attempt = 0; attempt < 4; attempt++) {
        setExtra(copied, extra);
        if (same(before, measure(box, colWidth))) break;
        extra = extra.map(function (n) { return attempt < 2 ? Math.floor(n / 2) : 0; });
      }
      setExtra(fields, extra);
    } finally {
      box.remove();
      restore();
    }
  }

  function fitAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-formulier.hb-js"), function (form) {
      try { H.papier.fit(form); } catch (e) { /* the form prints with its six lines */ }
    });
  }

  window.addEventListener("beforeprint", fitAll);
  H.papier = { fit: fit };
})(window.Handboek);
