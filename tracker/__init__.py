"""tracker: every numeric claim about a war's harm, as a validated Parquet dataset.

    >>> import tracker
    >>> df = tracker.load("data/processed")   # doctest: +SKIP
"""

__version__ = "0.1.0"


def load(directory):
    """The claims of a built dataset as a pandas DataFrame with types intact (tracker.loading.load)."""
    from tracker.loading import load as _load

    return _load(directory)
