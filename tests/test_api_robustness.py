"""The public API, quality on the samples, and robustness on random input (hypothesis)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import load_jsonl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import djextract
from djextract import batch
from djextract.evaluate import group_predictions, load_gold, score
from djextract.pipeline import Options


def test_public_api_shape():
    ms = djextract.extract("市教育局党委新成立党支部62个", types=["figure"])
    assert [m.type for m in ms] == ["figure"]
    m = ms[0]
    assert isinstance(m, djextract.Mention) and m.value == 62 and m.category == "party_organizations"
    d = m.to_dict()
    assert list(d)[:7] == ["doc", "type", "text", "source_text", "start", "end", "sentence"]
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert djextract.__version__


def test_quality_bars_on_the_samples(sample_mentions, gold_path):
    gold = load_gold(gold_path.read_text(encoding="utf-8").splitlines())
    mentions = [m.to_dict() for ms in sample_mentions.values() for m in ms]
    result, _ = score(gold, group_predictions(mentions, set(gold)))
    assert result["figures"]["f1"] >= 0.95 and result["figures"]["kind_agreement"] >= 0.9
    assert result["bodies"]["f1"] >= 0.90 and result["bodies"]["kind_agreement"] >= 0.9
    assert result["programmes"]["f1"] >= 0.90 and result["programmes"]["kind_agreement"] >= 0.8


def test_gold_file_is_well_formed(gold_path):
    rows = load_jsonl(gold_path)
    assert len(rows) == 4 and all({"doc", "bodies", "figures", "programmes"} <= set(r) for r in rows)


ALPHABET = list("党员委区市省局名个人万亿元百千两三五十一二“”「」《》()（）,.。、;:%-1234567890 \n黨個會")
CHINESE = st.text(alphabet=st.sampled_from(ALPHABET), max_size=200)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(CHINESE, st.text(max_size=200)))
def test_random_text_never_breaks_offsets(text):
    for m in djextract.extract(text):
        assert text[m.start:m.end] == m.source_text
        json.dumps(m.to_dict(), ensure_ascii=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400),
                      st.tuples(CHINESE, st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]))
                      .map(lambda t: t[0].encode(t[1], errors="ignore"))))
def test_random_bytes_and_encodings(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("in") / "doc.txt"
    f.write_bytes(data)
    res = batch.process_item(batch.Item("doc.txt", path=str(f)), Options())
    if res.error:
        assert "\n" not in res.error
        return
    from djextract.read import decode

    text = decode(data).text
    for m in res.mentions:
        assert text[m["start"]:m["end"]] == m["source_text"]
        json.loads(json.dumps(m, ensure_ascii=False))


def test_mixed_encodings_in_one_batch(tmp_path):
    texts = {"a.txt": ("党员7514人", "utf-8"), "b.txt": ("黨員50人", "big5"), "c.txt": ("党支部62个", "gb18030"),
             "d.txt": ("入党积极分子10名", "utf-16")}
    for name, (t, enc) in texts.items():
        (tmp_path / name).write_bytes(t.encode(enc))
    results = list(batch.run(batch.iter_items([str(tmp_path)]), Options(), jobs=2))
    assert [r.doc_id for r in results] == sorted(texts)
    assert [r.mentions[0]["value"] for r in results] == [7514, 50, 62, 10]


def test_huge_line_keeps_memory_bounded(tmp_path):
    """A single 10 MB line streamed to a sink: peak memory stays within a small multiple of the input."""
    line = ("新成立党支部62个，党员7514人，市教育局党委打造“红色物业”品牌" * 120_000)
    f = tmp_path / "huge.txt"
    f.write_text(line, encoding="utf-8")
    size = f.stat().st_size
    code = (
        "import resource, sys\n"
        "from djextract import batch\nfrom djextract.pipeline import Options\n"
        "from djextract.segment import get_segmenter\nfrom djextract.convert import convert\n"
        "get_segmenter(); convert('黨')\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "import os\nsink = open(os.devnull, 'w').write\n"
        f"r = batch.process_item(batch.Item('huge', path={str(f)!r}), Options(types=('figure',)), sink=sink)\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(r.count, r.error, (peak - base) * 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    n, err, grown = out.stdout.split()
    assert err == "None" and int(n) == 240_000
    assert int(grown) < 16 * size, f"grew {int(grown) / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB line"


def test_a_rule_that_fails_on_one_sentence_costs_only_that_sentence(monkeypatch):
    import pytest as _pytest

    from djextract.extractors import bodies

    real = bodies.bodies_in_sentence

    def flaky(doc, sentence):
        if "海口" in sentence.text:
            raise IndexError("list index out of range")
        yield from real(doc, sentence)

    monkeypatch.setattr(bodies, "bodies_in_sentence", flaky)
    text = "海棠区委召开会议。海口市委组织部党员7514人。文昌市委部署工作。"
    res = batch.process_item(batch.Item("d", text=text), Options())
    assert res.error is None
    assert [m["text"] for m in res.mentions] == ["海棠区委", "7514人", "文昌市委"]
    assert res.warnings == ["body rules failed on the sentence at 9 (IndexError: list index out of range); "
                            "its other mentions are kept"]
    with _pytest.raises(IndexError):  # the Python API lets a rule's error surface
        djextract.extract(text)
