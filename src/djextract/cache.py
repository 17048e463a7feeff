"""Tables built once and kept on disk (jieba's dictionary, the gazetteer), named by what they were built from.

Why a file cache: building them costs more than reading a pickle, and a
one-line input should not pay for it on every run. A cache that cannot be read
is built again; one that cannot be written is skipped: a cache never stops a run.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/djextract (~/.cache/djextract)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "djextract"


def load_or_build(name: str, kind: type[T], build: Callable[[], T]) -> tuple[T, bool]:
    """The object pickled in the cache file ``name`` when it is there and a ``kind``, else ``build()``
    written there (atomically: readers see the old file or the whole new one); True when built."""
    path = cache_dir() / name
    try:
        with open(path, "rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, kind):
            return loaded, False
    except Exception:  # noqa: BLE001 - a missing, stale or broken cache is rebuilt
        pass
    value = build()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)  # no half-written cache left behind
    return value, True
