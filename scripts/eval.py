"""`make eval`: build each dev set of ../shared/eval and the project's own samples, print the scores.

Each `NAME.articles.jsonl` of ../shared/eval is built with the vague-quantity profile its
gold was coded with (the ISAF totals use the dataset annotator's rules: profile `isaf`),
then scored by `score.py NAME.gold.jsonl`. Skips cleanly when ../shared/eval is absent.

The project's own samples (eval/samples/NAME/, see eval/README.md) are scored the same
way, one line per half (tune, hold): `scripts/eval.py --samples` prints only those,
`scripts/eval.py --samples NAME ...` only the named ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL_DIR = SHARED / "eval"
SAMPLES_DIR = ROOT / "eval" / "samples"
PROFILES = {"isaf-dev": "isaf"}
SPLITS = ("tune", "hold")


def score(gold: Path, dataset: Path) -> dict:
    out = subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), str(gold), str(dataset), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out[: out.rindex("}") + 1])


def build_and_score(articles: Path, gold: Path, profile: str) -> tuple[dict, float]:
    from tracker.build import build

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build([articles], Path(tmp) / "out", profile=profile)
        seconds = time.perf_counter() - started
        return score(gold, Path(tmp) / "out" / "claims"), seconds


def dev_sets() -> None:
    for articles in sorted(EVAL_DIR.glob("*.articles.jsonl")):
        name = articles.name.removesuffix(".articles.jsonl")
        gold = next((g for g in (EVAL_DIR / f"{name}.gold.jsonl", EVAL_DIR / f"{name}-gold.jsonl") if g.is_file()), None)
        if gold is None:
            continue
        profile = PROFILES.get(name, "default")
        result, seconds = build_and_score(articles, gold, profile)
        print(f"\n## {name} (profile {profile}, built in {seconds:.2f} s)")
        print("| figure | value |\n|---|---:|")
        for key, value in result.items():
            if key != "attributes":
                print(f"| {key} | {value} |")
        for key, value in result.get("attributes", {}).items():
            print(f"| {key} | {value} |")


def sample_articles(sample: Path, split: str, corpus: str | None, tmp: Path) -> Path:
    """The half's articles: its own file, or the shared corpus's rows whose ids its gold lists."""
    own = sample / f"{split}.articles.jsonl"
    if own.is_file() or corpus is None:
        return own
    ids = {json.loads(line)["id"] for line in (sample / f"{split}.gold.jsonl").open(encoding="utf-8") if line.strip()}
    picked = tmp / f"{sample.name}-{split}.articles.jsonl"
    with (SHARED / "corpus" / corpus).open(encoding="utf-8") as rows, picked.open("w", encoding="utf-8") as out:
        out.writelines(line for line in rows if line.strip() and json.loads(line)["id"] in ids)
    return picked


def summary(result: dict) -> str:
    if "killed_exact" in result:
        return f"killed_exact {result['killed_exact']:.3f}  detained_exact {result['detained_exact']:.3f}"
    attributes = result.get("attributes", {})
    shown = " ".join(f"{key} {attributes[key]:.3f}" for key in ("admin1", "claimant", "period", "object_class")
                     if isinstance(attributes.get(key), (int, float)))
    return (f"f1 {result['f1']:.3f}  p {result['precision']:.3f}  r {result['recall']:.3f}  "
            f"gold {result['gold_claims']}  {shown}")


def samples(names: list[str]) -> None:
    chosen = [SAMPLES_DIR / name for name in names] if names else sorted(p for p in SAMPLES_DIR.iterdir() if p.is_dir())
    print("\n## project samples (eval/samples)")
    for sample in chosen:
        about = json.loads((sample / "sample.json").read_text(encoding="utf-8"))
        profile = about.get("profile", "default")
        for split in SPLITS:
            gold = sample / f"{split}.gold.jsonl"
            if not gold.is_file():
                continue
            with tempfile.TemporaryDirectory() as tmp:
                articles = sample_articles(sample, split, about.get("corpus"), Path(tmp))
                result, _ = build_and_score(articles, gold, profile)
            print(f"{sample.name:>10} {split}  {result['articles']:>3} articles  {summary(result)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", nargs="*", metavar="NAME", help="score only the project's samples (all, or those named)")
    args = parser.parse_args()
    if not (EVAL_DIR / "score.py").is_file():
        print(f"make eval: skipped, no dev sets at {EVAL_DIR} (they live beside the repo in ../shared/eval)")
        return 0
    if args.samples is None:
        dev_sets()
    if SAMPLES_DIR.is_dir():
        samples(args.samples or [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
