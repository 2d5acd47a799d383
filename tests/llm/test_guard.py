"""Guards on LLM phrasing that need the fact table: figure ↔ indicator, 万/亿 scale, targets, merge."""
from assistant.llm.guard import figures_consistent, merge
from assistant.models import Answer


def _cit(a, place, phrase):
    from assistant.models import Citation

    meta = next(m for m in a.reports() if m.place == place)
    text = a.text(meta.id)
    start = text.index(phrase)
    return Citation(key=1, report_id=meta.id, source=meta.source, title=meta.title, place=meta.place,
                    year=meta.year, section="", quote=phrase, start=start, end=start + len(phrase))


def test_number_must_travel_with_its_indicator(seeded):
    cit = [_cit(seeded, "宿迁经济技术开发区", "全年办理法律帮助案件314件,法律援助案件88件")]
    assert figures_consistent("宿迁经开区2024年办理了88件法律援助案件。[1]", cit, seeded.all_facts) == []
    assert figures_consistent("宿迁经开区2024年办理了314件法律援助案件。[1]", cit, seeded.all_facts)
    assert figures_consistent("Suqian handled 88 legal aid cases [1].", cit, seeded.all_facts) == []


def test_wan_is_not_million(seeded):
    cit = [_cit(seeded, "临海市", "调解涉及金额20574.58万元")]
    assert figures_consistent("The mediation involved 20574.58 million yuan [1].", cit, seeded.all_facts)
    assert figures_consistent("调解涉及金额20574.58万元[1]。", cit, seeded.all_facts) == []


def test_target_is_not_a_result(seeded):
    cit = [_cit(seeded, "金华市婺城区", "力争行政诉讼一审败诉率控制在8%以下")]
    assert figures_consistent("婺城区行政诉讼败诉率为8%[1]。", cit, seeded.all_facts)
    assert figures_consistent("婺城区力争把一审败诉率控制在8%以下[1]。", cit, seeded.all_facts) == []


def test_merge_keeps_extractive_lines_and_numbering(seeded):
    extractive = seeded.ask("宿迁经开区法律援助案件多少件?")
    first = extractive.citations[0]
    phrased = Answer(question=extractive.question, answer="宿迁经开区办理法律援助案件88件[1]。",
                     citations=[first.model_copy(update={"key": 1})])
    merged = merge(phrased, extractive)
    assert merged.answer.startswith("宿迁经开区办理法律援助案件88件[1]。")
    assert extractive.answer in merged.answer and merged.citations == extractive.citations
