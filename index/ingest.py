"""Entry points of ingestion: a file or a folder of scraped pages -> cleaned documents and passages.

>>> corpus = ingest_folder(Path("seeds"))
>>> len(corpus.documents)
5
"""

from __future__ import annotations

import logging
from pathlib import Path

from tqdm import tqdm

from index.cleaning import clean_loaded
from index.errors import CorpusError
from index.loading import CORPUS_SUFFIXES, MARKDOWN_SUFFIXES, read_corpus_file, supported_types, unsupported_type_message
from index.markdown_text import is_markdown_document
from index.passages import make_passages
from index.records import CleanedDocument, Corpus, LoadProblem, Passage
from index.settings import IndexSettings
from index.twins import link_twins

logger = logging.getLogger(__name__)


def ingest_file(
    path: Path, settings: IndexSettings | None = None, *, markdown_pages_only: bool = False
) -> tuple[CleanedDocument, tuple[Passage, ...]]:
    """Read, clean and split one page; CorpusError (with the fix) for an unusable file.

    ``markdown_pages_only`` (as a folder is read): a Markdown file without a document's markup
    (``markdown_text.is_markdown_document``: front matter or a "#" heading) is a note left beside
    the pages, not a page, and is refused with that reason, so loading reports it."""
    settings = settings if settings is not None else IndexSettings()
    path = Path(path)
    if path.suffix.lower() not in CORPUS_SUFFIXES:
        raise CorpusError(unsupported_type_message(path))
    loaded = read_corpus_file(path, settings.max_file_bytes)
    if markdown_pages_only and path.suffix.lower() in MARKDOWN_SUFFIXES and not is_markdown_document(loaded.raw_text):
        raise CorpusError(f"{path}: a Markdown note, not a page (no front matter and no '#' heading); give it a heading to index it")
    document = clean_loaded(loaded)
    if not document.text.strip():
        raise CorpusError(
            f"{path}: no article text left after cleaning (everything looked like page furniture: "
            f"{', '.join(sorted({block.reason for block in document.dropped})) or 'nothing readable'})"
        )
    return document, make_passages(document)


def ingest_folder(folder: Path, settings: IndexSettings | None = None, *, progress: bool = False) -> Corpus:
    """Every page of ``folder`` (sorted by name) of a type the loader reads (``loading.CORPUS_SUFFIXES``);
    bad files, and files of other types, become problems: a file left out must say so, not
    vanish from the index unnoticed. Hidden files and sub-folders are not the corpus's.

    Raises CorpusError when the folder is missing, is not a folder, or yields no document.
    """
    settings = settings if settings is not None else IndexSettings()
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"corpus folder {folder} does not exist; pass --corpus DIR or set CORPUS_QA_CORPUS_DIR")
    if not folder.is_dir():
        raise CorpusError(f"corpus path {folder} is not a folder; pass the folder that holds the pages ({supported_types()})")
    entries = sorted((path for path in folder.iterdir() if not path.name.startswith(".") and path.is_file()), key=lambda path: path.name)
    files = [path for path in entries if path.suffix.lower() in CORPUS_SUFFIXES]
    others = [path for path in entries if path.suffix.lower() not in CORPUS_SUFFIXES]
    if not files:
        found = f"; it holds only {', '.join(path.name for path in others[:5])}{' ...' if len(others) > 5 else ''}" if others else ""
        raise CorpusError(f"corpus folder {folder} holds no page ({supported_types()}){found}; add the scraped pages there")
    documents: list[CleanedDocument] = []
    passages: list[Passage] = []
    problems: list[LoadProblem] = [LoadProblem(str(path), unsupported_type_message(path)) for path in others]
    for problem in problems:
        logger.warning("skipping %s", problem.message)
    seen_ids: dict[str, Path] = {}
    for path in tqdm(files, desc="cleaning", unit="file", disable=not progress):
        if path.stem in seen_ids:
            problems.append(LoadProblem(str(path), f"same document id {path.stem!r} as {seen_ids[path.stem].name}; rename one of them"))
            continue
        try:
            document, document_passages = ingest_file(path, settings, markdown_pages_only=True)
        except CorpusError as error:
            logger.warning("skipping %s: %s", path, error)
            problems.append(LoadProblem(str(path), str(error)))
            continue
        seen_ids[path.stem] = path
        documents.append(document)
        passages.extend(document_passages)
    if not documents:
        details = "; ".join(problem.message for problem in problems)
        raise CorpusError(f"corpus folder {folder} has no usable document ({details})")
    return Corpus(documents=tuple(documents), passages=link_twins(tuple(passages)), problems=tuple(problems))
