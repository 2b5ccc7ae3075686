/* Handboek Sociaal Werk in de Wijk: search that answers questions.
 *
 * Material's search (lunr, Dutch) drops Dutch function words from the index, but not from
 * the query: "wat is een kijkraam" becomes "wat* is* een* kijkraam*", and each of those
 * prefixes matches unrelated words ("is*" → isolement, "een*" → eenzaamheid). This file
 * removes function and question words, and single letters (the "t" of "t-shaped"), from a
 * query before Material's search worker sees it. What the reader typed stays in the box.
 *
 * It wraps postMessage of the search worker (a Worker, or the iframe shim of the offline
 * copy): Material sends {type: 2, data: "<query>"} for every query (SearchMessageType.QUERY).
 * Quoted phrases ("...") and lunr syntax (+term, -term, field:term) pass unchanged.
 */
(function () {
  "use strict";

  var QUERY = 2;
  /* lunr.nl's stop word list (the words the index leaves out) plus question words. */
  var WORDS = ("aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus " +
    "een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is " +
    "ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons " +
    "ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil " +
    "worden wordt zal ze zelf zich zij zijn zo zonder zou " +
    "waarom wanneer welke welk waar hoeveel betekent betekenen kun kunt jij jou jouw we wij ga gaat gaan doe doet").split(" ");
  var STOP = {};
  WORDS.forEach(function (w) { STOP[w] = true; });

  /* Dutch inflection, undone on the query side only. Material looks every term up as a
   * prefix ("schuld" finds schuld, schulden, schuldhulp), so a shorter form added to the word
   * widens the search to its other forms: overbelaste + overbelast, mantelzorgers + mantelzorg,
   * schulden + schuld, kijkramen + kijkram + kijkraam, informele + informel + informeel. */
  function forms(word) {
    var w = word.toLowerCase();
    var out = [word];   // the word as typed (cleanQuery drops it when a shorter form starts it)
    var stem = null;
    var ending = true;  // an ending that opens the syllable before it (not a plural -s)
    if (w.length >= 8 && /ers$/.test(w)) stem = w.slice(0, -3);
    else if (w.length >= 6 && /[^aeiou]en$/.test(w)) stem = w.slice(0, -2);
    else if (w.length >= 6 && /[^aeiou]e$/.test(w)) stem = w.slice(0, -1);
    else if (w.length >= 6 && /[^aeious]s$/.test(w)) { stem = w.slice(0, -1); ending = false; }
    if (stem) {
      out.push(stem);
      /* An open syllable wrote its long vowel once: informel → informeel, social → sociaal,
       * kijkram → kijkraam. Not for the unstressed -er and -en (oudere → ouder). */
      var open = /([^aeiou]|i)([aeou])([^aeiouy])$/.exec(stem);
      if (ending && open && !(open[2] === "e" && /[rn]/.test(open[3]))) {
        out.push(stem.slice(0, -1) + open[2] + open[3]);
      }
    } else {
      /* A long vowel written twice is written once before an ending: kijkraam → kijkram(en),
       * informeel → informel(e). */
      var long = /([aeou])\1([^aeiouy])$/.exec(w);
      if (long && w.length >= 6) out.push(w.slice(0, -3) + long[1] + long[2]);
    }
    return out;
  }

  function cleanQuery(query) {
    if (typeof query !== "string" || query.indexOf('"') >= 0) return query;
    var kept = [];
    function keep(term) { if (kept.indexOf(term) < 0) kept.push(term); }
    query.trim().split(/\s+/).forEach(function (t) {
      if (/^[+\-~^*]|:|[*~^]/.test(t)) { keep(t); return; }   // lunr syntax: leave it alone
      t.split(/-+/).forEach(function (part) {
        var word = part.replace(/^[(\[]+|[?!.,;:)\]]+$/g, "");
        if (word.length < 2 || STOP[word.toLowerCase()]) return;
        /* Material looks every term up as a prefix, and lunr adds up the scores of all terms:
         * "sociale social" would count a page with "sociale" twice, and outweigh the other
         * words of the query ("sociale reflexiviteit" found the pages about sociale wijkteams
         * first). So a form that starts with another form of the same word is left out. */
        var all = forms(word);
        all.filter(function (f) {
          return !all.some(function (g) { return g !== f && f.toLowerCase().indexOf(g.toLowerCase()) === 0; });
        }).forEach(keep);
      });
    });
    // A query of function words only ("wat is dat") keeps its words: better some results than none.
    return kept.length ? kept.join(" ") : query;
  }

  function wrap(proto) {
    if (!proto || proto.postMessage.handboekZoeken) return;
    var post = proto.postMessage;
    var wrapped = function (message) {
      if (message && message.type === QUERY) {
        message = { type: QUERY, data: cleanQuery(message.data) };
      }
      return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
    };
    wrapped.handboekZoeken = true;
    proto.postMessage = wrapped;
  }

  /* The search field on the home page (form.hb-start__zoek): without JavaScript it reloads the
   * page with ?q=…, which Material opens as a search; with it, Material's search dialog opens at
   * once with the question typed in. Delegated, so it also works after instant navigation. */
  function openSearch(event) {
    var form = event.target;
    if (!form || !form.classList || !form.classList.contains("hb-start__zoek")) return;
    var toggle = document.querySelector("input[data-md-toggle=search]");
    var box = document.querySelector("input.md-search__input");
    var asked = form.querySelector("input[name=q]");
    if (!toggle || !box || !asked || !asked.value.trim()) return;
    event.preventDefault();
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    box.value = asked.value.trim();
    box.focus();
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  if (typeof window !== "undefined") {
    document.addEventListener("submit", openSearch);
    if (window.Worker) wrap(window.Worker.prototype);
    if (window.IFrameWorker) wrap(window.IFrameWorker.prototype);
    window.handboekZoekvraag = cleanQuery;   // for tests
  }
  if (typeof module !== "undefined") module.exports = { cleanQuery: cleanQuery, forms: forms };
})();
