/* auditforms: moderator mode (issue 11). The moderator opens the auditor's saved audit; the
 * auditor's answers are locked (read-only, never changed: the saved file carries them exactly as
 * opened), and beside every question, section judgement and table the moderator gives a comment,
 * "agree" or a moderated judgement on the same scale, and ticks the tool's checklist for that
 * part. Saving gives status "moderated", the moderation record and a history entry. */
var AuditModerator = function (form, data, evaluator, D, roleAnswer) {
  "use strict";
  var $$ = D.$$, el = D.el, has = D.has;
  var info = data.moderation || { parts: [], items: {} };
  var active = null;

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function entryOf(id) { return data.index.entries[id] || {}; }
  function scaleChoices(scaleId) {
    var scale = data.index.scales[scaleId];
    if (!scale) return [];
    var out = scale.options.map(function (o) { return [o[0], o[2]]; });
    if (scale.notApplicable) out.push(scale.notApplicable);
    return out;
  }
  function labelOf(scaleId, value) {
    var found = scaleChoices(scaleId).filter(function (c) { return c[0] === value; })[0];
    return found ? found[1] : String(value);
  }
  function auditorJudgement(answers, id) {
    var answer = has(answers, id) ? answers[id] : null;
    return answer && typeof answer === "object" && typeof answer.judgement === "string" ? answer.judgement : null;
  }

  // -- one part's panel -------------------------------------------------------------------
  function choiceItem(type, id, name, value, label, hint, checked) {
    var item = make("div", "af-" + type + "__item"), input = make("input", "af-" + type + "__input");
    input.type = type === "radios" ? "radio" : "checkbox";
    input.id = id;
    if (name) input.name = name;
    input.value = value;
    input.checked = !!checked;
    var text = make("label", "af-label af-" + type + "__label", label);
    text.htmlFor = id;
    item.appendChild(input);
    item.appendChild(text);
    if (hint) {
      var h = make("div", "af-hint af-" + type + "__hint", hint);
      h.id = id + "-hint";
      input.setAttribute("aria-describedby", h.id);
      item.appendChild(h);
    }
    return item;
  }
  /* The part's name, for screen readers moving from control to control between the panels. */
  function context(name) { return make("span", "af-visually-hidden", " – " + name); }
  function fieldset(legend, type, items, name) {
    var group = make("div", "af-form-group"), set = make("fieldset", "af-fieldset");
    var text = make("legend", "af-fieldset__legend af-fieldset__legend--s", legend);
    text.appendChild(context(name));
    set.appendChild(text);
    var list = make("div", "af-" + type);
    items.forEach(function (item) { list.appendChild(item); });
    set.appendChild(list);
    group.appendChild(set);
    return group;
  }
  /* The choice the previous moderation made for a part, as it reads against the auditor's
   * judgement now: the moderator's own judgement, once the auditor has taken it, is agreement
   * (the form offers no option equal to the auditor's). After a reopening, an agreement stands
   * only with the judgement agreed to: the auditor may have changed it since. */
  function prefilled(id, given, before) {
    var moved = has(before.judgements, id) ? before.judgements[id] : null;
    if (moved !== null) return moved === given ? "agree" : moved;
    if (before.agreed.indexOf(id) < 0) return null;
    return !before.reopened || (has(before.kept, id) && before.kept[id] === given) ? "agree" : null;
  }
  function judgementGroup(part, scaleId, given, before) {
    var base = "af-mod-" + part.id, name = base + "-judgement", items = [];
    var chosen = prefilled(part.id, given, before);
    if (given !== null) {
      items.push(choiceItem("radios", base + "-agree", name, "agree",
        "Agree with the auditor's judgement: " + labelOf(scaleId, given), null, chosen === "agree"));
      items.push(make("div", "af-radios__divider", "or"));
    }
    scaleChoices(scaleId).forEach(function (c) {
      if (c[0] === given) return;
      items.push(choiceItem("radios", base + "-j-" + c[0], name, c[0], c[1], null, chosen === c[0]));
    });
    var legend = given === null ? "Your judgement (the auditor gave none)" : "Agree, or give your judgement instead";
    return fieldset(legend, "radios", items, entryOf(part.id).name || part.id);
  }
  function headingLevel(node) {
    var scope = node.tagName === "TR" ? node.closest(".af-checklist") || node : node;  // a criterion: its checklist's
    var heading = scope.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
    return heading ? Math.min(6, Number(heading.tagName.slice(1)) + 1) : 4;
  }
  function panel(part, holder, answers, before) {
    var entry = entryOf(part.id), base = "af-mod-" + part.id;
    var box = make("div", "af-moderator-panel");
    box.setAttribute("data-moderation-for", part.id);
    var title = make("h" + headingLevel(holder), "af-moderator-panel__title", "Moderation: " + (entry.name || part.id));
    title.id = base + "-title";
    box.appendChild(title);
    // Only a judged part takes "agree" or a judgement (the record's agreed and judgements).
    if (entry.judgementScale) {
      box.appendChild(judgementGroup(part, entry.judgementScale, auditorJudgement(answers, part.id), before));
    }
    var ticks = has(before.checklist, part.id) ? before.checklist[part.id] : {};
    var items = part.checklist.map(function (itemId) {
      var item = info.items[itemId] || [itemId, null];
      return choiceItem("checkboxes", base + "-c-" + itemId, null, itemId, item[0], item[1], ticks[itemId] === true);
    });
    if (items.length) box.appendChild(fieldset("Moderator's checklist: tick what this part does", "checkboxes", items, entry.name || part.id));
    var group = make("div", "af-form-group"), label = make("label", "af-label af-label--s", "Comment for the auditor");
    label.htmlFor = base + "-comment";
    label.appendChild(context(entry.name || part.id));
    label.appendChild(make("span", "af-optional", " (optional)"));
    var text = make("textarea", "af-textarea");
    text.id = base + "-comment";
    text.rows = 4;
    text.value = has(before.comments, part.id) ? String(before.comments[part.id]) : "";
    group.appendChild(label);
    group.appendChild(text);
    box.appendChild(group);
    // The panel's controls are not answers: keep their events from the form's answer model.
    ["input", "change"].forEach(function (type) { box.addEventListener(type, function (e) { e.stopPropagation(); }); });
    return box;
  }
  /* The element a part's panel goes into: the part, or a section's overall judgement. */
  function container(part, parts) {
    var node = has(parts, part.id) ? parts[part.id] : null;
    if (!node) return null;
    return part.kind === "sections" ? node.querySelector(":scope > .af-section__body > .af-overall") || node : node;
  }
  /* Every part of the form by id, found in one pass before any panel is added. */
  function partsById() {
    var out = {};
    $$("[data-item]", form).forEach(function (node) { out[node.getAttribute("data-item")] = node; });
    return out;
  }
  /* Where a part's panel goes: after the part's own answers (before any sub-questions). */
  function place(node, part, box) {
    if (node.tagName === "TR") return D.belowRow(node, box);  // a checklist criterion: a row below it
    var sub = part.kind === "questions" ? node.querySelector(":scope > section.af-question") : null;
    if (sub) node.insertBefore(box, sub);
    else node.appendChild(box);
  }

  // -- the mode ---------------------------------------------------------------------------
  function lock() {
    return $$("input, select, textarea", form).map(function (control) {
      var text = control.tagName === "TEXTAREA" || (control.tagName === "INPUT" && control.type === "text");
      var prop = text ? "readOnly" : "disabled", was = control[prop];
      control[prop] = true;
      return [control, prop, was];
    });
  }
  function banner() {
    var box = make("div", "af-inset af-moderation-banner af-no-print");
    box.id = "af-moderating-banner";
    box.appendChild(make("p", "af-body", "You are moderating this audit. The auditor's answers are shown read-only and " +
      "moderation never changes them. Below each question, section judgement and table, agree or give your " +
      "judgement, tick the checklist and comment; then finish the moderation at the end of the form."));
    var p = make("p", "af-body"), link = make("a", "af-link", "Go to finish the moderation");
    link.href = "#af-moderation";
    p.appendChild(link);
    box.appendChild(p);
    return box;
  }
  /* Whether the audit was reopened after it was last moderated (a `reopened` step after the
   * last `moderated` one): the previous record is then of an earlier round, its copy of the
   * auditor's judgements and its date no longer the audit's. */
  function reopenedSinceModerated(doc) {
    var events = (Array.isArray(doc.history) ? doc.history : []).map(function (s) { return s && s.event; });
    return events.lastIndexOf("reopened") > events.lastIndexOf("moderated");
  }
  /* What the previous moderation record holds, to start from (empty when there is none). */
  function previous(doc) {
    var m = doc.moderation && typeof doc.moderation === "object" ? doc.moderation : {};
    function map(key) { return m[key] && typeof m[key] === "object" && !Array.isArray(m[key]) ? m[key] : {}; }
    return { comments: map("comments"), judgements: map("judgements"), checklist: map("checklist"),
             kept: map("auditor_judgements"), agreed: Array.isArray(m.agreed) ? m.agreed : [],
             reopened: reopenedSinceModerated(doc),
             moderator: typeof m.moderator === "string" ? m.moderator : "", date: typeof m.date === "string" ? m.date : "",
             summary: typeof m.summary === "string" ? m.summary : "" };
  }
  function setDate(iso) {
    var ok = /^\d{4}-\d{2}-\d{2}$/.test(iso);
    el("af-moderation-date-day").value = ok ? String(Number(iso.slice(8, 10))) : "";
    el("af-moderation-date-month").value = ok ? String(Number(iso.slice(5, 7))) : "";
    el("af-moderation-date-year").value = ok ? iso.slice(0, 4) : "";
  }
  /* Enters moderator mode on an opened document; the number of parts given a panel. */
  function start(doc) {
    stop();
    var answers = doc.answers, before = previous(doc), run = evaluator.session(answers), panels = [];
    active = { doc: doc, before: before, locked: lock(), panels: panels, banner: banner(), baseline: "" };
    var parts = partsById();
    info.parts.forEach(function (part) {
      var holder = run.shown(part.id) ? container(part, parts) : null;
      if (!holder) return;
      var box = panel(part, holder, answers, before);
      place(holder, part, box);
      panels.push({ part: part, box: box });
    });
    el("af-error-summary").insertAdjacentElement("afterend", active.banner);
    document.body.classList.add("af-moderating");
    el("af-moderation").hidden = false;
    el("af-moderation-summary-input").value = before.summary;
    el("af-moderator-name-input").value = before.moderator;
    setDate(before.reopened ? D.today() : before.date || D.today());  // a new round: today's
    active.baseline = JSON.stringify(collect());
    return panels.length;
  }
  function stop() {
    if (!active) return;
    active.panels.forEach(function (p) { D.removeBox(p.box); });
    active.locked.forEach(function (l) { l[0][l[1]] = l[2]; });
    active.banner.remove();
    document.body.classList.remove("af-moderating");
    el("af-moderation").hidden = true;
    active = null;
  }

  // -- the record -------------------------------------------------------------------------
  function readDate() {
    var parts = ["day", "month", "year"].map(function (p) { return el("af-moderation-date-" + p).value.trim(); });
    if (!/^\d{1,2}$/.test(parts[0]) || !/^\d{1,2}$/.test(parts[1]) || !/^\d{4}$/.test(parts[2])) return null;
    var iso = parts[2] + "-" + D.pad(parts[1], 2) + "-" + D.pad(parts[0], 2);
    return AuditRules.asDate(iso) !== null ? iso : null;
  }
  function collect() {
    var answers = active.doc.answers, record = { moderator: el("af-moderator-name-input").value.trim(), date: readDate() };
    var comments = {}, judgements = {}, agreed = [], kept = {}, checklist = {};
    active.panels.forEach(function (p) {
      var id = p.part.id, base = "af-mod-" + id, box = p.box;
      var comment = el(base + "-comment").value.trim();
      if (comment) comments[id] = comment;
      var chosen = box.querySelector('input[name="' + base + '-judgement"]:checked');
      var agree = !!chosen && chosen.value === "agree";
      if (agree) agreed.push(id);
      else if (chosen) judgements[id] = chosen.value;
      // A checklist left untouched is not assessed (no entry): judging the part alone says
      // nothing of it. Once one item is ticked, the items left unticked are not met.
      var ticks = {}, ticked = false;
      p.part.checklist.forEach(function (itemId) {
        ticks[itemId] = el(base + "-c-" + itemId).checked;
        ticked = ticked || ticks[itemId];
      });
      if (ticked) checklist[id] = ticks;
      var given = auditorJudgement(answers, id);
      // Re-moderating, the auditor's judgements stay as they stood when first moderated; after
      // a reopening, they are the answers resubmitted.
      if (!active.before.reopened && has(active.before.kept, id)) kept[id] = active.before.kept[id];
      else if (given !== null && entryOf(id).judgementScale) kept[id] = given;
    });
    [["comments", comments], ["judgements", judgements], ["auditor_judgements", kept], ["checklist", checklist]]
      .forEach(function (pair) { if (Object.keys(pair[1]).length) record[pair[0]] = pair[1]; });
    if (agreed.length) record.agreed = agreed;
    var summary = el("af-moderation-summary-input").value.trim();
    if (summary) record.summary = summary;
    return record;
  }
  /* A GOV.UK error message on one of the closing fields, read out with the field. */
  function showError(groupId, described, message) {
    var group = el(groupId), error = el(groupId + "-error"), target = described;
    group.classList.toggle("af-form-group--error", !!message);
    error.hidden = !message;
    error.textContent = message ? "Error: " + message : "";
    var ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== error.id; });
    if (message) ids.push(error.id);
    if (ids.length) target.setAttribute("aria-describedby", ids.join(" "));
    else target.removeAttribute("aria-describedby");
  }
  /* The day (YYYY-MM-DD, in UTC as ``check`` reads it) of a history time, or null. */
  function dayOf(at) {
    if (typeof at !== "string") return null;
    var when = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(at) ? at : at + "Z");  // no zone: UTC, as check takes it
    return isNaN(when.getTime()) ? null : when.toISOString().slice(0, 10);
  }
  /* The day the audit was first submitted, from its history (null when it does not say). */
  function firstSubmitted(doc) {
    var steps = Array.isArray(doc.history) ? doc.history : [];
    for (var i = 0; i < steps.length; i++) {
      var step = steps[i];
      if (step && step.event === "submitted" && dayOf(step.at)) return dayOf(step.at);
    }
    return null;
  }
  /* What is wrong with the moderation's date, as the field's error message; "" when nothing.
   * A moderation cannot come before the audit it moderates (check: AF630), before the audit
   * was submitted (AF661) or after today. */
  function dateProblem(date) {
    if (!date) return "Enter the date of the moderation as a real date, like 3 12 2026";
    var audited = AuditRules.asDate(roleAnswer(active.doc.answers, "audit_date")), submitted = firstSubmitted(active.doc);
    if (date > D.today()) return "The date of the moderation must be today or in the past";
    if (audited && date < audited) {
      return "The date of the moderation must be the same as or after the audit date, " + AuditModeration.longDate(audited);
    }
    if (submitted && date < submitted) {
      return "The date of the moderation must be the same as or after the day the audit was submitted, " +
        AuditModeration.longDate(submitted);
    }
    return "";
  }
  /* The moderated document, or the fields to correct (their messages shown beside them). */
  function save(now) {
    var record = collect(), missing = [], dateError = dateProblem(record.date);
    showError("af-moderator-name", el("af-moderator-name-input"), record.moderator ? "" : "Enter your name as moderator");
    showError("af-moderation-date", el("af-moderation-date").querySelector("fieldset"), dateError);
    if (!record.moderator) missing.push("af-moderator-name-input");
    if (dateError) missing.push("af-moderation-date-day");
    if (missing.length) return { missing: missing, dateOnly: !!record.moderator };
    var doc = JSON.parse(JSON.stringify(active.doc));
    doc.status = "moderated";
    doc.moderation = record;
    var event = { event: "moderated", role: "moderator", name: record.moderator, at: now,
                  details: { comments: Object.keys(record.comments || {}), judgements: Object.keys(record.judgements || {}),
                             agreed: record.agreed || [] } };
    doc.history = (Array.isArray(active.doc.history) ? active.doc.history : []).concat([event]);
    doc.source = { kind: "html", saved_at: now };
    active.baseline = JSON.stringify(record);
    return { doc: doc };
  }

  return {
    start: start, stop: stop, save: save,
    active: function () { return active !== null; },
    dirty: function () { return active !== null && JSON.stringify(collect()) !== active.baseline; }
  };
};
