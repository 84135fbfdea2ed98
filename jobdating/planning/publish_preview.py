"""What publishing now would do, told before the click: who gets an email, who for a change, who nothing."""
from __future__ import annotations

from dataclasses import dataclass, field

from jobdating.core.keys import people_with_keys
from jobdating.core.models import CheckIn, Event, Interview
from jobdating.core.plans import digest, plan_rows
from jobdating.planning import publish


@dataclass
class PublishPreview:
    """The consequences of publishing the current plan, counted as `publish()` will count them."""
    republished: bool
    mails: int = 0  # people who will get an email (or whose email with this very plan is already on its way)
    changes: int = 0  # of those, people who had a plan and get a changed one
    unchanged: int = 0  # people who already have this plan: no email
    without_email: int = 0  # walk-ins without an address: the front desk tells them
    changed_people: list[str] = field(default_factory=list)  # names of the people told of a change
    without_interview: int = 0  # candidates left without any interview in this plan



def preview(event: Event) -> PublishPreview:
    """Count, person by person, what `publish.publish(event)` would queue now, without queuing anything."""
    rows = plan_rows(event)
    waiting = publish.waiting_digests(event)
    result = PublishPreview(republished=event.published_at is not None)
    for person, key in people_with_keys(event):
        decision = publish.plan_decision(person, digest(rows.get(key, [])), waiting.get(key))
        if decision == publish.UNCHANGED:
            result.unchanged += 1
            continue
        if decision == publish.NO_EMAIL:
            result.without_email += 1
            continue
        result.mails += 1
        if result.republished and person.plan_digest is not None:
            result.changes += 1
            result.changed_people.append(person.display_name)
    result.without_interview = sum(1 for c in event.candidates if f"C{c.id}" not in rows and c.wishes)
    result.changed_people.sort(key=str.casefold)
    return result


@dataclass(frozen=True)
class Removal:
    """What taking one interview out of the plan means for the two people concerned."""
    interview: Interview
    candidate_left: int  # the candidate's interviews after the removal
    employer_left: int
    published: bool  # the published plan still shows it until the next publication
    day_recorded: bool  # the front desk already recorded an arrival or an outcome for it


def removal(interview: Interview) -> Removal:
    event = interview.event
    others = [i for i in event.interviews if i.id != interview.id]
    return Removal(interview=interview,
                   candidate_left=sum(1 for i in others if i.candidate_id == interview.candidate_id),
                   employer_left=sum(1 for i in others if i.employer_id == interview.employer_id),
                   published=event.published_at is not None,
                   day_recorded=interview.checkin != CheckIn.EXPECTED or interview.outcome is not None)
