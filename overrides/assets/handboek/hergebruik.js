/* "Deze pagina citeren": copy the APA reference to the clipboard.
   Clipboard API first (with the title in italics as HTML where the browser allows it);
   if that is refused, select the text so the reader can copy it with Ctrl+C.
   One listener on the document, so it also works after Material's instant navigation. */
(function () {
  "use strict";

  function showButtons() {
    document.querySelectorAll("[data-hb-kopieer][hidden]").forEach(function (b) { b.hidden = false; });
  }

  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return sel;
  }

  function fallback(el, status) {
    selectText(el);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    status.textContent = ok ? "De verwijzing is gekopieerd."
      : "Kopiëren lukte niet. De verwijzing is geselecteerd: kopieer haar met Ctrl+C (of Cmd+C).";
  }

  function copy(button) {
    var el = document.getElementById(button.getAttribute("data-hb-kopieer"));
    if (!el) return;
    var status = button.parentNode.querySelector(".hb-citeer__status");
    var text = el.getAttribute("data-tekst") || el.textContent;
    var done = function () { status.textContent = "De verwijzing is gekopieerd."; };
    if (!navigator.clipboard || !window.isSecureContext) { fallback(el, status); return; }
    var plain = function () { return navigator.clipboard.writeText(text); };
    var attempt;
    if (window.ClipboardItem && navigator.clipboard.write) {
      var html = "<span>" + el.innerHTML + "</span>";
      attempt = navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      })]).catch(plain);
    } else {
      attempt = plain();
    }
    attempt.then(done, function () { fallback(el, status); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-hb-kopieer]") : null;
    if (button) copy(button);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(showButtons);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showButtons);
  } else {
    showButtons();
  }
})();
