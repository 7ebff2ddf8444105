/* auditforms preview: reload when the definition is saved, keeping its scroll positions
 * (the page's, the form's and the outline's).
 * The server announces each load's version over Server-Sent Events; when it differs from
 * the version this page shows, the page reloads. EventSource reconnects by itself, so a
 * restarted preview on the same port is picked up too. */
(function () {
  "use strict";
  var KEY = "auditforms-preview-scroll";
  var version = document.body.getAttribute("data-version");
  var frame = document.getElementById("pv-frame");
  var outline = document.querySelector("[data-outline]");
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  function frameWindow() {
    try { return frame && frame.contentWindow && frame.contentWindow.document ? frame.contentWindow : null; }
    catch (e) { return null; }
  }
  function save() {
    var inner = frameWindow();
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ page: window.scrollY, form: inner ? inner.scrollY : 0,
        outline: outline ? outline.scrollTop : 0 }));
    } catch (e) { /* storage off: the page still reloads, at the top */ }
  }
  function saved() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  var position = saved();
  if (position) {
    window.scrollTo(0, position.page || 0);
    if (outline) outline.scrollTop = position.outline || 0;
    if (!frame) forget();
  }
  function forget() {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
  }
  function restoreForm() {
    var inner = frameWindow();
    if (!position || !inner || inner.location.href === "about:blank") return;
    inner.scrollTo(0, position.form || 0);
    window.scrollTo(0, position.page || 0);
    position = null;
    forget();
  }
  if (frame) {
    frame.addEventListener("load", restoreForm);
    var loaded = frameWindow();
    if (loaded && loaded.document.readyState === "complete") restoreForm();
  }

  if (window.EventSource) {
    var events = new EventSource("/events");
    events.onmessage = function (event) {
      if (event.data !== version) {
        events.close();
        save();
        window.location.reload();
      }
    };
  }

}());
