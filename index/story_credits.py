"""A story's production credits, the list of who did what under a "Credits" heading: "Reporting:
Jo Bloggs. Graphics and development: Ana Ruiz. Editing: Li Wei." A data story or a long read
prints them at its end; they name the staff, not the story's facts.

A line is credits when it is two "Role: Name" parts at least and nothing else; the heading right
above such a line goes with it. ``line_reason`` is called by ``index.furniture.line_reason``;
``drop_credits_headings`` runs with the block rules in ``index.cleaning``.
"""

from __future__ import annotations

import logging
import re

from index.page_lines import Page, content

logger = logging.getLogger(__name__)

CREDITS_MIN_PARTS = 2

# "Graphics and development: Ana Ruiz", "Photographs: Jo Bloggs and Li Wei", "Editing: Mary-Jo O'Neil".
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|van|von|de|da|del|der|la|le)){0,4}"
_CREDIT_PART = re.compile(
    rf"^[A-Z][a-z]+(?:(?:,|\s+and|\s+&)?\s+[a-z]+){{0,3}}\s*:\s*{_NAME}(?:\s*(?:,|\s+and|\s+&)\s*{_NAME})*\.?$"
)
_PART_BREAK = re.compile(r"(?<=\.)\s+|\s+[|·•]\s+|;\s+")
_CREDITS_HEADING = re.compile(r"^(?:credits|story credits|production credits|about this (?:story|project))$", re.IGNORECASE)


def line_reason(text: str) -> str | None:
    """"credits" for a line of production credits, None for anything else."""
    parts = [part for part in _PART_BREAK.split(text.strip()) if part]
    if len(parts) >= CREDITS_MIN_PARTS and all(_CREDIT_PART.match(part) for part in parts):
        return "credits"
    return None


def drop_credits_headings(page: Page) -> None:
    """A "Credits" heading over a line of credits."""
    indexes = content(page)
    for k, i in enumerate(indexes[:-1]):
        heading = page.lines[i]
        if heading.kept and _CREDITS_HEADING.match(heading.text.rstrip(": ")) and page.lines[indexes[k + 1]].reason == "credits":
            heading.reason = "credits"
