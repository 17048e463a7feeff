"""Extractor cases kept as data (tests/cases/<type>.tsv), read by one runner.

Why data: a case is a sentence and what it must and must not yield; keeping
them in tables lets a rule author add one without writing Python, and the
note says why the case exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import djextract
from djextract.schema import BY_NAME

CASES = Path(__file__).resolve().parent / "cases"
SHOWN = {"person": ("name", "post", "body"), "document": ("name", "kind"), "figure": ("value", "owner"),
         "body": ("name", "kind")}


def _load() -> list[tuple[str, int, str, str, str]]:
    out = []
    for f in sorted(CASES.glob("*.tsv")):
        typ = f.stem
        assert typ in BY_NAME, f"{f.name}: no mention type {typ!r}"
        header = None
        for lineno, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = (line.split("\t") + ["", "", ""])[:4]
            if header is None:
                header = parts
                assert header[:3] == ["text", "expected", "must_not"], f"{f.name}:{lineno}: bad header"
                continue
            out.append((typ, lineno, parts[0], parts[1], parts[2]))
    return out


def _row(m: djextract.Mention, typ: str) -> str:
    return "/".join("-" if m.fields.get(k) is None else str(m.fields[k]) for k in SHOWN[typ])


@pytest.mark.parametrize(("typ", "lineno", "text", "expected", "must_not"), _load(),
                         ids=lambda v: str(v)[:24] if isinstance(v, str) else str(v))
def test_case(typ: str, lineno: int, text: str, expected: str, must_not: str) -> None:
    found = [m for m in djextract.extract(text, types=[typ]) if m.type == typ]
    rows = [_row(m, typ) for m in found]
    for want in filter(None, (e.strip() for e in expected.split("|"))):
        assert want in rows, f"{typ}.tsv:{lineno}: expected {want}, got {rows}"
    names = {m.fields.get("name") for m in found}
    for bad in filter(None, (b.strip() for b in must_not.split("|"))):
        assert bad not in names, f"{typ}.tsv:{lineno}: {bad} must not be a {typ}"
