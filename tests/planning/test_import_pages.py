"""The organizer imports a list: upload, preview with each row's errors, confirmation refused while a row is wrong,
then all rows saved in one transaction (or none), recorded in the audit list; who may do it."""
from __future__ import annotations

import datetime as dt
import html
import io
import re

import pytest
from import_helpers import CANDIDATE_HEADER, EMPLOYER_HEADER, csv_bytes, xlsx_bytes
from signup_helpers import mails
from sqlalchemy import event as sa_event
from sqlalchemy.exc import OperationalError

from jobdating.core import times
from jobdating.core.accounts import create_organizer
from jobdating.core.models import AuditEntry, Candidate, Employer, ImportUpload, Membership, OutboxMail, Role
from jobdating.core.notice import consent_version
from jobdating.extensions import db
from jobdating.planning import imports

PASSWORD = "une phrase de passe"
GOOD = [CANDIDATE_HEADER,
        ["Inès", "Haddad", "ines@exemple.fr", "06 12 34 56 78", "Étudiante", "Bac +2", "Santé Plus Artois; Cariste"],
        ["Éloïse", "Lefèvre", "eloise@exemple.fr", "", "", "", ""],
        ["Karim", "Benali", "karim@exemple.fr", "", "Salarié", "Licence", "Aide-soignant·e"]]


@pytest.fixture
def event(create_event, create_employer):
    event = create_event()
    create_employer(event, offers=["Aide-soignant·e"], company="Santé Plus Artois")
    create_employer(event, offers=["Cariste"], company="Logistique Artois")
    return event


def page_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def upload(client, event, content: bytes, name: str = "liste.csv", kind: str = "candidats"):
    return client.post(f"/organisateur/evenements/{event.id}/importer", content_type="multipart/form-data",
                       data={"kind": kind, "file": (io.BytesIO(content), name)})


def preview_address(response) -> str:
    assert response.status_code == 302, response.status_code
    assert re.fullmatch(r".*/importer/[A-Za-z0-9_-]{20,}", response.headers["Location"])
    return response.headers["Location"]


def confirm(client, address: str, **data):
    return client.post(address, data={"consent": "y", **data})


def test_the_people_lists_link_to_the_import_page_which_documents_the_columns(logged_in, event):
    candidates = page_of(logged_in.get(f"/organisateur/evenements/{event.id}/candidats"))
    assert f"/organisateur/evenements/{event.id}/importer?type=candidats" in candidates
    employers = page_of(logged_in.get(f"/organisateur/evenements/{event.id}/employeurs"))
    assert f"/organisateur/evenements/{event.id}/importer?type=employeurs" in employers
    page = page_of(logged_in.get(f"/organisateur/evenements/{event.id}/importer?type=employeurs"))
    assert re.search(r'<input checked[^>]*value="employeurs"', page)
    for words in ("Prénom", "Niveau de diplôme", "Courriel", "Demandeur·se d'emploi", "Type de contrat", "Green tech",
                  "importer/modele/candidats.csv", "importer/modele/employeurs.csv", "au plus 2000 lignes"):
        assert words in page, words


def test_the_model_files_download_with_their_header(logged_in, event):
    response = logged_in.get(f"/organisateur/evenements/{event.id}/importer/modele/employeurs.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="modele-import-employeurs.csv"' in response.headers["Content-Disposition"]
    assert response.data.decode("utf-8-sig").startswith("Entreprise;Contact;E-mail;Téléphone;Secteur")
    assert logged_in.get(f"/organisateur/evenements/{event.id}/importer/modele/autres.csv").status_code == 404


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"", "liste.csv", "Le fichier est vide."),
    (b"%PDF-1.7\x00\x00", "cv.pdf", "ni un fichier CSV ni un classeur Excel"),
    (csv_bytes([["Nom", "Ville"], ["Haddad", "Lens"]]), "liste.csv", "il manque : Prénom, E-mail"),
])
def test_a_bad_file_gets_a_french_message_and_the_form_stays_usable(logged_in, event, content, name, words):
    response = upload(logged_in, event, content, name, kind="employeurs" if "Prénom" not in words else "candidats")
    page = page_of(response)
    assert response.status_code == 200 and words in page
    assert 'id="erreurs"' in page and 'type="file"' in page and "Vérifier le fichier" in page
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 0


def test_no_file_chosen_says_so(logged_in, event):
    response = logged_in.post(f"/organisateur/evenements/{event.id}/importer", data={"kind": "candidats"})
    assert response.status_code == 200 and "Choisissez le fichier à importer." in page_of(response)


def test_a_file_over_the_limits_gets_a_clear_message(app, logged_in, event):
    app.config["IMPORT_MAX_BYTES"] = 1000
    response = upload(logged_in, event, csv_bytes([CANDIDATE_HEADER, *[GOOD[2]] * 40]))
    assert response.status_code == 200 and "Mo au plus. Découpez la liste" in page_of(response)
    app.config["IMPORT_MAX_BYTES"], app.config["IMPORT_MAX_ROWS"] = 2 * 1024 * 1024, 2
    response = upload(logged_in, event, csv_bytes(GOOD))
    assert response.status_code == 200 and "Le fichier contient plus de 2 lignes" in page_of(response)


def test_a_list_bigger_than_a_request_may_be_is_read_to_answer_with_a_message(app, logged_in, event):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    big = csv_bytes([CANDIDATE_HEADER, *[[f"P{n}", "Martin", f"p{n}@exemple.fr"] for n in range(1000)]])
    assert 10_000 < len(big) < 2 * 1024 * 1024
    preview_address(upload(logged_in, event, big))
    app.config["IMPORT_MAX_BYTES"] = 20_000
    response = upload(logged_in, event, big)
    assert response.status_code == 200 and "Mo au plus" in page_of(response)
    assert logged_in.post(f"/organisateur/evenements/{event.id}/reglages", data={"name": "x" * 20_000}).status_code \
        == 413, "other forms keep the request limit"


def test_a_csv_with_one_bad_row_is_previewed_and_cannot_be_confirmed(logged_in, event):
    rows = [*GOOD, ["Paul", "Martin", "paul@exemple", "", "", "", ""]]
    address = preview_address(upload(logged_in, event, csv_bytes(rows, bom=True)))
    page = page_of(logged_in.get(address))
    assert "3 lignes valides" in page and "1 ligne en erreur" in page
    assert 'id="ligne-5" class="row-error"' in page
    assert "« paul@exemple » n'est pas une adresse e-mail valide" in page
    assert "Rien ne peut être importé tant qu'une ligne est en erreur." in page
    assert 'id="import-confirm"' not in page and "Vérifier le fichier corrigé" in page
    assert "Santé Plus Artois ; Logistique Artois - Cariste" in page, "the wishes as they will be imported"
    refused = page_of(confirm(logged_in, address))
    assert "1 ligne est en erreur : corrigez le fichier, puis envoyez-le à nouveau. Rien n'a été importé." in refused
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0


def test_a_good_list_is_imported_whole_with_consent_recorded_and_an_audit_entry(logged_in, organizer, event):
    address = preview_address(upload(logged_in, event, csv_bytes(GOOD, encoding="cp1252")))
    page = page_of(logged_in.get(address))
    assert "3 lignes valides" in page and "0 ligne en erreur" in page and "Importer 3 candidats" in page
    assert "1 candidat n'a aucun vœu" in page
    missing = page_of(logged_in.post(address, data={}))
    assert "Cochez cette case : l'import n'est possible qu'avec l'accord des personnes." in missing
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0
    response = confirm(logged_in, address)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/{event.id}/candidats")
    listed = page_of(logged_in.get(response.headers["Location"]))
    assert "3 candidats importés." in listed and "Lefèvre Éloïse" in listed
    db.session.expire_all()
    ines = db.session.scalar(db.select(Candidate).where(Candidate.email == "ines@exemple.fr"))
    assert [wish.target_label for wish in ines.wishes] == ["Santé Plus Artois", "Logistique Artois — Cariste"]
    assert ines.situation.value == "student" and ines.education_level.value == "bac2"
    assert ines.consent_at is not None and ines.consent_version == consent_version()
    [entry] = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "import.candidates"))
    assert entry.organizer_id == organizer.id and entry.event_id == event.id
    assert entry.detail == ("Import de 3 candidats depuis « liste.csv » ; accord des personnes déclaré par "
                            "l'organisation ; liens personnels non envoyés")
    assert db.session.scalar(db.select(db.func.count(OutboxMail.id))) == 0, "no mail unless asked"
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 0, "the list is not kept"
    again = logged_in.get(address)
    assert again.status_code == 302 and "n'est plus disponible" in page_of(logged_in.get(again.headers["Location"]))


def test_sending_the_links_mails_each_person_their_private_link(app, logged_in, event):
    address = preview_address(upload(logged_in, event, xlsx_bytes(GOOD), "liste.xlsx"))
    assert confirm(logged_in, address, send_links="y").status_code == 302
    sent = mails(app)
    assert sorted(message["To"] for message in sent) == ["eloise@exemple.fr", "ines@exemple.fr", "karim@exemple.fr"]
    assert all(message["Subject"].startswith("Inscription enregistrée") for message in sent)
    token = db.session.scalar(db.select(Candidate.token).where(Candidate.email == "karim@exemple.fr"))
    assert any(f"/c/{token}" in message.get_body(("plain",)).get_content() for message in sent)
    entry = db.session.scalar(db.select(AuditEntry.detail).where(AuditEntry.action == "import.candidates"))
    assert entry.endswith("liens personnels envoyés")


def test_employers_are_imported_approved_even_on_a_moderated_event(logged_in, event):
    event.moderate_employers = True
    db.session.commit()
    rows = [EMPLOYER_HEADER,
            ["Bâti Nord", "Paul Martin", "rh@batinord.fr", "", "BTP", "Maçon; Grutier (CDD)", "CDI", "2"]]
    address = preview_address(upload(logged_in, event, csv_bytes(rows, separator=","), kind="employeurs"))
    assert "Les employeurs importés sont validés" in page_of(logged_in.get(address))
    response = confirm(logged_in, address)
    assert response.headers["Location"].endswith(f"/{event.id}/employeurs")
    employer = db.session.scalar(db.select(Employer).where(Employer.company == "Bâti Nord"))
    assert not employer.approval_pending and employer.tables == 2 and employer.sector == "BTP"
    assert [(o.title, o.contract_type.value) for o in employer.offers] == [("Maçon", "cdi"), ("Grutier", "cdd")]
    assert db.session.scalar(db.select(AuditEntry.detail).where(AuditEntry.action == "import.employers")).startswith(
        "Import de 1 employeurs (validés)")


def test_confirming_checks_the_list_again_and_leaves_out_who_signed_up_meanwhile(logged_in, event, create_candidate):
    address = preview_address(upload(logged_in, event, csv_bytes(GOOD)))
    assert "Importer 3 candidats" in page_of(logged_in.get(address))
    karim = create_candidate(event, email="karim@exemple.fr", first_name="Karim (public)")  # signed up meanwhile
    response = confirm(logged_in, address)
    assert response.status_code == 302
    assert "2 candidats importés." in page_of(logged_in.get(response.headers["Location"]))
    db.session.expire_all()
    assert sorted(c.email for c in event.candidates) == ["eloise@exemple.fr", "ines@exemple.fr", "karim@exemple.fr"]
    assert karim.first_name == "Karim (public)"  # their own sign-up is left as it was
    audit = db.session.scalar(db.select(AuditEntry.detail).where(AuditEntry.action == "import.candidates"))
    assert "1 ligne(s) déjà inscrite(s), ignorée(s)" in audit


def test_a_list_brought_again_imports_only_the_newcomers_and_says_who_is_left_out(logged_in, event):
    preview_address_ = preview_address(upload(logged_in, event, csv_bytes(GOOD[:3])))
    assert confirm(logged_in, preview_address_).status_code == 302
    again = preview_address(upload(logged_in, event, csv_bytes(GOOD)))
    page = page_of(logged_in.get(again))
    assert "1 ligne valide" in page and "2 lignes déjà inscrites, ignorées" in page and "Importer 1 candidat" in page
    assert page.count("Cette adresse est déjà inscrite à ce job dating : la ligne sera ignorée.") == 2
    assert confirm(logged_in, again).status_code == 302
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 3
    everyone = preview_address(upload(logged_in, event, csv_bytes(GOOD)))
    refused = page_of(confirm(logged_in, everyone))
    assert "Toutes les lignes de la liste sont déjà inscrites : il n'y a rien à importer." in refused


def test_a_database_error_midway_leaves_nothing_imported(logged_in, event):
    rows = [*GOOD, *[[f"P{n}", "Martin", f"p{n}@exemple.fr", "", "", "", ""] for n in range(3)]]
    address = preview_address(upload(logged_in, event, csv_bytes(rows)))
    written = []

    def fail_on_the_fourth(_mapper, connection, _target):
        written.append(connection.scalar(db.select(db.func.count(Candidate.id))))
        if len(written) == 4:
            raise OperationalError("INSERT INTO candidate", {}, Exception("disk full"))

    sa_event.listen(Candidate, "after_insert", fail_on_the_fourth)
    try:
        refused = page_of(confirm(logged_in, address, send_links="y"))
    finally:
        sa_event.remove(Candidate, "after_insert", fail_on_the_fourth)
    assert len(written) == 4 and written[-1] >= 4, "rows were written in the transaction before the failure"
    assert "L'import n'a pas pu être enregistré : rien n'a été importé." in refused
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0
    assert db.session.scalar(db.select(db.func.count(OutboxMail.id))) == 0
    assert db.session.scalar(db.select(db.func.count(AuditEntry.id)).where(AuditEntry.action.like("import.%"))) == 0
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 1, "the list waits for another try"
    assert confirm(logged_in, address).status_code == 302
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 6


def test_a_failure_after_the_rows_are_written_leaves_nothing_imported(app, organizer, event, monkeypatch):
    """The audit entry, the mails and the list's deletion are in the same transaction as the rows."""
    upload_row = imports.keep_upload(event, organizer, "candidates", "liste.csv", csv_bytes(GOOD))
    sent = []

    def mail_then_fail(person, **kwargs):
        sent.append(person.email)
        if len(sent) == 2:
            raise OperationalError("INSERT INTO outbox_mail", {}, Exception("connection lost"))

    monkeypatch.setattr(imports, "send_private_link", mail_then_fail)
    with pytest.raises(imports.ImportRefused, match="rien n'a été importé"):
        imports.import_list(event, upload_row, organizer, consent=True, send_links=True)
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0


def test_a_rule_broken_midway_leaves_nothing_imported(app, organizer, event, monkeypatch):
    upload_row = imports.keep_upload(event, organizer, "candidates", "liste.csv", csv_bytes(GOOD))
    from jobdating.signup import registration

    real, calls = registration.new_candidate, []

    def broken_on_the_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise registration.DuplicateEmail("Cette adresse e-mail est déjà inscrite à ce job dating.", "email")
        return real(*args, **kwargs)

    monkeypatch.setattr(imports, "new_candidate", broken_on_the_second)
    with pytest.raises(imports.ImportRefused, match="Ligne 3 : Cette adresse e-mail est déjà inscrite"):
        imports.import_list(event, upload_row, organizer, consent=True, send_links=False)
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0


def test_a_list_waits_an_hour_for_its_confirmation_and_only_for_who_sent_it(app, logged_in, event, monkeypatch):
    address = preview_address(upload(logged_in, event, csv_bytes(GOOD)))
    colleague = create_organizer("collegue@exemple.fr", PASSWORD)
    db.session.add(Membership(event_id=event.id, organizer_id=colleague.id, role=Role.ORGANIZER))
    db.session.commit()
    other = app.test_client()
    assert other.post("/login", data={"email": "collegue@exemple.fr", "password": PASSWORD}).status_code == 302
    assert other.get(address).status_code == 302 and confirm(other, address).status_code == 302
    assert db.session.scalar(db.select(db.func.count(Candidate.id))) == 0
    later = times.utcnow() + dt.timedelta(minutes=61)
    monkeypatch.setattr(imports, "utcnow", lambda: later)
    expired = logged_in.get(address)
    assert expired.status_code == 302 and expired.headers["Location"].endswith(f"/{event.id}/importer")
    assert imports.forget_expired() == 1
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 0


def test_anonymous_visitors_and_the_front_desk_cannot_import(app, client, event):
    token = "x" * 32
    paths = [f"/organisateur/evenements/{event.id}/importer", f"/organisateur/evenements/{event.id}/importer/{token}",
             f"/organisateur/evenements/{event.id}/importer/modele/candidats.csv"]
    for path in paths:
        for method in ("GET", "POST"):
            answer = client.open(path, method=method)
            if answer.status_code != 405:
                assert answer.status_code == 302 and "/login" in answer.headers["Location"], (path, method)
    desk = create_organizer("accueil@exemple.fr", PASSWORD)
    db.session.add(Membership(event_id=event.id, organizer_id=desk.id, role=Role.FRONTDESK))
    db.session.commit()
    volunteer = app.test_client()
    assert volunteer.post("/login", data={"email": "accueil@exemple.fr", "password": PASSWORD}).status_code == 302
    for path in paths:
        assert volunteer.get(path).status_code == 403, path
    assert upload(volunteer, event, csv_bytes(GOOD)).status_code == 403
    assert db.session.scalar(db.select(db.func.count(ImportUpload.id))) == 0
    candidates_page = page_of(volunteer.get(f"/organisateur/evenements/{event.id}/candidats"))
    assert "/importer" not in candidates_page
