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
from .schema import BY_RANK

DEFAULT_GLOBS = ("*.txt", "*.md", "*.htm", "*.html")
MAX_INPUT_BYTES = 512 * 1024 * 1024


@dataclass
class Item:
    """One document to process: a file to read, or text already in hand (stdin, a JSON-lines record)."""

    doc_id: str
    path: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # place and date, when Options.facts
    text: str | None = None
    name: str = ""
    error: str | None = None  # set when the input could not even be listed (missing path)
    rel: str = ""  # path relative to its folder, for --output-dir


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


def iter_items(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS, jsonl: bool = False,
               text_field: str = "text", id_field: str = "id", stdin: Any = None) -> Iterator[Item]:
    """Expand paths (files, folders walked recursively in sorted order, '-' for stdin) into items."""
    globs = tuple(globs)
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin
            if jsonl:
                yield from _jsonl_items(stream, "-", text_field, id_field)
            else:
                data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
                yield Item("-", text=data, rel="stdin") if isinstance(data, str) else _bytes_item("-", data)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if (f.is_file() or f.is_symlink()) and _matches(f, globs))
            for f in files:
                rel = f.relative_to(path).as_posix()
                if jsonl:
                    yield from _jsonl_file(f, rel, text_field, id_field)
                else:
                    yield Item(rel, path=str(f), name=f.name, rel=rel)
        elif path.exists():
            if jsonl:
                yield from _jsonl_file(path, p, text_field, id_field)
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


def _jsonl_file(path: Path, doc_prefix: str, text_field: str, id_field: str) -> Iterator[Item]:
    try:
        stream = path.open(encoding="utf-8-sig", errors="strict")
    except OSError as exc:
        yield Item(doc_prefix, error=_os_reason(exc))
        return
    with stream:
        try:
            yield from _jsonl_items(stream, doc_prefix, text_field, id_field)
        except UnicodeDecodeError:
            yield Item(doc_prefix, error="JSON-lines input must be UTF-8")


def _jsonl_items(stream: Any, doc_prefix: str, text_field: str, id_field: str) -> Iterator[Item]:
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
        if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
            yield Item(where, error=f"no string field {text_field!r}")
            continue
        doc_id = str(record.get(id_field, where)) if record.get(id_field) is not None else where
        yield Item(doc_id, text=record[text_field], rel=f"{doc_id}")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such file (it may have been removed)"
    return exc.strerror or str(exc)


class _OutputFailed(Exception):
    """Carries an error of the output sink past the per-document error handling."""


def process_item(item: Item, options: Options, encoding: str | None = None, as_lines: bool = False,
                 sink: Callable[[str], None] | None = None) -> Result:
    """Read, decode and extract one item; every failure becomes Result.error, never an exception.

    Mentions come back as dicts, or as JSON lines with ``as_lines``, or are handed
    to ``sink`` one line at a time as they are found (nothing kept: flat memory).
    """
    from .pipeline import document_facts, iter_mentions, prepare
    from .read import decode
    from .render import jsonl_line

    res = Result(item.doc_id, rel=item.rel, path=item.path)
    if item.error:
        res.error = item.error
        return res
    try:
        if item.text is not None:
            text, enc = item.text, "utf-8"
            res.size = len(text.encode("utf-8", "surrogatepass"))
        else:
            assert item.path is not None
            try:
                size = os.path.getsize(item.path)
                if size > MAX_INPUT_BYTES:
                    raise InputError(f"too large ({size // 2**20} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB)")
                with open(item.path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                raise InputError(_os_reason(exc)) from None
            res.size = len(data)
            decoded = decode(data, encoding)
            del data
            text, enc = decoded.text, decoded.encoding
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
            if sink is not None:
                line = jsonl_line(m.to_dict())
                try:
                    sink(line)
                except OSError as exc:  # a closed pipe, a full disk: not this document's fault
                    raise _OutputFailed from exc
            elif as_lines:
                res.lines.append(jsonl_line(m.to_dict()))
            else:
                res.mentions.append(m.to_dict())
    except _OutputFailed as exc:
        raise exc.__cause__ from None  # the caller stops the batch (quietly for | head)
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


def _init_worker(options: Options, encoding: str | None, data_dirs: list[str], as_lines: bool = False) -> None:
    """Build jieba and OpenCC once per worker process (they cannot be pickled)."""
    import signal

    from . import lexicon
    from .convert import convert
    from .segment import get_segmenter

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts the pool down
    global _worker_options, _worker_encoding, _worker_lines
    _worker_options, _worker_encoding, _worker_lines = options, encoding, as_lines
    for d in data_dirs:
        lexicon.add_data_dir(d)
    get_segmenter(options.segmenter, options.user_dicts)
    convert("預熱", options.convert)


def _work(item: Item) -> Result:
    assert _worker_options is not None
    return process_item(item, _worker_options, _worker_encoding, _worker_lines)


def run(items: Iterable[Item], options: Options, jobs: int = 1, encoding: str | None = None,
        data_dirs: Iterable[str] = (), as_lines: bool = False,
        sink: Callable[[str], None] | None = None) -> Iterator[Result]:
    """Results in input order. With jobs > 1 a process pool works ahead by a bounded window.

    With one job and a ``sink``, JSON lines go to the sink as they are found.
    """
    if jobs <= 1:
        for item in items:
            yield process_item(item, options, encoding, as_lines, sink)
        return
    window = jobs * 4
    pending: list[Future[Result]] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(options, encoding, list(data_dirs), as_lines))
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


# ---- one output file per input -------------------------------------------------------------------


def safe_name(doc_id: str) -> str:
    """A relative file name for a document id (no '..', no absolute paths, no odd characters)."""
    keep = "".join(ch if ch.isalnum() or ch in "._-/" else "_" for ch in doc_id).strip("/")
    return keep.replace("..", "_") or "doc"


def out_path(output_dir: Path, rel: str) -> Path:
    """Where --output-dir puts the mentions of one input: its relative path plus .jsonl."""
    return output_dir / (safe_name(rel) + ".jsonl")


def write_atomic(path: Path, lines: list[str]) -> None:
    """Write to a temporary file and rename it into place: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(lines)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def sweep_temp(output_dir: Path) -> int:
    """Remove temporary files left by a writer that was killed mid-write (its input was redone)."""
    n = 0
    for tmp in output_dir.rglob(".*.jsonl.*.tmp"):
        try:
            tmp.unlink()
            n += 1
        except OSError:
            pass
    return n


def doc_record(res: Result) -> dict[str, Any]:
    """--per-doc: one object per document with its metadata and arrays of mentions."""
    mentions = res.mentions or [json.loads(line) for line in res.lines]
    rec: dict[str, Any] = {"doc": res.doc_id, "chars": res.chars, "encoding": res.encoding,
                           "script": res.script or "simplified", "warnings": res.warnings,
                           "place": res.facts.get("place"), "date": res.facts.get("date")}
    for s in BY_RANK:
        rec[s.plural] = [m for m in mentions if m["type"] == s.name]
    return rec
