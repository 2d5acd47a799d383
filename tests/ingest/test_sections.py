import pytest

from assistant.ingest.cleaning import clean
from assistant.ingest.sections import chunk_report
from assistant.text.sections import heading_label, parse_sections, section_at
from assistant.text.spans import sentence_spans
from assistant.settings import ChunkSettings
from conftest import REPORTS, SEED


def _text(name):
    return clean((REPORTS / name).read_text(encoding="utf-8")).text


def test_wucheng_section_path():
    text = _text("000_1b26b6e538fcc224.txt")
    secs = parse_sections(text)
    offset = text.index("纠错率3.64%")
    assert section_at(secs, offset) == "一、2022年主要工作 > (四)聚焦依法治理,全面维护社会和谐稳定 > 2.做好行政复议和应诉协调"


def test_inline_enumeration_becomes_section():
    text = _text("001_4d08be111e600d4c.txt")
    secs = parse_sections(text)
    path = section_at(secs, text.index("县政府常务会议开展会前学法24次"))
    assert path.startswith("一、主要工作情况 > (一)以习近平法治思想为指引")
    assert path.endswith("二是紧盯“关键少数”")


def test_headings_without_period_and_parentheses_variants():
    text = "标题报告\n一、总体情况\n（一）执法\n1、培训。开展培训2次。\n(1)考试。组织考试。\n二、问题\n一是不足。二是差距。"
    secs = parse_sections(text)
    assert section_at(secs, text.index("组织考试")) == "一、总体情况 > （一）执法 > 1、培训 > (1)考试"
    assert section_at(secs, text.index("差距")) == "二、问题 > 二是差距"


@pytest.mark.parametrize("name", sorted(SEED))
def test_chunks_cover_text_with_exact_offsets(name):
    text = _text(name)
    secs = parse_sections(text)
    cfg = ChunkSettings()
    chunks = chunk_report("r", text, secs, cfg)
    assert len(chunks) >= 10
    for c in chunks:
        assert text[c.start:c.end] == c.text
        assert c.text.strip()
        # never cut mid-sentence: a chunk ends at a sentence end or a line end
        assert c.end == len(text) or text[c.end - 1] in "。;;!?!?”)" or text[c.end] == "\n", c.text[-20:]
    covered = sum(len(c.text) for c in chunks)
    assert covered >= 0.97 * len(text.replace("\n", ""))


def test_long_section_split_at_sentence_ends():
    body = "".join(f"第{i}项工作取得进展,完成任务{i}件。" for i in range(60))
    text = "一、工作\n" + body
    chunks = chunk_report("r", text, parse_sections(text), ChunkSettings(target_chars=120, max_chars=200))
    assert len(chunks) > 3
    assert all(c.text.endswith("。") for c in chunks[1:])
    assert all(len(c.text) <= 200 for c in chunks)


def test_sentence_spans_and_labels():
    text = "甲。乙;丙!\n丁"
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == ["甲。", "乙;", "丙!", "丁"]
    assert heading_label("1.明确目标任务。坚持将党的领导贯穿") == "1.明确目标任务"


def test_markdown_report_headings():
    from assistant.ingest.cleaning import clean

    md = "# 某县2023年度法治政府建设情况报告\n\n## 一、主要工作\n\n### (一)行政复议\n\n**全年**收到行政复议申请20件。\n"
    text = clean(md).text
    assert text.startswith("某县2023年度法治政府建设情况报告")
    secs = parse_sections(text)
    assert section_at(secs, text.index("全年收到")) == "一、主要工作 > (一)行政复议"
