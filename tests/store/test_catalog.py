"""The catalog kept in step report by report equals one read whole from the store."""
from assistant.models import ReportMeta
from assistant.store.catalog import Catalog
from assistant.store.docstore import DocStore


def _meta(i: int, place: str | None) -> ReportMeta:
    return ReportMeta(id=f"r{i}", source=f"{i:03d}.txt", place=place, year=2020 + i, chars=100, chunks=0)


def _view(c: Catalog) -> tuple:
    return list(c.metas), c.places.places, c.places.primary, c.places.secondary


def test_an_update_equals_a_whole_reload(tmp_path):
    docs = DocStore(tmp_path / "fazhi.sqlite")
    for i, place in enumerate(["平罗县", "临海市", "平罗县"]):
        docs.add(_meta(i, place), "正文", [], [])
    live = Catalog(docs)
    live.load()
    docs.add(_meta(5, "金华市婺城区"), "正文", [], [])
    assert "婺城" in live.update({"r5"})
    docs.remove("r0")  # 平罗县 keeps a report (r2): its names stay
    docs.remove("r1")  # 临海市 loses its only one
    live.update({"r0", "r1"})
    fresh = Catalog(docs)
    fresh.load()
    assert _view(live) == _view(fresh) and list(live.metas) == ["r2", "r5"]
    assert "临海" not in live.places.primary and "平罗" in live.places.primary
