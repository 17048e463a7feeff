"""Where the results of `djextract extract` go: JSON lines, CSV, a table, Parquet, or one file per input.

Why one small class per output: the command only picks a sink and hands it
each document's result in input order, so a new format is one class here and
a choice in the CLI, and the rules every output keeps live in one place:

- a file given with ``-o`` is written under ``FILE.part`` and renamed when
  the run ends, so a file with the final name is always complete; an
  interrupted run leaves the ``.part`` file, whose lines are whole documents;
- the columns of CSV and Parquet come from the type declarations
  (``schema.mention_columns``), so every row has every field, typed;
- a per-document run writes the records of spec §8 (JSON lines) or one flat
  row per document (CSV, Parquet, table) that joins to the mentions on ``doc``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .batch import Result, doc_record, doc_row
from .outdir import Manifest, input_signature, out_path, write_atomic
from .render import jsonl_line
from .schema import BY_RANK, Field, document_columns, mention_columns


class Target:
    """stdout, or a file written under a temporary name and renamed into place when complete."""

    def __init__(self, path: Path | None, binary: bool = False) -> None:
        self.path = path
        # a device or a pipe (/dev/null, a FIFO) is written as it is: there is nothing to rename
        regular = path is not None and (not path.exists() or path.is_file())
        self.part = path.with_name(path.name + ".part") if regular and path is not None else None
        self.binary = binary
        self.stream: Any = None

    def open(self) -> Any:
        """The stream to write (text, or a path for Parquet's own writer); opened on first use."""
        if self.stream is None:
            if self.path is not None and self.part is None:
                self.stream = str(self.path) if self.binary else open(self.path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            elif self.part is None:
                self.stream = sys.stdout.buffer if self.binary else sys.stdout
            elif self.binary:
                self.stream = str(self.part)
            else:
                self.stream = open(self.part, "w", encoding="utf-8", newline="")  # noqa: SIM115
        return self.stream

    def finish(self, complete: bool) -> str | None:
        """Close; rename a complete file into place. Returns the path of a kept partial file, if any."""
        if self.part is None or self.path is None:
            if self.stream is not None and not self.binary:
                self.stream.flush()
                if self.path is not None:
                    self.stream.close()
            return None
        if self.stream is None:
            self.open()
        if not self.binary:
            self.stream.close()
        if complete:
            os.replace(self.part, self.path)
            return None
        return str(self.part)


class Sink:
    """Takes each document's result in input order; `close` ends the output."""

    needs_lines = False  # True: mentions as JSON lines (res.lines), else as dicts (res.mentions)

    def __init__(self, target: Target) -> None:
        self.target = target

    def add(self, res: Result) -> None:
        raise NotImplementedError

    def direct(self) -> Any:
        """A function to write each line as it is found (streaming JSON lines only), else None."""
        return None

    def close(self, complete: bool = True) -> str | None:
        return self.target.finish(complete)


class LinesSink(Sink):
    """JSON lines: one mention a line, or one per-document record a line."""

    def __init__(self, target: Target, per_doc: bool, made_by: dict[str, Any]) -> None:
        super().__init__(target)
        self.per_doc, self.made_by = per_doc, made_by
        self.needs_lines = not per_doc

    def direct(self) -> Any:
        return None if self.per_doc else self.target.open().write

    def add(self, res: Result) -> None:
        out = self.target.open()
        if self.per_doc:
            if not res.error:
                out.write(jsonl_line(doc_record(res, self.made_by)))
        else:
            out.write("".join(res.lines))  # empty when direct() already wrote them
        out.flush()


def _columns(per_doc: bool, fields: tuple[str, ...], keep: tuple[str, ...]) -> list[Field]:
    cols = document_columns() if per_doc else mention_columns()
    if fields:
        by_name = {f.name: f for f in cols}
        cols = [by_name[f] for f in fields]
    return cols + [Field(k, "string", "record metadata (--keep-fields)") for k in keep]


class CsvSink(Sink):
    """CSV with one header line, whatever the mix of types; ``bom`` for Excel."""

    def __init__(self, target: Target, per_doc: bool, fields: tuple[str, ...], keep: tuple[str, ...],
                 bom: bool) -> None:
        import csv

        super().__init__(target)
        self.per_doc = per_doc
        out = target.open()
        if bom:
            out.write("\ufeff")
        self.writer = csv.DictWriter(out, fieldnames=[c.name for c in _columns(per_doc, fields, keep)],
                                     extrasaction="ignore", lineterminator="\r\n" if bom else "\n")
        self.writer.writeheader()

    def add(self, res: Result) -> None:
        rows = [doc_row(res)] if self.per_doc and not res.error else [] if self.per_doc else res.mentions
        for r in rows:
            self.writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
        self.target.open().flush()


class TableSink(Sink):
    """A rich table for people, drawn when the run ends."""

    def __init__(self, target: Target, per_doc: bool) -> None:
        super().__init__(target)
        self.per_doc = per_doc
        self.rows: list[dict[str, Any]] = []

    SHOWN = ("doc", "province", "city", "county", "date", *(s.plural for s in BY_RANK))  # what fits a terminal

    def add(self, res: Result) -> None:
        if self.per_doc:
            if not res.error:
                row = doc_row(res)
                self.rows.append({k: v for k, v in row.items() if k in self.SHOWN})
        else:
            self.rows.extend(res.mentions)

    def close(self, complete: bool = True) -> str | None:
        from rich.console import Console

        from .render import mentions_table, rows_table

        table = rows_table(self.rows) if self.per_doc else mentions_table(self.rows)
        stream = self.target.open()
        # a terminal gives its width; a file or a pipe gets room enough for Chinese names not to wrap
        Console(file=stream, width=None if stream.isatty() else 200).print(table)
        return super().close(complete)


PARQUET_HINT = "Parquet needs pyarrow: pip install 'djextract[parquet]'"


class ParquetSink(Sink):
    """Parquet with typed columns (one row a mention, or a document), written a row group at a time."""

    ROWS_PER_GROUP = 50_000

    def __init__(self, target: Target, per_doc: bool, fields: tuple[str, ...], keep: tuple[str, ...]) -> None:
        import pyarrow as pa

        super().__init__(target)
        self.per_doc = per_doc
        kinds = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64()}
        self.columns = _columns(per_doc, fields, keep)
        self.keep = keep
        self.schema = pa.schema([pa.field(c.name, kinds[c.type], nullable=c.nullable) for c in self.columns])
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None

    def add(self, res: Result) -> None:
        rows = ([doc_row(res)] if not res.error else []) if self.per_doc else res.mentions
        for r in rows:
            for k in self.keep:  # record metadata is kept as text: its JSON type varies from record to record
                if r.get(k) is not None and not isinstance(r[k], str):
                    r[k] = jsonl_line(r[k]).rstrip("\n") if isinstance(r[k], (dict, list)) else str(r[k])
            self.rows.append(r)
        if len(self.rows) >= self.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self.target.open(), self.schema, compression="zstd")
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.rows = []

    def close(self, complete: bool = True) -> str | None:
        if self.rows or self.writer is None:
            self._flush()
        self.writer.close()
        return super().close(complete)


class DirSink(Sink):
    """--output-dir: one JSON-lines file per input, renamed into place, then noted in the manifest."""

    def __init__(self, output_dir: Path, per_doc: bool, made_by: dict[str, Any], manifest: Manifest,
                 remote: bool) -> None:
        super().__init__(Target(None))
        self.output_dir, self.per_doc, self.made_by = output_dir, per_doc, made_by
        self.manifest, self.remote = manifest, remote
        self.needs_lines = not per_doc

    def add(self, res: Result) -> None:
        if res.error:
            return
        if not self.remote:  # Dask workers write their own files
            lines = [jsonl_line(doc_record(res, self.made_by))] if self.per_doc else res.lines
            write_atomic(out_path(self.output_dir, res.rel), lines)
        self.manifest.record(res.rel, res.signature or input_signature(res.path, None), self.made_by)

    def close(self, complete: bool = True) -> str | None:
        from .outdir import sweep_temp

        if self.output_dir.exists():
            sweep_temp(self.output_dir)  # a killed worker's half-written file; its document was redone
        return None

