/* auditforms: the form's behaviour. Shows and hides conditional parts, checks answers
 * with AuditRules, and saves and opens the completed-audit JSON document. Nothing is stored
 * in the browser and nothing is sent anywhere: the saved file is the only copy. */
(function (D) {
  "use strict";
  var $$ = D.$$, el = D.el, today = D.today;
  var data = JSON.parse(document.getElementById("af-data").textContent);
  var form = document.querySelector("[data-form]");
  var evaluator = new AuditRules.Evaluator(data.index, { today: today() });
  var answersIO = AuditAnswers(form, data, evaluator, D, AuditRows);
  var problems = AuditProblems(form, data, answersIO, D);
  var collect = answersIO.collect, visible = answersIO.visible, fill = answersIO.fill;
  var showProblems = problems.show;
  var state = { baseline: "", initial: "", checked: false, extra: {} };

  // -- visibility -------------------------------------------------------------------------
  function updateVisibility(answers) {
    var run = evaluator.session(answers);
    $$("[data-item]", form).forEach(function (node) {
      node.hidden = !run.shown(node.getAttribute("data-item"));
      var wrapper = node.parentElement;
      if (wrapper && /__conditional$/.test(wrapper.className)) wrapper.hidden = node.hidden;
    });
    $$("[data-contents-for]").forEach(function (item) {
      item.hidden = !run.shown(item.getAttribute("data-contents-for"));
    });
    $$("[data-overall]", form).forEach(function (node) {
      node.hidden = !run.partShown(node.getAttribute("data-overall"), "judgement");
    });
  }

  // -- checking and showing problems ------------------------------------------------------
  function findings(collected) {
    var answers = visible(collected.answers), run = evaluator.session(collected.answers);
    var unreadable = {};
    collected.problems.forEach(function (p) { unreadable[p.pointer] = true; });
    // An answer that could not be read is reported as such, not also as missing.
    var found = evaluator.run(answers, data.rules).filter(function (f) { return !unreadable[f.pointer]; });
    collected.problems.forEach(function (p) {
      var parts = p.pointer.split("/"), row = parts.length > 4 ? domRow(p.control) : null;
      if (run.shown(parts[2])) found.push({ rule_id: "form:input", severity: "error", message: p.message,
        pointer: p.pointer, item_id: parts[2], row: row, control: p.control });
    });
    return found;
  }
  function domRow(control) {
    var tr = control ? control.closest("tr") : null;
    return tr ? Array.prototype.indexOf.call(tr.parentElement.rows, tr) : null;
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
  function count(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); }
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
      count(Object.keys(doc.answers).length - unknown.length, "answer") + " filled in.";
    if (def.version !== data.definition.version) message += " They were saved with version " + String(def.version) + " of this tool; this form is version " + data.definition.version + ", so check them.";
    if (unknown.length) {
      message += " " + count(unknown.length, "answer") + " in the file " + (unknown.length === 1 ? "is" : "are") +
        " not part of this form and will not be saved again.";
    }
    notice(message, unknown.length || def.version !== data.definition.version ? "warning" : "success");
    el("af-notice").focus();
  }

  // -- printing -----------------------------------------------------------------------------
  var printState = [];
  function beforePrint() {
    $$(".af-print-text").forEach(function (mirror) {
      var source = mirror.previousElementSibling;
      mirror.textContent = source ? source.value : "";
      // Room to write by hand: as many lines as the box has on screen.
      mirror.style.minHeight = (source && source.rows ? source.rows * 1.6 : 3) + "em";
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

  var origin = null;
  document.addEventListener("click", function (event) {
    var see = event.target.closest(".af-see a");
    if (see) {
      // Remember where a statement of good was opened from, so its reader can go back there.
      origin = see;
      $$("[data-back]").forEach(function (p) { p.hidden = false; });
    }
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "add-row") { AuditRows.add(button.closest("[data-table]"), true); refresh(); }
    else if (action === "remove-row") { AuditRows.remove(button); refresh(); }
    else if (action === "save-draft") save(false);
    else if (action === "save-final") save(true);
    else if (action === "open") el("af-open-file").click();
    else if (action === "back" && origin) { event.preventDefault(); origin.focus(); }
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

  $$("[data-table]", form).forEach(function (group) { if (group.hasAttribute("data-min-rows")) AuditRows.renumber(group); });
  el("af-notice").setAttribute("tabindex", "-1");
  $$("[data-requires-script]").forEach(function (node) { node.hidden = false; });
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
})(AuditDom);
