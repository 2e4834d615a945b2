"""Command line: `tracker build INPUT... --out DIR` and `tracker validate DIR`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tracker.lexicon import vague_profiles


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tracker", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="extract claims from articles into a Parquet dataset",
                       description="Read .jsonl and .txt articles (files or directories) and write DIR/claims/, "
                                   "DIR/articles.parquet and DIR/rejected_claims.parquet. "
                                   "Example: tracker build data/raw --out data/processed")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl / .txt files or directories of them")
    b.add_argument("--out", required=True, type=Path, metavar="DIR", help="output directory (replaced atomically)")
    b.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date for articles whose metadata and dateline give none")
    b.add_argument("--vague-profile", default="default", choices=vague_profiles(),
                   help="how vague quantities ('dozens', 'several') become numbers: schemas/vague/NAME.json")
    b.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")

    v = sub.add_parser("validate", help="run the expectation suites on a built dataset",
                       description="Validate DIR with the Great Expectations suites in validations/; "
                                   "exit 1 when an expectation fails. Example: tracker validate data/processed")
    v.add_argument("dir", type=Path, metavar="DIR")
    v.add_argument("--reports", type=Path, metavar="PATH", help="where reports go (default validations/reports)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _build(args)
    from tracker import validate

    return validate.main([str(args.dir)] + (["--reports", str(args.reports)] if args.reports else []))


def _build(args: argparse.Namespace) -> int:
    from tracker.build import build

    summary = build(args.inputs, args.out, profile=args.vague_profile, published=args.published, jobs=args.jobs)
    print(f"built {args.out}: {summary['articles']} articles ({summary['articles_rejected']} rejected), "
          f"{summary['claims']} claims, {summary['rejected_claims']} claim rows rejected, {summary['seconds']} s")
    if summary["articles_rejected"]:
        import pyarrow.parquet as pq

        rejected = pq.read_table(args.out / "articles.parquet", columns=["status", "reason"]).to_pylist()
        for row in [r for r in rejected if r["status"] == "rejected"][:20]:
            print(f"  rejected: {row['reason']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
