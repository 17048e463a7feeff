"""Scoring mentions against gold annotations, as spec §5 defines it.

Why our own copy: `djextract eval` must work where the shared scorer is not
installed; tests check that both give the same numbers on the samples.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")
TYPES = {"bodies": "body", "figures": "figure", "programmes": "programme"}


def norm_name(s: str | None) -> str:
    return QUOTES.sub("", s or "")


def fig_key(f: dict[str, Any]) -> tuple[float | None, str | None]:
    v = f.get("value")
    try:
        v = float(f"{float(v):.6g}")
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


def group_predictions(mentions: Iterable[dict[str, Any]], docs: set[str]) -> dict[str, dict[str, list]]:
    pred: dict[str, dict[str, list]] = defaultdict(lambda: {"bodies": [], "figures": [], "programmes": []})
    plural = {v: k for k, v in TYPES.items()}
    for m in mentions:
        doc = os.path.basename(str(m.get("doc", "")))
        if doc in docs and m.get("type") in plural:
            pred[doc][plural[m["type"]]].append(m)
    return pred


def _match_names(gold: set[str], pred: set[str], relaxed: bool) -> list[tuple[str, str]]:
    """Exact names first; for bodies then names where one ends with the other (≥ 4 characters)."""
    pairs = [(k, k) for k in gold & pred]
    if relaxed:
        p_left = set(pred - gold)
        for a in sorted(gold - pred, key=len, reverse=True):
            for b in sorted(p_left, key=len, reverse=True):
                short = min(a, b, key=len)
                if len(short) >= 4 and (a.endswith(b) or b.endswith(a)):
                    pairs.append((a, b))
                    p_left.discard(b)
                    break
    return pairs


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, list]]) -> tuple[dict, dict]:
    """Precision, recall, F1 and kind/category agreement per type (micro-averaged), and the errors."""
    out: dict[str, dict[str, Any]] = {}
    errors: dict[str, list[tuple[str, str, Any]]] = defaultdict(list)
    for typ in TYPES:
        tp = n_pred = n_gold = agree = 0
        for doc, g in gold.items():
            p = pred.get(doc, {}).get(typ, [])
            if typ == "figures":
                gc = Counter(fig_key(x) for x in g.get(typ, []))
                pc = Counter(fig_key(x) for x in p)
                t = sum(min(gc[k], pc[k]) for k in gc)
                tp, agree = tp + t, agree + t
                n_pred += sum(pc.values())
                n_gold += sum(gc.values())
                errors[typ] += [(doc, "FP", k) for k in (pc - gc)] + [(doc, "FN", k) for k in (gc - pc)]
            else:
                gk = {norm_name(x.get("name")): x.get("kind") for x in g.get(typ, [])}
                pk: dict[str, Any] = {}
                for x in p:
                    pk.setdefault(norm_name(x.get("name") or x.get("text")), x.get("kind"))
                pairs = _match_names(set(gk), set(pk), relaxed=(typ == "bodies"))
                tp += len(pairs)
                n_pred += len(pk)
                n_gold += len(gk)
                agree += sum(1 for a, b in pairs if gk[a] == pk[b])
                matched_p = {b for _, b in pairs}
                matched_g = {a for a, _ in pairs}
                errors[typ] += [(doc, "FP", k) for k in sorted(set(pk) - matched_p)]
                errors[typ] += [(doc, "FN", k) for k in sorted(set(gk) - matched_g)]
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[typ] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "tp": tp,
                    "pred": n_pred, "gold": n_gold, "kind_agreement": round(agree / tp, 3) if tp else 0.0}
    return out, errors
