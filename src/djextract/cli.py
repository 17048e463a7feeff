"""The `djextract` command: argument parsing and wiring only.

Why thin: the pipeline, batch runner and renderers know nothing of the
command line, so Python users and worker processes get exactly what the CLI
gets. Heavy modules are imported inside the commands, which keeps
`djextract --help` instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__

app = typer.Typer(
    name="djextract",
    help="Extract named bodies, figures and branded programmes from Chinese party-building reports "
    "as JSON lines.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

EXIT_INPUT_FAILED = 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"djextract {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """djextract: party-building reports to structured data."""


# ---- shared options -----------------------------------------------------------------------------

PathsArg = Annotated[list[str] | None, typer.Argument(help="Files or folders ('-' or none for stdin).",
                                                      show_default=False)]
TypesOpt = Annotated[list[str] | None, typer.Option("--types", "-t", help="Extractors: body, figure, programme "
                                                    "(repeat or comma-separate).")]
ConvertOpt = Annotated[str, typer.Option("--convert", help="Script conversion: t2s, tw2s, hk2s or none.")]
SegOpt = Annotated[str, typer.Option("--segmenter", help="jieba, or rjieba (pip install 'djextract[fast]').")]
UserDictOpt = Annotated[list[Path] | None, typer.Option("--user-dict", help="Extra jieba dictionary (repeatable).")]
DataDirOpt = Annotated[list[Path] | None, typer.Option("--data-dir", help="Folder of word lists that extend the "
                                                       "bundled ones, same file names (repeatable).")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Force an input encoding (e.g. gb18030).")]
GlobOpt = Annotated[list[str] | None, typer.Option("--glob", help="File patterns inside folders "
                                                   "(default: *.txt *.md *.htm *.html).")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl-input", help="Inputs are JSON lines, one document a record.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="Record field holding the text.")]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="Record field holding the document id.")]


def _err(console: Any, msg: str) -> None:
    if console is not None:
        console.print(msg, markup=False, highlight=False, soft_wrap=True)
    else:
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()


def _options(types: list[str] | None, convert: str, segmenter: str, user_dict: list[Path] | None,
             data_dir: list[Path] | None, facts: bool = False) -> Any:
    from . import extractors, lexicon
    from .convert import CONFIGS
    from .pipeline import Options
    from .segment import BACKENDS

    if convert not in CONFIGS:
        raise typer.BadParameter(f"choose one of {', '.join(CONFIGS)}", param_hint="--convert")
    if segmenter not in BACKENDS:
        raise typer.BadParameter(f"choose one of {', '.join(BACKENDS)}", param_hint="--segmenter")
    try:
        resolved = extractors.resolve(types)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--types") from None
    for d in data_dir or []:
        if not d.is_dir():
            raise typer.BadParameter(f"not a folder: {d}", param_hint="--data-dir")
        lexicon.add_data_dir(d)
    for f in user_dict or []:
        if not f.is_file():
            raise typer.BadParameter(f"not a file: {f}", param_hint="--user-dict")
    try:
        extractors.check_data(resolved)
    except lexicon.DataError as exc:
        _err(None, f"djextract: {exc}")
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    if segmenter == "rjieba":
        try:
            import rjieba  # noqa: F401
        except ImportError:
            raise typer.BadParameter("rjieba is not installed: pip install 'djextract[fast]'",
                                     param_hint="--segmenter") from None
    return Options(types=tuple(resolved), convert=convert, segmenter=segmenter,
                   user_dicts=tuple(str(f.resolve()) for f in user_dict or []), facts=facts)


def _paths(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        raise typer.BadParameter("give files or folders, or pipe text into djextract", param_hint="PATH")
    return ["-"]


class _Output:
    """Where mentions go: stdout or -o FILE; survives a closed pipe quietly."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stream = open(path, "w", encoding="utf-8", newline="\n") if path else sys.stdout  # noqa: SIM115

    def write(self, text: str) -> None:
        self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        if self.path:
            self.stream.close()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so interpreter shutdown stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _is_done(item: Any, output_dir: Path) -> bool:
    """--resume: an output newer than its input is complete (outputs only ever appear by rename)."""
    from . import batch

    out = batch.out_path(output_dir, item.rel)
    if not out.exists() or item.path is None:
        return False
    try:
        return out.stat().st_mtime >= os.stat(item.path).st_mtime
    except OSError:
        return False


@app.command()
def extract(
    paths: PathsArg = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    output_dir: Annotated[Path | None, typer.Option("--output-dir", help="One JSON-lines file per input, "
                                                    "mirroring the input tree, written atomically.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With --output-dir: skip inputs already done.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, table (for people) or csv.")] = "jsonl",
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One object per document instead of per mention.")]
    = False,
    types: TypesOpt = None,
    convert: ConvertOpt = "t2s",
    segmenter: SegOpt = "jieba",
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
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Run on Dask: tcp://HOST:PORT of a running "
                                                  "scheduler, or 'local' to start a LocalCluster of -j "
                                                  "workers (pip install 'djextract[dask]').")] = None,
) -> None:
    """Extract mentions from files, folders or stdin; JSON lines on stdout."""
    from . import batch
    from .render import CsvWriter, jsonl_line, mentions_table

    if fmt not in ("jsonl", "table", "csv"):
        raise typer.BadParameter("choose jsonl, table or csv", param_hint="--format")
    if resume and not output_dir:
        raise typer.BadParameter("--resume needs --output-dir", param_hint="--resume")
    opts = _options(types, convert, segmenter, user_dict, data_dir, facts=per_doc)
    plist = _paths(paths)
    n_jobs = jobs if jobs > 0 else batch.default_jobs()
    globs = tuple(glob) if glob else batch.DEFAULT_GLOBS
    items_iter = batch.iter_items(plist, globs, jsonl_input, text_field, id_field)
    show = progress if progress is not None else sys.stderr.isatty()
    items: Any = items_iter
    skipped = 0
    if show or resume:
        items = list(items_iter)
        if resume and output_dir:
            before = len(items)
            items = [it for it in items if not _is_done(it, output_dir)]
            skipped = before - len(items)
    if n_jobs > 1 and not show and not resume:
        items = list(items)  # a pool needs picklable items; listing paths is cheap
    n_jobs = min(n_jobs, max(len(items), 1)) if isinstance(items, list) else n_jobs

    from rich.console import Console

    err_console = Console(stderr=True, highlight=False) if show else None
    out = _Output(output) if not output_dir else None
    csv_writer = CsvWriter(out) if (fmt == "csv" and out) else None
    table_rows: list[dict[str, Any]] = []
    failures: list[str] = []
    bar = None
    task = None
    if show:
        bar, task = _progress_bar(err_console, items)
    streaming = out is not None and fmt == "jsonl" and not per_doc
    as_lines = streaming or (output_dir is not None and not per_doc)
    sink = out.write if streaming and n_jobs <= 1 else None
    client = None
    if scheduler:
        client, results = _dask_results(scheduler, n_jobs, list(items), opts, encoding, data_dir, per_doc,
                                        output_dir, as_lines)
    else:
        results = batch.run(items, opts, n_jobs, encoding, [str(d) for d in data_dir or []], as_lines, sink)
    try:
        for res in results:
            if res.error:
                line = f"djextract: {res.doc_id}: {res.error}"
                failures.append(line)
                _err(err_console, line)
            for w in res.warnings:
                _err(err_console, f"djextract: {res.doc_id}: warning: {w}")
            if output_dir:
                if not res.error and client is None:  # Dask workers write their own files
                    lines = [jsonl_line(batch.doc_record(res))] if per_doc else res.lines
                    batch.write_atomic(batch.out_path(output_dir, res.rel), lines)
            elif fmt == "table":
                table_rows.extend(res.mentions)
            elif csv_writer is not None:
                csv_writer.write(res.mentions)
                out.flush()
            elif per_doc:
                if not res.error:
                    out.write(jsonl_line(batch.doc_record(res)))
                    out.flush()
            else:
                out.write("".join(res.lines))  # empty when the sink already wrote them
                out.flush()
            if bar is not None:
                bar.update(task, advance=1, size=res.size, failures=len(failures))
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:  # the output itself failed (a full disk, an unwritable --output-dir)
        if bar is not None:
            bar.stop()
        where = f" {exc.filename}" if exc.filename else ""
        _err(None, f"djextract: cannot write output{where}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        if bar is not None:
            bar.stop()
        _err(None, "djextract: interrupted; every output written so far is complete")
        raise typer.Exit(130) from None
    finally:
        if bar is not None:
            bar.stop()
        if client is not None:
            _close_client(client)
    if output_dir is not None and output_dir.exists():
        batch.sweep_temp(output_dir)  # a killed worker's half-written file; its document was redone
    if fmt == "table" and out is not None:
        from rich.console import Console

        Console(file=out.stream if output else None).print(mentions_table(table_rows))
    if out is not None:
        out.close()
    if skipped:
        _err(None, f"djextract: resumed: {skipped} input(s) already done were skipped")
    if failures:
        if show:
            _err(None, f"djextract: {len(failures)} input(s) failed:")
            for line in failures:
                _err(None, "  " + line)
        else:
            _err(None, f"djextract: {len(failures)} input(s) failed (listed above); the others are complete")
        raise typer.Exit(EXIT_INPUT_FAILED)


def _dask_results(scheduler: str, n_jobs: int, items: list[Any], opts: Any, encoding: str | None,
                  data_dir: list[Path] | None, per_doc: bool, output_dir: Path | None,
                  as_lines: bool) -> tuple[Any, Any]:
    """Connect to Dask and stream results in input order (workers write --output-dir files)."""
    from . import dask as djdask

    try:
        djdask.require_dask()
    except ImportError:
        raise typer.BadParameter(djdask.INSTALL_HINT, param_hint="--scheduler") from None
    payload = djdask.Payload.build(opts, encoding, [str(d) for d in data_dir or []], per_doc,
                                   str(output_dir.resolve()) if output_dir else None, as_lines)
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
        def update(self, task_id: Any, **kw: Any) -> None:  # type: ignore[override]
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


@app.command("convert")
def convert_cmd(
    paths: PathsArg = None,
    convert: ConvertOpt = "t2s",
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    keep_layout: Annotated[bool, typer.Option("--keep-layout", help="Keep dropped lines as blank lines, so "
                                              "character offsets match the input.")] = False,
) -> None:
    """Print the cleaned, simplified text the extractors see."""
    import re

    from .pipeline import Options

    docs = _Documents(paths, glob, encoding, Options(convert=convert))
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
        from . import batch
        from .pipeline import prepare
        from .read import decode

        for item in batch.iter_items(self.paths, tuple(self.glob) if self.glob else batch.DEFAULT_GLOBS):
            text = _item_text(item, self.encoding, decode)
            if isinstance(text, Exception):
                self.failed += 1
                _err(None, f"djextract: {item.doc_id}: {text}")
                continue
            yield prepare(text, item.doc_id, self.opts, item.name)


class _quiet_pipe:  # noqa: N801 - used as a context manager
    """A reader that closed the pipe (`| head`) ends the command quietly, as a success."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if exc_type is BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0)
        return False


def _item_text(item: Any, encoding: str | None, decode: Any) -> Any:
    from .read import InputError

    if item.error:
        return InputError(item.error)
    if item.text is not None:
        return item.text
    try:
        with open(item.path, "rb") as fh:
            return decode(fh.read(), encoding).text
    except OSError as exc:
        return InputError(exc.strerror or str(exc))
    except InputError as exc:
        return exc


@app.command()
def segment(
    paths: PathsArg = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per sentence with its tokens.")] = False,
    convert: ConvertOpt = "t2s",
    segmenter: SegOpt = "jieba",
    user_dict: UserDictOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
) -> None:
    """Print sentences as space-joined tokens (or JSON lines), as the extractors see them."""
    from .pipeline import Options
    from .render import jsonl_line

    opts = _options(None, convert, segmenter, user_dict, None)
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


def _records_and_reports(paths: list[str], jobs: int) -> tuple[list[dict[str, Any]], int]:
    """Records of earlier output among the paths, plus the mentions of the reports among them.

    Returns the records and the number of inputs that failed (each reported on stderr).
    """
    from . import batch
    from .pipeline import Options
    from .records import split_inputs

    inputs = split_inputs(paths)
    for line in inputs.errors:
        _err(None, f"djextract: {line}")
    failed = len(inputs.errors)
    items = inputs.items()
    records = inputs.records
    if items:
        for res in batch.run(items, Options(), min(jobs if jobs > 0 else batch.default_jobs(), len(items))):
            if res.error:
                failed += 1
                _err(None, f"djextract: {res.doc_id}: {res.error}")
            records.extend(res.mentions)
    return records, failed


@app.command()
def stats(
    paths: PathsArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    top: Annotated[int, typer.Option("--top", help="Rows in the top-bodies and top-programmes tables.")] = 15,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes when extracting.")] = 0,
) -> None:
    """Summarise mentions (a JSON-lines file of them, or reports to extract first)."""
    from .stats import render_tables, summarize

    mentions, failed = _records_and_reports(_paths(paths), jobs)
    summary = summarize(mentions, top=top)
    if fmt == "table":
        from rich.console import Console

        console = Console()
        for table in render_tables(summary):
            console.print(table)
    elif fmt == "jsonl":
        from .render import jsonl_line

        for name, rows in summary.items():
            for r in rows:
                sys.stdout.write(jsonl_line({"table": name, **r}))
    elif fmt == "csv":
        from .render import to_csv_string

        for name, rows in summary.items():
            if rows:
                sys.stdout.write(f"# {name}\n" + to_csv_string(rows, list(rows[0])))
    else:
        raise typer.BadParameter("choose table, jsonl or csv", param_hint="--format")
    if failed:
        raise typer.Exit(EXIT_INPUT_FAILED)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold annotations, one document a line (spec §5).")],
    pred: Annotated[list[str] | None, typer.Argument(help="Mentions (JSON lines), or reports to extract "
                                                     "(default: samples/).", show_default=False)] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses (FN) and false hits (FP).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Scores as one JSON object (for CI).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes when extracting.")] = 0,
) -> None:
    """Score mentions against gold annotations: precision, recall and F1 per type."""
    import json

    from .evaluate import group_predictions, load_gold, score

    if not gold.is_file():
        raise typer.BadParameter(f"not a file: {gold}", param_hint="GOLD")
    g = load_gold(gold.read_text(encoding="utf-8").splitlines())
    mentions, failed = _records_and_reports(pred or ["samples"], jobs)
    result, errs = score(g, group_predictions(mentions, set(g)))
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


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema (draft 2020-12) of one line of `djextract extract` output.

    Example: djextract schema > mention.schema.json
    """
    import json

    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command("check-data")
def check_data_cmd(
    folders: Annotated[list[Path], typer.Argument(help="Folders of word lists that extend the bundled ones.")],
) -> None:
    """Check a folder of data files against the bundled tables' schemas: FILE:LINE: why, exit 2 on an error.

    Example: djextract check-data my_rules/
    """
    from . import extractors, lexicon

    for d in folders:
        if not d.is_dir():
            raise typer.BadParameter(f"not a folder: {d}", param_hint="FOLDER")
        lexicon.add_data_dir(d)
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
