"""The words of the example month's audits (make_example_month.py): FICTIONAL throughout.

Evidence follows Torbay's hints ("findings of fact related to the judgement field; an auditor
overview demonstrating professional analysis; auditor judgement"); impact brings the child to
life, says what the judgement means for them and what follows from it. ``{c}`` is the child's
initials from the case list, ``{home}`` where the child lives. No real child, worker or case.
"""

from __future__ import annotations

#: question -> level -> the findings of fact (the first sentences of the evidence).
EVIDENCE = {
    "q1": {
        "exceeds": "Risks to {c} were identified at the first home visit and a written safety plan was agreed "
                   "within two days. Each risk named at the strategy discussion has a matching action, and all "
                   "were reviewed at every core group.",
        "meets": "The risks to {c} are set out in the assessment and responded to in the plan. Most were "
                 "reviewed at each visit; the risk from an adult visiting the home was noted but took three "
                 "weeks to be checked.",
        "dnm": "Police notifications about arguments {home} were received twice in the period but were not "
               "linked to {c} in the record for a month. No updated safety plan followed either notification.",
    },
    "q2": {
        "exceeds": "{c} was seen alone at every visit and their wishes are written in their own words. Both "
                   "parents were involved in writing the plan, and an advocate was offered and used.",
        "meets": "{c} was seen regularly and their views are recorded at most visits. Mother contributed to "
                 "the plan; father's views were sought once, and the record says why not more often.",
        "dnm": "{c} was last seen alone nine weeks before the audit and their views are not recorded since "
               "the assessment. The plan was written without the family being present.",
    },
    "q3": {
        "exceeds": "Decisions are recorded with clear reasons and made promptly, including the decision to "
                   "convene a strategy discussion on the day concerns were raised. Supervision notes show "
                   "the manager testing the plan.",
        "meets": "Key decisions are recorded with a rationale and management oversight is monthly. One "
                 "decision to delay a review was agreed in supervision, with the reason noted.",
        "dnm": "The decision to step the case down was delayed for six weeks with no recorded reason. "
               "Supervision in the period does not mention {c}, so drift was not challenged.",
    },
    "q4": {
        "exceeds": "The assessment was completed in 25 working days and analyses, rather than describes, the "
                   "parents' capacity to meet {c}'s needs. It draws on a full chronology and on the school's view.",
        "meets": "The assessment was completed within timescales and covers {c}'s needs, the parents' "
                 "capacity and the wider family. The analysis of father's history is brief.",
        "dnm": "The assessment is out of date: it predates the move {home} and does not consider the new "
               "household. It describes events but does not analyse what they mean for {c}.",
    },
    "q5": {
        "exceeds": "School, health and the family support worker attend every meeting and share information "
                   "before it is due. Minutes show each agency's actions followed up by name and date.",
        "meets": "School and health attended the core groups and shared information when asked. The GP "
                 "sent a report but did not attend; the record shows that this was followed up.",
        "dnm": "Agencies met only once in the period and the school's concerns about {c}'s attendance were "
               "not shared with health. There is no record of who was to follow up the missed appointments.",
    },
    "q6": {
        "exceeds": "{c}'s identity is considered throughout: their heritage, faith and first language are "
                   "recorded and shape the plan. The worker arranged an interpreter for grandmother at every meeting.",
        "meets": "The assessment records {c}'s ethnicity, faith and first language, and the plan says how "
                 "contact with the wider family supports their sense of who they are.",
        "dnm": "Identity is recorded only as ethnicity on the front sheet. Nothing in the assessment or "
               "plan considers how {c} sees themselves or what matters to them.",
    },
    "q7": {
        "exceeds": "The plan is SMART, written in plain words that {c} helped choose, and reviewed at each "
                   "core group with progress scored. The contingency plan is clear and was used once.",
        "meets": "The plan has specific outcomes and named people for each action, and was updated after "
                 "the last review. Two actions have no completion date.",
        "dnm": "The plan has not been updated since the review four months ago. Actions are vague, such "
               "as 'mother to engage', with no dates or measures of progress.",
    },
    "q8": {
        "exceeds": "The permanence plan for {c} was agreed at the second review and the application was made "
                   "without delay. Later life letters and life story work are under way.",
        "meets": "A permanence plan is in place and was agreed at the second review. Life story work has "
                 "started, although the first session was delayed by a change of worker.",
        "dnm": "There is no permanence plan for {c} at the second review, and the record does not explain "
               "the delay. Life story work has not started.",
    },
    "q9": {
        "exceeds": "Reviews were held on time and chaired independently; {c} chaired part of their own "
                   "review. The chair's challenge about school places was followed up within a week.",
        "meets": "Reviews were held on time and the independent chair's recommendations are recorded. "
                 "{c}'s views were shared through a consultation form.",
        "dnm": "The last review was held five weeks late and {c} was not consulted beforehand. The chair's "
               "recommendations from the previous review are not followed up in the record.",
    },
    "q10": {
        "exceeds": "{c}'s living arrangements were assessed in detail and have been stable for over a year. "
                   "The carers are well supported, and contact arrangements are reviewed with {c}.",
        "meets": "Home conditions for {c} have been seen at each visit and are good enough. Support from "
                 "the wider family has been arranged, though it depends on one relative.",
        "dnm": "The record notes poor home conditions at three visits with no plan to improve them. {c} "
               "has no bed of their own and this has not been raised with the family.",
    },
    "q11": {
        "exceeds": "The pathway plan is up to date and written with {c}, covering money, health, education "
                   "and housing. {c} holds the tenancy of a supported flat and manages the bills.",
        "meets": "The pathway plan is current and {c} has a personal adviser they see monthly. Plans for "
                 "moving on from supported accommodation are outlined but not yet dated.",
        "dnm": "The pathway plan is six months out of date and does not mention {c}'s debts. The "
               "accommodation is temporary and there is no recorded plan for what follows.",
    },
    "q12": {
        "exceeds": "The help has made a lasting difference: {c}'s attendance, health and relationships have "
                   "all improved over the period and the improvements have held for several months.",
        "meets": "Overall the help is timely and focused, and it has made a measurable difference to {c}'s "
                 "daily life, although some of the gains are recent and not yet tested.",
        "dnm": "Some help has been offered, but drift in the plan and gaps in the record mean that {c}'s "
               "circumstances have not improved enough over the period.",
    },
}

#: level -> the auditor's overview and judgement (the end of the evidence); one is chosen.
OVERVIEW = {
    "exceeds": (
        "This is consistently strong practice, well evidenced and reflective; it exceeds good.",
        "The work is purposeful and the record shows why each step was taken. I judge this exceeds good.",
        "Practice here is of a high standard and sustained across the whole six months. Exceeds good.",
    ),
    "meets": (
        "On balance practice is good: the gaps are minor and do not leave the child at risk. Meets good.",
        "The work is sound and mostly timely, with the small gaps noted above. I judge this meets good.",
        "Taken together the evidence shows good practice with room to tighten the record. Meets good.",
    ),
    "dnm": (
        "These gaps are significant and were not picked up in supervision. This does not meet good.",
        "Recent work is better focused, and that improvement is positive, but it is too recent to show "
        "impact. Does not yet meet good.",
        "The omissions above leave the child's needs unmet for too long. I judge this does not meet good.",
    ),
}

#: question -> level -> the impact statement.
IMPACT = {
    "q1": {
        "exceeds": "{c} says they feel safe {home} now and can name who to call if they are worried, so risk is "
                   "lower and they know it.",
        "meets": "{c} is safer than six months ago and the adults around them know what to watch for, though the "
                 "delay in checking the visitor left them exposed for three weeks.",
        "dnm": "{c} went on living with arguments {home} for a month with no plan in place, which is frightening "
               "for a child and leaves them at risk of harm.",
    },
    "q2": {
        "exceeds": "{c} chose two of the activities in their plan and says their worker 'listens properly', so they "
                   "take part willingly and their voice shapes the help.",
        "meets": "{c}'s wishes are known and reflected in the plan, so they understand why the worker visits and "
                 "what the help is for.",
        "dnm": "{c} has had no chance to say what they think for two months, so the plan may not reflect what "
               "matters to them and they may lose trust in the help.",
    },
    "q3": {
        "exceeds": "Quick decisions meant {c} got help within days of asking, and the family says they trust the "
                   "team to act when things change.",
        "meets": "Decisions for {c} are made in good time, so the help arrives when the family needs it and "
                 "there has been no drift in the plan.",
        "dnm": "{c} and their family waited six weeks for support they had asked for, which left them struggling "
               "for longer than they should have.",
    },
    "q4": {
        "exceeds": "Because the assessment understood {c}'s evenings at home, the help targeted bedtimes and "
                   "{c} now arrives at school rested and ready to learn.",
        "meets": "The assessment gives a fair picture of {c}'s needs, so the help is aimed at the right things "
                 "for them and their family.",
        "dnm": "Without a current assessment, help for {c} is based on a household that no longer exists, so "
               "new risks and needs may be missed.",
    },
    "q5": {
        "exceeds": "Every professional in {c}'s life knows the plan, so a missed dental check was picked up in "
                   "days and {c} no longer has toothache.",
        "meets": "Agencies work well together for {c}, so information reaches the right people and they do not "
                 "have to tell their story again.",
        "dnm": "Because agencies did not share information, {c}'s falling attendance went unaddressed and they "
               "are now behind at school.",
    },
    "q6": {
        "exceeds": "{c} speaks proudly about their heritage and goes to the community centre every week, which "
                   "gives them friends and a sense of belonging.",
        "meets": "{c} keeps in touch with their wider family and faith community, which helps them feel they "
                 "belong while things at home are difficult.",
        "dnm": "Nobody has asked {c} how they see themselves, so what matters most to them is missing from the "
               "help they get.",
    },
    "q7": {
        "exceeds": "{c} knows what is in their plan and can say what has changed because of it; their days are "
                   "calmer and more predictable.",
        "meets": "The plan gives {c} and their family a clear idea of what is expected, so most actions get done "
                 "and progress can be seen.",
        "dnm": "With a plan nobody is following, {c}'s situation is drifting and there is no way of knowing "
               "whether the help is working.",
    },
    "q8": {
        "exceeds": "{c} knows where they will grow up and has started to put their own photos into their life "
                   "story book, which they show visitors.",
        "meets": "{c} has a settled plan for where they will grow up, which lets them put down roots at school "
                 "and with friends.",
        "dnm": "{c} does not know where they will live in the long term, which they say makes it hard to settle "
               "or make friends.",
    },
    "q9": {
        "exceeds": "{c} felt listened to at their review and the school move they asked for happened, so they "
                   "are now at the school of their choice.",
        "meets": "Regular reviews keep {c}'s plan on track and they know their views were heard by the chair.",
        "dnm": "Late reviews meant {c}'s changing needs were not looked at in time and they had no say in the "
               "decisions made.",
    },
    "q10": {
        "exceeds": "{c} has lived with the same carers for over a year and calls it home; they sleep well and have "
                   "made friends nearby.",
        "meets": "{c} lives somewhere safe and clean enough, which means they can rest and do their homework "
                 "most evenings.",
        "dnm": "{c} is sleeping on a sofa {home}, which affects their sleep, their mood and how they manage at "
               "school.",
    },
    "q11": {
        "exceeds": "{c} is managing their own tenancy and budget, which gives them confidence and the skills to "
                   "live independently.",
        "meets": "{c} is in safe accommodation and has an adviser they trust, so they are building the skills to "
                 "move on.",
        "dnm": "{c} faces moving on with no plan and growing debts, which puts their home and their future at risk.",
    },
    "q12": {
        "exceeds": "{c} is safer, healthier and happier than six months ago, and says so; the changes have lasted "
                   "and they are looking forward.",
        "meets": "{c} is more settled than at the start of the period; school and home are steadier and they "
                 "know who is helping them.",
        "dnm": "{c}'s life has not improved enough: the same worries remain as six months ago and they are still "
               "waiting for help that works.",
    },
}

#: The moderator's comments, by the part they are on.
COMMENTS = {
    "q1": "Please add your overview: what does the three-week delay tell us about how risk to {c} is managed?",
    "q2": "Good detail on {c}'s views. Say what difference hearing them made to the plan.",
    "q3": "The evidence lists decisions; add your analysis of whether they were timely for {c}.",
    "q4": "The impact describes the assessment rather than {c}. What did it mean for them day to day?",
    "q5": "Please name which agencies and what was shared, so the finding of fact is clear.",
    "q6": "Consider {c}'s first language and faith here; the assessment has more than the evidence shows.",
    "q7": "Say which actions in the plan are not SMART and what that means for {c}.",
    "q8": "Add the date the permanence plan was agreed so the timeliness can be judged.",
    "q9": "Please evidence how {c} took part in the review, not only that it was held.",
    "q10": "Note how long {c} has lived there; stability is part of the judgement.",
    "q11": "Say when {c} is expected to move on, so the plan can be judged against it.",
    "q12-down": "The overall rating is better than the evidence supports: risk and planning both do not meet good, "
                "so the outcome for {c} cannot yet be good. Moderated to does not meet good.",
    "actions": "One action is not enough for the gaps found; add an action on the plan with a date and a named person.",
}

#: The auditor's replies when addressing each comment, by part.
REPLIES = {
    "q1": "Overview added: the delay was in checking, not in acting, and is now covered by the plan.",
    "q2": "Added how {c}'s choice of activities changed the plan.",
    "q3": "Analysis added on the timeliness of the two key decisions.",
    "q4": "Impact rewritten around {c}'s evenings and school mornings.",
    "q5": "School, health visiting and the GP named, with what each shared.",
    "q6": "Added {c}'s first language and faith, from the assessment.",
    "q7": "Named the two actions without dates and what follows for {c}.",
    "q8": "Date of agreement added.",
    "q9": "Added {c}'s consultation form and what they asked for.",
    "q10": "Added that {c} has lived there for fourteen months.",
    "q11": "Added the expected move-on date.",
    "q12": "Agreed; overall rating changed to does not meet good and an action added on the plan.",
    "actions": "Added a second action on updating the plan, with a date and the team manager named.",
}

#: What the auditor adds to the evidence when addressing the moderator's comment on a question.
ADDED = {
    "q1": "The three-week delay was in checking the visitor, not in acting on what was found; the plan now "
          "says who checks any new adult in the home and by when.",
    "q2": "Because {c} asked for swimming and a club after school, both are now in the plan.",
    "q3": "Both key decisions were made within the timescales the procedures set, so they were timely for {c}.",
    "q4": "For {c} this means help with the evening routine, which the assessment identified as the hardest time.",
    "q5": "School, the health visitor and the GP each shared their records before the core group.",
    "q6": "The assessment notes {c}'s first language and the family's faith, and the plan now reflects both.",
    "q7": "The two actions without dates are the parenting course and the housing referral.",
    "q8": "The permanence plan was agreed at the second review, on time.",
    "q9": "{c} completed a consultation form and asked for contact with their brother, which the chair agreed.",
    "q10": "{c} has lived there for fourteen months.",
    "q11": "{c} and their adviser expect the move on to be in the spring, after their course ends.",
}

#: The moderator's summary, by the audit's overall level (``down``: moderated down).
SUMMARIES = {
    "exceeds": "A strong, well evidenced audit that brings {c} to life. Agreed throughout.",
    "meets": "A sound audit; judgements agreed. Please address the comments before finalising.",
    "dnm": "A careful audit of a case that needs more help; the actions are the right ones. Agreed.",
    "down": "A thorough audit, but the overall rating was moderated down to does not meet good.",
}

#: question -> (SMART action, who owns it: ``manager`` (the team manager) or ``worker``).
ACTIONS = {
    "q1": ("Update {c}'s safety plan with the family to cover every risk named at the strategy "
           "discussion, and review it at the next core group.", "worker"),
    "q2": ("See {c} alone at every statutory visit and record their views in their own words.", "worker"),
    "q3": ("Record the reason for every decision on {c}'s case in the management oversight note, "
           "including any decision to delay.", "manager"),
    "q4": ("Complete an updated assessment of {c}'s needs in the new household.", "worker"),
    "q5": ("Convene a professionals' meeting with school and health and agree who follows up {c}'s "
           "missed appointments.", "worker"),
    "q6": ("Add {c}'s identity, first language and faith to the plan, with how they will be supported.",
           "worker"),
    "q7": ("Rewrite {c}'s plan with SMART actions, named people and dates, and share it with the family.",
           "worker"),
    "q8": ("Agree {c}'s permanence plan at a permanence planning meeting before the next review.",
           "manager"),
    "q9": ("Book {c}'s next review within timescale and consult them beforehand.", "manager"),
    "q10": ("Arrange a bed for {c} through the family support fund and confirm it at the next visit.",
            "worker"),
    "q11": ("Update {c}'s pathway plan with them, including a budget and a move-on date.", "worker"),
    "q12": ("Discuss {c}'s case in supervision monthly until the plan shows measurable progress.", "manager"),
}

#: Fictional social workers (the people named against actions and as seen by the auditor).
WORKERS = ("Lena Ward", "Tariq Aziz", "Mo Evans", "Kit Shaw", "Ruby Lane", "Amir Dar", "Sian Hale",
           "Joel Fry")
