/* Handboek Sociaal Werk in de Wijk: the shared core of the form, the team overview and the
 * casus filter. Pure logic (no page, no storage) is tested on its own with Node's test runner
 * (tests/js/kern.test.js); the small browser helpers at the end are used by the components.
 *
 * The answer file is the one format for export, import, the browser's own storage and the
 * team overview:
 *   {"soort": "handboek-antwoorden", "checklist": "<id>", "versie": <n>,
 *    "opgeslagen": "<ISO date>", "naam": "<who filled it in, optional>",
 *    "antwoorden": {"<veldnaam>": <waarde>, ...}}
 * with a scale answer as one of the scale's labels, a ticked item as true (or "ja") and
 * written text as a string. checkFile() checks a file completely before anything changes.
 *
 * Loaded as a plain script (window.Handboek) and as a CommonJS module (Node): no build step.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.Handboek = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var EXPORT_KIND = "handboek-antwoorden";
  var MAX_TEXT = 20000;
  var MAX_NAME = 100;
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };
  var pad = function (n) { return ("0" + n).slice(-2); };

  /* ---- the answer file --------------------------------------------------- */

  /* schema: {id, versie, names: [..], fields: {name: {type: "radio"|"checkbox"|"text", values: [..]}}}
     options.allowEmpty: a record without answers is fine (the browser's own storage keeps a
     name typed before any answer). Returns null, or what is wrong, in Dutch. */
  function checkFile(data, schema, options) {
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
    if (has(data, "naam") && data.naam !== null &&
        (typeof data.naam !== "string" || data.naam.length > MAX_NAME)) {
      return "bij 'naam' hoort tekst (hoogstens " + MAX_NAME + " tekens).";
    }
    var answers = data.antwoorden;
    if (!answers || typeof answers !== "object" || Array.isArray(answers)) {
      return "er staan geen antwoorden in ('antwoorden' is leeg of geen lijst van velden).";
    }
    var keys = Object.keys(answers);
    if (keys.length === 0 && !(options && options.allowEmpty)) return "er staan geen antwoorden in.";
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

  /* JSON text of a file, or undefined when it is not JSON (a damaged or other file).
     A byte order mark (a file saved by Windows Notepad) is no reason to refuse it. */
  function parseFile(text) {
    if (typeof text !== "string") return undefined;
    try { return JSON.parse(text.replace(/^\uFEFF/, "")); } catch (e) { return undefined; }
  }

  function record(id, versie, answers, naam, now) {
    var out = { soort: EXPORT_KIND, checklist: id, versie: versie,
                opgeslagen: (now || new Date()).toISOString() };
    if (naam && naam.trim()) out.naam = naam.trim().slice(0, MAX_NAME);
    out.antwoorden = answers;
    return out;
  }

  /* Who filled the file in: 'naam', else the form's own name field, else "". */
  function nameOf(data) {
    if (data && typeof data.naam === "string" && data.naam.trim()) return data.naam.trim();
    var head = data && data.antwoorden && data.antwoorden["kop/naam"];
    return typeof head === "string" ? head.trim() : "";
  }

  /* The same JSON whatever the order of its keys: two files with the same content are one file. */
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value === undefined ? null : value);
  }

  function contentKey(data) {
    return canonical({ checklist: data.checklist, versie: Number(data.versie), naam: nameOf(data),
                       opgeslagen: data.opgeslagen || null, antwoorden: data.antwoorden });
  }

  /* ---- names, dates and file names -------------------------------------- */

  function fold(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* A name as part of a file name: "Anna de Vries" -> "anna-de-vries". */
  function slug(text) {
    return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  }

  function isoDate(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

  /* kwartiermaken-v1-anna-de-vries-2026-11-24.json; without a name kwartiermaken-v1-2026-11-24.json */
  function exportName(id, versie, naam, ext, when) {
    var who = slug(naam);
    return id + "-v" + versie + (who ? "-" + who : "") + "-" + isoDate(when || new Date()) + "." + ext;
  }

  /* "2026-11-24" -> "24-11-2026" */
  function shownDate(text) {
    var p = String(text).split("-");
    return p.length === 3 ? p[2] + "-" + p[1] + "-" + p[0] : String(text);
  }

  /* When a file was saved, in local time: {date: "24-11-2026", time: "10:00", stamp}; null if unknown. */
  function savedAt(data) {
    var d = data && typeof data.opgeslagen === "string" ? new Date(data.opgeslagen) : null;
    if (!d || isNaN(d.getTime())) return null;
    return { date: shownDate(isoDate(d)), time: pad(d.getHours()) + ":" + pad(d.getMinutes()), stamp: d.getTime() };
  }

  /* "Anna, ingevuld op 24-11-2026 om 10:00" (or "zonder naam", "datum onbekend") */
  function describe(data, fallbackName) {
    var when = savedAt(data);
    return (nameOf(data) || fallbackName || "zonder naam") + ", " +
      (when ? "ingevuld op " + when.date + " om " + when.time : "datum onbekend");
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

  /* ---- the team overview: files in, counts and names out ------------------ */

  /* The files of one team, told apart by content. add() never changes anything on a refusal. */
  function Team(schema, scale) {
    this.schema = schema;
    this.scale = scale;
    this.entries = [];   // {id, file, data, key, who}
    this.refused = [];   // {file, text}
    this.next = 1;
  }

  /* Returns {ok: bool, text}: text says why a file does not count. */
  Team.prototype.add = function (fileName, data) {
    var problem = data === undefined ? "het is geen antwoordbestand van dit handboek (het bestand is " +
      "beschadigd of geen JSON)." : checkFile(data, this.schema);
    if (problem) {
      this.refused.push({ file: fileName, text: fileName + " telt niet mee: " + problem });
      return { ok: false, text: problem };
    }
    var key = contentKey(data);
    var same = this.entries.filter(function (e) { return e.key === key; })[0];
    if (same) {
      var text = "dit bestand is al toegevoegd (" + (same.file === fileName ? "hetzelfde bestand" :
        "dezelfde inhoud als " + same.file) + "). Het telt één keer mee.";
      this.refused.push({ file: fileName, text: fileName + ": " + text, duplicate: true });
      return { ok: false, text: text };
    }
    var entry = { id: this.next++, file: fileName, data: data, key: key, name: nameOf(data) };
    this.entries.push(entry);
    return { ok: true, entry: entry };
  };

  Team.prototype.remove = function (id) {
    this.entries = this.entries.filter(function (e) { return e.id !== id; });
  };

  Team.prototype.clear = function () {
    this.entries = [];
    this.refused = [];
  };

  /* The label of each file's person: the name in it, or "deelnemer 1", "deelnemer 2", ...
     Two people with the same name get a number after it ("Anna (2)"). */
  Team.prototype.labels = function () {
    var seen = {}, out = {};
    this.entries.forEach(function (e, i) {
      var base = e.name || "deelnemer " + (i + 1);
      var k = fold(base);
      seen[k] = (seen[k] || 0) + 1;
      out[e.id] = seen[k] > 1 ? base + " (" + seen[k] + ")" : base;
    });
    return out;
  };

  /* Per scale item: how many chose each label, who, the spread in steps and whether it is a
     discussion point (spread of 2 steps or more; on a scale of two: any difference). */
  Team.prototype.stats = function (name) {
    var scale = this.scale, labels = this.labels();
    var counts = scale.map(function () { return 0; });
    var who = scale.map(function () { return []; });
    var steps = [];
    this.entries.forEach(function (e) {
      var a = e.data.antwoorden;
      var i = has(a, name) ? scale.indexOf(a[name]) : -1;
      if (i >= 0) { counts[i] += 1; who[i].push(labels[e.id]); steps.push(i); }
    });
    var spread = steps.length ? Math.max.apply(null, steps) - Math.min.apply(null, steps) : 0;
    var limit = Math.min(2, scale.length - 1);
    return { counts: counts, who: who, n: steps.length, spread: spread,
             point: steps.length >= 2 && spread >= limit };
  };

  /* The written answers to one field, each with its author. */
  Team.prototype.notes = function (name) {
    var labels = this.labels(), out = [];
    this.entries.forEach(function (e) {
      var v = has(e.data.antwoorden, name) ? e.data.antwoorden[name] : "";
      if (typeof v === "string" && v.trim()) out.push({ text: v.trim(), who: labels[e.id] });
    });
    return out;
  };

  /* The team of the files (their 'Team' field), the dates they were filled in, and who. */
  Team.prototype.summary = function () {
    var labels = this.labels(), teams = [], stamps = [];
    this.entries.forEach(function (e) {
      var t = e.data.antwoorden["kop/team"];
      if (typeof t === "string" && t.trim() && teams.indexOf(t.trim()) === -1) teams.push(t.trim());
      var when = savedAt(e.data);
      if (when) stamps.push(when);
    });
    stamps.sort(function (a, b) { return a.stamp - b.stamp; });
    return { team: teams.join(" / "),
             first: stamps.length ? stamps[0].date : null,
             last: stamps.length ? stamps[stamps.length - 1].date : null,
             people: this.entries.map(function (e) { return labels[e.id]; }) };
  };

  /* The overview as a table (CSV): counts and names per item, notes with their author. */
  Team.prototype.rows = function (fields) {
    var self = this, scale = this.scale;
    var head = ["Onderdeel", "Uitspraak of vraag"].concat(scale, ["Aantal antwoorden", "Spreiding (stappen)",
      "Bespreekpunt", "Notitie", "Wie koos wat", "Van"]);
    var rows = [head];
    var blanks = scale.map(function () { return ""; });
    fields.forEach(function (f) {
      if (f.type === "radio") {
        var s = self.stats(f.name);
        var who = scale.map(function (label, i) { return s.who[i].length ? label + ": " + s.who[i].join(", ") : ""; })
          .filter(Boolean).join("; ");
        rows.push([f.section, f.label].concat(s.counts, [s.n, s.spread, s.point ? "ja" : "nee", "", who, ""]));
      } else if (f.type === "text" && f.name.indexOf("kop/") !== 0) {
        self.notes(f.name).forEach(function (note) {
          rows.push([f.section, f.label].concat(blanks, ["", "", "", note.text, "", note.who]));
        });
      }
    });
    return rows;
  };

  /* ---- paper: room to write (papier.js measures, this decides) ------------- */

  /* m: {bottoms: [lowest bottom of the content per page, px], fields: [{col: page, top: px}]}
     for every open question. Returns the extra write-in lines per open question: the room left
     on its page (minus `safety` px), shared by its rows; questions side by side share a row,
     and the rows nearest the end of the page get what is left after an even share. In a row, a
     question that ends higher than its neighbour (a shorter label) also gets the lines that fill
     the row (the row is that tall anyway), and the last row may use the part of a line left over
     on its page. `bottom` (px, where a question's lines end) is optional. */
  function paperPlan(m, pageHeight, line, safety) {
    var extra = m.fields.map(function () { return 0; });
    var byPage = {};
    m.fields.forEach(function (f, i) { (byPage[f.col] = byPage[f.col] || []).push(i); });
    Object.keys(byPage).forEach(function (col) {
      var room = Math.max(0, pageHeight - (m.bottoms[col] || pageHeight) - (safety || 0));
      var lines = Math.floor(room / line);
      var rows = [];
      byPage[col].forEach(function (i) {
        var row = rows.filter(function (r) { return Math.abs(r.top - m.fields[i].top) < 2; })[0];
        if (row) row.members.push(i); else rows.push({ top: m.fields[i].top, members: [i] });
      });
      rows.forEach(function (row, k) {
        var share = lines ? Math.floor(lines / rows.length) + (k >= rows.length - lines % rows.length ? 1 : 0) : 0;
        // the row's lowest question sets its height; the part of a line left over on the page
        // goes with the last row, where a neighbour that ends higher may still fit a line in it
        var low = Math.max.apply(null, row.members.map(function (i) { return m.fields[i].bottom || 0; }));
        var spare = k === rows.length - 1 ? room - lines * line : 0;
        row.members.forEach(function (i) {
          var own = m.fields[i].bottom;
          extra[i] = own ? share + Math.floor((low - own + spare + 0.5) / line) : share;
        });
      });
    });
    return extra;
  }

  /* ---- browser helpers (not used by the tests in Node) -------------------- */

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

  /* done(data): the parsed JSON, or undefined when the file cannot be read or is not JSON. */
  function readFile(file, done) {
    var reader = new FileReader();
    reader.onload = function () { done(parseFile(reader.result)); };
    reader.onerror = function () { done(undefined); };
    reader.readAsText(file);
  }

  var storage = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    remove: function (key) { try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ } },
    keys: function () {
      try {
        var out = [];
        for (var i = 0; i < window.localStorage.length; i++) out.push(window.localStorage.key(i));
        return out;
      } catch (e) { return []; }
    }
  };

  /* Run setup(element) for every element matching the selector, once per element: at page
     load, and for every page that Material's instant navigation swaps in (document$). On
     file:// (the offline copy) Material ends document$ before it emits: the page load covers it. */
  function start(selector, setup) {
    function run() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
        if (el.hbGestart) return;
        el.hbGestart = true;
        setup(el);
      });
    }
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  }

  return {
    EXPORT_KIND: EXPORT_KIND, MAX_TEXT: MAX_TEXT, MAX_NAME: MAX_NAME,
    checkFile: checkFile, parseFile: parseFile, record: record, nameOf: nameOf,
    canonical: canonical, contentKey: contentKey, fold: fold, slug: slug, exportName: exportName,
    isoDate: isoDate, shownDate: shownDate, savedAt: savedAt, describe: describe,
    csvCell: csvCell, csvText: csvText, Team: Team, paperPlan: paperPlan,
    download: download, readFile: readFile, storage: storage, start: start
  };
});
