from assistant.checks.citations import check_answer, numbers_in, unsupported_numbers, verify_quote
from assistant.models import Answer, Citation

TEXT = "标题\n2023年共有行政诉讼案件148件,败诉率为21.6%,行政机关负责人出庭率达100%。"


def _cit(quote, key=1, start=None):
    start = TEXT.index(quote) if start is None else start
    return Citation(key=key, report_id="r", source="s.txt", title="平罗县2023年度法治政府建设情况报告", place="平罗县",
                    year=2023, section="一", quote=quote, start=start, end=start + len(quote))


def test_numbers_normalised():
    assert numbers_in("1,536件和3.640%以及07号") == {"1536", "3.64", "7"}


def test_verbatim():
    assert verify_quote(TEXT, _cit("败诉率为21.6%"))
    assert not verify_quote(TEXT, _cit("败诉率为21.6%", start=0))


def test_unsupported_numbers():
    assert unsupported_numbers("平罗县2023年败诉率为21.6%[1]", [_cit("败诉率为21.6%")]) == set()
    assert unsupported_numbers("败诉率为22.6%[1]", [_cit("败诉率为21.6%")]) == {"22.6"}


def test_check_answer_catches_every_problem():
    answer = Answer(question="q", answer="共有148件[1],出庭率100%[2],败诉率30%", citations=[_cit("共有行政诉讼案件148件", start=0)])
    problems = check_answer(answer, {"r": TEXT})
    assert any("not verbatim" in p for p in problems)
    assert any("[2]" in p for p in problems)
    assert any("30" in p for p in problems)
    good = Answer(question="q", answer="共有148件[1]", citations=[_cit("共有行政诉讼案件148件")])
    assert check_answer(good, {"r": TEXT}) == []


def test_numbers_are_supported_by_value_magnitude_and_kind():
    text = "标题\n办理政务服务事项57.95万件,查处涉企案件23起,涉案总金额达2841万元,调解涉及金额122.4552万元。"
    cite = [Citation(key=1, report_id="r", source="s.txt", title="t", place="某县", year=2025, section="一", quote=text[3:],
                     start=3, end=len(text))]
    assert unsupported_numbers("It handled 579,500 government service matters (57.95万件) [1].", cite) == set()
    assert unsupported_numbers("The amount was 28.41 million yuan [1].", cite) == set()
    assert unsupported_numbers("Mediation involved 1.22 million yuan (122.4552万元) [1].", cite) == set()
    assert unsupported_numbers("It handled 57.95 million matters [1].", cite) == {"57.95"}  # 万 is not million
    assert unsupported_numbers("The amount was 23 million yuan [1].", cite) == {"23"}  # 23起 is not money
    assert unsupported_numbers("Mediation involved 1.22 million yuan [1].", cite) == {"1.22"}  # rounded, alone
    assert unsupported_numbers("It handled 580,000 matters in 2025 [1].", cite) == {"580000"}  # beyond precision


def test_an_ordinal_in_the_quote_supports_the_same_ordinal_only():
    text = "标题\n政府透明度指数在全国49个较大城市中排名第四。"
    cite = [Citation(key=1, report_id="r", source="s.txt", title="t", place="某市", year=2022, section="一", quote=text[3:],
                     start=3, end=len(text))]
    assert unsupported_numbers("It ranked the 4th (第四) [1].", cite) == set()
    assert unsupported_numbers("It ranked the 5th [1].", cite) == {"5"}
    assert unsupported_numbers("It handled 4 cases [1].", cite) == {"4"}  # 第四 is no count of cases
