/* auditforms: the page kept in step with the answer model: which parts are shown and, once the
 * answers have been checked, which problems are listed. A whole pass (load, open, check, save)
 * looks at everything; a change to one answer looks only at the parts and units AuditDeps says
 * depend on it, so its cost does not grow with the size of the form. */
var AuditLive = function (form, data, model, deps, problems, evaluator, D) {
  "use strict";
  var names = AuditNames(model, evaluator.text, AuditRules, D);
  var nodes = {};
  function nodeOf(id) { return nodes[id] || (nodes[id] = { items: [], contents: [], overall: [] }); }
  D.$$("[data-item]", form).forEach(function (n) { nodeOf(n.getAttribute("data-item")).items.push(n); });
  D.$$("[data-contents-for]").forEach(function (n) { nodeOf(n.getAttribute("data-contents-for")).contents.push(n); });
  D.$$("[data-overall]", form).forEach(function (n) { nodeOf(n.getAttribute("data-overall")).overall.push(n); });
  /* Each unit's problems as listed ({found, key}); null until the answers are first checked. */
  var current = null;
  /* Grade descriptor paragraphs shown only when their condition holds ("In addition for care leavers"). */
  var descriptors = D.$$("[data-when]", form).map(function (n) {
    return { node: n, condition: JSON.parse(n.getAttribute("data-when")) };
  });
  function showDescriptors(run) {
    descriptors.forEach(function (d) { setHidden(d.node, run.truth(d.condition, null) !== true); });
  }

  /* An evaluation of the answers as they would be saved: a section marked not relevant keeps
   * only that mark (hidden answers are already out of reach of every rule). */
  function session() {
    var run = evaluator.session(model.values), raw = run.answer, found = null;
    run.answer = function (id) {
      var value = raw.call(run, id), entry = data.index.entries[id];
      return entry && entry.kind === "section" && value && value.not_relevant === true ? { not_relevant: true } : value;
    };
    // The child's names come from the text of the answers that would be saved, counted as they change.
    run.childNames = function () {
      if (found === null) found = run.fieldNames().concat(names.names());
      return found;
    };
    return run;
  }

  // -- visibility -------------------------------------------------------------------------------
  function setHidden(node, hidden) { if (node.hidden !== hidden) node.hidden = hidden; }
  function showPart(run, id) {
    var n = nodes[id];
    if (!n) return;
    var hidden = !run.shown(id);
    n.items.forEach(function (node) {
      setHidden(node, hidden);
      var wrapper = node.parentElement;
      if (wrapper && /__conditional$/.test(wrapper.className)) setHidden(wrapper, hidden);
    });
    n.contents.forEach(function (node) { setHidden(node, hidden); });
    if (n.overall.length) {
      var overallHidden = !run.partShown(id, "judgement");
      n.overall.forEach(function (node) { setHidden(node, overallHidden); });
    }
  }

  // -- problems ---------------------------------------------------------------------------------
  /* Inputs that could not be read ("enter a number"), where their answer is shown. */
  function inputFindings(run, id) {
    if (!run.shown(id)) return [];
    return model.problemsOf(id).map(function (p) {
      return { rule_id: "form:input", severity: "error", message: p.message, pointer: p.pointer,
               item_id: id, row: p.row === undefined ? null : p.row, control: p.control };
    });
  }
  function unitFindings(run, unit) {
    if (unit.kind === "input") return inputFindings(run, unit.id);
    var scopes = unit.kind === "rule" ? [null]
      : unit.kind === "question" ? run.questionScope(unit.id, []) : run.rowScopes(unit.id);
    // An answer that could not be read is reported as such, not also as missing.
    return run.ruleFindings(unit.rule, scopes, []).filter(function (f) { return !model.unreadable[f.pointer]; });
  }
  function keyOf(found) {
    return JSON.stringify(found.map(function (f) { return [f.rule_id, f.pointer, f.row, f.severity, f.message]; }));
  }
  function flat(units) { return [].concat.apply([], units.map(function (u) { return u.found; })); }

  /* Every part shown or hidden afresh and, once checked, every problem listed afresh. */
  function all() {
    var run = session();
    Object.keys(nodes).forEach(function (id) { showPart(run, id); });
    showDescriptors(run);
    names.all(run);
    if (current) check("", false);
  }
  /* A whole check: every unit evaluated and listed. Returns the findings in check order. */
  function check(intro, focus) {
    var run = session();
    current = deps.units.map(function (unit) {
      var found = unitFindings(run, unit);
      return { found: found, key: keyOf(found) };
    });
    problems.show(current.map(function (u) { return u.found; }), intro, focus);
    return flat(current);
  }
  /* After the answer ``id`` changed: only what depends on it. True when the problems changed. */
  function changed(id) {
    var run = session(), affected = deps.affectedBy(id), moved = false, units = affected.units;
    showPart(run, id);
    affected.parts.forEach(function (part) { showPart(run, part); });
    if (descriptors.length) showDescriptors(run);
    if (names.update(run, [id].concat(affected.parts))) units = units.concat(deps.namesReaders);
    if (!current) return false;
    units.forEach(function (unit) {
      var found = unitFindings(run, unit), key = keyOf(found);
      if (key === current[unit.index].key) return;
      current[unit.index] = { found: found, key: key };
      problems.replace(unit.index, found);
      moved = true;
    });
    return moved;
  }

  return { all: all, check: check, changed: changed,
           listed: function () { return current ? flat(current) : null; } };
};
