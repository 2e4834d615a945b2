"""Instructions the extraction executes on a fixed slice of the real corpora (callgrind).

Wall-clock speed on a shared machine varies from day to day; instruction counts do not.
This runs `tracker.pipeline.process` over the first N articles of bench/make_corpus.py's
sources (the real corpora, in their fixed order) under `valgrind --tool=callgrind`, then
again over the first article alone, and prints both totals and their difference: the
extraction's own instructions, with the import and the lexicons' loading subtracted.

    python bench/instructions.py                 # 300 articles
    python bench/instructions.py --articles 100 --profile isaf
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import FIELDS, source_records, text_bytes  # noqa: E402


def run_slice(path: str, profile: str) -> None:
    """The measured program: read the slice, extract every article."""
    from tracker.pipeline import process
    from tracker.read import read_corpus

    for article in read_corpus([path]):
        process(article, profile)


def instructions(path: Path, profile: str, out: Path) -> int:
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__,
                    "--run", str(path), "--profile", profile], check=True, capture_output=True)
    totals = re.search(r"^(?:summary|totals):\s+(\d+)", out.read_text(), re.MULTILINE)
    return int(totals.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", default="default")
    parser.add_argument("--run", metavar="JSONL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_slice(args.run, args.profile)
        return 0
    records = source_records()[: args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        counts = []
        for n in (len(records), 1):
            path = Path(tmp) / f"slice-{n}.jsonl"
            path.write_text("".join(json.dumps({"id": r["id"], **{k: r[k] for k in FIELDS}}) + "\n"
                                    for r in records[:n]), encoding="utf-8")
            counts.append(instructions(path, args.profile, Path(tmp) / f"callgrind-{n}.out"))
    size = sum(text_bytes(r) for r in records[1:])
    from tracker.compiled import fresh

    print("extraction " + ("compiled with mypyc" if fresh() else "interpreted (make venv compiles it)"))
    print(f"{len(records)} articles: {counts[0] / 1e6:,.0f} M instructions; 1 article: {counts[1] / 1e6:,.0f} M")
    print(f"extraction of the other {len(records) - 1} ({size / 1e6:.2f} MB): {(counts[0] - counts[1]) / 1e6:,.0f} M "
          f"({(counts[0] - counts[1]) / size:,.0f} per byte of text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
