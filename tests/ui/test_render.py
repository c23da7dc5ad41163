"""ui.render: records in, escaped HTML out, with the right spans marked."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from index.records import DroppedBlock
from qa.records import Answer
from tests.ui.conftest import (
    ANSWERED,
    DOC_A,
    DOC_B,
    HIT_MAYOR,
    HIT_TONNES,
    MAYOR,
    PASSAGE_A0,
    PASSAGE_A1,
    REFUSED,
    SENTENCE,
    citation,
)
from ui import render

TAG = re.compile(r"<[^>]+>")


def marked(fragment: str, css_class: str) -> list[str]:
    """Unescaped text of every ``<mark class=css_class>`` (not nested) in ``fragment``."""
    return [html.unescape(TAG.sub("", m)) for m in re.findall(rf'<mark class="{css_class}">(.*?)</mark>', fragment, re.S)]


def visible_text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def assert_no_corpus_markup(fragment: str) -> None:
    for raw_tag in ("<script", "<b>", "<i>", "<Planet>", "<em>", "<mayor>", "<junk>"):
        assert raw_tag not in fragment, f"unescaped {raw_tag!r} in {fragment[:200]}"


def test_highlight_escapes_and_marks_the_span() -> None:
    assert render.highlight("a <b> & c", 2, 5) == 'a <mark class="answer-span">&lt;b&gt;</mark> &amp; c'


@pytest.mark.parametrize("span", [(None, None), (3, 3), (5, 2), (-1, 2), (0, 99)])
def test_highlight_leaves_text_unmarked_for_an_unusable_span(span: tuple[int | None, int | None]) -> None:
    assert render.highlight("x <y> z", *span) == "x &lt;y&gt; z"


@pytest.mark.parametrize(("confidence", "label"), [(0.0, "0%"), (0.874, "87%"), (0.995, "100%"), (1.0, "100%")])
def test_confidence_label(confidence: float, label: str) -> None:
    assert render.confidence_label(confidence) == label


def test_answer_panel_shows_answer_confidence_marked_span_and_one_card_per_wire_story() -> None:
    page = render.render_answer(ANSWERED)
    assert 'data-kind="answer"' in page
    assert re.search(r'class="cqa-answer-text">4\.2 million tonnes<', page)
    assert "87% confident" in page
    assert marked(page, "answer-span") == ["4.2 million tonnes"]
    assert SENTENCE in visible_text(page)
    # The two outlets carry the same passage: one card, the other outlet under "also reported by".
    assert page.count('class="cqa-card"') == 1
    assert 'data-doc-id="100_alpha"' in page
    assert "Also reported by" in page
    assert re.search(r'cqa-also-item" data-doc-id="101_beta">Wire &amp; Co', page)
    assert_no_corpus_markup(page)
    assert "Port &lt;i&gt;record&lt;/i&gt; &amp; quay" in page
    assert "Daily &lt;Planet&gt;" in page
    assert "2022-01-03" in page


def test_card_offsets_are_the_citation_raw_offsets() -> None:
    page = render.render_answer(ANSWERED)
    first = ANSWERED.citations[0]
    assert f"chars {first.start}–{first.end}" in page
    # The folded twin reports its own citation offsets, not its passage's.
    second = ANSWERED.citations[1]
    assert f"chars {second.start}–{second.end}" in page


def test_group_citations_uses_hit_twins_even_without_a_second_citation() -> None:
    answer = replace(ANSWERED, citations=ANSWERED.citations[:1])
    [(first, also)] = render.group_citations(answer)
    assert first.doc_id == "100_alpha"
    assert [source.doc_id for source in also] == ["101_beta"]
    assert (also[0].start, also[0].end) == (HIT_TONNES.twins[0].raw_start, HIT_TONNES.twins[0].raw_end)


def test_group_citations_keeps_unrelated_citations_as_separate_cards() -> None:
    mayor = replace(citation(DOC_A, PASSAGE_A1), answer_start=None, answer_end=None)
    answer = replace(ANSWERED, citations=(ANSWERED.citations[0], mayor), hits=())
    groups = render.group_citations(answer)
    assert [(c.passage_id, also) for c, also in groups] == [("100_alpha#0", []), ("100_alpha#1", [])]
    assert render.render_answer(answer).count('class="cqa-card"') == 2


def test_refusal_panel_gives_reason_candidate_and_closest_passages_escaped() -> None:
    page = render.render_answer(REFUSED)
    assert 'data-kind="refusal"' in page
    assert "do not answer" in page
    assert "No passage names an owner; the closest one is about the &lt;mayor&gt;." in page
    assert "Closest candidate" in page and "12% confident" in page
    assert marked(page, "candidate-span") == ["Ana <b>Ruiz</b>"]
    assert page.count('class="cqa-closest-item"') == 2
    assert MAYOR in visible_text(page)
    assert 'class="cqa-answer-text"' not in page
    assert_no_corpus_markup(page)


def test_refusal_panel_caps_the_closest_passages_and_handles_no_hits() -> None:
    many = replace(REFUSED, hits=(HIT_MAYOR, HIT_TONNES) * 3, candidate=None)
    page = render.render_refusal(many)
    assert page.count('class="cqa-closest-item"') == render.REFUSAL_PASSAGES
    assert "Closest candidate" not in page
    bare = render.render_refusal(Answer(question="q", text=None, refused=True, reason="Nothing matched."))
    assert "No passage came close" in bare and "Nothing matched." in bare


def test_render_answered_rejects_a_refusal() -> None:
    with pytest.raises(ValueError, match="render_refusal"):
        render.render_answered(REFUSED)


def test_message_is_escaped() -> None:
    page = render.render_message("question <too> long", title="Re<phrase>", kind="error")
    assert "question &lt;too&gt; long" in page and 'data-kind="error"' in page and "Re&lt;phrase&gt;" in page


def test_hit_rows_line_up_with_columns_and_keep_missing_scores_empty() -> None:
    rows = render.hit_rows([HIT_TONNES, HIT_MAYOR])
    assert all(len(row) == len(render.HIT_COLUMNS) for row in rows)
    by_column = [dict(zip(render.HIT_COLUMNS, row)) for row in rows]
    assert by_column[0]["rank"] == 1 and by_column[0]["BM25 #"] == 1 and by_column[0]["vector #"] == 2
    assert by_column[0]["vector"] == 0.6123
    assert by_column[0]["also in"] == "Wire & Co (101_beta)"
    assert by_column[1]["BM25"] is None and by_column[1]["BM25 #"] is None
    assert by_column[1]["also in"] == ""


def test_text_span_of_raw_maps_a_raw_passage_into_the_cleaned_text() -> None:
    span = render.text_span_of_raw(DOC_A.offsets, PASSAGE_A1.raw_start, PASSAGE_A1.raw_end)
    assert span is not None
    assert DOC_A.text[span[0] : span[1]] == MAYOR
    # A raw stretch the cleaner dropped has no place in the cleaned text.
    assert render.text_span_of_raw(DOC_A.offsets, 0, 10) is None


def test_document_view_marks_the_passage_and_the_answer_inside_it() -> None:
    first = ANSWERED.citations[0]
    page = render.render_document(DOC_A, PASSAGE_A0, (first.start, first.end))
    assert "The cited passage is marked" in page
    assert marked(page, "answer-span") == ["4.2 million tonnes"]
    passage_marks = re.findall(r'<mark class="doc-passage">(.*?)</mark>', page, re.S)
    assert "".join(html.unescape(p) for p in passage_marks) == SENTENCE.replace("4.2 million tonnes", "")
    assert visible_text(page).endswith(DOC_A.text)
    assert_no_corpus_markup(page)


def test_document_view_without_a_passage_marks_nothing() -> None:
    page = render.render_document(DOC_B)
    assert "<mark" not in page and "No passage of this document was cited" in page


def test_document_view_rejects_a_passage_of_another_document() -> None:
    with pytest.raises(ValueError, match="101_beta"):
        render.render_document(DOC_B, PASSAGE_A0)


def test_dropped_view_strikes_each_block_with_its_reason_and_keeps_every_raw_character() -> None:
    page = render.render_dropped(DOC_A)
    struck = [html.unescape(s) for s in re.findall(r"<del>(.*?)</del>", page, re.S)]
    assert struck == [DOC_A.raw_text[b.raw_start : b.raw_end] for b in DOC_A.dropped]
    assert 'data-reason="menu &lt;junk&gt;"' in page and 'data-reason="ad"' in page
    assert "dropped 2 blocks" in page
    body = page.split('class="cqa-doc-text">', 1)[1]
    without_tags = re.sub(r'<span class="cqa-reason-tag">.*?</span>', "", body)
    assert visible_text(without_tags) == DOC_A.raw_text
    assert_no_corpus_markup(page)


def test_dropped_view_never_repeats_text_of_overlapping_blocks() -> None:
    raw = DOC_B.raw_text
    overlapping = replace(DOC_B, dropped=(DroppedBlock(0, 8, "a"), DroppedBlock(4, 12, "b"), DroppedBlock(5, 6, "c")))
    page = render.render_dropped(overlapping)
    body = page.split('class="cqa-doc-text">', 1)[1]
    assert visible_text(re.sub(r'<span class="cqa-reason-tag">.*?</span>', "", body)) == raw


def test_dropped_view_of_a_clean_file_says_nothing_was_dropped() -> None:
    page = render.render_dropped(replace(DOC_B, dropped=()))
    assert "dropped nothing" in page and "<del>" not in page


def test_document_label_marks_cited_documents_and_shortens_long_headlines() -> None:
    assert render.document_label(DOC_B.meta) == "Wire & Co — Port record (101_beta)"
    long_meta = replace(DOC_B.meta, headline="x" * 100)
    label = render.document_label(long_meta, cited=True)
    assert label.startswith("★ cited · ") and "x" * 67 + "..." in label


def test_document_view_labels_a_refusal_passage_as_not_an_answer() -> None:
    page = render.render_document(DOC_A, PASSAGE_A1, (PASSAGE_A1.raw_start, PASSAGE_A1.raw_end), cited=False)
    assert "not an answer" in page and "The cited passage" not in page
    assert marked(page, "doc-passage") == [MAYOR]


def test_result_panels_carry_their_question_escaped() -> None:
    assert 'data-question="How much did the port handle in 2021?"' in render.render_answer(ANSWERED)
    assert 'data-question="Who &lt;em&gt;owns&lt;/em&gt; the port?"' in render.render_answer(REFUSED)
