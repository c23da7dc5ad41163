"""A fact check's claim-review box: the claim under review and the fact checker's rating of it,
with the box's other fields ("Shared by: ...", "Source: ...").

A fact-checking site sets each claim it checks in a box of labelled fields ("Claim: A barge hit
the pier.", "Rating: False", "Shared by: viral posts, from 17 September"). The box is the
fact check's own verdict, written for its story, so it is article text; but its fields are short
lines of a label and a phrase, which the line and header rules read as furniture (a field of
eight words or more is title-like: a link title, a caption; "Source: ..." reads as a photo
credit). ``keep_claim_boxes`` runs after the header's rules in ``index.cleaning`` and keeps the
box's fields whatever those rules made of them.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, blank_between, content
from index.text_shape import words

logger = logging.getLogger(__name__)

FIELD_LABEL_MAX_WORDS = 4  # "Shared by", "Date of the claim"

# A labelled field: a short label without figures, a colon, its value.
_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z’' -]{0,40}?)\s*:\s+\S")
# The claim under review and the checker's rating of it: the two fields that make a box a claim review.
_CLAIM = re.compile(r"^(?:the )?claims?$", re.IGNORECASE)
_RATING = re.compile(r"^(?:(?:our|the) )?(?:rating|verdict|ruling)$", re.IGNORECASE)


def keep_claim_boxes(page: Page) -> None:
    """Keep every field of a claim-review box: a run of labelled fields, one under another with
    no blank line between, that holds a "Claim:" field and a "Rating:" or "Verdict:" field. A
    "Claim:" field alone (an insurer's form quoted in a report) or a "Shared by:" line outside
    such a box is left as the rules judged it."""
    labels = {i: _label(page.lines[i].text) for i in content(page)}
    for run in _field_runs(page, labels):
        run_labels = [labels[i] for i in run]
        if any(_CLAIM.match(label) for label in run_labels) and any(_RATING.match(label) for label in run_labels):
            for i in run:
                if page.lines[i].role != "credit":
                    page.lines[i].reason = None


def _field_runs(page: Page, labels: dict[int, str]) -> list[list[int]]:
    """Runs of labelled-field lines (``labels``: each content line's label, "" for none), each
    right under the one before it."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, label in labels.items():
        if label and (not run or not blank_between(page, run[-1], i)):
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = [i] if label else []
    if run:
        runs.append(run)
    return runs


def _label(text: str) -> str:
    """The label of a field line ("Shared by: ..." -> "Shared by"), or "" for any other line."""
    match = _FIELD.match(text.strip())
    if match is None or len(words(match.group("label"))) > FIELD_LABEL_MAX_WORDS:
        return ""
    return match.group("label").strip()
