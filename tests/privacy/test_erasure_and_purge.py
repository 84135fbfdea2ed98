"""Personal data kept only as long as promised: after an erasure or the retention purge, a scan of every text
and JSON column of every table and of every file the application keeps finds nothing of the person."""
from __future__ import annotations

import datetime as dt
import json
from html import unescape
from pathlib import Path

import pytest
from organizer_helpers import solve_now
from signup_helpers import candidate_form, mails, with_cv
from sqlalchemy import JSON, Enum, Text, cast, select
from sqlalchemy.sql.sqltypes import String

from jobdating.core import tasks as jobs
from jobdating.core.models import AuditEntry, Candidate, Employer, Event, OutboxMail, SolveRun
from jobdating.dayof import checkin
from jobdating.extensions import db
from jobdating.planning.publish import publish
from jobdating.privacy.stats import anonymous_statistics

# Who is erased: unusual values, so that a hit can only be theirs (the name with accents, as JSON escapes them).
ZOE = {"first_name": "Zoé", "last_name": "Kowalczyk-Dubreuil", "email": "zoe.kowalczyk@exemple.fr",
       "phone": "06 98 76 54 32"}


def scan(app, needles: list[str]) -> list[str]:
    """Every place a needle is found: 'table.column' of any row, or a file kept by the application."""
    found = []
    forms = {form for needle in needles for form in (needle, json.dumps(needle)[1:-1])}
    for table in db.metadata.sorted_tables:
        for column in table.c:
            if not isinstance(column.type, (String, Text, JSON)) or isinstance(column.type, Enum):
                continue
            text = cast(column, Text)
            for form in forms:
                if db.session.execute(select(table).where(text.contains(form, autoescape=True)).limit(1)).first():
                    found.append(f"{table.name}.{column.name} ({form})")
    for folder in {app.config["CV_DIR"], app.config["MAIL_DIR"], app.instance_path}:
        for path in Path(folder).rglob("*") if Path(folder).is_dir() else []:
            if path.is_file() and path.suffix not in (".sqlite3", ".db") and path.stat().st_size < 5_000_000:
                data = path.read_bytes()
                found += [f"{path} ({form})" for form in forms if form.encode("utf-8") in data]
    return found


@pytest.fixture
def day(app, client, organizer, create_event, create_employer, create_candidate):
    """Zoé signs up with a CV; the plan is solved and published; she checks in; the audit list names her."""
    event = create_event(slug="jd-lens", date=dt.date(2027, 3, 18))
    first = create_employer(event, offers=["Cariste"], company="Logistique Artois", sector="Logistique")
    second = create_employer(event, offers=["Aide-soignant·e"], company="Soins du Pays", sector="Santé")
    for n in range(3):
        create_candidate(event, wishes=[first, second], first_name=f"Autre{n}")
    answer = client.post("/jd-lens/inscription", content_type="multipart/form-data", data=with_cv(
        candidate_form([f"E{first.id}", f"E{second.id}"], **ZOE), content=b"%PDF-1.4 CV de Zoe Kowalczyk-Dubreuil"))
    assert answer.status_code == 302
    zoe = db.session.scalar(select(Candidate).where(Candidate.email == ZOE["email"]))
    solve_now(event, organizer)
    publish(event, organizer)
    jobs.wait_all(timeout=30)
    checkin.check_in(event, zoe.badge_token, organizer, dt.datetime(2027, 3, 18, 9, 40))  # wall clock
    db.session.commit()
    needles = [f"{ZOE['first_name']} {ZOE['last_name']}", ZOE["email"], ZOE["phone"]]
    assert len(scan(app, needles)) >= 5  # the scan finds her everywhere before: it can fail
    return event, zoe, needles


def test_a_candidate_who_erases_herself_leaves_no_trace(app, client, day):
    event, zoe, needles = day
    token = zoe.token
    assert "définitivement" in client.get(f"/c/{token}/retrait").text
    assert client.post(f"/c/{token}/retrait").status_code == 302
    jobs.wait_all(timeout=30)
    db.session.expire_all()
    assert scan(app, needles) == []
    assert db.session.scalar(select(Candidate).where(Candidate.email == ZOE["email"])) is None
    assert any("Données d'un candidat effacées" in e.detail for e in db.session.scalars(select(AuditEntry)))
    assert db.session.scalar(select(OutboxMail).where(OutboxMail.kind == "erased")) is None  # sent, then forgotten


def test_the_retention_purge_erases_everyone_and_keeps_the_anonymous_figures(app, runner, day):
    event, _zoe, needles = day
    everyone = needles + [c.email for c in event.candidates] + [e.email for e in event.employers] \
        + [c.full_name for c in event.candidates] + ["Claire Petit"]
    before = anonymous_statistics(event)
    app.config["CLOCK"] = lambda: dt.datetime(2027, 8, 1, 9, tzinfo=dt.UTC)  # 4½ months after: not yet
    assert "Aucun événement à purger" in runner.invoke(args=["purge", "--dry-run"]).output
    app.config["CLOCK"] = lambda: dt.datetime(2027, 9, 19, 9, tzinfo=dt.UTC)  # 6 months and a day after
    dry = runner.invoke(args=["purge", "--dry-run"]).output
    assert "« Job dating test » du 18/03/2027 (échéance 18/09/2027) — serait effacé : 4 candidats, 1 CV, " \
           "2 employeurs" in dry and "Rien n'a été effacé" in dry
    assert db.session.scalar(select(Candidate).limit(1)) is not None  # a dry run erases nothing
    done = runner.invoke(args=["purge"]).output
    assert "effacé : 4 candidats" in done
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert scan(app, everyone) == []
    assert event.purged_at is not None and event.published_plan is None
    kept = dict(event.statistics)
    assert kept.pop("computed_at") and {k: v for k, v in before.items() if k != "computed_at"} == kept
    assert kept["candidates"] == 4 and kept["employers_per_sector"] == {"Logistique": 1, "Santé": 1}
    assert all(run.input_json is None for run in db.session.scalars(select(SolveRun)))
    assert "Aucun événement à purger" in runner.invoke(args=["purge"]).output  # once only


def test_an_employer_withdraws_its_company_and_the_organizer_is_told(app, client, day, organizer):
    event, _zoe, _needles = day
    from jobdating.core.models import Membership, Role

    db.session.add(Membership(event_id=event.id, organizer_id=organizer.id, role=Role.OWNER))
    db.session.commit()
    employer = event.employers[0]
    token, freed = employer.token, len(employer.interviews)
    assert freed > 0
    assert "Retirer Logistique Artois" in unescape(client.get(f"/e/{token}/retrait").text)
    assert client.post(f"/e/{token}/retrait").status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(Employer).where(Employer.company == "Logistique Artois")) is None
    assert scan(app, ["Logistique Artois", "rh1@exemple.fr"]) == []
    told = [m for m in mails(app) if m["To"] == organizer.email]
    assert told and f"ses {freed} entretien(s) sont libérés" in told[-1].get_body(("plain",)).get_content()


def test_the_organizer_erases_a_person_on_request_without_naming_them(app, logged_in, day):
    event, zoe, needles = day
    answer = logged_in.post(f"/organisateur/evenements/{event.id}/candidats/{zoe.id}/effacer")
    assert answer.status_code == 302
    jobs.wait_all(timeout=30)
    db.session.expire_all()
    assert scan(app, needles) == []
    details = [e.detail for e in db.session.scalars(select(AuditEntry))]
    assert any("à sa demande, auprès de l'organisateur" in d for d in details)
