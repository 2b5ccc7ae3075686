/* Handboek Sociaal Werk in de Wijk: fillable checklists and the casus filter.
 *
 * Checklists: answers are kept in localStorage under the key in data-opslag
 * ("handboek:<id>:v<versie>"), so a new versie never sees old answers. Buttons:
 * afdrukken, leeg-afdrukken, exporteren, importeren (JSON), wissen.
 * Without JavaScript the page is a complete printable form.
 *
 * Material's instant navigation swaps pages without a reload; document$ emits
 * for every page, so setup runs once per page view.
 */
(function () {
  "use strict";

  var EXPORT_KIND = "handboek-antwoorden";

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }
  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }

  /* ---- checklists ---------------------------------------------------- */

  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name]"))
      .filter(function (el) { return el.type !== "file"; });
  }

  function collect(form) {
    var answers = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox") {
        if (el.checked) answers[el.name] = true;
      } else if (el.type === "radio") {
        if (el.checked) answers[el.name] = el.value;
      } else if (el.value !== "") {
        answers[el.name] = el.value;
      }
    });
    return answers;
  }

  function apply(form, answers) {
    fields(form).forEach(function (el) {
      var value = Object.prototype.hasOwnProperty.call(answers, el.name) ? answers[el.name] : null;
      if (el.type === "checkbox") el.checked = value === true;
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = value === null ? "" : String(value);
      mirror(el);
    });
  }

  /* Printed pages show a copy of typed text: a textarea cuts off what does not fit. */
  function mirror(el) {
    var copy = el.nextElementSibling;
    if (copy && copy.classList.contains("hb-afdruk")) {
      var text = el.value;
      if (el.type === "date" && text) {
        var p = text.split("-");
        if (p.length === 3) text = p[2] + "-" + p[1] + "-" + p[0];
      }
      copy.textContent = text;
    }
  }

  function load(form) {
    var raw = storageGet(form.dataset.opslag);
    if (!raw) return 0;
    try {
      var saved = JSON.parse(raw);
      apply(form, saved.antwoorden || {});
      return Object.keys(saved.antwoorden || {}).length;
    } catch (e) {
      return 0;
    }
  }

  function save(form) {
    var answers = collect(form);
    if (Object.keys(answers).length === 0) {
      storageRemove(form.dataset.opslag);
      return true;
    }
    return storageSet(form.dataset.opslag, JSON.stringify({
      soort: EXPORT_KIND,
      checklist: form.dataset.checklist,
      versie: Number(form.dataset.versie),
      opgeslagen: new Date().toISOString(),
      antwoorden: answers
    }));
  }

  function say(form, text) {
    var status = form.querySelector(".hb-status");
    if (status) status.textContent = text;
  }

  function timeNow() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function exportAnswers(form) {
    var data = {
      soort: EXPORT_KIND,
      checklist: form.dataset.checklist,
      versie: Number(form.dataset.versie),
      opgeslagen: new Date().toISOString(),
      antwoorden: collect(form)
    };
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    var day = new Date().toISOString().slice(0, 10);
    a.href = url;
    a.download = form.dataset.checklist + "-v" + form.dataset.versie + "-" + day + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(form, "De antwoorden zijn opgeslagen als bestand " + a.download + ".");
  }

  function importAnswers(form, file) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) {
        say(form, "Dit bestand kan niet worden gelezen: het is geen antwoordbestand van dit handboek.");
        return;
      }
      if (!data || data.soort !== EXPORT_KIND || typeof data.antwoorden !== "object") {
        say(form, "Dit bestand is geen antwoordbestand van dit handboek.");
        return;
      }
      if (data.checklist !== form.dataset.checklist) {
        say(form, "Dit bestand hoort bij een ander formulier (" + data.checklist + "). Er is niets veranderd.");
        return;
      }
      if (Number(data.versie) !== Number(form.dataset.versie)) {
        say(form, "Dit bestand hoort bij versie " + data.versie + " van dit formulier; deze pagina is versie " +
          form.dataset.versie + ". De vragen kunnen veranderd zijn, dus de antwoorden zijn niet overgenomen.");
        return;
      }
      apply(form, data.antwoorden);
      save(form);
      say(form, "De antwoorden uit " + file.name + " staan weer in het formulier.");
    };
    reader.readAsText(file);
  }

  function printForm(form, blank) {
    form.classList.toggle("hb-leeg", !!blank);
    var stamp = form.querySelector(".hb-printdatum");
    if (stamp) stamp.textContent = " · Afgedrukt op " + new Date().toLocaleDateString("nl-NL");
    window.print();
  }

  function setupForm(form) {
    if (form.dataset.hbKlaar) return;
    form.dataset.hbKlaar = "1";
    form.classList.add("hb-js");
    var restored = load(form);
    var actions = form.querySelector(".hb-acties");
    if (actions) actions.hidden = false;
    say(form, restored ? "Je eerdere antwoorden zijn teruggezet (alleen bewaard in deze browser)."
                       : "Je antwoorden worden alleen in deze browser bewaard.");

    form.addEventListener("input", function (event) {
      mirror(event.target);
      if (event.target.type === "file") return;
      say(form, save(form) ? "Bewaard om " + timeNow() + "."
                           : "Let op: deze browser kan niets bewaren. Exporteer je antwoorden voor je de pagina sluit.");
    });
    form.addEventListener("change", function (event) {
      var el = event.target;
      if (el.dataset.actie === "importeren") {
        if (el.files && el.files[0]) importAnswers(form, el.files[0]);
        el.value = "";
        return;
      }
      if (el.type === "checkbox" || el.type === "radio") {
        say(form, save(form) ? "Bewaard om " + timeNow() + "." : "Let op: deze browser kan niets bewaren.");
      }
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-actie]");
      if (!button) return;
      var action = button.dataset.actie;
      if (action === "afdrukken") printForm(form, false);
      else if (action === "leeg-afdrukken") printForm(form, true);
      else if (action === "exporteren") exportAnswers(form);
      else if (action === "wissen") {
        if (window.confirm("Alle antwoorden in dit formulier wissen? Dit kun je niet ongedaan maken.")) {
          apply(form, {});
          storageRemove(form.dataset.opslag);
          say(form, "Het formulier is leeg gemaakt.");
        }
      }
    });
  }

  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-formulier.hb-leeg"), function (f) {
      f.classList.remove("hb-leeg");
    });
  });

  /* ---- casus filter ---------------------------------------------------- */

  function setupFilter(form) {
    if (form.dataset.hbKlaar) return;
    form.dataset.hbKlaar = "1";
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll(".hb-casus"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".hb-casusgroep"));
    var none = document.querySelector(".hb-geenresultaat");
    var status = form.querySelector(".hb-filterstatus");

    function run() {
      var wanted = {};
      Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (el) {
        if (el.value.trim()) wanted[el.dataset.filter] = el.value.trim().toLowerCase();
      });
      var shown = 0;
      items.forEach(function (li) {
        var ok = Object.keys(wanted).every(function (key) {
          var have = li.getAttribute("data-" + key) || "";
          if (key === "tekst") return have.indexOf(wanted[key]) !== -1;
          return have.split(" ").indexOf(wanted[key]) !== -1;
        });
        li.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (g) {
        g.hidden = !g.querySelector(".hb-casus:not([hidden])");
      });
      if (none) none.hidden = shown !== 0;
      status.textContent = Object.keys(wanted).length
        ? shown + " van de " + items.length + " casussen passen bij je keuze."
        : "Alle " + items.length + " casussen.";
    }

    form.addEventListener("input", run);
    form.addEventListener("change", run);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    run();
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-formulier[data-opslag]"), setupForm);
    var filter = document.getElementById("casusfilter");
    if (filter) setupFilter(filter);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
