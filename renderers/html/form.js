/* auditforms: the form's behaviour. Reads answers from the inputs, shows and hides
 * conditional parts, checks answers with AuditRules, adds and removes table rows, and saves
 * and opens the completed-audit JSON document. Nothing is stored in the browser and
 * nothing is sent anywhere: the saved file is the only copy. */
(function () {
  var data = JSON.parse(document.getElementById("af-data").textContent);
  var form = document.querySelector("[data-form]");
  var evaluator = new AuditRules.Evaluator(data.index, { today: today() });
  var state = { baseline: "", initial: "", checked: false, extra: {}, rowMaps: {} };

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
  }
  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function byName(name) { return $$('[name="' + CSS.escape(name) + '"]', form); }
  function domId() { return "f-" + Array.prototype.slice.call(arguments).join("--"); }
  function el(id) { return document.getElementById(id); }
  function tableGroup(id) { return form.querySelector('[data-table="' + CSS.escape(id) + '"]'); }

  // -- reading answers ------------------------------------------------------------------
  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

  function readNumber(text, pointer, problems) {
    var t = text.trim().replace(/,/g, "");
    if (t === "") return null;
    if (NUMBER.test(t)) return Number(t);
    problems.push({ pointer: pointer, message: "enter a number, like 12" });
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
    problems.push({ pointer: pointer, message: "enter a real date, like 27 3 2026" });
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
    if (slot.type === "number") return readNumber(input.value, pointer, problems);
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
    if (column.type === "number") return readNumber(value, pointer, problems);
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
    state.rowMaps[slot.id] = map;
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

  // -- visibility -------------------------------------------------------------------------
  function updateVisibility(answers) {
    var run = evaluator.session(answers);
    $$("[data-item]", form).forEach(function (node) {
      node.hidden = !run.shown(node.getAttribute("data-item"));
      var wrapper = node.parentElement;
      if (wrapper && /__conditional$/.test(wrapper.className)) wrapper.hidden = node.hidden;
    });
    $$("[data-overall]", form).forEach(function (node) {
      node.hidden = !run.partShown(node.getAttribute("data-overall"), "judgement");
    });
  }

  // -- checking and showing problems ------------------------------------------------------
  function findings(collected) {
    var answers = visible(collected.answers), run = evaluator.session(collected.answers);
    var found = evaluator.run(answers, data.rules);
    collected.problems.forEach(function (p) {
      var id = p.pointer.split("/")[2];
      if (run.shown(id)) found.push({ rule_id: "form:input", severity: "error", message: p.message,
        pointer: p.pointer, item_id: id, row: null });
    });
    return found;
  }
  function locate(pointer) {
    var parts = pointer.replace(/^\/answers\//, "").split("/");
    if (!pointer || parts[0] === "") return null;
    if (parts.length >= 3) {
      var group = el(domId(parts[0])), tr = null;
      var map = state.rowMaps[parts[0]];
      if (map && /^\d+$/.test(parts[1])) tr = map[Number(parts[1])] || null;
      else if (group) tr = group.querySelector('tr[data-row="' + CSS.escape(parts[1]) + '"]');
      var cell = tr ? tr.querySelector('[data-column="' + CSS.escape(parts[2]) + '"]') : null;
      return group ? { group: group, control: cell || firstControl(group), cell: cell } : null;
    }
    var target = el(domId.apply(null, parts));
    return target ? { group: target, control: firstControl(target), cell: null } : null;
  }
  function firstControl(group) {
    return group.querySelector("input:not([type=hidden]), select, textarea, button");
  }
  function clearErrors() {
    $$(".af-form-group--error", form).forEach(function (g) { g.classList.remove("af-form-group--error"); });
    $$(".af-error-message", form).forEach(function (p) { p.hidden = true; p.textContent = ""; });
    $$("[aria-invalid]", form).forEach(function (c) {
      c.removeAttribute("aria-invalid");
      var described = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (t) { return t && !/-error$/.test(t); });
      if (described.length) c.setAttribute("aria-describedby", described.join(" "));
      else c.removeAttribute("aria-describedby");
    });
  }
  function describe(finding) {
    var entry = data.index.entries[finding.item_id];
    var where = entry ? entry.name : "";
    if (finding.row !== null && finding.row !== undefined) {
      where += /^\d+$/.test(String(finding.row)) ? ", row " + (Number(finding.row) + 1) : ", " + finding.row;
    }
    var text = finding.message.charAt(0).toUpperCase() + finding.message.slice(1);
    return where ? where + ": " + finding.message : text;
  }
  function markInline(finding, place) {
    var message = place.group.querySelector(":scope > .af-error-message, :scope > fieldset > .af-error-message");
    place.group.classList.add("af-form-group--error");
    var controls = place.cell ? [place.cell] : $$("input, select, textarea", place.group).filter(function (c) {
      return c.closest(".af-form-group") === place.group;
    });
    controls.forEach(function (c) {
      c.setAttribute("aria-invalid", "true");
      if (message) {
        var described = (c.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        if (described.indexOf(message.id) < 0) described.push(message.id);
        c.setAttribute("aria-describedby", described.join(" "));
      }
    });
    if (!message) return;
    var line = document.createElement("span");
    line.className = "af-error-message__line";
    var prefix = document.createElement("span");
    prefix.className = "af-visually-hidden";
    prefix.textContent = finding.severity === "error" ? "Error: " : "Warning: ";
    line.appendChild(prefix);
    line.appendChild(document.createTextNode(place.cell ? describe(finding) : finding.message));
    message.appendChild(line);
    message.hidden = false;
  }
  function summaryItem(finding) {
    var li = document.createElement("li"), place = locate(finding.pointer), text = describe(finding);
    if (place && place.control) {
      if (!place.control.id) place.control.id = "af-control-" + Math.abs(hash(finding.pointer));
      var a = document.createElement("a");
      a.href = "#" + place.control.id;
      a.textContent = text;
      a.addEventListener("click", function (event) {
        event.preventDefault();
        place.control.focus();
        var label = place.group.querySelector("legend, label, h3");
        (label || place.control).scrollIntoView({ block: "center" });
      });
      li.appendChild(a);
      markInline(finding, place);
    } else {
      li.textContent = text;
    }
    if (finding.severity !== "error") li.className = "af-error-summary__warning";
    return li;
  }
  function hash(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
    return h;
  }
  function showProblems(found, intro, focus) {
    clearErrors();
    var summary = el("af-error-summary"), list = el("af-error-summary-list");
    list.textContent = "";
    var errors = found.filter(function (f) { return f.severity === "error"; });
    var warnings = found.filter(function (f) { return f.severity !== "error"; });
    errors.concat(warnings).forEach(function (f) { list.appendChild(summaryItem(f)); });
    el("af-error-summary-title").textContent = errors.length ? "There is a problem" : "Please check";
    el("af-error-summary-body").textContent = intro || "";
    summary.hidden = found.length === 0;
    summary.classList.toggle("af-error-summary--warning", errors.length === 0);
    if (focus && found.length) summary.focus();
    return errors.length;
  }

  // -- notices ----------------------------------------------------------------------------
  function notice(text, kind) {
    var box = el("af-notice");
    box.textContent = text;
    box.className = "af-notice af-no-print" + (kind ? " af-notice--" + kind : "");
    box.hidden = false;
  }

  // -- saving -----------------------------------------------------------------------------
  function safeName(text) { return String(text).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, ""); }
  function fileName(answers, status) {
    var childId = data.roles.child_id ? answers[data.roles.child_id] : null;
    var auditDate = data.roles.audit_date ? answers[data.roles.audit_date] : null;
    var parts = [data.definition.id, childId || state.extra.audit_id || data.auditId || "audit",
      auditDate || today(), status];
    return parts.map(safeName).filter(Boolean).join("_") + ".json";
  }
  function envelope(answers, status) {
    var doc = { format: data.format, format_version: data.formatVersion,
      definition: { id: data.definition.id, version: data.definition.version } };
    var auditId = state.extra.audit_id || data.auditId;
    if (auditId) doc.audit_id = auditId;
    doc.status = status;
    doc.answers = answers;
    if (state.extra.moderation) doc.moderation = state.extra.moderation;
    doc.source = { kind: "html", saved_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") };
    return doc;
  }
  function download(doc, name) {
    var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob), a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function save(finished) {
    var collected = collect(), answers = visible(collected.answers), found = findings(collected);
    var errors = found.filter(function (f) { return f.severity === "error"; }).length;
    state.checked = true;
    if (finished && errors) {
      showProblems(found, "Fix these before saving the audit as finished. You can still save your answers as a draft.", true);
      return;
    }
    var status = finished ? "submitted" : "draft", name = fileName(answers, status);
    download(envelope(answers, status), name);
    state.baseline = JSON.stringify(answers);
    showProblems(found, errors ? "Your answers were saved as a draft. These need fixing before the audit is finished:" : "", false);
    notice("Your answers were saved as " + (finished ? "a finished audit" : "a draft") + " in the file " + name +
      ". Keep the file safe: it holds personal information.", "success");
  }

  // -- opening ----------------------------------------------------------------------------
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
    while (body.rows.length < rows.length) addRow(group, false);
    $$("tr", body).forEach(function (tr, n) { fillRow(tr, rows[n] || null); });
    renumber(group);
  }
  function fill(answers) {
    data.slots.forEach(function (slot) {
      var value = Object.prototype.hasOwnProperty.call(answers, slot.id) ? answers[slot.id] : null;
      if (slot.shape === "value") fillValue(slot, value);
      else if (slot.shape === "object") fillObject(slot, value);
      else fillTable(slot, value);
    });
  }
  function open(text) {
    var doc;
    try { doc = JSON.parse(text); } catch (e) { doc = null; }
    if (!doc || typeof doc !== "object" || doc.format !== data.format || !doc.answers || typeof doc.answers !== "object") {
      notice("That file is not a saved audit. Choose a file saved from this form (it ends in .json).", "error");
      return;
    }
    var def = doc.definition || {};
    if (def.id !== data.definition.id) {
      notice("That file holds answers for a different audit tool (" + String(def.id) + "). Open it with that tool's form.", "error");
      return;
    }
    var known = data.slots.map(function (s) { return s.id; });
    var unknown = Object.keys(doc.answers).filter(function (id) { return known.indexOf(id) < 0; });
    state.extra = { audit_id: doc.audit_id || null, moderation: doc.moderation || null };
    fill(doc.answers);
    refresh();
    state.baseline = JSON.stringify(visible(collect().answers));
    var saved = doc.source && doc.source.saved_at ? " saved on " + String(doc.source.saved_at).replace("T", " at ").replace("Z", " UTC") : "";
    var message = "Opened answers" + saved + " (" + String(doc.status || "draft") + "): " +
      (Object.keys(doc.answers).length - unknown.length) + " answers filled in.";
    if (def.version !== data.definition.version) message += " They were saved with version " + String(def.version) + " of this tool; this form is version " + data.definition.version + ", so check them.";
    if (unknown.length) message += " " + unknown.length + " answers in the file are not part of this form and will not be saved again.";
    notice(message, unknown.length || def.version !== data.definition.version ? "warning" : "success");
    el("af-notice").focus();
  }

  // -- table rows ---------------------------------------------------------------------------
  function renumber(group) {
    var table = group.getAttribute("data-table");
    var rows = $$("tbody[data-rows] > tr", group);
    rows.forEach(function (tr, n) {
      tr.setAttribute("data-row", String(n));
      $$("[data-column]", tr).forEach(function (control) {
        control.id = domId(table, n, control.getAttribute("data-column"));
        var label = control.getAttribute("aria-label") || "";
        control.setAttribute("aria-label", label.replace(/ – row (\d+|__n__)$/, " – row " + (n + 1)));
      });
      var name = tr.querySelector("[data-row-name]");
      if (name) name.textContent = "row " + (n + 1);
    });
    var max = group.getAttribute("data-max-rows"), min = Number(group.getAttribute("data-min-rows") || 0);
    var add = group.querySelector('[data-action="add-row"]');
    if (add) add.disabled = max !== null && rows.length >= Number(max);
    $$('[data-action="remove-row"]', group).forEach(function (b) { b.disabled = rows.length <= min; });
    var status = group.querySelector("[data-rows-status]");
    if (status) status.dataset.count = String(rows.length);
  }
  function announce(group, text) {
    var status = group.querySelector("[data-rows-status]");
    if (status) status.textContent = text;
  }
  function addRow(group, focus) {
    var template = group.querySelector("template[data-row-template]");
    var body = group.querySelector("tbody[data-rows]");
    var tr = template.content.firstElementChild.cloneNode(true);
    body.appendChild(tr);
    renumber(group);
    if (focus) {
      tr.querySelector("[data-column]").focus();
      announce(group, "Row " + body.rows.length + " added.");
    }
    return tr;
  }
  function removeRow(button) {
    var group = button.closest("[data-table]"), tr = button.closest("tr");
    var body = tr.parentElement, index = Array.prototype.indexOf.call(body.rows, tr);
    tr.remove();
    renumber(group);
    var next = body.rows[Math.min(index, body.rows.length - 1)];
    var target = next ? next.querySelector('[data-action="remove-row"]') : null;
    if (!target || target.disabled) target = group.querySelector('[data-action="add-row"]');
    announce(group, "Row " + (index + 1) + " removed. " + body.rows.length + " rows left.");
    if (target) target.focus();
  }

  // -- printing -----------------------------------------------------------------------------
  var printState = [];
  function beforePrint() {
    $$(".af-print-text").forEach(function (mirror) {
      var source = mirror.previousElementSibling;
      mirror.textContent = source ? source.value : "";
    });
    $$(".af-print-options").forEach(function (list) {
      var select = list.previousElementSibling;
      $$("li", list).forEach(function (li) { li.classList.toggle("af-chosen", select && select.value === li.getAttribute("data-value")); });
    });
    printState = $$("details[data-print-open]").map(function (d) { var was = d.open; d.open = true; return [d, was]; });
    document.body.classList.toggle("af-blank", JSON.stringify(collect().answers) === state.initial);
  }
  function afterPrint() {
    printState.forEach(function (pair) { pair[0].open = pair[1]; });
    document.body.classList.remove("af-blank");
  }

  // -- wiring -------------------------------------------------------------------------------
  function refresh() {
    var collected = collect();
    updateVisibility(collected.answers);
    if (state.checked) showProblems(findings(collected), "", false);
    return collected;
  }
  function isDirty() {
    return JSON.stringify(visible(collect().answers)) !== state.baseline;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "add-row") { addRow(button.closest("[data-table]"), true); refresh(); }
    else if (action === "remove-row") { removeRow(button); refresh(); }
    else if (action === "save-draft") save(false);
    else if (action === "save-final") save(true);
    else if (action === "open") el("af-open-file").click();
    else if (action === "check") {
      state.checked = true;
      var found = findings(collect());
      showProblems(found, "", true);
      if (!found.length) notice("No problems found. You can save the audit as finished.", "success");
    }
  });
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  el("af-open-file").addEventListener("change", function () {
    var file = this.files && this.files[0], input = this;
    if (!file) return;
    if (isDirty() && !window.confirm("Opening a file replaces the answers in the form. Your unsaved changes will be lost. Open it?")) {
      input.value = "";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () { open(String(reader.result)); input.value = ""; };
    reader.onerror = function () { notice("That file could not be read.", "error"); input.value = ""; };
    reader.readAsText(file);
  });
  window.addEventListener("beforeunload", function (event) {
    if (isDirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);

  $$("[data-table]", form).forEach(function (group) { if (group.hasAttribute("data-min-rows")) renumber(group); });
  el("af-notice").setAttribute("tabindex", "-1");
  var start = refresh();
  state.initial = JSON.stringify(start.answers);
  state.baseline = JSON.stringify(visible(start.answers));

  /* For tests and for people who script their browser: the same evaluator the form uses. */
  window.AuditForm = {
    data: data,
    answers: function () { return visible(collect().answers); },
    evaluate: function (answers, context) {
      return new AuditRules.Evaluator(data.index, context || {}).run(answers, data.rules);
    },
    shown: function (answers, id, context) {
      return new AuditRules.Evaluator(data.index, context || {}).shown(answers, id);
    }
  };
})();
