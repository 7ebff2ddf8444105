/* auditforms: the moderator's comments and moderated judgements of an opened audit, shown
 * beside the parts they are about and marked as the moderator's, so the auditor can act on
 * them (issue 11's finalising; the answers themselves are never changed by moderation). Each
 * comment can be marked addressed, with an optional reply: the record's ``responses``. */
var AuditModeration = function (form, data, evaluator, D) {
  "use strict";
  var shown = [];

  function paragraph(text, strong) {
    var p = document.createElement("p"), target = p;
    p.className = "af-body";
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
  function note(id, comment, judgement, response) {
    var entry = data.index.entries[id], box = document.createElement("div");
    box.className = "af-moderator-note";
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", "Moderator's comment on " + (entry ? entry.name : id));
    box.setAttribute("data-note-for", id);
    box.appendChild(paragraph("Moderator's comment", true));
    var commented = typeof comment === "string" && comment.trim() !== "";
    if (commented) box.appendChild(paragraph(comment, false));
    if (typeof judgement === "string") box.appendChild(paragraph("Moderated judgement: " + judgementLabel(id, judgement), false));
    if (commented) {
      box.appendChild(responseControls(id, entry ? entry.name : id, response));
      // The reply is not an answer: keep its events from the form's answer model.
      ["input", "change"].forEach(function (type) { box.addEventListener(type, function (e) { e.stopPropagation(); }); });
    }
    return box;
  }
  /* Shows the notes of a moderation record (none for null), replacing those shown before. */
  function show(moderation) {
    shown.forEach(D.removeBox);
    shown = [];
    if (!moderation || typeof moderation !== "object") return 0;
    var comments = D.has(moderation, "comments") && moderation.comments ? moderation.comments : {};
    var judgements = D.has(moderation, "judgements") && moderation.judgements ? moderation.judgements : {};
    var responses = D.has(moderation, "responses") && moderation.responses ? moderation.responses : {};
    data.index.order.forEach(function (id) {
      if (!D.has(comments, id) && !D.has(judgements, id)) return;
      var part = D.el(D.domId(id)), heading = part && part.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
      var criterion = part && part.tagName === "TR";  // a checklist's row: the note goes below it
      if ((!heading && !criterion) || !form.contains(part)) return;
      var box = note(id, D.has(comments, id) ? comments[id] : null, D.has(judgements, id) ? judgements[id] : null,
        D.has(responses, id) ? responses[id] : null);
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
