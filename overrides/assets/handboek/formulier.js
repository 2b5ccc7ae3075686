/* Handboek: a fillable checklist (kijkraam, werkblad, zelfscan, casusbespreking).
 *
 * Answers are kept in localStorage under the key in data-opslag ("handboek:<id>:v<versie>"),
 * so a new versie never sees old answers. Answers of an older versie stay in the browser until
 * the user exports or deletes them: the form says so and offers both (see oldVersions).
 * "Jouw naam" is kept with the answers and goes into the export; nothing is ever sent.
 * Buttons: afdrukken, leeg-afdrukken, exporteren (JSON), csv, importeren (JSON, asks before it
 * replaces answers; undo once), wissen. Without JavaScript the page is a complete printable form.
 * The file format and its checks: kern.js. Paper (room to write on a blank print): papier.js.
 */
(function (H) {
  "use strict";
  if (!H) return;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };
  var BACKUP = ":voor-import";

  function timeNow() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name]"))
      .filter(function (el) { return el.type !== "file"; });
  }

  function nameField(form) { return form.querySelector("[data-hb-naam]"); }
  function nameOfForm(form) { var el = nameField(form); return el ? el.value.trim() : ""; }

  function schemaOf(form) {
    var schema = { id: form.dataset.checklist, versie: Number(form.dataset.versie), names: [], fields: {} };
    fields(form).forEach(function (el) {
      var type = el.type === "radio" || el.type === "checkbox" ? el.type : "text";
      if (!has(schema.fields, el.name)) {
        schema.fields[el.name] = { type: type, values: [], el: el };
        schema.names.push(el.name);
      }
      if (type === "radio") schema.fields[el.name].values.push(el.value);
    });
    return schema;
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

  /* Printed pages show a copy of typed text: a textarea cuts off what does not fit. */
  function mirror(el) {
    var copy = el.nextElementSibling;
    if (copy && copy.classList.contains("hb-afdruk")) {
      copy.textContent = el.type === "date" && el.value ? H.shownDate(el.value) : el.value;
    }
  }

  /* Who filled the form in, and the date of a button print, go in the bottom margin of every
     printed sheet (@page @bottom-left), not in the citation line under the form: a long name or
     a date there could wrap that line and push it onto a sheet of its own. */
  var printDate = "";

  function cssString(text) {
    return '"' + String(text).replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\\/g, "\\\\")
      .replace(/"/g, '\\"') + '"';
  }

  function showName(form) {
    var name = nameOfForm(form).slice(0, 80);
    var parts = [];
    if (name) parts.push("Ingevuld door " + name);
    if (printDate) parts.push("Afgedrukt op " + printDate);
    var style = document.getElementById("hb-printstempel");
    if (!parts.length) { if (style) style.remove(); return; }
    if (!style) {
      style = document.createElement("style");
      style.id = "hb-printstempel";
      document.head.appendChild(style);
    }
    style.textContent = "@page { @bottom-left { content: " + cssString(parts.join(" · ")) + "; } }";
  }

  function apply(form, answers, name) {
    fields(form).forEach(function (el) {
      var value = has(answers, el.name) ? answers[el.name] : null;
      if (el.type === "checkbox") el.checked = value === true || value === "ja";
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = value === null ? "" : String(value);
      mirror(el);
    });
    var who = nameField(form);
    if (who && name !== undefined) who.value = name || "";
    showName(form);
  }

  function current(form) {
    return H.record(form.dataset.checklist, Number(form.dataset.versie), collect(form), nameOfForm(form));
  }

  function isEmpty(rec) { return Object.keys(rec.antwoorden).length === 0 && !rec.naam; }

  function load(form) {
    var saved = H.parseFile(H.storage.get(form.dataset.opslag));
    if (!saved || H.checkFile(saved, schemaOf(form), { allowEmpty: true }) !== null) return 0;
    apply(form, saved.antwoorden, typeof saved.naam === "string" ? saved.naam : "");
    return Object.keys(saved.antwoorden).length + (saved.naam ? 1 : 0);
  }

  function save(form) {
    blankEnd();
    var rec = current(form);
    if (isEmpty(rec)) {
      H.storage.remove(form.dataset.opslag);
      return true;
    }
    return H.storage.set(form.dataset.opslag, JSON.stringify(rec));
  }

  function say(form, text) {
    var status = form.querySelector(".hb-status");
    if (status) status.textContent = text;
  }

  function fileName(form, ext) {
    return H.exportName(form.dataset.checklist, form.dataset.versie, nameOfForm(form), ext);
  }

  function exportAnswers(form) {
    var name = fileName(form, "json");
    H.download(name, JSON.stringify(current(form), null, 2), "application/json");
    say(form, "De antwoorden zijn opgeslagen als bestand " + name + ".");
  }

  function cleanText(node) {
    var copy = node.cloneNode(true);
    each(copy.querySelectorAll(".headerlink, .hb-onzichtbaar"), function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function labelOf(el) {
    var ids = (el.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
    if (el.type === "radio") ids = ids.slice(0, 1);
    if (ids.length) {
      return ids.map(function (id) {
        var n = document.getElementById(id);
        return n ? cleanText(n) : "";
      }).filter(Boolean).join(" — ");
    }
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
    if (el.labels && el.labels[0]) return cleanText(el.labels[0]);
    return el.name;
  }

  function sectionOf(el) {
    var section = el.closest("section");
    var heading = section && section.querySelector("h2");
    return heading ? cleanText(heading) : "Gegevens";
  }

  function csvRows(form) {
    var schema = schemaOf(form), answers = collect(form);
    var rows = [["Onderdeel", "Vraag of uitspraak", "Antwoord"]];
    if (nameOfForm(form)) rows.push(["Gegevens", "Ingevuld door", nameOfForm(form)]);
    schema.names.forEach(function (name) {
      var f = schema.fields[name], value = has(answers, name) ? answers[name] : "";
      if (f.type === "checkbox") value = value ? "ja" : "";
      else if (f.el.type === "date" && value) value = H.shownDate(value);
      rows.push([sectionOf(f.el), labelOf(f.el), value]);
    });
    return rows;
  }

  function exportCsv(form) {
    var name = fileName(form, "csv");
    H.download(name, H.csvText(csvRows(form)), "text/csv;charset=utf-8");
    say(form, "De antwoorden zijn opgeslagen als tabel (CSV) in " + name + ".");
  }

  /* ---- import: asks before it replaces, and can be undone once ------------ */

  function undoBox(form) { return form.querySelector(".hb-herstel"); }

  function offerUndo(form) {
    var box = undoBox(form), backup = H.parseFile(H.storage.get(form.dataset.opslag + BACKUP));
    if (!box) return;
    box.hidden = !backup;
    if (!backup) return;
    box.querySelector(".hb-herstel__tekst").textContent = "Je antwoorden van vóór het importeren van " +
      String(backup.bestand) + " zijn bewaard (" + H.describe(backup.vorige) + ").";
  }

  function importAnswers(form, file) {
    H.readFile(file, function (data) {
      if (data === undefined) {
        say(form, file.name + " kan niet worden gelezen: het is geen antwoordbestand van dit handboek. " +
          "Er is niets veranderd.");
        return;
      }
      var problem = H.checkFile(data, schemaOf(form));
      if (problem) {
        say(form, file.name + " is niet overgenomen: " + problem + " Er is niets veranderd.");
        return;
      }
      blankEnd();
      var before = current(form);
      if (!isEmpty(before)) {
        var ask = "In dit formulier staan al antwoorden" + (before.naam ? " van " + before.naam : "") + ". " +
          "Wil je ze vervangen door de antwoorden uit " + file.name + " (" + H.describe(data) + ")?\n\n" +
          "Je kunt dit daarna één keer ongedaan maken.";
        if (!window.confirm(ask)) {
          say(form, file.name + " is niet geïmporteerd. Je antwoorden zijn niet veranderd.");
          return;
        }
        H.storage.set(form.dataset.opslag + BACKUP, JSON.stringify({ bestand: file.name, vorige: before }));
      } else {
        H.storage.remove(form.dataset.opslag + BACKUP);
      }
      apply(form, data.antwoorden, typeof data.naam === "string" ? data.naam.trim() : "");
      save(form);
      offerUndo(form);
      say(form, "De antwoorden uit " + file.name + " (" + H.describe(data) + ") staan weer in het formulier.");
    });
  }

  function undoImport(form) {
    var backup = H.parseFile(H.storage.get(form.dataset.opslag + BACKUP));
    if (!backup || H.checkFile(backup.vorige, schemaOf(form), { allowEmpty: true }) !== null) {
      H.storage.remove(form.dataset.opslag + BACKUP);
      offerUndo(form);
      return;
    }
    apply(form, backup.vorige.antwoorden, typeof backup.vorige.naam === "string" ? backup.vorige.naam : "");
    save(form);
    H.storage.remove(form.dataset.opslag + BACKUP);
    offerUndo(form);
    say(form, "Je vorige antwoorden staan weer in het formulier.");
  }

  /* ---- a blank copy ----------------------------------------------------------
     The answers leave the page for the duration of the print (not hidden: gone), so boxes
     keep their blank size and no answer is in the PDF. They come back after printing, or at
     the latest at the next touch of the form. */
  var blank = null;

  function blankStart(form) {
    blankEnd();
    blank = { form: form, answers: collect(form), name: nameOfForm(form) };
    form.classList.add("hb-leeg");
    apply(form, {}, "");
    say(form, "Een leeg formulier wordt afgedrukt. Je antwoorden komen daarna terug.");
  }

  function blankEnd() {
    if (!blank) return;
    var b = blank;
    blank = null;
    apply(b.form, b.answers, b.name);
    b.form.classList.remove("hb-leeg");
    if (document.body.contains(b.form)) say(b.form, "Je antwoorden staan weer in het formulier.");
  }

  function printForm(form, empty) {
    if (empty) blankStart(form); else blankEnd();
    printDate = new Date().toLocaleDateString("nl-NL");
    showName(form);
    window.print();
  }

  /* Answers of another versie of this form, still in this browser. */
  function oldVersions(form) {
    var prefix = "handboek:" + form.dataset.checklist + ":v";
    var old = H.storage.keys().filter(function (k) {
      return k && k.indexOf(prefix) === 0 && k !== form.dataset.opslag && /^\d+$/.test(k.slice(prefix.length));
    });
    var box = form.querySelector(".hb-oud");
    if (box) box.remove();
    if (!old.length) return;
    box = document.createElement("div");
    box.className = "hb-oud admonition note";
    var p = document.createElement("p");
    var versions = old.map(function (k) { return k.slice(prefix.length); }).join(" en ");
    p.textContent = "In deze browser staan nog antwoorden van een oudere versie van dit formulier (versie " +
      versions + "). Ze staan niet in dit formulier, omdat de vragen veranderd kunnen zijn. " +
      "Bewaar ze als bestand of wis ze.";
    box.appendChild(p);
    [["Oude antwoorden bewaren", "oud-bewaren"], ["Oude antwoorden wissen", "oud-wissen"]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = b[0];
      button.dataset.actie = b[1];
      box.appendChild(button);
    });
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-actie]");
      if (!button) return;
      event.stopPropagation();
      old.forEach(function (key) {
        if (button.dataset.actie === "oud-bewaren") {
          var raw = H.storage.get(key);
          if (raw) H.download(form.dataset.checklist + "-v" + key.slice(prefix.length) + "-oud.json", raw, "application/json");
        } else {
          H.storage.remove(key);
          H.storage.remove(key + BACKUP);
        }
      });
      if (button.dataset.actie === "oud-wissen") {
        box.remove();
        say(form, "De antwoorden van de oudere versie zijn gewist.");
      }
    });
    var status = form.querySelector(".hb-status");
    if (status) status.after(box); else form.prepend(box);
  }

  function setupForm(form) {
    form.classList.add("hb-js");
    var restored = load(form);
    each(form.querySelectorAll(".hb-acties, .hb-wie"), function (el) { el.hidden = false; });
    say(form, restored ? "Je eerdere antwoorden zijn teruggezet (alleen bewaard in deze browser)."
                       : "Je antwoorden worden alleen in deze browser bewaard.");
    oldVersions(form);
    offerUndo(form);

    function saved() {
      say(form, save(form) ? "Bewaard om " + timeNow() + "."
                           : "Let op: deze browser kan niets bewaren. Exporteer je antwoorden voor je de pagina sluit.");
    }
    form.addEventListener("focusin", blankEnd);
    form.addEventListener("input", function (event) {
      if (event.target.type === "file") return;
      blankEnd();
      mirror(event.target);
      showName(form);
      saved();
    });
    form.addEventListener("change", function (event) {
      var el = event.target;
      if (el.dataset.actie === "importeren") {
        if (el.files && el.files[0]) importAnswers(form, el.files[0]);
        el.value = "";
        return;
      }
      if (el.type === "checkbox" || el.type === "radio") saved();
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-actie]");
      if (!button) return;
      var action = button.dataset.actie;
      if (action === "afdrukken") printForm(form, false);
      else if (action === "leeg-afdrukken") printForm(form, true);
      else if (action === "exporteren") exportAnswers(form);
      else if (action === "csv") exportCsv(form);
      else if (action === "herstellen") undoImport(form);
      else if (action === "wissen") {
        blankEnd();
        if (window.confirm("Alle antwoorden in dit formulier wissen, ook je naam? Dit kun je niet ongedaan maken.")) {
          apply(form, {}, "");
          H.storage.remove(form.dataset.opslag);
          H.storage.remove(form.dataset.opslag + BACKUP);
          offerUndo(form);
          say(form, "Het formulier is leeg gemaakt.");
        }
      }
    });
  }

  /* After a print, and on the next page of an instant navigation, the date goes and only the
     name of a form on the page stays in the margin. */
  function stampEnd() {
    printDate = "";
    var style = document.getElementById("hb-printstempel");
    if (style) style.remove();
    Array.prototype.forEach.call(document.querySelectorAll(".hb-formulier[data-opslag]"), showName);
  }

  window.addEventListener("afterprint", function () { blankEnd(); stampEnd(); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { blankEnd(); stampEnd(); });
  }
  H.start(".hb-formulier[data-opslag]", setupForm);
})(window.Handboek);
