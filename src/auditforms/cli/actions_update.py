"""``auditforms actions --update`` and ``--remind``: the parts that change files other than outputs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import click

from auditforms.english import count


def run_update(run: Any, trackers: tuple[Path, ...], by_name: str | None, correct: bool = False) -> bool:
    """Read every tracker, plan, check, write; True when any problem was found."""
    from auditforms.actions.signoff import plan_signoffs
    from auditforms.cli.actions_files import folder_locks, now_utc, prepare_writes, write_all
    from auditforms.terminal_safety import printable

    entries, problems, digests = _read_trackers(trackers, run.definition)
    plan = plan_signoffs(run.gathered.actions, entries, run.today, by_name, correct=correct)
    problems += plan.problems
    by_file = plan.by_file()
    written: dict[Path, bytes] = {}
    if by_file:
        with folder_locks([Path(f).parent for f in by_file]) as lock_problems:
            problems += lock_problems
            if not lock_problems:
                written = prepare_writes(run.tool, by_file, now_utc(), problems)
                write_all(written)
    run.report_problems(problems)
    if not any(p.is_error for p in problems):
        from auditforms.cli.actions_written import mark_read

        mark_read({t: d for t, d in digests.items() if not any(p.file == str(t) for p in problems)})
    changed = [c for c in plan.changes if Path(c.action.file) in written]
    for change in changed:
        click.echo(printable(change.describe()))
    not_read = f", {count(plan.not_read, 'row')} not read (see above)" if plan.not_read else ""
    click.echo(f"{count(len(written), 'audit')} updated; {count(len(changed), 'action')} changed, "
               f"{plan.unchanged} already up to date{not_read}", err=True)
    return any(p.is_error for p in problems)


def _read_trackers(trackers: tuple[Path, ...], definition: Any) -> tuple[list[Any], list[Any], dict[Path, str]]:
    """The rows and problems of every tracker, and the SHA-256 of the bytes read of each (what
    has been read back is exactly those bytes, whatever is saved over the file meanwhile)."""
    import hashlib

    from auditforms.actions.codes import error
    from auditforms.actions.tracker_read import read_tracker
    from auditforms.cli.actions_files import open_by_another_program
    from auditforms.extract.package import MAX_FILE_BYTES
    from auditforms.source.files import Unreadable, read_capped

    entries: list[Any] = []
    problems: list[Any] = []
    digests: dict[Path, str] = {}
    for path in trackers:
        lock = open_by_another_program(path)
        if lock:
            problems.append(error("AF955", f"the workbook is open in another program ({lock}); save and close "
                                  "it, then run again", str(path)))
            continue
        try:
            data = read_capped(path, MAX_FILE_BYTES)
        except Unreadable as problem:
            problems.append(error("AF955", problem.message, str(path)))
            continue
        read = read_tracker(data, str(path), definition)
        entries += read.entries
        problems += read.problems
        digests[path] = hashlib.sha256(data).hexdigest()
    return entries, problems, digests


def run_remind(run: Any, output: Path, people_file: Path | None, sender: str) -> bool:
    from auditforms.actions.codes import error, warning
    from auditforms.actions.people import read_people
    from auditforms.actions.reminders import reminders
    from auditforms.actions.report import file_stem
    from auditforms.cli.actions_files import unique_name, write_folder

    people: dict[str, str] = {}
    problems: list[Any] = []
    if people_file is not None:
        from auditforms.source.files import Unreadable, read_capped
        from auditforms.source.reading import DEFAULT_LIMITS

        try:
            people, problems = read_people(read_capped(people_file, DEFAULT_LIMITS.max_bytes), str(people_file))
        except Unreadable as problem:
            problems.append(error("AF801", problem.message, str(people_file)))
    if run.teams is None:
        problems.append(warning("AF962", "no --teams file: reminders cannot be copied to managers",
                                str(output)))
    made = reminders(run.report, people, sender)
    files: dict[str, bytes] = {}
    several = Counter(r.person for r in made)
    for reminder in made:  # one per person, or per person and team manager: tariq-aziz-iris-lund.eml
        name = f"{reminder.person} {reminder.manager}" if several[reminder.person] > 1 else reminder.person
        files[unique_name(file_stem(name), files, ".eml")] = bytes(reminder.message)
    to_managers = sum(r.to_manager_only and not r.unaddressed for r in made)
    if to_managers:
        problems.append(warning("AF962", f"{to_managers} of {count(len(made), 'reminder')} are for people with no "
                                "e-mail address (give --people, a CSV of name and e-mail); they are addressed to "
                                "the team manager", str(output)))
    nobody = sum(r.unaddressed for r in made)
    if nobody:
        verb = "has" if nobody == 1 else "have"
        problems.append(warning("AF962", f"{count(nobody, 'reminder')} of {len(made)} {verb} no address at all: "
                                "neither the person (--people) nor their team manager (--teams) has an e-mail "
                                "address; fill in To before sending", str(output)))
    run.report_problems(problems)
    write_folder(output, files, run.force)
    click.echo(f"wrote {count(len(files), 'reminder')} into {output}; nothing was sent",
               err=True)
    return any(p.is_error for p in problems)
