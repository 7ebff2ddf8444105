/* auditforms: reading answers from the inputs and writing them back, in the shapes of
 * docs/architecture.md (the page's "slots" say which shape each answer has). */
var AuditAnswers = function (form, data, evaluator, D, Rows) {
  "use strict";
  var $$ = D.$$, pad = D.pad;
  var rowMaps = {};
  function byName(name) { return $$('[name="' + CSS.escape(name) + '"]', form); }
  function tableGroup(id) { return form.querySelector('[data-table="' + CSS.escape(id) + '"]'); }

  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

  function readNumber(text, pointer, problems, control) {
    var t = text.trim().replace(/,/g, "");
    if (t === "") return null;
    if (NUMBER.test(t)) return Number(t);
    problems.push({ pointer: pointer, message: "enter a number, like 12", control: control });
    return null;
  }
  function readDate(id, pointer, problems) {
    var parts = ["day", "month", "year"].map(function (p) {
      var input = byName(id + "#" + p)[0];
      return input ? input.value.trim() : "";
    });
    if (parts.join("") === "") return null;
    var iso = /^\d{1,2}$/.test(parts[0]) && /^\d{1,2}$/.test(parts[1]) && /^\d{4}$/.test(parts[2])
      ? parts[2] + "-" + pad(parts[1], 2) + "-" + pad(parts[0], 2) : "";
    if (AuditRules.asDate(iso) !== null) return iso;
    problems.push({ pointer: pointer, message: "enter a real date, like 27 3 2026", control: byName(id + "#day")[0] });
    return null;
  }
  function readChoice(name) {
    var inputs = byName(name);
    if (inputs.length === 1 && inputs[0].tagName === "SELECT") return inputs[0].value || null;
    var chosen = inputs.filter(function (i) { return i.checked; })[0];
    return chosen ? chosen.value : null;
  }
  function readValue(slot, problems) {
    var id = slot.id, pointer = "/answers/" + id;
    if (slot.type === "date") return readDate(id, pointer, problems);
    if (slot.type === "multichoice") {
      var values = byName(id).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      return values.length ? values : null;
    }
    if (["choice", "yesno", "age_band", "scale"].indexOf(slot.type) >= 0) return readChoice(id);
    var input = byName(id)[0];
    if (!input) return null;
    if (slot.type === "number") return readNumber(input.value, pointer, problems, input);
    return AuditRules.isAnswered(input.value) ? input.value : null;
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
    var value = control.value;
    if (column.type === "number") return readNumber(value, pointer, problems, control);
    if (control.type === "date" && control.validity && control.validity.badInput) {
      // A browser date box half filled in has no value: say so rather than lose it quietly.
      problems.push({ pointer: pointer, message: "enter a real date, like 27/03/2026", control: control });
      return null;
    }
    return AuditRules.isAnswered(value) ? value : null;
  }
  function readRow(tr, slot, pointerBase, problems) {
    var row = {};
    slot.columns.forEach(function (column) {
      var control = tr.querySelector('[data-column="' + CSS.escape(column.id) + '"]');
      var value = control ? readCell(control, column, pointerBase + "/" + column.id, problems) : null;
      if (value !== null) row[column.id] = value;
    });
    return row;
  }
  function readTable(slot, problems) {
    var rows = $$("tbody[data-rows] > tr", tableGroup(slot.id));
    if (slot.shape === "fixed") {
      var fixed = {};
      rows.forEach(function (tr) {
        var key = tr.getAttribute("data-row");
        var row = readRow(tr, slot, "/answers/" + slot.id + "/" + key, problems);
        if (Object.keys(row).length) fixed[key] = row;
      });
      return Object.keys(fixed).length ? fixed : null;
    }
    var list = [], map = [];
    rows.forEach(function (tr) {
      var row = readRow(tr, slot, "/answers/" + slot.id + "/" + list.length, problems);
      if (Object.keys(row).length) { list.push(row); map.push(tr); }
    });
    rowMaps[slot.id] = map;
    return list.length ? list : null;
  }

  /* Every answer in the inputs, shown or not, and the inputs that could not be read. */
  function collect() {
    var answers = {}, problems = [];
    data.slots.forEach(function (slot) {
      var value = slot.shape === "value" ? readValue(slot, problems)
        : slot.shape === "object" ? readObject(slot) : readTable(slot, problems);
      if (value !== null) answers[slot.id] = value;
    });
    return { answers: answers, problems: problems };
  }

  /* Only the answers to parts that are shown: what is saved and what is checked. */
  function visible(answers) {
    var run = evaluator.session(answers), out = {};
    Object.keys(answers).forEach(function (id) {
      if (!run.shown(id)) return;
      var value = answers[id], entry = data.index.entries[id];
      if (entry.kind === "section" && value.not_relevant === true) value = { not_relevant: true };
      out[id] = value;
    });
    return out;
  }

  function setChoice(name, value) {
    byName(name).forEach(function (input) {
      if (input.tagName === "SELECT") input.value = value === null ? "" : String(value);
      else input.checked = Array.isArray(value) ? value.indexOf(input.value) >= 0 : input.value === String(value);
    });
  }
  function setText(input, value) {
    if (input) input.value = value === null || value === undefined || typeof value === "object" ? "" : String(value);
  }
  function fillValue(slot, value) {
    var id = slot.id;
    if (slot.type === "date") {
      var iso = typeof value === "string" ? value : "", ok = /^\d{4}-\d{2}-\d{2}$/.test(iso);
      setText(byName(id + "#day")[0], ok ? String(Number(iso.slice(8, 10))) : "");
      setText(byName(id + "#month")[0], ok ? String(Number(iso.slice(5, 7))) : "");
      setText(byName(id + "#year")[0], ok ? iso.slice(0, 4) : "");
    } else if (["choice", "yesno", "age_band", "scale", "multichoice"].indexOf(slot.type) >= 0) {
      setChoice(id, value);
    } else {
      setText(byName(id)[0], value);
    }
  }
  function fillObject(slot, value) {
    var obj = value && typeof value === "object" && !Array.isArray(value) ? value : {};
    slot.keys.forEach(function (key) {
      var name = slot.id + "." + key, v = Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : null;
      if (key === "not_relevant") byName(name).forEach(function (i) { i.checked = v === true; });
      else if (key === "judgement") setChoice(name, v);
      else setText(byName(name)[0], v);
    });
  }
  function fillRow(tr, row) {
    $$("[data-column]", tr).forEach(function (control) {
      var key = control.getAttribute("data-column");
      setText(control, row && Object.prototype.hasOwnProperty.call(row, key) ? row[key] : null);
    });
  }
  function fillTable(slot, value) {
    var group = tableGroup(slot.id), body = group.querySelector("tbody[data-rows]");
    if (slot.shape === "fixed") {
      $$("tr", body).forEach(function (tr) {
        var key = tr.getAttribute("data-row");
        fillRow(tr, value && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : null);
      });
      return;
    }
    var rows = Array.isArray(value) ? value : [];
    while (body.rows.length > Math.max(rows.length, 1)) body.deleteRow(-1);
    while (body.rows.length < rows.length) Rows.add(group, false);
    $$("tr", body).forEach(function (tr, n) { fillRow(tr, rows[n] || null); });
    Rows.renumber(group);
  }
  function fill(answers) {
    data.slots.forEach(function (slot) {
      var value = Object.prototype.hasOwnProperty.call(answers, slot.id) ? answers[slot.id] : null;
      if (slot.shape === "value") fillValue(slot, value);
      else if (slot.shape === "object") fillObject(slot, value);
      else fillTable(slot, value);
    });
  }

  return { collect: collect, visible: visible, fill: fill, rowMaps: rowMaps };
};
