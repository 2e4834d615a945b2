"""`make eval`: build each dev set of ../shared/eval and print the scorer's figures.

Each `NAME.articles.jsonl` is built with the vague-quantity profile its gold was coded
with (the ISAF totals use the dataset annotator's rules: profile `isaf`), then scored by
`score.py NAME.gold.jsonl`. Skips cleanly when ../shared/eval is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
PROFILES = {"isaf-dev": "isaf"}


def score(gold: Path, dataset: Path) -> dict:
    out = subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), str(gold), str(dataset), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out[: out.rindex("}") + 1])


def main() -> int:
    if not (EVAL_DIR / "score.py").is_file():
        print(f"make eval: skipped, no dev sets at {EVAL_DIR} (they live beside the repo in ../shared/eval)")
        return 0
    from tracker.build import build

    for articles in sorted(EVAL_DIR.glob("*.articles.jsonl")):
        name = articles.name.removesuffix(".articles.jsonl")
        gold = next((g for g in (EVAL_DIR / f"{name}.gold.jsonl", EVAL_DIR / f"{name}-gold.jsonl") if g.is_file()), None)
        if gold is None:
            continue
        profile = PROFILES.get(name, "default")
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build([articles], Path(tmp) / "out", profile=profile)
            seconds = time.perf_counter() - started
            result = score(gold, Path(tmp) / "out" / "claims")
        print(f"\n## {name} (profile {profile}, built in {seconds:.2f} s)")
        print("| figure | value |\n|---|---:|")
        for key, value in result.items():
            if key != "attributes":
                print(f"| {key} | {value} |")
        for key, value in result.get("attributes", {}).items():
            print(f"| {key} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
