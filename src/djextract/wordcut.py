"""jieba's default cut (dictionary route plus HMM for unknown words), same words, less Python.

Why: with jieba as the segmenter, cutting words was a third of djextract's time,
and most of that was jieba's own Python: a DAG dict of lists, a generator and a
``log`` per candidate word, and an HMM (Viterbi) that copies a path list per
state per character. This module runs the same algorithm with flat lists,
cached log-probabilities and back-pointers. Every comparison keeps jieba's
tie-breaking and every sum its order of operations, so the result is the same
list of words, not an approximation; ``WordCutter.matches_jieba`` checks that
on a probe text when a segmenter is built and the segmenter falls back to
jieba's own code if a jieba release ever changes the algorithm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from math import log
from typing import Any

# Exercises the dictionary route, unknown-word runs through the HMM, mixed digits and letters.
PROBE = ("海棠区委组织部2023年新成立党支部62个，覃盛团乡洋田村“红色物业”做法。"
         "点镇渡乡、那受村和省自然资源和规划厅的APP使用率达89.5%；牛栏坑茶叶合作社帮扶贫困户")

PREFIX = 1.0  # a log-probability is never positive, so this cannot be mistaken for one
ABSENT = 2.0  # (nor this) not in the dictionary, as a word or as a word's beginning
KNOWN_LIMIT = 100_000  # fragments remembered (about 12 MB) before the memo starts again


class WordCutter:
    """Cuts text exactly as ``jieba.Tokenizer.lcut(text, HMM=True)`` does, for one tokenizer's dictionary."""

    def __init__(self, tokenizer: Any) -> None:
        import jieba  # already loaded: the tokenizer is jieba's (see segment.import_jieba)
        from jieba import finalseg

        self._tok = tokenizer
        self._freq: dict[str, int] = tokenizer.FREQ
        self._logtotal = log(tokenizer.total)
        # fragment → log(freq) - log(total) for a word (≤ 0), PREFIX for a word's beginning, ABSENT for
        # neither, filled as fragments are met. Why ABSENT too: every position's walk ends on a fragment
        # the dictionary lacks, and remembering it saves a look-up in jieba's 500,000 entries (25% of the route)
        self._known: dict[str, float] = {}
        self._re_han = jieba.re_han_default
        self._re_skip = jieba.re_skip_default
        self._hmm_han = finalseg.re_han
        self._hmm_skip = finalseg.re_skip
        self._finalseg = finalseg
        emit = finalseg.emit_P
        self._emit = (emit["B"], emit["M"], emit["E"], emit["S"])
        self._start = (finalseg.start_P["B"], finalseg.start_P["M"], finalseg.start_P["E"], finalseg.start_P["S"])
        t = finalseg.trans_P
        self._trans = (t["E"]["B"], t["S"]["B"], t["M"]["M"], t["B"]["M"],
                       t["S"]["S"], t["E"]["S"], t["B"]["E"], t["M"]["E"])
        self._min = finalseg.MIN_FLOAT

    def matches_jieba(self, text: str = PROBE) -> bool:
        """Does this cutter give jieba's words on ``text``? (False means: use jieba's own code.)"""
        try:
            return self.cut(text) == self._tok.lcut(text, HMM=True)
        except Exception:  # noqa: BLE001 - a jieba whose internals moved: fall back to it
            return False

    def cut(self, text: str) -> list[str]:
        """Words of any text: runs of word characters by the dictionary route, the rest as jieba splits it."""
        out: list[str] = []
        re_han, re_skip = self._re_han, self._re_skip
        for blk in re_han.split(text):
            if not blk:
                continue
            if re_han.match(blk):
                self.cut_run(blk, out)
            else:
                for x in re_skip.split(blk):
                    if re_skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def cut_run(self, s: str, out: list[str] | None = None) -> list[str]:
        """Words of one run of word characters (a match of jieba's re_han), appended to ``out``."""
        if out is None:
            out = []
        self._walk(s, out.append, partial(self._singles, out=out))
        return out

    def _walk(self, s: str, word: Callable[[str], object], singles: Callable[[str], object]) -> None:
        """Hand each word of the dictionary route over ``s`` to ``word``, in order, and each run of
        single characters (which the HMM may join into unknown words) to ``singles`` as one string."""
        n = len(s)
        nxt = self._route(s)
        x = 0
        buf = -1  # start of a run of single characters
        while x < n:
            y = nxt[x]
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    singles(s[buf:x])
                    buf = -1
                word(s[x:y])
            x = y
        if buf >= 0:
            singles(s[buf:])

    def pos_words(self, text: str, tags: dict[str, str], guess: Callable[[str], list[tuple[str, str]]],
                  patterns: tuple[re.Pattern[str], ...]) -> list[tuple[str, str]]:
        """``jieba.posseg.POSTokenizer.cut(text)`` as (word, flag), on this cutter's dictionary route.

        Why: posseg computes jieba's dictionary route again with jieba's own slower
        code; here the route is this cutter's (the same, memoised), and runs of single
        characters the dictionary does not know go to ``guess`` (posseg's HMM, as
        ``pos_guess``), whose words are taken as they come. ``patterns``: posseg's
        re_han_internal, re_skip_internal, re_num and re_eng, so blocks split as posseg splits them.
        """
        re_han, re_skip, re_num, re_eng = patterns
        out: list[tuple[str, str]] = []
        for blk in re_han.split(text):
            if not blk:
                continue
            if re_han.match(blk):
                self._walk(blk, lambda w: out.append((w, tags.get(w, "x"))),
                           lambda run: self._pos_singles(run, tags, guess, out))
                continue
            for part in re_skip.split(blk):
                if re_skip.match(part):
                    out.append((part, "x"))
                else:
                    eng = re_eng.match(part) is not None  # posseg tests the whole part here, not the character
                    out.extend((ch, "m" if re_num.match(ch) else "eng" if eng else "x") for ch in part)
        return out

    def _pos_singles(self, run: str, tags: dict[str, str], guess: Callable[[str], list[tuple[str, str]]],
                     out: list[tuple[str, str]]) -> None:
        if len(run) == 1:
            out.append((run, tags.get(run, "x")))
        elif not self._freq.get(run):
            out.extend(guess(run))
        else:
            out.extend((ch, tags.get(ch, "x")) for ch in run)

    def _route(self, s: str) -> list[int]:
        """jieba's dictionary route over ``s``: for each position, where the word starting there ends."""
        n = len(s)
        known = self._known
        if len(known) > KNOWN_LIMIT:
            known.clear()
        get = known.get
        freq_get = self._freq.get
        logtotal = self._logtotal
        prob = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            # jieba: route[idx] = max((log(FREQ[w] or 1) - logtotal + route[x+1], x) for each word w = s[idx:x+1])
            i = idx
            frag = s[idx]
            best_x = -1
            best = 0.0
            while True:
                p = get(frag)
                if p is None:
                    f = freq_get(frag)
                    p = known[frag] = ABSENT if f is None else log(f) - logtotal if f else PREFIX
                if p == ABSENT:
                    break
                if p <= 0.0:
                    p += prob[i + 1]
                    if best_x < 0 or p >= best:  # ties go to the longer word, as max() over (p, x) does
                        best, best_x = p, i
                i += 1
                if i >= n:
                    break
                frag = s[idx:i + 1]
            if best_x < 0:  # no dictionary word starts here: the character alone
                best, best_x = (log(freq_get(s[idx]) or 1) - logtotal) + prob[idx + 1], idx
            prob[idx] = best
            nxt[idx] = best_x + 1
        return nxt

    def _singles(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self._freq.get(buf):
            self._hmm(buf, out)
        else:
            out.extend(buf)

    def _hmm(self, text: str, out: list[str]) -> None:
        """jieba.finalseg.cut: Chinese runs through the Viterbi tagger, letters and digits kept whole."""
        re_han, re_skip = self._hmm_han, self._hmm_skip
        force_split = self._finalseg.Force_Split_Words
        for blk in re_han.split(text):
            if re_han.match(blk):
                for word in self._viterbi_words(blk):
                    if word in force_split:
                        out.extend(word)
                    else:
                        out.append(word)
            else:
                out.extend(x for x in re_skip.split(blk) if x)

    def _viterbi_words(self, obs: str) -> list[str]:
        """finalseg's Viterbi over B/M/E/S, with max()'s tie-breaking spelt out (the later state letter wins)."""
        eB, eM, eE, eS = self._emit
        low = self._min
        tEB, tSB, tMM, tBM, tSS, tES, tBE, tME = self._trans
        c = obs[0]
        sB, sM, sE, sS = self._start
        vB, vM, vE, vS = sB + eB.get(c, low), sM + eM.get(c, low), sE + eE.get(c, low), sS + eS.get(c, low)
        back: list[tuple[str, str, str, str]] = []
        for k in range(1, len(obs)):
            c = obs[k]
            emB, emM, emE, emS = eB.get(c, low), eM.get(c, low), eE.get(c, low), eS.get(c, low)
            b1, b2 = vE + tEB + emB, vS + tSB + emB  # B after E or S
            nB, pB = (b2, "S") if b2 >= b1 else (b1, "E")
            m1, m2 = vM + tMM + emM, vB + tBM + emM  # M after M or B
            nM, pM = (m1, "M") if m1 >= m2 else (m2, "B")
            s1, s2 = vS + tSS + emS, vE + tES + emS  # S after S or E
            nS, pS = (s1, "S") if s1 >= s2 else (s2, "E")
            e1, e2 = vB + tBE + emE, vM + tME + emE  # E after B or M
            nE, pE = (e2, "M") if e2 >= e1 else (e1, "B")
            vB, vM, vE, vS = nB, nM, nE, nS
            back.append((pB, pM, pE, pS))
        state = "S" if vS >= vE else "E"
        states = [state]
        index = {"B": 0, "M": 1, "E": 2, "S": 3}
        for prev in reversed(back):
            state = prev[index[state]]
            states.append(state)
        states.reverse()
        words: list[str] = []
        begin = nexti = 0
        for i, pos in enumerate(states):
            if pos == "B":
                begin = i
            elif pos == "E":
                words.append(obs[begin:i + 1])
                nexti = i + 1
            elif pos == "S":
                words.append(obs[i])
                nexti = i + 1
        if nexti < len(obs):
            words.append(obs[nexti:])
        return words


def pos_guess(run: str, viterbi: Callable[..., tuple[float, list[Any]]], tables: tuple[Any, ...],
              patterns: tuple[re.Pattern[str], ...]) -> list[tuple[str, str]]:
    """``jieba.posseg.POSTokenizer.__cut_detail(run)`` as (word, flag): the HMM's words and parts of speech
    for a run the dictionary does not cut, by the same steps, in compiled code rather than posseg's
    generators. ``viterbi``: posseg's (with its four ``tables``); ``patterns``: posseg's re_han_detail,
    re_skip_detail, re_num and re_eng."""
    han, skip, num, eng = patterns
    out: list[tuple[str, str]] = []
    for blk in han.split(run):
        if han.match(blk):
            route = viterbi(blk, *tables)[1]  # each character's (position, tag)
            begin = nexti = 0
            for i, ch in enumerate(blk):
                pos, flag = route[i]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    out.append((blk[begin:i + 1], flag))
                    nexti = i + 1
                elif pos == "S":
                    out.append((ch, flag))
                    nexti = i + 1
            if nexti < len(blk):
                out.append((blk[nexti:], route[nexti][1]))
        else:
            for x in skip.split(blk):
                if x:
                    out.append((x, "m" if num.match(x) else "eng" if eng.match(x) else "x"))
    return out


MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi's floor for an unseen emission


class PosViterbi:
    """jieba.posseg's Viterbi (joint word position and part of speech), same route, less work.

    Why: the person extractor needs jieba's HMM guess of personal names (nr), and
    jieba's Viterbi takes, for every state of a character, the max over every
    state of the character before, though most have no transition to it. Here
    each state looks only at the states that can precede it (the transition
    table reversed once). A missing transition is minus infinity in jieba, so it
    can never win while any finite one exists, and ties are broken as jieba's
    ``max`` over (probability, state) tuples breaks them: the larger state.
    Sums keep jieba's order, (V + transition) + emission, so the route is the same.

    States are numbered in their sorted order, so comparing numbers compares the
    (position, tag) tuples, and a step's probabilities are a list by number
    (minus infinity: not a state of that character), not a dict of tuples: the
    HMM is most of the persons' time, and a list is what compiled code reads fastest.
    """

    def __init__(self, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> None:
        self.names: list[Any] = sorted(trans_p)  # number → state tuple
        number = {y: i for i, y in enumerate(self.names)}
        self._number = number
        self.char_states = states  # character → the states it can take (jieba's char_state_tab_P)
        self._steps: dict[str, list[tuple[int, float, list[tuple[int, float]]]]] = {}  # see _steps_of
        self.all_states = list(range(len(self.names)))
        self.start = [start_p[y] for y in self.names]
        self.emit: list[dict[str, float]] = [emit_p[y] for y in self.names]
        self.trans: list[dict[int, float]] = [{number[y]: p for y, p in trans_p[y0].items()} for y0 in self.names]
        self.into: list[list[tuple[int, float]]] = [[] for _ in self.names]
        for y0, nexts in enumerate(self.trans):
            for y, p in nexts.items():
                self.into[y].append((y0, p))

    def _states_of(self, ch: str) -> list[int]:
        found = self.char_states.get(ch)
        return self.all_states if found is None else [self._number[y] for y in found]

    def _steps_of(self, ch: str) -> list[tuple[int, float, list[tuple[int, float]]]]:
        """The states a character can take, each with its emission and the states that can lead to it."""
        got = self._steps.get(ch)
        if got is None:
            got = [(y, self.emit[y].get(ch, MIN_FLOAT), self.into[y]) for y in self._states_of(ch)]
            if len(self._steps) < 50_000:  # every character a text can hold: a bound, not a forecast
                self._steps[ch] = got
        return got

    def __call__(self, obs: str, states: Any = None, start_p: Any = None, trans_p: Any = None,
                 emit_p: Any = None) -> tuple[float, list[Any]]:
        """(probability, route) as ``jieba.posseg.viterbi.viterbi(obs, …)`` returns them.

        Two probability lists by state number serve every step in turn (a step clears the
        states it set before the list is reused), and a step's back-pointers are a dict of
        the few states it reached: most runs are two to four characters, and allocating
        lists of all 256 states for every character was most of the time.
        """
        names = self.names
        low = float("-inf")
        v_prev = [low] * len(names)
        v = [low] * len(names)
        present: list[int] = []
        for y, em, _into in self._steps_of(obs[0]):
            v_prev[y] = self.start[y] + em
            present.append(y)
        back: list[dict[int, int]] = []  # for each character after the first: state → the state before
        for t in range(1, len(obs)):
            o = obs[t]
            bt: dict[int, int] = {}
            now: list[int] = []
            for y, em, into in self._steps_of(o):
                best_p = low
                best_s = -1
                for y0, tp in into:  # every source here has a transition, as jieba's prev_states
                    pv = v_prev[y0]
                    if pv != low:
                        p = pv + tp + em
                        if best_s < 0 or p > best_p or (p == best_p and y0 > best_s):
                            best_p, best_s = p, y0
                if best_s >= 0:  # y can follow a state of t-1: jieba's obs_states
                    v[y] = best_p
                    bt[y] = best_s
                    now.append(y)
            if not now:  # no state of this character can follow: jieba falls back on what can
                now = self._fallback(o, v_prev, present, v, bt)
            for y in present:
                v_prev[y] = low
            v_prev, v, present = v, v_prev, now
            back.append(bt)
        prob, state = max((v_prev[y], y) for y in present)
        route: list[Any] = [None] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = names[state]
            if i:
                state = back[i - 1][state]
        return prob, route

    def _fallback(self, o: str, v_prev: list[float], present: list[int], v: list[float],
                  bt: dict[int, int]) -> list[int]:
        """jieba's path when no state of the character can follow: every state that can, else all of
        them, each taking jieba's max over the states before (minus infinity where none leads to it)."""
        trans, emit = self.trans, self.emit
        prev = [x for x in present if trans[x]]
        expect = sorted({y for x in prev for y in trans[x]})
        now = expect or self.all_states
        for y in now:
            em = emit[y].get(o, MIN_FLOAT)
            v[y], bt[y] = max((v_prev[y0] + trans[y0].get(y, float("-inf")) + em, y0) for y0 in prev)
        return list(now)
