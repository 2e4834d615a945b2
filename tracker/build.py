"""The build: read a corpus, run every article through the pipeline, write the dataset.

Articles are read and written in this process, in input order; the pipeline runs on an
engine (this process, local worker processes or a Dask cluster, see tracker.engines) in
batches whose results come back in the same order, so the output does not depend on the
engine or the number of workers. Articles whose result the previous build into the same
folder kept (tracker.incremental) are not extracted again, unless `full` is set.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from itertools import islice
from pathlib import Path

from tracker.engines import open_engine
from tracker.incremental import CACHE_NAME, ResultCache
from tracker.lexicon import load_vague_profile
from tracker.pipeline import process, warm_up
from tracker.read import read_corpus
from tracker.records import Article, ArticleResult, RejectedArticle
from tracker.write import DatasetWriter, atomic_directory, write_summary

# Articles sent to a worker at a time: large enough to amortize the hand-over, small
# enough that a few batches in flight per worker hold little memory.
BATCH_ARTICLES = 128


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process_batch(items: list[Article | RejectedArticle], profile: str) -> list[ArticleResult]:
    return [process(item, profile) for item in items]


def pipeline_results(items: Iterable[Article | RejectedArticle], run, profile: str,
                     cache: ResultCache) -> Iterator[ArticleResult]:
    """The result of every item, in order: from the cache, or extracted by `run`
    (an engine's map, see tracker.engines)."""
    reused: deque[list[ArticleResult | None]] = deque()

    def to_extract() -> Iterator[list[Article | RejectedArticle]]:
        for batch in _batches(items, BATCH_ARTICLES):
            cached = [cache.reuse(item) for item in batch]
            reused.append(cached)
            yield [item for item, hit in zip(batch, cached) if hit is None]

    # the engine asks for each batch before it yields that batch's results
    for extracted in run(partial(process_batch, profile=profile), to_extract()):
        fresh = iter(extracted)
        for hit in reused.popleft():
            if hit is None:
                hit = next(fresh)
                cache.keep(hit)
            yield hit


def build(inputs: list[str | Path], out_dir: Path, *, profile: str = "default", published: date | None = None,
          jobs: int | None = None, engine: str = "local", scheduler: str | None = None, full: bool = False) -> dict:
    """Build the dataset of `inputs` into `out_dir`; returns the build summary.

    engine "local" runs on `jobs` processes (default 1); "dask" on the cluster at
    `scheduler`, or on a LocalCluster of `jobs` workers (default: all cores). Unless
    `full`, articles unchanged since the last build into out_dir are not extracted again.
    """
    load_vague_profile(profile)  # an unknown profile fails before anything is written
    if engine == "local" and (jobs or 1) > 1:
        # Loaded once, before workers are forked, and frozen: it lives as long as the
        # process, so GC stops walking it, and workers share its memory pages instead of
        # each loading a copy (--jobs 2 on the 3 MB bench corpus: 350 -> 240-300 MB PSS).
        # One process loads it on first use, if any article needs extracting at all.
        warm_up(profile)
        gc.freeze()
    started = time.perf_counter()
    out_dir = Path(out_dir)
    # the engine starts first: its worker processes are forked before any file is opened
    with open_engine(engine, jobs=jobs, scheduler=scheduler) as run, atomic_directory(out_dir) as tmp:
        previous = None if full else out_dir / CACHE_NAME
        with ResultCache(tmp / CACHE_NAME, profile, previous) as cache:
            writer = DatasetWriter(tmp)
            for result in pipeline_results(read_corpus(inputs, default_published=published), run, profile, cache):
                writer.add(result)
            counts = writer.close()
        summary = {
            **counts,
            "articles_reused": cache.hits,
            "vague_profile": profile,
            "inputs": [str(p) for p in inputs],
            "engine": engine,
            "seconds": round(time.perf_counter() - started, 3),
        }
        write_summary(tmp, summary)
    return summary
