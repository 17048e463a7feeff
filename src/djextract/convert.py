"""Traditional to simplified Chinese with OpenCC, keeping every offset.

Why: the extractors' word lists are simplified, and gold names are simplified,
so traditional input is converted first. OpenCC converts phrase by phrase and
can, rarely, change a line's length; such a line is converted character by
character instead, so that position i of the output is always character i of
the input and no offset map is needed for this stage.
"""

from __future__ import annotations

import re
import threading
from typing import Any

CONFIGS = ("t2s", "tw2s", "hk2s", "none")
_local = threading.local()
CJK = re.compile(r"[\u4e00-\u9fff]")
SCRIPT_SAMPLE = 4000


def _converter(config: str) -> Any:
    cache = getattr(_local, "converters", None)
    if cache is None:
        cache = _local.converters = {}
    conv = cache.get(config)
    if conv is None:
        import opencc  # lazy: heavy import

        conv = cache[config] = opencc.OpenCC(f"{config}.json" if not config.endswith(".json") else config)
    return conv


def convert(text: str, config: str = "t2s") -> str:
    """Simplified text of the same length as ``text``."""
    if config == "none" or not text:
        return text
    if config not in CONFIGS:
        raise ValueError(f"unknown conversion {config!r}: choose one of {', '.join(CONFIGS)}")
    conv = _converter(config)
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for line in text.splitlines(keepends=True):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(c2 if len(c2 := conv.convert(ch)) == 1 else ch for ch in line)
        parts.append(converted)
    return "".join(parts)


def script_of(original: str, simplified: str) -> str:
    """'traditional' when conversion changed a noticeable share of Chinese characters."""
    sample_o, sample_s = original[:SCRIPT_SAMPLE], simplified[:SCRIPT_SAMPLE]
    cjk = len(CJK.findall(sample_o))
    if not cjk:
        return "simplified"
    changed = sum(1 for a, b in zip(sample_o, sample_s, strict=False) if a != b)
    return "traditional" if changed / cjk > 0.05 else "simplified"


def mend_strays(source: str, converted: str, keep: frozenset[str]) -> str:
    """A simplified text with its stray traditional characters converted (HK and Macau papers print 比上年淨增
    and 佔27.9% in simplified text): a character t2s changes is taken converted unless simplified text uses it
    too (``keep``: 乾, 著, 於), which t2s would change in names (东乾社区 stays 东乾社区)."""
    if source == converted:
        return source
    out = []
    for line, done in zip(source.splitlines(keepends=True), converted.splitlines(keepends=True), strict=True):
        if line == done:
            out.append(line)
        else:
            out.append("".join(b if a != b and a not in keep else a for a, b in zip(line, done, strict=True)))
    return "".join(out)


def particle_zhe(text: str, kept: frozenset[str]) -> str:
    """Text converted from traditional with its particle 著 written 着 (随著, 看著他, 指著办公室: t2s keeps
    著 everywhere), except in the words of ``kept`` (著名, 显著), where 著 is zhù."""
    if "著" not in text:
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == "著" and text[i:i + 2] not in kept and text[max(0, i - 1):i + 1] not in kept:
            chars[i] = "着"
    return "".join(chars)

