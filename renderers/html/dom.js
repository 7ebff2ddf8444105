/* auditforms: small DOM helpers shared by the form's scripts. */
var AuditDom = (function () {
  "use strict";
  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
  }
  /* The element id for an answer, as the Python view model writes it: f-q1--evidence. */
  function domId() { return "f-" + Array.prototype.slice.call(arguments).join("--"); }
  function has(obj, key) { return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key); }
  /* Puts a moderator's note or panel below a checklist criterion: the criterion is a table row
     with no heading to follow, so the box gets a row of its own spanning the table. */
  function belowRow(row, box) {
    var tr = document.createElement("tr"), td = document.createElement("td");
    tr.className = "af-checklist__moderation";
    td.className = "af-table__cell";
    td.colSpan = row.cells.length;
    td.appendChild(box);
    tr.appendChild(td);
    row.insertAdjacentElement("afterend", tr);
  }
  /* Removes a note or panel, with the row :func:`belowRow` made for it. */
  function removeBox(box) {
    var row = box.parentNode ? box.parentNode.parentNode : null;
    (row && row.className === "af-checklist__moderation" ? row : box).remove();
  }
  return { pad: pad, $$: $$, today: today, domId: domId, has: has, belowRow: belowRow, removeBox: removeBox,
           el: function (id) { return document.getElementById(id); } };
})();
