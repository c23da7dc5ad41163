"""The metadata scorer on small invented label folders whose every figure is worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.evaluation.metadata_scoring import (
    main,
    normalise_authors,
    normalise_outlet,
    label_outlet_name,
    score_metadata,
)

# A page whose masthead repeats in its copyright line: ingestion finds all four fields.
RIGHT_PAGE = """Brookfield Evening Star

Canal lock reopens after repairs

By Maren Tolle

3 June 2031

The lock on the Brookfield canal reopened on Tuesday after six weeks of repairs, the
waterways trust said, and the first barges passed through in the afternoon.

© 2031 Brookfield Evening Star
"""

# No date anywhere: the date is a miss and the other fields still count.
UNDATED_PAGE = """Brookfield Evening Star

Ferry timetable changes for the summer

By Maren Tolle

The summer timetable adds two evening crossings, the operator said, from the first week
of July until the end of August.

© 2031 Brookfield Evening Star
"""


def _write_set(tmp_path: Path, labels: dict[str, object], pages: dict[str, str]) -> tuple[Path, Path]:
    labels_dir, corpus_dir = tmp_path / "clean_labels", tmp_path / "corpus"
    labels_dir.mkdir(parents=True)
    corpus_dir.mkdir(parents=True)
    (labels_dir / "metadata.json").write_text(json.dumps(labels), encoding="utf-8")
    for name, text in pages.items():
        (corpus_dir / name).write_text(text, encoding="utf-8")
    return labels_dir, corpus_dir


def _label(outlet: str, date: str | None = "2031-06-03", headline: str = "Canal lock reopens after repairs") -> dict[str, str | None]:
    return {"headline": headline, "outlet": outlet, "date": date, "author": "Maren Tolle"}


def test_a_right_page_scores_every_field(tmp_path: Path) -> None:
    labels_dir, corpus_dir = _write_set(
        tmp_path, {"lock.txt": _label("The Brookfield Evening Star (city daily; text scrape)")}, {"lock.txt": RIGHT_PAGE}
    )
    score = score_metadata(labels_dir, corpus_dir)
    assert score.n_pages == 1
    assert {field: (s.right, s.scored) for field, s in score.fields.items()} == {
        "outlet": (1, 1), "date": (1, 1), "author": (1, 1), "headline": (1, 1)
    }
    assert score.misses == ()
    assert score.outlets_not_on_page == ()


def test_a_wrong_outlet_is_a_miss_and_a_name_the_page_never_writes_is_counted_apart(tmp_path: Path) -> None:
    labels_dir, corpus_dir = _write_set(tmp_path, {"lock": _label("Harrowgate Courier")}, {"lock.txt": RIGHT_PAGE})
    score = score_metadata(labels_dir, corpus_dir)  # the key without its suffix finds lock.txt
    assert score.fields["outlet"].right == 0 and score.fields["outlet"].scored == 1
    assert [(miss.page, miss.field, miss.found) for miss in score.misses] == [("lock.txt", "outlet", "Brookfield Evening Star")]
    assert score.outlets_not_on_page == ("lock.txt",)


def test_a_missing_date_is_a_miss_and_an_unlabelled_field_is_not_scored(tmp_path: Path) -> None:
    labels = {
        "ferry.txt": _label("Brookfield Evening Star", headline="Ferry timetable changes for the summer"),
        "lock.txt": _label("Brookfield Evening Star", date=None),
    }
    labels_dir, corpus_dir = _write_set(tmp_path, labels, {"ferry.txt": UNDATED_PAGE, "lock.txt": RIGHT_PAGE})
    score = score_metadata(labels_dir, corpus_dir)
    assert (score.fields["date"].right, score.fields["date"].scored) == (0, 1)
    assert score.fields["outlet"].accuracy == 1.0
    assert [(miss.page, miss.field, miss.found) for miss in score.misses] == [("ferry.txt", "date", None)]


def test_an_empty_label_says_the_page_lacks_the_field(tmp_path: Path) -> None:
    unsigned = RIGHT_PAGE.replace("By Maren Tolle\n\n", "")
    labels = {name: {**_label("Brookfield Evening Star"), "author": ""} for name in ("lock.txt", "unsigned.txt")}
    labels_dir, corpus_dir = _write_set(tmp_path, labels, {"lock.txt": RIGHT_PAGE, "unsigned.txt": unsigned})
    score = score_metadata(labels_dir, corpus_dir)
    # No byline found on the unsigned page is right; a byline found where the label says none is a miss.
    assert (score.fields["author"].right, score.fields["author"].scored) == (1, 2)
    assert [(miss.page, miss.field, miss.found) for miss in score.misses] == [("lock.txt", "author", "Maren Tolle")]


def test_a_malformed_labels_file_names_the_file_and_the_line(tmp_path: Path) -> None:
    labels_dir, corpus_dir = _write_set(tmp_path, {}, {"lock.txt": RIGHT_PAGE})
    (labels_dir / "metadata.json").write_text('{"lock.txt": {"outlet": "Brookfield Evening Star",}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"metadata\.json is not valid JSON .* line 1"):
        score_metadata(labels_dir, corpus_dir)


def test_a_label_that_is_not_an_object_or_names_no_page_is_refused(tmp_path: Path) -> None:
    labels_dir, corpus_dir = _write_set(tmp_path, {"lock.txt": "Brookfield Evening Star"}, {"lock.txt": RIGHT_PAGE})
    with pytest.raises(ValueError, match=r"the label of 'lock.txt' is a str"):
        score_metadata(labels_dir, corpus_dir)
    labels_dir, corpus_dir = _write_set(tmp_path / "other", {}, {})
    (labels_dir / "metadata.json").write_text(json.dumps({"gone": _label("X")}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels 'gone' but .* has no such page"):
        score_metadata(labels_dir, corpus_dir)


def test_notes_and_the_older_byline_field_are_read(tmp_path: Path) -> None:
    label = _label("Brookfield Evening Star")
    label["byline"] = [label.pop("author")]
    labels_dir, corpus_dir = _write_set(tmp_path, {"_comment": "labelled by hand", "lock.txt": label}, {"lock.txt": RIGHT_PAGE})
    score = score_metadata(labels_dir, corpus_dir)
    assert score.n_pages == 1
    assert (score.fields["author"].right, score.fields["author"].scored) == (1, 1)
    assert score.unscored_fields == ()


def test_normalisation() -> None:
    assert label_outlet_name("The Example Courier (city daily; RSS feed)") == "The Example Courier"
    assert normalise_outlet("The  Example Courier") == normalise_outlet("example courier")
    assert normalise_authors("Ana Ruiz (reporter), with Li Wei (anchor)") == {"ana ruiz", "li wei"}
    assert normalise_authors("Ana Ruiz and Li Wei") == normalise_authors("Li Wei, Ana Ruiz")


def test_the_command_prints_figures_json_and_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels_dir, corpus_dir = _write_set(tmp_path, {"lock.txt": _label("Brookfield Evening Star")}, {"lock.txt": RIGHT_PAGE})
    assert main([str(labels_dir), str(corpus_dir)]) == 0
    assert "outlet      1/1   1.000" in capsys.readouterr().out
    assert main([str(labels_dir), str(corpus_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fields"]["date"] == {"right": 1, "scored": 1, "accuracy": 1.0}
    assert main([str(tmp_path), str(corpus_dir)]) == 2
    assert capsys.readouterr().err.startswith("error: no metadata.json in")
