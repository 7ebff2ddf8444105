/* auditforms: the answer model. Every answer, in the shapes of docs/architecture.md, kept in
 * step with the inputs: all are read once when the page loads (or a file is opened), then only
 * the answer whose control changed. Controls are found through indexes built once (input name
 * to inputs, table id to its group), never by searching the page for each answer, so reading
 * one answer costs the same on a form of 12 questions as on one of 360. */
var AuditAnswers = function (form, data, evaluator, D, Rows) {
  "use strict";
  var $$ = D.$$, pad = D.pad, has = D.has;
  var DATE_PARTS = ["day", "month", "year"], MONTH_PARTS = ["month", "year"];
  var inputsByName = {}, slotByName = {}, slotById = {}, groups = {};
  var values = {}, problemsBySlot = {}, unreadable = {}, rowMaps = {};

  $$("[name]", form).forEach(function (c) { (inputsByName[c.name] || (inputsByName[c.name] = [])).push(c); });
  $$("[data-table]", form).forEach(function (g) { groups[g.getAttribute("data-table")] = g; });
  data.slots.forEach(function (slot) {
    slotById[slot.id] = slot;
    var names = slot.shape === "object" ? slot.keys.map(function (k) { return slot.id + "." + k; })
      : slot.shape === "compound" ? [].concat.apply([], slot.parts.map(function (p) { return inputNames(slot.id + "." + p.id, p.type); }))
      : slot.shape !== "value" ? [] : inputNames(slot.id, slot.type);
    names.forEach(function (n) { slotByName[n] = slot; });
  });
  function byName(name) { return inputsByName[name] || []; }
  /* The names of the inputs that answer one value: a date's or month's boxes, else one name. */
  function inputNames(name, type) {
    if (type !== "date" && type !== "month") return [name];
    return (type === "date" ? DATE_PARTS : MONTH_PARTS).map(function (p) { return name + "#" + p; });
  }

  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;
  function readNumber(text, pointer, problems, control) {
    var t = text.trim().replace(/,/g, "");
    if (t === "") return null;
    if (NUMBER.test(t)) return Number(t);
    problems.push({ pointer: pointer, message: "enter a number, like 12", control: control });
    return null;
  }
  /* A GOV.UK date input (Day, Month, Year boxes) as "YYYY-MM-DD", wherever it is drawn. */
  function readDate(inputs, pointer, problems) {
    var parts = inputs.map(function (input) { return input ? input.value.trim() : ""; });
    if (parts.join("") === "") return null;
    var iso = /^\d{1,2}$/.test(parts[0]) && /^\d{1,2}$/.test(parts[1]) && /^\d{4}$/.test(parts[2])
      ? parts[2] + "-" + pad(parts[1], 2) + "-" + pad(parts[0], 2) : "";
    if (AuditRules.asDate(iso) !== null) return iso;
    problems.push({ pointer: pointer, message: "enter a real date, like 27 3 2026", control: inputs[0] });
    return null;
  }
  function dateInputs(id) { return DATE_PARTS.map(function (p) { return byName(id + "#" + p)[0]; }); }
  /* A month-and-year input (Month, Year boxes) as "YYYY-MM". */
  function readMonth(id, pointer, problems) {
    var inputs = MONTH_PARTS.map(function (p) { return byName(id + "#" + p)[0]; });
    var parts = inputs.map(function (input) { return input ? input.value.trim() : ""; });
    if (parts.join("") === "") return null;
    var month = Number(parts[0]);
    if (/^\d{1,2}$/.test(parts[0]) && month >= 1 && month <= 12 && /^\d{4}$/.test(parts[1])) {
      return parts[1] + "-" + pad(parts[0], 2);
    }
    problems.push({ pointer: pointer, message: "enter a real month and year, like 3 2026", control: inputs[0] });
    return null;
  }
  function cellDateInputs(cell) {
    return DATE_PARTS.map(function (p) { return cell.querySelector('[data-part="' + p + '"]'); });
  }
  function readChoice(name) {
    var inputs = byName(name);
    if (inputs.length === 1 && inputs[0].tagName === "SELECT") return inputs[0].value || null;
    var chosen = inputs.filter(function (i) { return i.checked; })[0];
    return chosen ? chosen.value : null;
  }
  function readValue(slot, problems, pointerOf) {
    var id = slot.id, pointer = pointerOf || "/answers/" + id;
    if (slot.type === "date") return readDate(dateInputs(id), pointer, problems);
    if (slot.type === "month") return readMonth(id, pointer, problems);
    if (slot.type === "multichoice") {
      var chosen = byName(id).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      return chosen.length ? chosen : null;
    }
    if (["choice", "yesno", "age_band", "scale"].indexOf(slot.type) >= 0) return readChoice(id);
    var input = byName(id)[0];
    if (!input) return null;
    if (slot.type === "number") return readNumber(input.value, pointer, problems, input);
    return AuditRules.isAnswered(input.value) ? input.value : null;
  }
  /* A compound field's labelled answers, each read as its own type, as one object. */
  function readCompound(slot, problems) {
    var out = {};
    slot.parts.forEach(function (p) {
      var value = readValue({ id: slot.id + "." + p.id, type: p.type }, problems, "/answers/" + slot.id + "/" + p.id);
      if (value !== null) out[p.id] = value;
    });
    return Object.keys(out).length ? out : null;
  }
  function readObject(slot) {
    var out = {};
    slot.keys.forEach(function (key) {
      var name = slot.id + "." + key, value = null;
      if (key === "not_relevant") value = byName(name).some(function (i) { return i.checked; }) || null;
      else if (key === "judgement") value = readChoice(name);
      else {
        var input = byName(name)[0];
        value = input && AuditRules.isAnswered(input.value) ? input.value : null;
      }
      if (value !== null) out[key] = value;
    });
    return Object.keys(out).length ? out : null;
  }
  function readCell(control, column, pointer, problems) {
    if (control.hasAttribute("data-date-cell")) return readDate(cellDateInputs(control), pointer, problems);
    if (column.type === "number") return readNumber(control.value, pointer, problems, control);
    return AuditRules.isAnswered(control.value) ? control.value : null;
  }
  /* One row's answers; what could not be read is marked with the row's place in the table. */
  function readRow(tr, slot, pointerBase, problems) {
    var row = {}, first = problems.length, place = tr.sectionRowIndex;
    slot.columns.forEach(function (column) {
      var control = tr.querySelector('[data-column="' + CSS.escape(column.id) + '"]');
      var value = control ? readCell(control, column, pointerBase + "/" + column.id, problems) : null;
      if (value !== null) row[column.id] = value;
    });
    for (var n = first; n < problems.length; n++) problems[n].row = place;
    return row;
  }
  function tableRows(id) { return $$("tbody[data-rows] > tr", groups[id]); }
  function readTable(slot, problems) {
    if (slot.shape === "fixed") {
      var fixed = {};
      tableRows(slot.id).forEach(function (tr) {
        var key = tr.getAttribute("data-row");
        var row = readRow(tr, slot, "/answers/" + slot.id + "/" + key, problems);
        if (Object.keys(row).length) fixed[key] = row;
      });
      return Object.keys(fixed).length ? fixed : null;
    }
    var list = [], map = [];
    tableRows(slot.id).forEach(function (tr) {
      var row = readRow(tr, slot, "/answers/" + slot.id + "/" + list.length, problems);
      if (Object.keys(row).length) { list.push(row); map.push(tr); }
    });
    rowMaps[slot.id] = map;
    return list.length ? list : null;
  }

  // -- the model ------------------------------------------------------------------------------
  function read(slot) {
    var problems = [];
    var value = slot.shape === "value" ? readValue(slot, problems)
      : slot.shape === "compound" ? readCompound(slot, problems)
      : slot.shape === "object" ? readObject(slot) : readTable(slot, problems);
    return { value: value, problems: problems };
  }
  function fingerprint(value, problems) {
    return JSON.stringify([value, problems.map(function (p) { return [p.pointer, p.message]; })]);
  }
  function store(slot, now) {
    (problemsBySlot[slot.id] || []).forEach(function (p) { delete unreadable[p.pointer]; });
    now.problems.forEach(function (p) { unreadable[p.pointer] = true; });
    problemsBySlot[slot.id] = now.problems;
    if (now.value === null) delete values[slot.id];
    else values[slot.id] = now.value;
  }
  /* Reads one answer again; true when it, or what could not be read of it, changed. */
  function update(slot) {
    var before = fingerprint(has(values, slot.id) ? values[slot.id] : null, problemsBySlot[slot.id] || []);
    var now = read(slot);
    store(slot, now);
    return fingerprint(now.value, now.problems) !== before;
  }
  function readAll() { data.slots.forEach(function (slot) { store(slot, read(slot)); }); }
  /* The answer a control belongs to: by its name, or by the table it sits in. */
  function slotOf(control) {
    if (!control || !control.closest) return null;
    if (control.name && has(slotByName, control.name)) return slotByName[control.name];
    var group = control.closest("[data-table]");
    return group && form.contains(group) ? slotById[group.getAttribute("data-table")] || null : null;
  }
  /* Only the answers to parts that are shown: what is saved and what is checked. */
  function visible() {
    var run = evaluator.session(values), out = {};
    Object.keys(values).forEach(function (id) {
      if (!run.shown(id)) return;
      var value = values[id], entry = data.index.entries[id];
      if (entry.kind === "section" && value.not_relevant === true) value = { not_relevant: true };
      out[id] = value;
    });
    return out;
  }

  // -- writing answers into the inputs (opening a file) ---------------------------------------
  function setChoice(name, value) {
    byName(name).forEach(function (input) {
      if (input.tagName === "SELECT") input.value = value === null ? "" : String(value);
      else input.checked = Array.isArray(value) ? value.indexOf(input.value) >= 0 : input.value === String(value);
    });
  }
  function setText(input, value) {
    if (input) input.value = value === null || value === undefined || typeof value === "object" ? "" : String(value);
  }
  function setDate(inputs, value) {
    var iso = typeof value === "string" ? value : "", ok = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    setText(inputs[0], ok ? String(Number(iso.slice(8, 10))) : "");
    setText(inputs[1], ok ? String(Number(iso.slice(5, 7))) : "");
    setText(inputs[2], ok ? iso.slice(0, 4) : "");
  }
  function fillValue(slot, value) {
    if (slot.type === "date") setDate(dateInputs(slot.id), value);
    else if (slot.type === "month") {
      var ok = typeof value === "string" && /^\d{4}-\d{2}$/.test(value);
      setText(byName(slot.id + "#month")[0], ok ? String(Number(value.slice(5, 7))) : "");
      setText(byName(slot.id + "#year")[0], ok ? value.slice(0, 4) : "");
    } else if (["choice", "yesno", "age_band", "scale", "multichoice"].indexOf(slot.type) >= 0) setChoice(slot.id, value);
    else setText(byName(slot.id)[0], value);
  }
  function fillObject(slot, value) {
    var obj = value && typeof value === "object" && !Array.isArray(value) ? value : {};
    slot.keys.forEach(function (key) {
      var name = slot.id + "." + key, v = has(obj, key) ? obj[key] : null;
      if (key === "not_relevant") byName(name).forEach(function (i) { i.checked = v === true; });
      else if (key === "judgement") setChoice(name, v);
      else setText(byName(name)[0], v);
    });
  }
  function fillRow(tr, row) {
    $$("[data-column]", tr).forEach(function (control) {
      var key = control.getAttribute("data-column"), value = row && has(row, key) ? row[key] : null;
      if (control.hasAttribute("data-date-cell")) setDate(cellDateInputs(control), value);
      else setText(control, value);
    });
  }
  function fillTable(slot, value) {
    var group = groups[slot.id], body = group.querySelector("tbody[data-rows]");
    if (slot.shape === "fixed") {
      $$("tr", body).forEach(function (tr) {
        var key = tr.getAttribute("data-row");
        fillRow(tr, value && has(value, key) ? value[key] : null);
      });
      return;
    }
    var rows = Array.isArray(value) ? value : [];
    while (body.rows.length > Math.max(rows.length, 1)) body.deleteRow(-1);
    while (body.rows.length < rows.length) Rows.add(group, false);
    $$("tr", body).forEach(function (tr, n) { fillRow(tr, rows[n] || null); });
    Rows.renumber(group);
  }
  /* Puts a document's answers into the inputs, then reads them all back into the model. */
  function fill(answers) {
    data.slots.forEach(function (slot) {
      var value = has(answers, slot.id) ? answers[slot.id] : null;
      if (slot.shape === "value") fillValue(slot, value);
      else if (slot.shape === "compound") {
        var obj = value && typeof value === "object" && !Array.isArray(value) ? value : {};
        slot.parts.forEach(function (p) {
          fillValue({ id: slot.id + "." + p.id, type: p.type }, has(obj, p.id) ? obj[p.id] : null);
        });
      }
      else if (slot.shape === "object") fillObject(slot, value);
      else fillTable(slot, value);
    });
    readAll();
  }

  return {
    values: values, unreadable: unreadable, rowMaps: rowMaps, slots: slotById,
    problemsOf: function (id) { return problemsBySlot[id] || []; },
    update: update, readAll: readAll, slotOf: slotOf, visible: visible, fill: fill
  };
};
