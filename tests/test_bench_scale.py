"""bench/scale.py runs end to end at a tiny size (the numbers are printed, never asserted)."""
import subprocess
import sys

from conftest import ROOT


def test_scale_bench_smoke(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "3", "--real", "0", "--questions", "1",
                          "--work", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    for line in ("ingest", "Assistant.open", "peak RSS", "store on disk", "ask lookup", "ask compare", "add one report"):
        assert line in out.stdout
    names = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert names == ["synthetic_00000.txt", "synthetic_00001.txt", "synthetic_00002.txt"]
    assert "合成测试数据" in (tmp_path / "corpus" / names[0]).read_text(encoding="utf-8")
