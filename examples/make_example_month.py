"""Generate the FICTIONAL finished month of the example service, months/2026-10/
(run: python examples/make_example_month.py, after make_examples.py).

October 2026 is the example service's first month with auditforms, as it stands on
16 November 2026 (:data:`STORY_DAY`): ``month start 2026-10`` drew the sample, the auditors
returned their audits and the moderators and managers did a month's work on them. The sample
and its record are drawn by auditforms' own code from the example's data (the sample is exactly
what ``month start 2026-10 --seed 20261001 --date 2026-10-01`` writes; the record names the
inputs relative to the folder rather than by their full path); the forms folder
holds the batch's ``manifest.json`` without the blank forms (``auditforms render --sample
months/2026-10/sample.csv -o months/2026-10/forms --force`` renders the HTML forms again and
keeps the returned work) and the returned audits in ``forms/returned/``, as the HTML form saves them.

Every child, initial, name, date and word here is made up from a fixed seed; running the
script again writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from example_month_text import (  # noqa: E402  (the script's own text, beside it)
    ACTIONS,
    ADDED,
    COMMENTS,
    EVIDENCE,
    IMPACT,
    OVERVIEW,
    REPLIES,
    SUMMARIES,
    WORKERS,
)
from make_examples import MANAGERS  # noqa: E402

MONTH = "2026-10"
SEED = 20261001
REFERENCE = dt.date(2026, 10, 1)
#: The day the month is seen as: after the moderation deadline (13 November), before December.
STORY_DAY = dt.date(2026, 11, 16)
TOOL = "torbay-full-audit"
TARGET = HERE / "months" / MONTH
MODERATORS = ("Nadia Novak", "Owen Price", "Beth Amis")
QUESTIONS = [f"q{n}" for n in range(1, 13)]
LEVELS = {"exceeds": "exceeds-good", "meets": "meets-good", "dnm": "does-not-meet-good"}
LOWER = {"exceeds": "meets", "meets": "dnm", "dnm": "dnm"}
#: How far each child's audit got, in the sample's order: (stage, overall level, twist). The
#: twists: ``late`` (the first action signed off after its date), ``no-longer`` (signed off with an
#: update: no longer required), ``thin`` (one impact too short: a warning for the moderator).
PLAN = [
    ("final", "meets", ""), ("final", "meets", "late"), ("final", "exceeds", ""), ("final", "dnm", ""),
    ("final", "meets", "no-longer"), ("final", "moderated-down", ""), ("final", "meets", ""),
    ("final", "meets", ""), ("final", "meets", ""), ("final", "exceeds", ""), ("final", "meets", ""),
    ("moderated", "meets", ""), ("moderated", "dnm", ""), ("moderated", "meets", ""),
    ("moderated", "meets", ""), ("moderated", "meets", ""), ("submitted", "meets", ""),
    ("submitted-late", "dnm", "thin"), ("not-returned", "meets", ""), ("final", "meets", ""),
]


def main(target: Path = TARGET) -> None:
    """Write the month into ``target`` (the example's months/2026-10 unless a test asks)."""
    from auditforms.language.loader import load
    from auditforms.resources import shipped_definitions_dir

    definition = load(shipped_definitions_dir() / f"{TOOL}.yaml").definition
    assert definition is not None
    with _service_copy() as folder:
        _draw(definition, folder)
        shutil.rmtree(target, ignore_errors=True)
        (target / "forms").mkdir(parents=True)
        for name in ("sample.csv", "sample.meta.json"):
            shutil.copyfile(folder / "months" / MONTH / name, target / name)
    rows = _rows(target)
    (target / "forms" / "manifest.json").write_bytes(_manifest(definition, rows, target))
    written = 0
    for row, (stage, level, twist) in zip(rows, PLAN, strict=True):
        if stage == "not-returned":
            continue
        # Each child's own seed: a change to one audit's making leaves the others as they were.
        audit = Audit(definition, row, stage, level, twist, random.Random(f"{SEED}-{row.child_id}")).document()
        name = f"{TOOL}_{row.child_id}_{audit['answers']['audit-date']}_{audit['status']}.json"
        path = target / "forms" / "returned" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes((json.dumps(audit, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        written += 1
    print(f"wrote the sample of {len(rows)} children and {written} returned audits to {target}")


@contextmanager
def _service_copy() -> Iterator[Path]:
    """A throw-away service folder as ``init --example`` makes it, to draw October in."""
    from auditforms.service.template import EXAMPLE_FILES

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for target, source in EXAMPLE_FILES.items():
            if not target.startswith("months/"):
                (folder / target).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(HERE / source, folder / target)
        here = Path.cwd()
        os.chdir(folder)  # the sample's record names its inputs relative to the folder
        try:
            yield folder
        finally:
            os.chdir(here)


def _draw(definition: Any, folder: Path) -> None:
    """``month start``'s draw, with the settings' inputs named relative to the folder."""
    from auditforms.cli.common import LoadedDefinition
    from auditforms.cli.sample import Inputs, draw_and_write
    from auditforms.cli.service import load_settings
    from auditforms.sampling.population import Asked, criteria_for

    settings = load_settings(folder)
    inputs = Inputs(cases=Path(settings.case_list), auditors=Path(settings.auditors),
                    history=(Path(settings.history_before),), columns=settings.case_columns)
    criteria = criteria_for(definition, Asked(
        reference_date=REFERENCE, seed=SEED, size=settings.sample_size,
        lookback_months=settings.lookback_months, stratify=settings.stratify))
    sample = Path("months") / MONTH / "sample.csv"
    sample.parent.mkdir(parents=True)
    if draw_and_write(LoadedDefinition(definition), inputs, criteria, sample, force=False) != 0:
        raise SystemExit("the draw failed")


def _rows(target: Path) -> list[Any]:
    from auditforms.cli.sample_inputs import read_csv_file
    from auditforms.sampling.sample_file import SAMPLE_COLUMNS, read_sample

    rows, problems = read_sample(read_csv_file(target / "sample.csv", SAMPLE_COLUMNS))
    assert not problems and len(rows) == len(PLAN), problems
    return list(rows)


def _manifest(definition: Any, rows: list[Any], target: Path) -> bytes:
    """The batch record ``month start`` writes, listing no generated files: none is shipped."""
    from auditforms.cli.sample_batch import sample_info
    from auditforms.sampling.batch import manifest, plan_batch

    plan = plan_batch(definition, rows, {"html": ".html", "docx": ".docx"}, "sample.csv")
    record = manifest(definition, plan, [], [], sample_info(definition, target / "sample.csv"))
    return (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode()


def _at(day: dt.date, rng: random.Random) -> str:
    """A time in the working day (UTC), as the forms record it."""
    return f"{day.isoformat()}T{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}:00Z"


def _working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


class Audit:
    """One child's returned audit, taken as far as its stage."""

    def __init__(self, definition: Any, row: Any, stage: str, level: str, twist: str,
                 rng: random.Random) -> None:
        self.definition, self.row, self.stage, self.twist, self.rng = definition, row, stage, twist, rng
        self.moderated_down = level == "moderated-down"
        self.level = "meets" if self.moderated_down else level
        self.child = row.initials
        self.home = {"Children in Care": "in their placement", "Care Leavers": "in their flat"}.get(
            row.team, "at home")
        self.history: list[dict[str, Any]] = []
        self.worker = rng.choice(WORKERS)
        self.first_due = 0  # days from the audit to its first action's completion date
        late = stage == "submitted-late"
        self.audit_date = _working_day(dt.date(2026, 10, 20) if late else
                                       REFERENCE + dt.timedelta(days=rng.randint(3, 12)))
        self.submitted = self.audit_date + dt.timedelta(days=1 if late else rng.randint(0, 1))

    def document(self) -> dict[str, Any]:
        answers = self._answers()
        self.history.append({"event": "submitted", "role": "auditor", "name": self.row.auditor,
                             "at": _at(self.submitted, self.rng)})
        doc: dict[str, Any] = {"format": "auditforms/completed-audit", "format_version": 1,
                               "definition": {"id": self.definition.id, "version": self.definition.version},
                               "audit_id": self.row.audit_id, "status": "submitted", "answers": answers}
        saved = self.history[-1]["at"]
        if self.stage in ("moderated", "final"):
            doc["status"], doc["moderation"] = "moderated", self._moderation(answers)
            saved = self.history[-1]["at"]
        if self.stage == "final":
            saved = self._finalise(doc)
        doc["history"] = self.history
        doc["source"] = {"kind": "html", "saved_at": saved}
        return doc

    # -- the auditor's answers -------------------------------------------------------------
    def _answers(self) -> dict[str, Any]:
        from auditforms.sampling.prefill import prefill_for

        answers, problems = prefill_for(self.definition, self.row)
        assert not problems, problems
        answers["audit-date"] = self.audit_date.isoformat()
        if "audited-previously" not in answers:
            answers["audited-previously"] = "no"
        answers["worker-seen"] = (f"Allocated social worker {self.worker}, spoken with on "
                                  f"{(self.audit_date - dt.timedelta(days=1)).isoformat()}.")
        for question, level in self._levels().items():
            answers[question] = self._question(question, level)
        if self.twist == "thin":
            answers["q5"]["impact"] = f"{self.child} is doing better at school."
        answers["actions"] = self._actions(answers)
        if self.stage in ("moderated", "final") or self.rng.random() < 0.5:
            answers["strategic-actions"] = self.rng.choice((
                "Share the learning on recording management oversight with the service's team managers.",
                "Raise at the practice forum how the child's views are recorded between visits.",
                "Ask the principal social worker to include chronologies in next term's practice workshops.",
            ))
        return answers

    def _levels(self) -> dict[str, str]:
        """Each question's level: the audit's overall level, one or two a step away, and Not
        applicable where the question does not fit the child's service."""
        levels = dict.fromkeys(QUESTIONS, self.level)
        others = [q for q in QUESTIONS[:-1] if q not in ("q6", "q8", "q11")]
        for question in self.rng.sample(others, 2):
            levels[question] = {"exceeds": "meets", "meets": self.rng.choice(("exceeds", "dnm")),
                                "dnm": "meets"}[self.level]
        if self.moderated_down:  # the auditor rated the whole better than risk and planning
            levels.update(q1="dnm", q7="dnm")
        older = self.row.age_band in ("11-15", "16-21")
        if self.row.team not in ("Children in Care", "Care Leavers"):
            levels["q8"] = "n/a"
        if not (self.row.team == "Care Leavers" or (self.row.team == "Children in Care" and older)):
            levels["q11"] = "n/a"
        return levels

    def _question(self, question: str, level: str) -> dict[str, Any]:
        if level == "n/a":
            return {"judgement": "not-applicable"}
        fill = {"c": self.child, "home": self.home}
        evidence = EVIDENCE[question][level].format(**fill) + " " + self.rng.choice(OVERVIEW[level])
        return {"judgement": LEVELS[level], "evidence": evidence,
                "impact": IMPACT[question][level].format(**fill)}

    def _actions(self, answers: dict[str, Any]) -> list[dict[str, Any]]:
        weak = [q for q in QUESTIONS if answers[q]["judgement"] == "does-not-meet-good"]
        count = max(1, min(3, len(weak) + self.rng.randint(0, 1)))
        manager = MANAGERS[self.row.team][0]
        picks = (weak + self.rng.sample([q for q in ACTIONS if q not in weak], 3))[:count]
        return [self._action(question, number, manager) for number, question in enumerate(picks, start=1)]

    def _action(self, question: str, number: int, manager: str) -> dict[str, Any]:
        text, owner = ACTIONS[question]
        return {"action": text.format(c=self.child), "person": manager if owner == "manager" else self.worker,
                "completion-date": self._due(number).isoformat()}

    def _due(self, number: int) -> dt.date:
        """Completion dates spread so that on the story day some are past, some due soon, some
        weeks away."""
        if number == 1:
            self.first_due = self.rng.choice((21, 28, 35, 42, 56))
        offset = self.first_due + 10 * (number - 1) + self.rng.randint(0, 4)
        return _working_day(self.audit_date + dt.timedelta(days=offset))

    # -- moderation -------------------------------------------------------------------------
    def _moderation(self, answers: dict[str, Any]) -> dict[str, Any]:
        moderator = next(m for m in self.rng.sample(MODERATORS, 3) if m != self.row.auditor)
        self.moderated_on = _working_day(self.submitted + dt.timedelta(days=self.rng.randint(3, 10)))
        kept = {q: answers[q]["judgement"] for q in QUESTIONS}
        judgements: dict[str, str] = {}
        # The comments (and the auditor's additions) are written to the "meets good" findings.
        graded = [q for q in QUESTIONS[:-1] if answers[q]["judgement"] == "meets-good"]
        commented = self.rng.sample(graded, min(len(graded), self.rng.choice((1, 1, 2))))
        comments = {q: COMMENTS[q].format(c=self.child) for q in commented}
        if self.moderated_down:
            judgements["q12"] = "does-not-meet-good"
            comments["q12"] = COMMENTS["q12-down"].format(c=self.child)
        weak = any(answers[q]["judgement"] == "does-not-meet-good" for q in QUESTIONS)
        if weak and len(answers["actions"]) < 2:
            comments["actions"] = COMMENTS["actions"].format(c=self.child)
        checklist = {q: self._ticks(q in comments) for q in QUESTIONS if answers[q]["judgement"] != "not-applicable"}
        checklist["actions"] = {"actions-improve-to-good": "actions" not in comments,
                                "actions-no-more-than-five": True, "actions-smart": "actions" not in comments}
        record: dict[str, Any] = {"moderator": moderator, "date": self.moderated_on.isoformat(),
                                  "comments": comments}
        if judgements:
            record["judgements"] = judgements
        record["auditor_judgements"] = kept
        record["checklist"] = checklist
        agreed = [q for q in QUESTIONS if q not in judgements]
        record["agreed"] = agreed
        record["summary"] = SUMMARIES["down" if self.moderated_down else self.level].format(c=self.child)
        self.history.append({"event": "moderated", "role": "moderator", "name": moderator,
                             "at": _at(self.moderated_on, self.rng),
                             "details": {"comments": list(comments), "judgements": list(judgements),
                                         "agreed": agreed}})
        return record

    def _ticks(self, commented: bool) -> dict[str, bool]:
        items = ("judgement-six-months", "improvement-positively-connoted", "evidence-findings-of-fact",
                 "evidence-auditor-overview", "evidence-sub-judgements", "impact-child-to-life",
                 "impact-what-it-means", "impact-consequences")
        missing = {"evidence-auditor-overview", "impact-what-it-means"} if commented else set()
        return {item: item not in missing for item in items}

    def _finalise(self, doc: dict[str, Any]) -> str:
        """The auditor addresses every comment, takes a moderated judgement, saves as final,
        shares the report; managers sign off what is done by the story day."""
        moderation, answers = doc["moderation"], doc["answers"]
        finalised = _working_day(self.moderated_on + dt.timedelta(days=self.rng.randint(2, 6)))
        moderation["responses"] = {part: {"addressed": True, "reply": REPLIES[part].format(c=self.child)}
                                   for part in moderation["comments"]}
        for part, option in moderation.get("judgements", {}).items():
            answers[part] = self._question(part, next(k for k, v in LEVELS.items() if v == option))
        for part in moderation["comments"]:
            if part in ADDED:
                answers[part]["evidence"] += " " + ADDED[part].format(c=self.child)
        if "actions" in moderation["comments"] or "q12" in moderation.get("judgements", {}):
            taken = {a["action"] for a in answers["actions"]}
            extra = next(q for q in ("q12", "q7", "q3", "q9") if ACTIONS[q][0].format(c=self.child) not in taken)
            answers["actions"].append(self._action(extra, len(answers["actions"]) + 1, MANAGERS[self.row.team][0]))
        answers["date-shared"] = finalised.isoformat()
        doc["status"] = "final"
        self.history.append({"event": "finalised", "role": "auditor", "name": self.row.auditor,
                             "at": _at(finalised, self.rng),
                             "details": {"addressed": list(moderation["responses"])}})
        saved = self.history[-1]["at"]
        self._sign_offs(answers["actions"], finalised)
        return saved

    def _sign_offs(self, actions: list[dict[str, Any]], finalised: dt.date) -> None:
        manager = MANAGERS[self.row.team][0]
        for number, action in enumerate(actions, start=1):
            due = dt.date.fromisoformat(action["completion-date"])
            if number == 1 and self.twist == "late":
                due = _working_day(finalised + dt.timedelta(days=7))
                action["completion-date"] = due.isoformat()
                day = _working_day(due + dt.timedelta(days=4))
            elif number == 1 and self.twist == "no-longer":
                day = _working_day(finalised + dt.timedelta(days=8))
            elif due > STORY_DAY + dt.timedelta(days=3) or self.rng.random() < 0.3:
                continue  # still to do (or, past its date, overdue)
            else:
                day = max(finalised, due - dt.timedelta(days=self.rng.randint(0, 6)))
            if day > STORY_DAY:
                continue
            action["sign-off-date"] = day.isoformat()
            events = ["action-signed-off"]
            if number == 1 and self.twist == "no-longer":
                action["update"] = ("The family moved out of the area before the action was due; the "
                                    "receiving authority has the plan, so this is no longer required.")
                events.append("action-updated")
            at = _at(day, self.rng)
            self.history += [{"event": event, "role": "manager", "name": manager, "at": at,
                              "details": {"action": f"{self.row.audit_id}:{number}"}} for event in events]


if __name__ == "__main__":
    main()
