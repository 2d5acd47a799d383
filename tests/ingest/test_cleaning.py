import re

import pytest

from assistant.ingest.cleaning import clean, is_junk
from conftest import REPORTS, SEED

JUNK = ["信息索引号", "主题分类", "浏览量", "浏览次数", "访问量", "分享", "朗读", "扫一扫", "打印 关闭", "Produced By",
        "进入老年模式", "附件下载", "您当前的位置", "智能问答", "便民地图", "新媒体矩阵", "公开方式", "发布机构", "当前位置"]


def _raw(name):
    return (REPORTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SEED))
def test_junk_removed(name):
    text = clean(_raw(name)).text
    for junk in JUNK:
        assert junk not in text, f"{junk!r} left in {name}"


@pytest.mark.parametrize("name", sorted(SEED))
def test_every_content_sentence_kept(name):
    text = clean(_raw(name)).text
    raw_lines = [re.sub(r"\s+", " ", line).strip() for line in _raw(name).splitlines()]
    sentences = [s for line in raw_lines for s in re.findall(r"[^。]{6,}。", line)]
    assert len(sentences) > 20
    missing = [s for s in sentences if s.strip() not in text]
    assert not missing, missing[:3]


@pytest.mark.parametrize("name", sorted(SEED))
def test_title_first_and_signature_kept(name):
    cleaned = clean(_raw(name))
    assert cleaned.title and cleaned.text.startswith(cleaned.title)
    assert "法治政府建设" in cleaned.title


def test_signature_date_is_content():
    text = clean(_raw("003_49aefc5b94c96eef.txt")).text
    assert text.endswith("临海市司法局\n2021年2月28日")


@pytest.mark.parametrize("line,junk", [
    ("浏览量:", True), ("• 日期:2021-03-09 09:33", True), ("2025-02-20 - 来源:", True), ("微博 公开信箱 智能问答", True),
    ("|", True), ("2023年2月16日", False), ("特此报告。", False),
    ("来源于群众的意见建议,共收集并办理完毕意见建议300余条,群众满意度达到98%以上。", False),
])
def test_is_junk(line, junk):
    assert is_junk(line) is junk


def test_pinyin_glosses_after_characters_are_dropped():
    """A reposting site glosses characters with pinyin (實現(xiàn)): the report's words are searched without it,
    while brackets that are the report's own stay."""
    from assistant.ingest.cleaning import normalize_line

    assert normalize_line("優(yōu)化營商環(huán)境") == "優化營商環境"
    assert normalize_line("办结(2023年)案件12件(含复议)") == "办结(2023年)案件12件(含复议)"
    assert normalize_line("开展“法律进企业(qiye)”活动") == "开展“法律进企业(qiye)”活动"  # no tone mark: not a gloss
