"""Traditional-character pages: matched in simplified characters, quoted as written."""
import opencc

from assistant.text.script import to_simplified
from conftest import REPORTS


def test_same_length_and_simplified():
    text = "臺灣省臺北市政府關於2023年度法治政府建設情況的報告,全年辦理法律援助案件1,536件"
    out = to_simplified(text)
    assert len(out) == len(text) and out.startswith("台湾省台北市政府关于2023年度法治政府建设")
    assert to_simplified("plain ascii") == "plain ascii" and to_simplified("") == ""


def test_traditional_report_end_to_end(assistant, tmp_path):
    seed = (REPORTS / "001_4d08be111e600d4c.txt").read_text(encoding="utf-8")
    page = tmp_path / "pingluo_traditional.txt"
    page.write_text(opencc.OpenCC("s2t").convert(seed), encoding="utf-8")
    meta = assistant.ingest([page], progress=False).added[0]
    assert (meta.place, meta.year, meta.level) == ("平罗县", 2023, "county")
    assert meta.title.startswith("平羅縣")  # the title as the page writes it
    ans = assistant.ask("平罗县2023年行政诉讼败诉率是多少?")
    assert not ans.abstained and "21.6%" in ans.answer
    quote = ans.citations[0].quote
    assert assistant.text(ans.citations[0].report_id)[ans.citations[0].start:ans.citations[0].end] == quote
    assert "訴" in quote  # quoted in traditional characters, verbatim
