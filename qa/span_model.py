"""Answer spans proposed by a transformer extractive-QA model, for readers that have one.

The built-in reader (qa.reader, qa.spans) uses heuristics because no extractive-QA model ships
with corpus-qa. Where a SQuAD-style model is available (a local folder such as
distilbert-base-cased-distilled-squad, or a hub name when online), ``TransformerSpanProposer``
turns it into a ``SpanProposer``: question + passages in, exact character spans out.

>>> proposer = TransformerSpanProposer("/models/distilbert-base-cased-distilled-squad")  # loads nothing
>>> passages = ["Xi Jinping arrived in Hanoi on Tuesday for a two-day visit."]
>>> best = proposer.propose("Where did Xi arrive?", passages, top_n=1)[0]  # doctest: +SKIP
>>> passages[best.passage_index][best.start : best.end]  # doctest: +SKIP
'Hanoi'

(A doctest run skips the lines that load the model: they need its folder.)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from index.errors import ModelLoadError

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)

__all__ = ["ProposedSpan", "SpanProposer", "TransformerSpanProposer"]

# SQuAD fine-tuning used 384-token windows overlapping by 128 (the HF question-answering
# pipeline's defaults too), so models see passages the way they were trained.
_MAX_LENGTH = 384
_STRIDE = 128
# Below this many passage tokens per window, a question has crowded out the passage.
_MIN_CONTEXT_TOKENS = 64
# Windows per forward pass: bounds memory (the span matrix is windows x 384 x 384) on CPU.
_WINDOWS_PER_BATCH = 16
_FIX = (
    "Set CORPUS_QA_READER_MODEL to a local folder with a question-answering model "
    "(AutoModelForQuestionAnswering, e.g. distilbert-base-cased-distilled-squad), "
    "or unset it to use the built-in reader"
)


@dataclass(frozen=True, slots=True)
class ProposedSpan:
    """One answer span: ``passages[passage_index][start:end]`` is its exact text.

    ``score`` is the model's probability of this span among all candidate spans of the same
    passage (see ``TransformerSpanProposer``), so it is in [0, 1]; it says how sure the model
    is *within* a passage, not whether the passage answers the question at all.
    """

    passage_index: int
    start: int
    end: int
    score: float

    def __post_init__(self) -> None:
        if self.passage_index < 0:
            raise ValueError(f"passage_index must be 0 or more. Currently, it is {self.passage_index}")
        if not 0 <= self.start < self.end:
            raise ValueError(
                f"a span needs 0 <= start < end. Currently, start={self.start} and end={self.end}"
            )
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in [0, 1]. Currently, it is {self.score}")

    def to_dict(self) -> dict[str, Any]:
        return {"passage_index": self.passage_index, "start": self.start, "end": self.end, "score": self.score}


@runtime_checkable
class SpanProposer(Protocol):
    """Proposes answer spans for a question over passages, best first; ``name`` identifies the model."""

    name: str

    def propose(
        self,
        question: str,
        passages: Sequence[str],
        *,
        top_n: int = 5,
        max_answer_tokens: int = 30,
    ) -> list[ProposedSpan]: ...


@dataclass(frozen=True, slots=True)
class _LoadedModel:
    tokenizer: PreTrainedTokenizerBase
    model: PreTrainedModel
    max_length: int
    # Models whose tokenizer pads on the left (XLNet-style) were trained with the passage first.
    question_first: bool


class TransformerSpanProposer:
    """Extractive QA with any local AutoModelForQuestionAnswering folder (or hub name when online).

    Long passages are cut into 384-token windows overlapping by 128 tokens, so an answer past
    the first window is still found. A candidate span is a (start token, end token) pair inside
    the passage part of a window with start <= end and at most ``max_answer_tokens`` tokens;
    its logit is start_logit + end_logit. The same character span seen in two overlapping
    windows keeps its higher logit, and ``score`` is the softmax of these logits over all
    distinct candidate spans of the passage.

    Nothing loads until the first ``propose()`` (or ``warm_up()``). Loading and inference hold
    one lock: a torch module is not documented as safe for concurrent forward passes, and a
    fast tokenizer's truncation settings are shared mutable state.

    >>> proposer = TransformerSpanProposer("/models/distilbert-base-cased-distilled-squad")
    >>> proposer.propose("Who won?", ["Alice won the race."], top_n=1)  # doctest: +SKIP
    [ProposedSpan(passage_index=0, start=0, end=5, score=0.97)]
    """

    def __init__(self, model: str, device: str = "cpu") -> None:
        if not model or not model.strip():
            raise ValueError(f"model must name a local folder or a hub model. Currently, it is {model!r}")
        self.name = model
        self.device = device
        self._loaded: _LoadedModel | None = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the tokenizer and model now (idempotent); raises ModelLoadError with the fix."""
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> _LoadedModel:
        if self._loaded is not None:
            return self._loaded
        try:
            from transformers import AutoModelForQuestionAnswering, AutoTokenizer
            from transformers.utils import logging as transformers_logging

            # transformers draws a "Loading weights" bar on every load; it is noise on our stderr.
            transformers_logging.disable_progress_bar()
            logger.info("loading extractive-QA model %s on %s", self.name, self.device)
            tokenizer = AutoTokenizer.from_pretrained(self.name)
            model, loading_info = AutoModelForQuestionAnswering.from_pretrained(self.name, output_loading_info=True)
            model.to(self.device)
            model.eval()
        except Exception as error:  # OS, hub, config and torch errors all mean "cannot load"
            raise ModelLoadError(
                f"could not load extractive-QA model {self.name!r} on device {self.device!r}: "
                f"{str(error).strip().rstrip('.')}. {_FIX}"
            ) from error
        # A folder without a QA head (e.g. a plain BERT or sentence-transformers model) loads
        # with a randomly initialized head and only a warning; its spans would be noise.
        missing = sorted(loading_info.get("missing_keys") or ())
        if missing:
            raise ModelLoadError(
                f"{self.name!r} is not a trained question-answering model: its weights lack "
                f"{', '.join(missing[:4])}{' ...' if len(missing) > 4 else ''}. {_FIX}"
            )
        # Offsets back into the passage text only come from fast (Rust) tokenizers.
        if not getattr(tokenizer, "is_fast", False):
            raise ModelLoadError(
                f"the tokenizer of {self.name!r} ({type(tokenizer).__name__}) is not a fast tokenizer, "
                f"so answers cannot be mapped back to passage text; add a tokenizer.json to the folder. {_FIX}"
            )
        model_limit = getattr(tokenizer, "model_max_length", _MAX_LENGTH) or _MAX_LENGTH
        self._loaded = _LoadedModel(
            tokenizer=tokenizer,
            model=model,
            max_length=min(_MAX_LENGTH, int(model_limit)),
            question_first=tokenizer.padding_side == "right",
        )
        return self._loaded

    def propose(
        self,
        question: str,
        passages: Sequence[str],
        *,
        top_n: int = 5,
        max_answer_tokens: int = 30,
    ) -> list[ProposedSpan]:
        """The ``top_n`` most probable spans over all passages, best first.

        Ties go to the earlier passage, then the earlier span, so results are reproducible.
        """
        if isinstance(passages, str):
            raise TypeError("passages must be a sequence of passage texts, not one str; wrap it as [text]")
        if not question or not question.strip():
            raise ValueError(f"question must contain text. Currently, it is {question!r}")
        if top_n <= 0:
            raise ValueError(f"top_n must be greater than 0. Currently, it is {top_n}")
        if max_answer_tokens <= 0:
            raise ValueError(f"max_answer_tokens must be greater than 0. Currently, it is {max_answer_tokens}")
        passages = list(passages)
        if not passages:
            return []
        question = question.strip()
        with self._lock:
            loaded = self._load_locked()
            candidates = self._candidates_locked(loaded, question, passages, max_answer_tokens)
        return _best_spans(candidates, passages, top_n)

    def _candidates_locked(
        self, loaded: _LoadedModel, question: str, passages: list[str], max_answer_tokens: int
    ) -> _Candidates:
        import torch

        tokenizer = loaded.tokenizer
        stride = self._stride_for(loaded, question)
        questions = [question] * len(passages)
        first, second = (questions, passages) if loaded.question_first else (passages, questions)
        encoding = tokenizer(
            first,
            second,
            truncation="only_second" if loaded.question_first else "only_first",
            max_length=loaded.max_length,
            stride=stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            padding="longest",
        )
        context_id = 1 if loaded.question_first else 0
        window_passage = np.asarray(encoding["overflow_to_sample_mapping"], dtype=np.int64)
        offsets = np.asarray(encoding["offset_mapping"], dtype=np.int64)  # windows x tokens x 2
        is_context = np.asarray(
            [
                [sequence_id == context_id for sequence_id in encoding.sequence_ids(window)]
                for window in range(len(window_passage))
            ],
            dtype=bool,
        )
        # Only feed what the model's forward takes (DistilBERT has no token_type_ids).
        input_names = [name for name in tokenizer.model_input_names if name in encoding]
        parts: list[_Candidates] = []
        for first_window in range(0, len(window_passage), _WINDOWS_PER_BATCH):
            batch = slice(first_window, first_window + _WINDOWS_PER_BATCH)
            inputs = {
                name: torch.tensor(encoding[name][batch], dtype=torch.long, device=self.device)
                for name in input_names
            }
            with torch.inference_mode():
                output = loaded.model(**inputs)
            start_logits = output.start_logits.float().cpu().numpy().astype(np.float64)
            end_logits = output.end_logits.float().cpu().numpy().astype(np.float64)
            parts.append(
                _window_candidates(
                    start_logits,
                    end_logits,
                    is_context[batch],
                    offsets[batch],
                    window_passage[batch],
                    max_answer_tokens,
                )
            )
        return _Candidates.concatenate(parts)

    def _stride_for(self, loaded: _LoadedModel, question: str) -> int:
        """The window overlap for this question; fails clearly when the question leaves no room.

        The Rust tokenizer panics (a BaseException, not an error) when the overlap is not
        smaller than the room left for the passage, and a long question with the full overlap
        would advance each window by a few tokens; so the overlap is at most half the room.
        """
        tokenizer = loaded.tokenizer
        question_tokens = len(tokenizer(question, add_special_tokens=False)["input_ids"])
        room = loaded.max_length - question_tokens - tokenizer.num_special_tokens_to_add(pair=True)
        if room < _MIN_CONTEXT_TOKENS:
            limit = loaded.max_length - tokenizer.num_special_tokens_to_add(pair=True) - _MIN_CONTEXT_TOKENS
            raise ValueError(
                f"the question is {question_tokens} tokens long, which leaves {room} of the model's "
                f"{loaded.max_length}-token window for the passage; shorten it to at most {limit} tokens"
            )
        return min(_STRIDE, room // 2)


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Parallel arrays of candidate spans: passage index, character start/end, logit."""

    passage: np.ndarray
    start: np.ndarray
    end: np.ndarray
    logit: np.ndarray

    @staticmethod
    def concatenate(parts: Sequence[_Candidates]) -> _Candidates:
        return _Candidates(
            passage=np.concatenate([part.passage for part in parts]),
            start=np.concatenate([part.start for part in parts]),
            end=np.concatenate([part.end for part in parts]),
            logit=np.concatenate([part.logit for part in parts]),
        )


def _window_candidates(
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    is_context: np.ndarray,
    offsets: np.ndarray,
    window_passage: np.ndarray,
    max_answer_tokens: int,
) -> _Candidates:
    """Every valid (start, end) token pair of each window, as character spans with their logit."""
    length = start_logits.shape[1]
    token = np.arange(length)
    span_tokens = token[None, :] - token[:, None] + 1  # [start, end] -> tokens in the span
    allowed = (span_tokens >= 1) & (span_tokens <= max_answer_tokens)
    # Tokens with an empty offset (special tokens in some tokenizers) cannot bound a span.
    usable = is_context & (offsets[:, :, 1] > offsets[:, :, 0])
    valid = usable[:, :, None] & usable[:, None, :] & allowed[None, :, :]
    window, start_token, end_token = np.nonzero(valid)
    return _Candidates(
        passage=window_passage[window],
        start=offsets[window, start_token, 0],
        end=offsets[window, end_token, 1],
        logit=start_logits[window, start_token] + end_logits[window, end_token],
    )


def _best_spans(candidates: _Candidates, passages: list[str], top_n: int) -> list[ProposedSpan]:
    """Softmax over each passage's distinct spans, then the ``top_n`` best with whitespace trimmed."""
    if candidates.logit.size == 0:  # only empty or whitespace passages
        return []
    # Sort by passage, start, end, then logit descending, so np.unique's first index per span
    # is its best window (overlapping windows see the same span twice).
    order = np.lexsort((-candidates.logit, candidates.end, candidates.start, candidates.passage))
    keys = np.stack([candidates.passage[order], candidates.start[order], candidates.end[order]], axis=1)
    _, first = np.unique(keys, axis=0, return_index=True)
    chosen = order[first]
    passage = candidates.passage[chosen]
    start = candidates.start[chosen]
    end = candidates.end[chosen]
    logit = candidates.logit[chosen]
    # Per-passage log-sum-exp; rows are grouped by passage because np.unique sorts its keys.
    group_starts = np.flatnonzero(np.r_[True, passage[1:] != passage[:-1]])
    peak = np.maximum.reduceat(logit, group_starts)
    group_sizes = np.diff(np.r_[group_starts, passage.size])
    peak_per_row = np.repeat(peak, group_sizes)
    log_total = np.log(np.add.reduceat(np.exp(logit - peak_per_row), group_starts))
    probability = np.exp(logit - peak_per_row - np.repeat(log_total, group_sizes))

    spans: list[ProposedSpan] = []
    seen: set[tuple[int, int, int]] = set()
    for row in np.lexsort((end, start, passage, -probability)):
        index, span_start, span_end = int(passage[row]), int(start[row]), int(end[row])
        text = passages[index][span_start:span_end]
        # Byte-level and SentencePiece tokenizers may include the space before a word in its offsets.
        stripped_start = span_start + (len(text) - len(text.lstrip()))
        stripped_end = span_end - (len(text) - len(text.rstrip()))
        key = (index, stripped_start, stripped_end)
        if stripped_start >= stripped_end or key in seen:
            continue
        seen.add(key)
        score = min(1.0, max(0.0, float(probability[row])))
        spans.append(ProposedSpan(passage_index=index, start=stripped_start, end=stripped_end, score=score))
        if len(spans) == top_n:
            break
    return spans
