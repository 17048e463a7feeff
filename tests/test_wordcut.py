"""Our re-implementation of jieba's cut gives jieba's words, exactly, and falls back to jieba when it cannot."""

from __future__ import annotations

import re
from pathlib import Path

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from djextract import wordcut
from djextract.segment import Segmenter, get_segmenter
from djextract.wordcut import WordCutter

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
# Characters of the samples, plus rare ones (unknown to the dictionary: the HMM decides), digits, letters, marks.
ALPHABET = (sorted(set(TEXT)) + list("龘靐齉爩鬱乂亍丌兀丏") + list("0123456789.%+-#&_abcXYZ")
            + [" ", "\n", "\t", "，", "“"])


@pytest.fixture(scope="module")
def tok():
    """jieba's tokenizer with djextract's dictionary, as the default segmenter builds it."""
    return get_segmenter()._tok


def test_same_words_as_jieba_on_every_sample_sentence(tok):
    cutter = WordCutter(tok)
    for sentence in re.split(r"(?<=[。！？；\n])", TEXT):
        assert cutter.cut(sentence) == tok.lcut(sentence, HMM=True), sentence
    assert cutter.cut(TEXT) == tok.lcut(TEXT, HMM=True)


def test_same_words_as_jieba_on_each_run_of_word_characters(tok):
    cutter = WordCutter(tok)
    for run in jieba.re_han_default.findall(TEXT):
        assert cutter.cut_run(run) == tok.lcut(run, HMM=True), run


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))
def test_same_words_as_jieba_on_random_text(text):
    tok = get_segmenter()._tok
    assert WordCutter(tok).cut(text) == tok.lcut(text, HMM=True)


def test_same_words_as_jieba_with_a_user_dictionary(tmp_path):
    user = tmp_path / "mine.txt"
    user.write_text("覃盛团乡 50 ns\n洋田村 50 ns\n红色物业联盟 2000 nz\n", encoding="utf-8")
    seg = Segmenter("jieba", (str(user),))
    text = "覃盛团乡洋田村推进红色物业联盟建设，点镇渡乡洋田村党支部"
    assert seg.cut(text) == seg._tok.lcut(text, HMM=True)
    assert "洋田村" in seg.cut(text) and "红色物业联盟" in seg.cut(text)


def test_a_jieba_whose_algorithm_moved_gets_its_own_code(monkeypatch):
    monkeypatch.setattr(WordCutter, "matches_jieba", lambda self, text=wordcut.PROBE: False)
    seg = Segmenter("jieba")
    text = "海棠区委组织部新成立党支部62个"
    assert seg.cut(text) == seg._tok.lcut(text, HMM=True)
    assert seg.cut_run("海棠区委组织部") == seg._tok.lcut("海棠区委组织部", HMM=True)


def test_the_probe_passes_with_the_installed_jieba(tok):
    assert WordCutter(tok).matches_jieba()


def test_the_memo_says_what_the_dictionary_says_and_stays_bounded(tok, monkeypatch):
    monkeypatch.setattr(wordcut, "KNOWN_LIMIT", 500)
    cutter = WordCutter(tok)
    runs = jieba.re_han_default.findall(TEXT)
    longest = max(map(len, tok.FREQ))
    for run in runs:
        cutter.cut_run(run)
        assert len(cutter._known) <= 500 + len(run) * (longest + 1)  # at most one fragment past a word's length
    assert all((p == wordcut.ABSENT) == (frag not in tok.FREQ) for frag, p in cutter._known.items())
    assert all((p == wordcut.PREFIX) == (tok.FREQ.get(frag) == 0) for frag, p in cutter._known.items())
    assert cutter.cut_run(runs[0]) == tok.lcut(runs[0], HMM=True)  # still right after the memo started again


def _posseg():
    get_segmenter().pos_cut("预热")  # installs the fast Viterbi into jieba.posseg
    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi as slow

    return posseg, slow, (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)


def test_pos_viterbi_is_installed_and_gives_jiebas_routes_on_the_samples():
    posseg, slow, tables = _posseg()
    assert isinstance(posseg.viterbi, wordcut.PosViterbi)
    for run in re.findall(r"[\u4e00-\u9fff]+", TEXT)[:3000]:
        assert posseg.viterbi(run) == slow(run, *tables), run


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=[c for c in ALPHABET if "\u4e00" <= c <= "\u9fff"], min_size=1, max_size=30))
def test_pos_viterbi_gives_jiebas_routes_on_random_text(text):
    posseg, slow, tables = _posseg()
    assert posseg.viterbi(text) == slow(text, *tables)


def _guess_both(text):
    posseg, _slow, tables = _posseg()
    pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    want = [(p.word, p.flag) for p in pos._POSTokenizer__cut_detail(text)]
    got = wordcut.pos_guess(text, posseg.viterbi, tables, (posseg.re_han_detail, posseg.re_skip_detail,
                                                         posseg.re_num, posseg.re_eng))
    return got, want


def test_pos_guess_is_posseg_cut_detail_on_the_samples():
    for run in re.findall(r"[^，。、；：！？\s]+", TEXT)[:3000]:
        got, want = _guess_both(run)
        assert got == want, run


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=[*ALPHABET[:200], *"0123.5abcXY %-"], min_size=1, max_size=30))
def test_pos_guess_is_posseg_cut_detail_on_random_text(text):
    got, want = _guess_both(text)
    assert got == want


def test_runs_without_a_surname_change_no_name_and_no_offset():
    """pos_cut leaves unknown runs with no surname character unguessed; the names found stay the same."""
    from djextract.extractors.persons import _names, tables

    seg, t = get_segmenter(), tables()
    sentences = [s for p in sorted(SAMPLES.glob("*.txt"))
                 for s in re.split(r"(?<=[。！？\n])", p.read_text(encoding="utf-8")) if s.strip()]
    skipped = 0
    for s in sentences:
        full, fast = seg.pos_cut(s), seg.pos_cut(s, t.surname_starts)
        assert "".join(w for w, _ in fast) == s
        assert list(_names(fast, s, t, seg.known_tag, seg.freq)) == list(_names(full, s, t, seg.known_tag, seg.freq)), s
        skipped += len(fast) < len(full)
    assert skipped > len(sentences) // 4  # the shortcut is taken, not just harmless


def test_pos_cut_gives_poss_words_and_flags_on_every_sample_sentence():
    """The part-of-speech cut runs on the cutter's route; posseg's own cut gives the same pairs."""
    seg = get_segmenter()
    seg.pos_cut("海棠区委")
    assert seg._pos_words is not None  # the fast route is in use
    for s in re.split(r"(?<=[。！？\n])", TEXT)[:2000]:
        assert seg.pos_cut(s) == [(p.word, p.flag) for p in seg._pos.cut(s)], s


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET + list("-%12ab. \n，。"), min_size=1, max_size=40))
def test_pos_cut_gives_posseg_pairs_on_random_text(text):
    seg = get_segmenter()
    seg.pos_cut("海棠区委")
    assert seg.pos_cut(text) == [(p.word, p.flag) for p in seg._pos.cut(text)]
