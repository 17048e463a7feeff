"""Extractor cases kept as data (tests/cases/<type>[.<topic>].tsv), read by one runner.

Why data: a case is a sentence and what it must and must not yield; keeping
them in tables lets a rule author add one without writing Python, and the
note says why the case exists. The format is in tests/cases/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import djextract
from djextract.schema import BY_NAME

CASES = Path(__file__).resolve().parent / "cases"
HEADER = ["text", "expected", "must_not", "note"]
ITEM = re.compile(r"^(?P<main>.*?)\s*(?:\{(?P<fields>.*)\})?$")


@dataclass(frozen=True)
class Case:
    file: str
    lineno: int
    type: str
    text: str
    expected: str
    must_not: str

    def __str__(self) -> str:
        return f"{self.file}:{self.lineno}"


def _load() -> list[Case]:
    out = []
    for f in sorted(CASES.glob("*.tsv")):
        typ = f.name.split(".")[0]
        assert typ in BY_NAME, f"{f.name}: no mention type {typ!r}"
        header = None
        for lineno, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            assert len(parts) <= len(HEADER), f"{f.name}:{lineno}: {len(parts)} fields, the table has 4"
            parts += [""] * (len(HEADER) - len(parts))
            if header is None:
                header = parts
                assert header == HEADER, f"{f.name}:{lineno}: the header must be {' TAB '.join(HEADER)}"
                continue
            assert parts[0], f"{f.name}:{lineno}: no text"
            out.append(Case(f.name, lineno, typ, parts[0], parts[1].strip(), parts[2].strip()))
    return out


def _main(m: djextract.Mention) -> Any:
    """What an item's first word names: the mention's name, or its text for a type without names."""
    return m.fields["name"] if "name" in BY_NAME[m.type].field_names else m.text


def _same(want: str, got: Any) -> bool:
    if want == "*":
        return True
    if want == "-":
        return got is None or got == ""
    if isinstance(got, (int, float)) and not isinstance(got, bool):
        try:
            return float(want) == got
        except ValueError:
            return False
    return want == str(got)


def _parse(item: str, where: Case) -> tuple[str, dict[str, str]]:
    m = ITEM.match(item.strip())
    assert m, f"{where}: cannot read {item!r}"
    fields = {}
    for pair in filter(None, (p.strip() for p in (m["fields"] or "").split(", "))):
        key, eq, value = pair.partition("=")
        assert eq and key in BY_NAME[where.type].field_names, f"{where}: {pair!r} is no field=value of a {where.type}"
        fields[key] = value
    return m["main"] or "*", fields


def _matches(item: tuple[str, dict[str, str]], m: djextract.Mention) -> bool:
    main, fields = item
    return _same(main, _main(m)) and all(_same(v, m.fields.get(k)) for k, v in fields.items())


def _shown(m: djextract.Mention) -> str:
    return f"{_main(m)} {{{', '.join(f'{k}={v}' for k, v in m.fields.items() if v not in (None, ''))}}}"


@pytest.mark.parametrize("case", _load(), ids=str)
def test_case(case: Case) -> None:
    found = [m for m in djextract.extract(case.text, types=[case.type]) if m.type == case.type]
    shown = [_shown(m) for m in found]
    exact = case.expected.startswith("=")
    items = [_parse(i, case) for i in case.expected.removeprefix("=").split(" | ") if i.strip()]
    if exact:
        assert len(found) == len(items) and all(map(_matches, items, found)), \
            f"{case}: expected exactly {case.expected.removeprefix('=').strip() or 'nothing'}, got {shown}"
    for item in items:
        assert any(_matches(item, m) for m in found), f"{case}: expected {item[0]} {item[1]}, got {shown}"
    mains = {_main(m) for m in found}
    for bad in filter(None, (b.strip() for b in case.must_not.split(" | "))):
        assert bad not in mains, f"{case}: {bad} must not be a {case.type}, got {shown}"
