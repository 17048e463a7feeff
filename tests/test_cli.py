"""The command line through Typer's runner and as a real process: outputs, formats and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from djextract.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data"


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("djextract ")


def test_extract_samples_folder(samples_dir):
    r = run("extract", str(samples_dir), "-j", "1")
    assert r.exit_code == 0
    ms = lines(r.stdout)
    docs = [m["doc"] for m in ms]
    assert docs == sorted(docs)  # documents in input (sorted) order, relative to the folder
    assert set(docs) == {p.name for p in samples_dir.glob("*.txt")}
    for m in ms:
        for key in ("doc", "type", "text", "source_text", "start", "end", "sentence"):
            assert key in m
    assert {m["type"] for m in ms} == {"body", "figure", "programme", "person", "document"}
    assert "garbled" in r.stderr


def test_jobs_do_not_change_the_output(samples_dir):
    one = run("extract", str(samples_dir), "-j", "1").stdout
    two = run("extract", str(samples_dir), "-j", "2").stdout
    assert one == two


def test_a_data_folder_reaches_worker_processes_inside_the_options(tmp_path):
    for i in range(3):
        (tmp_path / "in" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.txt").write_text("将那受村和青法村打造为农村党建示范点", encoding="utf-8")
    data = tmp_path / "rules" / "segment" / "dictionary.txt"
    data.parent.mkdir(parents=True)
    data.write_text("那受村 1000 ns\n", encoding="utf-8")
    args = ["extract", str(tmp_path / "in"), "--types", "body", "--data-dir", str(tmp_path / "rules")]
    one, two = run(*args, "-j", "1").stdout, run(*args, "-j", "2").stdout
    assert one == two and [m["name"] for m in lines(two)] == ["那受村", "青法村"] * 3
    assert [m["name"] for m in lines(run(*args[:-2], "-j", "2").stdout)] == ["青法村"] * 3


def test_types_and_table_and_csv(samples_dir):
    r = run("extract", str(samples_dir / "001_ef65da3b0adb5945.txt"), "--types", "figure")
    assert {m["type"] for m in lines(r.stdout)} == {"figure"}
    r = run("extract", str(samples_dir / "001_ef65da3b0adb5945.txt"), "--format", "table")
    assert r.exit_code == 0 and "7514人" in r.stdout
    r = run("extract", str(samples_dir / "001_ef65da3b0adb5945.txt"), "--format", "csv")
    assert r.stdout.splitlines()[0].startswith("doc,type,text")
    r = run("extract", str(samples_dir), "--types", "nonsense")
    assert r.exit_code != 0


def test_stdin_and_dash():
    r = run("extract", input="市教育局党委新成立党支部62个")
    assert r.exit_code == 0
    ms = lines(r.stdout)
    assert {m["doc"] for m in ms} == {"-"} and {m["type"] for m in ms} == {"body", "figure"}
    r = run("extract", "-", input="党员7514人".encode("gb18030"))
    assert [m["value"] for m in lines(r.stdout)] == [7514]


def test_jsonl_input():
    recs = "\n".join(json.dumps({"url": f"u{i}", "content": t}, ensure_ascii=False)
                     for i, t in enumerate(["党员7514人", "新成立党支部62个"]))
    r = run("extract", "-", "--jsonl-input", "--text-field", "content", "--id-field", "url", input=recs)
    assert [(m["doc"], m["value"]) for m in lines(r.stdout)] == [("u0", 7514), ("u1", 62)]


def test_per_doc(samples_dir):
    r = run("extract", str(samples_dir / "003_9c84215d641f02e6.txt"), "--per-doc")
    [rec] = lines(r.stdout)
    assert rec["script"] == "traditional" and rec["encoding"].startswith("utf-8")
    assert rec["warnings"] and rec["bodies"] and rec["figures"] and rec["programmes"]


def test_bad_inputs_fail_alone(tmp_path, samples_dir):
    good = tmp_path / "good.txt"
    good.write_text("新成立党支部62个", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "", "-o", str(out), "-j", "1")
    assert r.exit_code == 2
    err = r.stderr.splitlines()
    assert any("binary.txt: binary file" in e for e in err)
    assert any("missing.txt: no such file or folder" in e for e in err)
    assert any("'': an empty path" in e for e in err)  # not the current folder, walked
    assert any("dangling.txt" in e for e in err)
    assert not any("empty.txt" in e for e in err)
    assert all(e.startswith("djextract: ") for e in err)
    assert [m["value"] for m in lines(out.read_text(encoding="utf-8"))] == [62]


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    from djextract import batch
    from djextract.pipeline import Options

    f = tmp_path / "locked.txt"
    f.write_text("党员50人", encoding="utf-8")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    res = batch.process_item(batch.Item("locked.txt", path=str(f)), Options())
    assert res.error == "permission denied" and not res.mentions


def test_wrong_forced_encoding(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("党员7514人".encode("gb18030"))
    r = run("extract", str(f), "--encoding", "utf-8")
    assert r.exit_code == 2 and "cannot decode as utf-8" in r.stderr
    r = run("extract", str(f))
    assert r.exit_code == 0 and [m["value"] for m in lines(r.stdout)] == [7514]


def test_output_dir_and_resume(tmp_path, samples_dir):
    out = tmp_path / "out"
    r = run("extract", str(samples_dir), "--output-dir", str(out), "-j", "1")
    assert r.exit_code == 0
    files = sorted(p.name for p in out.rglob("*.jsonl"))
    assert files == sorted(p.name + ".jsonl" for p in samples_dir.glob("*.txt"))
    assert not list(out.rglob("*.tmp"))
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*.jsonl")}
    r = run("extract", str(samples_dir), "--output-dir", str(out), "--resume", "-j", "1")
    assert r.exit_code == 0 and "4 input(s) already done" in r.stderr
    assert stamp == {p: p.stat().st_mtime_ns for p in out.rglob("*.jsonl")}


def test_convert_and_segment(samples_dir):
    r = run("convert", str(samples_dir / "003_9c84215d641f02e6.txt"))
    assert r.exit_code == 0 and "以高质量党建引领海曙一流强区建设" in r.stdout and "鶎" not in r.stdout
    r = run("segment", "-", "--jsonl", input="市教育局党委新成立党支部62个。")
    [rec] = lines(r.stdout)
    assert "党支部" in rec["tokens"] and "".join(rec["tokens"]) == "市教育局党委新成立党支部62个。"


def test_stats_and_eval(tmp_path, samples_dir, gold_path):
    out = tmp_path / "out.jsonl"
    assert run("extract", str(samples_dir), "-o", str(out)).exit_code == 0
    r = run("stats", str(out), "--format", "jsonl")
    rows = lines(r.stdout)
    assert {row["table"] for row in rows} == {"per_document", "by_province", "by_city", "top_bodies",
                                             "top_programmes", "figures_by_category", "persons", "top_documents"}
    members = {row["doc"]: row["party_members"] for row in rows if row["table"] == "per_document"}
    assert members["001_ef65da3b0adb5945.txt"] == 7514  # the stated total, not a sum of its figures
    assert [row["province"] for row in rows if row["table"] == "by_province"] == ["(unknown)"]  # no places in
    # mention lines
    r = run("stats", str(out))
    assert "Figures by category" in r.stdout
    r = run("eval", str(gold_path), str(out), "--json")
    scores = json.loads(r.stdout)
    assert scores["figures"]["f1"] >= 0.95


GOLD_SETS = {"dev": (SAMPLES, DATA / "dev_gold.jsonl"), "dev2": (DATA / "dev2" / "docs", DATA / "dev2" / "gold.jsonl"),
             "dev3": (DATA / "dev3" / "docs", DATA / "dev3" / "gold.jsonl")}


@pytest.mark.parametrize("per_doc", [False, True])
@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_eval_matches_the_reference_scorer(tmp_path, name, per_doc):
    scorer = ROOT.parent / "shared" / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("reference scorer not present beside the repository")
    docs, gold = GOLD_SETS[name]
    out = tmp_path / "out.jsonl"
    run("extract", str(docs), "-o", str(out), *(["--per-doc"] if per_doc else []))
    ref = json.loads(subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    ours = json.loads(run("eval", str(gold), str(out), "--json").stdout)
    assert ours == ref
    assert {"persons", "documents", "place"} <= set(ours)


def _djextract() -> list[str]:
    exe = Path(sys.executable).with_name("djextract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "djextract.cli"]


def test_help_is_fast_and_does_not_import_heavy_modules():
    code = ("import sys, time; t=time.perf_counter(); sys.argv=['djextract','--help'];\n"
            "from djextract.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "assert 'jieba' not in sys.modules and 'opencc' not in sys.modules, 'heavy import'\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    t = time.perf_counter()
    subprocess.run(_djextract() + ["--help"], capture_output=True, check=True)
    assert time.perf_counter() - t < 1.5  # generous for CI; the benchmark reports the real figure


def test_a_run_does_not_import_pydantic(tmp_path):
    # typer from 0.29 parses every option through pydantic: 85 ms more per process, paid before any worker starts
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = (f"import sys; sys.argv=['djextract','extract',{str(empty)!r},'-j','2','--types','body'];\n"
            "from djextract.cli import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'pydantic' not in sys.modules, 'pydantic imported'\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_closed_pipe_ends_quietly(tmp_path, samples_dir):
    big = tmp_path / "big"
    big.mkdir()
    for i in range(30):
        (big / f"{i:03d}.txt").write_text((samples_dir / "002_e6ce74bfb9ddebab.txt").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    cmd = " ".join(_djextract()) + f" extract {big} | head -1"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True,
                       env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert r.stdout.count("\n") == 1
    assert "Traceback" not in r.stderr and "Error" not in r.stderr


def test_progress_goes_to_stderr_only(samples_dir):
    r = run("extract", str(samples_dir), "--progress", "-j", "1")
    assert r.exit_code == 0
    for line in r.stdout.splitlines():
        json.loads(line)  # nothing but JSON lines on stdout
    assert "extracting" in r.stderr
    bar = next(line for line in r.stderr.splitlines() if "extracting" in line)
    assert "4/4" in bar and "KB" in bar and "MB/s" in bar and "failures: 0" in bar
    assert len(bar.rstrip()) <= 80  # one line on an 80-column terminal


def test_a_file_that_vanishes_mid_run(tmp_path):
    from djextract import batch
    from djextract.pipeline import Options

    for name, text in (("a.txt", "党员50人"), ("b.txt", "党支部6个"), ("c.txt", "入党积极分子10名")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    items = list(batch.iter_items([str(tmp_path)]))
    (tmp_path / "b.txt").unlink()
    results = list(batch.run(items, Options(), jobs=2))
    assert [r.doc_id for r in results] == ["a.txt", "b.txt", "c.txt"]
    assert results[1].error == "no such file (it may have been removed)"
    assert [r.mentions[0]["value"] for r in (results[0], results[2])] == [50, 10]


def test_failures_are_summarised_at_the_end(tmp_path):
    (tmp_path / "ok.txt").write_text("党员50人", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = run("extract", str(tmp_path), "-j", "1")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == "djextract: 1 input(s) failed (listed above); the others are complete"


def test_interrupt_leaves_only_complete_files(tmp_path, interrupted):
    out = tmp_path / "out"
    code, err = interrupted(["--output-dir", str(out), "-j", "2"], lambda: len(list(out.rglob("*.jsonl"))) >= 5)
    assert code == 130, err
    assert "Traceback" not in err
    files = list(out.rglob("*.jsonl"))
    assert 5 <= len(files) < 200
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    sizes = {len(p.read_text(encoding="utf-8").splitlines()) for p in files}
    assert len(sizes) == 1  # every file written is complete (all inputs are the same report)
    for p in files:
        for line in p.read_text(encoding="utf-8").splitlines():
            json.loads(line)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly_for_one_file_and_one_job(samples_dir, jobs):
    # with one job the lines are written while the document is being extracted
    sample = samples_dir / "002_e6ce74bfb9ddebab.txt"
    cmd = " ".join(_djextract()) + f" extract -j {jobs} {sample} {sample} | head -1"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True,
                       env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1
    assert r.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_output_that_cannot_be_written_is_one_clear_error(samples_dir):
    sample = str(samples_dir / "000_c10597827387cbb7.txt")
    r = subprocess.run([*_djextract(), "extract", "-j", "1", "-o", "/dev/full", sample], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == "djextract: cannot write output: No space left on device"
    assert "Traceback" not in r.stderr


def test_the_schema_validates_the_samples_output(samples_dir):
    import jsonschema

    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    ms = lines(run("extract", str(samples_dir)).stdout)
    assert {m["type"] for m in ms} == {"body", "figure", "programme", "person", "document"}
    for m in ms:
        validator.validate(m)
    bad = dict(ms[0], kind="planet")
    assert not validator.is_valid(bad)


def test_stats_from_stdin_report_and_mixed_inputs(tmp_path, samples_dir):
    report = (samples_dir / "000_c10597827387cbb7.txt").read_text(encoding="utf-8")
    r = run("stats", "-f", "jsonl", input=report)  # a report on stdin is extracted, not taken for mentions
    rows = lines(r.stdout)
    assert r.exit_code == 0 and any(row["table"] == "persons" for row in rows)
    out = tmp_path / "out.jsonl"
    run("extract", str(samples_dir / "001_ef65da3b0adb5945.txt"), "-o", str(out))
    r = run("stats", "-f", "jsonl", str(out), str(samples_dir / "000_c10597827387cbb7.txt"))
    docs = {row["doc"] for row in lines(r.stdout) if row["table"] == "per_document"}
    assert docs == {str(samples_dir / "001_ef65da3b0adb5945.txt"), str(samples_dir / "000_c10597827387cbb7.txt")}
    out.write_text(out.read_text(encoding="utf-8") + "{broken\n", encoding="utf-8")
    r = run("stats", str(out))
    assert r.exit_code == 2 and f"{out}:" in r.output  # a broken line is named, not skipped silently


def test_a_broken_data_folder_stops_before_any_document(tmp_path, samples_dir):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "persons/cues.tsv").parent.mkdir(parents=True, exist_ok=True)
    (d / "persons/cues.tsv").write_text("cue\twhere\tgives\n张某\tbefore\tnonee\n", encoding="utf-8")
    r = run("check-data", str(d))
    assert r.exit_code == 2 and "persons/cues.tsv:2: unknown gives 'nonee'" in r.output
    r = run("extract", str(samples_dir), "--data-dir", str(d))
    assert r.exit_code == 2 and r.stdout.strip().count("\n") == 0
    (d / "persons/cues.tsv").parent.mkdir(parents=True, exist_ok=True)
    (d / "persons/cues.tsv").write_text("cue\twhere\tgives\n街坊\tbefore\tnone\n", encoding="utf-8")
    assert run("check-data", str(d)).exit_code == 0


@pytest.mark.parametrize(("name", "content", "error"), [
    ("bodies/heads.tsv", "head\tkind\tflags\n合作联社\tenterprise\talon\n",
     "bodies/heads.tsv:2: unknown flag 'alon' (alone, sub, place, of, branch)"),
    ("bodies/heads.tsv", "合作联社\tenterprise\n", "bodies/heads.tsv:1: the header must be head TAB kind TAB flags"),
    ("figures/qualifiers.tsv", "word\tqualifier\tposition\n超过\tover\n",
     "figures/qualifiers.tsv:2: the position is empty (before, before-bare, middle, after)"),
    ("figures/counted.tsv", "counted\tcategory\tposition\n网格员\tpeeple\n",
     "figures/counted.tsv:2: unknown category 'peeple'"),
    ("figures/units.tsv", "unit\tclass\tscript\n亩\tarea\tarabic\textra\n",
     "figures/units.tsv:2: 4 fields, the table has 3"),
    ("segment/tags.tsv", "茫崖\tns\n", "segment/tags.tsv:1: the header must be word TAB tag"),
    ("bodies/heads.tsv", "head\tkind\tflags\n合作联社\tenterprise\n合作联社\tinstitution\n",
     "bodies/heads.tsv:3: '合作联社' is written again (first at line 2)"),
    ("body_head.tsv", "head\tkind\tflags\n", "body_head.tsv: no bundled data file has this name, so it would "
     "extend nothing (did you mean bodies/heads.tsv?)"),
])
def test_every_table_is_checked_before_any_document(tmp_path, samples_dir, name, content, error):

    d = tmp_path / "rules"
    d.mkdir()
    (d / name).parent.mkdir(parents=True, exist_ok=True)
    (d / name).write_text(content, encoding="utf-8")
    r = run("check-data", str(d))
    assert r.exit_code == 2 and r.output.startswith(f"djextract: {d / name}{error.removeprefix(name)}"), r.output
    r = run("extract", str(samples_dir), "--data-dir", str(d))
    assert r.exit_code == 2 and error in r.output and r.stdout.count("\n") <= 1
