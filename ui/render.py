"""Pure functions that turn pipeline records into HTML for the page.

Every piece of corpus text goes through ``html.escape`` here and nowhere else, so the
page never renders markup that came from a scraped file. Nothing in this module touches
Gradio, which keeps it testable with hand-built records.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from index.records import CleanedDocument, DocumentMeta, Hit, OffsetMap, Passage
from qa.records import Answer, Citation

logger = logging.getLogger(__name__)

# Column names of the retrieval table in the details section, in the order of hit_rows().
HIT_COLUMNS: tuple[str, ...] = (
    "rank",
    "outlet",
    "passage",  # f"{doc_id}#{ordinal}": names the document too
    "fused",
    "BM25",
    "BM25 #",
    "vector",
    "vector #",
    "also in",
    "text",
)

# How many of the closest passages a refusal shows; more would bury the reason.
REFUSAL_PASSAGES = 3


@dataclass(frozen=True, slots=True)
class Source:
    """One outlet that carries a cited passage: who, where, and which raw characters."""

    doc_id: str
    outlet: str | None
    headline: str | None
    date: str | None
    passage_id: str
    start: int
    end: int


def esc(text: str | None) -> str:
    """HTML-escape corpus text (quotes included, since some of it lands in attributes)."""
    return html.escape(text if text is not None else "", quote=True)


def highlight(text: str, start: int | None, end: int | None, css_class: str = "answer-span") -> str:
    """Escaped ``text`` with ``[start, end)`` wrapped in ``<mark>``; unmarked if the span is unusable.

    >>> highlight("a <b> c", 2, 5)
    'a <mark class="answer-span">&lt;b&gt;</mark> c'
    """
    if start is None or end is None or not 0 <= start < end <= len(text):
        return esc(text)
    return f'{esc(text[:start])}<mark class="{css_class}">{esc(text[start:end])}</mark>{esc(text[end:])}'


def confidence_label(confidence: float) -> str:
    """A confidence as a whole percentage, the form readers parse fastest."""
    return f"{round(confidence * 100)}%"


def _outlet(outlet: str | None) -> str:
    return outlet if outlet is not None else "Unknown outlet"


def _panel(kind: str, title: str, body: str, question: str | None = None) -> str:
    # data-question lets a browser (or a test) tell this result from the previous one.
    asked = f' data-question="{esc(question)}"' if question is not None else ""
    return (
        f'<section class="cqa-panel cqa-{kind}" data-kind="{kind}"{asked}>'
        f'<h3 class="cqa-title">{esc(title)}</h3>{body}</section>'
    )


def render_message(text: str, *, title: str = "Nothing to answer yet", kind: str = "notice") -> str:
    """A friendly message in place of a result (empty question, question too long, failure)."""
    return _panel(kind, title, f"<p>{esc(text)}</p>")


def render_placeholder() -> str:
    """What the result area shows before the first question."""
    return (
        '<section class="cqa-panel cqa-empty" data-kind="empty"><p>Ask a question about the news pages. '
        "The answer is quoted from its source, with the passage that supports it; when no page "
        "answers the question, the page says so and shows why.</p></section>"
    )


def _find_hit(hits: Sequence[Hit], passage_id: str) -> Hit | None:
    """The hit whose passage, or one of whose twins, is ``passage_id``."""
    for hit in hits:
        if hit.passage.passage_id == passage_id or any(t.passage_id == passage_id for t in hit.twins):
            return hit
    return None


def _source_of_passage(passage: Passage, document: DocumentMeta) -> Source:
    return Source(
        doc_id=passage.doc_id,
        outlet=document.outlet,
        headline=document.headline,
        date=document.date,
        passage_id=passage.passage_id,
        start=passage.raw_start,
        end=passage.raw_end,
    )


def _source_of_citation(citation: Citation) -> Source:
    return Source(
        doc_id=citation.doc_id,
        outlet=citation.source,
        headline=citation.headline,
        date=citation.date,
        passage_id=citation.passage_id,
        start=citation.start,
        end=citation.end,
    )


def group_citations(answer: Answer) -> list[tuple[Citation, list[Source]]]:
    """Each distinct cited passage with the other outlets that carry the same passage.

    The same wire story in two outlets reaches us twice: as a second Citation of the answer
    and as a twin of the hit. Both fold into one card so a reader sees one source with
    "also reported by", not the same sentence twice.
    """
    groups: list[tuple[Citation, list[Source]]] = []
    claimed: set[str] = set()  # passage ids already shown, as a card or as "also reported by"
    for citation in answer.citations:
        if citation.passage_id in claimed:
            continue
        claimed.add(citation.passage_id)
        hit = _find_hit(answer.hits, citation.passage_id)
        twin_ids: set[str] = set()
        also: list[Source] = []
        if hit is not None:
            family = [(hit.passage, hit.document), *zip(hit.twins, hit.twin_documents)]
            twin_ids = {passage.passage_id for passage, _ in family}
            for passage, document in family:
                if passage.passage_id not in claimed and passage.doc_id != citation.doc_id:
                    claimed.add(passage.passage_id)
                    also.append(_source_of_passage(passage, document))
        # Extra citations of the same passage family report the answer's own offsets there.
        for other in answer.citations:
            if other.passage_id in twin_ids and other.doc_id != citation.doc_id:
                also = [_source_of_citation(other) if s.doc_id == other.doc_id else s for s in also]
        groups.append((citation, also))
    return groups


def _meta_line(source: str | None, date: str | None, doc_id: str, start: int, end: int) -> str:
    parts = [f'<span class="cqa-outlet">{esc(_outlet(source))}</span>']
    if date is not None:
        parts.append(f'<span class="cqa-date">{esc(date)}</span>')
    parts.append(f'<code class="cqa-doc-id">{esc(doc_id)}</code>')
    parts.append(f'<span class="cqa-offsets">chars {start}–{end}</span>')
    return '<div class="cqa-meta">' + " · ".join(parts) + "</div>"


def render_citation_card(citation: Citation, also: Sequence[Source] = ()) -> str:
    """One source card: outlet, headline, date, document id, raw offsets, other outlets."""
    headline = citation.headline if citation.headline is not None else "(no headline detected)"
    body = [
        f'<article class="cqa-card" data-doc-id="{esc(citation.doc_id)}" data-passage-id="{esc(citation.passage_id)}">',
        f'<div class="cqa-headline">{esc(headline)}</div>',
        _meta_line(citation.source, citation.date, citation.doc_id, citation.start, citation.end),
    ]
    if also:
        chips = "".join(
            f'<li class="cqa-also-item" data-doc-id="{esc(s.doc_id)}">{esc(_outlet(s.outlet))} '
            f'<code>{esc(s.doc_id)}</code> <span class="cqa-offsets">chars {s.start}–{s.end}</span></li>'
            for s in also
        )
        body.append(f'<div class="cqa-also"><span class="cqa-also-label">Also reported by</span><ul>{chips}</ul></div>')
    body.append("</article>")
    return "".join(body)


def render_answer(answer: Answer) -> str:
    """The whole result area for an Answer: the answer panel or the refusal panel."""
    return render_refusal(answer) if answer.refused else render_answered(answer)


def render_answered(answer: Answer) -> str:
    """Answer in large type with its confidence, the supporting passage marked, the source cards."""
    if answer.text is None:
        raise ValueError("render_answered needs an answer with text; use render_refusal for refusals")
    groups = group_citations(answer)
    primary = answer.citations[0]
    body = [
        '<div class="cqa-answer-row">',
        f'<div class="cqa-answer-text">{esc(answer.text)}</div>',
        f'<div class="cqa-confidence" title="calibrated probability that this answers the question">'
        f"{confidence_label(answer.confidence)} confident</div>",
        "</div>",
        '<div class="cqa-section-label">Supporting passage</div>',
        f'<blockquote class="cqa-passage">{highlight(primary.text, primary.answer_start, primary.answer_end)}</blockquote>',
        f'<div class="cqa-section-label">Source{"s" if len(groups) > 1 else ""}</div>',
        '<div class="cqa-cards">',
        *(render_citation_card(citation, also) for citation, also in groups),
        "</div>",
        f'<div class="cqa-footnote">Answered in {answer.latency_ms:.0f} ms. Open a source below to see the passage in its document.</div>',
    ]
    return _panel("answer", "Answer", "".join(body), answer.question)


def _passage_with_candidate(text: str, candidate: str | None) -> str:
    """Escaped passage text with the reader's rejected candidate marked, if it occurs verbatim."""
    if candidate:
        at = text.find(candidate)
        if at >= 0:
            return highlight(text, at, at + len(candidate), css_class="candidate-span")
    return esc(text)


def render_refusal(answer: Answer) -> str:
    """A deliberate refusal: the reason in plain words and the closest passages considered."""
    body = [
        '<div class="cqa-refusal-head">These sources do not answer this question.</div>',
        f'<p class="cqa-reason">{esc(answer.reason)}</p>',
    ]
    if answer.candidate is not None:
        body.append(
            f'<p class="cqa-candidate">Closest candidate: <q>{esc(answer.candidate)}</q> '
            f"<span class=\"cqa-confidence-small\">({confidence_label(answer.confidence)} confident — too low to answer)</span></p>"
        )
    if answer.hits:
        body.append('<div class="cqa-section-label">Closest passages considered</div><ol class="cqa-closest">')
        for hit in answer.hits[:REFUSAL_PASSAGES]:
            headline = hit.document.headline if hit.document.headline is not None else ""
            body.append(
                f'<li class="cqa-closest-item" data-doc-id="{esc(hit.passage.doc_id)}">'
                f'<div class="cqa-meta"><span class="cqa-outlet">{esc(_outlet(hit.document.outlet))}</span> · '
                f'<span class="cqa-headline-small">{esc(headline)}</span> · <code class="cqa-doc-id">{esc(hit.passage.doc_id)}</code></div>'
                f'<blockquote class="cqa-passage cqa-passage-muted">{_passage_with_candidate(hit.passage.text, answer.candidate)}</blockquote></li>'
            )
        body.append("</ol>")
    else:
        body.append('<p class="cqa-footnote">No passage came close enough to consider.</p>')
    return _panel("refusal", "No answer", "".join(body), answer.question)


def _score(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def hit_rows(hits: Sequence[Hit]) -> list[list[object]]:
    """The retrieval table: one row per hit, columns as in HIT_COLUMNS (None where a retriever missed)."""
    rows: list[list[object]] = []
    for hit in hits:
        also = ", ".join(f"{_outlet(d.outlet)} ({p.doc_id})" for p, d in zip(hit.twins, hit.twin_documents))
        snippet = hit.passage.text if len(hit.passage.text) <= 160 else hit.passage.text[:157] + "..."
        rows.append(
            [
                hit.rank,
                _outlet(hit.document.outlet),
                hit.passage.passage_id,
                _score(hit.fused_score),
                _score(hit.bm25_score),
                hit.bm25_rank,
                _score(hit.vector_score),
                hit.vector_rank,
                also,
                snippet,
            ]
        )
    return rows


def text_span_of_raw(offsets: OffsetMap, raw_start: int, raw_end: int) -> tuple[int, int] | None:
    """The derived-text span whose characters come from raw ``[raw_start, raw_end)``, if any."""
    lo: int | None = None
    hi: int | None = None
    for run in offsets.runs:
        start = max(run.raw_start, raw_start)
        end = min(run.raw_start + run.length, raw_end)
        if start < end:
            text_start = run.text_start + (start - run.raw_start)
            text_end = run.text_start + (end - run.raw_start)
            lo = text_start if lo is None else min(lo, text_start)
            hi = text_end if hi is None else max(hi, text_end)
    return (lo, hi) if lo is not None and hi is not None else None


def _paint(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """Escaped ``text`` with each ``(start, end, class)`` span in a ``<mark>``; later spans nest inside earlier ones."""
    layer = [0] * (len(text) + 1)
    for level, (start, end, _) in enumerate(spans, start=1):
        for i in range(max(start, 0), min(end, len(text))):
            layer[i] = level
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and layer[j] == layer[i]:
            j += 1
        chunk = esc(text[i:j])
        level = layer[i]
        out.append(chunk if level == 0 else f'<mark class="{spans[level - 1][2]}">{chunk}</mark>')
        i = j
    return "".join(out)


def _document_header(document: CleanedDocument) -> str:
    meta = document.meta
    headline = meta.headline if meta.headline is not None else "(no headline detected)"
    date = f" · {esc(meta.date)}" if meta.date is not None else ""
    return (
        f'<div class="cqa-doc-head"><div class="cqa-headline">{esc(headline)}</div>'
        f'<div class="cqa-meta">{esc(_outlet(meta.outlet))}{date} · <code class="cqa-doc-id">{esc(meta.doc_id)}</code></div></div>'
    )


def render_document(
    document: CleanedDocument,
    passage: Passage | None = None,
    answer_raw_span: tuple[int, int] | None = None,
    *,
    cited: bool = True,
) -> str:
    """The cleaned article text with ``passage`` marked and, inside it, the answer span.

    ``cited=False`` labels the mark as the closest passage of a refusal, not a citation.
    """
    spans: list[tuple[int, int, str]] = []
    if passage is not None:
        if passage.doc_id != document.meta.doc_id:
            raise ValueError(f"passage {passage.passage_id} belongs to {passage.doc_id}, not {document.meta.doc_id}")
        passage_span = text_span_of_raw(document.offsets, passage.raw_start, passage.raw_end)
        if passage_span is not None:
            spans.append((*passage_span, "doc-passage"))
        if answer_raw_span is not None:
            answer_span = text_span_of_raw(document.offsets, *answer_raw_span)
            # A citation whose span is the whole passage would just repaint the passage.
            if answer_span is not None and answer_span != passage_span:
                spans.append((*answer_span, "answer-span"))
    note = (
        f'<p class="cqa-footnote">{"The cited passage is marked." if cited else "The closest passage considered (not an answer) is marked."}</p>'
        if spans
        else '<p class="cqa-footnote">No passage of this document was cited for the last question.</p>'
    )
    return (
        f'<div class="cqa-doc" data-doc-id="{esc(document.meta.doc_id)}">{_document_header(document)}{note}'
        f'<div class="cqa-doc-text">{_paint(document.text, spans)}</div></div>'
    )


def render_dropped(document: CleanedDocument) -> str:
    """The raw file with every block the cleaner dropped struck through and labelled with its reason."""
    raw = document.raw_text
    blocks = sorted(document.dropped, key=lambda b: (b.raw_start, b.raw_end))
    out: list[str] = []
    position = 0
    dropped_chars = 0
    for block in blocks:
        start = max(block.raw_start, position)  # overlapping blocks: never show a character twice
        end = min(block.raw_end, len(raw))
        if start >= end:
            continue
        out.append(esc(raw[position:start]))
        out.append(
            f'<span class="cqa-dropped" data-reason="{esc(block.reason)}"><span class="cqa-reason-tag">{esc(block.reason)}</span>'
            f"<del>{esc(raw[start:end])}</del></span>"
        )
        dropped_chars += end - start
        position = end
    out.append(esc(raw[position:]))
    reasons = sorted({b.reason for b in blocks})
    summary = (
        f"The cleaner dropped {len(blocks)} block{'s' if len(blocks) != 1 else ''} "
        f"({dropped_chars} of {len(raw)} characters): {', '.join(reasons)}."
        if blocks
        else "The cleaner dropped nothing from this file."
    )
    return (
        f'<div class="cqa-doc cqa-raw" data-doc-id="{esc(document.meta.doc_id)}">{_document_header(document)}'
        f'<p class="cqa-footnote">{esc(summary)} Struck-through text is not searched or cited.</p>'
        f'<div class="cqa-doc-text">{"".join(out)}</div></div>'
    )


def document_label(meta: DocumentMeta, cited: bool = False) -> str:
    """How a document is named in the document picker."""
    headline = meta.headline if meta.headline is not None else meta.doc_id
    if len(headline) > 70:
        headline = headline[:67] + "..."
    prefix = "★ cited · " if cited else ""
    return f"{prefix}{_outlet(meta.outlet)} — {headline} ({meta.doc_id})"
