"""Counts follow French plural rules: the French catalogue holds every plural message of the code."""
from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask_babel import ngettext

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "jobdating" / "translations"


def catalogue(language: str):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Every message of the code as it is now (not the committed .pot, which may be stale)."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([Path(sys.executable).parent / "pybabel", "extract", "-F", "babel.cfg", "-k", "_l",
                    "-k", "lazy_gettext", "-o", str(pot), "."], cwd=ROOT, check=True, capture_output=True)
    with open(pot, "rb") as handle:
        return read_po(handle)


def test_every_plural_message_of_the_code_is_in_the_french_catalogue_with_its_own_two_forms(extracted):
    french = catalogue("fr")
    plurals = [m for m in extracted if m.id and m.pluralizable]
    assert len(plurals) > 15
    for message in plurals:
        entry = french.get(message.id[0], context=message.context)
        assert entry is not None, f"{message.id[0]!r} is missing: run `make extract-messages translations`"
        assert tuple(entry.string) == tuple(message.id)


def test_the_committed_pot_has_every_plural_message_of_the_code(extracted):
    with open(TRANSLATIONS / "messages.pot", "rb") as handle:
        committed = {m.id[0] for m in read_po(handle) if m.id and m.pluralizable}
    assert {m.id[0] for m in extracted if m.id and m.pluralizable} <= committed, "run `make extract-messages`"


def test_the_french_catalogue_uses_the_french_plural_rule():
    french = catalogue("fr")
    assert french.num_plurals == 2 and french.plural_expr == "(n > 1)"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_committed_catalogues_are_compiled_from_their_po_files(language):
    """The .mo files ship in the wheel, so they are committed; each must say what its .po file says."""
    folder = TRANSLATIONS / language / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as po, open(folder / "messages.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)

    def as_key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    # `make translations` compiles with --use-fuzzy: fuzzy entries count too.
    expected = {as_key(m.id): as_key(m.string) for m in source if m.id and m.string}
    actual = {as_key(m.id): as_key(m.string) for m in compiled if m.id}
    assert actual == expected, f"run `make translations` and commit {folder}/messages.mo"


@pytest.mark.parametrize(("count", "french"), [(0, "0 personne sans changement"), (1, "1 personne sans changement"),
                                               (2, "2 personnes sans changement")])
def test_ngettext_says_0_personne_in_french(app, count, french):
    with app.test_request_context("/?lang=fr"):
        assert ngettext("%(num)d personne sans changement", "%(num)d personnes sans changement", count) == french


def test_english_keeps_the_english_rule(app):
    with app.test_request_context("/?lang=en"):
        assert ngettext("%(num)d employeur", "%(num)d employeurs", 0) == "0 employers"



@pytest.mark.parametrize(("lang", "message"), [("fr", "N'est pas un entier valide."),
                                               ("en", "Not a valid integer value.")])
def test_the_messages_of_wtforms_itself_follow_the_visitor_s_language(logged_in, lang, message):
    """WTForms' own messages come from catalogues read once per process (app._WTFormsMessages), in the language
    of each request, not in the language of the first request the process served."""
    logged_in.get("/organisateur/evenements/nouveau?lang=fr" if lang == "en" else "/?lang=en")
    response = logged_in.post(f"/organisateur/evenements/nouveau?lang={lang}", data={
        "name": "Job dating", "date": "2027-05-20", "start_time": "09:00", "end_time": "12:00",
        "slot_minutes": "20", "min_gap_slots": "deux", "max_wishes": "4", "table_rows": "3", "status": "open"})
    assert response.status_code == 200 and message in html.unescape(response.get_data(as_text=True))
