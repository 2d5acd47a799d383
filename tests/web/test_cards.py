"""Citation cards: one card per report grouping its quotes, each quote shown once, [n] previews, addresses."""
from __future__ import annotations

import re

from assistant import Answer, Citation
from assistant.web.cards import compact, render_cards
from assistant.web.views import render_answer


def _cit(key: int, rid: str = "r1", quote: str | None = None, url: str | None = None) -> Citation:
    return Citation(key=key, report_id=rid, source=f"{rid}.txt", title=f"{rid}报告", place="平罗县", year=2023,
                    section="一、工作", quote=quote or f"第{key}句。", start=0, end=4, source_url=url)


def test_evidence_lines_are_left_to_the_cards():
    text = "平罗县2023年行政诉讼败诉率为21.6%[1]。\n原文[1]:“败诉率21.6%。”\n原文[9]:“无卡片。”"
    assert compact(text, {1}) == "平罗县2023年行政诉讼败诉率为21.6%[1]。\n原文[9]:“无卡片。”"  # [9] has no card
    item = "- 平罗县:行政诉讼败诉率为21.6%。原文:“败诉率21.6%。”[1]"
    assert compact(item, {1}) == "- 平罗县:行政诉讼败诉率为21.6%。[1]"
    english = "- Pingluo: litigation loss rate: 21.6% — “败诉率21.6%。” [1]"
    assert compact(english, {1}) == "- Pingluo: litigation loss rate: 21.6% [1]"


def test_the_page_shows_each_quote_once_and_one_chip_per_report():
    cits = [_cit(1, quote="败诉率21.6%。"), _cit(2, quote="收案148件。"), _cit(3, "r2", "零败诉。")]
    answer = Answer(question="q", answer="败诉率为21.6%[1],收案148件[2];另一县零败诉[3]。\n原文[1]:“败诉率21.6%。”\n"
                                         "原文[2]:“收案148件。”\n原文[3]:“零败诉。”", citations=cits)
    html = render_answer(answer, "m", lambda rid: None)
    visible = re.sub(r'<span class="fz-tip".*?</span></a>', "</a>", html)  # previews show only on hover/focus
    assert visible.count("败诉率21.6%。") == 1 and visible.count("收案148件。") == 1 and "原文[" not in visible
    cards = re.findall(r"<details[^>]*>", html)
    assert len(cards) == 2 and " open" in cards[0]  # r1's two quotes share one card, open; r2 folded
    assert '<span class="fz-n">[1][2]</span>' in html and '<span class="fz-n">[3]</span>' in html
    assert 'id="cite-m-2"' in html and 'href="#cite-m-2"' in html  # [2] still leads to its quote


def test_a_card_whose_quotes_the_text_shows_is_folded():
    answer = Answer(question="q", answer="平罗县写道:“零败诉。”[1]", citations=[_cit(1, quote="零败诉。")])
    assert " open" not in re.findall(r"<details[^>]*>", render_answer(answer, "m", lambda rid: None))[0]


def test_ref_preview_names_report_section_and_quote():
    answer = Answer(question="q", answer="见[1]。", citations=[_cit(1, quote="很长的" * 60)])
    tip = re.search(r'<span class="fz-tip" role="tooltip">(.*?)</span></a>', render_answer(answer, "m", lambda r: None))
    assert tip and "平罗县 · 2023 · 一、工作" in tip.group(1) and tip.group(1).endswith("…”")


def test_card_shows_the_reports_address_as_a_link():
    html = render_cards([_cit(1, url="https://www.gov.cn/a?b=1&c=<x>")], "m", "", lambda rid: None)
    assert 'href="https://www.gov.cn/a?b=1&amp;c=&lt;x&gt;"' in html and 'rel="noopener noreferrer"' in html
    assert "javascript" not in render_cards([_cit(1, url="javascript:alert(1)")], "m", "", lambda rid: None)


def test_exports_name_the_reports_address():
    from assistant.web.export import answer_markdown

    md = answer_markdown(Answer(question="q", answer="见[1]。", citations=[_cit(1, url="https://www.gov.cn/a.html")]))
    assert "网址: https://www.gov.cn/a.html" in md and "来源文件: r1.txt" in md
    assert "网址" not in answer_markdown(Answer(question="q", answer="见[1]。", citations=[_cit(1)]))
