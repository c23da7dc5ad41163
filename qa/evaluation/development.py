"""Per-question readings on the development sets, to choose reader changes by.

``python -m qa.evaluation.development read OUT.jsonl [--index-root DIR]`` reads every dev
question of the sets ``qa.calibration`` fits on, writes one reading a line, and prints per-set
F1, false refusals and refusal recall, the losses by kind, first-candidate F1, and the
leave-one-set-out figures: each set in turn decided by the confidence model fitted on the
others, so a change is judged on sets its fit did not see. The candidates come in
the packaged learned order (``qa.ranking``), which is fitted on every set: its own
leave-one-set-out figure is the one ``python -m qa.calibration`` prints.
With ``--base READINGS.jsonl --refused-by RULE`` it reads again only the questions that reading
refused by the rule (all that loosening the rule can turn) and keeps the rest: minutes, not half an hour.
``python -m qa.evaluation.development compare BEFORE.jsonl AFTER.jsonl`` lists the questions
whose reading changed; ``... weigh READINGS.jsonl`` weighs the confidence model's signals on
them (``qa.evaluation.feature_weighing``). The test split and the held-out sets are never read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from qa.api import QA
from qa.calibration import PACKAGED_SETS, Example, fit_model, threshold_decides
from qa.confidence import CALIBRATED_FEATURES, ConfidenceModel
from qa.evaluation.gold import GoldQuestion, load_gold, select_split
from qa.evaluation.metrics import CORRECT_F1, best_f1
from qa.settings import Settings

_CONFIDENCE_CHANGE = 0.05  # a confidence move worth listing in ``compare``


@dataclass(frozen=True, slots=True)
class DevReading:
    """One development question as the reader read it (enough to refit and to compare)."""

    set_number: int
    question_id: str
    question: str
    answerable: bool
    answers: tuple[str, ...]
    candidate: str | None  # the best span, answered or refused
    refused: bool
    refusal_rule: str | None
    confidence: float
    f1: float  # of the candidate against the gold answers (0 for unanswerable questions)
    features: dict[str, float]

    @property
    def right(self) -> bool:
        return self.answerable and self.f1 >= CORRECT_F1

    @property
    def calibrated(self) -> bool:
        """Decided by the threshold, not refused earlier by a rule or for want of a candidate."""
        return threshold_decides(self.features, self.refusal_rule)

    @property
    def weighed(self) -> bool:
        """Calibrated and with a candidate: what a confidence model scores and may answer."""
        return self.calibrated and self.candidate is not None

    @classmethod
    def from_dict(cls, data: dict) -> DevReading:
        return cls(**{**data, "answers": tuple(data["answers"])})


@dataclass(frozen=True, slots=True)
class SetFigures:
    f1: float  # answerable F1, a refusal scoring 0
    false_refusals: float
    refusal_recall: float


def read_sets(index_root: Path, chosen: Collection[tuple[int, str]] | None = None) -> list[DevReading]:
    """Read every dev question, or only the ``chosen`` ones (set number, question id)."""
    readings = []
    for number, dev_set in enumerate(PACKAGED_SETS):
        questions = [
            q for q in select_split(load_gold(dev_set.gold), "dev") if chosen is None or (number, q.id) in chosen
        ]
        if not questions:
            continue
        settings = Settings.from_env().with_overrides(corpus_dir=dev_set.corpus, index_dir=index_root / f"set-{number}")
        qa = QA.open(settings)
        for question in questions:
            reading = qa.read(question.question)
            answer = reading.answer
            f1 = best_f1(answer.candidate, question.answers) if question.answerable else 0.0
            readings.append(DevReading(
                number, question.id, question.question, question.answerable, tuple(question.answers),
                answer.candidate, answer.refused, reading.refusal_rule, answer.confidence, f1, reading.features,
            ))
    return readings


def refused_by(readings: Sequence[DevReading], rule: str) -> set[tuple[int, str]]:
    """The questions a rule refused: all a change to that rule can turn (it only refuses)."""
    return {(r.set_number, r.question_id) for r in readings if r.refusal_rule == rule}


def merged(base: Sequence[DevReading], fresh: Sequence[DevReading]) -> list[DevReading]:
    """``base`` with each question ``fresh`` read again replaced by its new reading."""
    again = {(r.set_number, r.question_id): r for r in fresh}
    return [again.get((r.set_number, r.question_id), r) for r in base]


def set_figures(readings: Sequence[DevReading], answered: dict[str, bool] | None = None) -> SetFigures:
    """F1 / false refusals / refusal recall of one set's readings; ``answered`` overrides the
    reader's own decisions (question id -> answered), as a leave-one-set-out fit decides them."""
    decided = answered if answered is not None else {r.question_id: not r.refused for r in readings}
    answerable = [r for r in readings if r.answerable]
    unanswerable = [r for r in readings if not r.answerable]
    return SetFigures(
        f1=sum(r.f1 for r in answerable if decided[r.question_id]) / max(1, len(answerable)),
        false_refusals=sum(not decided[r.question_id] for r in answerable) / max(1, len(answerable)),
        refusal_recall=sum(not decided[r.question_id] for r in unanswerable) / max(1, len(unanswerable)),
    )


def left_out_models(
    readings: Sequence[DevReading], features: Sequence[str] = CALIBRATED_FEATURES
) -> dict[int, ConfidenceModel]:
    """Each set's confidence model, fitted on the other sets' readings."""
    models = {}
    for held_out in sorted({r.set_number for r in readings}):
        train = [r for r in readings if r.set_number != held_out]
        examples = [Example(r.question_id, r.answerable, r.features, r.f1) for r in train if r.calibrated]
        unreached = [
            GoldQuestion(r.question_id, r.question, r.answers, r.answerable) for r in train if not r.calibrated
        ]
        models[held_out] = fit_model(examples, unreached, features=features)
    return models


def answered_by(model: ConfidenceModel, reading: DevReading) -> bool:
    """Would ``model`` answer: the reading reached a candidate, no rule refused it, and the
    model's confidence in it clears the model's threshold."""
    return reading.weighed and model.probability(reading.features) >= model.threshold


def leave_one_set_out(
    readings: Sequence[DevReading], features: Sequence[str] = CALIBRATED_FEATURES
) -> dict[int, SetFigures]:
    """Each set decided by a confidence model fitted on the other sets' readings."""
    figures = {}
    for held_out, model in left_out_models(readings, features).items():
        test = [r for r in readings if r.set_number == held_out]
        figures[held_out] = set_figures(test, {r.question_id: answered_by(model, r) for r in test})
    return figures


def loss_counts(readings: Sequence[DevReading]) -> dict[str, int]:
    answerable = [r for r in readings if r.answerable]
    return {
        "right refused by the threshold": sum(r.right and r.refused and r.refusal_rule is None for r in answerable),
        "right refused by a rule": sum(r.right and r.refused and r.refusal_rule is not None for r in answerable),
        "wrong answers given": sum(not r.right and not r.refused for r in answerable),
        "wrong candidates refused": sum(not r.right and r.refused for r in answerable),
        "unanswerable answered": sum(not r.refused for r in readings if not r.answerable),
    }


def changed(before: Sequence[DevReading], after: Sequence[DevReading]) -> list[tuple[DevReading, DevReading]]:
    """Pairs whose candidate, decision or rule differ, or whose confidence moved noticeably."""
    keyed = {(r.set_number, r.question_id): r for r in before}
    pairs = []
    for new in after:
        old = keyed.get((new.set_number, new.question_id))
        if old is None:
            continue
        if (old.candidate, old.refused, old.refusal_rule) != (new.candidate, new.refused, new.refusal_rule) or abs(
            old.confidence - new.confidence
        ) > _CONFIDENCE_CHANGE:
            pairs.append((old, new))
    return pairs


def write_readings(readings: Sequence[DevReading], path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(json.dumps(asdict(r)) + "\n" for r in readings), encoding="utf-8")
    tmp.replace(path)


def load_readings(path: Path) -> list[DevReading]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [DevReading.from_dict(json.loads(line)) for line in lines if line]
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise ValueError(f"cannot read development readings from {path} ({error}); write them with `read`") from None


def _corpus_name(set_number: int) -> str:
    """"seeds", "port_strike": the corpus folder, or the set's folder for a ``.../corpus``."""
    corpus = PACKAGED_SETS[set_number].corpus
    return corpus.parent.name if corpus.name == "corpus" else corpus.name


def print_summary(readings: Sequence[DevReading]) -> None:
    sets = sorted({r.set_number for r in readings})
    in_sample = {n: set_figures([r for r in readings if r.set_number == n]) for n in sets}
    held_out = leave_one_set_out(readings)
    print("set  corpus            F1     FR     RR   | leave-one-set-out F1 FR RR")
    for n in sets:
        a, b = in_sample[n], held_out[n]
        print(f"{n:>3}  {_corpus_name(n):<16} {a.f1:.3f}  {a.false_refusals:.3f}  {a.refusal_recall:.3f} "
              f"| {b.f1:.3f}  {b.false_refusals:.3f}  {b.refusal_recall:.3f}")
    answerable = [r for r in readings if r.answerable]
    print(f"summed F1 {sum(f.f1 for f in in_sample.values()):.3f} in-sample, "
          f"{sum(f.f1 for f in held_out.values()):.3f} leave-one-set-out "
          f"(mean refusal recall {sum(f.refusal_recall for f in held_out.values()) / len(sets):.3f})")
    print(f"first-candidate F1 {sum(r.f1 for r in answerable) / max(1, len(answerable)):.3f} "
          f"({sum(r.right for r in answerable)} of {len(answerable)} right candidates)")
    for kind, count in loss_counts(readings).items():
        print(f"{kind}: {count}")


def _read(index_root: Path, base_path: Path | None, rule: str | None) -> list[DevReading]:
    if (base_path is None) != (rule is None):
        raise ValueError("--base and --refused-by go together")
    if base_path is None or rule is None:
        return read_sets(index_root)
    base = load_readings(base_path)
    chosen = refused_by(base, rule)
    if not chosen:
        rules = sorted({r.refusal_rule for r in base if r.refusal_rule})
        raise ValueError(f"no reading of {base_path} was refused by {rule!r}; its rules: {', '.join(rules) or 'none'}")
    print(f"reading again {len(chosen)} questions refused by {rule}", file=sys.stderr)
    return merged(base, read_sets(index_root, chosen))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.evaluation.development", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    read = commands.add_parser("read", help="read every dev question, write the readings, print the figures")
    read.add_argument("out", type=Path)
    read.add_argument("--index-root", type=Path, default=Path(".corpus-qa-calibration"),
                      help="one index a set, as python -m qa.calibration builds them")
    read.add_argument("--base", type=Path, metavar="READINGS.jsonl",
                      help="with --refused-by: read again only what these readings refused by the rule, keep the rest")
    read.add_argument("--refused-by", metavar="RULE", help="a refusal rule of the readings, as they name it")
    compare = commands.add_parser("compare", help="list the questions whose reading changed")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    weigh = commands.add_parser("weigh", help="the confidence model's figures left one set out, with each "
                                              "feature it leaves out added alone")
    weigh.add_argument("readings", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        if args.command == "read":
            readings = _read(args.index_root, args.base, args.refused_by)
            write_readings(readings, args.out)
            print_summary(readings)
            return 0
        if args.command == "weigh":
            # Imported here: the weighing module builds on this one.
            from qa.evaluation.feature_weighing import print_weighing, weigh_each_addition

            print_weighing(weigh_each_addition(load_readings(args.readings)))
            return 0
        pairs = changed(load_readings(args.before), load_readings(args.after))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for old, new in pairs:
        print(f"[set {new.set_number}] {new.question_id} {new.question}  (gold: {'; '.join(new.answers) or 'none'})")
        print(f"    {old.candidate!r} refused={old.refused} rule={old.refusal_rule} confidence={old.confidence:.2f} F1={old.f1:.2f}")
        print(f" -> {new.candidate!r} refused={new.refused} rule={new.refusal_rule} confidence={new.confidence:.2f} F1={new.f1:.2f}")
    print(f"{len(pairs)} readings changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
