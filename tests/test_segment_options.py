"""Segmentation options: the rjieba backend, user dictionaries, user data folders, sentences."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import djextract
from djextract.cli import app
from djextract.segment import split_sentences

runner = CliRunner()


def test_rjieba_gives_the_same_mentions_on_the_samples(sample_texts):
    pytest.importorskip("rjieba")
    for name, text in sample_texts.items():
        a = [m.to_dict() for m in djextract.extract(text)]
        b = [m.to_dict() for m in djextract.extract(text, segmenter="rjieba")]
        assert [(m["type"], m["start"], m["end"], m.get("name"), m.get("value"), m.get("category"))
                for m in a] == [(m["type"], m["start"], m["end"], m.get("name"), m.get("value"),
                                 m.get("category")) for m in b], name


def test_user_dictionary_changes_the_output(tmp_path):
    text = "将那受村和青法村打造为农村党建示范点"
    assert [m.name for m in djextract.extract(text, ["body"])] == ["青法村"]
    ud = tmp_path / "places.txt"
    ud.write_text("那受村 1000 ns\n", encoding="utf-8")
    assert [m.name for m in djextract.extract(text, ["body"], user_dicts=[ud])] == ["那受村", "青法村"]
    # the default segmenter is untouched by another call's user dictionary
    assert [m.name for m in djextract.extract(text, ["body"])] == ["青法村"]
    r = runner.invoke(app, ["extract", "-", "--types", "body", "--user-dict", str(ud)], input=text)
    assert [json.loads(line)["name"] for line in r.stdout.splitlines()] == ["那受村", "青法村"]


def test_missing_user_dictionary_is_a_usage_error(tmp_path):
    r = runner.invoke(app, ["extract", "-", "--user-dict", str(tmp_path / "nope.txt")], input="党员5人")
    assert r.exit_code == 2 and "not a file" in r.output


def test_data_dir_extends_word_lists(tmp_path):
    (tmp_path / "programmes/stop.txt").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "programmes/stop.txt").write_text("# our emphasis words\n红色物业\n", encoding="utf-8")
    text = "打造“红色物业”党群阵地示范点"
    r = runner.invoke(app, ["extract", "-", "--types", "programme"], input=text)
    assert "红色物业" in r.stdout
    r = runner.invoke(app, ["extract", "-", "--types", "programme", "--data-dir", str(tmp_path)], input=text)
    assert r.exit_code == 0 and r.stdout == ""


def test_sentences_split_on_chinese_punctuation_and_lines():
    text = "第一句。第二句!第三句;\n第四句“引文。”后文"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["第一句。", "第二句!", "第三句;", "第四句“引文。”", "后文"]


def test_overlong_sentences_are_cut_at_a_comma():
    text = ("党员7514人," * 400) + "完。"
    spans = split_sentences(text)
    assert all(e - s <= 1000 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text


def test_data_dir_dictionary_applies_even_after_a_segmenter_was_built(tmp_path):

    text = "将那受村和青法村打造为农村党建示范点"
    assert [m.name for m in djextract.extract(text, ["body"])] == ["青法村"]  # a segmenter now exists
    (tmp_path / "segment/dictionary.txt").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "segment/dictionary.txt").write_text("# our places\n那受村 1000 ns\n", encoding="utf-8")
    assert [m.name for m in djextract.extract(text, ["body"], data_dirs=[tmp_path])] == ["那受村", "青法村"]
    assert [m.name for m in djextract.extract(text, ["body"])] == ["青法村"]


def test_a_data_dir_tags_file_corrects_a_part_of_speech(tmp_path):

    text = "茫崖公路段党支部认真贯彻落实上级部署"  # 茫崖 is an idiom to jieba, so no place opens the name
    assert [m.name for m in djextract.extract(text, ["body"])] == []
    (tmp_path / "segment/tags.tsv").parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "segment/tags.tsv").write_text("# our places\nword\ttag\n茫崖\tns\n", encoding="utf-8")
    assert [m.name for m in djextract.extract(text, ["body"], data_dirs=[tmp_path])] == ["茫崖公路段党支部"]
    assert [m.name for m in djextract.extract(text, ["body"])] == []  # the next call without it is unchanged
