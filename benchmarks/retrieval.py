"""Retrieval measurements: tokenizer and IDF choices, BM25 vs vector vs hybrid, HNSW recall.

    .venv/bin/python benchmarks/retrieval.py [--corpus seeds] [--gold qa/data/gold.jsonl]
                                             [--hnsw-size 20000] [--skip-hnsw]

A hit is relevant when its passage (or a twin folded into it) belongs to one of the
question's "sources" documents AND contains one of its "answers" (case- and
quote-insensitive). Only answerable gold rows count. Prints recall@1/3/5/10 and MRR@10.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.bm25 import BM25Retriever, BM25Variant, order_scores  # noqa: E402
from index.embedding import SentenceTransformerEmbedder, normalize_rows  # noqa: E402
from index.records import Corpus, FusionMode, Hit, Passage, RetrievalMode, ScoredPassage  # noqa: E402
from index.retrieval import collect_hits, twin_groups  # noqa: E402
from index.settings import IndexSettings, VectorIndexKind  # noqa: E402
from index.store import SearchIndex  # noqa: E402
from index.tokenize import StemMode, TokenizerOptions, normalize, tokenize  # noqa: E402
from index.vector import HNSW_EF_SEARCH, build_vector_index, search_vectors  # noqa: E402

CUTOFFS = (1, 3, 5, 10)


@dataclass(frozen=True, slots=True)
class GoldQuestion:
    question: str
    answers: tuple[str, ...]
    sources: frozenset[str]
    split: str


def load_gold(path: Path) -> list[GoldQuestion]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        GoldQuestion(
            row["question"], tuple(row.get("answers", ())), frozenset(row.get("sources", ())), row.get("split", "")
        )
        for row in rows
        if row.get("answerable") and row.get("answers")
    ]


def _fold(text: str) -> str:
    return " ".join(normalize(text).replace('"', "").replace("'", "").split())


def is_relevant(passages: Sequence[Passage], gold: GoldQuestion) -> bool:
    answers = [_fold(a) for a in gold.answers]
    return any(p.doc_id in gold.sources and any(a in _fold(p.text) for a in answers) for p in passages)


def first_relevant_rank(hits: Sequence[Hit], gold: GoldQuestion) -> int | None:
    for hit in hits:
        if is_relevant((hit.passage, *hit.twins), gold):
            return hit.rank
    return None


def score_ranks(ranks: Sequence[int | None]) -> dict[str, float]:
    result = {f"R@{k}": float(np.mean([r is not None and r <= k for r in ranks])) for k in CUTOFFS}
    result["MRR"] = float(np.mean([1.0 / r if r is not None and r <= 10 else 0.0 for r in ranks]))
    return result


def row(label: str, ranks: Sequence[int | None]) -> str:
    metrics = score_ranks(ranks)
    return f"{label:<44}" + "".join(f"{metrics[key]:>7.3f}" for key in metrics)


def header(title: str) -> str:
    return f"\n{title}\n{'':<44}" + "".join(f"{key:>7}" for key in (*[f"R@{k}" for k in CUTOFFS], "MRR"))


def load_corpus(corpus_dir: Path, settings: IndexSettings) -> tuple[Corpus, str]:
    try:
        from index.ingest import ingest_folder
    except ImportError:
        return naive_corpus(corpus_dir), "naive paragraphs (index.ingest not available yet)"
    return ingest_folder(corpus_dir, settings), "index.ingest"


def naive_corpus(corpus_dir: Path) -> Corpus:
    """Every non-empty line of every file as a passage: no cleaning, no twins."""
    from index.records import CleanedDocument, DocumentMeta, OffsetMap, OffsetRun

    documents, passages = [], []
    for path in sorted(corpus_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        meta = DocumentMeta(doc_id=path.stem, path=str(path))
        documents.append(CleanedDocument(meta, raw, raw, OffsetMap((OffsetRun(0, 0, len(raw)),), len(raw))))
        start = 0
        for line in raw.split("\n"):
            if len(line.split()) >= 5:
                ordinal = len([p for p in passages if p.doc_id == path.stem])
                passages.append(
                    Passage(
                        f"{path.stem}#{ordinal}",
                        path.stem,
                        ordinal,
                        line,
                        start,
                        start + len(line),
                        OffsetMap((OffsetRun(0, start, len(line)),), len(line)),
                    )
                )
            start += len(line) + 1
    return Corpus(tuple(documents), tuple(passages))


class _Ranker:
    """A BM25 ranker over any tokenizer and rank-bm25 model, for the comparisons only."""

    def __init__(self, texts: Sequence[str], tokenizer: Callable[[str], list[str]], model_factory: Callable) -> None:
        self.tokenizer = tokenizer
        self.tokens = [tokenizer(t) for t in texts]
        self.model = model_factory(self.tokens)

    def rank(self, query: str, k: int) -> list[ScoredPassage]:
        terms = self.tokenizer(query)
        matched = np.array([i for i, toks in enumerate(self.tokens) if set(toks) & set(terms)], dtype=np.int64)
        return order_scores(np.asarray(self.model.get_scores(terms)), matched, k)


def ranks_for(
    rank: Callable[[str, int], list[ScoredPassage]], corpus: Corpus, questions: Sequence[GoldQuestion]
) -> list[int | None]:
    documents = {d.meta.doc_id: d.meta for d in corpus.documents}
    twins = twin_groups(corpus.passages)
    ranks = []
    for gold in questions:
        from index.fusion import FusedPassage

        ranking = [FusedPassage(p.index, p.score, p, None) for p in rank(gold.question, 40)]
        ranks.append(first_relevant_rank(collect_hits(ranking, 10, corpus.passages, documents, twins), gold))
    return ranks


def compare_tokenizers(corpus: Corpus, questions: Sequence[GoldQuestion]) -> None:
    texts = [p.text for p in corpus.passages]
    print(header("BM25 tokenizer choices (Okapi TF, Lucene IDF; each row changes one thing from the default)"))
    variants: list[tuple[str, Callable[[str], list[str]]]] = [
        ("str.lower().split() (no normalization)", lambda t: t.lower().split()),
        (
            "NFKC+casefold words, no stem, keep stopwords",
            lambda t: tokenize(t, TokenizerOptions(stem=StemMode.NONE, drop_stopwords=False)),
        ),
        ("  + drop stopwords, no stem", lambda t: tokenize(t, TokenizerOptions(stem=StemMode.NONE))),
        ("  + plural stemmer only", lambda t: tokenize(t, TokenizerOptions(stem=StemMode.PLURAL))),
        ("default (light stemmer)", tokenize),
        ("default, keep stopwords", lambda t: tokenize(t, TokenizerOptions(drop_stopwords=False))),
        ("default, no hyphen parts", lambda t: tokenize(t, TokenizerOptions(hyphen_parts=False))),
        ("default, no bare number forms", lambda t: tokenize(t, TokenizerOptions(number_forms=False))),
    ]
    from index.bm25 import BM25OkapiLuceneIDF

    for label, tokenizer in variants:
        ranker = _Ranker(texts, tokenizer, BM25OkapiLuceneIDF)
        print(row(label, ranks_for(ranker.rank, corpus, questions)))


def compare_idf(corpus: Corpus, questions: Sequence[GoldQuestion]) -> None:
    tokens = [tokenize(p.text) for p in corpus.passages]
    n = len(tokens)
    frequent = sorted(
        ((sum(term in set(t) for t in tokens), term) for term in {"china", "vietnam", "xi", "hanoi", "beij"}),
        reverse=True,
    )
    print(f"\nIDF on this corpus ({n} passages); document frequency of the topic words:")
    okapi = BM25Okapi(tokens)
    for variant in BM25Variant:
        model = BM25Retriever(tokens, variant).model
        shown = ", ".join(f"{term}({df})={model.idf.get(term, 0.0):.3f}" for df, term in frequent)
        print(f"  {variant.value:<18} {shown}")
    print(
        f"  (Okapi floor epsilon*average_idf = {okapi.epsilon * okapi.average_idf:.3f}; "
        f"raw log((N-n+.5)/(n+.5)) for n=N/2 is 0)"
    )
    print(header("BM25 IDF variants (default tokenizer)"))
    for variant in BM25Variant:
        print(row(f"rank-bm25 {variant.value}", ranks_for(BM25Retriever(tokens, variant).rank, corpus, questions)))
    for epsilon in (0.0, 0.5):
        retriever = BM25Retriever(tokens, BM25Variant.OKAPI)
        retriever.model = BM25Okapi([list(t) for t in tokens], epsilon=epsilon)
        print(row(f"rank-bm25 okapi, epsilon={epsilon}", ranks_for(retriever.rank, corpus, questions)))


def compare_modes(
    corpus: Corpus, questions: Sequence[GoldQuestion], settings: IndexSettings, label: str
) -> SearchIndex:
    started = time.perf_counter()
    index = SearchIndex.from_corpus(corpus, settings, embedder=_CachedEmbedder.get(settings.model), corpus_files={})
    print(f"\n(embedded {len(corpus.passages)} passages with {settings.model} in {time.perf_counter() - started:.1f}s)")
    print(header(f"Retrieval modes, {label}"))
    runs: list[tuple[str, RetrievalMode, FusionMode, IndexSettings]] = [
        ("BM25 only", RetrievalMode.BM25, FusionMode.RECIPROCAL_RANK, settings),
        ("vector only", RetrievalMode.VECTOR, FusionMode.RECIPROCAL_RANK, settings),
        ("hybrid RRF k=60", RetrievalMode.HYBRID, FusionMode.RECIPROCAL_RANK, settings),
        ("hybrid RRF k=10", RetrievalMode.HYBRID, FusionMode.RECIPROCAL_RANK, replace(settings, rrf_k=10)),
    ]
    runs += [
        (
            f"hybrid weighted, vector_weight={w}",
            RetrievalMode.HYBRID,
            FusionMode.WEIGHTED_SCORE,
            replace(settings, vector_weight=w),
        )
        for w in (0.3, 0.5, 0.7)
    ]
    for name, mode, fusion, run_settings in runs:
        index.settings = run_settings
        ranks = [first_relevant_rank(index.search(q.question, k=10, mode=mode, fusion=fusion), q) for q in questions]
        print(row(name, ranks))
    index.settings = settings
    return index


def hnsw_recall(size: int, dimension: int = 384, queries: int = 200, seed: int = 0) -> None:
    """Recall@10 of HNSW against exact search on two synthetic sets: isotropic random unit
    vectors (the hardest case: every point is almost equally far) and clustered ones
    (closer to real sentence embeddings, which live near a low-dimensional surface)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((200, dimension))
    datasets = {
        "random": (rng.standard_normal((size, dimension)), rng.standard_normal((queries, dimension))),
        "clustered": (
            centres[rng.integers(0, 200, size)] + 0.5 * rng.standard_normal((size, dimension)),
            centres[rng.integers(0, 200, queries)] + 0.5 * rng.standard_normal((queries, dimension)),
        ),
    }
    for name, (raw_vectors, raw_probes) in datasets.items():
        vectors, probes = normalize_rows(raw_vectors), normalize_rows(raw_probes)
        started = time.perf_counter()
        exact_index = build_vector_index(vectors, VectorIndexKind.FLAT)
        _, exact = search_vectors(exact_index, probes, 10)
        flat_ms = 1000 * (time.perf_counter() - started) / queries
        started = time.perf_counter()
        hnsw = build_vector_index(vectors, VectorIndexKind.HNSW)
        build_time = time.perf_counter() - started
        print(f"\nHNSW vs exact inner product: {size} {name} unit vectors, dimension {dimension}, {queries} queries")
        print(f"  flat (exact): build+search {flat_ms:.2f} ms/query")
        print(f"  HNSW M=32 efConstruction=200: build {build_time:.1f}s")
        for ef in (64, 128, 256, HNSW_EF_SEARCH, 1024):
            if ef == HNSW_EF_SEARCH and ef in (64, 128, 256):
                continue
            hnsw.hnsw.efSearch = ef
            started = time.perf_counter()
            _, approximate = search_vectors(hnsw, probes, 10)
            elapsed = time.perf_counter() - started
            recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate, exact)])
            marker = "  <- default" if ef == HNSW_EF_SEARCH else ""
            print(f"  efSearch={ef:<5} recall@10={recall:.3f}  {1000 * elapsed / queries:.2f} ms/query{marker}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT / "qa" / "data" / "gold.jsonl")
    parser.add_argument("--model", default=IndexSettings().model)
    parser.add_argument("--hnsw-size", type=int, default=20_000)
    parser.add_argument("--skip-hnsw", action="store_true")
    args = parser.parse_args(argv)

    settings = IndexSettings(corpus_dir=args.corpus, model=args.model)
    if args.gold.is_file():
        questions = load_gold(args.gold)
        corpus, source = load_corpus(args.corpus, settings)
        splits = sorted({q.split for q in questions})
        print(f"corpus {args.corpus}: {len(corpus.documents)} documents, {len(corpus.passages)} passages ({source})")
        per_split = ", ".join(f"{s}: {sum(q.split == s for q in questions)}" for s in splits)
        print(f"gold {args.gold}: {len(questions)} answerable questions ({per_split})")
        reachable = sum(any(is_relevant((p,), q) for p in corpus.passages) for q in questions)
        print(f"questions with at least one relevant passage in the corpus: {reachable}/{len(questions)}")
        compare_tokenizers(corpus, questions)
        compare_idf(corpus, questions)
        compare_modes(corpus, questions, settings, f"all {len(questions)} answerable questions")
        for split in splits:
            subset = [q for q in questions if q.split == split]
            index = SearchIndex.from_corpus(
                corpus, settings, embedder=_CachedEmbedder.get(settings.model), corpus_files={}
            )
            print(header(f"Retrieval modes, split={split} ({len(subset)} questions)"))
            for name, mode, fusion in (
                ("BM25 only", RetrievalMode.BM25, FusionMode.RECIPROCAL_RANK),
                ("vector only", RetrievalMode.VECTOR, FusionMode.RECIPROCAL_RANK),
                ("hybrid RRF k=60", RetrievalMode.HYBRID, FusionMode.RECIPROCAL_RANK),
                ("hybrid weighted 0.5", RetrievalMode.HYBRID, FusionMode.WEIGHTED_SCORE),
            ):
                print(row(name, [first_relevant_rank(index.search(q.question, 10, mode, fusion), q) for q in subset]))
    else:
        print(f"no gold questions at {args.gold}; skipping the retrieval-quality tables")
    if not args.skip_hnsw:
        hnsw_recall(args.hnsw_size)
    return 0


class _CachedEmbedder:
    """One loaded model for every table (loading it costs seconds)."""

    _models: dict[str, SentenceTransformerEmbedder] = {}

    @classmethod
    def get(cls, model: str) -> SentenceTransformerEmbedder:
        if model not in cls._models:
            cls._models[model] = SentenceTransformerEmbedder(model)
        return cls._models[model]


if __name__ == "__main__":
    raise SystemExit(main())
