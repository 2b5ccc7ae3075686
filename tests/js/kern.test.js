// Unit tests of the pure logic of overrides/assets/handboek/kern.js, with Node's own test
// runner (no packages): `make test-js` or `node --test tests/js/`.
"use strict";
process.env.TZ = "Europe/Amsterdam";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const H = require(path.join(__dirname, "..", "..", "overrides", "assets", "handboek", "kern.js"));

const SCALE = ["nog niet", "een beetje", "grotendeels", "helemaal"];
const SCHEMA = {
  id: "kwartiermaken", versie: 1, names: ["kop/team", "a/een", "a/twee", "b/notitie", "c/vink"],
  fields: {
    "kop/team": { type: "text", values: [] },
    "a/een": { type: "radio", values: SCALE },
    "a/twee": { type: "radio", values: SCALE },
    "b/notitie": { type: "text", values: [] },
    "c/vink": { type: "checkbox", values: [] },
  },
};
const FIELDS = [
  { name: "kop/team", type: "text", label: "Team", section: "Gegevens" },
  { name: "a/een", type: "radio", label: "Uitspraak een", section: "A" },
  { name: "a/twee", type: "radio", label: "Uitspraak twee", section: "A" },
  { name: "b/notitie", type: "text", label: "Wat willen we verbeteren?", section: "B" },
];

function file(answers, extra) {
  return Object.assign({ soort: "handboek-antwoorden", checklist: "kwartiermaken", versie: 1,
                         opgeslagen: "2026-11-24T09:00:00Z", antwoorden: answers }, extra || {});
}

test("a complete, correct file passes", () => {
  assert.equal(H.checkFile(file({ "a/een": "helemaal", "b/notitie": "x", "c/vink": true }), SCHEMA), null);
  assert.equal(H.checkFile(file({ "c/vink": "ja" }, { naam: "Anna" }), SCHEMA), null);
});

test("every kind of wrong file is refused with a Dutch reason", () => {
  const cases = [
    [null, "het is geen antwoordbestand van dit handboek."],
    [[], "het is geen antwoordbestand van dit handboek."],
    [file({ "a/een": "helemaal" }, { soort: "iets" }), "het is geen antwoordbestand van dit handboek."],
    [file({ "a/een": "helemaal" }, { checklist: "presentie" }), "het hoort bij een ander formulier (presentie)."],
    [file({ "a/een": "helemaal" }, { versie: 0 }), "het hoort bij versie 0 van dit formulier; deze pagina is versie 1. De vragen kunnen veranderd zijn."],
    [file({}), "er staan geen antwoorden in."],
    [file(null), "er staan geen antwoorden in ('antwoorden' is leeg of geen lijst van velden)."],
    [file({ "x/y": "1" }), "het veld 'x/y' bestaat niet in dit formulier."],
    [file({ "a/een": "soms" }), "het antwoord bij 'a/een' is geen keuze van de schaal (nog niet, een beetje, grotendeels, helemaal)."],
    [file({ "c/vink": 1 }), "bij 'c/vink' hoort aangevinkt (true of \"ja\"), niet 1."],
    [file({ "b/notitie": 5 }), "bij 'b/notitie' hoort tekst (hoogstens 20000 tekens)."],
    [file({ "b/notitie": "x".repeat(20001) }), "bij 'b/notitie' hoort tekst (hoogstens 20000 tekens)."],
    [file({ "a/een": "helemaal" }, { naam: 7 }), "bij 'naam' hoort tekst (hoogstens 100 tekens)."],
    [file({ "a/een": "helemaal" }, { naam: "n".repeat(101) }), "bij 'naam' hoort tekst (hoogstens 100 tekens)."],
  ];
  for (const [data, reason] of cases) assert.equal(H.checkFile(data, SCHEMA), reason);
  assert.equal(H.checkFile(file({}), SCHEMA, { allowEmpty: true }), null, "storage keeps a name without answers");
});

test("a damaged file, a BOM from Notepad and the wrong type of value", () => {
  assert.equal(H.parseFile('{"soort": "handboek-antwoorden"'), undefined);
  assert.equal(H.parseFile(undefined), undefined);
  assert.deepEqual(H.parseFile('\uFEFF{"a": 1}'), { a: 1 });
});

test("two files are the same only when their content is the same, whatever the key order", () => {
  const a = file({ "a/een": "helemaal", "a/twee": "nog niet" }, { naam: "Anna" });
  const b = JSON.parse(JSON.stringify({ antwoorden: { "a/twee": "nog niet", "a/een": "helemaal" }, naam: "Anna",
    opgeslagen: a.opgeslagen, versie: 1, checklist: "kwartiermaken", soort: "handboek-antwoorden" }));
  assert.equal(H.contentKey(a), H.contentKey(b));
  assert.notEqual(H.contentKey(a), H.contentKey(file(a.antwoorden, { naam: "Bram" })));
  assert.notEqual(H.contentKey(a), H.contentKey(file(a.antwoorden, { naam: "Anna", opgeslagen: "2026-11-25T09:00:00Z" })));
  assert.equal(H.canonical({ b: [1, { d: 2, c: 3 }], a: null }), '{"a":null,"b":[1,{"c":3,"d":2}]}');
});

test("export file names carry the person's name, safely", () => {
  const day = new Date(2026, 10, 24, 10, 0);
  assert.equal(H.exportName("kwartiermaken", 1, "Anna de Vries", "json", day), "kwartiermaken-v1-anna-de-vries-2026-11-24.json");
  assert.equal(H.exportName("kwartiermaken", 1, "", "csv", day), "kwartiermaken-v1-2026-11-24.csv");
  assert.equal(H.exportName("presentie", 2, "  Zoë Çelik ", "json", day), "presentie-v2-zoe-celik-2026-11-24.json");
  assert.equal(H.exportName("presentie", 2, "<img src=x onerror=alert(1)>", "json", day),
    "presentie-v2-img-src-x-onerror-alert-1-2026-11-24.json");
  assert.equal(H.exportName("presentie", 2, "../../etc/passwd", "json", day), "presentie-v2-etc-passwd-2026-11-24.json");
  assert.equal(H.exportName("presentie", 2, "???", "json", day), "presentie-v2-2026-11-24.json");
  assert.ok(H.slug("a".repeat(80)).length <= 40);
});

test("who and when a file was filled in", () => {
  assert.equal(H.describe(file({ "a/een": "helemaal" }, { naam: " Anna " })), "Anna, ingevuld op 24-11-2026 om 10:00");
  assert.equal(H.describe(file({ "kop/naam": "Bram" }, { opgeslagen: "kapot" })), "Bram, datum onbekend");
  assert.equal(H.describe(file({ "a/een": "helemaal" })), "zonder naam, ingevuld op 24-11-2026 om 10:00");
  const rec = H.record("kwartiermaken", 1, { "a/een": "helemaal" }, "  Anna  ", new Date("2026-11-24T09:00:00Z"));
  assert.deepEqual(rec, { soort: "handboek-antwoorden", checklist: "kwartiermaken", versie: 1,
                          opgeslagen: "2026-11-24T09:00:00.000Z", naam: "Anna", antwoorden: { "a/een": "helemaal" } });
  assert.equal(H.record("kwartiermaken", 1, {}, "   ").naam, undefined);
  assert.equal(H.shownDate("2026-11-24"), "24-11-2026");
});

test("CSV opens in Dutch Excel and never runs a formula", () => {
  assert.equal(H.csvText([["a", 'b"c'], [1, null]]), '\uFEFF"a";"b""c"\r\n"1";""\r\n');
  for (const bad of ["=SUM(A1)", "+1", "@x", "-2+3", "\tx"]) assert.equal(H.csvCell(bad), `"'${bad}"`);
  assert.equal(H.csvCell("- een lijstje"), '"- een lijstje"');
});

test("three files with the same file name all count; the same file twice counts once", () => {
  const team = new H.Team(SCHEMA, SCALE);
  const name = "kwartiermaken-v1-2026-11-24.json";
  const anna = file({ "a/een": "nog niet", "b/notitie": "Meer tijd" }, { naam: "Anna" });
  const bram = file({ "a/een": "helemaal", "b/notitie": "Samen met de bieb" }, { naam: "Bram" });
  const cas = file({ "a/een": "grotendeels", "a/twee": "een beetje" }, { opgeslagen: "2026-11-23T09:00:00Z" });
  for (const f of [anna, bram, cas]) assert.equal(team.add(name, f).ok, true);
  assert.equal(team.entries.length, 3);
  const again = team.add("kopie.json", JSON.parse(JSON.stringify(anna)));
  assert.equal(again.ok, false);
  assert.equal(again.text, "dit bestand is al toegevoegd (dezelfde inhoud als " + name + "). Het telt één keer mee.");
  assert.equal(team.add(name, anna).text, "dit bestand is al toegevoegd (hetzelfde bestand). Het telt één keer mee.");
  assert.equal(team.entries.length, 3);

  const s = team.stats("a/een");
  assert.deepEqual(s.counts, [1, 0, 1, 1]);
  assert.deepEqual(s.who, [["Anna"], [], ["deelnemer 3"], ["Bram"]]);
  assert.equal(s.spread, 3);
  assert.equal(s.point, true);
  assert.equal(team.stats("a/twee").point, false);
  assert.deepEqual(team.notes("b/notitie"), [{ text: "Meer tijd", who: "Anna" }, { text: "Samen met de bieb", who: "Bram" }]);
  assert.deepEqual(team.summary(), { team: "", first: "23-11-2026", last: "24-11-2026",
                                     people: ["Anna", "Bram", "deelnemer 3"] });
});

test("a refused file changes nothing; removing a file renumbers nobody by surprise", () => {
  const team = new H.Team(SCHEMA, SCALE);
  team.add("a.json", file({ "a/een": "helemaal", "kop/team": "Noord" }, { naam: "Anna" }));
  const before = JSON.stringify(team.entries);
  assert.equal(team.add("a.json", file({ "a/een": "helemaal" }, { checklist: "presentie" })).ok, false);
  assert.equal(team.add("a.json", undefined).ok, false);
  assert.equal(team.add("b.json", file({ "a/een": "helemaal" }, { versie: 2 })).ok, false);
  assert.equal(JSON.stringify(team.entries), before);
  assert.deepEqual(team.refused.map(r => r.text.split(":")[0]), ["a.json telt niet mee", "a.json telt niet mee",
                                                                "b.json telt niet mee"]);
  assert.equal(team.summary().team, "Noord");
  team.add("c.json", file({ "a/een": "nog niet" }, { naam: "Anna" }));
  assert.deepEqual(Object.values(team.labels()), ["Anna", "Anna (2)"]);
  team.remove(team.entries[0].id);
  assert.deepEqual(Object.values(team.labels()), ["Anna"]);
  team.clear();
  assert.equal(team.entries.length + team.refused.length, 0);
});

test("the team table: counts, names and notes with their author", () => {
  const team = new H.Team(SCHEMA, SCALE);
  team.add("x.json", file({ "a/een": "nog niet", "b/notitie": "=1+1" }, { naam: "Anna" }));
  team.add("x.json", file({ "a/een": "helemaal" }, { naam: "Bram" }));
  const rows = team.rows(FIELDS);
  assert.deepEqual(rows[0], ["Onderdeel", "Uitspraak of vraag", ...SCALE, "Aantal antwoorden", "Spreiding (stappen)",
                             "Bespreekpunt", "Notitie", "Wie koos wat", "Van"]);
  assert.deepEqual(rows[1], ["A", "Uitspraak een", 1, 0, 0, 1, 2, 3, "ja", "", "nog niet: Anna; helemaal: Bram", ""]);
  assert.deepEqual(rows[2], ["A", "Uitspraak twee", 0, 0, 0, 0, 0, 0, "nee", "", "", ""]);
  assert.deepEqual(rows[3], ["B", "Wat willen we verbeteren?", "", "", "", "", "", "", "", "=1+1", "", "Anna"]);
  assert.equal(rows.length, 4, "head fields are not notes");
  assert.ok(H.csvText(rows).includes("\"'=1+1\""));
});

test("paper: the room left on a page goes to its open questions, row by row", () => {
  const line = 10;
  // page 0 ends at 900 of 1000: 100 px left minus 5 safety = 9 lines for two rows (one of two questions)
  const m = { bottoms: [900, 400], fields: [{ col: 0, top: 100 }, { col: 0, top: 101 }, { col: 0, top: 500 },
                                            { col: 1, top: 50 }] };
  assert.deepEqual(H.paperPlan(m, 1000, line, 5), [4, 4, 5, 59]);
  // a full page gives nothing; a page without open questions is left alone
  assert.deepEqual(H.paperPlan({ bottoms: [998], fields: [{ col: 0, top: 10 }] }, 1000, line, 5), [0]);
  assert.deepEqual(H.paperPlan({ bottoms: [100, 100], fields: [] }, 1000, line, 5), []);
});

test("paper: in a row of two, the question that ends higher gets the lines that fill the row", () => {
  const line = 10;
  // a two-line label on the left: its lines end 10 px lower than those on the right
  const row = [{ col: 0, top: 100, bottom: 200 }, { col: 0, top: 100, bottom: 190 }];
  assert.deepEqual(H.paperPlan({ bottoms: [900], fields: row }, 1000, line, 5), [9, 10]);
  // also on a full page: the row is that tall anyway
  assert.deepEqual(H.paperPlan({ bottoms: [998], fields: row }, 1000, line, 5), [0, 1]);
  // less than a line of difference is no line
  const close = [{ col: 0, top: 100, bottom: 200 }, { col: 0, top: 100, bottom: 195 }];
  assert.deepEqual(H.paperPlan({ bottoms: [998], fields: close }, 1000, line, 5), [0, 0]);
  // one line and 5 px left on the page: those 5 px and the row's 5 px make one more line on the right
  assert.deepEqual(H.paperPlan({ bottoms: [985], fields: close }, 1000, line, 0), [1, 2]);
});
