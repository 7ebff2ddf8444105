"""The seed tools' own wording, kept here so the tests can hold the shipped definitions to it.

Every string is copied from the two seed documents (Torbay's audit information, Appendix 1 and
2; the multi-agency children-in-care tool), with runs of whitespace collapsed to one space and
bullet characters dropped. Nothing is corrected: the seeds' spelling, punctuation and odd spacing
("ways , in", "COVID ?") are kept, because auditors recognise the form they know.

The lists are data for ``test_defs_shipped.py``; they are deliberately not derived from the
definitions, so a change to a definition's wording fails a test instead of passing silently.
"""

from __future__ import annotations

import re


def normalise(text: str) -> str:
    """Collapse whitespace (including no-break spaces), as the comparisons do."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


# ---------------------------------------------------------------------------------------------
# Torbay full audit tool (Appendix 1)
# ---------------------------------------------------------------------------------------------

#: Each judged field's text, in the seed's order, split into: title, prompt (when there is one),
#: then each consideration (a bullet list's entries one by one, each COVID paragraph whole).
TORBAY_FIELDS: dict[str, list[str]] = {
    "q1": [
        "Risk is identified, responded to and reduced in a timely way.",
        "Where relevant, include evaluation of identification and response to children who "
        "experience and/or are at risk of:",
        "neglect",
        "emotional abuse",
        "sexual abuse",
        "physical abuse",
        "domestic abuse",
        "gang affiliation",
        "sexual exploitation",
        "criminal exploitation",
        "Consider if the COVID pandemic has contributed to an escalation of risk and / or has any "
        "bearing on the current concerns and the impact of this on the child.",
    ],
    "q2": [
        "Children, young people and families are appropriately involved",
        "Is there evidence of impact of the involvement of children and their families in "
        "assessment, planning and intervention? Are the views of significant males effectively "
        "gathered? Are children seen, and seen alone, and do they benefit from stable and "
        "effective relationships? Do children and parents/carers have an equal voice? Does it "
        "evidence individual work undertaken, including appropriate direct work? Is this linked "
        "to the plan and the reduction of risk? What is the impact of this for children and their "
        "families?",
        "Consider how / if the COVID pandemic impacted on the way that the children and families "
        "are communicated with / involved and the impact of this. Did this impact on the frequency "
        "of visits?",
    ],
    "q3": [
        "Decision making is effective and timely.",
        "Is there evidence of effective and timely management oversight and direction for "
        "children, and clearly recorded rationale for decisions being made? Is the recording "
        "about the child and family clear, comprehensive and reflective of work undertaken and "
        "focused on the experience and progress of children and young people?",
    ],
    "q4": [
        "Assessments are timely, comprehensive, and analytical and of high quality - and lead to "
        "appropriately focused help.",
        "Do they incorporate historical factors, informed by up to date child’s chronology? Do "
        "they identify risk, needs and protective factors, including parental capacity?",
        "Has the COVID pandemic hindered or prevented the family receiving the right help from the "
        "right people at the right time, what is the impact of this. Does the child have an "
        "updated COVID risk assessment in place.",
    ],
    "q5": [
        "Coordination between agencies is effective.",
        "Is joint working, information sharing improving and sustaining the experience and "
        "progress of children and young people.",
        "Has coordination been effective during COVID, have the right agencies still been "
        "available for meetings and offering support to families",
    ],
    "q6": [
        "Consideration of the child’s identity (how they see themselves) which includes "
        "exploration of the impact of diversity for example, age, disability, ethnicity, faith or "
        "belief, gender, identity, language, race and sexual orientation.",
    ],
    "q7": [
        "Quality of plans.",
        "Are they: up to date and updated, timely, comprehensive, specific with measurable "
        "outcomes and dynamic? Are they implemented? Consider length of plan or any themes? Do "
        "they show quality of management oversight? Are they influenced by views of children and "
        "parents/carers and diversity issues?",
        "Do plans demonstrate any adjustments that are needed due to COVID. Has the effectiveness "
        "of planning for this child has been impacted by the Covid pandemic",
    ],
    "q8": [
        "Permanency is achieved without delay and reflects assessed needs.",
        "Are plans for permanency, including living at or returning to live at home with parents, "
        "long term foster care, adoption, in the best interests of children and young people, and "
        "achieved without delay? Evaluate the quality of preparation for where the child is "
        "living.",
        "Has there been any impact on achieving permanency due to COVID",
    ],
    "q9": [
        "Children and young people participate in and benefit from effective regular reviews",
        "Are reviews scrutinised and challenged robustly to ensure that they support children in "
        "making good progress. What is the influence and impact of Independent Reviewing "
        "Officer/Child Protection?",
        "How are reviews held? Is there any impact due to COVID ? how are IRO / conference chairs "
        "communicating with children",
    ],
    "q10": [
        "Quality of living arrangements",
        "(at home or looked after) – Are children appropriately placed according to their assessed "
        "needs? Evaluate the effectiveness of the following: matching, stability and maintenance "
        "of contact with family/friends support for placements (including adoption support)",
        "Has the COVID pandemic impacted on the quality of living arrangements i.e parents "
        "employment / food poverty",
    ],
    "q11": [
        "Are young people prepared for independence and are they living in high quality "
        "accommodation that meets their needs.",
        "Is it safe, permanent and affordable (children at home or looked after)?",
        "Has the child’s journey to independence been affected by COVID",
    ],
    "q12": [
        "How has the help provided improved outcomes?",
        "Are children supported to achieve their full potential? Evaluate impact (including "
        "education, physical health, and their emotional well-being). Do children have developed "
        "networks within their community and are they safe?",
    ],
}

#: The questions (by id) whose last consideration is a COVID paragraph.
TORBAY_COVID_FIELDS = ("q1", "q2", "q4", "q5", "q7", "q8", "q9", "q10", "q11")

#: Labels of the header, the judgement scale, the narrative boxes and field 13.
TORBAY_LABELS: list[str] = [
    "Auditor name",
    "Audit date",
    "Child’s ID number",
    "Team",
    "Audited previously?",
    "YES",
    "NO",
    "If Yes, when?",
    "Age band",
    "0",
    "1 -5",
    "6-10",
    "11-15",
    "16-21",
    "Strand",
    "Help and protection",
    "Children looked after and permanence",
    "Children with disability",
    "Adoption / Care Leavers",
    "Leadership, management and governance",
    "Local safeguarding children board",
    "Which worker did you speak to as part of the Audit? (include date seen)",
    "Quality of child’s experience",
    "Exceeds good",
    "Meets good",
    "Does not meet good",
    "Not applicable.",
    "Evidence:",
    "Impact:",
    "Agreed actions to achieve good outcomes for child (SMART actions) and service level / "
    "strategic learning and actions",
    "Agreed Action (child)",
    "Person",
    "Completion date",
    "Manager’s sign off date",
    "Service / Strategic Action/s",
    "Date Report shared with Team Manager",
]

#: Sentences of the Torbay process and hints that the definition quotes (lookback, hints, rules).
TORBAY_QUOTED: list[str] = [
    "Look back only 6 months unless there is a pressing need to look back further in order to "
    "understand the current position",
    "Except in highly unusual circumstances there should be no more than 5 recommendations for "
    "action",
    "Q 12 on the audit tool is the overall audit rating.",
    "Actions should be SMART and therefore deliverable and measurable",
    "This is the date when the action should be completed by.",
    "To sign off an action the manager adds a date here, accepts changes and saves the audit "
    "case note",
    "Name of person responsible.",
]

# ---------------------------------------------------------------------------------------------
# Ofsted statements of good (Torbay Appendix 2)
# ---------------------------------------------------------------------------------------------

#: id -> (title, intro or None, number of paragraphs, the opening words of each paragraph).
STATEMENTS: dict[str, tuple[str, str | None, list[str]]] = {
    "help-and-protection": ("Children in need of help and protection", None, [
        "Children and young people are listened to,",
        "Information-sharing between agencies and professionals",
        "Children and young people in need of help and protection are identified",
        "Thresholds20 for intervention",
        "Children and young people receive help that is proportionate to risk;",
        "Child protection enquiries are thorough and timely,",
        "Decision-making is undertaken by suitably qualified",
        "For children who need help and protection, assessments",
        "Assessments (including children in need assessments)",
        "Children in need have a plan",
        "Plans and decisions are reviewed",
        "Children and young people are protected thorough effective multi-agency arrangements.",
        "Children and young people who live in households",
        "Children and young people who are missing from home,",
        "Children and young people who are privately fostered",
        "Allegations of abuse, mistreatment or poor practice",
        "Practice is informed by feedback",
        "Children, young people and families have timely access to,",
        "Help and protection for children and young people is sensitive",
    ]),
    "looked-after-children": ("Looked after Children", None, [
        "Decisions to look after children and young people are timely",
        "There is evidence of the effective use of the Public Law Outline,",
        "Where the plan for a child or young person is to return home,",
        "Applications and assessments for care or other orders",
        "Children and young people are seen by their social worker alone",
        "Children and young people are protected or helped to keep themselves safe",
        "Any risks associated with children and young people offending,",
        "Children and young people are in good health",
        "Children and young people attend school or other educational provision",
        "Children and young people who do not attend school",
        "The local authority holds clear records",
        "Social workers, residential staff and carers",
        "Children and young people live in safe, stable and appropriate homes",
        "Care plans comprehensively address",
        "Children and young people have appropriate, carefully assessed",
        "Children and young people who live away from their ‘home’ authority",
        "The placement of children and young people into homes and families",
        "Family-finding strategies are informed",
        "The recruitment, assessment, training,",
        "Children and young people whose care and support is provided by a third party",
        "Early planning and case management",
        "Well-trained and supported social workers",
        "Children and young people are effectively prepared for,",
        "Children and young people are helped to develop secure primary attachments",
        "Plans to make permanent arrangements",
        "Case records reflect the work",
        "Children and young people are represented by a Children in Care Council",
        "Children and young people receive care that is sensitive",
    ]),
    "care-leavers": (
        "Care Leavers",
        "The experiences and progress of care leavers is likely to be judged to be good if:",
        [
            "Care leavers are safe and feel safe,",
            "Pathway planning is effective",
            "The health needs of care leavers",
            "Care leavers have access to and understand their full health history",
            "Care leavers develop the skills and confidence",
            "Care leavers succeed in their transition",
            "Care leavers have access to appropriate education and employment opportunities,",
            "Care leavers are positive about themselves.",
            "Care leavers are helped to find housing solutions",
            "Accommodation for care leavers is appropriate",
            "Care leavers are provided with information",
        ],
    ),
    "leadership-management-governance": (
        "Leadership, Management and Governance",
        "Leadership, management and governance are likely to be judged good if:",
        [
            "Local authority senior managers, leaders and elected members",
            "The local authority has detailed and relevant knowledge",
            "The joint strategic needs assessment",
            "The local authority is an active, strong and committed corporate parent",
            "The local authority, through performance management and monitoring,",
            "Management oversight of practice,",
            "The local authority knows itself well,",
            "Effective relationships with Cafcass,",
            "The local authority social care workforce",
            "Where a local authority delegates",
        ],
    ),
}

#: Whole paragraphs checked character for character (footnote digits and typos kept).
STATEMENT_PARAGRAPHS: list[str] = [
    "Children and young people in need of help and protection are identified by professionals, "
    "including those in adult services, and appropriate referrals are made to children’s social "
    "care. Social work expertise and advice is available to support other professionals in "
    "determining the best steps to take next. There is a timely and effective response to "
    "referrals,19 including out of normal office hours.",
    "Children and young people are protected thorough effective multi-agency arrangements. Case "
    "conferences, strategy meetings, core groups and multiagency risk assessment conferences "
    "(MARAC)22 are attended by key participants and are effective forums for timely "
    "information-sharing, planning and risk-based decision-making.",
    "Children and young people attend school or other educational provision and they learn. "
    "Accurate and timely assessments of their needs, as well as specialist support where it is "
    "needed, help them to make good progress in their learning and development wherever they "
    "live. They receive the same support from their carers as they would from a good parent. "
    "The attainment gap between them and their peers is narrowing. The local authority maintains "
    "accurate and up-to-date information about how looked after children are progressing at "
    "school and takes urgent and individual action when they are not achieving well. All looked "
    "after children and young people attend a good school.",
    "Care leavers are positive about themselves. Their achievements are celebrated and the local "
    "authority shows they are positive and proud of their care leavers.",
]

# ---------------------------------------------------------------------------------------------
# Multi-agency audit tool – Children in Care
# ---------------------------------------------------------------------------------------------

#: Each question's cell, by the definition's question id: the prompt, then any bullet entries.
MULTI_AGENCY_QUESTIONS: dict[str, list[str]] = {
    "assessments": [
        "For all relevant agencies: Have timely, comprehensive and recent assessments been "
        "undertaken, which have provided a good understanding of the child’s needs and any risks? "
        "Are assessments informed by the child’s wishes and feelings? Are they informed by the "
        "views of all relevant family members? Do they involve all relevant agencies? Is there a "
        "Key Incident List, which covers all the salient history in the child’s record.",
    ],
    "decision-to-come-into-care": [
        "For all relevant agencies: Was the decision for the child to come into care appropriate, "
        "made at the appropriate time and based on a shared view across all agencies working with "
        "the child/family? Should more have been done to support the child within their family? "
        "Was the most appropriate route into care followed in this case? If the child was an "
        "unaccompanied asylum-seeker, was an age assessment carried out in a fair way and with due "
        "regard to safeguarding both this young person and other children?",
    ],
    "managerial-involvement": [
        "For all relevant agencies: Is there evidence of appropriate managerial involvement in "
        "decision-making about the child? (at entry to care and subsequently). Is there clarity "
        "about how decisions are made?",
    ],
    "plans-based-on-assessments": [
        "For all relevant agencies: Are plans based on thorough assessments?",
    ],
    "uasc-planning": [
        "For all relevant agencies: If children are unaccompanied asylum-seekers: Have there been "
        "active steps taken to resolve asylum status? Has there been dual planning where relevant? "
        "Has action been taken to locate family members?",
    ],
    "plans-implemented": [
        "For all relevant agencies: Are plans implemented in a timely way, monitored, evaluated "
        "and appropriately amended? Is there any evidence of drift or other poor practice? If so, "
        "has this been raised and resolved through informal or formal procedures?",
    ],
    "child-seen": [
        "For all relevant agencies: Has the child been seen regularly and contacted in other ways "
        ", in accordance with the plan? Has the practitioner been a consistent figure?",
    ],
    "services-called-upon": [
        "For all relevant agencies: Are appropriate services/resources called upon, to meet the "
        "child or family needs? Are they having an impact?",
    ],
    "iro-oversight": [
        "For all relevant agencies: Is the Independent Reviewing Officer (IRO) fulfilling their "
        "duty to have independent oversight and scrutiny of the child’s case and ensure that "
        "planning is based on the child’s needs, takes account of their views and is delivered "
        "appropriately? Have issues of drift or poor planning been escalated if they could not be "
        "resolved?",
    ],
    "permanence-planning": [
        "Children’s social care and all relevant agencies: Is there effective planning towards "
        "permanence, including return home (if viable)?",
    ],
    "holistic-plan": [
        "For all relevant agencies: Is the plan and review of the plan meeting the child’s needs "
        "in a holistic way, addressing all ECM outcomes and assisting the child to reach their "
        "potential?",
    ],
    "life-story-work": [
        "Children’s social care and all relevant agencies: Has life story work been undertaken if "
        "appropriate?",
    ],
    "placement-changes": [
        "For all relevant agencies: Have there been changes of placement? Could or should these "
        "have been avoided?",
    ],
    "health-assessments": [
        "Assessment Health and Children’s Social Care Are health assessments made by an "
        "appropriately skilled person, in a timely way, at regular intervals and do they cover all "
        "relevant issues – routine health needs, specialist needs, targeted health promotion - "
        "sexual health, drugs & alcohol etc. and emotional well-being? Are the assessments meeting "
        "this child’s needs?",
    ],
    "health-plan": [
        "Plan All relevant agencies: Is a Personal Health Plan in place? Are appropriate "
        "services/resources called upon, to meet this child’s needs? Are they having an impact?",
    ],
    "health-information-sharing": [
        "For all relevant agencies: Is there good information-sharing between agencies to ensure "
        "this child’s health needs are met?",
    ],
    "health-access": [
        "Implementation For all relevant agencies: Does the child receive timely access to health "
        "services, when required? (including where the child is placed outside the placing "
        "authority)",
    ],
    "health-agency-role": [
        "Each agency completing audit:",
        "Is the agency fulfilling its statutory responsibilities/carrying out its role in "
        "accordance with good practice in relation to this child and family? (Give examples)",
        "Are there other roles/tasks that the agency should have carried out in relation to this "
        "child and family?",
    ],
    "health-review": [
        "All relevant agencies: Review – quality of monitoring and evaluation of plans to meet "
        "child’s health needs? Is progress in meeting this child’s health needs demonstrated?",
    ],
    "health-partnership": [
        "All relevant agencies: Quality of partnership working - are all agencies effectively "
        "engaged and held to account in meeting this child’s health needs?",
    ],
    "safety-decision-for-care": [
        "All relevant agencies: Assessment – was the decision for the child to be in care based on "
        "a clear assessment of the nature and level of risk?",
    ],
    "safety-risks-assessed": [
        "All relevant agencies: Are risks to the child, from any source, continuously assessed and "
        "evaluated? To include:",
        "Risks within placement (especially when out of area)",
        "Risks from their family",
        "Lifestyle risks (drugs and alcohol, offending, sexual exploitation, etc.)",
        "Risk of child going missing, etc.",
        "Risks to asylum-seeking children from traffickers etc.",
    ],
    "safety-care-plan": [
        "All relevant agencies: Plan: - Does the child have an effective, child-centred and "
        "up-to-date care plan?",
    ],
    "safety-placements-services": [
        "All relevant agencies: Are appropriate placements/services/resources called upon, to meet "
        "the child’s needs? Are they effectively safeguarding the child?",
    ],
    "safety-implementation": [
        "Implementation – All relevant agencies:",
        "Are timely and effective interventions made which have safeguarded the child?",
        "Does the child’s placement provide stability, high-quality care and support?",
        "Is appropriate action taken to avoid placement breakdown?",
    ],
    "safety-social-worker": [
        "Children’s social care: Does the child have an allocated, qualified social worker, who "
        "actively coordinates a care plan, visits regularly and sees the child alone?",
    ],
    "safety-agency-role": [
        "Each agency completing audit:",
        "Is the agency fulfilling its statutory responsibilities/carrying out its role in "
        "accordance with good practice to safeguard this child? (Give examples)",
        "Are there other roles/tasks that the agency should have carried out in relation to this "
        "child and family?",
    ],
    "safety-review": [
        "For all relevant agencies: Review – quality of monitoring and evaluation of plan to meet "
        "the child’s safeguarding needs? Is progress evidenced?",
    ],
    "safety-partnership": [
        "For all relevant agencies: Quality of partnership working – are all agencies effectively "
        "engaged and held to account in meeting the child’s safeguarding needs?",
    ],
    "pep": [
        "All relevant agencies: Assessment and Plan – is an effective and up-to-date personal "
        "education plan (PEP) in place, which has fully involved the child, and which identifies "
        "the support the child needs?",
    ],
    "school-attendance": [
        "All relevant agencies: Implementation – Is the child able to attend a good school and "
        "supported to attend regularly? Has the PEP assisted the child to make progress in "
        "education?",
    ],
    "education-support": [
        "All relevant agencies: Is support for the child provided effectively – including for "
        "children placed outside the area?",
    ],
    "leisure": [
        "All relevant agencies: Is the child able to participate in leisure activities of their "
        "choice?",
    ],
    "education-review": [
        "All relevant agencies: Review – is the plan regularly monitored and reviewed and is the "
        "child making good progress?",
    ],
    "education-partnership": [
        "All relevant agencies: Quality of partnership working – is it based on high aspirations, "
        "with effective contributions from each partner? Are all agencies held to account in "
        "meeting the child’s needs in relation to enjoying and achieving?",
    ],
    "strategic-consultation": [
        "All relevant agencies: Has the child been involved in formal consultation about strategic "
        "planning or provision? Have the child’s views been sought to inform quality assurance, "
        "training and evaluation?",
    ],
    "children-in-care-council": [
        "All relevant agencies: Is the child involved in the Children in Care Council or similar? "
        "Has the child been supported to speak out on issues that matter to them?",
    ],
    "own-decisions": [
        "All relevant agencies: Has the child been effectively involved in making decisions about "
        "their own lives? Have they had access to advocacy services if needed?",
    ],
    "offending-support": [
        "All relevant agencies: Has the child received appropriate support, if needed, to prevent "
        "offending or re-offending?",
    ],
    "contribution-partnership": [
        "All relevant agencies: Quality of partnership working to enable the child to make a "
        "positive contribution? Are agencies engaged and held to account, including in the area of "
        "offending?",
    ],
    "post-16-education": [
        "All relevant agencies: Has the young person received good support to enable them to "
        "continue in education or training post 16?",
    ],
    "aspirations": [
        "All relevant agencies: Has the young person been encouraged to have high aspirations?",
    ],
    "pathway-plan": [
        "All relevant agencies: Is an effective and timely pathway plan or transition plan in "
        "place to support their transition to adulthood? Has the young person been fully involved "
        "in developing this plan? Have they been well prepared for adult life?",
    ],
    "transition-partnership": [
        "All relevant agencies: Quality of partnership working in supporting a young person to "
        "make a successful transition to adulthood? Are agencies engaged and held to account?",
    ],
    "other-agency-supervision": [
        "Agencies other than children’s social care: Is the front-line worker appropriately "
        "supported and directed within their own management structure (through supervision, "
        "presence at key meetings, management decisions, consultation or decisions by senior "
        "managers etc.)",
    ],
    "social-work-supervision": [
        "Children’s Social Care: Is the social worker appropriately supported and directed through",
        "Regular supervision discussions with decisions recorded",
        "Quality of supervision in implementing plan and improving outcomes for child",
        "Effective and continuous analysis of risk within supervision",
        "Supervisor present at key meetings etc.",
        "Consultation with senior managers and other experts and advice/decisions recorded",
    ],
    "records-complete": [
        "All relevant agencies: Are the records kept for this child complete, up to date, show "
        "sound assessment and decision-making, effective planning and good practice in "
        "implementing plans?",
    ],
    "records-fit-for-purpose": [
        "All relevant agencies: Are records fit for purpose and meet requirements?",
    ],
    "file-audit": [
        "All relevant agencies: Is there evidence of file audit or other quality assurance "
        "measures?",
    ],
}

#: Sections 2–10: section id -> (title, comments label, "Evidenced by" label, overall title,
#: overall narrative label or None where the seed has only "Grade:").
MULTI_AGENCY_SECTIONS: dict[str, tuple[str, str, str, str, str | None]] = {
    "assessment-decision-making": (
        "Assessment and Decision-Making",
        "Auditor comments",
        "Evidenced by: (type of assessment/other documentation; date etc.)",
        "Overall judgement of Assessment and Decision-making?",
        "Impact on child (What has changed/ improved and is this sustainable):",
    ),
    "planning-review": (
        "Planning and Review",
        "Auditor Comments",
        "Evidenced by: Type and date of most recent plan or review; other evidence",
        "Overall judgement of Planning and Review?",
        "Impact on child (What has changed/ improved and is this sustainable):",
    ),
    "health": (
        "Being Healthy",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "All relevant agencies: Overall impact of work to improve health outcomes for this "
        "particular child?",
        "Evidence/Examples of impact on child’s health (What has changed/ improved and is this "
        "sustainable):",
    ),
    "safety": (
        "Staying Safe",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "Overall impact of work to improve safeguarding outcomes for this particular child?",
        "Evidence/examples of impact on safeguarding child (What has changed/ improved and is this "
        "sustainable):",
    ),
    "enjoying-achieving": (
        "Enjoy and Achieve",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "All relevant agencies: Overall impact of work to improve educational and leisure outcomes "
        "for this particular child (progress made from the child’s start point)",
        "Evidence/examples of how the child has been able to enjoy and achieve (What has changed/ "
        "improved and is this sustainable):",
    ),
    "contribution": (
        "Making a Positive Contribution",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "Overall impact of work to enable this particular child to make a positive contribution?",
        "Evidence/examples of how this child has been enabled to make a positive contribution "
        "(What has changed/ improved and is this sustainable):",
    ),
    "economic-well-being": (
        "Economic Well-Being",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "Overall impact of work to support a young person to make a successful transition to "
        "adulthood (from the young person’s start point)",
        "Evidence/examples of how this young person has been encouraged to achieve economic "
        "well-being and make a successful transition to adulthood (What has changed/ improved and "
        "is this sustainable):",
    ),
    "management-supervision": (
        "Management and supervision",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "Overall judgement of management and supervision?",
        None,
    ),
    "recording": (
        "Recording",
        "Auditor comments",
        "Evidenced by: name and date of documentation, other evidence",
        "Overall judgement on recording?",
        None,
    ),
}

#: Every other label of the multi-agency tool: marking, key questions, ECM table, case details,
#: the grade scale and the final judgement.
MULTI_AGENCY_LABELS: list[str] = [
    "RESTRICTED WHEN COMPLETED",
    "Failure to comply with the restriction is in breach of data protection and confidentiality.",
    "Multi-agency audit tool – Children in Care",
    "Key questions to be answered at the end of the audit:",
    "Is the child currently safe, and have all actions been taken by agencies to make the child "
    "safe?",
    "When was the case last reviewed?",
    "All agencies: What impact has the work undertaken had on improving outcomes for this child?",
    "Evidence of Impact (What has changed/ improved and is this sustainable):",
    "Grade",
    "Being Healthy",
    "Staying Safe",
    "Enjoying and Achieving",
    "Making a Positive Contribution",
    "Achieving Economic Well-Being",
    "Case details",
    "To be completed centrally prior to distribution to agency auditors",
    "Initials of subject child",
    "Gender",
    "Age",
    "Case identifier number",
    "Ethnicity",
    "Family members –initials and relationships, ages of children",
    "Date care episode commenced",
    "Legal status",
    "Placement type and area",
    "Reason for child being in care",
    "Name of practitioner",
    "To be completed by agency auditor",
    "Agency/School/Team",
    "Grade:",
    "1= Outstanding",
    "2= Good",
    "3= Adequate",
    "4 = Inadequate",
    "Overall judgement on quality of work",
    "Auditor recommendations on how work on this case can be improved:",
    "Any additional auditor feedback:",
    "Name, job title and agency/school/team of auditor",
    "Date of audit",
    "Decision to be made about the start-point for the audit, e.g. 18 months back from point of "
    "audit, or start of care proceedings/care episode, whichever is more recent.",
]

#: The multi-agency tool's questions about unaccompanied asylum-seeking children, which the
#: Torbay UASC customisation asks as questions of their own.
UASC_QUESTIONS: list[str] = [
    "If the child was an unaccompanied asylum-seeker, was an age assessment carried out in a fair "
    "way and with due regard to safeguarding both this young person and other children?",
    "Have there been active steps taken to resolve asylum status?",
    "Has there been dual planning where relevant?",
    "Has action been taken to locate family members?",
    "Risks to asylum-seeking children from traffickers etc.",
]
