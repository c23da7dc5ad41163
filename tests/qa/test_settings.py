from __future__ import annotations

from pathlib import Path

import pytest

from index.records import FusionMode
from qa.settings import Settings


def test_env_vars_override_defaults() -> None:
    settings = Settings.from_env({"CORPUS_QA_INDEX_DIR": "/tmp/x", "CORPUS_QA_FUSION": "rrf", "CORPUS_QA_TOP_K": "3"})
    assert settings.index.index_dir == Path("/tmp/x")
    assert settings.index.fusion is FusionMode.RECIPROCAL_RANK
    assert settings.top_k == 3


@pytest.mark.parametrize(("name", "value"), [("CORPUS_QA_TOP_K", "many"), ("CORPUS_QA_FUSION", "max")])
def test_bad_env_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: value})


def test_explicit_zero_is_not_silently_replaced() -> None:
    with pytest.raises(ValueError, match="top_k"):
        Settings().with_overrides(top_k=0)


def test_unknown_override_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown setting"):
        Settings().with_overrides(colour="red")


def test_the_wordnet_folder_comes_from_the_environment_and_none_turns_it_off() -> None:
    assert Settings.from_env({}).wordnet_dir == Path("/usr/share/wordnet")
    assert Settings.from_env({"CORPUS_QA_WORDNET_DIR": "/opt/wn"}).wordnet_dir == Path("/opt/wn")
    assert Settings.from_env({"CORPUS_QA_WORDNET_DIR": "None"}).wordnet_dir is None
