"""Zero-defeat wordings beyond the seed reports, and look-alikes that are not claims."""
import pytest

from assistant.facts.extract import extract_facts, states_zero_claim


@pytest.mark.parametrize("sentence,scope", [
    ("行政诉讼案件败诉数为0。", "行政诉讼案件"),
    ("全年未发生行政诉讼败诉案件。", ""),
    ("行政应诉案件无一败诉。", "行政应诉案件"),
    ("以县政府为被告的行政诉讼案件实现“零败诉”。", "以县政府为被告的行政诉讼案件"),
    ("2023年行政诉讼案件败诉率为零。", "2023年行政诉讼案件"),
])
def test_claims(sentence, scope):
    facts = [f for f in extract_facts("一、主要工作\n" + sentence, "r", "某县", 2023) if f.indicator.value == "zero_defeat"]
    assert [(f.value, f.scope) for f in facts] == [(True, scope)]
    assert states_zero_claim(sentence)


@pytest.mark.parametrize("sentence", [
    "未能实现零败诉。", "败诉率为0.5%。", "全年行政诉讼案件败诉率8.2%,未发生重大败诉。", "行政诉讼败诉率逐年下降。",
])
def test_not_claims(sentence):
    assert not [f for f in extract_facts("一、主要工作\n" + sentence, "r", "某县", 2023) if f.indicator.value == "zero_defeat"]
    assert not states_zero_claim(sentence)


def test_certification_rate_variant():
    facts = extract_facts("一、主要工作\n行政执法人员持证上岗率100%。", "r", "某县", 2023)
    assert [(f.indicator.value, f.value) for f in facts] == [("enforcement_certification_rate", 100.0)]
