"""Registry of extractors: name → callable(Document, Sentence) → iterable of Mention.

Why: the CLI's ``--types`` and the Python API pick extractors by name; what
each type is, and the order they run in, is declared once in ``schema.SPECS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from ..document import Document, Sentence
from ..mention import Mention
from ..schema import ALIASES, BY_NAME, SPECS

Extractor = Callable[[Document, Sentence], Iterable[Mention]]


def available() -> list[str]:
    """Extractor names in run order."""
    return [s.name for s in SPECS]


def resolve(types: Iterable[str] | None) -> list[str]:
    """Normalise a user's list of types (accepting plurals and commas) into run order."""
    if not types:
        return available()
    wanted = set()
    for t in types:
        for part in str(t).split(","):
            part = part.strip().lower()
            if not part:
                continue
            part = ALIASES.get(part, part)
            if part not in BY_NAME:
                raise ValueError(f"unknown type {part!r}: choose from {', '.join(available())}")
            wanted.add(part)
    return [name for name in available() if name in wanted]


def get(name: str) -> Extractor:
    s = BY_NAME[name]
    return getattr(import_module(s.module), s.function)


def check_data(names: Iterable[str] | None = None) -> None:
    """Load every table of the named extractors now, so a broken data file fails before any document.

    The tables are those of the active Rules (``lexicon.use``).

    Raises ``lexicon.DataError`` (``FILE:LINE: why``) for the first bad line.
    """
    from ..lexicon import active
    from ..segment import tag_table

    active().check_names()
    tag_table()
    names = list(names or available())
    for name in names:
        module = import_module(BY_NAME[name].module)
        tables = getattr(module, "tables", None)
        if tables is not None:
            tables()
    if "figure" in names:  # the owners pass runs on figures
        from ..owners import tables as owner_tables

        owner_tables()
