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
  return { pad: pad, $$: $$, today: today, domId: domId, has: has,
           el: function (id) { return document.getElementById(id); } };
})();
