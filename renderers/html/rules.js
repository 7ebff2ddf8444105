/* auditforms: the rule evaluator, a faithful port of auditforms.rules (evaluate.py, values.py).
 *
 * Conditions are three-valued (true, false, null for "unknown"); a part is shown only when
 * its conditions are true; a rule reports only where its target is shown, its `when` is
 * true and its `assert` is false. tests/html/test_html_rules_agreement.py runs the same
 * answer documents through this file and through the Python evaluator. */
var AuditRules = (function () {
  "use strict";
  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isMapping(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  function get(container, key) {
    return isMapping(container) && has(container, key) ? container[key] : null;
  }

  // -- values.py ----------------------------------------------------------------------
  function isAnswered(value) {
    if (value === null || value === undefined) return false;
    if (typeof value === "string") return value.trim() !== "";
    if (Array.isArray(value)) return value.some(isAnswered);
    if (isMapping(value)) return Object.keys(value).some(function (k) { return isAnswered(value[k]); });
    return true;
  }
  function asDate(value) {
    if (typeof value !== "string" || !DATE.test(value)) return null;
    var y = +value.slice(0, 4), m = +value.slice(5, 7), d = +value.slice(8, 10);
    if (y < 1 || m < 1 || m > 12 || d < 1) return null;
    var days = new Date(Date.UTC(2000, m, 0)).getUTCDate();
    if (m === 2) days = (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28;
    return d <= days ? value : null;
  }
  function asNumber(value) {
    return typeof value === "number" && isFinite(value) ? value : null;
  }
  function rowCount(value) {
    var rows = Array.isArray(value) ? value : isMapping(value) ? Object.keys(value).map(function (k) { return value[k]; }) : [];
    return rows.filter(isAnswered).length;
  }
  function pad(n, width) { var t = String(n); while (t.length < width) t = "0" + t; return t; }
  function monthsBefore(iso, months) {
    var total = (+iso.slice(0, 4)) * 12 + (+iso.slice(5, 7) - 1) - months;
    var year = Math.floor(total / 12), month = total - year * 12 + 1;
    var last = new Date(Date.UTC(2000, month, 0)).getUTCDate();
    if (month === 2) last = (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(Math.min(+iso.slice(8, 10), last), 2);
  }

  // -- text.py: the moderator's heuristics, from the vocabulary Python embeds ---------
  var LETTER = "A-Za-z0-9\u00C0-\u024F";
  function Text(vocabulary) {
    var v = vocabulary || { word: "[A-Za-z0-9]+", childWords: [], acronyms: [] };
    this.word = new RegExp(v.word, "g");
    var words = v.childWords.map(function (w) { return w.replace(/ /g, "[ \\t\\r\\n]+"); });
    this.child = new RegExp("(?<![" + LETTER + "])(?:" + words.join("|") + ")(?:['\u2019]s)?(?![" + LETTER + "])", "i");
    this.initials = new RegExp("(?<![" + LETTER + "])(?:[A-Z]\\.?){2,3}(?![" + LETTER + "])", "g");
    this.acronyms = v.acronyms;
  }
  Text.prototype.words = function (text) { return text.match(this.word) || []; };
  Text.prototype.refersToChild = function (text) {
    if (this.child.test(text)) return true;
    var m;
    this.initials.lastIndex = 0;
    while ((m = this.initials.exec(text)) !== null) {
      if (this.acronyms.indexOf(m[0].replace(/\./g, "")) < 0) return true;
    }
    return false;
  };
  Text.prototype.namesIn = function (text, names) {
    var self = this;
    var lowered = this.words(text).map(function (w) { return w.toLowerCase(); });
    return names.some(function (name) {
      var nameWords = self.words(name).map(function (w) { return w.toLowerCase(); });
      return nameWords.length > 0 && contains(lowered, nameWords);
    });
  };
  /* Adds (sign 1) or takes away (sign -1) the words of ``texts`` to the counts inferredNames
   * reads: "C" + a capitalised word, "l" + a word met in lower case. The form keeps these
   * counts answer by answer rather than reading all the text again at every keystroke. */
  Text.prototype.tally = function (texts, counts, sign) {
    var self = this;
    texts.forEach(function (text) {
      self.words(text).forEach(function (word) {
        var stem = word.replace(/['\u2019]s$/, "");
        var key = /^[A-Z][a-z\u00DF-\u00FF]+$/.test(stem) ? "C" + stem : "l" + stem.toLowerCase();
        counts[key] = (has(counts, key) ? counts[key] : 0) + sign;
      });
    });
    return counts;
  };
  /* A capitalised word met at least twice and never in lower case: taken to be a name. */
  Text.prototype.isName = function (stem, counts) {
    var lower = "l" + stem.toLowerCase();
    return has(counts, "C" + stem) && counts["C" + stem] >= 2 && !(has(counts, lower) && counts[lower] > 0);
  };
  Text.prototype.inferredNames = function (texts) {
    var counts = this.tally(texts, {}, 1), self = this;
    return Object.keys(counts).filter(function (k) { return k.charAt(0) === "C" && self.isName(k.slice(1), counts); })
      .map(function (k) { return k.slice(1); });
  };
  Text.prototype.copies = function (text, other) {
    var lower = function (w) { return w.toLowerCase(); };
    var mine = this.words(text).map(lower), theirs = this.words(other).map(lower);
    if (mine.length === 0 || theirs.length === 0) return false;
    if (mine.join(" ") === theirs.join(" ")) return true;
    var shortest = mine.length <= theirs.length ? mine : theirs, longest = shortest === mine ? theirs : mine;
    return shortest.length >= 8 && contains(longest, shortest);
  };
  function contains(haystack, needle) {
    return (" " + haystack.join(" ") + " ").indexOf(" " + needle.join(" ") + " ") >= 0;
  }
  function strings(value, out) {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(function (v) { strings(v, out); });
    else if (isMapping(value)) Object.keys(value).forEach(function (k) { strings(value[k], out); });
    return out;
  }

  // -- conditions.py ------------------------------------------------------------------
  var OPERATORS = ["answered", "is", "is_not", "in", "not_in", "graded", "before", "after",
    "on_or_before", "on_or_after", "less_than", "at_most", "greater_than", "at_least",
    "better_than", "worse_than", "better_than_all", "worse_than_all", "rows_at_most", "rows_at_least",
    "meets_good", "words_at_least", "mentions_child", "copies", "within_lookback_of"];

  function operatorOf(test) {
    for (var i = 0; i < OPERATORS.length; i++) {
      if (has(test, OPERATORS[i]) && test[OPERATORS[i]] !== null) return OPERATORS[i];
    }
    throw new Error("a test needs an operator");
  }
  function isReference(operand) {
    if (operand.charAt(0) === "$") return false;
    return !(operand.length === 10 && operand.charAt(4) === "-" && operand.charAt(7) === "-" &&
             /^[0-9]{4}$/.test(operand.slice(0, 4)));
  }
  function iterTests(condition) {
    if (has(condition, "field")) return [condition];
    if (has(condition, "all")) return [].concat.apply([], condition.all.map(iterTests));
    if (has(condition, "any")) return [].concat.apply([], condition.any.map(iterTests));
    return iterTests(condition.not);
  }
  function conditionRefs(condition) {
    var refs = [];
    iterTests(condition).forEach(function (test) {
      refs.push(test.field);
      var op = operatorOf(test), operand = test[op];
      if (op === "better_than" || op === "worse_than") refs.push(operand);
      else if (op === "better_than_all" || op === "worse_than_all") { if (Array.isArray(operand)) refs.push.apply(refs, operand); }
      else if (op === "copies" || op === "within_lookback_of") refs.push(operand);
      else if (["before", "after", "on_or_before", "on_or_after", "less_than", "at_most",
                "greater_than", "at_least"].indexOf(op) >= 0 &&
               typeof operand === "string" && isReference(operand)) refs.push(operand);
    });
    return refs;
  }

  // -- evaluate.py --------------------------------------------------------------------
  function equals(value, operand) {
    if (Array.isArray(value)) return value.some(function (v) { return equals(v, operand); });
    if (typeof value === "boolean" || typeof operand === "boolean") return value === operand;
    if (value === null || typeof value === "object") return false;
    return value === operand;
  }
  function compare(op, left, right) {
    if (left === null || right === null) return null;
    if (op === "before" || op === "less_than") return left < right;
    if (op === "after" || op === "greater_than") return left > right;
    if (op === "on_or_before" || op === "at_most") return left <= right;
    return left >= right;
  }
  function kleeneAll(conditions, evaluate) {
    var result = true;
    for (var i = 0; i < conditions.length; i++) {
      var v = evaluate(conditions[i]);
      if (v === false) return false;
      if (v === null) result = null;
    }
    return result;
  }
  function kleeneAny(conditions, evaluate) {
    var result = false;
    for (var i = 0; i < conditions.length; i++) {
      var v = evaluate(conditions[i]);
      if (v === true) return true;
      if (v === null) result = null;
    }
    return result;
  }
  function resolved(value, owner, pointer, scale, shown) {
    return { value: value === undefined ? null : value, owner: owner, pointer: pointer, scale: scale, shown: shown };
  }

  /* One audit's evaluation: the answers and a cache of what is shown (Python's _Run). */
  function Run(index, context, answers, text) {
    this.index = index;
    this.context = context || {};
    this.answers = isMapping(answers) ? answers : {};
    this.shownCache = {};
    this.visiting = {};
    this.names = null;
    this.text = text || new Text(index.text);
  }
  Run.prototype.answer = function (id) { return get(this.answers, id); };
  Run.prototype.entry = function (id) { return has(this.index.entries, id) ? this.index.entries[id] : null; };

  Run.prototype.shown = function (id) {
    if (!has(this.shownCache, id)) {
      if (has(this.visiting, id)) return false;
      this.visiting[id] = true;
      this.shownCache[id] = this.computeShown(id);
      delete this.visiting[id];
    }
    return this.shownCache[id];
  };
  Run.prototype.computeShown = function (id) {
    var entry = this.entry(id), self = this;
    if (entry === null) return false;
    var section = this.entry(entry.section);
    if (id !== entry.section) {
      if (!this.shown(entry.section)) return false;
      if (section.optional && get(this.answer(entry.section), "not_relevant") === true) return false;
    }
    if (entry.parent && entry.parent !== entry.section && !this.shown(entry.parent)) return false;
    if (entry.revealedBy) {
      var owner = entry.revealedBy[0], option = entry.revealedBy[1];
      if (!this.shown(owner) || !equals(this.answer(owner), option)) return false;
    }
    return entry.conditions.every(function (c) { return self.truth(c, null) === true; });
  };

  Run.prototype.resolve = function (ref, scope) {
    if (ref.charAt(0) === ".") {
      var part = ref.slice(1);
      if (scope === null) return resolved(null, null, "", null, false);
      if (scope.kind === "row") {
        var table = this.entry(scope.owner), scale = null;
        if (table && table.kind === "table") {
          var column = table.columns.filter(function (c) { return c.id === part; })[0];
          scale = column ? (column.scale || null) : null;
        }
        return resolved(get(scope.value, part), scope.owner,
          "/answers/" + scope.owner + "/" + scope.row + "/" + part, scale, true);
      }
      return this.part(scope.owner, part);
    }
    var dot = ref.indexOf(".");
    if (dot >= 0) return this.part(ref.slice(0, dot), ref.slice(dot + 1));
    var node = this.entry(ref), shown = this.shown(ref);
    var fieldScale = node && node.kind === "field" ? (node.scale || null) : null;
    return resolved(shown ? this.answer(ref) : null, ref, "/answers/" + ref, fieldScale, shown);
  };
  Run.prototype.part = function (owner, part) {
    var shown = this.partShown(owner, part);
    var value = shown ? get(this.answer(owner), part) : null, scale = null;
    if (part === "judgement") {
      var node = this.entry(owner);
      if (node && (node.kind === "question" || node.kind === "section")) scale = node.judgementScale || null;
    }
    return resolved(value, owner, "/answers/" + owner + "/" + part, scale, shown);
  };
  Run.prototype.partShown = function (owner, part) {
    if (!this.shown(owner)) return false;
    var node = this.entry(owner);
    return !(node && node.kind === "section" && node.optional && part !== "not_relevant" &&
             get(this.answer(owner), "not_relevant") === true);
  };

  Run.prototype.truth = function (condition, scope) {
    var self = this;
    var evaluate = function (c) { return self.truth(c, scope); };
    if (has(condition, "field")) return this.test(condition, scope);
    if (has(condition, "all")) return kleeneAll(condition.all, evaluate);
    if (has(condition, "any")) return kleeneAny(condition.any, evaluate);
    if (has(condition, "not")) {
      var inner = this.truth(condition.not, scope);
      return inner === null ? null : !inner;
    }
    throw new Error("unknown condition");
  };
  Run.prototype.test = function (test, scope) {
    var subject = this.resolve(test.field, scope), value = subject.value, self = this;
    var op = operatorOf(test), operand = test[op];
    switch (op) {
      case "answered": return isAnswered(value) === operand;
      case "is": return equals(value, operand);
      case "is_not": return !equals(value, operand);
      case "in": return operand.some(function (o) { return equals(value, o); });
      case "not_in": return !operand.some(function (o) { return equals(value, o); });
      case "graded": return (this.rank(subject) !== null) === operand;
      case "before": case "after": case "on_or_before": case "on_or_after":
        return compare(op, asDate(value), this.dateOperand(operand, scope));
      case "less_than": case "at_most": case "greater_than": case "at_least":
        return compare(op, asNumber(value), this.numberOperand(operand, scope));
      case "better_than": case "worse_than":
        return compare(op === "better_than" ? "greater_than" : "less_than",
          this.rank(subject), this.rank(this.resolve(operand, scope)));
      case "better_than_all": case "worse_than_all": {
        var mine = this.rank(subject);
        var refs = Array.isArray(operand) ? operand : this.selected(subject.owner, subject.scale, operand);
        var others = refs.map(function (r) { return self.rank(self.resolve(r, scope)); })
          .filter(function (r) { return r !== null; });
        if (mine === null || others.length === 0) return null;
        return op === "better_than_all" ? mine > Math.max.apply(null, others) : mine < Math.min.apply(null, others);
      }
      case "rows_at_most": return rowCount(value) <= operand;
      case "rows_at_least": return rowCount(value) >= operand;
    }
    return this.textTest(op, subject, operand, scope);
  };
  Run.prototype.textTest = function (op, subject, operand, scope) {
    var value = subject.value;
    if (op === "meets_good") {
      var good = this.good(subject);
      return good === null ? null : good === operand;
    }
    if (op === "within_lookback_of") {
      var when = asDate(value), reference = asDate(this.resolve(operand, scope).value);
      var months = this.lookbackMonths();
      if (when === null || reference === null || months === null || months === undefined) return null;
      return monthsBefore(reference, months) < when && when <= reference;
    }
    if (typeof value !== "string" || !isAnswered(value)) return null;
    if (op === "words_at_least") return this.text.words(value).length >= operand;
    if (op === "mentions_child") {
      return (this.text.refersToChild(value) || this.text.namesIn(value, this.childNames())) === operand;
    }
    if (op === "copies") {
      var other = this.resolve(operand, scope).value;
      return typeof other === "string" && isAnswered(other) ? this.text.copies(value, other) : null;
    }
    throw new Error("unknown operator " + op);
  };
  // The look-back of the audit's type (the field with the role audit_type), else the default.
  Run.prototype.lookbackMonths = function () {
    var field = this.index.typeField, byType = this.index.typeLookbacks;
    if (field && byType) {  // the field's answer, or a compound field's part ("owner.part"), as role_answer reads it
      var dot = field.indexOf("."), recorded = this.answer(dot < 0 ? field : field.slice(0, dot));
      if (dot >= 0) recorded = get(recorded, field.slice(dot + 1));
      if (typeof recorded === "string" && has(byType, recorded)) return byType[recorded];
    }
    return this.index.lookbackMonths;
  };
  Run.prototype.scaleOf = function (r) {
    return r.scale !== null && has(this.index.scales, r.scale) ? this.index.scales[r.scale] : null;
  };
  Run.prototype.good = function (r) {
    var scale = this.scaleOf(r);
    if (scale === null || typeof r.value !== "string" || !scale.goodFrom) return null;
    var mine = this.rank(r), good = this.rank({ scale: r.scale, value: scale.goodFrom });
    return mine === null || good === null ? null : mine >= good;
  };
  Run.prototype.childNames = function () {
    if (this.names === null) this.names = this.fieldNames().concat(this.text.inferredNames(strings(this.answers, [])));
    return this.names;
  };
  /* The child's names as the tool records them (its child-name fields), where answered. */
  Run.prototype.fieldNames = function () {
    var names = [], self = this;
    (this.index.childFields || []).forEach(function (id) {
      var value = self.resolve(id, null).value;
      if (typeof value === "string" && isAnswered(value)) names.push(value);
    });
    return names;
  };
  Run.prototype.selected = function (owner, scale, selector) {
    // Mirrors auditforms.rules.scoping.selected_judgements.
    var self = this, refs = [], kind = selector.judgements, leftOut = selector.except || [];
    if (selector.scale !== undefined && selector.scale !== null && selector.scale !== scale) return refs;
    this.index.order.forEach(function (id) {
      var e = self.index.entries[id];
      var wanted = (e.kind === "question" && (kind === "questions" || kind === "all")) ||
                   (e.kind === "section" && (kind === "sections" || kind === "all"));
      var tagged = !selector.tagged || (e.tags || []).indexOf(selector.tagged) >= 0;
      if (wanted && tagged && id !== owner && leftOut.indexOf(id) < 0 &&
          (e.judgementScale || null) === scale) refs.push(id + ".judgement");
    });
    return refs;
  };
  Run.prototype.optionLabel = function (r) {
    var scale = this.scaleOf(r);
    if (scale === null || typeof r.value !== "string") return "no grade";
    if (scale.notApplicable && scale.notApplicable[0] === r.value) return scale.notApplicable[1];
    for (var i = 0; i < scale.options.length; i++) if (scale.options[i][0] === r.value) return scale.options[i][2];
    return "no grade";
  };
  Run.prototype.message = function (rule, target, scope) {
    var message = rule.message;
    if (message.indexOf("{count}") < 0 && message.indexOf("{label}") < 0) return message;
    var tests = iterTests(rule.assert);
    var counted = tests.filter(function (t) {
      var op = operatorOf(t);
      return op === "rows_at_most" || op === "rows_at_least" || op === "words_at_least";
    })[0];
    if (counted) {
      var value = this.resolve(counted.field, scope).value;
      var count = operatorOf(counted) === "words_at_least"
        ? (typeof value === "string" ? this.text.words(value).length : 0) : rowCount(value);
      message = message.split("{count}").join(String(count));
    }
    return message.split("{label}").join(this.optionLabel(this.resolve(target, scope)));
  };
  Run.prototype.rank = function (r) {
    if (r.scale === null || typeof r.value !== "string") return null;
    var scale = has(this.index.scales, r.scale) ? this.index.scales[r.scale] : null;
    if (scale === null) return null;
    for (var i = 0; i < scale.options.length; i++) {
      if (scale.options[i][0] === r.value) {
        var value = scale.options[i][1];  // null for a checklist's answers, which have no rank
        if (value === null) return null;
        return scale.best === "highest" ? value : -value;
      }
    }
    return null;
  };
  Run.prototype.dateOperand = function (operand, scope) {
    if (typeof operand === "string" && operand.charAt(0) === "$") {
      var name = operand.slice(1);
      return has(this.context, name) ? asDate(this.context[name]) : null;
    }
    if (typeof operand === "string" && isReference(operand)) return asDate(this.resolve(operand, scope).value);
    return asDate(operand);
  };
  Run.prototype.numberOperand = function (operand, scope) {
    if (typeof operand === "string") return asNumber(this.resolve(operand, scope).value);
    return asNumber(operand);
  };

  Run.prototype.findings = function (rules) {
    var out = [], self = this;
    rules.forEach(function (rule) { self.ruleFindings(rule, self.scopes(rule), out); });
    return out;
  };
  /* One rule's findings in the given scopes: all of them for a whole check, or the one scope
   * the form re-checks when an answer that scope reads changes. */
  Run.prototype.ruleFindings = function (rule, scopes, out) {
    var target = rule.at || conditionRefs(rule.assert)[0], self = this;
    scopes.forEach(function (scope) {
      var where = self.resolve(target, scope);
      if (!where.shown) return;
      if (rule.when && self.truth(rule.when, scope) !== true) return;
      if (self.truth(rule.assert, scope) === false) {
        out.push({
          rule_id: rule.id, severity: rule.severity || "error", message: self.message(rule, target, scope),
          pointer: where.pointer, item_id: scope ? scope.owner : where.owner,
          row: scope ? (scope.row === undefined ? null : scope.row) : null
        });
      }
    });
    return out;
  };
  Run.prototype.scopes = function (rule) {
    var self = this, forEach = rule.for_each;
    if (forEach === undefined || forEach === null) return [null];
    if (forEach === "question" || forEach === "section") {
      var parts = relativeParts(rule), out = [];
      this.index.order.forEach(function (id) {
        if (covers(rule, parts, self.index.entries[id])) self.questionScope(id, out);
      });
      return out;
    }
    return this.rowScopes(forEach.rows);
  };
  /* The scope of a for_each: question (or section) rule on part ``id``, added to ``out`` when it is shown. */
  Run.prototype.questionScope = function (id, out) {
    if (this.shown(id)) {
      var value = this.answer(id);
      out.push({ kind: "question", owner: id, row: null, value: isMapping(value) ? value : {} });
    }
    return out;
  };
  /* The scopes of a for_each: {rows} rule: every answered row of a shown table. */
  Run.prototype.rowScopes = function (tableId) {
    if (!this.shown(tableId)) return [];
    var rows = this.answer(tableId), scopes = [];
    var pairs = Array.isArray(rows) ? rows.map(function (r, i) { return [i, r]; })
      : isMapping(rows) ? Object.keys(rows).map(function (k) { return [k, rows[k]]; }) : [];
    pairs.forEach(function (pair) {
      if (isMapping(pair[1]) && isAnswered(pair[1])) {
        scopes.push({ kind: "row", owner: tableId, row: pair[0], value: pair[1] });
      }
    });
    return scopes;
  };

  /* Whether a for_each: question (or section) rule applies to an index entry: its kind, its tag
   * (questions), an answer of its own (sections), and every part the rule reads. */
  function covers(rule, parts, entry) {
    if (rule.for_each === "section") {
      if (entry.kind !== "section" || !entry.hasAnswer) return false;
    } else {
      if (entry.kind !== "question") return false;
      if (rule.tagged && entry.tags.indexOf(rule.tagged) < 0) return false;
    }
    return parts.every(function (p) { return entry.parts.indexOf(p) >= 0; });
  }

  function relativeParts(rule) {
    var conditions = [rule.assert].concat(rule.when ? [rule.when] : []);
    var refs = [].concat.apply([], conditions.map(conditionRefs)).concat(rule.at ? [rule.at] : []);
    var parts = [];
    refs.forEach(function (r) {
      if (r.charAt(0) === "." && parts.indexOf(r.slice(1)) < 0) parts.push(r.slice(1));
    });
    return parts;
  }

  /* The public face: an evaluator for one definition's index, like Python's Evaluator. */
  function Evaluator(index, context) {
    this.index = index;
    this.context = context || {};
    this.text = new Text(index.text);
  }
  Evaluator.prototype.run = function (answers, rules) { return this.session(answers).findings(rules); };
  Evaluator.prototype.shown = function (answers, id) { return this.session(answers).shown(id); };
  Evaluator.prototype.session = function (answers) { return new Run(this.index, this.context, answers, this.text); };

  return { Evaluator: Evaluator, isAnswered: isAnswered, asDate: asDate, asNumber: asNumber,
           rowCount: rowCount, conditionRefs: conditionRefs, relativeParts: relativeParts, covers: covers, Text: Text,
           iterTests: iterTests, operatorOf: operatorOf, strings: strings };
})();
