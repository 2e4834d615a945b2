"""tracker: every numeric claim about a war's harm, as a validated Parquet dataset.

    >>> import tracker
    >>> df = tracker.load("data/processed")   # doctest: +SKIP
"""

from tracker.compiled import use_sources_if_stale

__version__ = "0.1.0"

use_sources_if_stale()  # before any compiled module is imported


def load(directory):
    """The claims of a built dataset as a pandas DataFrame with types intact (tracker.loading.load)."""
    from tracker.loading import load as _load

    return _load(directory)
