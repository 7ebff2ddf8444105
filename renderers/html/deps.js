/* auditforms: which parts, rules and problem messages read each answer, worked out once when
 * the page loads, so that a keystroke or a click re-evaluates only what depends on the answer
 * it changed (the cost of a change follows what depends on it, not the size of the form).
 *
 * A part's visibility reads the answers and the visibility of its section, its parent, the
 * answer that reveals it and what its conditions name (AuditRules' Run.computeShown). A rule is
 * split into units: one per question (or section) for `for_each: question` (`section`), one per
 * table for `for_each: {rows}`, one otherwise; each unit reads the answers and the visibility
 * of what the rule names (a judgement selector names every part it may pick), and of its own
 * question or table. A test of whether text mentions the child also reads the child's name
 * fields and the names found in all the text (AuditNames says when those change). Every answer also has a unit for the problems
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
  /* The parts a judgement selector names ({judgements: questions|sections|all}): a superset of
   * those the evaluator picks (it also matches the scale), which is safe for an index. */
  function selected(kind) {
    return index.order.filter(function (id) {
      var e = index.entries[id];
      return (e.kind === "question" && kind !== "sections") || (e.kind === "section" && kind !== "questions");
    });
  }
  /* Every answer a test reads beyond the references it names: the parts a selector picks. */
  function owners(conditions) {
    var refs = [];
    conditions.forEach(function (c) {
      if (!c) return;
      refs.push.apply(refs, R.conditionRefs(c));
      R.iterTests(c).forEach(function (test) {
        var op = R.operatorOf(test), operand = test[op];
        if ((op === "better_than_all" || op === "worse_than_all") && !Array.isArray(operand)) {
          refs.push.apply(refs, selected(operand.judgements));
        }
      });
    });
    return unique(refs.map(owner));
  }
  /* Whether a test reads the child's names, gathered from all the text of the answers. */
  function readsAll(conditions) {
    return conditions.some(function (c) {
      return c && R.iterTests(c).some(function (test) { return R.operatorOf(test) === "mentions_child"; });
    });
  }
  var childFields = (index.childFields || []).map(owner);  // a compound field's part is read with its field

  // -- visibility: which parts read each answer, and each part's visibility ---------------------
  var readersOfAnswer = {}, readersOfShown = {}, readersOfAll = [];
  index.order.forEach(function (id) {
    var e = index.entries[id], answers = [], shown = [];
    if (id !== e.section) {
      shown.push(e.section);
      if (index.entries[e.section] && index.entries[e.section].optional) answers.push(e.section);
    }
    if (e.parent && e.parent !== e.section) shown.push(e.parent);
    if (e.revealedBy) { shown.push(e.revealedBy[0]); answers.push(e.revealedBy[0]); }
    var named = owners(e.conditions);
    if (readsAll(e.conditions)) readersOfAll.push(id);
    unique(answers.concat(named)).forEach(function (a) { push(readersOfAnswer, a, id); });
    unique(shown.concat(named)).forEach(function (s) { push(readersOfShown, s, id); });
  });

  /* Every part whose visibility may change when the answer ``id`` changes. */
  function partsAffectedBy(id) {
    var out = [], seen = {}, queue = (readersOfAnswer[id] || []).concat(readersOfAll);
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
  var units = [], unitsReading = {}, unitsReadingNames = [];
  function addUnit(unit, reads, names) {
    unit.index = units.length;
    units.push(unit);
    unique(names ? reads.concat(childFields) : reads).forEach(function (id) { push(unitsReading, id, unit.index); });
    if (names) unitsReadingNames.push(unit);
  }
  rules.forEach(function (rule) {
    var named = owners([rule.assert, rule.when]).concat(rule.at ? [owner(rule.at)] : []);
    var forEach = rule.for_each, all = readsAll([rule.assert, rule.when]);
    if (forEach === undefined || forEach === null) {
      addUnit({ kind: "rule", rule: rule, id: null }, named, all);
    } else if (forEach === "question" || forEach === "section") {
      var parts = R.relativeParts(rule);
      index.order.forEach(function (id) {
        if (R.covers(rule, parts, index.entries[id])) addUnit({ kind: "question", rule: rule, id: id }, named.concat([id]), all);
      });
    } else {
      addUnit({ kind: "rows", rule: rule, id: forEach.rows }, named.concat([forEach.rows]), all);
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

  /* ``namesReaders``: the units to look at again when the child's names found in the text change. */
  return { units: units, affectedBy: affectedBy, namesReaders: unitsReadingNames };
};
