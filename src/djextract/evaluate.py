"""Scoring mentions against gold annotations, as spec §5 defines it.

Why our own copy: `djextract eval` must work where the shared scorer is not
installed; a test checks that both give the same numbers and keys on every
gold set. How each type is compared is declared in ``schema`` (names or
figures); what is scored follows the gold: persons, documents, figure owners
and places only where the gold carries them.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .schema import BY_RANK

QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")
PLACE_END = re.compile(r"(省|市|县|区|镇|乡|旗|州|盟|街道)$")  # 九井镇|回龙村: what a longer body name may add
PLURAL = {s.name: s.plural for s in BY_RANK}
ALWAYS_SCORED = ("bodies", "figures", "programmes")  # scored even where the gold lists none (spec §5)

Errors = dict[str, list[tuple[Any, ...]]]


def norm_name(s: str | None) -> str:
    return QUOTES.sub("", s or "")


def fig_key(f: dict[str, Any]) -> tuple[float | None, str | None]:
    raw = f.get("value")
    v: float | None
    try:
        v = float(f"{float(raw):.6g}")  # type: ignore[arg-type]  # None and junk fall to the except
    except (TypeError, ValueError):
        v = None
    return (v, f.get("category"))


def load_gold(lines: Iterable[str]) -> dict[str, dict[str, Any]]:
    gold = {}
    for line in lines:
        if line.strip():
            d = json.loads(line)
            gold[os.path.basename(d["doc"])] = d
    return gold


def group_predictions(records: Iterable[dict[str, Any]], docs: set[str]) -> dict[str, dict[str, Any]]:
    """Mention lines, or per-document lines (their arrays and ``place``), grouped by document."""
    pred: dict[str, dict[str, Any]] = defaultdict(lambda: {p: [] for p in PLURAL.values()})
    for m in records:
        doc = os.path.basename(str(m.get("doc", "")))
        if doc not in docs:
            continue
        if "type" not in m:  # a per-document record
            for key in PLURAL.values():
                pred[doc][key].extend(x for x in m.get(key) or [] if isinstance(x, dict))
            if isinstance(m.get("place"), dict):
                pred[doc]["place"] = m["place"]
        elif m["type"] in PLURAL:
            pred[doc][PLURAL[m["type"]]].append(m)
    return pred


def match_names(gold: set[str], pred: set[str], relaxed: bool) -> list[tuple[str, str]]:
    """One-to-one (gold, pred) pairs: exact names first; for bodies, then names where one ends with
    the other, the shorter of four characters or more, or of three when what the longer adds is a
    place (九井镇|回龙村)."""
    pairs = [(k, k) for k in gold & pred]
    if relaxed:
        p_left = set(pred - gold)
        for a in sorted(gold - pred, key=len, reverse=True):
            for b in sorted(p_left, key=len, reverse=True):
                short, long_ = sorted((a, b), key=len)
                if not long_.endswith(short):
                    continue
                if len(short) >= 4 or (len(short) >= 3 and PLACE_END.search(long_[:len(long_) - len(short)])):
                    pairs.append((a, b))
                    p_left.discard(b)
                    break
    return pairs


def body_match(a: str | None, b: str | None) -> bool:
    a, b = norm_name(a), norm_name(b)
    return bool(a) and bool(b) and (a == b or bool(match_names({a}, {b}, relaxed=True)))


def place_unit(p: Any) -> str | None:
    """The lowest level a place names (county, else city, else province)."""
    p = p if isinstance(p, dict) else {}
    for level in ("county", "city", "province"):
        if p.get(level):
            return norm_name(p[level])
    return None


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Tally:
    def __init__(self) -> None:
        self.tp = self.pred = self.gold = self.agree = self.owners = self.owners_ok = 0


def _score_figures(doc: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]], t: _Tally,
                   errors: Errors) -> None:
    gc = Counter(fig_key(x) for x in gold)
    pc = Counter(fig_key(x) for x in pred)
    hit = sum(min(gc[k], pc[k]) for k in gc)
    t.tp, t.agree = t.tp + hit, t.agree + hit
    t.pred += sum(pc.values())
    t.gold += sum(gc.values())
    errors["figures"] += [(doc, "FP", k) for k in (pc - gc)] + [(doc, "FN", k) for k in (gc - pc)]
    owners: dict[Any, list[Any]] = defaultdict(list)  # matched figures of one key, paired in document order
    for x in pred:
        owners[fig_key(x)].append(x.get("owner"))
    seen: Counter[Any] = Counter()
    for x in gold:
        k = fig_key(x)
        i = seen[k]
        seen[k] += 1
        if x.get("owner") in (None, "") or i >= len(owners[k]):
            continue
        t.owners += 1
        if body_match(x["owner"], owners[k][i]):
            t.owners_ok += 1
        else:
            errors["owners"].append((doc, "owner", x.get("text"), x["owner"], owners[k][i]))


def _score_names(typ: str, doc: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]], t: _Tally,
                 errors: Errors) -> None:
    gk = {norm_name(x.get("name")): x for x in gold}
    pk: dict[str, dict[str, Any]] = {}
    for x in pred:
        pk.setdefault(norm_name(x.get("name") or x.get("text")), x)
    pairs = match_names(set(gk), set(pk), relaxed=(typ == "bodies"))
    t.tp += len(pairs)
    t.pred += len(pk)
    t.gold += len(gk)
    for a, b in pairs:
        ga, pb = gk[a], pk[b]
        if typ == "persons":  # post and body agreement
            same_body = (not ga.get("body") and not pb.get("body")) or body_match(ga.get("body"), pb.get("body"))
            t.agree += norm_name(ga.get("post")) == norm_name(pb.get("post")) and same_body
        else:
            t.agree += ga.get("kind") == pb.get("kind")
    errors[typ] += [(doc, "FP", k) for k in sorted(set(pk) - {b for _, b in pairs})]
    errors[typ] += [(doc, "FN", k) for k in sorted(set(gk) - {a for a, _ in pairs})]


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], Errors]:
    """Precision, recall, F1 and kind/category agreement per type (micro-averaged), owners, places, errors."""
    out: dict[str, dict[str, Any]] = {}
    errors: Errors = defaultdict(list)
    for s in BY_RANK:
        typ = s.plural
        docs = [d for d, g in gold.items() if typ in g]
        if typ not in ALWAYS_SCORED and not docs:
            continue
        t = _Tally()
        for doc in docs:
            p = pred.get(doc, {}).get(typ, [])
            if s.scoring == "figures":
                _score_figures(doc, gold[doc].get(typ, []), p, t, errors)
            else:
                _score_names(typ, doc, gold[doc].get(typ, []), p, t, errors)
        prec, rec, f1 = _prf(t.tp, t.pred, t.gold)
        out[typ] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "tp": t.tp,
                    "pred": t.pred, "gold": t.gold, "kind_agreement": round(t.agree / t.tp, 3) if t.tp else 0.0}
        if t.owners:
            out[typ]["owner_agreement"] = round(t.owners_ok / t.owners, 3)
            out[typ]["owners_scored"] = t.owners
    places = [d for d, g in gold.items() if "place" in g]
    if places:
        ok = 0
        for d in places:
            want, got = place_unit(gold[d]["place"]), place_unit(pred.get(d, {}).get("place"))
            ok += want == got
            if want != got:
                errors["place"].append((d, "place", want, got))
        out["place"] = {"accuracy": round(ok / len(places), 3), "docs": len(places)}
    return out, errors
