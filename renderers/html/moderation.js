/* auditforms: the moderator's comments and moderated judgements of an opened audit, shown
 * beside the parts they are about and marked as the moderator's, so the auditor can act on
 * them (issue 11's finalising; the answers themselves are never changed by moderation). */
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
  function note(id, comment, judgement) {
    var entry = data.index.entries[id], box = document.createElement("div");
    box.className = "af-moderator-note";
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", "Moderator's comment on " + (entry ? entry.name : id));
    box.appendChild(paragraph("Moderator's comment", true));
    if (typeof comment === "string" && comment.trim() !== "") box.appendChild(paragraph(comment, false));
    if (typeof judgement === "string") box.appendChild(paragraph("Moderated judgement: " + judgementLabel(id, judgement), false));
    return box;
  }
  /* Shows the notes of a moderation record (none for null), replacing those shown before. */
  function show(moderation) {
    shown.forEach(function (box) { box.remove(); });
    shown = [];
    if (!moderation || typeof moderation !== "object") return 0;
    var comments = D.has(moderation, "comments") && moderation.comments ? moderation.comments : {};
    var judgements = D.has(moderation, "judgements") && moderation.judgements ? moderation.judgements : {};
    data.index.order.forEach(function (id) {
      if (!D.has(comments, id) && !D.has(judgements, id)) return;
      var part = D.el(D.domId(id)), heading = part && part.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
      if (!heading || !form.contains(part)) return;
      var box = note(id, D.has(comments, id) ? comments[id] : null, D.has(judgements, id) ? judgements[id] : null);
      heading.insertAdjacentElement("afterend", box);
      shown.push(box);
    });
    return shown.length;
  }

  return { show: show };
};
