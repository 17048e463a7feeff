"""Registry of extractors: name → callable(Document, Sentence) → iterable of Mention.

Why: the CLI's ``--types`` and the Python API pick extractors by name, and the
order here is the order they run in: programmes claim their quoted names first
so that numbers inside them are never read as figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from ..document import Document, Sentence
from ..mention import Mention

Extractor = Callable[[Document, Sentence], Iterable[Mention]]

# name → (module, function of one sentence); imported on first use so `--help` stays instant.
# A new extractor is a function (doc, sentence) -> Iterable[Mention] registered here or with register().
REGISTRY: dict[str, tuple[str, str]] = {
    "programme": ("djextract.extractors.programmes", "programmes_in_sentence"),
    "body": ("djextract.extractors.bodies", "bodies_in_sentence"),
    "figure": ("djextract.extractors.figures", "figures_in_sentence"),
}
ALIASES = {"programmes": "programme", "bodies": "body", "figures": "figure"}


def available() -> list[str]:
    """Extractor names in run order."""
    return list(REGISTRY)


def resolve(types: Iterable[str] | None) -> list[str]:
    """Normalise a user's list of types (accepting plurals) into run order."""
    if not types:
        return available()
    wanted = set()
    for t in types:
        for part in str(t).split(","):
            part = part.strip().lower()
            if not part:
                continue
            part = ALIASES.get(part, part)
            if part not in REGISTRY:
                raise ValueError(f"unknown type {part!r}: choose from {', '.join(REGISTRY)}")
            wanted.add(part)
    return [name for name in REGISTRY if name in wanted]


def get(name: str) -> Extractor:
    module, func = REGISTRY[name]
    return getattr(import_module(module), func)


def register(name: str, module: str, function: str) -> None:
    """Add an extractor (it runs after the bundled ones)."""
    REGISTRY[name] = (module, function)
