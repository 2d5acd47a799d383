"""Metadata of the 30 real report openings in eval/unseen-reports against the hand-made
tests/data/unseen_meta.jsonl (a copy of shared/corpus-unseen/meta.jsonl): full place, year, level."""
import json
from pathlib import Path

import pytest

from assistant.ingest.prepare import prepare
from assistant.settings import ChunkSettings

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "eval" / "unseen-reports"
GOLD = [json.loads(line) for line in (ROOT / "tests" / "data" / "unseen_meta.jsonl").read_text(encoding="utf-8").splitlines()]
LEVEL = {"zone": "development_zone"}


def _meta(name: str, as_name: str | None = None):
    path = FOLDER / name
    if as_name:  # the same text under a file name that says nothing
        target = Path(as_name)
        target.write_bytes(path.read_bytes())
        path = target
    return prepare(path, 20, ChunkSettings()).meta


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_unseen_metadata_with_file_names(gold):
    meta = _meta(gold["file"])
    assert (meta.place_full, meta.year, meta.level) == (gold["place"], gold["year"], LEVEL.get(gold["level"], gold["level"]))
    if gold["level"] != "zone":  # 北京经开区 is a user's abbreviation, never written in the report
        assert gold["place_short"].rstrip("省市县区镇") in f"{meta.place}{meta.issuer or ''}"


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_unseen_metadata_from_the_text_alone(gold, tmp_path):
    meta = _meta(gold["file"], str(tmp_path / "001.txt"))
    assert meta.year == gold["year"] and meta.level == LEVEL.get(gold["level"], gold["level"])
    if gold["file"].startswith("145"):  # the text says only 我区 / 区司法局: the place is unknown, not guessed
        assert meta.place is None and meta.place_full is None
    elif gold["file"].startswith("157"):  # 下洋镇 exists in 徐闻 and in 永春; only the file name tells which
        assert meta.place == "下洋镇" and meta.place_full.endswith("县下洋镇")
    else:
        assert meta.place_full == gold["place"]


def test_departments_keep_their_kind():
    kinds = {g["file"][:3]: _meta(g["file"]).department for g in GOLD if g["level"] == "department"}
    assert kinds["117"] == "司法厅" and kinds["119"] == "公安局" and kinds["121"] == "人社局"
