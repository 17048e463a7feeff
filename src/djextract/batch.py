"""Walking inputs and running the pipeline over them, in order, on all cores.

Why here and not in the CLI: a batch of thousands of scraped files needs the
same things whether it is driven from the command line or from Python —
deterministic order, bounded memory, one failure never stopping the rest, and
worker processes that each build jieba and OpenCC once.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pipeline import Options
from .read import InputError
from .schema import BY_RANK, PLACE_KEYS

DEFAULT_GLOBS = ("*.txt", "*.md", "*.htm", "*.html")
MAX_INPUT_BYTES = 512 * 1024 * 1024


@dataclass
class Item:
    """One document to process: a file to read, or text already in hand (stdin, a JSON-lines record)."""

    doc_id: str
    path: str | None = None
    text: str | None = None
    name: str = ""
    error: str | None = None  # set when the input could not even be listed (missing path)
    rel: str = ""  # path relative to its folder, for --output-dir
    meta: dict[str, Any] = field(default_factory=dict)  # record fields carried into each mention (--keep-fields)
    signature: str = ""  # what --resume compares (outdir.input_signature), when an output folder is used


@dataclass(frozen=True)
class Shape:
    """Which fields each output line has: a chosen subset (--fields) plus record metadata (--keep-fields).

    Applied where the lines are made (in the worker), so a dropped `sentence`
    is never encoded or sent between processes.
    """

    fields: tuple[str, ...] = ()  # empty: every field
    keep: tuple[str, ...] = ()

    def __call__(self, mention: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
        out = {k: mention[k] for k in self.fields if k in mention} if self.fields else mention
        for k in self.keep:
            out[k] = meta.get(k)
        return out


@dataclass
class Result:
    doc_id: str
    mentions: list[dict[str, Any]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # JSON lines, when asked for (lighter than dicts)
    count: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    chars: int = 0
    size: int = 0
    encoding: str = ""
    script: str = ""
    rel: str = ""
    path: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # mentions per type
    facts: dict[str, Any] = field(default_factory=dict)  # place and date, when Options.facts
    meta: dict[str, Any] = field(default_factory=dict)  # the item's, for per-document records
    signature: str = ""  # the item's


def iter_items(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS, jsonl: bool = False,
               text_field: str = "text", id_field: str = "id", stdin: Any = None,
               keep: Iterable[str] = ()) -> Iterator[Item]:
    """Expand paths (files, folders walked recursively in sorted order, '-' for stdin) into items.

    Globs may be comma-separated ('*.txt,*.html'); record fields may be dotted
    paths ('meta.url'); ``keep`` names record fields carried along as metadata.
    """
    globs = tuple(g.strip() for pattern in globs for g in pattern.split(",") if g.strip())
    fields = Fields(text_field, id_field, tuple(keep))
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin
            if jsonl:
                yield from _jsonl_items(stream, "-", fields)
            else:
                data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
                yield Item("-", text=data, rel="stdin") if isinstance(data, str) else _bytes_item("-", data)
            continue
        if not p.strip():  # Path("") is the current folder: never walk it for an argument left empty
            yield Item("''", error="an empty path (give a file, a folder or '-')", rel="")
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if (f.is_file() or f.is_symlink()) and _matches(f, globs))
            for f in files:
                rel = f.relative_to(path).as_posix()
                if jsonl:
                    yield from _jsonl_file(f, rel, fields)
                else:
                    yield Item(rel, path=str(f), name=f.name, rel=rel)
        elif path.exists():
            if jsonl:
                yield from _jsonl_file(path, p, fields)
            else:
                yield Item(p, path=p, name=path.name, rel=path.name)
        else:
            yield Item(p, error="no such file or folder", rel=path.name)


def _bytes_item(doc_id: str, data: bytes) -> Item:
    from .read import decode

    try:
        return Item(doc_id, text=decode(data).text, rel="stdin")
    except InputError as exc:
        return Item(doc_id, error=str(exc), rel="stdin")


def _matches(f: Path, globs: tuple[str, ...]) -> bool:
    return any(f.match(g) for g in globs)


@dataclass(frozen=True)
class Fields:
    """Where a JSON-lines record keeps its text, its id and the metadata to carry (dotted paths)."""

    text: str = "text"
    id: str = "id"
    keep: tuple[str, ...] = ()


def field_value(record: Any, dotted: str) -> Any:
    """record['a']['b'] for 'a.b' (a key that itself holds a dot is looked up whole first); None if absent."""
    if isinstance(record, dict) and dotted in record:
        return record[dotted]
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _jsonl_file(path: Path, doc_prefix: str, fields: Fields) -> Iterator[Item]:
    try:
        stream = path.open(encoding="utf-8-sig", errors="strict")
    except OSError as exc:
        yield Item(doc_prefix, error=_os_reason(exc))
        return
    with stream:
        try:
            yield from _jsonl_items(stream, doc_prefix, fields)
        except UnicodeDecodeError:
            yield Item(doc_prefix, error="JSON-lines input must be UTF-8")


def _jsonl_items(stream: Any, doc_prefix: str, fields: Fields) -> Iterator[Item]:
    for lineno, line in enumerate(stream, 1):
        if isinstance(line, bytes):
            line = line.decode("utf-8")
        if not line.strip():
            continue
        where = f"{doc_prefix}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(where, error=f"not JSON ({exc.msg})")
            continue
        text = field_value(record, fields.text)
        if not isinstance(record, dict) or not isinstance(text, str):
            yield Item(where, error=f"no string field {fields.text!r}")
            continue
        rid = field_value(record, fields.id)
        doc_id = str(rid) if rid is not None else where
        meta = {k: field_value(record, k) for k in fields.keep}
        yield Item(doc_id, text=text, rel=doc_id, meta=meta)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such file (it may have been removed)"
    return exc.strerror or str(exc)


def read_text(item: Item, encoding: str | None = None) -> tuple[str, str, int]:
    """An item's decoded text, the encoding it was read with and its size in bytes; InputError if unreadable."""
    from .read import decode

    if item.error:
        raise InputError(item.error)
    if item.text is not None:
        return item.text, "utf-8", len(item.text.encode("utf-8", "surrogatepass"))
    assert item.path is not None
    try:
        size = os.path.getsize(item.path)
        if size > MAX_INPUT_BYTES:
            raise InputError(f"too large ({size // 2**20} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB)")
        with open(item.path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    decoded = decode(data, encoding)
    return decoded.text, decoded.encoding, len(data)


class _OutputFailed(Exception):
    """Carries an error of the output sink past the per-document error handling."""


def process_item(item: Item, options: Options, encoding: str | None = None, as_lines: bool = False,
                 sink: Callable[[str], None] | None = None, shape: Shape | None = None) -> Result:
    """Read, decode and extract one item; every failure becomes Result.error, never an exception.

    Mentions come back as dicts, or as JSON lines with ``as_lines``, or are handed
    to ``sink`` one line at a time as they are found (nothing kept: flat memory).
    ``shape`` chooses their fields.
    """
    from .pipeline import document_facts, iter_mentions, prepare
    from .render import jsonl_line

    res = Result(item.doc_id, rel=item.rel, path=item.path, meta=item.meta, signature=item.signature)
    counts = res.counts
    if item.error:
        res.error = item.error
        return res
    try:
        text, enc, res.size = read_text(item, encoding)
        res.encoding = enc
        res.chars = len(text)
        if not text.strip():
            return res
        doc = prepare(text, item.doc_id, options, item.name, enc)
        del text
        res.warnings = doc.warnings
        res.script = doc.script
        if options.facts:
            res.facts = document_facts(doc)
        for m in iter_mentions(doc, options, keep_going=True):
            res.count += 1
            counts[m.type] = counts.get(m.type, 0) + 1
            d = m.to_dict() if shape is None else shape(m.to_dict(), item.meta)
            if sink is not None:
                try:
                    sink(jsonl_line(d))
                except OSError as exc:  # a closed pipe, a full disk: not this document's fault
                    raise _OutputFailed from exc
            elif as_lines:
                res.lines.append(jsonl_line(d))
            else:
                res.mentions.append(d)
    except _OutputFailed as exc:
        cause = exc.__cause__
        assert isinstance(cause, OSError)
        raise cause from None  # the caller stops the batch (quietly for | head)
    except InputError as exc:
        res.error = str(exc)
    except MemoryError:
        res.error = "out of memory while processing"
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        res.error = f"internal error: {type(exc).__name__}: {exc}"
    return res


# ---- worker pool -----------------------------------------------------------------------------

_worker_options: Options | None = None
_worker_encoding: str | None = None
_worker_lines = False
_worker_shape: Shape | None = None


def _init_worker(options: Options, encoding: str | None, as_lines: bool = False,
                 shape: Shape | None = None) -> None:
    """Build jieba and OpenCC once per worker process (they cannot be pickled)."""
    import signal

    from .convert import convert
    from .lexicon import use
    from .segment import get_segmenter

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts the pool down
    global _worker_options, _worker_encoding, _worker_lines, _worker_shape
    _worker_options, _worker_encoding, _worker_lines, _worker_shape = options, encoding, as_lines, shape
    use(options.rules)  # the user's data files came inside the options
    get_segmenter(options.segmenter, options.user_dicts)
    convert("預熱", options.convert)


def _work(item: Item) -> Result:
    assert _worker_options is not None
    res = process_item(item, _worker_options, _worker_encoding, _worker_lines, shape=_worker_shape)
    if len(res.lines) > 1:
        # One string to send back, not one per mention: the parent unpickles a document's output in one
        # piece (the lines are only ever written out together, in order).
        res.lines = ["".join(res.lines)]
    return res


def run(items: Iterable[Item], options: Options, jobs: int = 1, encoding: str | None = None,
        as_lines: bool = False,
        sink: Callable[[str], None] | None = None, shape: Shape | None = None) -> Iterator[Result]:
    """Results in input order. With jobs > 1 a process pool works ahead by a bounded window.

    With one job and a ``sink``, JSON lines go to the sink as they are found.
    """
    if jobs <= 1:
        for item in items:
            yield process_item(item, options, encoding, as_lines, sink, shape)
        return
    window = jobs * 4
    pending: list[Future[Result]] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(options, encoding, as_lines, shape))
    try:
        for item in items:
            pending.append(pool.submit(_work, item))
            if len(pending) >= window:
                yield pending.pop(0).result()
        while pending:
            yield pending.pop(0).result()
    finally:
        for f in pending:
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---- per-document records ----------------------------------------------------------------------


def producer(options: Options, encoding: str | None = None, shape: Shape | None = None) -> dict[str, Any]:
    """What made an output: djextract's version and every option that shapes it (files by content hash).

    Carried by per-document records and by the --output-dir manifest, so a
    table built months later says how it was built, and --resume redoes an
    input whose output came from other options or other word lists.
    """
    import hashlib

    from . import __version__

    rules = options.rules
    opts: dict[str, Any] = {"types": list(options.types), "convert": options.convert,
                            "segmenter": options.segmenter, "encoding": encoding,
                            "user_dicts": [Path(p).name for p in options.user_dicts],
                            "data_dirs": list(rules.folders)}
    if options.user_dicts or rules.files:
        h = hashlib.sha256()
        for p in options.user_dicts:
            h.update(Path(p).name.encode() + b"\0" + Path(p).read_bytes() + b"\0")
        h.update(rules.digest.encode())
        opts["files_sha256"] = h.hexdigest()[:16]
    if shape is not None and (shape.fields or shape.keep):
        opts["fields"], opts["keep_fields"] = list(shape.fields), list(shape.keep)
    return {"version": __version__, "options": opts}


def doc_record(res: Result, made_by: dict[str, Any] | None = None) -> dict[str, Any]:
    """--per-doc: one object per document (schema.DOCUMENT_FIELDS) with arrays of its mentions."""
    mentions = res.mentions or [json.loads(line) for line in res.lines]
    rec: dict[str, Any] = {"doc": res.doc_id, "chars": res.chars, "encoding": res.encoding,
                           "script": res.script or "simplified", "warnings": res.warnings,
                           "place": res.facts.get("place"), "date": res.facts.get("date")}
    for s in BY_RANK:
        rec[s.plural] = [m for m in mentions if m["type"] == s.name]
    rec.update(res.meta)
    if made_by is not None:
        rec["djextract"] = made_by
    return rec


def doc_row(res: Result) -> dict[str, Any]:
    """A document as one flat row (CSV, Parquet, tables): its facts and its mentions counted per type."""
    place = res.facts.get("place") or {}
    row: dict[str, Any] = {"doc": res.doc_id, "chars": res.chars, "encoding": res.encoding,
                           "script": res.script or "simplified", "warnings": "; ".join(res.warnings) or None}
    row.update({k: place.get(k) for k in PLACE_KEYS})
    row["date"] = res.facts.get("date")
    row.update({s.plural: res.counts.get(s.name, 0) for s in BY_RANK})
    row.update(res.meta)
    return row
