"""The sign-up forms tell everything in one round, lead to each error, never contradict themselves about the CV,
keep what was typed when the CV is too big, warn about a preference outside presence; CVs download by name."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import unquote

import pytest
from signup_helpers import PDF, candidate_form, employer_form, with_cv
from sqlalchemy import func, select

from jobdating.core.models import Candidate, Employer
from jobdating.extensions import db


@pytest.fixture
def event(create_event, create_employer):
    event = create_event(slug="jd-lens", end_time=dt.time(17, 0), breaks=[["12:30", "13:30"]], max_wishes=3)
    create_employer(event, offers=["Cariste"], company="Logistique Artois")
    return event


def post_candidate(client, data):
    return client.post("/jd-lens/inscription", data=data, content_type="multipart/form-data")


def summary(page: str) -> list[tuple[str, str]]:
    """The (link target, text) of each entry of the error summary."""
    block = re.search(r'<div class="form-errors error-summary"(.*?)</div>', page, re.S)
    assert block, "no error summary"
    assert "data-error-summary autofocus" in block.group(0) and 'tabindex="-1"' in block.group(0)
    return [(target, unescape(re.sub(r"\s+", " ", text)).strip())
            for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', block.group(1), re.S)]


def test_an_empty_candidate_form_lists_every_error_at_once_with_links_to_the_fields(client, event):
    response = post_candidate(client, {"availability-kind": "day"})
    links = dict(summary(response.text))
    assert links["first_name"] == "Prénom : Indiquez votre prénom."
    assert links["last_name"] == "Nom : Indiquez votre nom."
    assert links["email"].endswith("Indiquez votre adresse e-mail.")
    assert links["consent"] == "Cochez cette case pour pouvoir vous inscrire."  # without the long label
    assert "Choisissez au moins un employeur ou une offre." in links["wishes"]  # no second round for the wishes
    assert "Le formulaire contient 5 erreurs" in unescape(response.text)
    for target in links:
        assert f'id="{target}"' in response.text, target
    assert db.session.scalar(select(func.count(Candidate.id))) == 0


def test_a_custom_window_error_links_to_its_time_field(client, event):
    data = candidate_form([f"E{event.employers[0].id}"], **{"availability-kind": "custom"})
    links = dict(summary(post_candidate(client, data).text))
    assert links["availability-start"].endswith("Indiquez l'heure de début de la plage.")


def test_a_refused_cv_is_not_also_called_fine(client, event):
    data = with_cv(candidate_form([f"E{event.employers[0].id}"], last_name=""), b"MZ not a pdf", "cv.pdf")
    response = post_candidate(client, data)
    page = unescape(response.text)
    assert "Le CV doit être un fichier PDF" in page  # said with the other errors, in the same round
    assert "convient" not in page and "choisissez-le à nouveau" not in page.lower()
    assert ("cv", "Votre CV (PDF, facultatif) : Le CV doit être un fichier PDF (le fichier choisi n'en est pas un).") \
        in summary(response.text)


def test_a_good_cv_next_to_another_error_is_called_fine_and_must_be_chosen_again(client, event):
    page = unescape(post_candidate(client, with_cv(candidate_form([f"E{event.employers[0].id}"], last_name=""))).text)
    assert "Votre CV « cv-ines.pdf » convient" in page and "Le CV doit" not in page


def test_a_too_big_cv_without_javascript_brings_the_form_back_with_what_was_typed(app, client, event):
    app.config.update(CV_MAX_BYTES=1000, MAX_CONTENT_LENGTH=2000, SIGNUP_MAX_CONTENT_LENGTH=100_000)
    data = with_cv(candidate_form([f"E{event.employers[0].id}"], town="Liévin", first_name="Inès"),
                   PDF + b"0" * 20_000, "gros-cv.pdf")
    response = post_candidate(client, data)
    page = unescape(response.text)
    assert response.status_code == 200
    assert "Le CV doit faire au plus" in page and 'value="Liévin"' in page and 'value="Inès"' in page
    assert f'name="wishes-0" value="E{event.employers[0].id}"' in page
    assert "convient" not in page
    assert db.session.scalar(select(func.count(Candidate.id))) == 0


def test_an_empty_employer_form_lists_every_error_at_once(client, event):
    response = client.post("/jd-lens/employeurs/inscription",
                           data={"presence-kind": "day", "preferred-kind": "day", "tables": "1"})
    links = dict(summary(response.text))
    for target in ("company", "sector", "contact_name", "email", "phone", "consent"):
        assert target in links, target
    assert "Décrivez au moins une offre" in links["offers"]  # no second round for the offers
    assert db.session.scalar(select(func.count(Employer.id))) == 1  # the fixture's only


def test_an_offer_error_links_to_the_offer_field(client, event):
    data = employer_form(**{"offers-0-contract_type": "", "offers-1-title": ""})
    links = dict(summary(client.post("/jd-lens/employeurs/inscription", data=data).text))
    assert links["offers-0-contract_type"] == ("Offre n° 1 — Type de contrat : Choisissez le type de contrat de "
                                               "cette offre.")


def test_a_preference_outside_presence_is_saved_with_a_warning(client, event):
    data = employer_form(**{"presence-kind": "afternoon", "preferred-kind": "morning"})
    response = client.post("/jd-lens/employeurs/inscription", data=data)
    assert response.status_code == 302
    employer = db.session.scalar(select(Employer).where(Employer.email == "rh@fibres-du-nord.fr"))
    assert employer.preferred == [["09:00", "12:30"]]
    warning = "Votre moment préféré (Le matin (09:00–12:30)) n'est pas entièrement dans votre présence"
    assert warning in unescape(client.get(response.location).text)
    assert warning in unescape(client.get(f"/e/{employer.token}").text)


def test_the_preference_warning_shows_on_a_form_sent_back_for_another_error(client, event):
    data = employer_form(company="", **{"presence-kind": "morning", "preferred-kind": "afternoon"})
    page = unescape(client.post("/jd-lens/employeurs/inscription", data=data).text)
    assert "Indiquez le nom de l'entreprise." in page and "n'est pas entièrement dans votre présence" in page


def test_a_preference_inside_presence_gives_no_warning(client, event):
    data = employer_form(**{"presence-kind": "day", "preferred-kind": "morning"})
    response = client.post("/jd-lens/employeurs/inscription", data=data)
    assert "entièrement dans votre présence" not in unescape(client.get(response.location).text)


def test_cv_downloads_are_named_after_the_candidate(logged_in, event):
    logged_in.post("/jd-lens/inscription", data=with_cv(candidate_form([f"E{event.employers[0].id}"]), name="cv.pdf"),
                   content_type="multipart/form-data")
    candidate = db.session.scalar(select(Candidate))
    disposition = logged_in.get(f"/organisation/candidats/{candidate.id}/cv").headers["Content-Disposition"]
    assert "CV Inès Haddad.pdf" in unquote(disposition) and "filename*=UTF-8''" in disposition
    employer = event.employers[0]
    disposition = logged_in.get(f"/e/{employer.token}/cv/{candidate.id}").headers["Content-Disposition"]
    assert "CV Inès Haddad.pdf" in unquote(disposition)


def test_cv_download_names_drop_characters_a_file_name_cannot_hold(app, create_candidate, event):
    from jobdating.signup.cv import download_name

    candidate = create_candidate(event, first_name='Zoé "Z"', last_name="Da/Silva: <Lens>")
    assert download_name(candidate) == "CV Zoé Z Da Silva Lens.pdf"
