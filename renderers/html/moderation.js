/* auditforms: the moderator's comments, moderated judgements and checklist of an opened audit,
 * shown beside the parts they are about and marked as the moderator's, with the moderator's
 * name, date and overall summary near the top, so the auditor can act on them (issue 11's
 * finalising; the answers themselves are never changed by moderation). Each comment can be
 * marked addressed, with an optional reply: the record's ``responses``. */
var AuditModeration = function (form, data, evaluator, D) {
  "use strict";
  var shown = [], overview = null;

  function paragraph(text, strong, className) {
    var p = document.createElement("p"), target = p;
    p.className = "af-body" + (className ? " " + className : "");
    if (strong) { target = document.createElement("strong"); p.appendChild(target); }
    target.textContent = text;
    return p;
  }
  function judgementLabel(id, value) {
    var entry = data.index.entries[id];
    var scale = entry ? entry.judgementScale || null : null;
    return evaluator.session({}).optionLabel({ scale: scale, value: value });
  }
  /* The tick box and reply of one comment, filled from a response saved before. */
  function responseControls(id, name, response) {
    var wrap = document.createElement("div"), base = "af-resp-" + id;
    wrap.className = "af-moderator-note__response";
    wrap.innerHTML = '<div class="af-checkboxes"><div class="af-checkboxes__item">' +
      '<input class="af-checkboxes__input" type="checkbox" data-addressed>' +
      '<label class="af-label af-checkboxes__label">I have addressed this comment</label></div></div>' +
      '<div class="af-form-group"><label class="af-label">Your reply to the moderator <span class="af-optional">(optional)</span></label>' +
      '<textarea class="af-textarea" rows="2" data-reply></textarea></div>';
    var box = wrap.querySelector("[data-addressed]"), reply = wrap.querySelector("[data-reply]"), labels = wrap.querySelectorAll("label");
    box.id = base + "-addressed";
    reply.id = base + "-reply";
    labels[0].htmlFor = box.id;
    labels[1].htmlFor = reply.id;
    [0, 1].forEach(function (n) {
      // The part's name, for screen readers moving from control to control.
      var hidden = document.createElement("span");
      hidden.className = "af-visually-hidden";
      hidden.textContent = " – " + name;
      labels[n].insertBefore(hidden, n ? labels[n].lastElementChild : null);
    });
    box.checked = !!(response && response.addressed === true);
    reply.value = response && typeof response.reply === "string" ? response.reply : "";
    return wrap;
  }
  /* The moderator's checklist for a part as a list: each item it was assessed on, met or not. */
  function checklistList(ticks) {
    var list = document.createElement("ul"), items = (data.moderation && data.moderation.items) || {};
    list.className = "af-list af-list--bullet af-moderator-note__checklist";
    Object.keys(ticks).forEach(function (itemId) {
      var li = document.createElement("li"), label = D.has(items, itemId) ? items[itemId][0] : itemId;
      li.textContent = (ticks[itemId] === true ? "Met: " : "Not met: ") + label;
      list.appendChild(li);
    });
    return list;
  }
  function note(id, comment, judgement, response, ticks) {
    var entry = data.index.entries[id], box = document.createElement("div");
    var commented = typeof comment === "string" && comment.trim() !== "";
    var title = commented || typeof judgement === "string" ? "Moderator's comment" : "Moderator's checklist";
    box.className = "af-moderator-note";
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", title + " on " + (entry ? entry.name : id));
    box.setAttribute("data-note-for", id);
    box.appendChild(paragraph(title, true));
    if (commented) box.appendChild(paragraph(comment, false, "af-moderator-note__text"));
    if (typeof judgement === "string") box.appendChild(paragraph("Moderated judgement: " + judgementLabel(id, judgement), false));
    if (ticks) {
      if (title !== "Moderator's checklist") box.appendChild(paragraph("Moderator's checklist", true));
      box.appendChild(checklistList(ticks));
    }
    if (commented) {
      box.appendChild(responseControls(id, entry ? entry.name : id, response));
      // The reply is not an answer: keep its events from the form's answer model.
      ["input", "change"].forEach(function (type) { box.addEventListener(type, function (e) { e.stopPropagation(); }); });
    }
    return box;
  }
  /* One row of a GOV.UK summary list. */
  function row(term, text, className) {
    var div = document.createElement("div"), dt = document.createElement("dt"), dd = document.createElement("dd");
    div.className = "af-summary-list__row";
    dt.textContent = term;
    dd.textContent = text;
    if (className) dd.className = className;
    div.appendChild(dt);
    div.appendChild(dd);
    return div;
  }
  /* The moderation as a whole, for the auditor near the top of the form: who moderated it, when,
   * and the overall summary (null when the record holds none of these). */
  function overviewBox(moderation) {
    var text = function (key) { return typeof moderation[key] === "string" && moderation[key].trim() ? moderation[key] : null; };
    var rows = [];
    if (text("moderator")) rows.push(row("Moderator", moderation.moderator));
    if (text("date")) rows.push(row("Date of the moderation", AuditModeration.longDate(moderation.date)));
    if (text("summary")) rows.push(row("Overall summary", moderation.summary, "af-moderator-note__text"));
    if (!rows.length) return null;
    var box = document.createElement("section"), heading = document.createElement("h2"), list = document.createElement("dl");
    box.className = "af-inset af-moderation-overview";
    box.id = "af-moderation-overview";
    box.setAttribute("aria-labelledby", "af-moderation-overview-title");
    heading.className = "af-heading-m";
    heading.id = "af-moderation-overview-title";
    heading.textContent = "The moderation";
    list.className = "af-summary-list";
    rows.forEach(function (r) { list.appendChild(r); });
    box.appendChild(heading);
    box.appendChild(list);
    box.appendChild(paragraph("The moderator's comments, judgements and checklist are shown beside the parts they are about.", false));
    return box;
  }
  /* Where the overview goes: below the form's title and its facts, above the form. */
  function placeOverview(box) {
    var title = document.querySelector("main h1"), after = title;
    var next = title ? title.nextElementSibling : null;
    while (next && (next.classList.contains("af-due-date") || next.classList.contains("af-summary-list"))) {
      after = next;
      next = next.nextElementSibling;
    }
    if (after) after.insertAdjacentElement("afterend", box);
    else form.insertAdjacentElement("beforebegin", box);
  }
  /* Shows the notes of a moderation record (none for null), replacing those shown before. */
  function show(moderation) {
    shown.forEach(D.removeBox);
    shown = [];
    if (overview) overview.remove();
    overview = null;
    if (!moderation || typeof moderation !== "object") return 0;
    overview = overviewBox(moderation);
    if (overview) placeOverview(overview);
    var mapping = function (key) {
      var value = D.has(moderation, key) ? moderation[key] : null;
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    };
    var comments = mapping("comments"), judgements = mapping("judgements"), responses = mapping("responses");
    var checklist = mapping("checklist");
    data.index.order.forEach(function (id) {
      var ticks = D.has(checklist, id) && checklist[id] && typeof checklist[id] === "object" &&
        Object.keys(checklist[id]).length ? checklist[id] : null;
      if (!D.has(comments, id) && !D.has(judgements, id) && !ticks) return;
      var part = D.el(D.domId(id)), heading = part && part.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
      var criterion = part && part.tagName === "TR";  // a checklist's row: the note goes below it
      if ((!heading && !criterion) || !form.contains(part)) return;
      var box = note(id, D.has(comments, id) ? comments[id] : null, D.has(judgements, id) ? judgements[id] : null,
        D.has(responses, id) ? responses[id] : null, ticks);
      if (criterion) D.belowRow(part, box);
      else heading.insertAdjacentElement("afterend", box);
      shown.push(box);
    });
    return shown.length;
  }
  /* The auditor's responses to the comments shown: {part id: {addressed, reply}}. */
  function responses() {
    var out = {};
    shown.forEach(function (box) {
      var tick = box.querySelector("[data-addressed]"), reply = box.querySelector("[data-reply]");
      if (!tick) return;
      var text = reply.value.trim();
      out[box.getAttribute("data-note-for")] = { addressed: tick.checked, reply: text ? text : null };
    });
    return out;
  }
  /* The tick boxes of comments not yet marked addressed, in the form's order. */
  function unaddressed() {
    return shown.map(function (box) { return box.querySelector("[data-addressed]"); })
      .filter(function (tick) { return tick && !tick.checked; });
  }

  return { show: show, responses: responses, unaddressed: unaddressed };
};

/* A date as GOV.UK writes it (24 November 2026); anything else as it is. */
AuditModeration.longDate = (function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  return function (iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m && MONTHS[Number(m[2]) - 1] ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : String(iso);
  };
})();
