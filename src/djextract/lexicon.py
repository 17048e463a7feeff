"""Word lists and rule tables, loaded from data files a user can extend.

Why: the rules that decide what is a body, a figure or a programme are
language facts, not code. They live in ``data/<extractor>/*`` (lists: one
term a line; tables: a header and a checked schema) and a user adds their own
by putting files of the same name in a folder named by ``--data-dir`` or the
``DJEXTRACT_DATA`` environment variable; their lines are added to ours. The
user's files are read into a ``Rules`` value that travels in the options;
``use`` makes it the one the loaders read, and the tables built from it are
cached until other Rules come.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

_derived: list[Any] = []  # lru_cache'd functions

T = TypeVar("T")
C = TypeVar("C", bound=Callable[..., Any])


def derived(func: Callable[[], T]) -> Callable[[], T]:
    """Cache a table built from the data files, and rebuild it when a data folder is added."""
    return cleared_on_reset(lru_cache(maxsize=1)(func))


def cleared_on_reset(cached: C) -> C:
    """Register an lru_cache'd function whose results depend on the data folders (e.g. segmenters)."""
    _derived.append(cached)
    return cached


def reset() -> None:
    """Forget every loaded list and derived table (after the user's data folders change)."""
    load_lines.cache_clear()
    load_rows.cache_clear()
    _line_index.cache_clear()
    for c in _derived:
        c.cache_clear()


@dataclass(frozen=True)
class Rules:
    """The user's data files, by content: what ``--data-dir`` folders and ``DJEXTRACT_DATA`` add to ours.

    Why contents and not paths: a Rules value travels inside ``Options`` to
    worker processes and to Dask workers on other machines, which may not see
    the user's folders; and two runs with equal Rules give equal output, so it
    is also what ``--resume`` and the output manifest compare (``digest``).
    """

    folders: tuple[str, ...] = ()  # where the files were read, for messages and the manifest
    files: tuple[tuple[str, str, str], ...] = field(default=(), repr=False)  # (name, where, text)

    @classmethod
    def from_dirs(cls, dirs: Iterable[str | os.PathLike[str]] = (), env: bool = True) -> Rules:
        """Read every data file of the folders (then of ``DJEXTRACT_DATA``'s, with ``env``), in that order.

        Raises FileNotFoundError for a folder that is not there.
        """
        folders = [Path(d) for d in dirs]
        if env:
            folders += [Path(d) for d in os.environ.get("DJEXTRACT_DATA", "").split(os.pathsep) if d]
        seen: list[Path] = []
        for d in folders:
            if not d.is_dir():
                raise FileNotFoundError(f"data folder not found: {d}")
            if d not in seen:
                seen.append(d)
        files = tuple((rel, str(d / rel), (d / rel).read_text(encoding="utf-8")) for d in seen
                      for rel in data_files(d))
        return cls(tuple(str(d) for d in seen), files)

    @classmethod
    def from_env(cls) -> Rules:
        """The folders named by ``DJEXTRACT_DATA`` (the default of ``Options``), read once per value."""
        return _from_env(os.environ.get("DJEXTRACT_DATA", ""))

    def texts(self, name: str) -> list[tuple[str, str]]:
        """(where, text) of the user's files called ``name``, in extension order."""
        return [(where, text) for rel, where, text in self.files if rel == name]

    @property
    def digest(self) -> str:
        """A short hash of the files' names and contents: equal digests, equal tables."""
        h = hashlib.sha256()
        for rel, _where, text in self.files:
            h.update(rel.encode() + b"\0" + text.encode() + b"\0")
        return h.hexdigest()[:16]

    def check_names(self) -> None:
        """Every user file extends a bundled one; a misspelt name would be silently ignored.

        Raises DataError ``FOLDER/FILE: …`` (with the nearest bundled name) for the first that does not.
        """
        import difflib

        bundled = data_files(bundled_path(""))
        for rel, where, _text in self.files:
            if rel not in bundled:
                near = difflib.get_close_matches(rel, bundled, n=1, cutoff=0.5)
                hint = f" (did you mean {near[0]}?)" if near else ""
                raise DataError(f"{where}: no bundled data file has this name, so it would extend nothing{hint}")


@lru_cache(maxsize=4)
def _from_env(value: str) -> Rules:
    return Rules.from_dirs(env=True) if value else Rules()


_active = Rules()


def use(rules: Rules) -> None:
    """Make ``rules`` the user's files every loader reads, forgetting the tables built from others.

    Why module state at all: the tables are cached per process and rebuilt only
    when the Rules change, which is once per run (the pipeline calls this with
    its options for every document; equal Rules cost one comparison).
    """
    global _active
    if rules is not _active and rules != _active:
        _active = rules
        reset()


def active() -> Rules:
    """The Rules the loaders read now."""
    return _active


def _read(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.rstrip("\n\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.strip(" "))
    return out


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """All non-comment lines of a data file: the bundled one, then the user's."""
    lines = []
    for _where, text in sources(name):
        lines.extend(_read(text))
    return tuple(lines)


def load_set(name: str) -> frozenset[str]:
    """The first field of every line, as a set."""
    return frozenset(line.split("\t")[0].strip() for line in load_lines(name))


def data_files(folder: Path) -> list[str]:
    """The data files under a folder, as paths relative to it (``bodies/heads.tsv``), sorted."""
    return sorted(f.relative_to(folder).as_posix() for f in folder.rglob("*")
                  if f.is_file() and not f.name.startswith(".") and "__pycache__" not in f.parts)


def _bundled(name: str) -> Any:
    """The bundled data file ``name`` (``bodies/heads.tsv``: one folder per extractor)."""
    return resources.files("djextract").joinpath("data", *name.split("/"))


def bundled_path(name: str) -> Path:
    """Filesystem path of a bundled data file (for libraries that want a path)."""
    return Path(str(_bundled(name))) if name else Path(str(resources.files("djextract").joinpath("data")))


class DataError(ValueError):
    """A data file line that does not fit its table's schema: ``FILE:LINE: why``."""


def sources(name: str) -> list[tuple[str, str]]:
    """(where, text) of the bundled file and of each user's file of that name, in extension order."""
    return [(f"data/{name}", _bundled(name).read_text(encoding="utf-8")), *_active.texts(name)]


@cache
def load_rows(name: str, columns: tuple[str, ...], allowed: tuple[tuple[str, ...], ...] = (),
              lists: tuple[str, ...] = (), keyed: bool = False) -> tuple[tuple[str, ...], ...]:
    """Rows of a TAB-separated table whose first non-comment line is the header ``columns``.

    Why checked: a user's folder extends these tables, and a line with a missing
    column or a misspelt value must fail loudly with its place, not change
    results silently. ``allowed`` gives, per column, the values it may take
    (empty: any; include "" to let it be empty); a missing trailing column is
    an empty string. Columns named in ``lists`` hold comma-separated values,
    each checked (flags: ``alone,place``). A ``keyed`` table writes each first
    field once a file: a second line would silently replace the first (a user's
    file may replace a bundled line; that is what it is for).
    """
    rows: list[tuple[str, ...]] = []
    for where, text in sources(name):
        header_seen = False
        first_at: dict[str, int] = {}
        for lineno, raw in enumerate(text.splitlines(), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            parts = tuple(p.strip() for p in raw.split("\t"))
            if not header_seen:
                if parts != columns:
                    raise DataError(f"{where}:{lineno}: the header must be {' TAB '.join(columns)!s}")
                header_seen = True
                continue
            if len(parts) > len(columns):
                raise DataError(f"{where}:{lineno}: {len(parts)} fields, the table has {len(columns)} "
                                f"({', '.join(columns)})")
            parts = parts + ("",) * (len(columns) - len(parts))
            if not parts[0]:
                raise DataError(f"{where}:{lineno}: the first field ({columns[0]}) is empty")
            if keyed and parts[0] in first_at:
                raise DataError(f"{where}:{lineno}: {parts[0]!r} is written again (first at line {first_at[parts[0]]})")
            first_at.setdefault(parts[0], lineno)
            for col, value, ok in zip(columns, parts, allowed, strict=False):
                if not ok:
                    continue
                if col in lists:
                    for v in (x.strip() for x in value.split(",") if x.strip()):
                        if v not in ok:
                            raise DataError(f"{where}:{lineno}: unknown {col.removesuffix('s')} {v!r} "
                                            f"({', '.join(x for x in ok if x)})")
                elif value not in ok:
                    what = f"unknown {col} {value!r}" if value else f"the {col} is empty"
                    raise DataError(f"{where}:{lineno}: {what} ({', '.join(v for v in ok if v)})")
            rows.append(parts)
        if not header_seen:
            raise DataError(f"{where}:1: no header line ({' TAB '.join(columns)})")
    return tuple(rows)


def load_map(name: str, columns: tuple[str, ...], allowed: tuple[tuple[str, ...], ...] = (),
             lists: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """A checked table (``load_rows``) keyed by its first column: the other fields; a later line (the user's) wins."""
    return {row[0]: row[1:] for row in load_rows(name, columns, allowed, lists, keyed=True)}


@cache
def _line_index(name: str) -> dict[str, tuple[str, ...]]:
    """First field → the places (``FILE:LINE``) where it is written, over the bundled and the user's files."""
    index: dict[str, list[str]] = {}
    for where, text in sources(name):
        for lineno, raw in enumerate(text.splitlines(), 1):
            if raw.strip() and not raw.lstrip().startswith("#"):
                index.setdefault(raw.split("\t")[0].strip(), []).append(f"{where}:{lineno}")
    return {k: tuple(v) for k, v in index.items()}


def where(name: str, term: str) -> tuple[str, ...]:
    """Where a term is written in a data file (``data/bodies/heads.tsv:41``), for ``djextract explain``.

    Why not kept at load: only explaining asks, and the loaders stay lean.
    """
    return _line_index(name).get(term, ())
