"""A small synthetic gold set and a stand-in QA whose every number is worked out by hand."""

from __future__ import annotations

import pytest

from index.records import RetrievalMode
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.runner import EvalReport, evaluate
from tests.qa.evaluation.stand_in import StandInQA, answered, hit, refused

SYNTHETIC_GOLD = (
    GoldQuestion("a1", "Who chairs the assembly?", ("Vuong Dinh Hue",), True, ("ap",), "dev", "person"),
    GoldQuestion("a2", "Who is the premier?", ("Pham Minh Chinh",), True, ("ap",), "dev", "person"),
    GoldQuestion("a3", "Where did they meet?", ("Hanoi",), True, ("cnn",), "dev", "place"),
    GoldQuestion("a4", "What day did he arrive?", ("Tuesday",), True, None, "dev", "date"),
    GoldQuestion("u1", "When were ties normalized?", (), False, (), "dev", "near_miss"),
    GoldQuestion("u2", "What is the old name of Vietnam?", (), False, (), "dev", "faq_trivia"),
    GoldQuestion("u3", "What is the population?", (), False, (), "dev", "near_miss"),
)


def make_stand_in() -> StandInQA:
    q = {g.id: g.question for g in SYNTHETIC_GOLD}
    answers = {
        q["a1"]: answered(q["a1"], "Vuong Dinh Hue", ("ap",), 0.9, latency_ms=10),  # right, cited right
        q["a2"]: answered(q["a2"], "Prime Minister Pham Minh Chinh", ("scmp",), 0.6, latency_ms=20),  # partial
        q["a3"]: refused(q["a3"], "Hanoi", 0.3, latency_ms=30),  # false refusal of a right candidate
        q["a4"]: answered(q["a4"], "Tuesday", ("any",), 0.8, latency_ms=40),  # right, no sources to check
        q["u1"]: refused(q["u1"], "1991", 0.2, latency_ms=50),  # right refusal
        q["u2"]: answered(q["u2"], "Annam", ("cnn",), 0.7, latency_ms=60),  # should have refused
        q["u3"]: refused(q["u3"], None, 0.0, latency_ms=70),  # right refusal, no candidate
    }
    hits = {
        (q["a1"], RetrievalMode.BM25): [hit("ap", "Chairman Vuong Dinh Hue met Xi.", 1)],
        (q["a2"], RetrievalMode.BM25): [hit("ap", "Xi arrived.", 1), hit("ap", "Pham Minh Chinh met Xi.", 2)],
        (q["a3"], RetrievalMode.BM25): [hit("ap", "They met in Hanoi.", 1)],  # not a source: irrelevant
        (q["a4"], RetrievalMode.BM25): [hit("whatever", "He arrived on Tuesday.", 1)],  # no sources: any doc
        (q["a1"], RetrievalMode.HYBRID): [hit("ap", "x", 1), hit("ap", "y", 2), hit("ap", "Vuong Dinh Hue", 3)],
    }
    return StandInQA(answers=answers, hits=hits)


@pytest.fixture(scope="module")
def stand_in() -> StandInQA:
    return make_stand_in()


@pytest.fixture(scope="module")
def synthetic_report(stand_in: StandInQA) -> EvalReport:
    return evaluate(stand_in, SYNTHETIC_GOLD, progress=False)
