"""Which modules a compiled build turns into C with mypyc, and which this process runs compiled.

Why compiled at all: the rules are thousands of small Python calls per sentence
(the engine asking each named rule in turn, cursors handing out words, look-ups
of every word in the tables), and mypyc turns exactly that kind of code into C
calls: the same sources, 1.6× the throughput (README, Speed). The rules stay
plain Python files that anyone edits: the build compiles whatever they say.

Why always optional: a machine without a C compiler installs these modules as
Python (``setup.py``), and ``DJEXTRACT_PURE=1`` makes any install import its
Python sources instead, so both paths are tested and compared on every CI run
(``tests/test_native.py``). The output is byte-identical by construction: the
compiled modules are those same sources.

Imports no other djextract module when loaded, since ``setup.py`` runs it from the source tree.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

# Source paths under src/, the modules where a document's time goes (perf and cProfile on the bench corpus).
# pipeline.py, batch.py and lexicon.py stay Python: their Options and Rules go to Dask's workers in pickles,
# which compiled classes of theirs broke (measured: the Dask tests fail), for 3% more speed.
MODULES = (
    "djextract/clean.py",
    "djextract/segment.py",
    "djextract/offsets.py",
    "djextract/document.py",
    "djextract/rules.py",
    "djextract/wordcut.py",
    "djextract/places.py",
    "djextract/owners.py",
    "djextract/extractors/bodies.py",
    "djextract/extractors/figures.py",
    "djextract/extractors/programmes.py",
    "djextract/extractors/persons.py",
    "djextract/extractors/numbers.py",
    "djextract/extractors/quotes.py",
    "djextract/extractors/documents.py",
)
PURE_ENV = "DJEXTRACT_PURE"  # set (to anything but "" or "0"): import the Python sources, compiled or not


def module_names() -> list[str]:
    """The dotted names of MODULES (djextract.extractors.bodies …)."""
    return [p.removesuffix(".py").replace("/", ".") for p in MODULES]


def pure_requested() -> bool:
    """Did the user ask for the Python sources (DJEXTRACT_PURE)?"""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


SLACK_NS = 2_000_000_000  # an install writes a module's .py and .so within this of each other


def stale_source(package: str | None = None) -> str | None:
    """The first compiled module whose source was edited after it was compiled, None when none was.

    Why: in a source checkout (``pip install -e``) the compiled file sits beside the
    source and Python imports it first, so an edited rule would silently not run.
    Then every module runs from source (compiled and Python modules of one build
    cannot mix) until ``make build`` compiles them again. Costs a few ``stat`` calls.
    ``package``: the djextract folder to look in (this one when None).
    """
    package = package or os.path.dirname(os.path.abspath(__file__))
    for module in MODULES:
        source = os.path.join(package, module.removeprefix("djextract/"))
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            try:
                built = os.stat(source.removesuffix(".py") + suffix).st_mtime_ns
            except OSError:
                continue
            try:
                if os.stat(source).st_mtime_ns > built + SLACK_NS:
                    return module
            except OSError:
                pass
            break
    return None


why_sources: str | None = None  # why this process imports the Python sources (set by choose_sources)


def choose_sources() -> None:
    """Make this process import the Python sources when it should (djextract/__init__ calls it first)."""
    global why_sources
    if pure_requested():
        why_sources = f"{PURE_ENV} is set"
    elif (edited := stale_source()) is not None:
        why_sources = f"src/{edited} was edited after it was compiled: `make build` compiles it again"
    if why_sources is not None:
        use_sources_only()


def status() -> str:
    """One line for ``djextract --version``: how this process runs the rules."""
    if why_sources is not None:
        return f"rules: Python sources ({why_sources})"
    done = compiled_modules()
    if len(done) == len(MODULES):
        return f"rules: compiled with mypyc ({len(done)} modules)"
    if done:
        return f"rules: partly compiled ({len(done)} of {len(MODULES)} modules): reinstall djextract"
    return "rules: Python sources (not compiled at install: no C compiler, or DJEXTRACT_PURE was set)"


def compiled_modules() -> list[str]:
    """Which of MODULES this process runs compiled (imports them: call it after start-up, not at it)."""
    import importlib

    out = []
    for name in module_names():
        file = getattr(importlib.import_module(name), "__file__", None) or ""
        if file.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            out.append(name)
    return out


class _SourcesOnly:
    """A finder (``sys.meta_path``) of djextract's submodules as ``.py`` files only, so a compiled
    build's ``.so`` beside them is passed by."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if not fullname.startswith("djextract.") or not path:
            return None
        loaders = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
        for entry in path:
            spec = importlib.machinery.FileFinder(entry, loaders).find_spec(fullname, target)
            if spec is not None:
                return spec
        return None


def use_sources_only() -> None:
    """Import djextract's Python sources from here on, even where compiled modules are installed."""
    if not any(isinstance(f, _SourcesOnly) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesOnly())


def note_once() -> str | None:
    """The note for a person, once per install, that this install runs the rules uncompiled; None after.

    Why once: pip hides the build's own message, so the first run says it; a note on
    every run would be noise. Nothing is said when the user chose the sources.
    """
    if why_sources is not None or compiled_modules():
        return None
    import hashlib

    from .cache import cache_dir

    where = hashlib.sha1(os.path.dirname(os.path.abspath(__file__)).encode()).hexdigest()[:12]
    marker = cache_dir() / f"noted-uncompiled-{where}"
    if marker.exists():
        return None
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        return None  # no cache to remember it in: stay quiet rather than say it on every run
    return ("djextract: the rules run as plain Python here (not compiled at install: no C compiler was found); "
            "the output is the same, about 1.6x slower. Reinstall with a C compiler to compile them.")
