/* Handboek: the team overview of a form with an answer scale (overrides/handboek/team.html).
 *
 * Reads the form's JSON exports in the browser (nothing is sent or kept), tells the files apart
 * by content (kern.js, Team), and shows per item how many chose each answer and who, the spread,
 * the discussion points, and every note with its author. The hidden lists [data-schaal] and
 * [data-velden] describe the form exactly, so files are checked like an import on the form.
 * Every name and note from a file is shown with textContent: text, never HTML.
 */
(function (H) {
  "use strict";
  if (!H) return;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function readSchema(root) {
    var schema = { id: root.dataset.checklist, versie: Number(root.dataset.versie), names: [], fields: {} };
    var scale = Array.prototype.map.call(root.querySelectorAll("[data-schaal] > li"), function (li) { return li.textContent; });
    var list = [];
    each(root.querySelectorAll("[data-velden] > li"), function (li) {
      var type = li.dataset.soort;
      var f = { name: li.dataset.naam, type: type, values: type === "radio" ? scale : [], label: li.textContent,
                section: li.dataset.onderdeel };
      schema.fields[f.name] = f;
      schema.names.push(f.name);
      list.push(f);
    });
    return { schema: schema, scale: scale, list: list };
  }

  function setupTeam(root) {
    var form = readSchema(root);
    var team = new H.Team(form.schema, form.scale);
    var input = root.querySelector("input[type=file]");
    var drop = root.querySelector(".hb-team__laden");
    // (not the <noscript> text: after instant navigation its content is part of the page)
    var status = root.querySelector(".hb-team__status[role=status]");
    var list = root.querySelector(".hb-team__bestanden");
    var result = root.querySelector(".hb-team__uitslag");
    var teamName = root.querySelector("[data-team-naam]");
    var teamTyped = false;
    root.querySelector(".hb-team__acties").hidden = false;
    drop.hidden = false;

    function addFiles(files) {
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return;
      var read = [], left = files.length;
      files.forEach(function (file, i) {
        H.readFile(file, function (data) {
          read[i] = data;
          left -= 1;
          if (left > 0) return;
          // in the order the files were chosen, whatever order they were read in
          files.forEach(function (f, k) { team.add(f.name, read[k]); });
          show();
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
    if (teamName) teamName.addEventListener("input", function () { teamTyped = true; mirrorTeam(); });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-actie]");
      if (!button) return;
      var action = button.dataset.actie;
      if (action === "team-afdrukken") window.print();
      else if (action === "team-csv") {
        var name = form.schema.id + "-v" + form.schema.versie + "-team-" + H.isoDate(new Date()) + ".csv";
        H.download(name, H.csvText(team.rows(form.list)), "text/csv;charset=utf-8");
      } else if (action === "team-wissen") {
        team.clear();
        teamTyped = false;
        if (teamName) teamName.value = "";
        show();
      } else if (action === "team-weghalen") {
        team.remove(Number(button.dataset.bestand));
        show();
      }
    });

    function mirrorTeam() {
      var copy = root.querySelector(".hb-team__kop .hb-afdruk");
      if (copy && teamName) copy.textContent = teamName.value;
    }

    function showFiles(labels) {
      list.textContent = "";
      team.entries.forEach(function (e) {
        var li = el("li", "hb-team__bestand");
        li.appendChild(el("span", "hb-team__bestandsnaam", e.file));
        li.appendChild(document.createTextNode(" — "));
        li.appendChild(el("strong", "hb-team__wie-bestand", labels[e.id]));
        var when = H.savedAt(e.data);
        li.appendChild(document.createTextNode(when ? ", ingevuld op " + when.date + " om " + when.time : ", datum onbekend"));
        var same = team.entries.filter(function (o) { return o !== e && o.name && H.fold(o.name) === H.fold(e.name); });
        if (same.length) {
          li.appendChild(el("span", "hb-team__let-op", " Let op: er is nog een bestand van " + e.name +
            ". Haal er een weg als het twee keer hetzelfde is."));
        }
        var remove = el("button", "md-button hb-team__weg", "Weghalen");
        remove.type = "button";
        remove.dataset.actie = "team-weghalen";
        remove.dataset.bestand = String(e.id);
        remove.setAttribute("aria-label", "Weghalen: " + e.file + " van " + labels[e.id]);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(remove);
        list.appendChild(li);
      });
      team.refused.forEach(function (r) {
        list.appendChild(el("li", "hb-team__geweigerd", r.text));
      });
    }

    function showSummary() {
      var s = team.summary();
      if (teamName && !teamTyped) teamName.value = s.team;
      mirrorTeam();
      var today = H.shownDate(H.isoDate(new Date()));
      var dates = s.first ? (s.first === s.last ? "ingevuld op " + s.first : "ingevuld van " + s.first + " tot " + s.last) : "";
      root.querySelector(".hb-team__datum").textContent = today + (dates ? " (antwoorden " + dates + ")" : "");
      root.querySelector(".hb-team__deelnemers").textContent = s.people.length + ": " + s.people.join(", ");
    }

    function showTable() {
      var points = [];
      each(root.querySelectorAll("tr[data-naam]"), function (tr) {
        var s = team.stats(tr.dataset.naam);
        each(tr.querySelectorAll("td[data-optie]"), function (td) {
          var c = s.counts[Number(td.dataset.optie)];
          td.textContent = c ? String(c) : "·";
          td.classList.toggle("hb-team__nul", !c);
        });
        // who chose what, under the statement: "nog niet: Anna · helemaal: Bram, Cas"
        var th = tr.querySelector("th"), old = th.querySelector(".hb-team__wie");
        if (old) old.remove();
        if (s.n) {
          var who = el("span", "hb-team__wie");
          form.scale.forEach(function (label, i) {
            if (!s.who[i].length) return;
            var part = el("span", "hb-team__keuze");
            part.appendChild(el("span", "hb-team__label", label + ": "));
            part.appendChild(document.createTextNode(s.who[i].join(", ")));
            who.appendChild(part);
          });
          th.appendChild(who);
        }
        tr.querySelector(".hb-team__n").textContent = String(s.n);
        tr.querySelector(".hb-team__spreiding").textContent = s.n ? String(s.spread) : "";
        tr.classList.toggle("hb-team__bespreek", s.point);
        tr.querySelector(".hb-team__punt").textContent = s.point ? "Bespreekpunt" : "";
        if (s.point) points.push({ label: form.schema.fields[tr.dataset.naam].label, spread: s.spread });
      });
      var pointList = root.querySelector(".hb-team__punten");
      pointList.textContent = "";
      points.sort(function (a, b) { return b.spread - a.spread; });
      points.forEach(function (p) { pointList.appendChild(el("li", "", p.label + " (spreiding " + p.spread + ")")); });
      root.querySelector(".hb-team__geenpunten").hidden = points.length > 0;
    }

    function showNotes() {
      each(root.querySelectorAll("[data-notities]"), function (box) {
        var ul = box.querySelector("ul");
        ul.textContent = "";
        var found = team.notes(box.dataset.notities);
        found.forEach(function (note) {
          var li = el("li", "", note.text);
          li.appendChild(el("span", "hb-team__van", " — " + note.who));
          ul.appendChild(li);
        });
        box.hidden = found.length === 0;
      });
      each(root.querySelectorAll(".hb-team__notitiegroep"), function (group) {
        group.hidden = !group.querySelector("[data-notities]:not([hidden])");
      });
    }

    function show() {
      var n = team.entries.length, refused = team.refused.length;
      showFiles(team.labels());
      status.textContent = n
        ? n + (n === 1 ? " bestand telt mee" : " bestanden tellen mee") + (refused ? "; " + refused + " niet." : ".")
        : "Nog geen bestanden geladen." + (refused ? " " + refused + " bestand(en) telden niet mee." : "");
      result.hidden = n === 0;
      root.classList.toggle("hb-team--geladen", n > 0);
      showSummary();
      showTable();
      showNotes();
    }
    show();
  }

  H.start(".hb-team[data-checklist]", setupTeam);
})(window.Handboek);
