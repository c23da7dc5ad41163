"""Every labelled set's evaluation, the README table, and what changed between two runs.

    .venv/bin/python benchmarks/all_sets.py run OUT [--index-root DIR] [--only NAME ...]
    .venv/bin/python benchmarks/all_sets.py table OUT
    .venv/bin/python benchmarks/all_sets.py compare BEFORE AFTER

``run`` evaluates each set in its own process (`corpus-qa eval ... --json`, as a user would), one
after another, and writes OUT/NAME.json; indexes are built on first use under --index-root, the
development sets in set-N (the layout `python -m qa.calibration --index-root` and
`python -m qa.evaluation.development read` use, so they share indexes). Run it alone: latency is
measured on the same two cores. ``table`` prints the README rows and the retrieval figures by
mode; ``compare`` prints each set whose figures moved and every question whose outcome changed,
but for the held-out sets only how many changed (never tune on them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa.calibration import PACKAGED_SETS  # noqa: E402
from qa.evaluation.metrics import CORRECT_F1, best_f1  # noqa: E402

_TEST_DATA = ROOT / "tests" / "data"
# README names of the corpora; the development sets keep qa.calibration's order and numbering.
_LABELS = {
    "port_strike": "port strike", "heldout_flood": "flood", "heldout_recall": "recall", "devset_launch": "launch",
    "heldout_verdict": "verdict", "devset_harbour_fire": "harbour fire",
    "devset_hospital_cyberattack": "hospital cyberattack", "devset_museum_heist": "museum heist",
    "devset_takeover_bid": "takeover bid", "devset_glacier_dig": "glacier find",
    "devset_water_contamination": "water contamination", "devset_airline_outage": "airline outage",
    "devset_mine_rescue": "mine rescue", "devset_wildfire": "wildfire", "devset_marathon": "marathon",
    "devset_bridge": "bridge", "devset_derail": "derailment", "devset_eruption": "eruption",
    "devset_blackout": "blackout", "devset_bankrun": "bank run", "devset_birdflu": "bird flu",
    "devset_oilspill": "oil spill", "devset_quake": "earthquake",
}
_HELD_OUT = {"heldout_ferry": "ferry", "heldout_election": "election", "heldout_liveblogs": "live blogs",
             "heldout_mixed": "mixed"}


@dataclass(frozen=True, slots=True)
class EvalSet:
    name: str  # file stem of its results
    label: str  # as the README table names it
    eval_args: tuple[str, ...]  # what `corpus-qa eval` needs besides --json and --index-dir
    index_dir: str  # under the index root
    kind: str  # "seed", "dev" or "held-out"


def all_sets() -> list[EvalSet]:
    seeds = [EvalSet(f"seed-{split}", f"seed {split}", ("--split", split, "--corpus", "seeds"), "set-0", "seed")
             for split in ("dev", "test")]
    development = [
        EvalSet(dev_set.corpus.parent.name, _LABELS[dev_set.corpus.parent.name],
                ("--gold", str(dev_set.gold), "--corpus", str(dev_set.corpus), "--split", "all"),
                f"set-{number}", "dev")
        for number, dev_set in enumerate(PACKAGED_SETS) if number > 0
    ]
    held_out = [
        EvalSet(name, f"held-out {label}", ("--gold", str(_TEST_DATA / name / "gold.jsonl"),
                                            "--corpus", str(_TEST_DATA / name / "corpus"), "--split", "all"),
                f"held-out-{name}", "held-out")
        for name, label in _HELD_OUT.items()
    ]
    return seeds + development + held_out


def run(out: Path, index_root: Path, only: Sequence[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    chosen = [s for s in all_sets() if not only or s.name in only]
    unknown = set(only) - {s.name for s in all_sets()}
    if unknown:
        print(f"unknown set(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    corpus_qa = Path(sys.executable).with_name("corpus-qa")
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for number, eval_set in enumerate(chosen, 1):
        print(f"[{number}/{len(chosen)}] {eval_set.label}", flush=True)
        command = [str(corpus_qa), "eval", *eval_set.eval_args, "--json", "--index-dir",
                   str(index_root / eval_set.index_dir)]
        finished = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
        if finished.returncode != 0:
            print(f"  failed ({finished.returncode}): {finished.stderr.strip()[-2000:]}", file=sys.stderr)
            return 1
        target = out / f"{eval_set.name}.json"
        target.with_suffix(".tmp").write_text(finished.stdout, encoding="utf-8")
        target.with_suffix(".tmp").replace(target)
    return 0


def _load(out: Path) -> dict[str, dict]:
    return {s.name: json.loads((out / f"{s.name}.json").read_text(encoding="utf-8"))
            for s in all_sets() if (out / f"{s.name}.json").exists()}


def _threshold_zero_f1(result: dict) -> float:
    return min(result["threshold_sweep"], key=lambda point: point["threshold"])["f1"]


def _row(eval_set: EvalSet, result: dict) -> str:
    label = f"**{eval_set.label}**" if eval_set.kind == "held-out" else eval_set.label
    if eval_set.name == "seed-test":
        label = "seed **test**"
    counts = f"{result['answerable']['n']} + {result['unanswerable']['n']}"
    counts += ", dev" if eval_set.kind == "dev" else ""
    hybrid = result["retrieval"]["hybrid"]
    citation = result["citation_accuracy"]
    cells = [
        f"{label} ({counts})",
        f"{result['answerable']['f1']:.3f} / {result['answerable']['em']:.3f}",
        f"{result['false_refusal_rate']:.3f}",
        f"{result['unanswerable']['refusal_recall']:.3f}",
        "n/a" if citation is None else f"{citation:.3f}",
        f"{hybrid['recall@5']:.3f} / {hybrid['mrr']:.3f}",
        f"{result['calibration']['ece']:.3f}",
        f"{result['latency_ms']['p50']:.0f} / {result['latency_ms']['p95']:.0f} ms",
        f"{_threshold_zero_f1(result):.3f}",
    ]
    return "| " + " | ".join(cells) + " |"


def utility(result: dict) -> int:
    """Right answers + right refusals - wrong answers - unanswerable answered - right candidates
    refused: what the answer/refuse decisions are worth, from the failures a run lists."""
    right = result["answerable"]["n"]
    refusals_right = result["unanswerable"]["n"]
    penalty = 0
    for failure in result["failures"]:
        kind = failure["kind"]
        if kind == "answered an unanswerable question":
            refusals_right -= 1
            penalty += 1
        elif kind == "false refusal":
            right -= 1
            candidate = failure["candidate"]
            penalty += int(candidate is not None and best_f1(candidate, failure["expected"]) >= CORRECT_F1)
        elif failure["f1"] < CORRECT_F1:  # a wrong or partial answer; a wrong citation keeps a right span
            right -= 1
            penalty += 1
    return right + refusals_right - penalty


def table(out: Path) -> int:
    results = _load(out)
    print("| set | answerable F1 / EM | false refusals | refusal recall | citation accuracy | hybrid R@5 / MRR "
          "| calibration ECE | latency p50 / p95 | F1 at threshold 0 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for eval_set in all_sets():
        if eval_set.name in results:
            print(_row(eval_set, results[eval_set.name]))
    print("\nRetrieval R@5 / MRR (BM25, vector, hybrid):")
    for eval_set in all_sets():
        if eval_set.name in results:
            modes = results[eval_set.name]["retrieval"]
            print(f"  {eval_set.label}: " + ", ".join(
                f"{modes[m]['recall@5']:.3f} / {modes[m]['mrr']:.3f}" for m in ("bm25", "vector", "hybrid")))
    print(f"\ndecision utility, all sets: {sum(utility(r) for r in results.values())}")
    return 0


def _outcome(failure: dict | None) -> str:
    if failure is None:
        return "right"
    return f"{failure['kind']}: {failure['returned'][:90]!r} ({failure['confidence']:.2f})"


def _kind(failure: dict | None) -> str:
    return "right" if failure is None else failure["kind"]


def compare(before_dir: Path, after_dir: Path) -> int:
    before, after = _load(before_dir), _load(after_dir)
    total_before = total_after = 0
    for eval_set in all_sets():
        if eval_set.name not in before or eval_set.name not in after:
            continue
        old, new = before[eval_set.name], after[eval_set.name]
        total_before += utility(old)
        total_after += utility(new)
        figures = [("F1", lambda r: r["answerable"]["f1"]), ("EM", lambda r: r["answerable"]["em"]),
                   ("false refusals", lambda r: r["false_refusal_rate"]),
                   ("refusal recall", lambda r: r["unanswerable"]["refusal_recall"]),
                   ("citation", lambda r: r["citation_accuracy"] or 0.0), ("threshold-0 F1", _threshold_zero_f1)]
        moved = [f"{name} {get(old):.3f} -> {get(new):.3f}" for name, get in figures if get(old) != get(new)]
        old_failures = {f["id"]: f for f in old["failures"]}
        new_failures = {f["id"]: f for f in new["failures"]}
        changed = [
            (question_id, _outcome(old_failures.get(question_id)), _outcome(new_failures.get(question_id)))
            for question_id in sorted(old_failures.keys() | new_failures.keys())
            if _outcome(old_failures.get(question_id)) != _outcome(new_failures.get(question_id))
        ]
        if moved or changed:
            print(f"{eval_set.label}: {'; '.join(moved) or 'figures unchanged'}")
            if eval_set.kind == "held-out":
                # Read, a held-out set's questions would steer the reader: only how many moved.
                kinds = sum(
                    1 for question_id, _, _ in changed
                    if _kind(old_failures.get(question_id)) != _kind(new_failures.get(question_id))
                )
                print(f"  {kinds} questions changed outcome, {len(changed) - kinds} only in confidence "
                      "(held-out: not listed)")
                continue
            for question_id, was, now in changed:
                print(f"  {question_id}: {was}\n  {' ' * len(question_id)}  -> {now}")
    print(f"decision utility: {total_before} -> {total_after}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="evaluate every set (or --only some) into OUT")
    run_parser.add_argument("out", type=Path)
    run_parser.add_argument("--index-root", type=Path, default=ROOT / ".corpus-qa-calibration")
    run_parser.add_argument("--only", nargs="+", default=(), metavar="NAME", help="set names (file stems)")
    commands.add_parser("table", help="README rows of a run").add_argument("out", type=Path)
    compare_parser = commands.add_parser("compare", help="what changed between two runs")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.out, args.index_root, args.only)
    if args.command == "table":
        return table(args.out)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
