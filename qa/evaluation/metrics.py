"""Exact match and token F1 exactly as the official SQuAD v1.1 evaluation script defines them.

Kept character-for-character close to ``evaluate-v1.1.py`` so our numbers compare with
published ones: lowercase, drop ASCII punctuation, drop the articles a/an/the, collapse
whitespace; the score against several acceptable answers is the maximum.

One deliberate addition: typographic quotes and dashes (’ “ ” — …) are folded to their
ASCII forms first. News pages use them and gold files are typed with ASCII ones; the
official script, written for Wikipedia text, would count "China’s" and "China's" as
different words.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Sequence

# A candidate with F1 at least this high against a gold answer counts as right (in the
# reliability table, the fits and the development readings): partial spans ("Vuong Dinh Hue" vs
# "Chairman Vuong Dinh Hue") are right.
CORRECT_F1 = 0.5

_PUNCTUATION = frozenset(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "..."})


def normalize_answer(text: str) -> str:
    """Lowercase, remove punctuation, articles and extra whitespace (SQuAD v1.1)."""
    lowered = text.translate(_TYPOGRAPHIC).lower()
    without_punctuation = "".join(ch for ch in lowered if ch not in _PUNCTUATION)
    without_articles = _ARTICLES.sub(" ", without_punctuation)
    return " ".join(without_articles.split())


def exact_match_score(prediction: str, ground_truth: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(ground_truth))


def f1_score(prediction: str, ground_truth: str) -> float:
    """Harmonic mean of token precision and recall over the bag of normalized tokens."""
    prediction_tokens = normalize_answer(prediction).split()
    truth_tokens = normalize_answer(ground_truth).split()
    common = Counter(prediction_tokens) & Counter(truth_tokens)
    overlap = sum(common.values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(prediction_tokens)
    recall = overlap / len(truth_tokens)
    return 2 * precision * recall / (precision + recall)


def metric_max_over_ground_truths(
    metric: Callable[[str, str], float], prediction: str, ground_truths: Sequence[str]
) -> float:
    """Best score of ``prediction`` against any acceptable answer; 0.0 with no answers."""
    if not ground_truths:
        return 0.0
    return max(metric(prediction, truth) for truth in ground_truths)


def best_exact_match(prediction: str | None, ground_truths: Sequence[str]) -> float:
    """EM against all acceptable answers; a missing prediction (a refusal) scores 0."""
    if prediction is None:
        return 0.0
    return metric_max_over_ground_truths(exact_match_score, prediction, ground_truths)


def best_f1(prediction: str | None, ground_truths: Sequence[str]) -> float:
    """Token F1 against all acceptable answers; a missing prediction (a refusal) scores 0."""
    if prediction is None:
        return 0.0
    return metric_max_over_ground_truths(f1_score, prediction, ground_truths)
