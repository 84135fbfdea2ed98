"""A candidate signs up on the public form: ranked wishes, availability, CV, consent, and every error case."""
from __future__ import annotations

import datetime as dt
from html import unescape
from pathlib import Path

import pytest
from signup_helpers import PDF, candidate_form, mails, private_link, text_of, with_cv
from sqlalchemy import func, select

from jobdating.core.models import Candidate, EventStatus
from jobdating.extensions import db


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens", breaks=[["12:00", "13:00"]], end_time=dt.time(17, 0), max_wishes=3)
    create_employer(event, offers=["Cariste", "Préparateur·rice"], company="Logistique Artois")
    create_employer(event, offers=["Développeur·se web"], company="Numérique Lens", sector="Numérique")
    create_employer(event, company="Santé Plus", sector="Santé")
    return event


def keys(event):
    first, second, third = event.employers
    return [f"O{first.offers[0].id}", f"E{second.id}", f"E{third.id}"]


def post(client, data, slug="jd-lens"):
    return client.post(f"/{slug}/inscription", data=data, content_type="multipart/form-data")


def count_candidates():
    return db.session.scalar(select(func.count(Candidate.id)))


def test_candidate_signs_up_with_ranked_wishes_and_a_cv_and_gets_a_private_link(app, client, event):
    response = post(client, with_cv(candidate_form(keys(event))))
    assert response.status_code == 302
    assert response.location.endswith("/jd-lens/inscription/merci")
    candidate = db.session.scalar(select(Candidate))
    assert [w.rank for w in candidate.wishes] == [1, 2, 3]
    assert candidate.wishes[0].offer.title == "Cariste"
    assert candidate.consent_at is not None and candidate.wanted_contracts == ["cdi", "alternance"]
    assert Path(app.config["CV_DIR"], candidate.cv_filename).read_bytes() == PDF
    assert candidate.cv_filename != "cv-ines.pdf" and candidate.cv_original_name == "cv-ines.pdf"
    [message] = mails(app)
    assert message["To"] == "ines.haddad@exemple.fr"
    assert private_link(message).endswith(f"/c/{candidate.token}")
    page = unescape(client.get(response.location).text)
    assert "Merci, votre inscription est enregistrée" in page and f"/c/{candidate.token}" in page


def test_confirmation_email_has_a_plain_text_part_and_an_html_part(app, client, event):
    post(client, candidate_form(keys(event)))
    [message] = mails(app)
    assert "Votre lien privé" in text_of(message)
    assert message.get_body(preferencelist=("html",)) is not None


def test_no_personal_data_appears_in_the_addresses_after_sign_up(client, event):
    response = post(client, candidate_form(keys(event)))
    assert "ines" not in response.location.lower() and "haddad" not in response.location.lower()


def test_event_page_lists_employers_and_invites_to_sign_up(client, event):
    page = unescape(client.get("/jd-lens").text)
    assert "Logistique Artois" in page and "Développeur·se web" in page
    assert "Je m'inscris" in page


def test_event_page_filters_by_sector_contract_and_words(client, event):
    page = unescape(client.get("/jd-lens?secteur=Numérique").text)
    assert "Numérique Lens" in page and "Logistique Artois" not in page
    page = unescape(client.get("/jd-lens?q=cariste").text)
    assert "Logistique Artois" in page and "Santé Plus" not in page
    page = unescape(client.get("/jd-lens?contrat=stage").text)
    assert "Aucun employeur ne correspond" in page


def test_draft_events_have_no_public_page(client, create_event):
    create_event(slug="brouillon", status=EventStatus.DRAFT)
    assert client.get("/brouillon").status_code == 404
    assert client.get("/brouillon/inscription").status_code == 404


def test_sign_up_before_opening_says_when_it_opens(client, create_event):
    create_event(slug="bientot", signup_opens=dt.datetime(2099, 1, 5, 9, 0))
    page = unescape(client.get("/bientot/inscription").text)
    assert "Les inscriptions ouvriront le 5 janvier 2099" in page
    assert 'name="first_name"' not in page


def test_sign_up_after_closing_is_refused_with_a_message(client, event):
    event.signup_closes = dt.datetime(2000, 1, 1)
    db.session.commit()
    response = post(client, candidate_form(keys(event)))
    assert "Les inscriptions sont closes" in response.text
    assert count_candidates() == 0


def test_missing_fields_are_explained_in_french_and_typed_values_are_kept(client, event):
    response = post(client, candidate_form(keys(event), first_name="", email="pas-une-adresse", town="Liévin"))
    page = unescape(response.text)
    assert response.status_code == 200
    assert "Indiquez votre prénom." in page and "Cette adresse e-mail n'est pas valide" in page
    assert 'value="Liévin"' in page and 'value="pas-une-adresse"' in page
    assert f'name="wishes-0" value="{keys(event)[0]}"' in page
    assert count_candidates() == 0


def test_a_chosen_cv_must_be_chosen_again_after_an_error_and_the_page_says_so(client, event):
    page = unescape(post(client, with_cv(candidate_form(keys(event), last_name=""))).text)
    assert "Votre CV « cv-ines.pdf » convient" in page and "choisissez-le à nouveau" in page


def test_a_cv_that_is_not_a_pdf_is_refused_whatever_its_name(client, event):
    page = unescape(post(client, with_cv(candidate_form(keys(event)), b"MZ\x90\x00 not a pdf", "cv.pdf")).text)
    assert "Le CV doit être un fichier PDF" in page
    assert count_candidates() == 0


def test_a_cv_larger_than_the_limit_is_refused(app, client, event):
    app.config["CV_MAX_BYTES"] = 1000
    page = unescape(post(client, with_cv(candidate_form(keys(event)), PDF + b"0" * 2000)).text)
    assert "Le CV doit faire au plus" in page
    assert count_candidates() == 0 and not list(Path(app.config["CV_DIR"]).glob("*.pdf"))


def test_the_cv_field_tells_the_page_its_size_limit_so_a_big_file_is_refused_before_upload(app, client, event):
    app.config["CV_MAX_BYTES"] = 2 * 1024 * 1024
    page = unescape(client.get("/jd-lens/inscription").text)
    assert 'data-max-bytes="2097152"' in page
    assert 'data-too-big="Ce fichier fait plus de 2 Mo : choisissez un CV plus léger (PDF)."' in page


def test_the_same_email_twice_never_makes_a_second_candidate_and_offers_the_link_again(client, event):
    post(client, candidate_form(keys(event)))
    response = post(client, candidate_form(keys(event), email="INES.Haddad@exemple.fr "))
    page = unescape(response.text)
    assert "déjà inscrit·e à ce job dating" in page and "Renvoyer mon lien privé" in page
    assert count_candidates() == 1


def test_the_database_constraint_catches_a_duplicate_the_check_missed(app, client, event, monkeypatch):
    from jobdating.signup import registration
    post(client, with_cv(candidate_form(keys(event))))
    monkeypatch.setattr(registration, "_email_taken", lambda *args: False)
    page = unescape(post(client, with_cv(candidate_form(keys(event)))).text)
    assert "déjà inscrit·e" in page and count_candidates() == 1
    assert len(list(Path(app.config["CV_DIR"]).glob("*.pdf"))) == 1


def test_wishes_must_differ(client, event):
    first = keys(event)[0]
    page = unescape(post(client, candidate_form([first, first])).text)
    assert "chaque vœu doit être différent" in page and count_candidates() == 0


def test_a_company_and_one_of_its_offers_cannot_both_be_wished(client, event):
    employer = event.employers[0]
    page = unescape(post(client, candidate_form([f"E{employer.id}", f"O{employer.offers[1].id}"])).text)
    assert "gardez l'une ou l'autre" in page and count_candidates() == 0


def test_at_least_one_wish_is_needed(client, event):
    page = unescape(post(client, candidate_form([])).text)
    assert "Choisissez au moins un employeur ou une offre." in page


def test_an_employer_of_another_event_cannot_be_wished(client, event, create_event, create_employer):
    other = create_employer(create_event(slug="ailleurs"))
    page = unescape(post(client, candidate_form([f"E{other.id}"])).text)
    assert "Ce choix ne fait pas partie de ce job dating." in page and count_candidates() == 0


def test_no_more_wishes_than_the_event_allows(client, event):
    page = unescape(client.get("/jd-lens/inscription").text)
    assert 'data-max="3"' in page and "0 vœu choisi sur 3" in page
    first, second = event.employers[0], event.employers[1]
    picks = [f"O{first.offers[0].id}", f"O{first.offers[1].id}", f"E{second.id}", f"E{event.employers[2].id}"]
    page = unescape(post(client, {**candidate_form([]), "picker": "1", "pick": picks}).text)
    assert "Vous pouvez faire au plus 3 vœux." in page and count_candidates() == 0


def test_morning_availability_ends_at_the_midday_break(client, event):
    post(client, candidate_form(keys(event), **{"availability-kind": "morning"}))
    assert db.session.scalar(select(Candidate)).available == [["09:00", "12:00"]]


def test_a_custom_window_is_stored_and_must_lie_within_the_day(client, event):
    form = candidate_form(keys(event), **{"availability-kind": "custom", "availability-start": "07:00",
                                          "availability-end": "10:00"})
    page = unescape(post(client, form).text)
    assert "Choisissez une plage comprise entre 09:00 et 17:00." in page and count_candidates() == 0
    form.update({"availability-start": "14:00", "availability-end": "15:30"})
    post(client, form)
    assert db.session.scalar(select(Candidate)).available == [["14:00", "15:30"]]


def test_a_custom_window_needs_its_end_after_its_start(client, event):
    form = candidate_form(keys(event), **{"availability-kind": "custom", "availability-start": "15:00",
                                          "availability-end": "14:00"})
    assert "L'heure de fin doit être après l'heure de début." in unescape(post(client, form).text)


def test_consent_is_required_and_the_retention_period_is_stated(app, client, event):
    app.config["DATA_RETENTION_MONTHS"] = 9
    page = unescape(client.get("/jd-lens/inscription").text)
    assert "supprimés 9 mois après le job dating" in page
    form = candidate_form(keys(event))
    del form["consent"]
    assert "Cochez cette case pour pouvoir vous inscrire." in unescape(post(client, form).text)
    assert count_candidates() == 0


def test_arrow_buttons_reorder_wishes_without_javascript_and_save_nothing(client, event):
    first, second, third = keys(event)
    page = unescape(post(client, candidate_form(keys(event), move="0:down")).text)
    assert f'name="wishes-0" value="{second}"' in page and f'name="wishes-1" value="{first}"' in page
    assert "Votre liste de vœux est modifiée" in page and count_candidates() == 0


def test_an_email_with_an_accented_mailbox_name_is_refused_kindly(client, event):
    page = unescape(post(client, candidate_form(keys(event), email="anaïs@exemple.fr")).text)
    assert "Cette adresse e-mail n'est pas valide" in page
    assert 'value="anaïs@exemple.fr"' in page
    assert count_candidates() == 0
