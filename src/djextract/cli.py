"""The `djextract` command: argument parsing and wiring only.

Why thin: the pipeline, batch runner and renderers know nothing of the
command line, so Python users and worker processes get exactly what the CLI
gets. Heavy modules are imported inside the commands, which keeps
`djextract --help` instant.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__

app = typer.Typer(
    name="djextract",
    help="Turn Chinese party-building reports into structured data: the bodies they name, the figures "
    "they report, their programmes, persons and cited documents, and where and when each report is from.\n\n"
    "\b\nExamples:\n"
    "  djextract extract samples/ -o out.jsonl     # JSON lines, one mention a line\n"
    "  djextract extract samples/ -f table         # for people\n"
    "  djextract stats out.jsonl                   # what a batch holds\n"
    "  djextract eval gold.jsonl out.jsonl         # precision, recall, F1\n",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_INPUT_FAILED = 2
EXIT_NO_INPUT = 1


def _version(value: bool) -> None:
    if value:
        from .native import status

        typer.echo(f"djextract {__version__}\n{status()}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """djextract: party-building reports to structured data."""


# ---- shared options -----------------------------------------------------------------------------


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    parquet = "parquet"


class Convert(StrEnum):
    t2s = "t2s"
    tw2s = "tw2s"
    hk2s = "hk2s"
    none = "none"


class Segmenter(StrEnum):
    jieba = "jieba"
    rjieba = "rjieba"


PathsArg = Annotated[list[str] | None, typer.Argument(help="Files or folders ('-' or none for stdin).",
                                                      show_default=False)]
TypesOpt = Annotated[list[str] | None, typer.Option("--types", "-t", help="Extractors: body, figure, programme, "
                                                    "person, document (repeat or comma-separate).")]
ConvertOpt = Annotated[Convert, typer.Option("--convert", help="Traditional to simplified with OpenCC: t2s "
                                             "(any traditional or mixed text), tw2s (Taiwan), hk2s (Hong Kong), "
                                             "or none, only for input that is already simplified: the word "
                                             "lists are simplified, so traditional text left as it is gives "
                                             "broken names.")]
SegOpt = Annotated[Segmenter, typer.Option("--segmenter", help="jieba, or rjieba (pip install 'djextract[fast]').")]
UserDictOpt = Annotated[list[Path] | None, typer.Option("--user-dict", help="Extra jieba dictionary (repeatable).")]
DataDirOpt = Annotated[list[Path] | None, typer.Option("--data-dir", help="Folder of word lists that extend the "
                                                       "bundled ones, same file names (repeatable).")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Force an input encoding (e.g. gb18030).")]
GlobOpt = Annotated[list[str] | None, typer.Option("--glob", help="File patterns inside folders, repeat or "
                                                   "comma-separate (default: *.txt,*.md,*.htm,*.html).")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl-input", help="Inputs are JSON lines, one document a record.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="Record field holding the text (dotted for "
                                           "nested: data.content).")]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="Record field holding the document id (dotted for "
                                         "nested).")]


def _err(console: Any, msg: str) -> None:
    if console is not None:
        console.print(msg, markup=False, highlight=False, soft_wrap=True)
    else:
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or [] for v in value.split(",") if v.strip())


def _options(types: list[str] | None, convert: str, segmenter: str, user_dict: list[Path] | None,
             data_dir: list[Path] | None, facts: bool = False, encoding: str | None = None) -> Any:
    import codecs

    from . import extractors, lexicon
    from .pipeline import Options

    try:
        resolved = extractors.resolve(types)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--types") from None
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r} (try gb18030, big5, utf-16, utf-8)",
                                     param_hint="--encoding") from None
    for d in data_dir or []:
        if not d.is_dir():
            raise typer.BadParameter(f"not a folder: {d}", param_hint="--data-dir")
    try:
        rules = lexicon.Rules.from_dirs(d.resolve() for d in data_dir or [])
    except FileNotFoundError as exc:  # a DJEXTRACT_DATA folder
        raise typer.BadParameter(str(exc), param_hint="DJEXTRACT_DATA") from None
    lexicon.use(rules)
    for f in user_dict or []:
        if not f.is_file():
            raise typer.BadParameter(f"not a file: {f}", param_hint="--user-dict")
    try:
        extractors.check_data(resolved)
    except lexicon.DataError as exc:
        _err(None, f"djextract: {exc}")
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    if segmenter == "rjieba":
        import importlib.util

        if importlib.util.find_spec("rjieba") is None:  # (importing it would build a dictionary)
            raise typer.BadParameter("rjieba is not installed: pip install 'djextract[fast]'",
                                     param_hint="--segmenter")
    if sys.stderr.isatty():
        from .native import note_once

        note = note_once()
        if note:
            _err(None, note)
    return Options(types=tuple(resolved), convert=convert, segmenter=segmenter,
                   user_dicts=tuple(str(f.resolve()) for f in user_dict or []), facts=facts, rules=rules)


def _paths(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        raise typer.BadParameter("give files or folders, or pipe text into djextract", param_hint="PATH")
    return ["-"]


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so interpreter shutdown stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _usage(cond: bool, hint: str, msg: str) -> None:
    if cond:
        raise typer.BadParameter(msg, param_hint=hint)


def _shape(fields: list[str] | None, no_sentence: bool, keep: tuple[str, ...], per_doc: bool,
           jsonl_input: bool) -> Any:
    """--fields, --no-sentence and --keep-fields, checked against the declared fields."""
    from .batch import Shape
    from .schema import COMMON_NAMES, all_fields

    known = all_fields()
    chosen = _split(fields)
    _usage(bool(chosen) and per_doc, "--fields", "per-document output has fixed fields; --fields chooses "
           "the fields of mention lines")
    unknown = [f for f in chosen if f not in known]
    _usage(bool(unknown), "--fields", f"unknown field {unknown[0] if unknown else ''!r}; fields are "
           + ", ".join(known))
    if no_sentence:
        chosen = tuple(f for f in (chosen or known) if f != "sentence")
    _usage(bool(keep) and not jsonl_input, "--keep-fields", "record fields come from --jsonl-input records")
    clash = [k for k in keep if k in known or k in COMMON_NAMES]
    _usage(bool(clash), "--keep-fields", f"{clash[0] if clash else ''!r} is already an output field")
    return Shape(chosen, keep) if chosen or keep else None


@app.command(short_help="Extract mentions from files, folders or stdin.")
def extract(
    paths: PathsArg = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE ('-': stdout); written as "
                                                "FILE.part and renamed when complete.")] = None,
    output_dir: Annotated[Path | None, typer.Option("--output-dir", help="One JSON-lines file per input, "
                                                    "mirroring the input tree, written atomically.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With --output-dir: skip inputs whose output was made "
                                         "from the same input by the same version and options.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl (machines), csv, table (people) or "
                                        "parquet (needs -o FILE and pip install 'djextract[parquet]').")]
    = Format.jsonl,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One record per document (place, date, mentions); "
                                          "with csv, parquet or table one flat row per document.")] = False,
    types: TypesOpt = None,
    fields: Annotated[list[str] | None, typer.Option("--fields", help="Only these mention fields, in this "
                                                     "order (comma-separate): doc,type,text,value …")] = None,
    no_sentence: Annotated[bool, typer.Option("--no-sentence", help="Leave out the sentence field (about half "
                                              "of the bytes).")] = False,
    keep_fields: Annotated[list[str] | None, typer.Option("--keep-fields", help="Record fields of --jsonl-input "
                                                          "to copy into every output line (comma-separate; "
                                                          "dotted for nested).")] = None,
    bom: Annotated[bool, typer.Option("--bom", help="CSV for Excel: a UTF-8 byte-order mark and CRLF lines.")]
    = False,
    convert: ConvertOpt = Convert.t2s,
    segmenter: SegOpt = Segmenter.jieba,
    user_dict: UserDictOpt = None,
    data_dir: DataDirOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    jsonl_input: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    id_field: IdFieldOpt = "id",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = 0,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr "
                                                  "(default: when stderr is a terminal).")] = None,
    summary: Annotated[bool | None, typer.Option("--summary/--no-summary", help="End-of-run summary on stderr: "
                                                 "documents, mentions per type, failures, time (default: when "
                                                 "stderr is a terminal).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings, progress or summary (unless "
                                        "--summary); only errors.")]
    = False,
    warnings_file: Annotated[Path | None, typer.Option("--warnings", help="Write warnings and errors to FILE "
                                                       "instead of stderr.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Run on Dask: tcp://HOST:PORT of a running "
                                                  "scheduler, or 'local' to start a LocalCluster of -j "
                                                  "workers (pip install 'djextract[dask]').")] = None,
) -> None:
    """Extract mentions from files, folders or stdin; JSON lines on stdout.

    \b
    Examples:
      djextract extract samples/ -o out.jsonl
      djextract extract report.html --types person,document -f table
      cat report.txt | djextract extract --no-sentence | jq .
      djextract extract corpus.jsonl --jsonl-input --text-field content --keep-fields url,year
      djextract extract big/ --output-dir out/ --resume -j 4
      djextract extract samples/ -f parquet -o mentions.parquet
      djextract extract samples/ --per-doc -f csv --bom -o documents.csv
    """
    from . import batch
    from .outdir import Manifest, fingerprint, input_signature

    if output is not None and str(output) == "-":
        output = None
    _check_outputs(output, output_dir, resume, fmt, bom)
    keep = _split(keep_fields)
    shape = _shape(fields, no_sentence, keep, per_doc, jsonl_input)
    _usage(fmt == Format.table and shape is not None and bool(shape.fields), "--fields",
           "a table shows its own columns; --fields is for jsonl, csv and parquet")
    opts = _options(types, convert.value, segmenter.value, user_dict, data_dir, facts=per_doc, encoding=encoding)
    plist = _paths(paths)
    n_jobs = jobs if jobs > 0 else batch.default_jobs()
    made_by = batch.producer(opts, encoding, shape)
    show = not quiet and (progress if progress is not None else sys.stderr.isatty())
    report = _Report(warnings_file, quiet, show)
    listed = _Listing(batch.iter_items(plist, tuple(glob) if glob else batch.DEFAULT_GLOBS, jsonl_input,
                                       text_field, id_field, keep=keep))
    items: Any = listed
    manifest = None
    if output_dir is not None:
        manifest = Manifest(output_dir, fingerprint(made_by))
        items = list(_for_folder(listed, report, input_signature))
        if resume:
            before = len(items)
            items = [it for it in items if not manifest.is_done(it.rel, it.signature)]
            report.skipped = before - len(items)
    elif show or n_jobs > 1:
        items = list(items)  # a bar needs the total; a pool needs picklable items (listing paths is cheap)
    if isinstance(items, list):
        n_jobs = min(n_jobs, max(len(items), 1))
    sink = _sink(fmt, output, output_dir, per_doc, shape, keep, bom, made_by, manifest, scheduler is not None)
    if show:
        report.start_bar(items)
    direct = sink.direct() if n_jobs <= 1 and not scheduler else None
    client = None
    if scheduler:
        client, results = _dask_results(scheduler, n_jobs, list(items), opts, encoding, per_doc,
                                        output_dir, sink.needs_lines, shape)
    else:
        results = batch.run(items, opts, n_jobs, encoding, sink.needs_lines, direct, shape)
    _drain(results, report, sink, client)
    if listed.count == 0 and not report.skipped:
        _err(None, f"djextract: no input: nothing in {', '.join(plist)} matches "
             f"{','.join(glob) if glob else ','.join(batch.DEFAULT_GLOBS)} (folders are read through --glob)")
        raise typer.Exit(EXIT_NO_INPUT)
    report.finish(summary)
    if report.failures:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _check_outputs(output: Path | None, output_dir: Path | None, resume: bool, fmt: Format, bom: bool) -> None:
    """The output options that do not go together, refused before any input is read."""
    _usage(output is not None and output_dir is not None, "--output", "--output-dir writes one file per input; "
           "leave out -o/--output")
    _usage(output_dir is not None and fmt != Format.jsonl, "--format", "--output-dir writes JSON lines; use -o "
           f"FILE for {fmt.value}")
    _usage(resume and output_dir is None, "--resume", "--resume needs --output-dir")
    _usage(fmt == Format.parquet and output is None, "--format", "parquet is binary: give -o FILE")
    _usage(bom and fmt != Format.csv, "--bom", "--bom is for -f csv")
    if fmt == Format.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            from .sinks import PARQUET_HINT

            raise typer.BadParameter(PARQUET_HINT, param_hint="--format") from None


def _drain(results: Any, report: Any, sink: Any, client: Any) -> None:
    """Feed every result to the report and the sink, then close the sink.

    Why here and not in the sink: what a broken pipe, a full disk or Ctrl-C
    mean for the exit code and for what is kept is the command's decision
    (0, 2, 130; the documents written so far are kept and named).
    """
    try:
        for res in results:
            report.result(res)
            sink.add(res)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:  # the output itself failed (a full disk, an unwritable --output-dir)
        report.stop_bar()
        where = f" {exc.filename}" if exc.filename else ""
        _err(None, f"djextract: cannot write output{where}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        report.stop_bar()
        kept = sink.close(complete=False)
        tail = f"; the documents written so far are in {kept}" if kept else "; every output written so far is complete"
        _err(None, "djextract: interrupted" + tail)
        raise typer.Exit(130) from None
    finally:
        report.stop_bar()
        if client is not None:
            _close_client(client)
    try:
        sink.close(complete=True)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:
        _err(None, f"djextract: cannot write output: {exc.strerror or exc}")
        raise typer.Exit(2) from None

class _Listing:
    """The inputs, counted as they are listed (to say so when a selection matched nothing)."""

    def __init__(self, items: Any) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Any:
        for item in self.items:
            self.count += 1
            yield item


def _for_folder(items: Any, report: Any, signature: Any) -> Any:
    """--output-dir: give each input an output name of its own and the signature --resume compares."""
    from .outdir import UniqueNames

    names = UniqueNames()
    for item in items:
        rel, renamed = names.claim(item.rel)
        if renamed:
            report.warn(f"djextract: {item.doc_id}: warning: an earlier input has the same output name; "
                        f"written as {rel}.jsonl")
            item.rel = rel
        item.signature = signature(item.path, item.text)
        yield item


def _sink(fmt: Format, output: Path | None, output_dir: Path | None, per_doc: bool, shape: Any,
          keep: tuple[str, ...], bom: bool, made_by: dict[str, Any], manifest: Any, remote: bool) -> Any:
    from . import sinks

    if output_dir is not None:
        return sinks.DirSink(output_dir, per_doc, made_by, manifest, remote)
    chosen = shape.fields if shape is not None else ()
    if fmt == Format.csv:
        return sinks.CsvSink(sinks.Target(output), per_doc, chosen, keep, bom)
    if fmt == Format.table:
        return sinks.TableSink(sinks.Target(output), per_doc)
    if fmt == Format.parquet:
        return sinks.ParquetSink(sinks.Target(output, binary=True), per_doc, chosen, keep)
    return sinks.LinesSink(sinks.Target(output), per_doc, made_by)


class _Report:
    """What a run says on stderr (or in --warnings FILE): errors, warnings, the progress bar, the summary."""

    def __init__(self, warnings_file: Path | None, quiet: bool, show: bool) -> None:
        import time

        self.quiet, self.show = quiet, show
        self.file = open(warnings_file, "w", encoding="utf-8") if warnings_file else None  # noqa: SIM115
        self.console: Any = None
        self.bar: Any = None
        self.task: Any = None
        self.failures: list[str] = []
        self.skipped = 0
        self.docs = 0
        self.bytes = 0
        self.counts: dict[str, int] = {}
        self.warnings = 0
        self.t0 = time.perf_counter()

    def _say(self, line: str) -> None:
        if self.file is not None:
            self.file.write(line + "\n")
            self.file.flush()
        else:
            _err(self.console, line)

    def warn(self, line: str) -> None:
        self.warnings += 1
        if not self.quiet or self.file is not None:
            self._say(line)

    def start_bar(self, items: list[Any]) -> None:
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.bar, self.task = _progress_bar(self.console, items)

    def stop_bar(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        self.console = None

    def result(self, res: Any) -> None:
        self.docs += 1
        self.bytes += res.size
        for t, n in res.counts.items():
            self.counts[t] = self.counts.get(t, 0) + n
        if res.error:
            line = f"djextract: {res.doc_id}: {res.error}"
            self.failures.append(line)
            self._say(line)
        for w in res.warnings:
            self.warn(f"djextract: {res.doc_id}: warning: {w}")
        if self.bar is not None:
            self.bar.update(self.task, advance=1, size=res.size, failures=len(self.failures))

    def finish(self, summary: bool | None) -> None:
        import time

        if self.file is not None:
            self.file.close()
        if self.skipped:
            _err(None, f"djextract: resumed: {self.skipped} input(s) already done were skipped")
        if self.failures:
            if self.show and self.file is None:
                _err(None, f"djextract: {len(self.failures)} input(s) failed:")
                for line in self.failures:
                    _err(None, "  " + line)
            else:
                where = "listed above" if self.file is None else "listed in the warnings file"
                _err(None, f"djextract: {len(self.failures)} input(s) failed ({where}); the others are complete")
        if not (summary if summary is not None else sys.stderr.isatty() and not self.quiet):
            return
        from .schema import BY_RANK

        secs = time.perf_counter() - self.t0
        per_type = ", ".join(f"{self.counts[s.name]:,} {s.plural}" for s in BY_RANK if self.counts.get(s.name))
        mentions = sum(self.counts.values())
        rate = self.bytes / 1e6 / secs if secs > 0 else 0.0
        _err(None, f"djextract: {self.docs:,} document(s), {len(self.failures)} failed, "
             f"{self.warnings:,} warning(s); {mentions:,} mentions ({per_type or 'none'}); "
             f"{self.bytes / 1e6:.2f} MB in {secs:.1f} s ({rate:.2f} MB/s)")


def _dask_results(scheduler: str, n_jobs: int, items: list[Any], opts: Any, encoding: str | None,
                  per_doc: bool, output_dir: Path | None,
                  as_lines: bool, shape: Any) -> tuple[Any, Any]:
    """Connect to Dask and stream results in input order (workers write --output-dir files)."""
    from . import dask as djdask

    try:
        djdask.require_dask()
    except ImportError:
        raise typer.BadParameter(djdask.INSTALL_HINT, param_hint="--scheduler") from None
    payload = djdask.Payload.build(opts, encoding, per_doc, str(output_dir.resolve()) if output_dir else None,
                                   as_lines, shape)
    try:
        client = djdask.connect(scheduler, workers=max(n_jobs, 1))
    except (OSError, TimeoutError, ValueError) as exc:
        raise typer.BadParameter(f"cannot reach the Dask scheduler {scheduler}: {exc}",
                                 param_hint="--scheduler") from None
    return client, djdask.run(client, items, payload)


def _close_client(client: Any) -> None:
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _progress_bar(console: Any, items: list[Any]) -> tuple[Any, Any]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    total_bytes = 0
    for it in items:
        if it.path:
            try:
                total_bytes += os.path.getsize(it.path)
            except OSError:
                pass

    class Throughput(ProgressColumn):
        def render(self, task: Any) -> Text:
            size = task.fields.get("size_done", 0)
            elapsed = task.elapsed or 0
            rate = size / elapsed / 1e6 if elapsed > 0 else 0.0
            if total_bytes < 1e6:  # a few reports: kilobytes say more than 0.0/0.0 MB
                return Text(f"{size / 1e3:.0f}/{total_bytes / 1e3:.0f} KB {rate:.2f} MB/s")
            return Text(f"{size / 1e6:.1f}/{total_bytes / 1e6:.1f} MB {rate:.2f} MB/s")

    class Progress2(Progress):
        def update(self, task_id: Any, **kw: Any) -> None:
            size = kw.pop("size", 0)
            t = self._tasks[task_id]
            kw["size_done"] = t.fields.get("size_done", 0) + size
            super().update(task_id, **kw)

    # narrow enough for an 80-column terminal: elapsed time is left out, the time remaining stays
    bar = Progress2(TextColumn("extracting"), BarColumn(bar_width=16), MofNCompleteColumn(), Throughput(),
                    TimeRemainingColumn(), TextColumn("failures: {task.fields[failures]}"),
                    console=console, transient=False)
    task = bar.add_task("extract", total=len(items), failures=0, size_done=0)
    bar.start()
    return bar, task


@app.command("convert", short_help="Print the cleaned, simplified text the extractors see.")
def convert_cmd(
    paths: PathsArg = None,
    convert: ConvertOpt = Convert.t2s,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    keep_layout: Annotated[bool, typer.Option("--keep-layout", help="Keep dropped lines as blank lines, so "
                                              "character offsets match the input.")] = False,
) -> None:
    """Print the cleaned, simplified text the extractors see (boilerplate and glosses dropped).

    \b
    Examples:
      djextract convert report.html | less
      djextract convert big5_report.txt --keep-layout > simplified.txt
    """
    import re

    from .pipeline import Options

    _options(None, convert.value, "jieba", None, None, encoding=encoding)
    docs = _Documents(paths, glob, encoding, Options(convert=convert.value))
    with _quiet_pipe():
        for doc in docs:
            out = doc.text if keep_layout else re.sub(r"\n\s*\n+", "\n", doc.text).strip("\n") + "\n"
            sys.stdout.write(out)
            sys.stdout.flush()
    if docs.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


class _Documents:
    """Prepared documents of the inputs; an input that cannot be read is reported and counted."""

    def __init__(self, paths: list[str] | None, glob: list[str] | None, encoding: str | None, opts: Any) -> None:
        self.paths, self.glob, self.encoding, self.opts = _paths(paths), glob, encoding, opts
        self.failed = 0

    def __iter__(self) -> Any:
        from .pipeline import prepare

        for item, text, enc in self.texts():
            yield prepare(text, item.doc_id, self.opts, item.name, enc)

    def texts(self) -> Any:
        """(item, decoded text, encoding) of each input that can be read."""
        from . import batch
        from .read import InputError

        for item in batch.iter_items(self.paths, tuple(self.glob) if self.glob else batch.DEFAULT_GLOBS):
            try:
                text, enc, _ = batch.read_text(item, self.encoding)
            except InputError as exc:
                self.failed += 1
                _err(None, f"djextract: {item.doc_id}: {exc}")
                continue
            yield item, text, enc


def _is_path(arg: str) -> bool:
    """Does an argument name an existing file or folder (not a text too long or odd to be a path)?"""
    try:
        return Path(arg).exists()
    except (OSError, ValueError):  # ENAMETOOLONG, an embedded NUL
        return False


class _quiet_pipe:  # noqa: N801 - used as a context manager
    """A reader that closed the pipe (`| head`) ends the command quietly, as a success."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0)


@app.command(short_help="Print sentences as tokens, as the extractors see them.")
def segment(
    paths: PathsArg = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per sentence with its tokens.")] = False,
    convert: ConvertOpt = Convert.t2s,
    segmenter: SegOpt = Segmenter.jieba,
    user_dict: UserDictOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
) -> None:
    """Print sentences as space-joined tokens (or JSON lines), as the extractors see them.

    \b
    Examples:
      djextract segment report.txt | head
      djextract segment samples/ --jsonl --user-dict my_words.txt
    """
    from .pipeline import Options
    from .render import jsonl_line

    opts = _options(None, convert.value, segmenter.value, user_dict, None, encoding=encoding)
    docs = _Documents(paths, glob, encoding, Options(convert=opts.convert, segmenter=opts.segmenter,
                                                     user_dicts=opts.user_dicts))
    with _quiet_pipe():
        for doc in docs:
            for s in doc.sentences:
                words = [t.word for t in s.tokens]
                if jsonl:
                    start, end = doc.offsets.to_raw(s.start, s.end)
                    sys.stdout.write(jsonl_line({"doc": doc.doc_id, "start": start, "end": end, "tokens": words}))
                else:
                    sys.stdout.write(" ".join(words) + "\n")
                s.release()
            sys.stdout.flush()
    if docs.failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _records_and_reports(paths: list[str], jobs: int, stdin_name: str = "-") -> tuple[list[dict[str, Any]], int]:
    """Records of earlier output among the paths, plus a per-document record of each report among them.

    Returns the records and the number of inputs that failed (each reported on stderr).
    """
    from . import batch
    from .pipeline import Options
    from .records import split_inputs

    inputs = split_inputs(paths)
    for line in inputs.errors:
        _err(None, f"djextract: {line}")
    failed = len(inputs.errors)
    items = inputs.items(stdin_name)
    records = inputs.records
    if items:
        for res in batch.run(items, Options(facts=True), min(jobs if jobs > 0 else batch.default_jobs(),
                                                             len(items))):
            if res.error:
                failed += 1
                _err(None, f"djextract: {res.doc_id}: {res.error}")
            else:
                records.append(batch.doc_record(res))
    return records, failed


class StatsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


@app.command(short_help="Summarise mentions or reports: tables per document, place, type.")
def stats(
    paths: PathsArg = None,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="table (people), jsonl (every table, a "
                                             "'table' key on each row) or csv (one table: --table).")]
    = StatsFormat.table,
    table: Annotated[str | None, typer.Option("--table", help="Only this table: per_document, by_province, "
                                              "by_city, top_bodies, top_programmes, figures_by_category, "
                                              "persons, top_documents.")] = None,
    top: Annotated[int, typer.Option("--top", help="Rows in the top-bodies and top-programmes tables.")] = 15,
    bom: Annotated[bool, typer.Option("--bom", help="CSV for Excel: a UTF-8 byte-order mark and CRLF lines.")]
    = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes when extracting.")] = 0,
) -> None:
    """Summarise mentions (JSON lines of djextract's output, mention or per-document) or reports.

    Party members are each document's stated total, not a sum of its figures;
    the tables by province and city need places, which per-document output
    (--per-doc) and reports given here have and plain mention lines do not.

    \b
    Examples:
      djextract stats out.jsonl
      djextract stats samples/ -f csv --table by_province > provinces.csv
      djextract extract big/ --per-doc | djextract stats -f jsonl | jq 'select(.table=="by_city")'
    """
    from .stats import TABLES, render_tables, summarize

    _usage(table is not None and table not in TABLES, "--table", f"choose one of {', '.join(TABLES)}")
    _usage(fmt == StatsFormat.csv and table is None, "--table", "CSV holds one table: choose it with --table "
           f"({', '.join(TABLES)})")
    _usage(bom and fmt != StatsFormat.csv, "--bom", "--bom is for -f csv")
    records, failed = _records_and_reports(_paths(paths), jobs)
    summary = summarize(records, top=top)
    if table is not None:
        summary = {table: summary[table]}
    if fmt == StatsFormat.table:
        from rich.console import Console

        console = Console()
        for t in render_tables(summary):
            console.print(t)
    elif fmt == StatsFormat.jsonl:
        from .render import jsonl_line

        for name, rows in summary.items():
            for r in rows:
                sys.stdout.write(jsonl_line({"table": name, **r}))
    else:
        import csv

        rows = next(iter(summary.values()))
        if bom:
            sys.stdout.write("\ufeff")
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\r\n" if bom else "\n")
            w.writeheader()
            w.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


@app.command("eval", short_help="Score mentions against gold: precision, recall, F1 per type.")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold annotations, one document a line (spec §5).")],
    pred: Annotated[list[str] | None, typer.Argument(help="Mentions (JSON lines), or reports to extract "
                                                     "(default: samples/).", show_default=False)] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses (FN) and false hits (FP).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Scores as one JSON object (for CI).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes when extracting.")] = 0,
    stdin_name: Annotated[str, typer.Option("--stdin-name", help="The gold document a report piped in is "
                                            "(its file name in the gold).")] = "-",
) -> None:
    """Score mentions against gold annotations: precision, recall and F1 per type (spec §5).

    The numbers are those of the reference scorer, shared/tools/score.py.

    \b
    Examples:
      djextract eval tests/data/dev_gold.jsonl out.jsonl --errors
      djextract eval gold.jsonl reports/ --json | jq .figures.f1
      cat 001.txt | djextract eval gold.jsonl - --stdin-name 001.txt
    """
    import json

    from .evaluate import group_predictions, load_gold, score

    if not gold.is_file():
        raise typer.BadParameter(f"not a file: {gold}", param_hint="GOLD")
    g = load_gold(gold.read_text(encoding="utf-8").splitlines())
    mentions, failed = _records_and_reports(pred or ["samples"], jobs, stdin_name)
    predicted = group_predictions(mentions, set(g))
    if mentions and not predicted:
        _err(None, "djextract: no predicted document is in the gold (documents are matched by file name; "
             "a report piped in is named with --stdin-name)")
    result, errs = score(g, predicted)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"Scores against {gold.name}", header_style="bold")
        for col in ("type", "precision", "recall", "F1", "tp", "pred", "gold", "kind/category agree"):
            table.add_column(col, justify="left" if col == "type" else "right")
        table.add_column("owner agree", justify="right")
        for typ, r in result.items():
            if typ == "place":
                continue
            owners = f"{r['owner_agreement']:.3f} (n={r['owners_scored']})" if "owner_agreement" in r else ""
            table.add_row(typ, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["tp"]),
                          str(r["pred"]), str(r["gold"]), f"{r['kind_agreement']:.3f}", owners)
        console = Console()
        console.print(table)
        if "place" in result:
            console.print(f"document place: accuracy {result['place']['accuracy']:.3f} "
                          f"over {result['place']['docs']} documents")
    if errors:
        for typ, rows in errs.items():
            for row in rows:
                typer.echo("\t".join(str(x) for x in (typ, *row)))
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


class SchemaFormat(StrEnum):
    json = "json"
    markdown = "markdown"


@app.command("schema", short_help="Print the JSON Schema of the output (or its field reference).")
def schema_cmd(
    per_doc: Annotated[bool, typer.Option("--per-doc", help="The schema of a --per-doc record.")] = False,
    fmt: Annotated[SchemaFormat, typer.Option("--format", "-f", help="json (JSON Schema draft 2020-12) or "
                                              "markdown (the field reference, as in docs/fields.md).")]
    = SchemaFormat.json,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one line of `djextract extract` output.

    \b
    Examples:
      djextract schema > mention.schema.json
      djextract schema --per-doc > document.schema.json
      djextract schema -f markdown > docs/fields.md
    """
    import json

    from .schema import field_reference, json_schema

    if fmt == SchemaFormat.markdown:
        typer.echo(field_reference(), nl=False)
    else:
        typer.echo(json.dumps(json_schema(per_doc), ensure_ascii=False, indent=2))


@app.command(short_help="Show the rules behind each mention and each rejected candidate.")
def explain(
    inputs: Annotated[list[str] | None, typer.Argument(help="Text to explain, or files ('-' or none for stdin).",
                                                       show_default=False)] = None,
    types: TypesOpt = None,
    rejected: Annotated[bool, typer.Option("--rejected/--kept-only", help="Also show the candidates the rules "
                                           "rejected or another candidate overruled.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per candidate, with its rules.")] = False,
    list_rules: Annotated[bool, typer.Option("--rules", help="List every rule, stage by stage, in the order "
                                             "they run, with the data files each reads.")] = False,
    convert: ConvertOpt = Convert.t2s,
    segmenter: SegOpt = Segmenter.jieba,
    user_dict: UserDictOpt = None,
    data_dir: DataDirOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """For every mention and every rejected candidate: the rules that fired, in order, and the data lines
    that made them fire (data/bodies/heads.tsv:26 党委).

    \b
    Examples:
      djextract explain '海棠区委组织部联合各党支部开展活动'
      djextract explain report.txt --types body --kept-only | less
      djextract explain report.txt --json | jq -c 'select(.outcome=="rejected") | {text, rule: .rules[-1].rule}'
      djextract explain --rules --types body
    """
    from .explain import explain as run_explain
    from .explain import render_lines, rule_lines
    from .render import jsonl_line

    opts = _options(types, convert.value, segmenter.value, user_dict, data_dir, encoding=encoding)
    if list_rules:
        for line in rule_lines(opts.types):
            typer.echo(line)
        return
    sources: list[tuple[str, str, str, str]] = []  # (doc id, name, text, encoding)
    failed = 0
    for arg in inputs or ["-"]:
        if arg != "-" and not _is_path(arg):
            sources.append(("-", "", arg, "utf-8"))  # not a path: the text itself
            continue
        if arg == "-" and (sys.stdin is None or sys.stdin.isatty()):
            raise typer.BadParameter("give text or files, or pipe text into djextract", param_hint="TEXT")
        files = _Documents([arg], None, encoding, opts)
        sources += [(item.doc_id, item.name, text, enc) for item, text, enc in files.texts()]
        failed += files.failed
    with _quiet_pipe():
        for doc_id, name, text, enc in sources:
            records = run_explain(text, doc_id, opts, name, enc)
            if as_json:
                for r in records:
                    if rejected or r["outcome"] == "kept":
                        sys.stdout.write(jsonl_line(r))
            else:
                for line in render_lines(records, rejected):
                    sys.stdout.write(line + "\n")
            sys.stdout.flush()
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


@app.command("check-data", short_help="Check folders of data files: FILE:LINE: why.")
def check_data_cmd(
    folders: Annotated[list[Path], typer.Argument(help="Folders of word lists that extend the bundled ones.")],
) -> None:
    """Check a folder of data files against the bundled tables' schemas: FILE:LINE: why, exit 2 on an error.

    \b
    Example:
      djextract check-data my_rules/ && djextract extract reports/ --data-dir my_rules/
    """
    from . import extractors, lexicon

    for d in folders:
        if not d.is_dir():
            raise typer.BadParameter(f"not a folder: {d}", param_hint="FOLDER")
    lexicon.use(lexicon.Rules.from_dirs(folders, env=False))
    try:
        extractors.check_data()
    except lexicon.DataError as exc:
        _err(None, f"djextract: {exc}")
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    typer.echo(f"djextract: {', '.join(str(d) for d in folders)}: every table loads")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)


if __name__ == "__main__":
    main()
