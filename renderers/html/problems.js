/* auditforms: showing problems the GOV.UK way: an error summary linking to each answer, and a
 * message beside the answer itself. Problems come in units (AuditDeps): a whole check shows
 * them all; after that, a change replaces only the problems of the units it touched, each put
 * in its place in the summary, so the page is not redrawn for one keystroke. */
var AuditProblems = function (form, data, answers, D) {
  "use strict";
  var domId = D.domId, el = D.el;
  var summary = el("af-error-summary"), list = el("af-error-summary-list");
  var entries = [], byUnit = {}, errorCount = 0;
  var groupLines = new Map(), controlMarks = new Map();

  function firstControl(group) {
    return group.querySelector("input:not([type=hidden]), select, textarea, button");
  }
  /* A table cell's control, and the inputs it marks: a date cell has three boxes. */
  function cellPlace(group, cell) {
    if (!cell) return { group: group, control: firstControl(group), cells: null };
    var boxes = cell.hasAttribute("data-date-cell") ? Array.prototype.slice.call(cell.querySelectorAll("input")) : [cell];
    return { group: group, control: boxes[0], cells: boxes };
  }
  function locate(finding) {
    var pointer = finding.pointer;
    if (finding.control) {
      var box = finding.control.closest("td") ? finding.control.closest("[data-column]") : null;
      return { group: finding.control.closest(".af-form-group"), control: finding.control,
               cells: box ? cellPlace(null, box).cells : null };
    }
    var parts = pointer.replace(/^\/answers\//, "").split("/");
    if (!pointer || parts[0] === "") return null;
    if (parts.length >= 3) {
      var group = el(domId(parts[0])), tr = null;
      var map = answers.rowMaps[parts[0]];
      if (map && /^\d+$/.test(parts[1])) tr = map[Number(parts[1])] || null;
      else if (group) tr = group.querySelector('tr[data-row="' + CSS.escape(parts[1]) + '"]');
      var cell = tr ? tr.querySelector('[data-column="' + CSS.escape(parts[2]) + '"]') : null;
      return group ? cellPlace(group, cell) : null;
    }
    var target = el(domId.apply(null, parts));
    return target ? { group: target, control: firstControl(target), cells: null } : null;
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
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }
  function hash(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
    return h;
  }

  /* Summary order, as GOV.UK advises: errors, then warnings, each in the order of their
   * answers in the form; problems at one answer (or at none) in the order found. */
  function before(a, b) {
    var ra = a.finding.severity === "error" ? 0 : 1, rb = b.finding.severity === "error" ? 0 : 1;
    if (ra !== rb) return ra < rb;
    var x = a.place && a.place.control, y = b.place && b.place.control;
    if (x && y && x !== y) return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!x !== !y) return Boolean(x);
    return a.unit !== b.unit ? a.unit < b.unit : a.n < b.n;
  }

  // -- the message beside the answer ----------------------------------------------------------
  function messageOf(group) {
    return group.querySelector(":scope > .af-error-message, :scope > fieldset > .af-error-message");
  }
  function markedControls(place) {
    return place.cells || Array.prototype.slice.call(place.group.querySelectorAll("input, select, textarea"))
      .filter(function (c) { return c.closest(".af-form-group") === place.group; });
  }
  function markInline(entry) {
    var place = entry.place, message = messageOf(place.group);
    place.group.classList.add("af-form-group--error");
    entry.controls = markedControls(place);
    entry.controls.forEach(function (c) {
      controlMarks.set(c, (controlMarks.get(c) || 0) + 1);
      c.setAttribute("aria-invalid", "true");
      if (!message) return;
      var described = (c.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(message.id) < 0) described.push(message.id);
      c.setAttribute("aria-describedby", described.join(" "));
    });
    var lines = groupLines.get(place.group) || [];
    groupLines.set(place.group, lines);
    var at = 0;
    while (at < lines.length && before(lines[at], entry)) at++;
    lines.splice(at, 0, entry);
    if (!message) return;
    var line = document.createElement("span"), prefix = document.createElement("span");
    line.className = "af-error-message__line";
    prefix.className = "af-visually-hidden";
    prefix.textContent = entry.finding.severity === "error" ? "Error: " : "Warning: ";
    line.appendChild(prefix);
    line.appendChild(document.createTextNode(capital(place.cells ? describe(entry.finding) : entry.finding.message)));
    entry.line = line;
    message.insertBefore(line, lines[at + 1] && lines[at + 1].line ? lines[at + 1].line : null);
    message.hidden = false;
  }
  function unmarkInline(entry) {
    var group = entry.place.group, message = messageOf(group), lines = groupLines.get(group) || [];
    lines.splice(lines.indexOf(entry), 1);
    if (entry.line) entry.line.remove();
    entry.controls.forEach(function (c) {
      var left = (controlMarks.get(c) || 1) - 1;
      if (left) { controlMarks.set(c, left); return; }
      controlMarks.delete(c);
      c.removeAttribute("aria-invalid");
      var described = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (t) {
        return t && (!message || t !== message.id);
      });
      if (described.length) c.setAttribute("aria-describedby", described.join(" "));
      else c.removeAttribute("aria-describedby");
    });
    if (lines.length) return;
    groupLines.delete(group);
    group.classList.remove("af-form-group--error");
    if (message) { message.hidden = true; message.textContent = ""; }
  }

  // -- the summary ----------------------------------------------------------------------------
  function summaryItem(entry) {
    var li = document.createElement("li"), place = entry.place, text = describe(entry.finding);
    if (place && place.control) {
      if (!place.control.id) place.control.id = "af-control-" + Math.abs(hash(entry.finding.pointer));
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
    } else {
      li.textContent = text;
    }
    if (entry.finding.severity !== "error") li.className = "af-error-summary__warning";
    return li;
  }
  function entryFor(finding, unit, n) {
    var place = locate(finding);
    return { finding: finding, unit: unit, n: n, place: place && place.group ? place : null,
             controls: [], line: null, li: null };
  }
  function add(entry, at) {
    entry.li = summaryItem(entry);
    list.insertBefore(entry.li, entries[at] ? entries[at].li : null);
    entries.splice(at, 0, entry);
    if (entry.place) markInline(entry);
    if (entry.finding.severity === "error") errorCount++;
  }
  function remove(entry) {
    entries.splice(entries.indexOf(entry), 1);
    entry.li.remove();
    if (entry.place) unmarkInline(entry);
    if (entry.finding.severity === "error") errorCount--;
  }
  function position(entry) {
    var low = 0, high = entries.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (before(entries[mid], entry)) low = mid + 1; else high = mid;
    }
    return low;
  }
  function settle() {
    el("af-error-summary-title").textContent = errorCount ? "There is a problem" : "Please check";
    summary.hidden = entries.length === 0;
    summary.classList.toggle("af-error-summary--warning", errorCount === 0);
    return entries.length;
  }

  /* Shows every problem of a whole check: ``units`` holds each unit's findings. */
  function show(units, intro, focus) {
    var old = entries;
    entries = [];
    errorCount = 0;
    old.forEach(function (entry) { if (entry.place) unmarkInline(entry); });
    list.textContent = "";
    byUnit = {};
    var all = [];
    units.forEach(function (found, unit) {
      byUnit[unit] = found.map(function (f, n) { return entryFor(f, unit, n); });
      all.push.apply(all, byUnit[unit]);
    });
    all.sort(function (a, b) { return before(a, b) ? -1 : 1; });
    all.forEach(function (entry) { add(entry, entries.length); });
    el("af-error-summary-body").textContent = intro || "";
    settle();
    if (focus && entries.length) summary.focus();
    return errorCount;
  }
  /* Replaces the problems of one unit after a change, leaving every other one in place. */
  function replace(unit, found) {
    (byUnit[unit] || []).forEach(remove);
    byUnit[unit] = found.map(function (f, n) { return entryFor(f, unit, n); });
    byUnit[unit].forEach(function (entry) { add(entry, position(entry)); });
    el("af-error-summary-body").textContent = "";
    return settle();
  }

  /* The words above the list, and focus on the summary when it lists anything. */
  function intro(text, focus) {
    el("af-error-summary-body").textContent = text || "";
    if (focus && entries.length) summary.focus();
  }

  return { show: show, replace: replace, intro: intro, count: function () { return entries.length; } };
};
