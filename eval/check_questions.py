"""Check a question file against its report folder (the verifier checklist of eval/README.md).

    python eval/check_questions.py eval/questions.jsonl reports/ --targets seed
    python eval/check_questions.py eval/unseen.jsonl eval/unseen-reports/ --targets unseen

Checks: every line parses; keys and key order; unique, sequential ids; lang and kind; the answer
shape fits the kind; values are numbers with a unit (approx only true); every evidence source is a
report in the folder; every quote is 10-120 characters, one line, and a substring of
open(path, encoding='utf-8').read(); every lookup/compare value appears as digits in one of the
question's quotes (commas removed); a count value equals len(places); every list/count place (and
the lookup place, the compare winner) has evidence from its own report; must_include phrases
appear in the quotes. Prints a summary of kinds and languages; exits 1 on any problem.

A place is tied to its report through a file -> place table: the seed table of eval/README.md and
any meta.jsonl given with --meta (default: ../shared/corpus-unseen/meta.jsonl when it exists).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ["id", "question", "lang", "kind", "answer", "evidence"]
KINDS = ("lookup", "list", "count", "compare", "open", "unanswerable")
ANSWER_KEYS = {"values", "places", "must_include", "abstain"}
NOT_REPORTS = {"README", "PROVENANCE", "LICENSE", "NOTICE"}
# minimum counts per preset; "en" is a share of all questions
TARGETS = {
    "seed": {"total": 85, "lookup": 30, "list+count+compare": 22, "open": 8, "unanswerable": 12, "en": 0.25},
    "unseen": {"total": 80, "lookup": 35, "list+count": 10, "unanswerable": 12, "en": 0.25},
}


def seed_places(readme: Path) -> dict[str, str]:
    """file -> place from the table '| `000_….txt` | 金华市婺城区 | …' in eval/README.md."""
    out = {}
    if readme.exists():
        for m in re.finditer(r"^\|\s*`([^`]+\.txt)`\s*\|\s*([^|]+?)\s*\|", readme.read_text(encoding="utf-8"), re.M):
            out[m.group(1)] = m.group(2)
    return out


def meta_places(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            out[m["file"]] = m["place"]
    return out


def number_re(value: float | int) -> re.Pattern:
    s = str(value)
    if isinstance(value, float) and value.is_integer():
        s = str(int(value))
    # a whole token: 16 must not match inside 1536, nor 1.2 inside 11.25
    return re.compile(rf"(?<![\d.]){re.escape(s)}(?!\.?\d)")


def plain(s: str) -> str:
    return re.sub(r"[\s\"'“”‘’「」『』]", "", s)


def check(qpath: Path, folder: Path, file_place: dict[str, str]) -> tuple[list[str], list[str], list[dict]]:
    errors: list[str] = []
    warnings: list[str] = []
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
             if p.is_file() and p.stem.upper() not in NOT_REPORTS and p.suffix in (".txt", ".md", ".html", ".htm")}
    place_files: dict[str, set[str]] = {}
    for f, pl in file_place.items():
        if f in texts:
            place_files.setdefault(pl, set()).add(f)
    unmapped = sorted(set(texts) - set(file_place))
    if unmapped:
        warnings.append(f"no place known for {len(unmapped)} report(s): {', '.join(unmapped[:5])}")

    qs: list[dict] = []
    seen: set[str] = set()
    for n, line in enumerate(qpath.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{qpath.name}:{n}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not valid JSON ({e.msg})")
            continue
        if not isinstance(q, dict) or list(q) != KEYS:
            errors.append(f"{where}: keys must be {KEYS} in this order, got {list(q) if isinstance(q, dict) else type(q).__name__}")
            continue
        qid = q["id"]
        where = f"{qpath.name}:{n} {qid}"
        if qid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(qid)
        qs.append(q)
        if not isinstance(q["question"], str) or not q["question"].strip():
            errors.append(f"{where}: empty question")
        lang, kind, ans, evid = q["lang"], q["kind"], q["answer"], q["evidence"]
        if lang not in ("zh", "en"):
            errors.append(f"{where}: lang must be zh or en")
        elif isinstance(q["question"], str):
            cjk = len(re.findall(r"[\u4e00-\u9fff]", q["question"]))
            latin = len(re.findall(r"[A-Za-z]", q["question"]))
            if (lang == "zh" and cjk == 0) or (lang == "en" and latin < cjk):
                warnings.append(f"{where}: question text does not look like lang={lang}")
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
            continue
        if not isinstance(ans, dict) or set(ans) - ANSWER_KEYS:
            errors.append(f"{where}: answer keys must be among {sorted(ANSWER_KEYS)}")
            continue
        values, places, must = ans.get("values", []), ans.get("places", []), ans.get("must_include", [])

        # ---- values
        for v in values:
            if not isinstance(v, dict) or set(v) - {"value", "unit", "approx"} or "value" not in v or "unit" not in v:
                errors.append(f"{where}: a value must be {{value, unit[, approx]}}: {v}")
                continue
            if isinstance(v["value"], bool) or not isinstance(v["value"], (int, float)):
                errors.append(f"{where}: value must be a JSON number, got {v['value']!r}")
            if not isinstance(v["unit"], str) or not v["unit"]:
                errors.append(f"{where}: value {v['value']} has no unit")
            if "approx" in v and v["approx"] is not True:
                errors.append(f"{where}: approx may only be true")
        if not all(isinstance(p, str) and p for p in places):
            errors.append(f"{where}: places must be non-empty strings")
            continue
        if len(set(places)) != len(places):
            errors.append(f"{where}: duplicate place in answer")
        if not all(isinstance(p, str) and p for p in must):
            errors.append(f"{where}: must_include must be non-empty strings")
            continue

        # ---- shape by kind
        shape = {
            "lookup": len(places) == 1 and bool(values or must) and "abstain" not in ans,
            "list": bool(places) and not values and "abstain" not in ans,
            "count": len(values) == 1 and bool(places) and "abstain" not in ans,
            "compare": len(places) == 1 and len(values) >= 2 and "abstain" not in ans,
            "open": 2 <= len(must) <= 4 and not values and not places and "abstain" not in ans,
            "unanswerable": ans == {"abstain": True},
        }[kind]
        if not shape:
            errors.append(f"{where}: answer shape does not fit kind '{kind}': {ans}")
        if kind == "count" and values and values[0].get("value") != len(places):
            errors.append(f"{where}: count value {values[0].get('value')} != len(places) {len(places)}")
        if kind == "count" and values and values[0].get("unit") != "份":
            warnings.append(f"{where}: count unit is {values[0].get('unit')!r}, README uses 份 for reports")

        # ---- evidence
        if not isinstance(evid, list):
            errors.append(f"{where}: evidence must be a list")
            continue
        quotes: list[str] = []
        sources: list[str] = []
        for e in evid:
            if not isinstance(e, dict) or list(e) != ["source", "quote"]:
                errors.append(f"{where}: evidence item must be {{source, quote}}: {e}")
                continue
            src, quote = e["source"], e["quote"]
            if src not in texts:
                errors.append(f"{where}: source {src!r} is not a report in {folder}")
                continue
            if not isinstance(quote, str) or not 10 <= len(quote) <= 120:
                errors.append(f"{where}: quote must be 10-120 characters ({len(quote) if isinstance(quote, str) else '?'}): {quote!r}")
            if isinstance(quote, str) and ("\n" in quote or "\r" in quote):
                errors.append(f"{where}: quote contains a line break")
            if isinstance(quote, str) and quote not in texts[src]:
                errors.append(f"{where}: quote not found in {src}: {quote!r}")
            quotes.append(quote if isinstance(quote, str) else "")
            sources.append(src)
        if kind != "unanswerable" and not quotes:
            errors.append(f"{where}: no evidence")
        if kind == "compare" and len(set(sources)) < 2:
            errors.append(f"{where}: a compare needs one quote per side")

        # numbers as digits in the quotes
        if kind in ("lookup", "compare"):
            hay = [qt.replace(",", "") for qt in quotes]
            for v in values:
                if isinstance(v.get("value"), (int, float)) and not isinstance(v["value"], bool):
                    rx = number_re(v["value"])
                    if not any(rx.search(h) for h in hay):
                        errors.append(f"{where}: value {v['value']} does not appear in any quote")
        # phrases in the quotes
        if kind in ("lookup", "open", "compare"):
            joined = plain("\n".join(quotes))
            for ph in must:
                if plain(ph) not in joined:
                    errors.append(f"{where}: must_include phrase {ph!r} is not in the quotes")

        # each place with evidence from its own report
        def own(place: str) -> bool:
            return bool(place_files.get(place, set()) & set(sources))
        if kind in ("list", "count"):
            for pl in places:
                if pl not in place_files:
                    errors.append(f"{where}: place {pl!r} is not a place of any report in {folder}")
                elif not own(pl):
                    errors.append(f"{where}: place {pl!r} has no evidence from its own report")
            extra = {s for s in sources if file_place.get(s) not in places}
            if extra:
                warnings.append(f"{where}: evidence from reports whose place is not in the answer: {sorted(extra)}")
        if kind in ("lookup", "compare"):
            for pl in places:
                if pl not in place_files:
                    errors.append(f"{where}: place {pl!r} is not a place of any report in {folder}")
                elif not own(pl):
                    errors.append(f"{where}: place {pl!r} has no evidence from its own report")
    # ids sequential
    m = [re.fullmatch(r"([A-Za-z]*)(\d+)", q["id"]) for q in qs]
    if all(m) and qs:
        nums = [int(x.group(2)) for x in m]
        if len({x.group(1) for x in m}) != 1 or nums != list(range(1, len(qs) + 1)):
            errors.append("ids are not sequential (same prefix, numbered 1..N in file order)")
    else:
        errors.append("ids must look like <prefix><number>, e.g. q001")
    return errors, warnings, qs


def summary(qs: list[dict]) -> str:
    kinds = Counter(q["kind"] for q in qs)
    langs = Counter(q["lang"] for q in qs)
    by = Counter((q["kind"], q["lang"]) for q in qs)
    lines = [f"{len(qs)} questions; " + ", ".join(f"{k} {langs[k]} ({langs[k] / max(len(qs), 1):.0%})" for k in ("zh", "en"))]
    lines.append(f"{'kind':<13}{'all':>5}{'zh':>5}{'en':>5}")
    for k in KINDS:
        if kinds[k]:
            lines.append(f"{k:<13}{kinds[k]:>5}{by[(k, 'zh')]:>5}{by[(k, 'en')]:>5}")
    return "\n".join(lines)


def target_problems(qs: list[dict], targets: dict) -> list[str]:
    kinds = Counter(q["kind"] for q in qs)
    out = []
    for key, want in targets.items():
        if key == "total":
            have = len(qs)
        elif key == "en":
            have = sum(q["lang"] == "en" for q in qs) / max(len(qs), 1)
        else:
            have = sum(kinds[k] for k in key.split("+"))
        if have < want:
            out.append(f"target not met: {key} = {have:.2f} < {want}" if key == "en" else f"target not met: {key} = {have} < {want}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("reports", type=Path, help="the report folder the quotes come from")
    ap.add_argument("--meta", type=Path, action="append", default=None,
                    help="meta.jsonl with file and place (repeatable); default ../shared/corpus-unseen/meta.jsonl if present")
    ap.add_argument("--targets", choices=sorted(TARGETS), help="also check the mix of kinds and languages")
    args = ap.parse_args()

    file_place = seed_places(ROOT / "eval" / "README.md")
    metas = args.meta if args.meta is not None else [p for p in [ROOT.parent / "shared" / "corpus-unseen" / "meta.jsonl"] if p.exists()]
    for m in metas:
        file_place.update(meta_places(m))
    if not args.reports.is_dir() or not args.questions.is_file():
        print(f"error: need a question file and a report folder ({args.questions}, {args.reports})")
        return 1
    errors, warnings, qs = check(args.questions, args.reports, file_place)
    if args.targets:
        errors += target_problems(qs, TARGETS[args.targets])
    print(f"{args.questions} against {args.reports}")
    print(summary(qs))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{'FAIL' if errors else 'OK'}: {len(errors)} problem(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
