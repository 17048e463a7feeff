"""Running extraction on a Dask cluster: the same documents, the same JSON lines.

Why Dask and not a scheduler of our own: users who outgrow one machine
already run Dask (Kubernetes, SLURM/PBS through dask-jobqueue, cloud). Workers
are long-lived processes, so each builds jieba and OpenCC once (the
segmenter is a per-process singleton) and the user's dictionaries and word
lists travel with the tasks as contents, not paths (the word lists inside the options), so a worker on another
machine uses them too.

    from djextract.dask import META, extract_bag
    bag = extract_bag(["reports/"])          # a dask.bag.Bag of mention dicts
    bag.to_dataframe(meta=META).to_parquet("mentions/")   # pip install 'djextract[dask]'

``META`` gives every column its type from the declarations (a partition
without ranges would otherwise guess ``value_max`` as empty objects).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .batch import Item, Result, Shape, process_item, producer
from .pipeline import Options

INSTALL_HINT = "Dask is not installed: pip install 'djextract[dask]'"


def _meta() -> dict[str, str]:
    from .schema import mention_columns

    kinds = {"string": "string", "number": "float64", "integer": "int64"}
    return {f.name: kinds[f.type] for f in mention_columns()}


META: dict[str, str] = _meta()  # column → pandas dtype of a mention, for Bag.to_dataframe(meta=META)


def require_dask() -> None:
    """Fail with the install command when the optional extra is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc


@dataclass(frozen=True)
class Payload:
    """Everything a worker needs besides the document: options and the user's files, by content."""

    options: Options
    encoding: str | None = None
    dicts: tuple[tuple[str, bytes], ...] = ()  # (file name, contents) of --user-dict files
    per_doc: bool = False
    output_dir: str | None = None
    as_lines: bool = True
    shape: Shape | None = None
    made_by: dict[str, Any] | None = field(default=None, compare=False)
    digest: str = field(default="", compare=False)

    @classmethod
    def build(cls, options: Options, encoding: str | None = None, per_doc: bool = False,
              output_dir: str | None = None, as_lines: bool = True, shape: Shape | None = None) -> Payload:
        dicts = tuple((Path(p).name, Path(p).read_bytes()) for p in options.user_dicts)
        h = hashlib.sha256(repr((options, options.rules.digest, encoding, dicts)).encode())
        made_by = producer(options, encoding, shape)
        return cls(options, encoding, dicts, per_doc, output_dir, as_lines and not per_doc, shape,
                   made_by, h.hexdigest()[:16])


_prepared: dict[str, Options] = {}


def _worker_options(payload: Payload) -> Options:
    """On a worker: write the shipped dictionaries once per payload and point the options at them.

    The data files need nothing: they travel inside the options (``Options.rules``).
    """
    opts = _prepared.get(payload.digest)
    if opts is not None:
        return opts
    root = Path(tempfile.gettempdir()) / f"djextract-{payload.digest}"
    dict_paths = []
    for i, (name, content) in enumerate(payload.dicts):
        p = root / "dicts" / f"{i}-{name}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content)
        dict_paths.append(str(p))
    opts = replace(payload.options, user_dicts=tuple(dict_paths))
    _prepared[payload.digest] = opts
    return opts


def process_remote(item: Item, payload: Payload) -> Result:
    """The task a worker runs for one document; with an output folder it writes the file itself."""
    from .batch import doc_record
    from .outdir import out_path, write_atomic
    from .render import jsonl_line

    opts = _worker_options(payload)
    res = process_item(item, opts, payload.encoding, as_lines=payload.as_lines, shape=payload.shape)
    if payload.output_dir and not res.error:
        lines = [jsonl_line(doc_record(res, payload.made_by))] if payload.per_doc else res.lines
        write_atomic(out_path(Path(payload.output_dir), res.rel), lines)
        res.lines, res.mentions = [], []  # written where it belongs; nothing to send back
    return res


def connect(scheduler: str, workers: int = 2) -> Any:
    """A distributed Client: 'local' starts a LocalCluster of worker processes for a test drive."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        return Client(cluster)
    return Client(scheduler)


def run(client: Any, items: Iterable[Item], payload: Payload, window: int = 0) -> Iterator[Result]:
    """Results in input order, with at most `window` documents in flight (bounded memory)."""
    from collections import deque

    window = window or max(8, 4 * max(1, len(client.scheduler_info().get("workers", {}))))
    pending: deque = deque()
    remote_payload = client.scatter(payload, broadcast=True)
    for item in items:
        pending.append(client.submit(process_remote, item, remote_payload, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_bag(paths_or_bag: Any, types: Iterable[str] | None = None, *, convert: str = "t2s",
                segmenter: str = "jieba", user_dicts: Iterable[str] = (), data_dirs: Iterable[str] = (),
                encoding: str | None = None, partition_size: int = 16) -> Any:
    """A dask.bag.Bag of mention dicts (the JSON-lines contract), one element per mention.

    ``paths_or_bag`` is a path or list of paths (files and folders, as on the command line),
    or a Bag of texts (str) or of records ({"id": ..., "text": ...}).
    """
    require_dask()
    import dask.bag as db

    from . import extractors
    from .lexicon import Rules

    opts = Options(types=tuple(extractors.resolve(types)), convert=convert, segmenter=segmenter,
                   user_dicts=tuple(str(Path(p).resolve()) for p in user_dicts),
                   rules=Rules.from_dirs(Path(d).resolve() for d in data_dirs))
    payload = Payload.build(opts, encoding)
    if isinstance(paths_or_bag, db.Bag):
        items = paths_or_bag.map(_to_item)
    else:
        from .batch import iter_items

        paths = [paths_or_bag] if isinstance(paths_or_bag, (str, os.PathLike)) else list(paths_or_bag)
        items = db.from_sequence(list(iter_items([str(p) for p in paths])), partition_size=partition_size)
    return items.map(_mentions_of, payload).flatten()


def _to_item(record: Any) -> Item:
    if isinstance(record, str):
        return Item("-", text=record)
    doc = str(record.get("id", record.get("doc", "-")))
    return Item(doc, text=record["text"], rel=doc)


def _mentions_of(item: Item, payload: Payload) -> list[dict[str, Any]]:
    opts = _worker_options(payload)
    res = process_item(item, opts, payload.encoding)
    return res.mentions
