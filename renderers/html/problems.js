/* auditforms: showing problems the GOV.UK way: an error summary linking to each answer,
 * and a message beside the answer itself. */
var AuditProblems = function (form, data, answers, D) {
  "use strict";
  var $$ = D.$$, domId = D.domId, el = D.el;

  function locate(finding) {
    var pointer = finding.pointer;
    if (finding.control) {
      var cell = finding.control.closest("td") ? finding.control : null;
      return { group: finding.control.closest(".af-form-group"), control: finding.control, cell: cell };
    }
    var parts = pointer.replace(/^\/answers\//, "").split("/");
    if (!pointer || parts[0] === "") return null;
    if (parts.length >= 3) {
      var group = el(domId(parts[0])), tr = null;
      var map = answers.rowMaps[parts[0]];
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
    var text = place.cell ? describe(finding) : finding.message;
    line.appendChild(document.createTextNode(text.charAt(0).toUpperCase() + text.slice(1)));
    message.appendChild(line);
    message.hidden = false;
  }
  function summaryItem(finding) {
    var li = document.createElement("li"), place = finding.place, text = describe(finding);
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
  /* Problems listed in the order their answers come in the form, as GOV.UK advises. */
  function inPageOrder(found) {
    var placed = found.map(function (f, n) { return { f: f, n: n, place: locate(f) }; });
    placed.sort(function (a, b) {
      var x = a.place && a.place.control, y = b.place && b.place.control;
      if (x && y && x !== y) return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      if (!x !== !y) return x ? -1 : 1;
      return a.n - b.n;
    });
    return placed.map(function (p) { p.f.place = p.place; return p.f; });
  }
  function showProblems(found, intro, focus) {
    clearErrors();
    var summary = el("af-error-summary"), list = el("af-error-summary-list");
    list.textContent = "";
    found = inPageOrder(found);
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

  return { show: showProblems };
};
