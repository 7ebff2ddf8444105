/* auditforms: adding, removing and renumbering the rows of a repeatable table. */
var AuditRows = (function (D) {
  "use strict";
  var $$ = D.$$, domId = D.domId;
  function renumber(group) {
    var table = group.getAttribute("data-table");
    var rows = $$("tbody[data-rows] > tr", group);
    rows.forEach(function (tr, n) {
      tr.setAttribute("data-row", String(n));
      $$("[data-column]", tr).forEach(function (control) {
        control.id = domId(table, n, control.getAttribute("data-column"));
        var label = control.getAttribute("aria-label") || "";
        control.setAttribute("aria-label", label.replace(/ – row (\d+|__n__)$/, " – row " + (n + 1)));
        // A date cell's Day, Month and Year boxes are named after the cell.
        $$("[data-part]", control).forEach(function (box) {
          box.id = control.id + "-" + box.getAttribute("data-part");
          box.previousElementSibling.htmlFor = box.id;
        });
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
    $$("[data-requires-script]", tr).forEach(function (node) { node.hidden = false; });
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
    var left = body.rows.length;
    announce(group, "Row " + (index + 1) + " removed. " + left + (left === 1 ? " row" : " rows") + " left.");
    if (target) target.focus();
  }

  return { renumber: renumber, add: addRow, remove: removeRow };
})(AuditDom);
