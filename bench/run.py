"""`make bench`: throughput, memory and time per stage of a build on >= 50 MB of real text,
beside the naive pipeline a user would first write (bench/naive.py).

Each measured build runs in a fresh process (peak RSS is a per-process high-water mark):
`tracker.build.build` from the corpus to a new dataset, then `tracker.validate.validate`
on it. Figures are medians over --runs builds on one core, whose stages are timed by
wrapping the stage functions that tracker.pipeline calls (in the measuring process only;
the wrappers cost well under 1%). A compiled pipeline (scripts/compile.py) calls the
compiled stages directly, past the wrappers: their time is then under "other", and
TRACKER_PURE_PYTHON=1 gives the breakdown of the interpreted build. One more build with --jobs workers shows the parallel
figures. The benchmark is never a timed test: it prints, and fails only if a build fails.

    python bench/run.py                    # 50 MB corpus in bench/.corpus, 3 runs
    python bench/run.py --mb 10 --runs 1   # a quick look
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # make_corpus and naive, when run as bench/run.py

from make_corpus import DEFAULT_OUT, make_corpus, read_manifest  # noqa: E402

OUT = BENCH / ".out"
TARGET_MB_S = 2.0

# The names tracker.pipeline calls, by stage. A name the pipeline no longer has is skipped
# (its time then shows under "other").
PIPELINE_STAGES = {
    "sentences": ["article_sentences", "claim_sentences"],
    "find numbers": ["find_numbers", "tally_drafts"],
    "classify": ["classify"],
    "attribute": ["attribute"],
    "dates": ["find_dates", "blocked_tokens", "period_for"],
    "places": ["ArticlePlaces", "claim_stops", "read_dateline"],
    "normalize": ["claim_rows"],
    "row rules": ["row_violations"],
}
STAGE_ORDER = ["read", *PIPELINE_STAGES, "cache", "write", "other", "validate"]


# --- One measured build (a child process) ---------------------------------------------


class StageTimes:
    """Seconds per stage, from wrappers around the stage functions."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.depth: dict[str, int] = defaultdict(int)  # timed calls of a stage in progress

    def wrap(self, fn, stage: str):
        seconds, depth = self.seconds, self.depth
        if inspect.isclass(fn):
            return self.wrap_class(fn, stage, [n for n, v in vars(fn).items() if callable(v) and not n.startswith("_")])
        if inspect.isgeneratorfunction(fn):  # time the whole iteration, not just the call
            def run(*args, **kwargs):
                started = time.perf_counter()
                out = list(fn(*args, **kwargs))
                seconds[stage] += time.perf_counter() - started
                return iter(out)
            return run

        def timed(*args, **kwargs):
            # a timed method calling another of its stage (for_claim -> mentions) counts once
            depth[stage] += 1
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                depth[stage] -= 1
                if not depth[stage]:
                    seconds[stage] += time.perf_counter() - started
        return timed

    def wrap_class(self, cls, stage: str, methods: list[str]):
        """A subclass whose constructor and `methods` are timed."""
        timed = {name: self.wrap(getattr(cls, name), stage) for name in ["__init__", *methods]}
        return type(cls.__name__, (cls,), timed)

    def wrap_iterator_function(self, fn, stage: str):
        """fn returns an iterator: time each step of it."""
        seconds = self.seconds

        def run(*args, **kwargs):
            it = iter(fn(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    seconds[stage] += time.perf_counter() - started
                    return
                seconds[stage] += time.perf_counter() - started
                yield item
        return run


def instrument(times: StageTimes) -> list[str]:
    """Wrap the stage functions in this process; returns the names not found."""
    import tracker.build
    import tracker.pipeline

    missing = []
    for stage, names in PIPELINE_STAGES.items():
        for name in names:
            if hasattr(tracker.pipeline, name):
                setattr(tracker.pipeline, name, times.wrap(getattr(tracker.pipeline, name), stage))
            else:
                missing.append(f"tracker.pipeline.{name}")
    tracker.build.read_corpus = times.wrap_iterator_function(tracker.build.read_corpus, "read")
    tracker.build.DatasetWriter = times.wrap_class(tracker.build.DatasetWriter, "write", ["add", "close"])
    tracker.build.ResultCache = times.wrap_class(tracker.build.ResultCache, "cache", ["reuse", "keep", "__exit__"])
    return missing


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest child process, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def measure_once(corpus: Path, out: Path, jobs: int) -> dict:
    """Build and validate `corpus` into `out`; figures as a dict."""
    from tracker.cli import prefer_jemalloc

    prefer_jemalloc()  # as `tracker build` does
    started = time.perf_counter()
    import tracker.build
    import tracker.compiled
    import tracker.pipeline

    startup = time.perf_counter() - started
    times = StageTimes()
    missing = instrument(times) if jobs == 1 else []
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    summary = tracker.build.build([corpus], out, jobs=jobs, full=True)
    build_seconds = time.perf_counter() - started
    rss_build, rss_workers = peak_rss_mb()

    started = time.perf_counter()
    try:
        from tracker.validate import validate
    except ImportError:  # validation not there yet
        validate = None
    startup += time.perf_counter() - started
    valid = None
    started = time.perf_counter()
    if validate is not None:
        valid = validate(out, out.parent / f"{out.name}-reports").success
    validate_seconds = time.perf_counter() - started
    stages = dict(times.seconds)
    if stages:
        stages["other"] = build_seconds - sum(stages.values())
    stages["validate"] = validate_seconds if validate is not None else None
    return {
        "jobs": jobs, "articles": summary["articles"], "claims": summary["claims"],
        "build_seconds": build_seconds, "validate_seconds": validate_seconds, "valid": valid,
        "startup_seconds": startup, "stages": stages, "missing_stage_functions": missing,
        "compiled": tracker.compiled.active(),
        "rss_build_mb": rss_build, "rss_total_mb": peak_rss_mb()[0], "rss_largest_worker_mb": rss_workers,
    }


# --- The benchmark (the parent process) -----------------------------------------------


def ensure_corpus(folder: Path, mb: float) -> dict:
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("mb") != mb or manifest.get("min_chars"):
        print(f"making a {mb:g} MB corpus in {folder} ...", flush=True)
        manifest = make_corpus(folder, mb=mb)
    return manifest


def child(*args: str) -> dict:
    """Run this script (or naive.py) in a fresh process; its last output line is JSON."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench: {' '.join(args)} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measured(corpus: Path, jobs: int, run: int) -> dict:
    out = OUT / f"dataset-{jobs}-{run}"
    try:
        return child(__file__, "--once", str(corpus), str(out), "--jobs", str(jobs))
    finally:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.parent / f"{out.name}-reports", ignore_errors=True)


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(manifest: dict, corpus: Path, runs: list[dict], parallel: dict | None, naive: dict | None) -> str:
    mb = manifest["text_bytes"] / 1e6
    articles = runs[0]["articles"]
    seconds = statistics.median(r["build_seconds"] + r["validate_seconds"] for r in runs)
    mb_s = mb / seconds
    lines = [
        f"corpus: {corpus} - {mb:.1f} MB of article text, {articles:,} articles "
        f"(real text: {manifest['source_articles']:,} articles repeated with fresh ids)",
        f"median of {len(runs)} builds, 1 process, text to validated Parquet, extraction "
        f"{'compiled with mypyc' if runs[0]['compiled'] else 'interpreted'}:",
        f"  {mb_s:.2f} MB/s, {articles / seconds:,.0f} articles/s, {runs[0]['claims']:,} claims; "
        f"build {median(runs, 'build_seconds'):.1f} s ({mb / median(runs, 'build_seconds'):.2f} MB/s) "
        f"+ validate {median(runs, 'validate_seconds'):.1f} s (+ {median(runs, 'startup_seconds'):.1f} s of imports, "
        f"once per process)",
        f"  peak RSS: build {median(runs, 'rss_build_mb'):.0f} MB, with validation {median(runs, 'rss_total_mb'):.0f} MB",
        "  time per stage (s, median):",
    ]
    for stage in STAGE_ORDER:
        values = [r["stages"].get(stage) for r in runs]
        if any(v is None for v in values):
            lines.append(f"    {stage:<13} n/a")
            continue
        value = statistics.median(values)
        lines.append(f"    {stage:<13} {value:7.2f}  {100 * value / seconds:5.1f}%  {mb / value if value > 0 else 0:8.1f} MB/s")
    if runs[0]["compiled"]:
        lines.append("  (compiled: the stages that the pipeline calls directly are timed under other)")
    missing = sorted({m for r in runs for m in r["missing_stage_functions"]})
    if missing:
        lines.append(f"  (not found, timed under other: {', '.join(missing)})")
    if any(r["valid"] is False for r in runs):
        lines.append("  note: the dataset did not pass validation")
    if parallel:
        p_seconds = parallel["build_seconds"] + parallel["validate_seconds"]
        p_mb_s = mb / p_seconds
        lines.append(f"--jobs {parallel['jobs']}: {p_mb_s:.2f} MB/s ({p_mb_s / parallel['jobs']:.2f} MB/s per core), "
                     f"{articles / p_seconds:,.0f} articles/s; build alone {mb / parallel['build_seconds']:.2f} MB/s; "
                     f"peak RSS main {parallel['rss_build_mb']:.0f} MB, largest worker "
                     f"{parallel['rss_largest_worker_mb']:.0f} MB")
    if naive:
        naive_mb_s = naive["text_bytes"] / 1e6 / naive["seconds"]
        lines += [
            f"naive pipeline (quantulum3 per sentence, dateparser search_dates per article, nearest trigger word), "
            f"{naive['articles']} sampled articles, {naive['text_bytes'] / 1e3:.0f} KB:",
            f"  {naive_mb_s * 1e3:.1f} KB/s; tracker is {mb_s / naive_mb_s:,.0f}x as fast per core",
        ]
    verdict = "meets" if mb_s >= TARGET_MB_S else "misses"
    lines.append(f"target >= {TARGET_MB_S:g} MB/s per core: {verdict} ({mb_s:.2f} MB/s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50, help="MB of article text in the corpus (default 50)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT, help=f"corpus folder (default {DEFAULT_OUT})")
    parser.add_argument("--runs", type=int, default=3, help="measured 1-process builds (default 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="workers of the parallel build (default: all cores; 1 skips it)")
    parser.add_argument("--naive-kb", type=float, default=40, help="KB of text the naive pipeline runs on (0 skips it)")
    parser.add_argument("--once", nargs=2, type=Path, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.once:
        print(json.dumps(measure_once(args.once[0], args.once[1], args.jobs)))
        return 0

    manifest = ensure_corpus(args.corpus, args.mb)
    OUT.mkdir(exist_ok=True)
    runs = []
    for run in range(args.runs):
        print(f"build {run + 1}/{args.runs} ...", flush=True)
        runs.append(measured(args.corpus, 1, run))
    parallel = None
    if args.jobs > 1:
        print(f"build with --jobs {args.jobs} ...", flush=True)
        parallel = measured(args.corpus, args.jobs, 0)
    naive = None
    if args.naive_kb > 0:
        print("naive pipeline ...", flush=True)
        naive = child(str(BENCH / "naive.py"), "--corpus", str(args.corpus), "--kb", str(args.naive_kb))
    text = report(manifest, args.corpus, runs, parallel, naive)
    (OUT / "last.json").write_text(json.dumps({"manifest": manifest, "runs": runs, "parallel": parallel,
                                               "naive": naive}, indent=2) + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
