"""Domain vocabulary, the EN→ZH glossary and sentence/clause spans (assistant/text/)."""
import pytest

from assistant.domain.glossary import expand_english, glossary_matches, terms_of
from assistant.text.lexicon import domain_terms_in, tokenize
from assistant.text.spans import clause_spans, sentence_spans


def test_domain_words_stay_whole():
    toks = tokenize("婺城区复议后案件实现零败诉,行政诉讼败诉率下降")
    for word in ("零败诉", "复议后", "行政诉讼", "败诉率"):
        assert word in toks


@pytest.mark.parametrize("english,terms", [
    ("Which counties reported zero defeat in reconsideration cases?", ["零败诉", "行政复议"]),
    ("What was the defeat rate in administrative litigation?", ["败诉率", "行政诉讼"]),
    ("correction rate of reconsideration", ["纠错率"]),
    ("How many legal aid cases?", ["法律援助"]),
    ("mediation success", ["人民调解"]),
    ("normative documents reviewed", ["规范性文件"]),
    # who studies and meets, and where a figure counts (党组理论学习14次, 各单位组织干部职工…, 全市交通窗口办件)
    ("How many theory study sessions did the district government's Party group hold?", ["理论学习", "党组"]),
    ("sessions individual units organised for their staff", ["单位", "职工"]),
    ("cases handled at transport windows citywide", ["办件", "交通", "窗口", "全市"]),
    # what became of documents cleaned up (继续有效24件、限期修改115件、废止35件、宣布失效11件)
    ("How many of those stayed in force?", ["继续有效", "继续执行"]),
    ("how many were kept valid, and how many expired?", ["继续有效", "失效"]),
])
def test_glossary(english, terms):
    got = expand_english(english)
    assert all(t in got for t in terms), got


def test_glossary_matches_carry_spans_and_skip_excluded_ones():
    question = "legal aid cases, excluding mediation"
    matches = glossary_matches(question)
    spans = {question[s:e] for _, s, e in matches}
    assert {"legal aid", "mediation"} <= spans
    assert "人民调解" in terms_of(matches)
    excluded = (question.index("excluding"), len(question))
    assert "人民调解" not in terms_of(matches, [excluded]) and "法律援助" in terms_of(matches, [excluded])


def test_glossary_matches_whole_words_only():
    assert expand_english("plant inspection") == expand_english("inspection")


def test_domain_terms_most_specific_first():
    assert set(domain_terms_in("行政诉讼败诉率")) == {"败诉率", "行政诉讼"}
    assert "败诉" not in domain_terms_in("零败诉")


def test_sentence_and_clause_spans_are_offsets_into_the_text():
    text = "  一、总体情况。全年办结72件,纠错率3.64%;无败诉。\n下一段"
    sents = sentence_spans(text, 0, len(text))
    assert [text[s:e] for s, e in sents] == ["一、总体情况。", "全年办结72件,纠错率3.64%;", "无败诉。", "下一段"]
    s, e = sents[1]
    assert [text[a:b] for a, b in clause_spans(text, s, e)] == ["全年办结72件", "纠错率3.64%;"]


@pytest.mark.parametrize("english, term", [
    ("how many licensing items were adjusted", "调整"),
    ("how many items did the city level take over", "承接"),
    ("how many approval items were cancelled", "取消"),
])
def test_what_became_of_approval_items(english, term):
    assert term in expand_english(english)
