"""Outputs for the tools researchers use: Parquet, CSV for Excel, chosen fields, provenance, resume, usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from djextract.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "001_ef65da3b0adb5945.txt"


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# ---- usage errors instead of silently ignored combinations ---------------------------------------


@pytest.mark.parametrize("args, hint", [
    (["-o", "x.jsonl", "--output-dir", "d"], "--output"),
    (["--output-dir", "d", "-f", "csv"], "--format"),
    (["-f", "parquet"], "--format"),
    (["--resume"], "--resume"),
    (["--bom"], "--bom"),
    (["--encoding", "klingon"], "--encoding"),
    (["--fields", "doc,nonsense"], "--fields"),
    (["--per-doc", "--fields", "doc"], "--fields"),
    (["-f", "table", "--fields", "doc,text"], "--fields"),
    (["--keep-fields", "url"], "--keep-fields"),
    (["--jsonl-input", "--keep-fields", "type"], "--keep-fields"),
])
def test_conflicting_or_wrong_options_are_usage_errors(tmp_path, args, hint):
    r = run("extract", str(SAMPLE), *args)
    assert r.exit_code == 2 and hint in r.output, r.output
    assert r.stdout.strip() == "" or "Usage" in r.output
    assert not (tmp_path / "d").exists() and not Path("x.jsonl").exists()


def test_dash_output_is_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("extract", str(SAMPLE), "-o", "-", "-t", "figure")
    assert r.exit_code == 0 and lines(r.stdout) and not (tmp_path / "-").exists()


def test_a_selection_that_matches_nothing_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("党员50人", encoding="utf-8")
    r = run("extract", str(tmp_path), "--glob", "*.TXT")
    assert r.exit_code == 1 and "no input" in r.stderr and "*.TXT" in r.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("extract", str(empty)).exit_code == 1
    (tmp_path / "b.html").write_text("<p>党支部62个</p>", encoding="utf-8")
    r = run("extract", str(tmp_path), "--glob", "*.html,*.txt", "-t", "figure", "-j", "1")
    assert r.exit_code == 0 and sorted(m["doc"] for m in lines(r.stdout)) == ["a.txt", "b.html"]


def test_help_has_short_flag_choices_and_examples():
    r = run("extract", "-h")
    assert r.exit_code == 0
    assert "jsonl|csv|table|parquet" in r.stdout and "Examples:" in r.stdout
    assert "already simplified" in " ".join(r.stdout.split())  # --convert none is for simplified input
    top = run("-h").stdout
    assert "..." not in top.split("Commands:")[1]  # no command's description is cut off


def test_shell_completion_script_is_generated():
    r = subprocess.run([sys.executable, "-c", "from djextract.cli import main; main()", "--show-completion",
                        "bash"], capture_output=True, text=True, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION":
                                                                      "1", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0 and "complete" in r.stdout and "COMP_WORDS" in r.stdout, r.stderr


# ---- Parquet, CSV for Excel ----------------------------------------------------------------------


def test_parquet_is_typed_and_reads_back_in_pyarrow_and_duckdb(tmp_path, samples_dir):
    pq = pytest.importorskip("pyarrow.parquet")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "m.parquet"
    r = run("extract", str(samples_dir), "-f", "parquet", "-o", str(out), "-j", "1")
    assert r.exit_code == 0 and out.exists() and not (tmp_path / "m.parquet.part").exists()
    table = pq.read_table(out)
    types = {f.name: str(f.type) for f in table.schema}
    assert types["value"] == "double" and types["value_max"] == "double" and types["start"] == "int64"
    assert types["owner"] == "string" and types["post"] == "string"
    jsonl = lines(run("extract", str(samples_dir), "-j", "1").stdout)
    assert table.num_rows == len(jsonl)
    n = duckdb.sql(f"select count(*) from '{out}' where category = 'party_members' and value = 7514").fetchall()[0]
    assert n == (1,)
    docs = tmp_path / "d.parquet"
    assert run("extract", str(samples_dir), "--per-doc", "-f", "parquet", "-o", str(docs)).exit_code == 0
    rows = duckdb.sql(f"select doc, province, city, figures from '{docs}' order by doc").fetchall()
    assert rows[1] == ("001_ef65da3b0adb5945.txt", "海南省", "文昌市", 44)
    joined = duckdb.sql(f"select d.city, count(*) from '{out}' m join '{docs}' d using (doc) "
                        "where m.type = 'body' group by d.city order by d.city").fetchall()
    assert ("文昌市", 20) in joined


def test_csv_for_excel_has_a_bom_and_crlf(tmp_path):
    out = tmp_path / "m.csv"
    assert run("extract", str(SAMPLE), "-f", "csv", "--bom", "-o", str(out), "-t", "figure").exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdoc,type,text,") and b"\r\n" in data
    import csv

    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["type"] == "figure" and "value_max" in rows[0]


def test_per_doc_csv_is_one_row_a_document(samples_dir):
    r = run("extract", str(samples_dir), "--per-doc", "-f", "csv", "-j", "1")
    header, *rows = r.stdout.splitlines()
    assert header.startswith("doc,chars,encoding,script,warnings,province,city,county,") and len(rows) == 4


def test_stats_csv_is_one_table(samples_dir):
    r = run("stats", str(samples_dir), "-f", "csv")
    assert r.exit_code == 2 and "--table" in r.output
    r = run("stats", str(samples_dir), "-f", "csv", "--table", "by_city", "-j", "1")
    header, *rows = r.stdout.splitlines()
    assert header == "province,province_code,city,city_code,documents,party_members,party_organizations,funding"
    assert "海南省,46,文昌市,469005,1,7514," in "\n".join(rows)


# ---- fields, metadata, provenance --------------------------------------------------------------


def test_fields_and_no_sentence():
    r = run("extract", str(SAMPLE), "-t", "figure", "--fields", "doc,text,value")
    assert r.exit_code == 0 and all(list(m) == ["doc", "text", "value"] for m in lines(r.stdout))
    r = run("extract", str(SAMPLE), "--no-sentence")
    assert all("sentence" not in m and "start" in m for m in lines(r.stdout))


def test_keep_fields_and_dotted_text_field(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"meta": {"url": "http://a/1", "year": 2021}, "data": {"content": "党员50人"},
                               "id": "a1"}, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("extract", str(src), "--jsonl-input", "--text-field", "data.content", "--keep-fields", "meta.url,meta.year")
    got = lines(r.stdout)
    assert r.exit_code == 0 and got[0]["doc"] == "a1" and got[0]["meta.url"] == "http://a/1"
    assert got[0]["meta.year"] == 2021 and got[0]["value"] == 50
    r = run("extract", str(src), "--jsonl-input", "--text-field", "data.content", "--keep-fields", "meta.year",
            "--per-doc")
    assert lines(r.stdout)[0]["meta.year"] == 2021


def test_per_doc_records_say_what_produced_them():
    rec = lines(run("extract", str(SAMPLE), "--per-doc", "-t", "figure").stdout)[0]
    assert rec["djextract"]["version"] and rec["djextract"]["options"]["types"] == ["figure"]


# ---- output folders and files -------------------------------------------------------------------


def test_duplicate_record_ids_do_not_overwrite(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text('{"id": "x", "text": "党员50人"}\n{"id": "x", "text": "党支部62个"}\n', encoding="utf-8")
    out = tmp_path / "out"
    r = run("extract", str(src), "--jsonl-input", "--output-dir", str(out), "-j", "1")
    assert r.exit_code == 0 and "x~2.jsonl" in r.stderr
    assert [m["value"] for m in lines((out / "x.jsonl").read_text(encoding="utf-8"))] == [50]
    assert [m["value"] for m in lines((out / "x~2.jsonl").read_text(encoding="utf-8"))] == [62]


def test_resume_redoes_what_other_options_or_a_changed_input_made(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("党员50人", encoding="utf-8")
    (src / "b.txt").write_text("市教育局党委新成立党支部62个", encoding="utf-8")
    out = tmp_path / "out"
    assert run("extract", str(src), "--output-dir", str(out), "-t", "figure", "-j", "1").exit_code == 0
    r = run("extract", str(src), "--output-dir", str(out), "-t", "figure", "--resume", "-j", "1")
    assert "2 input(s) already done" in r.stderr
    r = run("extract", str(src), "--output-dir", str(out), "-t", "figure,body", "--resume", "-j", "1")
    assert "already done" not in r.stderr  # other types: everything is redone
    assert any(m["type"] == "body" for m in lines((out / "b.txt.jsonl").read_text(encoding="utf-8")))
    time.sleep(0.01)
    (src / "a.txt").write_text("党员51人", encoding="utf-8")
    r = run("extract", str(src), "--output-dir", str(out), "-t", "figure,body", "--resume", "-j", "1")
    assert "1 input(s) already done" in r.stderr
    assert [m["value"] for m in lines((out / "a.txt.jsonl").read_text(encoding="utf-8"))] == [51]
    manifest = lines((out / ".djextract-manifest").read_text(encoding="utf-8"))
    assert manifest[-1]["output"] == "a.txt.jsonl" and "figure" in manifest[-1]["options"]["types"]
    assert not list(out.glob("*.part"))


def test_an_interrupted_output_file_is_left_as_part(tmp_path, interrupted):
    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    code, err = interrupted(["-o", str(out), "-j", "2"], lambda: part.exists() and part.stat().st_size >= 10_000)
    assert code == 130 and "out.jsonl.part" in err
    assert not out.exists() and part.exists()
    docs = [json.loads(line)["doc"] for line in part.read_text(encoding="utf-8").splitlines()]
    assert docs  # whole lines only


# ---- what a run says --------------------------------------------------------------------------


def test_quiet_warnings_file_and_summary(tmp_path, samples_dir):
    r = run("extract", str(samples_dir), "-q", "-j", "1")
    assert r.exit_code == 0 and r.stderr == ""
    log = tmp_path / "w.log"
    r = run("extract", str(samples_dir), "--warnings", str(log), "--summary", "-t", "figure", "-j", "1")
    assert "garbled text excluded" in log.read_text(encoding="utf-8") and "garbled" not in r.stderr
    assert "4 document(s), 0 failed, 1 warning(s); 188 mentions (188 figures)" in r.stderr


def test_eval_scores_a_report_piped_in(gold_path, samples_dir):
    report = (samples_dir / "001_ef65da3b0adb5945.txt").read_bytes()
    r = run("eval", str(gold_path), "-", "--json", "--stdin-name", "001_ef65da3b0adb5945.txt", input=report)
    scores = json.loads(r.stdout)
    assert r.exit_code == 0 and scores["figures"]["pred"] > 0 and scores["figures"]["tp"] > 0
    r = run("eval", str(gold_path), "-", "--json", input=report)
    assert "--stdin-name" in r.stderr


# ---- field reference ------------------------------------------------------------------------------


def test_the_field_reference_in_docs_is_current():
    from djextract.schema import field_reference

    assert (ROOT / "docs" / "fields.md").read_text(encoding="utf-8") == field_reference(), (
        "run: djextract schema -f markdown > docs/fields.md")


def test_the_per_doc_schema_validates_per_doc_output(samples_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema", "--per-doc").stdout)
    for rec in lines(run("extract", str(samples_dir), "--per-doc", "-j", "1").stdout):
        jsonschema.validate(rec, schema)


def test_the_readme_duckdb_query_runs(tmp_path, samples_dir, monkeypatch):
    import re

    duckdb = pytest.importorskip("duckdb")
    monkeypatch.chdir(tmp_path)
    assert run("extract", str(samples_dir), "-f", "parquet", "-o", "mentions.parquet").exit_code == 0
    assert run("extract", str(samples_dir), "--per-doc", "-f", "parquet", "-o", "documents.parquet").exit_code == 0
    sql = re.search(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    rows = duckdb.sql(sql).fetchall()
    assert rows[0][:3] == ("海南省", "46", 3) and rows[0][3] >= 7514


def test_convert_none_on_traditional_text_warns():
    r = run("extract", "--convert", "none", "-t", "figure", "-", input="市教育局黨委新成立黨支部62個，發展黨員278名。")
    assert r.exit_code == 0 and "looks traditional" in r.stderr and "--convert t2s" in r.stderr
    r = run("extract", "--convert", "none", "-t", "figure", "-", input="市教育局党委新成立党支部62个")
    assert "looks traditional" not in r.stderr
