"""Errors that carry the bad value and the fix; the CLI prints them as one line."""


class CorpusQAError(Exception):
    """Base of every error corpus-qa raises on purpose (never a bug)."""


class CorpusError(CorpusQAError):
    """The corpus folder cannot be used at all (missing, empty, no readable document)."""


class IndexMissingError(CorpusQAError):
    """No index at the given directory."""


class IndexCorruptError(CorpusQAError):
    """An index file is missing, truncated or inconsistent; the message names the file."""


class IndexStaleError(CorpusQAError):
    """The index was built from another corpus, model or format version."""


class ModelLoadError(CorpusQAError):
    """The embedding model (or spaCy pipeline) could not be loaded offline."""
