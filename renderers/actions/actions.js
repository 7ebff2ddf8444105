// Sort buttons for the actions table: the page reads without this script; with it, each
// column heading becomes a button that sorts the rows (again to reverse) and says so.
(function () {
  "use strict";
  var table = document.getElementById("actions-table");
  if (!table || !table.tBodies.length) { return; }
  var heads = table.tHead.rows[0].cells;
  function key(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-sort") || cell.textContent || "").trim() : "";
  }
  function sortBy(index, button) {
    var th = heads[index];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      var nx = parseFloat(x), ny = parseFloat(y);
      var result = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    for (var i = 0; i < heads.length; i += 1) { heads[i].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    document.getElementById("sort-status").textContent =
      "Sorted by " + button.textContent + (ascending ? ", ascending" : ", descending");
  }
  Array.prototype.forEach.call(heads, function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.addEventListener("click", function () { sortBy(index, button); });
    th.textContent = "";
    th.appendChild(button);
  });
}());
