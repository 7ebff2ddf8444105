/* auditforms: the form's behaviour. Shows and hides conditional parts, checks answers
 * with AuditRules, and saves and opens the completed-audit JSON document. Nothing is stored
 * in the browser and nothing is sent anywhere: the saved file is the only copy. */
(function (D) {
  "use strict";
  var $$ = D.$$, el = D.el, today = D.today;
  var data = JSON.parse(document.getElementById("af-data").textContent);
  var form = document.querySelector("[data-form]");
  var evaluator = new AuditRules.Evaluator(data.index, { today: today() });
  var model = AuditAnswers(form, data, evaluator, D, AuditRows);
  var deps = AuditDeps(data.index, data.rules, data.slots, AuditRules);
  var problems = AuditProblems(form, data, model, D);
  var live = AuditLive(form, data, model, deps, problems, evaluator, D);
  var moderation = AuditModeration(form, data, evaluator, D);
  var moderator = AuditModerator(form, data, evaluator, D, roleAnswer);
  var state = { baseline: "", initial: "", extra: {}, noticeFrom: null, opening: null };
  /* Whether the tool demands moderation before an audit is final (moderated: true, the default);
   * otherwise the auditor may finalise a submitted audit. Mirrors lifecycle.moderation_required. */
  var moderationRequired = !data.moderation || data.moderation.required === true;

  // -- notices: the GOV.UK notification banner ---------------------------------------------
  var TITLES = { success: "Success", warning: "Important", error: "There is a problem" };
  /* Shows a message at the top of the page and moves focus to it, so that someone who
   * pressed a button at the bottom of a long form hears it and sees it. */
  function notice(text, kind, from) {
    var box = el("af-notice");
    el("af-notice-title").textContent = TITLES[kind] || "Important";
    el("af-notice-text").textContent = text;
    box.className = "af-notification-banner af-no-print" + (kind ? " af-notification-banner--" + kind : "");
    box.setAttribute("role", kind === "success" ? "alert" : "region");
    box.hidden = false;
    state.noticeFrom = from || null;
    box.focus();
  }
  function clearNotice() {
    el("af-notice").hidden = true;
    state.noticeFrom = null;
  }
  /* "No problems found" says what the last check found: it goes as soon as a problem shows. */
  function problemsShown(count) {
    if (count && state.noticeFrom === "check") clearNotice();
  }

  // -- saving -----------------------------------------------------------------------------
  /* The answer of the part given ``role``: a field's own, or one labelled answer of a compound
     field's ("young-person.initials"); null when not answered. Mirrors DefinitionIndex.role_answer. */
  function roleAnswer(answers, role) {
    var ref = data.roles[role];
    if (!ref) return null;
    var dot = ref.indexOf("."), value = answers[dot < 0 ? ref : ref.slice(0, dot)];
    if (dot >= 0) value = value && typeof value === "object" && !Array.isArray(value) ? value[ref.slice(dot + 1)] : null;
    return value === undefined ? null : value;
  }
  function safeName(text) { return String(text).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, ""); }
  function fileName(answers, status) {
    var childId = roleAnswer(answers, "child_id");
    var auditDate = roleAnswer(answers, "audit_date");
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
    var kept = state.extra.moderation;  // never an empty record: a tool's audit may have none
    if (kept && typeof kept === "object" && Object.keys(kept).length) doc.moderation = kept;
    if (state.extra.history) doc.history = state.extra.history;
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
  function now() { return new Date().toISOString().replace(/\.\d{3}Z$/, "Z"); }
  /* Appends the auditor's step to the history: who (the auditor's name answer) and when. */
  function record(event, answers, details) {
    var who = typeof roleAnswer(answers, "auditor") === "string" ? roleAnswer(answers, "auditor") : "";
    var entry = { event: event, role: "auditor", at: now() };
    if (who) entry.name = who;
    if (details) entry.details = details;
    state.extra.history = (state.extra.history || []).concat([entry]);
  }
  /* The ids of the answers that differ from those last saved (or opened), for the history. */
  function changedIds(answers) {
    var before = state.baseline ? JSON.parse(state.baseline) : {};
    return Object.keys(answers).concat(Object.keys(before)).filter(function (id, i, all) {
      return all.indexOf(id) === i && canonical(answers[id]) !== canonical(before[id]);
    });
  }
  /* JSON with its keys in order, to compare two values whatever order their keys were written in. */
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) { return JSON.stringify(k) + ":" + canonical(value[k]); }).join(",") + "}";
    }
    return value === undefined ? "null" : JSON.stringify(value);
  }
  /* Whether the auditor's responses to the moderator's comments differ from those opened. */
  function responsesChanged(replies) {
    var before = state.extra.moderation && D.has(state.extra.moderation, "responses") ? state.extra.moderation.responses : null;
    return Object.keys(replies).some(function (id) { return canonical(replies[id]) !== canonical(D.has(before, id) ? before[id] : null); });
  }
  function errorCount(found) { return found.filter(function (f) { return f.severity === "error"; }).length; }
  function saved(answers, status, message) {
    var name = fileName(answers, status);
    state.extra.status = status;
    download(envelope(answers, status), name);
    state.baseline = JSON.stringify(answers);
    labelFinish();
    notice(message.replace("{file}", "the file " + name) + " Keep the file safe: it holds personal information.", "success", "save");
  }
  function save(finished) {
    clearNotice();
    var was = state.extra.status;
    if (was === "moderated" || (finished && was === "submitted" && !moderationRequired)) { saveFinalising(finished); return; }
    if (was === "final") { saveFinal(finished); return; }
    var found = live.check("", false), answers = model.visible(), errors = errorCount(found);
    if (finished && errors) {
      problems.intro("Fix these before saving the audit as finished. You can still save your answers as a draft.", true);
      return;
    }
    // A submitted audit saved again unchanged is still the one submission (no second step).
    // Changed, it is reopened (the history records that): back to draft, or, saved as
    // finished, submitted again in the same save, as a final audit changed is.
    var changed = was === "submitted" ? changedIds(answers) : [], reopening = changed.length > 0;
    var status = finished || (was === "submitted" && !reopening) ? "submitted" : "draft";
    if (reopening) record("reopened", answers, { changed: changed });
    if (finished && (was !== "submitted" || reopening)) record("submitted", answers, null);
    problems.intro(errors && status === "draft" ? "Your answers were saved as a draft. These need fixing before the audit is finished:" : "", false);
    saved(answers, status, "Your answers were saved as " + (status === "submitted" ? "a finished audit" : "a draft") +
      " in {file}." + (reopening ? reopenedMessage(finished) : ""));
  }
  /* What the notice adds when the save reopened a submitted audit. */
  function reopenedMessage(finished) {
    return finished ? " Changing a submitted audit reopened it and saving it as finished submitted it again " +
      "(the history records both)." : " Changing a submitted audit reopened it (the history records that): save it " +
      "as finished again when it is ready.";
  }
  /* A final audit saved again: unchanged, it is saved as it was (still final, the same history).
   * Changed, the change is recorded: the audit is reopened (back to draft, as the lifecycle
   * says), and saved as finished it is submitted again, to be moderated (or finalised) anew. */
  function saveFinal(finished) {
    var answers = model.visible(), replies = moderation.responses(), changed = changedIds(answers);
    if (!changed.length && !responsesChanged(replies)) {
      saved(answers, "final", "Nothing was changed: the audit was saved as final, as it was, in {file}.");
      return;
    }
    var errors = errorCount(live.check("", false));
    if (finished && errors) {
      problems.intro("Fix these before saving the audit as finished again. You can still save your answers as a draft.", true);
      return;
    }
    keepResponses(replies);
    record("reopened", answers, { changed: changed });
    if (finished) record("submitted", answers, null);
    problems.intro(errors ? "Your answers were saved as a draft. These need fixing before the audit is finished:" : "", false);
    saved(answers, finished ? "submitted" : "draft", "The audit was final, so changing it reopened it: the history " +
      "records that, and your answers were saved as " + (finished ? "a finished audit again" : "a draft") + " in {file}." +
      (finished ? "" : " Save it as finished again when it is ready."));
  }
  /* The auditor's responses to the moderator's comments, kept in the moderation record (the
   * rest of the record is the moderator's and never changes); no record is made for none. */
  function keepResponses(replies) {
    if (!Object.keys(replies).length) return;
    var kept = JSON.parse(JSON.stringify(state.extra.moderation || {}));
    kept.responses = replies;
    state.extra.moderation = kept;
  }
  /* The finishing button says what it does: an audit the auditor may finalise is saved as final. */
  function labelFinish() {
    var status = state.extra.status, final = status === "moderated" || (status === "submitted" && !moderationRequired);
    $$('[data-action="save-final"]').forEach(function (b) { b.textContent = final ? "Save as final" : "Save as finished"; });
  }
  /* The auditor finishing a moderated audit (or a submitted one, where the tool does not demand
   * moderation): the responses to the comments go into the moderation record (nothing else of it
   * changes), and saving as final is recorded. */
  function saveFinalising(finished) {
    var found = live.check("", false), answers = model.visible(), left = moderation.unaddressed();
    var errors = found.filter(function (f) { return f.severity === "error"; }).length;
    if (finished && (errors || left.length)) {
      problems.intro(errors ? "Fix these before saving the audit as final. You can still save your answers." : "", true);
      if (left.length) {
        notice("Mark each of the moderator's comments as addressed before saving the audit as final: " +
          count(left.length, "comment") + " not yet marked.", "error");
        if (!errors) left[0].focus();  // the first comment's tick box (the error summary has focus otherwise)
      }
      return;
    }
    var replies = moderation.responses();
    keepResponses(replies);
    var status = finished ? "final" : state.extra.status;
    if (finished) record("finalised", answers, { addressed: Object.keys(replies) });
    problems.intro(errors ? "Your answers were saved. These need fixing before the audit is final:" : "", false);
    saved(answers, status, "Your answers were saved as " +
      (status === "final" ? "the final audit" : "a moderated audit you are finishing") + " in {file}.");
  }
  function saveModeration() {
    clearNotice();
    var result = moderator.save(now());
    if (result.missing) {
      notice(result.dateOnly ? "Correct the date of the moderation before saving it."
        : "Give your name and the date of the moderation before saving it.", "error");
      el(result.missing[0]).focus();  // the field, with its error message read out with it
      return;
    }
    var name = fileName(result.doc.answers, "moderated");
    download(result.doc, name);
    notice("Your moderation was saved in the file " + name + ". Send it back to the auditor. " +
      "Keep the file safe: it holds personal information.", "success", "save");
  }
  function check() {
    clearNotice();
    var found = live.check("", true);
    if (!found.length) notice("No problems found. You can save the audit as finished.", "success", "check");
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
    var unknown = Object.keys(doc.answers).filter(function (id) { return !D.has(model.slots, id); });
    var moderating = state.opening === "moderate";
    state.opening = null;
    if (moderating && ["submitted", "moderated"].indexOf(doc.status) < 0) {
      notice("That audit is " + String(doc.status || "a draft") + ": only an audit the auditor saved as finished " +
        "(submitted) can be moderated.", "error");
      return;
    }
    moderator.stop();
    state.extra = { audit_id: doc.audit_id || null, moderation: doc.moderation || null,
                    history: Array.isArray(doc.history) ? doc.history : null,
                    status: moderating ? null : doc.status || null };
    model.fill(doc.answers);
    live.all();
    var notes = moderation.show(moderating ? null : doc.moderation || null);
    labelFinish();
    if (moderating) {
      var panels = moderator.start(doc);
      state.baseline = JSON.stringify(model.visible());
      var other = def.version !== data.definition.version;
      notice("Opened for moderation: " + count(panels, "part") + " to moderate. The auditor's answers are read-only." +
        (other ? " They were saved with version " + String(def.version) + " of this tool; this form is version " +
          data.definition.version + "." : ""), other ? "warning" : "success", "open");
      return;
    }
    state.baseline = JSON.stringify(model.visible());
    var saved = doc.source && doc.source.saved_at ? " saved on " + String(doc.source.saved_at).replace("T", " at ").replace("Z", " UTC") : "";
    var message = "Opened answers" + saved + " (" + String(doc.status || "draft") + "): " +
      count(Object.keys(doc.answers).length - unknown.length, "answer") + " filled in.";
    if (notes) message += " The moderator's comments are shown beside " + count(notes, "part") + " of the form." +
      (doc.status === "moderated" ? " Mark each comment addressed, then save the audit as final." : "");
    if (doc.status === "submitted" && !moderationRequired) {
      message += " This tool does not require moderation: you can save the audit as final.";
    }
    if (doc.status === "final") {
      message += " The audit is final: if you change it, saving records that it was reopened, and it is saved " +
        "as a draft (or, saved as finished, submitted again).";
    }
    if (def.version !== data.definition.version) message += " They were saved with version " + String(def.version) + " of this tool; this form is version " + data.definition.version + ", so check them.";
    if (unknown.length) {
      message += " " + count(unknown.length, "answer") + " in the file " + (unknown.length === 1 ? "is" : "are") +
        " not part of this form and will not be saved again.";
    }
    notice(message, unknown.length || def.version !== data.definition.version ? "warning" : "success", "open");
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
    document.body.classList.toggle("af-blank", JSON.stringify(model.values) === state.initial);
  }
  function afterPrint() {
    printState.forEach(function (pair) { pair[0].open = pair[1]; });
    document.body.classList.remove("af-blank");
  }

  // -- wiring -------------------------------------------------------------------------------
  /* One control changed: read its answer again and look again at what depends on it. An event
   * from anything else (a script changing inputs, then telling the form) re-reads them all. */
  function changed(event) {
    var slot = model.slotOf(event.target);
    if (!slot) {
      model.readAll();
      live.all();
      problemsShown(problems.count());
    } else if (model.update(slot) && live.changed(slot.id)) {
      problemsShown(problems.count());
    }
  }
  function isDirty() {
    return JSON.stringify(model.visible()) !== state.baseline || moderator.dirty();
  }
  function tableChanged(group) { changed({ target: group }); }

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
    if (action === "add-row") { var group = button.closest("[data-table]"); AuditRows.add(group, true); tableChanged(group); }
    else if (action === "remove-row") { var table = button.closest("[data-table]"); AuditRows.remove(button); tableChanged(table); }
    else if (action === "save-draft") save(false);
    else if (action === "save-final") save(true);
    else if (action === "open") { state.opening = null; el("af-open-file").click(); }
    else if (action === "moderate") { state.opening = "moderate"; el("af-open-file").click(); }
    else if (action === "save-moderation") saveModeration();
    else if (action === "back" && origin) { event.preventDefault(); origin.focus(); }
    else if (action === "check") check();
  });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
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
  $$("[data-requires-script]").forEach(function (node) { node.hidden = false; });
  model.readAll();
  live.all();
  state.initial = JSON.stringify(model.values);
  state.baseline = JSON.stringify(model.visible());
  if (data.opening) {
    // A document the page was made to open (the preview's moderator view): as its next reader would.
    state.opening = data.opening.status === "submitted" ? "moderate" : null;
    open(JSON.stringify(data.opening));
  }

  /* For tests and for people who script their browser: the same evaluator the form uses. */
  window.AuditForm = {
    data: data,
    answers: function () { return model.visible(); },
    /* The problems the form lists now, kept up to date change by change (null before a check). */
    listed: function () {
      var found = live.listed();
      return found && found.map(function (f) { return [f.rule_id, f.pointer, f.row, f.severity]; });
    },
    /* The problems a whole check would list now, worked out afresh without showing them. */
    checked: function () {
      var answers = model.visible(), run = evaluator.session(answers);
      var found = evaluator.run(answers, data.rules).filter(function (f) { return !model.unreadable[f.pointer]; })
        .map(function (f) { return [f.rule_id, f.pointer, f.row, f.severity]; });
      data.slots.forEach(function (slot) {
        if (run.shown(slot.id)) model.problemsOf(slot.id).forEach(function (p) { found.push(["form:input", p.pointer, p.row === undefined ? null : p.row, "error"]); });
      });
      return found;
    },
    evaluate: function (answers, context) {
      return new AuditRules.Evaluator(data.index, context || {}).run(answers, data.rules);
    },
    shown: function (answers, id, context) {
      return new AuditRules.Evaluator(data.index, context || {}).shown(answers, id);
    }
  };
})(AuditDom);
