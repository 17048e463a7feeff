"""The compiled build and the Python sources: the same output, and the choice between them.

CI runs the whole suite twice (``make test``): as installed, compiled with mypyc where
a C compiler was found, then with DJEXTRACT_PURE=1 on the Python sources. This file
also runs both in one go and compares their output byte for byte.
"""

from __future__ import annotations

import importlib.machinery
import os
import subprocess
import sys
from pathlib import Path

import pytest

from djextract import native

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "samples", ROOT / "tests" / "data" / "dev2" / "docs"]


def _env(pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    return env


def _python(code: str, pure: bool) -> str:
    return subprocess.run([sys.executable, "-c", code], env=_env(pure), capture_output=True, text=True,
                          check=True).stdout


def _compiled_here() -> bool:
    return _python("from djextract import native; print(native.status())", pure=False).startswith(
        "rules: compiled")


def test_the_sources_switch_passes_compiled_modules_by():
    out = _python("from djextract import native; print(native.compiled_modules(), native.status())", pure=True)
    assert out.startswith("[] rules: Python sources (DJEXTRACT_PURE is set)")


def test_version_says_how_the_rules_run():
    out = subprocess.run([sys.executable, "-m", "djextract.cli", "--version"], env=_env(pure=True),
                         capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[1] == "rules: Python sources (DJEXTRACT_PURE is set)"


def test_compiled_output_is_byte_identical_to_the_sources():
    if not _compiled_here():
        pytest.skip("this install is not compiled (no C compiler at install, or a module edited since)")
    cmd = [sys.executable, "-m", "djextract.cli", "extract", *map(str, CORPORA), "-j", "1", "--per-doc"]
    compiled = subprocess.run(cmd, env=_env(pure=False), capture_output=True, check=True).stdout
    sources = subprocess.run(cmd, env=_env(pure=True), capture_output=True, check=True).stdout
    assert compiled.count(b"\n") == sum(len(list(c.glob("*.txt"))) for c in CORPORA)
    assert compiled == sources


def _tree(tmp_path: Path, source_age: float) -> Path:
    """A djextract folder with rules.py and a compiled rules module, the source ``source_age`` s newer."""
    package = tmp_path / "djextract"
    package.mkdir()
    source = package / "rules.py"
    built = package / f"rules{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    source.write_text("")
    built.write_bytes(b"")
    os.utime(built, (1_000_000, 1_000_000))
    os.utime(source, (1_000_000 + source_age, 1_000_000 + source_age))
    return package


def test_a_source_edited_after_compiling_is_found(tmp_path):
    assert native.stale_source(str(_tree(tmp_path, 60))) == "djextract/rules.py"


def test_an_install_writing_source_and_compiled_file_together_is_not_stale(tmp_path):
    assert native.stale_source(str(_tree(tmp_path, 1))) is None
    assert native.stale_source(str(tmp_path)) is None  # nothing compiled at all


def test_an_uncompiled_install_is_noted_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(native, "why_sources", None)
    monkeypatch.setattr(native, "compiled_modules", lambda: [])
    assert "plain Python" in (native.note_once() or "")
    assert native.note_once() is None


def test_nothing_is_noted_when_the_sources_were_chosen(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(native, "why_sources", "DJEXTRACT_PURE is set")
    assert native.note_once() is None


def test_the_caches_are_read_by_both_builds(tmp_path):
    """A compiled class cannot be rebuilt from a pickle, so the caches keep plain tables: a cache one build
    wrote is read by the other, never built again (that cost a second at every start)."""
    code = ("from djextract.places import gazetteer; from djextract.segment import get_segmenter; "
            "gazetteer(); get_segmenter('jieba', ())")

    def run(pure: bool) -> dict[str, int]:
        env = {**_env(pure), "XDG_CACHE_HOME": str(tmp_path)}
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        return {p.name: p.stat().st_mtime_ns for p in (tmp_path / "djextract").iterdir()}

    written = run(pure=False)
    assert any(n.startswith("gazetteer-") for n in written) and any(n.startswith("jieba-") for n in written)
    assert run(pure=True) == written
    assert run(pure=False) == written
