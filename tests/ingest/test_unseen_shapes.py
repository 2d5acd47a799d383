"""A report shaped unlike the seeds (HTML page, no place in the title, department issuer)."""
from pathlib import Path

from assistant.ingest.cleaning import clean
from assistant.facts.extract import extract_facts
from assistant.ingest.loader import load_text
from assistant.ingest.metadata import extract_meta

PAGE = Path(__file__).resolve().parents[1] / "data" / "jiangshan.html"


def _load():
    raw = load_text(PAGE)
    cleaned = clean(raw)
    return raw, cleaned


def test_cleaning_removes_site_chrome_and_keeps_signature():
    _, cleaned = _load()
    for junk in ("首页 政务公开", "您当前的位置", "浏览次数", "网站标识码", "扫一扫", "var x"):
        assert junk not in cleaned.text
    assert cleaned.text.startswith("关于2023年度法治政府建设情况的报告")
    assert cleaned.text.endswith("江山市司法局\n2024年3月10日")


def test_metadata_falls_back_to_opening_sentence_and_signature():
    raw, cleaned = _load()
    meta = extract_meta(raw, cleaned.text, cleaned.title, PAGE.name)
    assert (meta.place, meta.issuer, meta.level, meta.year) == ("江山市", "江山市司法局", "department", 2023)
    assert (meta.date_written, meta.date_published) == ("2024-03-10", "2024-03-15")


def test_facts_from_unseen_report():
    _, cleaned = _load()
    facts = {(f.indicator.value, f.value, f.planned) for f in extract_facts(cleaned.text, "r", "江山市", 2023)}
    assert ("reconsideration_received", 136.0, False) in facts
    assert ("reconsideration_correction_rate", 9.4, False) in facts
    assert ("legal_aid_cases", 2345.0, False) in facts
    assert ("litigation_defeat_rate", 5.2, False) in facts
    assert ("litigation_defeat_rate", 5.0, True) in facts  # the 2024 target is a plan, flagged


def test_end_to_end_over_unseen_report(assistant):
    result = assistant.ingest([PAGE], progress=False)
    assert result.added[0].place == "江山市"
    ans = assistant.ask("江山市行政复议纠错率是多少?")
    assert "9.4%" in ans.answer and not ans.abstained
    ans = assistant.ask("Jiangshan legal aid cases?")
    assert "2,345" in ans.answer
    ans = assistant.ask("江山市存在哪些不足?")
    assert "执法人员力量不足" in ans.answer
