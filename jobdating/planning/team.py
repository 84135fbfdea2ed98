"""An event's team: members with a role, invitations sent by email, accepting one."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from jobdating.core import accounts
from jobdating.core.mail import private_url
from jobdating.core.models import Event, Invitation, Membership, Organizer, Role
from jobdating.core.outbox import queue_mail
from jobdating.core.times import utcnow
from jobdating.extensions import db

ROLE_LABELS = {Role.OWNER: "Propriétaire", Role.ORGANIZER: "Organisateur·rice", Role.FRONTDESK: "Accueil"}


class TeamError(ValueError):
    """A team change refused, message in French."""


def members(event: Event) -> list[Membership]:
    return list(db.session.scalars(select(Membership).where(Membership.event_id == event.id)
                                   .order_by(Membership.role.desc(), Membership.id)))


def pending(event: Event) -> list[Invitation]:
    return list(db.session.scalars(select(Invitation).where(Invitation.event_id == event.id,
                                                            Invitation.accepted_at.is_(None))))


def invite(event: Event, email: str, role: Role, by: Organizer) -> Invitation:
    """Record an invitation and email its private link (PUBLIC_BASE_URL/invitation/<token>)."""
    address = accounts.normalize_email(email)
    invitation = Invitation(event_id=event.id, email=address, role=role, invited_by_id=by.id)
    db.session.add(invitation)
    accounts.record("team.invite", f"Invitation ({role.value}) envoyée", organizer=by, event_id=event.id,
                    commit=False)
    db.session.commit()
    link = private_url("auth.accept_invitation", invitation.token)
    text = _("Bonjour,\n\n%(who)s vous invite à rejoindre l'équipe de « %(event)s » (rôle : %(role)s).\n\n"
             "Acceptez l'invitation avec ce lien personnel :\n%(link)s\n",
             who=by.name or by.email, event=event.name, role=ROLE_LABELS[role], link=link)
    queue_mail(address, _("Invitation — %(event)s", event=event.name), text,
               event_id=event.id)
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.token == token, Invitation.accepted_at.is_(None)))


def accept(invitation: Invitation, organizer: Organizer) -> Membership:
    """The invited person joins the team (an existing member keeps the higher of the two roles)."""
    if organizer.email.lower() != invitation.email.lower():
        raise TeamError(_("Cette invitation a été envoyée à une autre adresse e-mail."))
    membership = db.session.scalar(select(Membership).where(Membership.event_id == invitation.event_id,
                                                            Membership.organizer_id == organizer.id))
    if membership is None:
        membership = Membership(event_id=invitation.event_id, organizer_id=organizer.id, role=invitation.role)
        db.session.add(membership)
    elif invitation.role.rank > membership.role.rank:
        membership.role = invitation.role
    invitation.accepted_at = utcnow()
    accounts.record("team.join", f"{organizer.email} rejoint l'équipe ({membership.role.value})",
                    organizer=organizer, event_id=invitation.event_id, commit=False)
    db.session.commit()
    return membership


def remove(event: Event, membership_id: int, by: Organizer) -> None:
    membership = db.session.scalar(select(Membership).where(Membership.id == membership_id,
                                                            Membership.event_id == event.id))
    if membership is None:
        raise TeamError(_("Ce membre ne fait pas partie de l'équipe."))
    if membership.organizer_id == by.id:
        raise TeamError(_("Vous ne pouvez pas vous retirer vous-même de l'équipe."))
    db.session.delete(membership)
    accounts.record("team.remove", "Membre retiré de l'équipe", organizer=by, event_id=event.id, commit=False)
    db.session.commit()
