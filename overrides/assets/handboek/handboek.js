/* Handboek Sociaal Werk in de Wijk: fillable checklists, the team overview and the casus filter.
 *
 * Checklists: answers are kept in localStorage under the key in data-opslag
 * ("handboek:<id>:v<versie>"), so a new versie never sees old answers. Answers of an
 * older versie stay in the browser until the user exports or deletes them: the form
 * says so and offers both (see oldVersions). Buttons: afdrukken, leeg-afdrukken,
 * exporteren (JSON), csv, importeren (JSON), wissen.
 * Without JavaScript the page is a complete printable form.
 *
 * The export file is the one format for import and for the team overview:
 *   {"soort": "handboek-antwoorden", "checklist": "<id>", "versie": <n>,
 *    "opgeslagen": "<ISO date>", "antwoorden": {"<veldnaam>": <waarde>, ...}}
 * with a scale answer as one of the scale's labels, a ticked item as true (or "ja")
 * and written text as a string. checkFile() checks a file completely before anything
 * changes.
 *
 * Material's instant navigation swaps pages without a reload; document$ emits
 * for every page, so setup runs once per page view.
 */
(function () {
  "use strict";

  var EXPORT_KIND = "handboek-antwoorden";
  var MAX_TEXT = 20000;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }
  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }
  function storageKeys() {
    try {
      var out = [];
      for (var i = 0; i < window.localStorage.length; i++) out.push(window.localStorage.key(i));
      return out;
    } catch (e) { return []; }
  }

  function timeNow() {
    var d = new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function today() { return new Date().toISOString().slice(0, 10); }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* ---- CSV: UTF-8 with BOM, ";" between cells (Dutch Excel and LibreOffice) ---- */

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    // A cell that starts like a formula would be run by a spreadsheet: show it as text.
    if (/^[=+@\t\r]/.test(text) || /^-[^\s]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function csvText(rows) {
    return "\uFEFF" + rows.map(function (r) { return r.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }

  /* ---- the answer file: one check for import and team overview ----------- */

  /* schema: {id, versie, names: [..], fields: {name: {type: "radio"|"checkbox"|"text", values: [..]}}} */
  function checkFile(data, schema) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.soort !== EXPORT_KIND) {
      return "het is geen antwoordbestand van dit handboek.";
    }
    if (data.checklist !== schema.id) {
      return "het hoort bij een ander formulier (" + String(data.checklist) + ").";
    }
    if (Number(data.versie) !== schema.versie) {
      return "het hoort bij versie " + String(data.versie) + " van dit formulier; deze pagina is versie " +
        schema.versie + ". De vragen kunnen veranderd zijn.";
    }
    var answers = data.antwoorden;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
      return "er staan geen antwoorden in ('antwoorden' is leeg of geen lijst van velden).";
    }
    var keys = Object.keys(answers);
    if (keys.length === 0) return "er staan geen antwoorden in.";
    for (var i = 0; i < keys.length; i++) {
      var name = keys[i], value = answers[name], field = has(schema.fields, name) ? schema.fields[name] : null;
      if (!field) return "het veld '" + name + "' bestaat niet in dit formulier.";
      if (field.type === "radio" && field.values.indexOf(value) === -1) {
        return "het antwoord bij '" + name + "' is geen keuze van de schaal (" + field.values.join(", ") + ").";
      }
      if (field.type === "checkbox" && value !== true && value !== "ja") {
        return "bij '" + name + "' hoort aangevinkt (true of \"ja\"), niet " + JSON.stringify(value) + ".";
      }
      if (field.type === "text" && (typeof value !== "string" || value.length > MAX_TEXT)) {
        return "bij '" + name + "' hoort tekst (hoogstens " + MAX_TEXT + " tekens).";
      }
    }
    return null;
  }

  function readFile(file, done) {
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { data = undefined; }
      done(data);
    };
    reader.onerror = function () { done(undefined); };
    reader.readAsText(file);
  }

  /* ---- checklists ---------------------------------------------------- */

  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name]"))
      .filter(function (el) { return el.type !== "file"; });
  }

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

  function apply(form, answers) {
    fields(form).forEach(function (el) {
      var value = has(answers, el.name) ? answers[el.name] : null;
      if (el.type === "checkbox") el.checked = value === true || value === "ja";
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = value === null ? "" : String(value);
      mirror(el);
    });
  }

  function shownDate(text) {
    var p = text.split("-");
    return p.length === 3 ? p[2] + "-" + p[1] + "-" + p[0] : text;
  }

  /* Printed pages show a copy of typed text: a textarea cuts off what does not fit. */
  function mirror(el) {
    var copy = el.nextElementSibling;
    if (copy && copy.classList.contains("hb-afdruk")) {
      copy.textContent = el.type === "date" && el.value ? shownDate(el.value) : el.value;
    }
  }

  function load(form) {
    var raw = storageGet(form.dataset.opslag);
    if (!raw) return 0;
    try {
      var saved = JSON.parse(raw);
      if (checkFile(saved, schemaOf(form)) !== null) return 0;
      apply(form, saved.antwoorden);
      return Object.keys(saved.antwoorden).length;
    } catch (e) {
      return 0;
    }
  }

  function record(form, answers) {
    return {
      soort: EXPORT_KIND,
      checklist: form.dataset.checklist,
      versie: Number(form.dataset.versie),
      opgeslagen: new Date().toISOString(),
      antwoorden: answers
    };
  }

  function save(form) {
    endBlank();
    var answers = collect(form);
    if (Object.keys(answers).length === 0) {
      storageRemove(form.dataset.opslag);
      return true;
    }
    return storageSet(form.dataset.opslag, JSON.stringify(record(form, answers)));
  }

  function say(form, text) {
    var status = form.querySelector(".hb-status");
    if (status) status.textContent = text;
  }

  function exportAnswers(form) {
    var name = form.dataset.checklist + "-v" + form.dataset.versie + "-" + today() + ".json";
    download(name, JSON.stringify(record(form, collect(form)), null, 2), "application/json");
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
    schema.names.forEach(function (name) {
      var f = schema.fields[name], value = has(answers, name) ? answers[name] : "";
      if (f.type === "checkbox") value = value ? "ja" : "";
      else if (f.el.type === "date" && value) value = shownDate(value);
      rows.push([sectionOf(f.el), labelOf(f.el), value]);
    });
    return rows;
  }

  function exportCsv(form) {
    var name = form.dataset.checklist + "-v" + form.dataset.versie + "-" + today() + ".csv";
    download(name, csvText(csvRows(form)), "text/csv;charset=utf-8");
    say(form, "De antwoorden zijn opgeslagen als tabel (CSV) in " + name + ".");
  }

  function importAnswers(form, file) {
    readFile(file, function (data) {
      if (data === undefined) {
        say(form, file.name + " kan niet worden gelezen: het is geen antwoordbestand van dit handboek. " +
          "Er is niets veranderd.");
        return;
      }
      var problem = checkFile(data, schemaOf(form));
      if (problem) {
        say(form, file.name + " is niet overgenomen: " + problem + " Er is niets veranderd.");
        return;
      }
      apply(form, data.antwoorden);
      save(form);
      say(form, "De antwoorden uit " + file.name + " staan weer in het formulier.");
    });
  }

  /* A blank copy: the answers leave the page for the duration of the print (not hidden:
     gone), so boxes keep their blank size and no answer is in the PDF. They come back
     after printing, or at the latest at the next touch of the form. */
  var blank = null;

  function startBlank(form) {
    endBlank();
    blank = { form: form, answers: collect(form) };
    form.classList.add("hb-leeg");
    apply(form, {});
    say(form, "Een leeg formulier wordt afgedrukt. Je antwoorden komen daarna terug.");
  }

  function endBlank() {
    if (!blank) return;
    var b = blank;
    blank = null;
    apply(b.form, b.answers);
    b.form.classList.remove("hb-leeg");
    if (document.body.contains(b.form)) say(b.form, "Je antwoorden staan weer in het formulier.");
  }

  function printForm(form, empty) {
    if (empty) startBlank(form); else endBlank();
    var stamp = form.querySelector(".hb-printdatum");
    if (stamp) stamp.textContent = " · Afgedrukt op " + new Date().toLocaleDateString("nl-NL");
    window.print();
  }

  /* Answers of another versie of this form, still in this browser. */
  function oldVersions(form) {
    var prefix = "handboek:" + form.dataset.checklist + ":v";
    var old = storageKeys().filter(function (k) {
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
          var raw = storageGet(key);
          if (raw) download(form.dataset.checklist + "-v" + key.slice(prefix.length) + "-oud.json", raw, "application/json");
        } else {
          storageRemove(key);
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
    if (form.dataset.hbKlaar) return;
    form.dataset.hbKlaar = "1";
    form.classList.add("hb-js");
    var restored = load(form);
    var actions = form.querySelector(".hb-acties");
    if (actions) actions.hidden = false;
    say(form, restored ? "Je eerdere antwoorden zijn teruggezet (alleen bewaard in deze browser)."
                       : "Je antwoorden worden alleen in deze browser bewaard.");
    oldVersions(form);

    function saved() {
      say(form, save(form) ? "Bewaard om " + timeNow() + "."
                           : "Let op: deze browser kan niets bewaren. Exporteer je antwoorden voor je de pagina sluit.");
    }
    form.addEventListener("focusin", endBlank);
    form.addEventListener("input", function (event) {
      if (event.target.type === "file") return;
      endBlank();
      mirror(event.target);
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
      else if (action === "wissen") {
        endBlank();
        if (window.confirm("Alle antwoorden in dit formulier wissen? Dit kun je niet ongedaan maken.")) {
          apply(form, {});
          storageRemove(form.dataset.opslag);
          say(form, "Het formulier is leeg gemaakt.");
        }
      }
    });
  }

  window.addEventListener("afterprint", endBlank);

  /* ---- team overview ---------------------------------------------------- */

  function setupTeam(root) {
    if (root.dataset.hbKlaar) return;
    root.dataset.hbKlaar = "1";
    var schema = { id: root.dataset.checklist, versie: Number(root.dataset.versie), names: [], fields: {} };
    var scale = Array.prototype.map.call(root.querySelectorAll("[data-schaal] > li"), function (li) { return li.textContent; });
    each(root.querySelectorAll("[data-velden] > li"), function (li) {
      var type = li.dataset.soort;
      schema.fields[li.dataset.naam] = { type: type, values: type === "radio" ? scale : [], label: li.textContent,
                                         section: li.dataset.onderdeel };
      schema.names.push(li.dataset.naam);
    });
    var loaded = [];   // {name, answers}
    var refused = [];  // text per refused file
    var input = root.querySelector("input[type=file]");
    var drop = root.querySelector(".hb-team__laden");
    var status = root.querySelector(".hb-team__status");
    var list = root.querySelector(".hb-team__bestanden");
    var result = root.querySelector(".hb-team__uitslag");
    root.querySelector(".hb-team__acties").hidden = false;
    drop.hidden = false;

    function addFiles(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      var left = files.length;
      files.forEach(function (file) {
        readFile(file, function (data) {
          var problem = data === undefined ? "het is geen antwoordbestand van dit handboek." : checkFile(data, schema);
          loaded = loaded.filter(function (l) { return l.name !== file.name; });
          refused = refused.filter(function (r) { return r.name !== file.name; });
          if (problem) refused.push({ name: file.name, text: file.name + " telt niet mee: " + problem });
          else loaded.push({ name: file.name, answers: data.antwoorden });
          left -= 1;
          if (left === 0) show();
        });
      });
    }

    input.addEventListener("change", function () { addFiles(input.files); input.value = ""; });
    drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("hb-team__laden--over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("hb-team__laden--over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault();
      drop.classList.remove("hb-team__laden--over");
      addFiles(e.dataTransfer && e.dataTransfer.files);
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-actie]");
      if (!button) return;
      if (button.dataset.actie === "team-afdrukken") window.print();
      else if (button.dataset.actie === "team-csv") {
        download(schema.id + "-v" + schema.versie + "-team-" + today() + ".csv", csvText(teamRows()), "text/csv;charset=utf-8");
      } else if (button.dataset.actie === "team-wissen") {
        loaded = []; refused = []; show();
      }
    });

    function stats(name) {
      var counts = scale.map(function () { return 0; }), steps = [];
      loaded.forEach(function (l) {
        var i = has(l.answers, name) ? scale.indexOf(l.answers[name]) : -1;
        if (i >= 0) { counts[i] += 1; steps.push(i); }
      });
      var spread = steps.length ? Math.max.apply(null, steps) - Math.min.apply(null, steps) : 0;
      var limit = Math.min(2, scale.length - 1);
      return { counts: counts, n: steps.length, spread: spread, point: steps.length >= 2 && spread >= limit };
    }

    function notes(name) {
      var out = [];
      loaded.forEach(function (l) {
        var v = has(l.answers, name) ? l.answers[name] : "";
        if (typeof v === "string" && v.trim()) {
          var who = typeof l.answers["kop/naam"] === "string" && l.answers["kop/naam"].trim();
          out.push(who ? v.trim() + " (" + who + ")" : v.trim());
        }
      });
      return out;
    }

    function teamRows() {
      var head = ["Onderdeel", "Uitspraak of vraag"].concat(scale, ["Aantal antwoorden", "Spreiding (stappen)", "Bespreekpunt", "Notitie"]);
      var rows = [head];
      var blanks = scale.map(function () { return ""; });
      schema.names.forEach(function (name) {
        var f = schema.fields[name];
        if (f.type === "radio") {
          var s = stats(name);
          rows.push([f.section, f.label].concat(s.counts, [s.n, s.spread, s.point ? "ja" : "nee", ""]));
        } else if (f.type === "text" && name.indexOf("kop/") !== 0) {
          notes(name).forEach(function (text) { rows.push([f.section, f.label].concat(blanks, ["", "", "", text])); });
        }
      });
      return rows;
    }

    function show() {
      list.textContent = "";
      loaded.forEach(function (l) {
        var li = document.createElement("li");
        li.textContent = l.name;
        list.appendChild(li);
      });
      refused.forEach(function (r) {
        var li = document.createElement("li");
        li.className = "hb-team__geweigerd";
        li.textContent = r.text;
        list.appendChild(li);
      });
      status.textContent = loaded.length
        ? loaded.length + (loaded.length === 1 ? " bestand telt mee" : " bestanden tellen mee") +
          (refused.length ? "; " + refused.length + " niet." : ".")
        : "Nog geen bestanden geladen." + (refused.length ? " " + refused.length + " bestand(en) telden niet mee." : "");
      result.hidden = loaded.length === 0;
      root.classList.toggle("hb-team--geladen", loaded.length > 0);
      var points = [];
      each(root.querySelectorAll("tr[data-naam]"), function (tr) {
        var s = stats(tr.dataset.naam);
        each(tr.querySelectorAll("td[data-optie]"), function (td) {
          var c = s.counts[Number(td.dataset.optie)];
          td.textContent = c ? String(c) : "·";
          td.classList.toggle("hb-team__nul", !c);
        });
        tr.querySelector(".hb-team__n").textContent = String(s.n);
        tr.querySelector(".hb-team__spreiding").textContent = s.n ? String(s.spread) : "";
        tr.classList.toggle("hb-team__bespreek", s.point);
        tr.querySelector(".hb-team__punt").textContent = s.point ? "Bespreekpunt" : "";
        if (s.point) points.push({ label: schema.fields[tr.dataset.naam].label, spread: s.spread, n: s.n });
      });
      var pointList = root.querySelector(".hb-team__punten");
      pointList.textContent = "";
      points.sort(function (a, b) { return b.spread - a.spread; });
      points.forEach(function (p) {
        var li = document.createElement("li");
        li.textContent = p.label + " (spreiding " + p.spread + ")";
        pointList.appendChild(li);
      });
      root.querySelector(".hb-team__geenpunten").hidden = points.length > 0;
      each(root.querySelectorAll("[data-notities]"), function (box) {
        var ul = box.querySelector("ul");
        ul.textContent = "";
        var found = notes(box.dataset.notities);
        found.forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          ul.appendChild(li);
        });
        box.hidden = found.length === 0;
      });
      each(root.querySelectorAll(".hb-team__notitiegroep"), function (group) {
        group.hidden = !group.querySelector("[data-notities]:not([hidden])");
      });
    }
    show();
  }

  /* ---- casus filter: state in the address, words also match tag labels ---- */

  function fold(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var filterParams = { tekst: "zoek" };
  function paramOf(key) { return filterParams[key] || key; }

  function setupFilter(form) {
    if (form.dataset.hbKlaar) return;
    form.dataset.hbKlaar = "1";
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
        if (el.value.trim()) wanted[el.dataset.filter] = el.dataset.filter === "tekst" ? fold(el.value.trim()) : el.value.trim();
      });
      var shown = 0;
      items.forEach(function (li) {
        var ok = Object.keys(wanted).every(function (key) {
          if (key === "tekst") {
            var text = fold((li.getAttribute("data-tekst") || "") + " " + (li.getAttribute("data-labels") || ""));
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

  /* A casus on a phone: the facts box ("Over deze casus") starts closed, so the story is on
     the first screen. Without JavaScript, and on wider screens, it stays open. */
  function foldCasusInfo() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    each(document.querySelectorAll("details.hb-casusinfo:not([data-hb-gevouwen])"), function (d) {
      d.open = false;
      d.setAttribute("data-hb-gevouwen", "");
    });
  }

  function setup() {
    endBlank();
    foldCasusInfo();
    each(document.querySelectorAll(".hb-formulier[data-opslag]"), setupForm);
    each(document.querySelectorAll(".hb-team[data-checklist]"), setupTeam);
    var filter = document.getElementById("casusfilter");
    if (filter) setupFilter(filter);
  }

  /* Both: document$ for pages swapped in by instant navigation, and the plain page load,
     because on file:// (the offline copy) Material ends document$ before it emits.
     setup() is idempotent. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
