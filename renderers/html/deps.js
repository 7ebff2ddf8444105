/* auditforms: which parts, rules and problem messages read each answer, worked out once when
 * the page loads, so that a keystroke or a click re-evaluates only what depends on the answer
 * it changed (the cost of a change follows what depends on it, not the size of the form).
 *
 * A part's visibility reads the answers and the visibility of its section, its parent, the
 * answer that reveals it and what its conditions name (AuditRules' Run.computeShown). A rule is
 * split into units: one per question for `for_each: question`, one per table for
 * `for_each: {rows}`, one otherwise; each unit reads the answers and the visibility of what the
 * rule names, and of its own question or table. Every answer also has a unit for the problems
 * met reading its inputs ("enter a number"). Units are listed in the order a whole check
 * reports findings, so their findings put together are the evaluator's, in the same order. */
var AuditDeps = function (index, rules, slots, R) {
  "use strict";
  function owner(ref) {
    if (ref.charAt(0) === ".") return null;
    var dot = ref.indexOf(".");
    return dot >= 0 ? ref.slice(0, dot) : ref;
  }
  function push(map, key, value) {
    if (!Object.prototype.hasOwnProperty.call(map, key)) map[key] = [];
    map[key].push(value);
  }
  function unique(list) {
    var seen = {};
    return list.filter(function (x) { return x !== null && !seen[x] && (seen[x] = true); });
  }
  function owners(conditions) {
    var refs = [];
    conditions.forEach(function (c) { if (c) refs.push.apply(refs, R.conditionRefs(c)); });
    return unique(refs.map(owner));
  }

  // -- visibility: which parts read each answer, and each part's visibility ---------------------
  var readersOfAnswer = {}, readersOfShown = {};
  index.order.forEach(function (id) {
    var e = index.entries[id], answers = [], shown = [];
    if (id !== e.section) {
      shown.push(e.section);
      if (index.entries[e.section] && index.entries[e.section].optional) answers.push(e.section);
    }
    if (e.parent && e.parent !== e.section) shown.push(e.parent);
    if (e.revealedBy) { shown.push(e.revealedBy[0]); answers.push(e.revealedBy[0]); }
    var named = owners(e.conditions);
    unique(answers.concat(named)).forEach(function (a) { push(readersOfAnswer, a, id); });
    unique(shown.concat(named)).forEach(function (s) { push(readersOfShown, s, id); });
  });

  /* Every part whose visibility may change when the answer ``id`` changes. */
  function partsAffectedBy(id) {
    var out = [], seen = {}, queue = (readersOfAnswer[id] || []).slice();
    for (var i = 0; i < queue.length; i++) {
      var next = queue[i];
      if (seen[next]) continue;
      seen[next] = true;
      out.push(next);
      queue.push.apply(queue, readersOfShown[next] || []);
    }
    return out;
  }

  // -- units of rules and of reading inputs ------------------------------------------------------
  var units = [], unitsReading = {};
  function addUnit(unit, reads) {
    unit.index = units.length;
    units.push(unit);
    unique(reads).forEach(function (id) { push(unitsReading, id, unit.index); });
  }
  rules.forEach(function (rule) {
    var named = owners([rule.assert, rule.when]).concat(rule.at ? [owner(rule.at)] : []);
    var forEach = rule.for_each;
    if (forEach === undefined || forEach === null) {
      addUnit({ kind: "rule", rule: rule, id: null }, named);
    } else if (forEach === "question") {
      var parts = R.relativeParts(rule);
      index.order.forEach(function (id) {
        if (R.covers(rule, parts, index.entries[id])) addUnit({ kind: "question", rule: rule, id: id }, named.concat([id]));
      });
    } else {
      addUnit({ kind: "rows", rule: rule, id: forEach.rows }, named.concat([forEach.rows]));
    }
  });
  slots.forEach(function (slot) { addUnit({ kind: "input", rule: null, id: slot.id }, [slot.id]); });

  var cache = {};
  /* What to look at again when the answer ``id`` changes: the parts whose visibility may
   * change and the units that read the answer or one of those parts, in check order. */
  function affectedBy(id) {
    if (!Object.prototype.hasOwnProperty.call(cache, id)) {
      var parts = partsAffectedBy(id), seen = {}, found = [];
      [id].concat(parts).forEach(function (part) {
        (unitsReading[part] || []).forEach(function (n) { if (!seen[n]) { seen[n] = true; found.push(n); } });
      });
      found.sort(function (a, b) { return a - b; });
      cache[id] = { parts: parts, units: found.map(function (n) { return units[n]; }) };
    }
    return cache[id];
  }

  return { units: units, affectedBy: affectedBy };
};
