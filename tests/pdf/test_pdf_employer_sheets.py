"""Employer table sheets: interviews in order, free slots and breaks as rows, room for notes."""
from __future__ import annotations

from pdfdata import at, slots_between
from pdfread import page_texts, pages

from jobdating.pdf import EmployerInterview, render_employer_sheets

MM = 72 / 25.4


def test_sheet_lists_interviews_in_time_order_with_candidate_situation_and_offer(make_event, make_sheet):
    text = page_texts(render_employer_sheets(make_event(), [make_sheet()]))[0]
    assert "Leroy Merlin" in text and "Table 3" in text and "2 entretiens" in text
    morning = text.index("Łukasz Nowak")
    afternoon = text.index("Anaïs Lefèvre-Da")
    assert morning < afternoon
    assert "Notes" in text and "Retenu·e" in text


def test_each_interview_row_holds_time_candidate_profile_and_empty_notes(make_event, make_sheet):
    table = pages(render_employer_sheets(make_event(), [make_sheet()]))[0].extract_tables()[0]
    rows = [[(cell or "").replace("\n", " ") for cell in row] for row in table]
    assert rows[0] == ["Heure", "Candidat·e", "Profil", "Notes", "Suite"]
    assert rows[1][:4] == ["9 h 00 – 9 h 15", "Łukasz Nowak", "Magasinier·ère En reconversion", ""]
    assert rows[2][:2] == ["9 h 15 – 9 h 30", "Libre"]


def test_the_notes_column_is_the_widest(make_event, make_sheet):
    page = pages(render_employer_sheets(make_event(), [make_sheet()]))[0]
    cells = page.find_tables()[0].rows[0].cells
    widths = [x1 - x0 for x0, _, x1, _ in cells]
    assert widths[3] == max(widths) and widths[3] > 160  # points: more than a third of the body


def test_free_slots_and_the_lunch_break_appear_as_rows(make_event, make_sheet):
    event = make_event()
    text = "\n".join(page_texts(render_employer_sheets(event, [make_sheet()])))
    assert text.count("Libre") == len(event.slots) - 2
    assert "Pause déjeuner" in text
    assert text.index("9 h 15") < text.index("Libre")


def test_slots_outside_the_employers_presence_are_not_offered_as_free(make_event, make_sheet):
    sheet = make_sheet(present_from=at("09:00"), present_until=at("10:00"),
                       interviews=(EmployerInterview(at("09:00"), at("09:15"), "Łukasz Nowak"),))
    text = page_texts(render_employer_sheets(make_event(), [sheet]))[0]
    assert text.count("Libre") == 3
    assert "Pause déjeuner" not in text and "14 h" not in text


def test_a_long_day_continues_on_the_next_page_with_the_header_repeated(make_event, make_sheet):
    event = make_event(slots=slots_between("08:00", "19:00"), breaks=())
    interviews = tuple(EmployerInterview(s.start, s.end, f"Candidat {n}", "Étudiant·e", "Vendeur·se")
                       for n, s in enumerate(event.slots))
    texts = page_texts(render_employer_sheets(event, [make_sheet(interviews=interviews), make_sheet("Orange", 9)]))
    assert len(texts) >= 3
    first_sheet = [t for t in texts if "Leroy Merlin" in t]
    assert len(first_sheet) >= 2 and all("Candidat·e" in t and "Notes" in t for t in first_sheet)
    assert "Candidat 43" in "".join(first_sheet)
    assert "Orange" in texts[-1] and "Leroy Merlin" not in texts[-1]


def test_every_page_names_its_company_and_table_and_says_page_i_of_n_of_its_sheet(make_event, make_sheet):
    event = make_event(slots=slots_between("08:00", "19:00"), breaks=())
    interviews = tuple(EmployerInterview(s.start, s.end, f"Candidat {n}", "Étudiant·e", "Vendeur·se")
                       for n, s in enumerate(event.slots))
    sheets = [make_sheet(interviews=interviews), make_sheet("Orange", 9), make_sheet("Kiabi", 4, interviews=interviews)]
    found = pages(render_employer_sheets(event, sheets))
    bands = [page.crop((0, 0, page.width, 25 * MM)).extract_text() for page in found]
    owners = [[sheet for sheet in sheets if sheet.company in band] for band in bands]
    assert all(len(owner) == 1 for owner in owners), bands
    runs = [[index for index, owner in enumerate(owners) if owner[0] is sheet] for sheet in sheets]
    assert [index for run in runs for index in run] == list(range(len(found)))  # each sheet's pages in a row
    assert len(runs[0]) >= 2 and len(runs[2]) >= 2
    for sheet, run in zip(sheets, runs, strict=True):
        for position, index in enumerate(run, start=1):
            assert f"Table {sheet.table} · page {position}/{len(run)}" in bands[index], bands[index]
    for number, page in enumerate(found, start=1):
        assert f"page {number}/{len(found)}" in page.extract_text()
