"""Command line: `tracker build INPUT... --out DIR` and `tracker validate DIR`."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import date
from pathlib import Path

from tracker.engines import ENGINES
from tracker.lexicon import vague_profiles


def prefer_jemalloc() -> None:
    """Make Arrow allocate through jemalloc, unless the user chose a pool. pyarrow's
    default, mimalloc, keeps freed pages: validating the 50 MB bench dataset peaked at
    643 MB with it and 485 MB with jemalloc, and the build at 247 and 222 MB, in the
    same time. pyarrow reads ARROW_DEFAULT_MEMORY_POOL once, when first imported (setting
    the pool later saved less than half as much), and forked workers inherit it."""
    if "pyarrow" not in sys.modules and sys.platform != "win32":  # Windows wheels lack jemalloc
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def _profile(name: str) -> str:
    from tracker.lexicon import load_vague_profile

    try:
        load_vague_profile(name)
    except (ValueError, KeyError) as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return name


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
    b.add_argument("--vague-profile", default="default", type=_profile, metavar="NAME",
                   help="how vague quantities ('dozens', 'several') become numbers: a name of schemas/vague/NAME.json "
                        f"({', '.join(vague_profiles())}) or the path of such a JSON file")
    b.add_argument("--jobs", type=int, metavar="N",
                   help="worker processes (default 1; with --engine dask, the LocalCluster's workers, default all cores)")
    b.add_argument("--engine", choices=ENGINES, default="local",
                   help="where the pipeline runs: local processes (default) or a Dask distributed cluster")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask, the scheduler of a running cluster (e.g. tcp://10.0.0.5:8786); "
                        "without it a LocalCluster is started")
    b.add_argument("--full", action="store_true",
                   help="extract every article again instead of reusing the previous build's results")

    v = sub.add_parser("validate", help="run the expectation suites on a built dataset",
                       description="Validate DIR with the Great Expectations suites in validations/; "
                                   "exit 1 when an expectation fails. Example: tracker validate data/processed")
    v.add_argument("dir", type=Path, metavar="DIR")
    v.add_argument("--reports", type=Path, metavar="PATH", help="where reports go (default validations/reports)")
    return parser


def main(argv: list[str] | None = None) -> int:
    prefer_jemalloc()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        if args.scheduler and args.engine != "dask":
            parser.error("--scheduler needs --engine dask")
        if args.scheduler and args.jobs is not None:
            parser.error("--jobs sizes a LocalCluster; a cluster given by --scheduler has its own workers")
        if args.jobs is not None and args.jobs < 1:
            parser.error("--jobs must be at least 1")
        return _build(args)
    from tracker import validate

    return validate.main([str(args.dir)] + (["--reports", str(args.reports)] if args.reports else []))


def _exit_on_terminate() -> None:
    """SIGTERM (a cancelled CI job, `kill`, a container stop) ends the build like Ctrl-C:
    the half-written folder is removed and the previous dataset stays. Forked workers
    inherit the handler but take the default action: a SIGTERM sent to the whole process
    group ends them at once, and the builder's exit waits only for the batches they hold."""
    builder = os.getpid()

    def terminated(signum: int, _frame) -> None:
        if os.getpid() != builder:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)


def _build(args: argparse.Namespace) -> int:
    from tracker.build import build

    _exit_on_terminate()
    summary = build(args.inputs, args.out, profile=args.vague_profile, published=args.published, jobs=args.jobs,
                    engine=args.engine, scheduler=args.scheduler, full=args.full)
    reused = f", {summary['articles_reused']} unchanged since the last build" if summary["articles_reused"] else ""
    print(f"built {args.out}: {summary['articles']} articles ({summary['articles_rejected']} rejected{reused}), "
          f"{summary['claims']} claims, {summary['rejected_claims']} claim rows rejected, {summary['seconds']} s")
    if summary["articles_rejected"]:
        import pyarrow.parquet as pq

        rejected = pq.read_table(args.out / "articles.parquet", columns=["status", "reason"]).to_pylist()
        for row in [r for r in rejected if r["status"] == "rejected"][:20]:
            print(f"  rejected: {row['reason']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
