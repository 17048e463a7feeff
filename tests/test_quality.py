"""Quality floors just under today's scores (spec §5), on the pinned output: a rule change that costs
quality fails here even when its snapshot diff was accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from djextract.evaluate import group_predictions, load_gold, score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = {"dev": ("samples", DATA / "dev_gold.jsonl"), "dev2": ("dev2", DATA / "dev2" / "gold.jsonl"),
        "dev3": ("dev3", DATA / "dev3" / "gold.jsonl")}
# F1 per type, figure owner agreement and person post+body agreement; measured 2026-12-02 (persons and bodies
# again at stops 28 and 29, dev3 owners 0.840 at stop 32, bodies 0.960 / 0.951 at stop 34), floors 0.01 below,
# rounded down (dev2 person_posts 0.867: 史晶晶 twice, 张耀 and 朱敏忠 have a post the rules do not read; dev3
# 0.895: the list members of d18, 龚俊龙…, carry a body the gold reads from the sentence before, and 王战国's body
# 叮咚买菜 is no body to the rules).
FLOORS = {
    "dev": {"bodies": 0.97, "figures": 0.98, "programmes": 0.96, "persons": 0.94, "documents": 0.99, "owners": 0.96,
            "person_posts": 0.99},
    "dev2": {"bodies": 0.95, "figures": 0.94, "programmes": 0.87, "persons": 0.95, "documents": 0.99, "owners": 0.86,
             "person_posts": 0.85},
    "dev3": {"bodies": 0.94, "figures": 0.93, "programmes": 0.88, "persons": 0.94, "documents": 0.99, "owners": 0.83,
             "person_posts": 0.88},
}


@pytest.mark.parametrize("name", list(SETS))
def test_scores_stay_above_their_floors(name):
    snap, gold_path = SETS[name]
    gold = load_gold(gold_path.read_text(encoding="utf-8").splitlines())
    lines = (ROOT / "tests" / "snapshots" / f"{snap}.jsonl").read_text(encoding="utf-8").splitlines()
    result, _ = score(gold, group_predictions([json.loads(x) for x in lines], set(gold)))
    got = {t: result[t]["f1"] for t in FLOORS[name] if t not in ("owners", "person_posts")}
    got["owners"] = result["figures"]["owner_agreement"]
    got["person_posts"] = result["persons"]["kind_agreement"]
    low = {t: (got[t], floor) for t, floor in FLOORS[name].items() if got[t] < floor}
    assert not low, f"{name}: below the floor (score, floor): {low}"
