// Unit tests of the query side of search (overrides/assets/handboek/zoeken.js): node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { cleanQuery, forms } = require("../../overrides/assets/handboek/zoeken.js");

test("Dutch function and question words leave the query", () => {
  assert.equal(cleanQuery("wat is een kijkraam"), "kijkraam kijkram");
  assert.equal(cleanQuery("Hoe stel je doelen met een cliënt?"), "stel doel cliënt");
  assert.equal(cleanQuery("wat betekent awbz"), "awbz");
});

test("a query of function words only stays as typed", () => {
  assert.equal(cleanQuery("wat is dat"), "wat is dat");
});

test("single letters of a hyphenated word leave, the rest stays", () => {
  assert.equal(cleanQuery("t-shaped professional"), "shaped professional");
});

test("a word counts once: a form that starts with another form of it is left out", () => {
  // Material looks every term up as a prefix: "social" already finds "sociale"
  assert.equal(cleanQuery("sociale reflexiviteit"), "social sociaal reflexiviteit");
  assert.equal(cleanQuery("overbelaste mantelzorgers"), "overbelast mantelzorg");
  assert.equal(cleanQuery("informele zorg"), "informel informeel zorg");
});

test("the word as typed stays, with its shorter forms beside it", () => {
  assert.deepEqual(forms("overbelaste"), ["overbelaste", "overbelast"]);
  assert.deepEqual(forms("mantelzorgers"), ["mantelzorgers", "mantelzorg"]);
  assert.deepEqual(forms("schulden"), ["schulden", "schuld"]);
  assert.deepEqual(forms("informele"), ["informele", "informel", "informeel"]);
  assert.deepEqual(forms("kijkramen"), ["kijkramen", "kijkram", "kijkraam"]);
  assert.deepEqual(forms("kijkraam"), ["kijkraam", "kijkram"]);
  assert.deepEqual(forms("bakens"), ["bakens", "baken"]);
});

test("unstressed -er and -en do not get a long vowel", () => {
  assert.deepEqual(forms("oudere"), ["oudere", "ouder"]);
});

test("short words and lunr syntax pass unchanged", () => {
  assert.deepEqual(forms("wmo"), ["wmo"]);
  assert.equal(cleanQuery("+wmo -awbz"), "+wmo -awbz");
  assert.equal(cleanQuery('"eigen kracht"'), '"eigen kracht"');
  assert.equal(cleanQuery("kwartier*"), "kwartier*");
});
