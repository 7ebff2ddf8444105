/* auditforms: the child's names as the moderator's "mentions the child" test finds them (a
 * capitalised word met twice and never in lower case, in the answers that would be saved),
 * kept up to date answer by answer: the words of an answer are counted again only when it, or
 * whether it is shown, changes, instead of all the text being read at every keystroke. */
var AuditNames = function (model, text, R, D) {
  "use strict";
  var counts = {}, bySlot = {}, members = {}, capitalisedOf = {};

  function apply(words, sign, touched) {
    Object.keys(words).forEach(function (key) {
      counts[key] = (D.has(counts, key) ? counts[key] : 0) + sign * words[key];
      touched[key] = true;
      if (key.charAt(0) !== "C") return;
      var lower = key.slice(1).toLowerCase();
      (capitalisedOf[lower] || (capitalisedOf[lower] = {}))[key.slice(1)] = true;
    });
  }
  /* Counts the answers ``ids`` again as ``run`` sees them (shown or not); true when the names
   * found change. */
  function update(run, ids) {
    var touched = {}, changed = false;
    ids.forEach(function (id) {
      if (!D.has(model.slots, id)) return;
      if (D.has(bySlot, id)) apply(bySlot[id], -1, touched);
      var value = D.has(model.values, id) && run.shown(id) ? run.answer(id) : null;
      bySlot[id] = text.tally(R.strings(value, []), {}, 1);
      apply(bySlot[id], 1, touched);
    });
    Object.keys(touched).forEach(function (key) {
      var stems = key.charAt(0) === "C" ? [key.slice(1)] : Object.keys(capitalisedOf[key.slice(1)] || {});
      stems.forEach(function (stem) {
        var now = text.isName(stem, counts);
        if (now === D.has(members, stem)) return;
        if (now) members[stem] = true; else delete members[stem];
        changed = true;
      });
    });
    return changed;
  }
  /* Every answer counted afresh. */
  function all(run) {
    counts = {}; bySlot = {}; members = {}; capitalisedOf = {};
    update(run, Object.keys(model.slots));
  }

  return { update: update, all: all, names: function () { return Object.keys(members); } };
};
