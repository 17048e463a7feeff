"""The build's one job pyproject.toml cannot declare: compile the rule modules with mypyc when it can.

Why optional: a machine without a C compiler (or a mypyc that fails on these
sources) still gets a working djextract, the same modules as plain Python, 1.6×
slower; the build says so, and so does ``djextract --version`` afterwards.
``DJEXTRACT_PURE=1`` at install time skips compiling altogether. Which modules are
compiled is declared once, in ``src/djextract/native.py``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"
NATIVE = runpy.run_path(str(SRC / "djextract" / "native.py"))


def _say(why: str) -> None:
    print(f"djextract: installing the rule modules as plain Python ({why}); "
          "they run 1.6x slower, with the same output", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """build_ext that falls back to the Python sources when compiling fails (no compiler, no headers)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any failure to compile leaves the pure-Python install
            _say(f"compiling failed: {exc}")
            for ext in self.extensions:  # remove what was half built: a stub without its library cannot import
                for path in (Path(self.get_ext_fullpath(ext.name)), Path(self.build_lib) / self.get_ext_filename(
                        ext.name)):
                    path.unlink(missing_ok=True)


def ext_modules() -> list:
    if NATIVE["pure_requested"]():
        _say(f"{NATIVE['PURE_ENV']} is set")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        _say(f"mypyc is not available: {exc}")
        return []
    try:  # paths from the project's root (the build's working directory); mypyc names modules by their packages
        return mypycify(["--ignore-missing-imports", *(f"src/{m}" for m in NATIVE["MODULES"])], opt_level="3",
                        group_name="djextract")
    except BaseException as exc:  # noqa: BLE001 - mypyc reports type errors with SystemExit
        _say(f"mypyc failed: {exc}")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
