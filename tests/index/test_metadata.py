"""Outlet, date and byline detection from general signals (never file names)."""

from __future__ import annotations

import pytest

from index.cleaning import clean_text
from index.metadata import (
    byline_names,
    credit_names,
    credited_organisation,
    detect_outlet,
    is_byline_line,
    is_date_line,
    parse_date,
    reporter_names,
    strip_title_suffix,
)
from index.source_text import PageHints

BODY = "The minister said on Monday that the new bridge would open to traffic before the end of the year."


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Site of Deals - Home", "NAIROBI (AP) — Kenya's president said on Friday..."], "AP"),
        (["SEOUL, Jan 4 (Reuters) - South Korea said..."], "Reuters"),
        (["This article originally appeared in the South China Morning Post (SCMP)."], "South China Morning Post"),
        (["• Reuters with additional editing by Jim Pollard"], "Reuters"),
        (["Quake shakes Taiwan | CNN", "Story"], "CNN"),
        (["Stay up to date with notifications from The\u00a0Independent"], "The Independent"),
        (["Taipei CNN", "Story text"], "CNN"),
        (["A page that names no outlet at all."], None),
    ],
)
def test_outlet_signals(lines: list[str], outlet: str | None) -> None:
    signal = detect_outlet(lines, PageHints())
    assert (signal.outlet if signal is not None else None) == outlet


def test_wire_dateline_beats_the_reposting_site() -> None:
    page = "Home > News\nQuake hits coast -Wealth Daily Blog\nLIMA (AP) — A strong earthquake shook the coast of Peru on Sunday, officials said, damaging roads."
    assert clean_text(page, "x").meta.outlet == "AP"


def test_site_name_hint_is_canonicalised() -> None:
    assert detect_outlet(["Text"], PageHints(site_name="SCMP")).outlet == "South China Morning Post"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Wednesday 13 December 2023 06:19 GMT", "2023-12-13"),
        ("December 7, 2023", "2023-12-07"),
        ("Date:2025-04-20 02:16:11", "2025-04-20"),
        ("Dec. 14, 2023", "2023-12-14"),
        ("Published 3rd March 2024", "2024-03-03"),
        ("31 February 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_date_line_is_only_a_date() -> None:
    assert is_date_line("March 3, 2024 10:21 AM GMT+8")
    assert not is_date_line("Chinese leader Xi arrived in Hanoi on December 12, 2023.")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Smith and Li Wei", ("Jane Smith", "Li Wei")),
        ("By James Carter, BBC News", ("James Carter",)),
        ("Huizhong Wu", ()),  # a bare name needs a date line next to it (bare=True)
        ("By Sean O'Meara", ("Sean O'Meara",)),
        ("Hong Kong CNN", ()),
        ("Latest Posts", ()),
        ("Author information", ()),
    ],
)
def test_byline_names(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, "CNN") == names


def test_bare_name_line_next_to_a_date_is_a_byline() -> None:
    assert byline_names("Huizhong Wu", None, bare=True) == ("Huizhong Wu",)
    page = "\n".join(["Bridge opens in capital", "Elena Ruiz", "Tuesday 16 July 2024", BODY])
    assert clean_text(page, "x").meta.byline == ("Elena Ruiz",)


def test_title_suffix() -> None:
    assert strip_title_suffix("Xi visits Hanoi | CNN (2024)", "CNN")[0] == "Xi visits Hanoi"
    assert strip_title_suffix("Xi visits Hanoi - Reuters", "Reuters")[0] == "Xi visits Hanoi"
    assert strip_title_suffix("Ties - a new stage - begin", None)[0] == "Ties - a new stage - begin"


def test_fake_author_profile_is_not_a_byline() -> None:
    page = "\n".join(
        ["Bridge opens in capital", "By Ann Lee", BODY, "Article information", "Author: Velma Fakename",
         "Name: Velma Fakename", "Birthday: 1996-07-27", "Job: Writer"]
    )
    meta = clean_text(page, "x").meta
    assert meta.byline == ("Ann Lee",)
    assert "Velma" not in clean_text(page, "x").text


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["ZÜRICH (Reuters) - Swiss banks said..."], "Reuters"),  # a city name with non-ASCII letters
        (["By Ana Ruiz, Andean Wire Service", "QUITO, May 2 (AWS) - Ecuador said on Friday..."], "Andean Wire Service"),
        (["QUITO, May 2 (AWS) - Ecuador said on Friday..."], "AWS"),  # initials the page never spells out
        (["Tesla Inc (TSLA) - shares fell 4% in early trading."], None),  # a market line, not a dateline
        (["Skip to content", "Harbour Town Crier", "Story", "© 2024 Harbour Town Crier Ltd"], "Harbour Town Crier"),
        (["Harbour Town Crier", "Story", "Harbour Town Crier is funded by readers.", "Photo: Ann Lee / Harbour Town Crier"],
         "Harbour Town Crier"),
        (["Harbour Town Crier", "Story text without the name again."], None),  # said once: could be anything
    ],
)
def test_outlet_signals_beyond_the_gazetteer(lines: list[str], outlet: str | None) -> None:
    signal = detect_outlet(lines, PageHints())
    assert (signal.outlet if signal is not None else None) == outlet


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-06-19T18:40:00-03:00", "2025-06-19"),  # an ISO datetime (article:published_time)
        ("June 20, 2025 · 4 min read", "2025-06-20"),
    ],
)
def test_parse_date_in_datetimes_and_reading_time_lines(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_date_line_with_reading_time_or_clock_time() -> None:
    assert is_date_line("June 20, 2025 · 4 min read")
    assert is_date_line("Published Wednesday, March 5, 2025, 6:42 p.m.")
    assert not is_date_line("The meeting ended at 6:42 p.m. on March 5, 2025.")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Julián Ortega, Southern Press Agency", ("Julián Ortega",)),
        ("By Ana Ruiz · 19 June 2025, 18:40 ART", ("Ana Ruiz",)),
        ("By Sofía Marchant, Staff Reporter", ("Sofía Marchant",)),
        ("By Emily Post", ("Emily Post",)),  # "Post" is a surname as well as a paper's name
    ],
)
def test_byline_names_with_accents_agencies_and_job_titles(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, None) == names


def test_reading_time_date_line_gives_the_page_date() -> None:
    page = "\n\n".join(["Bridge opens in the capital after years of delay", "By Ann Lee", "June 20, 2025 · 4 min read", BODY])
    meta = clean_text(page, "x").meta
    assert meta.date == "2025-06-20" and meta.byline == ("Ann Lee",)


@pytest.mark.parametrize(
    "line",
    [
        "Tue 3 Jun 2024 09:15 BST · Last modified on Tue 3 Jun 2024 11:02 BST",
        "Published 3 June 2024 | Updated 2 hours ago | 12 comments",
        "Monday, June 3 2024 - 6:05pm",
        "Posted 21/06/2024",
    ],
)
def test_date_lines_with_updates_counts_and_clock_times(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    ["Updated 2 hours ago · Ferry strike ends", "3 June 2024 · Ferry strike ends as talks succeed", "12 comments"],
)
def test_lines_with_a_date_and_other_words_are_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize(
    ("text", "iso"),
    [("21/06/2024", "2024-06-21"), ("06/21/2024", "2024-06-21"), ("5.11.2024", None), ("05/06/2024", None)],
)
def test_numeric_dates_only_when_the_day_is_unambiguous(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted 21/06/2024 · by Aoife McNamara · 4 Comments", ("Aoife McNamara",)),
        ("Published 3 June 2024 | By Seán MacGowan | 5 min read", ("Seán MacGowan",)),
        ("By Luca DiMaggio", ("Luca DiMaggio",)),
        ("Posted 21/06/2024 · Ferry strike ends · by Aoife McNamara", ()),  # a headline among the parts
    ],
)
def test_byline_names_in_lines_with_dates_and_counts(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, None) == names


def test_name_role_and_date_lines_make_a_byline() -> None:
    page = "\n".join(["Bridge opens in capital after years of delay", "Ciarán Doyle", "Senior Business Reporter",
                      "Tuesday 16 July 2024", BODY])
    meta = clean_text(page, "x").meta
    assert meta.byline == ("Ciarán Doyle",) and meta.date == "2024-07-16"


@pytest.mark.parametrize(
    ("title", "lines", "outlet"),
    [
        ("Ferry service resumes - Harbour Bay Echo", ["Harbour Bay Echo", "Story text."], "Harbour Bay Echo"),
        ("Ferry service resumes | The Island Record", ["The Island Record", "Story text."], "The Island Record"),
        ("Ferry service resumes - Harbour Bay Echo", ["Story text."], None),  # the page never shows the name
        ("Ferry service resumes - a long wait ends", ["a long wait ends"], None),  # not a capitalised name
    ],
)
def test_outlet_from_a_title_suffix_the_page_shows_as_its_masthead(title: str, lines: list[str], outlet: str | None) -> None:
    signal = detect_outlet(lines, PageHints(title=title))
    assert (signal.outlet if signal is not None else None) == outlet


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["EBD  Example Business Daily", "Story text."], "Example Business Daily"),  # short form, then name
        (["HPA | Harbour Press Agency", "Story text."], "Harbour Press Agency"),
        (["Harbour Press Agency (HPA)", "Story text."], "Harbour Press Agency"),
        (["MPS  Vote Against Budget", "Story text."], None),  # initials that do not spell the words
    ],
)
def test_outlet_from_a_masthead_with_its_initials(lines: list[str], outlet: str | None) -> None:
    signal = detect_outlet(lines, PageHints())
    assert (signal.outlet if signal is not None else None) == outlet


@pytest.mark.parametrize(
    "dateline",
    ["LIMA, June 3 (HWS) - Peru's congress voted on Tuesday...", "LIMA, June 3 (Reuters) - Peru's congress voted on Tuesday..."],
)
def test_masthead_beats_the_agency_of_a_reposted_wire_story(dateline: str) -> None:
    lines = ["We use cookies to improve your experience. Accept all", "HARBOUR EVENING STAR", "Congress votes", dateline,
             "© Harbour Evening Star Ltd 2024"]
    assert detect_outlet(lines, PageHints()).outlet == "Harbour Evening Star"  # spelled as the copyright line spells it


def test_masthead_with_a_tagline() -> None:
    lines = ["HARBOUR EVENING STAR — Your town, your paper", "Story text.", "© 2024 Harbour Evening Star. All rights reserved."]
    assert detect_outlet(lines, PageHints()).outlet == "Harbour Evening Star"


@pytest.mark.parametrize(
    ("line", "organisation"),
    [
        ("Harbour Wire Service | Published 21/06/2024 09:30 | 4 comments", "Harbour Wire Service"),
        ("Reuters · 3 June 2024", "Reuters"),
        ("Ferry strike ends | 3 June 2024", None),  # a headline, not an organisation
        ("Harbour Wire Service | Updated 2 hours ago", None),  # no date
    ],
)
def test_organisation_credited_in_a_date_line(line: str, organisation: str | None) -> None:
    assert credited_organisation(line) == organisation


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted on June 3, 2024 by Ana Ruiz in Politics 4 min read", ("Ana Ruiz",)),
        ("Published 3 June 2024 by Ana Ruiz and Li Wei", ("Ana Ruiz", "Li Wei")),
        ("The bridge was opened on 3 June 2024 by Ana Ruiz", ()),  # a sentence, not a date
    ],
)
def test_byline_after_a_date_without_separators(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, None) == names


@pytest.mark.parametrize(("line", "expected"), [("By Harbour Wire Staff", True), ("By the numbers: a year of floods", False)])
def test_by_lines_whoever_they_name(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ines Varga in Cork and Ewan Tait in Porthcarra", ("Ines Varga", "Ewan Tait")),
        ("By Ines Varga in County Cork", ("Ines Varga",)),
        ("By the sea in Cork", ()),
    ],
)
def test_byline_names_with_the_places_authors_wrote_from(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, None) == names


def test_credit_names_after_each_by() -> None:
    line = "Edited by Tova Lund, with reporting from Porthcarra by Ewan Tait and Mairi Cole"
    assert credit_names(line, None) == ("Tova Lund", "Ewan Tait", "Mairi Cole")


def test_bare_pair_of_names_next_to_a_date_but_not_a_longer_list() -> None:
    assert byline_names("Ewan Tait and Mairi Cole", None, bare=True) == ("Ewan Tait", "Mairi Cole")
    assert byline_names("Ewan Tait, Mairi Cole, Tova Lund", None, bare=True) == ()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thu 5 Jun 2025 20:00 – Fri 6 Jun 2025 04:30", True),
        ("5 June 2025 to 6 June 2025", True),
        ("Thu 5 Jun 2025 20:00 – polls close across the islands", False),
    ],
)
def test_date_ranges_are_date_lines(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected
    assert expected is False or parse_date(line) == "2025-06-05"


def test_wire_dateline_with_an_agency_name_the_page_credits_again() -> None:
    lines = ["PORT AMSEL, June 4 (Harbourline) — The ferry operator said on Wednesday ...", "© 2025 Harbourline"]
    signal = detect_outlet(lines, PageHints())
    assert signal is not None and signal.outlet == "Harbourline"


def test_parenthesis_after_a_dateline_that_names_no_agency_is_ignored() -> None:
    assert detect_outlet(["KYIV (Updated) — The ferry operator said on Wednesday ..."], PageHints()) is None


def test_via_label_names_the_source() -> None:
    signal = detect_outlet(["Streamly", "Via Harbourline · 4 min read", "Ferry fares to rise"], PageHints())
    assert signal is not None and signal.outlet == "Harbourline"


def test_reporters_of_a_sign_off_but_not_its_editors() -> None:
    credit = "(Reporting by Ines Varga in Port Amsel and Jo Marr; additional reporting by Li Wei; Editing by Ana Ruiz)"
    assert reporter_names(credit, None) == ("Ines Varga", "Jo Marr")


@pytest.mark.parametrize(
    "lines",
    [
        ["THE HARBOUR POST  ·  Friday 6 June 2025  ·  Leeds: 12°C, sunny", "Ferry fares to rise", BODY],
        # the date alone: the page names the masthead again
        ["THE HARBOUR POST | Friday 6 June 2025", "Ferry fares to rise", BODY, "The Harbour Post, 2 Quay Street, Leeds"],
    ],
)
def test_masthead_in_capitals_beside_the_date(lines: list[str]) -> None:
    signal = detect_outlet(lines, PageHints())
    assert signal is not None and signal.outlet == "The Harbour Post"


def test_kicker_in_capitals_beside_the_date_is_not_a_masthead() -> None:
    assert detect_outlet(["LIVE UPDATES  ·  Friday 6 June 2025", "Ferry fares to rise", BODY], PageHints()) is None
