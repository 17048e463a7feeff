"""Words cut on demand: same words and same mentions as cutting every sentence whole; the start-up cache."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import djextract
from djextract.document import Gap, Unsegmented
from djextract.pipeline import Options, prepare
from djextract.rules import Cursor
from djextract.segment import LAZY_CHARS, Segmenter, get_segmenter, tag_table

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _pieces() -> list[str]:
    """Clauses and words of the samples, to recombine into new sentences."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    clauses = [c for c in re.split(r"[，。、；：！？\s]", text) if 2 <= len(c) <= 30]
    return sorted(set(clauses))[:3000] + ["，", "、", "“", "”", "（", "）", "。", "12", "3.5", "万元", "个", "ab"]


PIECES = _pieces()


def mentions(text: str) -> list[dict]:
    return [m.to_dict() for m in djextract.extract(text)]


@pytest.fixture
def whole_sentences(monkeypatch):
    """The default segmenter made to cut every sentence whole, as before words were cut on demand."""
    seg = get_segmenter()
    monkeypatch.setattr(seg, "lazy", False)
    return seg


def test_words_cut_run_by_run_are_the_words_of_the_whole_sentence(sample_texts):
    seg = get_segmenter()
    assert seg.lazy
    for name, text in sample_texts.items():
        doc = prepare(text, name, Options())
        for s in doc.sentences:
            assert [t.word for t in s.tokens] == seg.cut(s.text), s.text
            assert not any(isinstance(t, Gap) for t in s.tokens)


def test_cutting_on_demand_changes_no_mention_on_the_samples(sample_texts, monkeypatch):
    lazy = {name: mentions(text) for name, text in sample_texts.items()}
    monkeypatch.setattr(get_segmenter(), "lazy", False)
    assert {name: mentions(text) for name, text in sample_texts.items()} == lazy


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_cutting_on_demand_changes_no_mention_on_recombined_text(parts, monkeypatch):
    text = "".join(parts)
    lazy = mentions(text)
    with monkeypatch.context() as m:
        m.setattr(get_segmenter(), "lazy", False)
        assert mentions(text) == lazy


def test_only_the_runs_near_a_match_are_cut():
    doc = prepare("今年以来，全区上下认真学习贯彻会议精神，海棠区委组织部开展培训。", "d", Options())
    s = doc.sentences[0]
    assert sum(isinstance(t, Gap) for t in s.partial_tokens) == 6
    s.ensure(doc.text.index("区委"), doc.text.index("区委") + 2)
    words = [t.word for t in s.partial_tokens if not isinstance(t, Gap)]
    assert "组织部" in words and "会议" not in words
    with pytest.raises(Unsegmented):
        _ = s.partial_tokens[0].word


def test_a_rule_reading_through_the_cursor_gets_the_whole_sentence_words():
    doc = prepare("今年以来，全区上下认真学习贯彻会议精神，海棠区委组织部开展培训。", "d", Options())
    s = doc.sentences[0]
    cur = Cursor(s)
    words = [t.word for t in reversed(cur.left(s.end, 100))]  # from the end back to the first word, cut as read
    assert words == get_segmenter().cut(s.text)
    assert not any(isinstance(t, Gap) for t in s.partial_tokens)


def test_start_up_cache_is_written_reused_and_rebuilt_when_broken(tmp_path):
    code = ("from djextract.segment import get_segmenter; "
            "s = get_segmenter(); print(s.cut('海棠区委组织部'), s.tag('组织部'), s.freq('组织部') > 0)")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run() -> str:
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        return out.stdout

    folder = tmp_path / "djextract"
    folder.mkdir()
    import importlib.metadata
    import os

    version = importlib.metadata.version("jieba")
    earlier = folder / f"jieba-{version}-5071852-1795317676595629070-2.pickle"  # an earlier install's name
    other = folder / "jieba-0.39-4000000-1234abcd-2.pickle"  # another environment's jieba release
    month_old = folder / "jieba-0.38-4000000-1234abcd-2.pickle"
    for f in (earlier, other, month_old):
        f.write_bytes(b"x")
    os.utime(month_old, (0, 0))
    first = run()
    caches = list(folder.glob("jieba-*.pickle"))
    assert len(caches) == 2 and other in caches  # the replaced and the month-old caches are gone
    caches.remove(other)
    assert "['海棠', '区委', '组织部'] nt True" in first
    assert run() == first  # from the cache
    caches[0].write_bytes(b"not a pickle")
    assert run() == first  # rebuilt
    assert caches[0].stat().st_size > 1_000_000
    assert not list((tmp_path / "djextract").glob(".*.tmp"))  # written by rename, nothing left over
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    env["XDG_CACHE_HOME"] = str(blocked)  # no cache folder can be made there: works without one
    assert run() == first


def test_our_words_do_not_leak_into_the_callers_jieba():
    import jieba

    get_segmenter()
    assert "两新组织" in get_segmenter().cut("推动两新组织党建")
    assert "两新组织" not in jieba.lcut("推动两新组织党建")


def test_jieba_is_loaded_without_pkg_resources_which_stays_importable():
    code = ("import importlib.util, sys; from djextract.segment import get_segmenter; "
            "print(get_segmenter().cut('海棠区委组织部'), 'pkg_resources' in sys.modules); "
            "spec = importlib.util.find_spec('pkg_resources'); "
            "print(spec is None or __import__('pkg_resources').__name__ == 'pkg_resources')")
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["['海棠', '区委', '组织部'] False", "True"]


def _jieba_with_our_words(seg: Segmenter) -> tuple[Any, dict[str, str], dict[str, int]]:
    """jieba's own tokenizer, loaded whole, with the townships it lacks and then our words added; the tags of
    dict.txt, the townships' and ours; and the frequencies before our words."""
    import jieba

    from djextract.jiebadict import TOWN_FREQ

    ref = jieba.Tokenizer()
    ref.check_initialized()
    assert "瓶窑镇" in seg._base.towns and not any(ref.FREQ.get(town) for town in seg._base.towns)
    for town in seg._base.towns:
        ref.add_word(town, TOWN_FREQ, "ns")
    plain = dict(ref.FREQ)
    for word, freq, tag in seg._entries:
        ref.add_word(word, freq, tag)
    lines = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").splitlines()
    tags = {word: tag for word, _freq, tag in (line.split() for line in lines)}
    tags.update(dict.fromkeys(seg._base.towns, "ns"))
    tags.update(tag_table())
    tags.update({word: tag for word, _freq, tag in seg._entries if tag})
    return ref, tags, plain


def test_jiebas_tables_decoded_a_character_at_a_time_are_the_whole_tables():
    seg = Segmenter("jieba")
    ref, tags, plain = _jieba_with_our_words(seg)
    text = (SAMPLES / "000_c10597827387cbb7.txt").read_text(encoding="utf-8")
    assert seg.cut(text) == ref.lcut(text)
    assert not seg._whole and "饕" not in seg._loaded and seg._loaded.issuperset(text)
    assert seg._tok.FREQ == {w: f for w, f in ref.FREQ.items() if w[0] in seg._loaded}
    assert seg._tags == {w: t for w, t in tags.items() if w[0] in seg._loaded}
    assert seg._tok.total == ref.total  # our words' frequencies, added once, whatever is decoded later
    # a word looked up before any text holding it was cut is decoded then
    assert (seg.known_tag("饕餮"), seg.tag("饕餮"), seg.freq("饕餮")) == (tags["饕餮"], tags["饕餮"], ref.FREQ["饕餮"])
    seg.cut("饕" * LAZY_CHARS)  # over the budget: the rest is decoded, and no text is checked again
    assert seg._whole and seg._tok.FREQ == ref.FREQ and seg._tags == tags
    # freq(): a frequency our dictionary gives, else jieba's own (not what jieba guessed for our words)
    words = {w[:i] for w, _f, _t in seg._entries for i in range(1, len(w) + 1)} | {"组织部", "饕餮", "无此词语"}
    ours = {w: f for w, f, _t in seg._entries if f}
    assert {w: seg.freq(w) for w in words} == {w: ours.get(w, plain.get(w, 0)) for w in words}


def test_posseg_keeps_its_own_tags_for_other_callers():
    import jieba.posseg

    get_segmenter().pos_cut("海棠区委书记鲁正兰")  # imports posseg without its parse of dict.txt
    assert [(p.word, p.flag) for p in jieba.posseg.cut("我爱北京天安门")] == [
        ("我", "r"), ("爱", "v"), ("北京", "ns"), ("天安门", "ns")]


def test_freq_is_jiebas_for_a_user_word_given_no_frequency(tmp_path):
    """jieba's add_word guesses a frequency for such a word; freq() still says how often jieba saw it."""
    user = tmp_path / "user.txt"
    user.write_text("图书馆 nt\n红色驿站联盟 nt\n", encoding="utf-8")
    seg = Segmenter("jieba", (str(user),))
    _ref, _tags, plain = _jieba_with_our_words(seg)
    assert seg._tok.FREQ["图书馆"] != plain["图书馆"]  # the guess, in the route's table
    assert (seg.freq("图书馆"), seg.freq("红色驿站联盟"), seg.freq("红色驿站")) == (plain["图书馆"], 0, 0)
