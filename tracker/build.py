"""The build: read a corpus, run every article through the pipeline, write the dataset.

Articles are processed in input order; with jobs > 1 a process pool works on batches
of them and results are collected in the same order, so the output does not depend on
the number of processes.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from tracker.lexicon import load_vague_profile
from tracker.pipeline import process
from tracker.read import read_corpus
from tracker.records import Article, ArticleResult, RejectedArticle
from tracker.write import write_outputs

POOL_BATCH = 64


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _process_batch(args: tuple[list[Article | RejectedArticle], str]) -> list[ArticleResult]:
    items, profile = args
    return [process(item, profile) for item in items]


def run_pipeline(items: Iterable[Article | RejectedArticle], profile: str, jobs: int) -> Iterator[ArticleResult]:
    if jobs <= 1:
        for item in items:
            yield process(item, profile)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as pool:
        work = ((batch, profile) for batch in _batches(items, POOL_BATCH))
        for results in pool.imap(_process_batch, work, chunksize=1):
            yield from results


def build(inputs: list[str | Path], out_dir: Path, *, profile: str = "default",
          published: date | None = None, jobs: int = 1) -> dict:
    """Build the dataset of `inputs` into `out_dir`; returns the build summary."""
    load_vague_profile(profile)  # an unknown profile fails before anything is written
    started = time.perf_counter()
    items = read_corpus(inputs, default_published=published)
    summary = write_outputs(out_dir, run_pipeline(items, profile, jobs),
                            {"vague_profile": profile, "inputs": [str(p) for p in inputs]})
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary
