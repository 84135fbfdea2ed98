"""The wish picker works as a plain form: ticked boxes are the wishes, ranks are kept, buttons move and remove;
the sign-up page costs a handful of queries and stays light whatever the number of employers."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from signup_helpers import candidate_form, recorded_statements
from sqlalchemy import func, select, text

from jobdating.core.models import Candidate
from jobdating.extensions import db


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens", end_time=dt.time(17, 0), max_wishes=3)
    create_employer(event, offers=["Cariste", "Préparateur·rice de commandes"], company="Logistique Artois")
    create_employer(event, offers=["Infirmier·ère"], company="Santé Plus", sector="Santé")
    create_employer(event, company="Boulangerie du Marché", sector="Agroalimentaire")
    return event


def keys(event):
    logistics, health, bakery = event.employers
    return {"cariste": f"O{logistics.offers[0].id}", "preparateur": f"O{logistics.offers[1].id}",
            "infirmier": f"O{health.offers[0].id}", "boulangerie": f"E{bakery.id}", "logistique": f"E{logistics.id}"}


def post(client, data, url="/jd-lens/inscription"):
    return client.post(url, data=data, content_type="multipart/form-data")


def picked(data: dict, ranked: list[str], ticked: list[str], **extra) -> dict:
    """A form sent by the picker: the ranked hidden fields and the ticked boxes."""
    form = {k: v for k, v in data.items() if not k.startswith("wishes-")}
    form.update({f"wishes-{i}": key for i, key in enumerate(ranked)}, picker="1", pick=ticked, **extra)
    return form


def ranked_on(page: str) -> list[str]:
    return [key for _index, key in sorted(re.findall(r'name="wishes-(\d+)" value="([^"]+)"', page))]


def count() -> int:
    return db.session.scalar(select(func.count(Candidate.id)))


def test_the_page_lists_every_company_with_a_box_per_offer_and_the_full_texts(client, event):
    page = unescape(client.get("/jd-lens/inscription").text)
    k = keys(event)
    for key in k.values():
        assert f'name="pick" value="{key}"' in page
    assert "Préparateur·rice de commandes" in page and "Toute l'entreprise" in page
    assert "0 vœu choisi sur 3" in page and "Aucun vœu pour l'instant" in page


def test_ticking_boxes_without_javascript_adds_them_in_page_order_and_saves_nothing(client, event):
    k = keys(event)
    page = unescape(post(client, picked(candidate_form([]), [], [k["cariste"], k["infirmier"]],
                                        add_wishes="1")).text)
    assert ranked_on(page) == [k["cariste"], k["infirmier"]]
    assert "2 vœux choisis sur 3" in page and "Votre liste de vœux est modifiée" in page
    assert f'name="pick" value="{k["infirmier"]}" checked' in page
    assert count() == 0


def test_ranked_wishes_keep_their_rank_and_new_ticks_follow(client, event):
    k = keys(event)
    data = picked(candidate_form([]), [k["infirmier"], k["cariste"]], [k["cariste"], k["infirmier"],
                                                                        k["boulangerie"]], add_wishes="1")
    assert ranked_on(unescape(post(client, data).text)) == [k["infirmier"], k["cariste"], k["boulangerie"]]


def test_an_unticked_box_leaves_the_list(client, event):
    k = keys(event)
    data = picked(candidate_form([]), [k["infirmier"], k["cariste"]], [k["cariste"]], add_wishes="1")
    assert ranked_on(unescape(post(client, data).text)) == [k["cariste"]]


def test_the_remove_and_move_buttons_work_without_javascript(client, event):
    k = keys(event)
    three = [k["infirmier"], k["cariste"], k["boulangerie"]]
    assert ranked_on(unescape(post(client, picked(candidate_form([]), three, three, remove="1")).text)) == [
        k["infirmier"], k["boulangerie"]]
    assert ranked_on(unescape(post(client, picked(candidate_form([]), three, three, move="2:up")).text)) == [
        k["infirmier"], k["boulangerie"], k["cariste"]]
    assert count() == 0


def test_sending_the_form_with_ticked_boxes_signs_up_with_those_wishes_in_order(client, event):
    k = keys(event)
    response = post(client, picked(candidate_form([]), [k["infirmier"]], [k["cariste"], k["infirmier"]]))
    assert response.status_code == 302
    candidate = db.session.scalar(select(Candidate))
    assert [(w.rank, w.offer_id) for w in candidate.wishes] == [
        (1, int(k["infirmier"][1:])), (2, int(k["cariste"][1:]))]


def test_too_many_ticks_are_refused_with_the_limit(client, event):
    k = keys(event)
    four = [k["cariste"], k["infirmier"], k["boulangerie"], k["preparateur"]]
    page = unescape(post(client, picked(candidate_form([]), [], four)).text)
    assert "Vous pouvez faire au plus 3 vœux." in page and count() == 0


def test_the_private_page_uses_the_same_picker(client, event, create_candidate):
    logistics, health, _bakery = event.employers
    candidate = create_candidate(event, wishes=[health.offers[0], logistics])
    k = keys(event)
    page = unescape(client.get(f"/c/{candidate.token}").text)
    assert ranked_on(page) == [k["infirmier"], k["logistique"]]
    response = client.post(f"/c/{candidate.token}", data=picked({"availability-kind": "day"},
                                                                [k["infirmier"], k["logistique"]],
                                                                [k["logistique"]]))
    assert response.status_code == 302
    db.session.refresh(candidate)
    assert [w.employer_id for w in candidate.wishes] == [logistics.id]


def test_the_sign_up_page_costs_at_most_6_queries_and_stays_light_for_a_town(client, create_event, create_employer):
    event = create_event(slug="ville", max_wishes=6)
    for n in range(60):
        create_employer(event, company=f"Entreprise {n}", offers=["Cariste", "Soudeur·se", "Infirmier·ère"])
    db.session.expire_all()
    with recorded_statements() as statements:
        response = client.get("/ville/inscription")
    assert response.status_code == 200
    assert len(statements) <= 6, statements
    # 240 choices (60 companies, 180 offers), each once: not once per wish row as with six selects.
    assert response.text.count('name="pick"') == 240
    assert len(response.data) < 80_000, len(response.data)


def test_a_sign_up_post_costs_a_bounded_number_of_queries(client, create_event, create_employer):
    event = create_event(slug="ville", max_wishes=6)
    employers = [create_employer(event, company=f"Entreprise {n}", offers=["Cariste"]) for n in range(60)]
    db.session.expire_all()
    wishes = [f"E{e.id}" for e in employers[:6]]
    with recorded_statements() as statements:
        response = post(client, candidate_form(wishes), "/ville/inscription")
    assert response.status_code == 302
    # Event, questions, employers and offers, e-mail check, candidate, wishes (one statement per row on SQLite,
    # batched on PostgreSQL), the e-mail in the same transaction: never one per employer, nor a reread for the
    # next page.
    assert len(statements) <= 6 + len(wishes), "\n".join(s[:150] for s in statements)


def test_the_address_check_of_a_sign_up_reads_an_index_not_every_candidate(app, create_event):
    """A sign-up checks its address by lower(email) (migration 0024): without an index on that expression each
    sign-up read every candidate of the event, and the busiest morning grew slower with each one."""
    event = create_event(slug="ville")
    query = select(Candidate.id).where(Candidate.event_id == event.id,
                                       func.lower(Candidate.email) == "ines@exemple.fr")
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan (the busy morning's database); SQLite weighs its indexes by its own guesses")
    sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
    db.session.execute(text("SET LOCAL enable_seqscan = off"))  # a test's few rows: force the planner's hand
    plan = " ".join(row[0] for row in db.session.execute(text(f"EXPLAIN {sql}")))
    db.session.rollback()
    assert "ix_candidate_event_lower_email" in plan, plan
