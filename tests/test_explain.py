"""`djextract explain`: the rules behind each mention and each rejected candidate, with their data lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from djextract.cli import app
from djextract.extractors import bodies
from djextract.pipeline import Options, process

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "djextract" / "data"
TEXT = "海棠区委组织部联合各党支部开展活动，市教育局党委新成立党支部62个。"


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def records(*args: str) -> list[dict]:
    r = run("explain", *args, "--json")
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.stdout.splitlines()]


def data_line(ref: str) -> str:
    """The first field of the data line a FILE:LINE reference points at."""
    where, lineno = ref.split(" ")[0].rsplit(":", 1)
    path = DATA / where.removeprefix("data/") if where.startswith("data/") else Path(where)
    return path.read_text(encoding="utf-8").splitlines()[int(lineno) - 1].split("\t")[0]


def test_text_shows_kept_and_rejected_with_their_rules():
    r = run("explain", TEXT, "--types", "body")
    assert r.exit_code == 0
    out = r.stdout
    assert "✓ body 海棠区委组织部" in out and "✓ body 市教育局党委" in out
    assert "✗ body 党支部" in out and "generic quantifier" in out and "data/bodies/quantifiers.txt:" in out
    assert "– body 海棠区委" in out and "inside longer name" in out  # found, then covered by a longer name


def test_json_records_name_the_data_lines_that_fired():
    recs = records(TEXT, "--types", "body")
    rejected = [r for r in recs if r["outcome"] == "rejected"]
    assert len(rejected) == 2
    first = rejected[0]
    assert first["text"] == "党支部" and first["rules"][-1]["rule"] == "generic quantifier"
    assert first["rules"][-1]["act"] == "reject" and first["rules"][-1]["word"] == "各"
    assert [data_line(ref) for ref in first["rules"][-1]["data"]] == ["各"]
    assert [data_line(ref) for ref in first["anchor_data"]] == ["党支部"]
    generic = rejected[1]["rules"][-1]
    assert generic["stage"] == "veto" and generic["rule"] == "generic name"
    assert [data_line(ref) for ref in generic["data"]] == ["党支部"]
    kept = [r for r in recs if r["outcome"] == "kept"]
    assert [r["name"] for r in kept] == ["海棠区委组织部", "市教育局党委"]


@pytest.mark.parametrize("type_", ["body", "figure", "programme", "person", "document"])
def test_kept_candidates_are_exactly_the_extracted_mentions(samples_dir, type_):
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, mentions = process(text, "-", Options(types=(type_,)))
        want = [(m.start, m.end) for m in mentions]
        got = [(r["start"], r["end"]) for r in records(str(path), "--types", type_, "--kept-only")
               if r["type"] == type_]
        assert got == want, path.name


def test_figures_are_traced_stage_by_stage():
    recs = records("投入40万元至50万元，第3名。", "--types", "figure")
    kept = [r for r in recs if r["outcome"] == "kept"]
    assert [r["text"] for r in kept] == ["40万元至50万元"]
    assert any(r["outcome"] == "dropped" and r["rules"][-1]["rule"] == "range written twice" for r in recs)
    rank = next(r for r in recs if r["text"] == "3名")
    assert rank["outcome"] == "rejected" and rank["rules"][-1]["rule"] == "ordinal"
    assert any(ref.endswith(" 第") for ref in rank["rules"][-1]["data"])  # the ordinal marker's data line


def test_documents_and_persons_are_traced():
    recs = records("海棠区委书记鲁正兰认真学习《中国共产党章程》和《ABC》。", "--types", "person,document")
    person = next(r for r in recs if r["type"] == "person")
    assert person["fields"] == {"name": "鲁正兰", "post": "书记", "body": "海棠区委"}
    assert [e["rule"] for e in person["rules"]] == ["post before"]
    charter = next(r for r in recs if r["text"] == "《中国共产党章程》")
    assert charter["fields"]["kind"] == "regulation" and charter["rules"][-1]["rule"] == "kind from the ending"
    assert next(r for r in recs if r["text"] == "《ABC》")["outcome"] == "rejected"


def test_programmes_are_traced_with_their_evidence():
    recs = records("打造“红色物业”品牌，推行四亮工程，大家都说“好”。", "--types", "programme")
    red = next(r for r in recs if r["text"] == "“红色物业”")
    assert red["outcome"] == "kept" and [e["rule"] for e in red["rules"]] == ["head after"]
    assert red["fields"] == {"name": "红色物业", "kind": "brand", "head": "品牌"}
    assert any(r["text"] == "四亮工程" and r["rules"][0]["rule"] == "unquoted name" for r in recs)
    good = next(r for r in recs if r["text"] == "“好”")
    assert good["outcome"] == "rejected" and good["rules"][-1]["rule"] == "no evidence"


def test_rules_are_listed_stage_by_stage_in_run_order():
    out = run("explain", "--rules", "--types", "body").stdout.splitlines()
    assert out[0] == "body open:"
    walk = out.index("body walk:")
    names = [line.split(". ", 1)[1].split(":")[0] for line in out[walk + 1: walk + 1 + len(bodies.WALK)]]
    assert names == [lexicon_free(f) for f in bodies.WALK]
    assert names[-1] == "name word"


def lexicon_free(func) -> str:
    from djextract.rules import RULES

    return RULES[func].name


def test_a_users_data_line_is_named_where_it_fires(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "bodies/quantifiers.txt").parent.mkdir(parents=True, exist_ok=True)
    (d / "bodies/quantifiers.txt").write_text("# mine\n诸\n", encoding="utf-8")
    recs = records("诸党支部开展活动。", "--types", "body", "--data-dir", str(d))
    rule = recs[0]["rules"][-1]
    assert rule["rule"] == "generic quantifier" and rule["data"] == [f"{d / 'bodies/quantifiers.txt'}:2 诸"]


def test_files_and_stdin_are_read_like_extract(samples_dir):
    path = samples_dir / "000_c10597827387cbb7.txt"
    from_file = records(str(path), "--types", "body")
    assert from_file and {r["doc"] for r in from_file} == {str(path)}
    r = run("explain", "--json", "--types", "body", input=path.read_text(encoding="utf-8"))
    assert [json.loads(x)["start"] for x in r.stdout.splitlines()] == [x["start"] for x in from_file]


def test_extraction_keeps_no_trace():
    doc, _ = process(TEXT, "-", Options(types=("body",)))
    assert doc.trace is None


def test_the_readme_example_is_what_explain_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cmd = "$ djextract explain '海棠区委组织部联合各党支部开展活动' --types body\n"
    shown = readme[readme.index(cmd) + len(cmd):].split("```", 1)[0]
    out = run("explain", "海棠区委组织部联合各党支部开展活动", "--types", "body").stdout
    assert out.strip("\n") == shown.strip("\n")


def test_a_text_too_long_to_be_a_file_name_is_explained_as_text():
    text = ("虞城高新区在“党建指导员”的协助下，聚集了高新技术企业23家、国家科技型中小企业27家、"
            "专精特新企业13家、省级工程技术研究中心5家。")
    r = run("explain", text * 3, "--types", "figure")
    assert r.exit_code == 0 and "✓ figure 23家" in r.stdout
