"""Bytes to text: encodings, HTML and JSON-lines records.

Why: scraped reports arrive as UTF-8, GB18030, Big5 or UTF-16, with or without
a BOM, as plain text or HTML. Everything downstream wants one ``str`` and a way
back to it, so this module decides the encoding once, refuses binary input with
a clear reason, and turns HTML into text with an offset map into the markup.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .offsets import OffsetMap

CANDIDATE_ENCODINGS = ["gb18030", "big5", "utf_16"]
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
DETECT_BYTES = 256 * 1024  # detection reads a sample; the whole input is then decoded strictly
HTML_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml")


HTML_CLOSING = re.compile(r"</(?:p|div|body|html|span|td|li|h[1-6]|article|section)\s*>", re.I)


class InputError(Exception):
    """An input that cannot be read; the message says why, in one line."""


@dataclass
class Decoded:
    text: str
    encoding: str


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese text in it has few NULs; ASCII has one every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text and _printable_ratio(text) > 0.95 and _cjk_or_ascii_ratio(text) > 0.9:
            return enc
    return None


UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # control characters (not whitespace), U+FFFD
NOT_CJK_OR_ASCII = re.compile("[^\x00-\x7f\u3000-\u9fff\uff00-\uffef]")


def _printable_ratio(text: str) -> float:
    return 1 - len(UNPRINTABLE.findall(text)) / max(len(text), 1)


def _cjk_or_ascii_ratio(text: str) -> float:
    return 1 - len(NOT_CJK_OR_ASCII.findall(text)) / max(len(text), 1)


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode with a forced encoding, a BOM, strict UTF-8, or detection among GB18030/Big5/UTF-16."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}") from None
    if not data:
        return Decoded("", "utf-8")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc + "-sig" if enc == "utf-8" else enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"has a {enc} byte-order mark but does not decode: {exc.reason}") from None
    if b"\x00" in data:
        utf16 = _looks_utf16(data)
        if utf16:
            return Decoded(data.decode(utf16), utf16)
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _printable_ratio(text) < 0.9:
            raise InputError("binary file (mostly control characters)")
        return Decoded(text, "utf-8")
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    best = from_bytes(data[:DETECT_BYTES], cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise InputError("undecodable: not UTF-8, GB18030, Big5 or UTF-16 (use --encoding)")
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        raise InputError(f"undecodable: looks like {best.encoding} but does not decode (use --encoding)") from None
    if _printable_ratio(text) < 0.9:
        raise InputError("binary file (mostly control characters)")
    return Decoded(text, best.encoding)


def is_html(text: str, name: str = "") -> bool:
    """HTML by file name, or by markup at the start of the text."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and HTML_CLOSING.search(text[:65536]) is not None


BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead title tr ul".split()
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})


class _TextParser(HTMLParser):
    """Collects text nodes with their positions in the markup."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.length = 0
        self.skip = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, raw_start: int, raw_len: int) -> None:
        self.parts.append(text)
        self.map.add(self.length, raw_start, len(text), raw_len)
        self.length += len(text)

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
            self.length += 1

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP_TAGS and tag != "head":
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and tag != "head":
            self.skip = max(self.skip - 1, 0)
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        self._emit(data, self._pos(), len(data))

    def _ref(self, raw_ref: str, text: str) -> None:
        if not self.skip:
            start = self._pos()
            self._emit(text, start, len(raw_ref))

    def handle_entityref(self, name: str) -> None:
        ref = f"&{name};"
        text = html.unescape(ref)
        if self.raw.startswith(ref, self._pos()):
            self._ref(ref, text)
        else:  # entity without ';'
            self._ref(f"&{name}", html.unescape(f"&{name}"))

    def handle_charref(self, name: str) -> None:
        ref = f"&#{name};"
        if not self.raw.startswith(ref, self._pos()):
            ref = f"&#{name}"
        self._ref(ref, html.unescape(ref) if ref.endswith(";") else html.unescape(ref + ";"))


def html_to_text(raw: str) -> tuple[str, OffsetMap]:
    """Text of an HTML page with block elements as line breaks, and where each character came from."""
    parser = _TextParser(raw)
    parser.feed(raw)
    parser.close()
    return "".join(parser.parts), parser.map
