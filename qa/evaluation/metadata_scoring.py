"""Field-level score of page metadata (outlet, date, author, headline) against hand labels.

A labelled set keeps ``clean_labels/metadata.json``: one object per page, keyed by the page's
file name with or without its suffix, holding ``headline``, ``outlet``, ``date`` and ``author``
(``byline`` in older files; a string, or for authors a list of names).
Each field is compared after one normalisation, so that a label's wording does not count
against a page that names the same thing:

- outlet: the label's name before " (" (labels describe the page after the name: "The Example
  Courier (city daily; RSS feed)"), compared case-insensitively with a leading "The" ignored;
- date: ISO ``YYYY-MM-DD``, compared as written;
- author: a set of names, the label split on ",", " and ", "&" and " with ", with any
  "(role)" dropped ("Ana Ruiz (reporter), with Li Wei (anchor)" -> {ana ruiz, li wei});
- headline: whitespace collapsed, otherwise exact.

A key that opens with "_" ("_comment") is a note, not a page. A field the label leaves out or
null is not scored. The outlet is also checked against the raw
page: a label outlet that the page never writes cannot be found by reading it, and is counted
apart (``outlets_not_on_page``) so that the figure says how many are left to find.

>>> score = score_metadata(Path("tests/data/devset_bridge/clean_labels"), Path("tests/data/devset_bridge/corpus"))  # doctest: +SKIP
>>> score.fields["outlet"].accuracy  # doctest: +SKIP
0.8

Run ``python -m qa.evaluation.metadata_scoring LABELS_DIR CORPUS_DIR [--json]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.errors import CorpusError
from index.ingest import ingest_file
from index.loading import CORPUS_SUFFIXES
from index.records import DocumentMeta

logger = logging.getLogger(__name__)

FIELDS = ("outlet", "date", "author", "headline")
LABELS_FILE = "metadata.json"
NOTE_PREFIX = "_"  # "_comment": a labeller's note beside the pages' labels

# "Ana Ruiz (reporter), with Li Wei (anchor)", "Lukas Berner and Tilda Ness", "A & B".
_AUTHOR_SEPARATOR = re.compile(r",\s*(?:with\s+)?|\s+and\s+|\s*&\s*|\s+with\s+")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MetadataMiss:
    """One field of one page that the ingestion got wrong (or left empty)."""

    page: str
    field: str
    expected: str
    found: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "field": self.field, "expected": self.expected, "found": self.found}


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How many labelled pages got one field right."""

    right: int
    scored: int  # pages whose label gives this field

    @property
    def accuracy(self) -> float:
        return self.right / self.scored if self.scored else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "scored": self.scored, "accuracy": self.accuracy}


@dataclass(frozen=True, slots=True)
class MetadataScore:
    """Per-field accuracy over the labelled pages of one set, with every miss listed."""

    n_pages: int
    fields: dict[str, FieldScore]  # keyed by FIELDS
    misses: tuple[MetadataMiss, ...]
    outlets_not_on_page: tuple[str, ...]  # pages whose label outlet the page never writes
    # Fields the labels hold that are not scored ("byline" for "author"?): a labeller's slip
    # would otherwise leave a field silently unscored.
    unscored_fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_pages": self.n_pages,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "misses": [miss.to_dict() for miss in self.misses],
            "outlets_not_on_page": list(self.outlets_not_on_page),
            "unscored_fields": list(self.unscored_fields),
        }


def label_outlet_name(label: str) -> str:
    """The outlet's name in a label that describes the page after it: "The Example Courier (city
    daily)" -> "The Example Courier"."""
    return label.split(" (", 1)[0].strip()


def normalise_outlet(name: str) -> str:
    """Case-insensitive, whitespace-collapsed, a leading "The" ignored: "The Example Post" and
    "example post" are one outlet."""
    return _LEADING_THE.sub("", " ".join(name.split())).casefold()


def normalise_authors(text: str) -> frozenset[str]:
    """A set of names from a label or a byline, roles in brackets dropped."""
    without_roles = _PARENTHESIS.sub("", text)
    return frozenset(" ".join(name.split()).casefold() for name in _AUTHOR_SEPARATOR.split(without_roles) if name.strip())


def normalise_headline(text: str) -> str:
    return " ".join(text.split())


def read_metadata_labels(labels_dir: Path) -> dict[str, dict[str, Any]]:
    """The labels of ``labels_dir/metadata.json``; ValueError names the file and what is wrong."""
    path = Path(labels_dir) / LABELS_FILE
    if not path.is_file():
        raise ValueError(f"no {LABELS_FILE} in {labels_dir}; pass the clean_labels folder of a labelled set")
    try:
        labels = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not valid JSON ({error}); fix the file at line {error.lineno}") from error
    if not isinstance(labels, dict):
        raise ValueError(f"{path} holds a {type(labels).__name__}; it must be an object keyed by page file name")
    labels = {key: entry for key, entry in labels.items() if not key.startswith(NOTE_PREFIX)}
    for key, entry in labels.items():
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: the label of {key!r} is a {type(entry).__name__}; it must be an object with {', '.join(FIELDS)}")
        if "author" not in entry and "byline" in entry:
            entry["author"] = entry.pop("byline")  # older label files name the field as the page does
        for field in FIELDS:
            value = entry.get(field)
            if isinstance(value, list) and all(isinstance(name, str) for name in value):
                entry[field] = ", ".join(value) if value else None  # authors as a list of names
            elif value is not None and not isinstance(value, str):
                raise ValueError(f"{path}: {key!r} has {field} {value!r}; write it as a string or null")
    return labels


def _page_path(key: str, corpus_dir: Path) -> Path:
    """The page a label key names: "page.html" as written, or "page" with any corpus suffix."""
    written = Path(corpus_dir) / key
    if written.suffix.lower() in CORPUS_SUFFIXES and written.is_file():
        return written
    for suffix in CORPUS_SUFFIXES:
        candidate = Path(corpus_dir) / f"{key}{suffix}"
        if candidate.is_file():
            return candidate
    raise ValueError(
        f"{LABELS_FILE} labels {key!r} but {corpus_dir} has no such page ({', '.join(CORPUS_SUFFIXES)}); fix the key or the folder"
    )


def _found_values(meta: DocumentMeta | None) -> dict[str, str | None]:
    if meta is None:
        return dict.fromkeys(FIELDS)
    return {
        "outlet": meta.outlet,
        "date": meta.date,
        "author": ", ".join(meta.byline) if meta.byline else None,
        "headline": meta.headline,
    }


def _matches(field: str, expected: str, found: str | None) -> bool:
    if not expected.strip():
        return not found  # "" labels a field the page lacks ("author": "" of an unsigned statement)
    if found is None:
        return False
    if field == "outlet":
        return normalise_outlet(label_outlet_name(expected)) == normalise_outlet(found)
    if field == "date":
        return expected.strip() == found.strip()
    if field == "author":
        return normalise_authors(expected) == normalise_authors(found)
    return normalise_headline(expected) == normalise_headline(found)


def _written_on_page(outlet_label: str, raw_text: str) -> bool:
    """The page writes the label's outlet name somewhere (any case, any spacing, "The" or not)."""
    name = normalise_outlet(label_outlet_name(outlet_label))
    return name in " ".join(raw_text.split()).casefold()


def score_metadata(labels_dir: Path, corpus_dir: Path) -> MetadataScore:
    """Score the metadata ingestion finds on every page labelled in ``labels_dir/metadata.json``."""
    labels = read_metadata_labels(labels_dir)
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    misses: list[MetadataMiss] = []
    not_on_page: list[str] = []
    for key in sorted(labels):
        path = _page_path(key, Path(corpus_dir))
        try:
            document, _ = ingest_file(path)
            meta, raw_text = document.meta, document.raw_text
        except CorpusError as error:
            # A page that cleans to nothing has no metadata: every labelled field is a miss.
            logger.warning("%s: %s", path, error)
            meta, raw_text = None, path.read_text(encoding="utf-8", errors="replace")
        found = _found_values(meta)
        for field in FIELDS:
            expected = labels[key].get(field)
            if expected is None:
                continue
            scored[field] += 1
            if _matches(field, expected, found[field]):
                right[field] += 1
            else:
                misses.append(MetadataMiss(path.name, field, expected, found[field]))
        outlet = labels[key].get("outlet")
        if outlet is not None and not _written_on_page(outlet, raw_text):
            not_on_page.append(path.name)
    return MetadataScore(
        n_pages=len(labels),
        fields={field: FieldScore(right[field], scored[field]) for field in FIELDS},
        misses=tuple(misses),
        outlets_not_on_page=tuple(not_on_page),
        unscored_fields=tuple(sorted({field for entry in labels.values() for field in entry} - set(FIELDS))),
    )


def _print_score(score: MetadataScore) -> None:
    for field, field_score in score.fields.items():
        print(f"{field:<9} {field_score.right:>3}/{field_score.scored:<3} {field_score.accuracy:.3f}")
    print(f"pages {score.n_pages}; label outlets the page never writes: {len(score.outlets_not_on_page)}")
    if score.unscored_fields:
        print(f"fields the labels hold but this score does not read: {', '.join(score.unscored_fields)}")
    for miss in score.misses:
        print(f"  miss {miss.page} {miss.field}: expected {miss.expected!r}, found {miss.found!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.evaluation.metadata_scoring", description=__doc__.splitlines()[0])
    parser.add_argument("labels_dir", type=Path, help="folder holding metadata.json (a set's clean_labels)")
    parser.add_argument("corpus_dir", type=Path, help="folder holding the labelled pages")
    parser.add_argument("--json", action="store_true", help="print the score as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    try:
        score = score_metadata(args.labels_dir, args.corpus_dir)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(score.to_dict(), indent=1, ensure_ascii=False))
    else:
        _print_score(score)
    return 0


if __name__ == "__main__":
    sys.exit(main())
