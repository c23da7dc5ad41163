"""The page's CSS, kept as a string so it ships inside the ``ui`` package without package data."""

from __future__ import annotations

# Colours use Gradio's theme variables where one exists, so the page follows light and dark
# mode; the highlight colours are fixed because "yellow = the answer" must read the same in both.
CSS = """
.cqa-header h1 { margin-bottom: 0.2em; }
.cqa-header p { margin-top: 0; opacity: 0.8; }
.cqa-panel {
  border-radius: 10px; padding: 18px 22px; margin: 4px 0;
  border: 1px solid var(--border-color-primary, #d0d7de);
  background: var(--block-background-fill, #fff);
  color: var(--body-text-color, #1f2328);
}
.cqa-panel .cqa-title {
  margin: 0 0 8px 0; font-size: 0.8rem; letter-spacing: 0.08em; text-transform: uppercase; opacity: 0.7;
}
.cqa-answer { border-left: 6px solid #1f883d; }
.cqa-refusal { border-left: 6px solid #bf8700; background: rgba(191, 135, 0, 0.06); }
.cqa-notice { border-left: 6px solid #0969da; }
.cqa-error { border-left: 6px solid #cf222e; }
.cqa-empty { opacity: 0.75; }
.cqa-answer-row { display: flex; align-items: baseline; gap: 18px; flex-wrap: wrap; }
.cqa-answer-text { font-size: 2.1rem; font-weight: 700; line-height: 1.2; }
.cqa-confidence {
  font-size: 0.95rem; font-weight: 600; padding: 3px 10px; border-radius: 999px;
  background: rgba(31, 136, 61, 0.12); color: #1a7f37; white-space: nowrap;
}
.cqa-confidence-small { opacity: 0.75; font-size: 0.9em; }
.cqa-section-label {
  margin: 16px 0 6px 0; font-size: 0.78rem; font-weight: 600; letter-spacing: 0.06em;
  text-transform: uppercase; opacity: 0.65;
}
.cqa-passage {
  margin: 0; padding: 10px 14px; border-left: 3px solid var(--border-color-primary, #d0d7de);
  font-size: 1.02rem; line-height: 1.55; background: rgba(127, 127, 127, 0.06); border-radius: 4px;
}
.cqa-passage-muted { font-size: 0.95rem; opacity: 0.9; }
mark.answer-span { background: #ffe066; color: #1f2328; padding: 0 2px; border-radius: 3px; font-weight: 600; }
mark.candidate-span { background: rgba(191, 135, 0, 0.25); color: inherit; border-bottom: 2px dotted #bf8700; }
mark.doc-passage { background: rgba(9, 105, 218, 0.13); color: inherit; border-radius: 2px; }
mark.doc-passage mark.answer-span, .cqa-doc-text mark.answer-span { background: #ffe066; }
.cqa-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }
.cqa-card {
  border: 1px solid var(--border-color-primary, #d0d7de); border-radius: 8px; padding: 10px 12px;
  background: var(--background-fill-secondary, #f6f8fa);
}
.cqa-headline { font-weight: 600; line-height: 1.3; margin-bottom: 4px; }
.cqa-meta { font-size: 0.85rem; opacity: 0.85; }
.cqa-outlet { font-weight: 600; }
.cqa-doc-id { font-size: 0.8rem; }
.cqa-offsets { opacity: 0.75; font-size: 0.8rem; }
.cqa-also { margin-top: 8px; font-size: 0.85rem; }
.cqa-also-label { font-weight: 600; opacity: 0.8; }
.cqa-also ul { margin: 2px 0 0 0; padding-left: 18px; }
.cqa-footnote { font-size: 0.82rem; opacity: 0.7; margin-top: 12px; }
.cqa-refusal-head { font-size: 1.5rem; font-weight: 700; color: #9a6700; }
.cqa-reason { font-size: 1.1rem; margin: 6px 0; }
.cqa-candidate { font-size: 0.95rem; }
.cqa-closest { padding-left: 20px; }
.cqa-closest-item { margin-bottom: 10px; }
.cqa-headline-small { font-style: italic; }
.cqa-doc-head { margin-bottom: 6px; }
.cqa-doc-text {
  position: relative; white-space: pre-wrap; line-height: 1.55; max-height: 520px; overflow-y: auto;
  padding: 10px 12px; border: 1px solid var(--border-color-primary, #d0d7de); border-radius: 6px;
}
.cqa-dropped del { color: #8c959f; text-decoration-color: #cf222e; }
.cqa-reason-tag {
  display: inline-block; font-size: 0.7rem; font-weight: 600; text-transform: uppercase;
  background: #cf222e; color: #fff; border-radius: 3px; padding: 0 4px; margin-right: 4px;
  white-space: nowrap; vertical-align: 1px;
}
"""
