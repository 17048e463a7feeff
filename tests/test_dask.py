"""Dask: a real LocalCluster of two worker processes gives the local run's output."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from djextract.cli import app  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _sorted_lines(text: str) -> list[str]:
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    rows.sort(key=lambda m: (m["doc"], m["start"], m["end"], m["type"]))
    return [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]


def test_cluster_output_equals_local(client, samples_dir):
    local = runner.invoke(app, ["extract", str(samples_dir), "-j", "1"]).stdout
    remote = runner.invoke(app, ["extract", str(samples_dir), "--scheduler", client.scheduler.address])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local  # same order too
    assert _sorted_lines(remote.stdout) == _sorted_lines(local)


def test_user_dictionary_reaches_the_workers(client, tmp_path):
    doc = tmp_path / "in" / "v.txt"
    doc.parent.mkdir()
    doc.write_text("将那受村和青法村打造为农村党建示范点", encoding="utf-8")
    ud = tmp_path / "places.txt"
    ud.write_text("那受村 1000 ns\n", encoding="utf-8")
    args = ["extract", str(doc.parent), "--types", "body", "--scheduler", client.scheduler.address]
    without = [json.loads(x)["name"] for x in runner.invoke(app, args).stdout.splitlines()]
    with_dict = [json.loads(x)["name"] for x in runner.invoke(app, args + ["--user-dict", str(ud)]).stdout.splitlines()]
    local = [json.loads(x)["name"] for x in runner.invoke(app, ["extract", str(doc.parent), "--types", "body",
                                                                "--user-dict", str(ud)]).stdout.splitlines()]
    assert without == ["青法村"]
    assert with_dict == local == ["那受村", "青法村"]


def test_data_folder_reaches_the_workers_inside_the_options(client, tmp_path):
    doc = tmp_path / "in" / "v.txt"
    doc.parent.mkdir()
    doc.write_text("将那受村和青法村打造为农村党建示范点", encoding="utf-8")
    data = tmp_path / "rules" / "segment" / "dictionary.txt"
    data.parent.mkdir(parents=True)
    data.write_text("那受村 1000 ns\n", encoding="utf-8")
    args = ["extract", str(doc.parent), "--types", "body", "--data-dir", str(tmp_path / "rules")]
    remote = runner.invoke(app, args + ["--scheduler", client.scheduler.address])
    assert [json.loads(x)["name"] for x in remote.stdout.splitlines()] == ["那受村", "青法村"], remote.output


def test_extract_bag(client, samples_dir):
    from djextract.dask import extract_bag

    bag = extract_bag([str(samples_dir)], types=["figure"])
    mentions = bag.compute()
    assert mentions and {m["type"] for m in mentions} == {"figure"}
    import dask.bag as db

    texts = db.from_sequence([{"id": "a", "text": "党员7514人"}, {"id": "b", "text": "新成立党支部62个"}])
    got = sorted((m["doc"], m["value"]) for m in extract_bag(texts).compute())
    assert got == [("a", 7514), ("b", 62)]


def test_bag_to_parquet_with_typed_columns(client, samples_dir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    pytest.importorskip("dask.dataframe")
    from djextract.dask import META, extract_bag

    extract_bag([str(samples_dir)], types=["figure"]).to_dataframe(meta=META).to_parquet(
        str(tmp_path / "m"), write_index=False)
    table = pq.read_table(tmp_path / "m")
    assert str(table.schema.field("value_max").type) == "double" and str(table.schema.field("start").type) == "int64"
    assert table.num_rows == len(extract_bag([str(samples_dir)], types=["figure"]).compute())


def test_killed_worker_loses_and_duplicates_nothing(tmp_path, samples_dir):
    from distributed import Client, LocalCluster

    src = tmp_path / "in"
    src.mkdir()
    text = (samples_dir / "002_e6ce74bfb9ddebab.txt").read_text(encoding="utf-8")
    n = 80
    for i in range(n):
        (src / f"d{i:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = Client(cluster)
    try:
        killed_at: list[int] = []

        def kill_one() -> None:
            deadline = time.time() + 60
            while time.time() < deadline and len(list(out.rglob("*.jsonl"))) < 3:
                time.sleep(0.05)
            pids = c.run(os.getpid)
            killed_at.append(len(list(out.rglob("*.jsonl"))))
            os.kill(sorted(pids.values())[0], signal.SIGKILL)

        threading.Thread(target=kill_one, daemon=True).start()
        r = runner.invoke(app, ["extract", str(src), "--output-dir", str(out), "--scheduler",
                                c.scheduler.address])
        assert r.exit_code == 0, r.output
    finally:
        c.close()
        cluster.close()
    assert killed_at and killed_at[0] < n  # the worker died mid-run
    files = sorted(p.name for p in out.rglob("*.jsonl"))
    assert files == [f"d{i:02d}.txt.jsonl" for i in range(n)]
    assert not list(out.rglob("*.tmp"))
    expected = (out / "d00.txt.jsonl").read_text(encoding="utf-8")
    for p in out.rglob("*.jsonl"):
        body = p.read_text(encoding="utf-8")
        assert body.replace("d00.txt", p.name[:-6]) == expected.replace("d00.txt", p.name[:-6])


def test_scheduler_without_dask_says_how_to_install(monkeypatch):
    from djextract import dask as djdask

    def missing() -> None:
        raise ImportError(djdask.INSTALL_HINT)

    monkeypatch.setattr(djdask, "require_dask", missing)
    r = runner.invoke(app, ["extract", "-", "--scheduler", "local"], input="党员5人")
    assert r.exit_code == 2 and "pip install 'djextract[dask]'" in r.output
