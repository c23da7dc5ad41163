"""Line-level cleaning score: targets on the seeds, and the scorer itself on small cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.evaluation.cleaning import score_cleaning

ROOT = Path(__file__).resolve().parents[3]
LABELS = ROOT / "tests" / "data" / "clean_labels"


def test_seed_targets() -> None:
    score = score_cleaning(LABELS, ROOT / "seeds")
    assert score.n_lines > 200
    assert score.recall == 1.0, score.false_drops
    assert score.precision >= 0.98, score.false_keeps


# The other hand-labelled corpora. Their pages were cleaned blind once (see each set's README)
# and the errors then fixed by general rules, so these guard against regressions rather than
# measure the cleaner on unseen pages.
LABELLED_SETS = sorted(path.parent for path in (ROOT / "tests" / "data").glob("*/clean_labels"))
# Sets whose last lines the general rules leave wrong, held at what they reach (recall, precision)
# so that they cannot fall back. devset_wildfire: a printed report's title split over two lines,
# an infobox's bare figures (read as a ticker's prices) and its picture caption, a hotline line
# and a fact check's "What we checked" heading; a rule for any one of them would be narrower
# than the layout (session 32). Its space-aligned table's caption and header row are kept since
# session 34 (``index.text_tables``).
# devset_oilspill (session 40): the WhatsApp chat export has no reader yet (its ten kept messages
# that open a pasted notice or a first-hand report are dropped as short lines, its encryption
# notice kept), and telling a member's report from chit-chat or hearsay needs one; the Google Docs
# update loses its issuer line above the title, a list item and two paragraphs that end in a
# registration prompt or a bare link; four table header rows (column names only) are labelled
# drop here but kept in the other sets (devset_birdflu keeps its pipe table's header row).
SHORT_OF_CLEAN = {"devset_wildfire": (0.969, 0.984), "devset_oilspill": (0.931, 0.974)}


@pytest.mark.parametrize("data_set", LABELLED_SETS, ids=lambda path: path.name)
def test_labelled_sets_stay_clean(data_set: Path) -> None:
    score = score_cleaning(data_set / "clean_labels", data_set / "corpus")
    recall, precision = SHORT_OF_CLEAN.get(data_set.name, (1.0, 1.0))
    assert score.recall >= recall, score.false_drops
    assert score.precision >= precision, score.false_keeps


def write_case(tmp_path: Path, page: str, labels: list[str]) -> tuple[Path, Path]:
    corpus, labels_dir = tmp_path / "corpus", tmp_path / "labels"
    corpus.mkdir()
    labels_dir.mkdir()
    (corpus / "doc.txt").write_text(page, encoding="utf-8")
    rows = [f"{label}\t{line}" for label, line in zip(labels, page.split("\n"))]
    (labels_dir / "doc.tsv").write_text("# header comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return labels_dir, corpus


PAGE = "Bridge opens in the capital\n\nThe new bridge opened to traffic on Monday after four years of work, officials said.\nAdvertisement"


def test_scorer_counts_false_keeps_and_drops(tmp_path: Path) -> None:
    # Deliberately wrong labels: the advertisement labelled keep, the headline labelled drop.
    labels_dir, corpus = write_case(tmp_path, PAGE, ["drop", "blank", "keep", "keep"])
    score = score_cleaning(labels_dir, corpus)
    assert score.n_lines == 3
    assert score.false_drops == [("doc", 4, "Advertisement")]
    assert score.false_keeps == [("doc", 1, "Bridge opens in the capital")]
    assert score.recall == pytest.approx(0.5) and score.precision == pytest.approx(0.5)
    assert score.to_dict()["false_keeps"] == [["doc", 1, "Bridge opens in the capital"]]


def test_labels_that_do_not_match_the_page(tmp_path: Path) -> None:
    labels_dir, corpus = write_case(tmp_path, PAGE, ["keep", "blank"])
    with pytest.raises(ValueError, match="labelled rows"):
        score_cleaning(labels_dir, corpus)


def test_unknown_label(tmp_path: Path) -> None:
    labels_dir, corpus = write_case(tmp_path, PAGE, ["maybe", "blank", "keep", "drop"])
    with pytest.raises(ValueError, match="'maybe'"):
        score_cleaning(labels_dir, corpus)
