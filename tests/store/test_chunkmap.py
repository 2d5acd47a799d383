"""Chunks read from SQLite a report at a time: the Mapping the answer stages use."""
from assistant.models import Chunk, ReportMeta
from assistant.store.chunkmap import ChunkMap, report_of
from assistant.store.docstore import DocStore


def chunks(rid, n):
    return [Chunk(id=f"{rid}:{i:04d}", report_id=rid, section="一、", start=i, end=i + 1, text="文") for i in range(n)]


def test_chunks_come_from_sqlite_and_follow_changes(tmp_path):
    docs = DocStore(tmp_path / "f.sqlite")
    docs.add(ReportMeta(id="a", source="a.txt"), "文" * 10, [], chunks("a", 3))
    cm = ChunkMap(docs, cached_reports=1)
    assert len(cm) == 3 and "a:0001" in cm and "b:0000" not in cm and 42 not in cm
    assert cm["a:0002"].start == 2 and [c.id for c in cm.of(["a"])] == ["a:0000", "a:0001", "a:0002"]
    docs.add(ReportMeta(id="b", source="b.txt"), "文" * 10, [], chunks("b", 2))
    cm.changed(["b"])
    assert len(cm) == 5 and "b:0001" in cm and sorted(cm) == sorted(c.id for c in chunks("a", 3) + chunks("b", 2))
    docs.remove("a")
    cm.changed(["a"])
    assert "a:0000" not in cm and len(cm) == 2
    assert report_of("x:y:0003") == "x:y"
