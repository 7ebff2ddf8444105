"""Realistic fictional audits written as the hints ask, for the moderator's advice to stay
quiet on. Every name, id and event is invented."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from auditforms.api import load_definition
from auditforms.diagnostics import Diagnostic
from auditforms.results.check import check_document, make_context

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "definitions"
NOVEMBER = make_context(today=dt.date(2026, 11, 30), period="2026-11")


def tool(name: str) -> Any:
    return load_definition(DEFINITIONS / f"{name}.yaml")


def messages(definition: Any, document: dict[str, Any], context: Any = NOVEMBER) -> list[str]:
    return [_line(d) for d in check_document(definition, document, context=context)]


def _line(d: Diagnostic) -> str:
    return f"{d.severity}[{d.code}] {d.message} ({d.pointer})"


def envelope(tool_id: str, version: str, answers: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": tool_id, "version": version}, "audit_id": "2026-11-0001",
            "status": "submitted", "answers": answers, **more}


def docs_example() -> dict[str, Any]:
    """The moderated example in docs/completed-audit-format.md (Sam, 6-10)."""
    text = (ROOT / "docs" / "completed-audit-format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text.split("## A complete example", 1)[1], re.S)
    assert block is not None
    return json.loads(block.group(1))


def finalised(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` finalised as the lifecycle has it: every moderator's comment addressed."""
    moderation = document.get("moderation") or {}
    moderation["responses"] = {part: {"addressed": True, "reply": None} for part in moderation.get("comments", {})}
    document["status"] = "final"
    return document


def _fields(judged: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {f"q{n}": {"judgement": "not-applicable"} for n in range(1, 13)}
    for qid, (grade, evidence, impact) in judged.items():
        out[qid] = {"judgement": grade, "evidence": evidence, "impact": impact}
    return out


def ellie() -> dict[str, Any]:
    """A looked-after teenager, mostly good, one field exceeding good."""
    answers = {
        "auditor-name": "D. Auditor", "audit-date": "2026-11-17", "child-id": "C0788",
        "team": "Fictional Children in Care Team", "audited-previously": "no", "age-band": "11-15",
        "strand": ["looked-after-and-permanence"],
        "worker-seen": "Allocated social worker and the IRO, seen 2026-11-16.",
        **_fields({
            "q1": ("meets-good",
                   "Missing episodes in the summer were identified quickly and a return home interview "
                   "was held each time. The risk assessment was updated, although the link with older "
                   "peers was recognised a few weeks late.",
                   "Ellie has not gone missing since August, and she says she knows who to call if she "
                   "feels unsafe, so the risk to her has reduced."),
            "q2": ("exceeds-good",
                   "Ellie's views are written in her own words in every review and she chaired part of "
                   "her last meeting. Direct work on her history has been creative and consistent, led by "
                   "a worker she trusts.",
                   "Ellie now understands why she came into care and talks about her family with less "
                   "anger; she feels listened to and it shows in her plan."),
            "q4": ("meets-good",
                   "The assessment is up to date and draws on a current chronology. It analyses the impact "
                   "of her early experiences well; the carers' capacity to meet her emotional needs is "
                   "described but less analysed.",
                   "Her carers have had training in therapeutic parenting, so Ellie's outbursts at home "
                   "have become shorter and less frequent."),
            "q7": ("meets-good",
                   "The care plan is specific and reviewed at each statutory review. Outcomes are "
                   "measurable and updated when circumstances change, although the education targets "
                   "were not revised after her move of school.",
                   "Ellie knows what her plan says about contact and school, which gives her a sense of "
                   "control she told the auditor she values."),
            "q9": ("meets-good",
                   "Reviews are held on time and the IRO has challenged drift on the life story work. The "
                   "IRO's footprint is visible between reviews, with two recorded midway checks in the "
                   "period.",
                   "Because of that challenge Ellie's life story book was finished, and she has shared it "
                   "with her grandmother."),
            "q10": ("meets-good",
                    "Ellie has lived with the same foster carers for two years and the placement is "
                    "supported by the fostering team. Matching considered her cultural needs, although "
                    "support for her faith was arranged late.",
                    "Ellie describes her carers as family and her school attendance has been above 95% "
                    "since she settled with them."),
            "q12": ("meets-good",
                    "Help has been timely and well coordinated, and Ellie's voice drives her plan. Risks "
                    "outside the home were reduced; the emotional support she needs from her carers is "
                    "growing but not yet consistent.",
                    "Ellie is safer, more settled and more hopeful than six months ago; she talks about "
                    "college and a future she wants."),
        }),
        "actions": [
            {"action": "Revise Ellie's education targets with the virtual school after her change of school.",
             "person": "Social worker", "completion-date": "2026-12-18"},
            {"action": "Arrange regular support for Ellie to attend her place of worship.",
             "person": "Supervising social worker", "completion-date": "2027-01-15",
             "sign-off-date": "2026-11-30"},
        ],
        "date-shared": "2026-11-19",
    }
    return envelope("torbay-full-audit", "3.0.0", answers)


def riley() -> dict[str, Any]:
    """A baby on a child protection plan: two fields and the overall rating below good."""
    answers = {
        "auditor-name": "E. Auditor", "audit-date": "2026-11-20", "child-id": "C0903",
        "team": "Fictional Safeguarding Team", "audited-previously": "yes",
        "audited-previously-when": "2025-12-01", "age-band": "0",
        "strand": ["help-and-protection"],
        "worker-seen": "Allocated social worker and team manager, seen 2026-11-18.",
        **_fields({
            "q1": ("does-not-meet-good",
                   "Bruising was reported by the health visitor in September and a strategy discussion "
                   "was held the same day, which is positive. However, the safety plan relied on a "
                   "grandparent who was not assessed and was never checked.",
                   "For Riley this means that for several weeks he was cared for under a plan nobody had "
                   "tested, leaving a baby who cannot speak for himself at risk of further harm."),
            "q2": ("meets-good",
                   "Riley is seen at every visit and observations of his care are recorded in detail. "
                   "Mother has been involved in planning; father's views have not been sought, although "
                   "he has regular contact.",
                   "Observations of how Riley responds to each parent shape the plan, so the help offered "
                   "fits the baby's day rather than the adults' routines."),
            "q3": ("does-not-meet-good",
                   "Management oversight is recorded monthly, but the decision not to convene an initial "
                   "conference sooner is not explained. The rationale for leaving the grandparent "
                   "unassessed is missing from the record.",
                   "Riley waited longer than he should have for the protection of a plan, and the "
                   "consequence is that his safety depended on luck rather than decisions."),
            "q4": ("meets-good",
                   "The single assessment was completed within timescales and weighs mother's own history "
                   "of care. It identifies risks and protective factors clearly, though it says little "
                   "about father.",
                   "The assessment led to a parenting programme that mother attends, and Riley's weight "
                   "is now rising steadily along his centile."),
            "q12": ("does-not-meet-good",
                    "Risk was identified promptly, but the response depended on an unassessed safety plan "
                    "and decisions were not recorded. Recent work is much improved and the assessment is "
                    "good, which should be recognised.",
                    "Riley is safer now than in September, but for weeks he was not, and the improvement "
                    "in his care is too recent to be sure it will last."),
        }),
        "actions": [
            {"action": "Complete a viability assessment of Riley's grandmother before she is named in any plan.",
             "person": "Social worker", "completion-date": "2026-12-11"},
            {"action": "Record the rationale for every decision on the timing of conferences.",
             "person": "Team manager", "completion-date": "2026-12-04"},
            {"action": "Seek father's views and include him in the child protection plan.",
             "person": "Social worker", "completion-date": "2026-12-18"},
        ],
        "date-shared": "2026-11-23",
    }
    return envelope("torbay-full-audit", "3.0.0", answers)


MULTI_AGENCY_IMPACT = {
    "assessment-decision-making": "JT came into care at the right time; she says she feels safe and her "
                                  "nightmares have eased since she moved.",
    "planning-review": "JT's plan is reviewed on time and she attends her reviews, so her wishes about "
                       "contact with her brother are now met.",
    "health": "Her health assessments are up to date and JT's asthma is well controlled, so she no longer "
              "misses school for it.",
    "safety": "JT has not gone missing this year and her carers know the signs that worry her.",
    "enjoying-achieving": "JT has moved up a reading level and joined the school choir, which she enjoys.",
    "contribution": "She helped design the children in care council's leaflet and was proud to see it used.",
    "economic-well-being": "Not yet relevant to her age, though JT talks about wanting to be a vet.",
}


def multi_agency() -> dict[str, Any]:
    answers: dict[str, Any] = {
        "child-safe": "Yes; every agency has taken the actions agreed in the care plan.",
        "last-reviewed": "2026-10-20", "child-initials": "JT", "case-id": "MA-0042",
        "care-episode-start": "2025-06-01",
        "ecm": {"being-healthy": {"evidence": "Asthma is well controlled.", "grade": "good"}},
        "overall-judgement": "good",
        "recommendations": "Share the health plan with school so that staff know her triggers.",
        "auditor": "F. Auditor, Health Visitor, Fictional Trust", "audit-date": "2026-11-12",
        "management-supervision": {"judgement": "good"}, "recording": {"judgement": "good"},
    }
    for section, impact in MULTI_AGENCY_IMPACT.items():
        answers[section] = {"judgement": "good", "impact": impact}
    return envelope("multi-agency-children-in-care", "1.0.0", answers)


def torbay_audits() -> dict[str, dict[str, Any]]:
    return {"sam": docs_example(), "ellie": ellie(), "riley": riley()}


def changed(document: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(document)
