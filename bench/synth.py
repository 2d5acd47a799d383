"""A realistic SYNTHETIC corpus for bench/scale.py: real section skeletons and sentences recombined.

Skeletons (headings in order) come from the seed reports (reports/); sentences from the seeds and
../shared/corpus-unseen (its two header lines skipped). Each synthetic report gets a county/district
drawn from the gazetteer, a year, the source places in its sentences replaced by its own, and every
figure randomised. Files are named synthetic_NNNNN.txt and end with a line saying they are synthetic:
none of them is a real government report.
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.places import gazetteer  # noqa: E402

UNSEEN = ROOT.parent / "shared" / "corpus-unseen"
MARK = "(本文件为 bench/scale.py 生成的合成测试数据:句子取自真实报告并重新组合,地名与数字随机,不是真实的政府报告。)"
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_SENTENCE = re.compile(r"[^。!?;！？；]+[。!?;！？；]")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*年)")  # a year (2023年) is left as written


@dataclass
class Source:
    headings: list[str]      # top- and second-level headings, in order
    sentences: list[str]     # body sentences, with this source's place names replaced by {P}


def _read(path: Path, header_lines: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[header_lines:]
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("|")]


def _source(lines: list[str]) -> Source:
    names = sorted({n for _, _, d in gazetteer.find_in("".join(lines[:3])) for n in _names(d)}, key=len, reverse=True)
    headings, sentences = [], []
    for ln in lines[1:]:
        if _HEADING.match(ln) and len(ln) < 60:
            headings.append(ln)
            continue
        for s in _SENTENCE.findall(ln):
            for n in names:
                s = s.replace(n, "{P}")
            if 12 <= len(s) <= 220:
                sentences.append(s)
    return Source(headings, sentences)


def _names(d: gazetteer.Division) -> list[str]:
    short = re.sub(r"(?:自治[区州县旗]|[省市区县旗])$", "", d.name)
    return [d.name] + ([short] if len(short) >= 2 else [])


def sources() -> tuple[list[Source], list[str]]:
    """(every source, the sentence pool)."""
    seeds = [_source(_read(p, 0)) for p in sorted((ROOT / "reports").glob("*.txt"))]
    unseen = [_source(_read(p, 2)) for p in sorted(UNSEEN.glob("*.txt"))] if UNSEEN.is_dir() else []
    pool = [s for src in seeds + unseen for s in src.sentences]
    return [s for s in seeds if len(s.headings) >= 4], pool


def places() -> list[gazetteer.Division]:
    """Counties and districts of the gazetteer, in code order (a fixed list for a fixed seed)."""
    seen = {d.code: d for ds in gazetteer.pinyin_index().values() for d in ds if d.level in ("county", "district")}
    return [seen[c] for c in sorted(seen)]


def _figures(s: str, rng: random.Random) -> str:
    def one(m: re.Match) -> str:
        text = m.group(0)
        if "." in text:
            whole, frac = text.split(".")
            return f"{rng.randint(0, 10 ** len(whole) - 1)}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
        return str(rng.randint(1 if len(text) == 1 else 10 ** (len(text) - 1), 10 ** len(text) - 1))

    return _NUMBER.sub(one, s)


def report(i: int, skeletons: list[Source], pool: list[str], divisions: list[gazetteer.Division],
           seed: int = 13) -> tuple[str, str]:
    """(file name, text) of synthetic report i; the same i and seed always give the same report."""
    rng = random.Random(seed * 1_000_003 + i)
    d = divisions[rng.randrange(len(divisions))]
    place = gazetteer.full_name(d)
    year = rng.randint(2018, 2024)
    skeleton = skeletons[rng.randrange(len(skeletons))]
    lines = [f"{place}{year}年法治政府建设情况报告",
             f"{year}年,{d.name}坚持以习近平法治思想为指导,扎实推进法治政府建设各项工作。现将有关情况报告如下:"]
    for heading in skeleton.headings:
        lines.append(heading)
        for _ in range(rng.randint(1, 3)):  # real sections run to several paragraphs (~6k characters a report)
            body = [rng.choice(pool) for _ in range(rng.randint(3, 7))]
            lines.append(_figures("".join(body), rng).replace("{P}", d.name))
    lines += [f"{place}人民政府", f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日", MARK]
    return f"synthetic_{i:05d}.txt", "\n".join(lines) + "\n"


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write reports start … start+n-1 into folder (kept: a second run at the same size reuses them)."""
    folder.mkdir(parents=True, exist_ok=True)
    skeletons, pool = sources()
    divisions = places()
    paths = []
    for i in range(start, start + n):
        name, text = report(i, skeletons, pool, divisions)
        path = folder / name
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    out = write_corpus(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    print(out[0].read_text(encoding="utf-8")[:1500])
