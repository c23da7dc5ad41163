"""Document formats read in session 41 (an RTF document, an OpenDocument flat XML text, a web
page saved as MHTML) and files of other types reported instead of ignored, each beside a near
miss that must stay as it is.

Invented pages (the town of Pellinge reopens its lift bridge), not the seed pages nor the
labelled development sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.errors import CorpusError
from index.ingest import ingest_file, ingest_folder
from tests.index.test_cleaning import assert_dropped, assert_kept
from tests.index.test_feeds_captions_threads import assert_offsets_exact

HEADLINE = "Pellinge lift bridge reopens after eleven weeks of repairs"
BODY = (
    "The lift bridge over the Kasse canal in Pellinge reopened to traffic on Thursday after eleven weeks of repairs, the harbour office said.",
    "Engineers replaced both hydraulic rams and the counterweight cables, which had worn thin after forty years in service.",
    "The bridge now lifts in ninety seconds, half the time it took before the repairs, and will open for boats every hour.",
)


# --- files of a type the loader does not read: reported, not ignored ---

def test_file_of_an_unread_type_is_a_load_problem_naming_the_types(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text("\n\n".join((HEADLINE,) + BODY), encoding="utf-8")
    (tmp_path / "timetable.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "minutes.docx").write_bytes(b"PK\x03\x04")
    corpus = ingest_folder(tmp_path)
    assert [document.meta.doc_id for document in corpus.documents] == ["bridge"]
    messages = {Path(problem.path).name: problem.message for problem in corpus.problems}
    assert set(messages) == {"timetable.pdf", "minutes.docx"}
    assert "timetable.pdf" in messages["timetable.pdf"] and "unsupported file type '.pdf'" in messages["timetable.pdf"]
    assert ".txt" in messages["timetable.pdf"] and ".html" in messages["timetable.pdf"]
    assert "export its text" in messages["timetable.pdf"]


def test_hidden_files_and_sub_folders_are_not_load_problems(tmp_path: Path) -> None:
    # Near miss: what is not the corpus's (a hidden file, a folder of labels) stays unreported.
    (tmp_path / "bridge.txt").write_text("\n\n".join((HEADLINE,) + BODY), encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "bridge.tsv").write_text("keep\tx\n")
    assert ingest_folder(tmp_path).problems == ()


def test_folder_of_only_unread_types_names_them(tmp_path: Path) -> None:
    (tmp_path / "timetable.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(CorpusError, match=r"holds no page .*timetable\.pdf"):
        ingest_folder(tmp_path)
