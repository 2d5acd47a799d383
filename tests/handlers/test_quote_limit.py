"""More reports match than an answer quotes (answer.list_quote_limit): the count stays exact and exhaustive,
the first N in the answer's order are quoted and cited, and one line says how many more match and how to see
them — in the question's language. Below the limit the answer is the one it always was."""
import pytest

from assistant import Assistant
from assistant.checks.citations import check_answer
from assistant.settings import AnswerSettings, Settings
from conftest import FakeEmbedding


@pytest.fixture
def limited(seeded_home):
    a = Assistant.open(Settings(home=seeded_home, answer=AnswerSettings(list_quote_limit=1)), embed_model=FakeEmbedding())
    yield a
    a.close()


def _verified(a, answer):
    texts = {c.report_id: a.text(c.report_id) for c in answer.citations}
    assert check_answer(answer, texts) == []  # the "more" line's numbers are the program's counts


def test_keyword_list_counts_all_and_quotes_the_first(seeded, limited):
    full, cut = (a.ask("哪些报告提到了“法律明白人”?", generate=False) for a in (seeded, limited))
    assert full.coverage.matched == cut.coverage.matched == 4 and full.coverage.quoted is None
    assert cut.coverage.quoted == 1 and len(cut.citations) == 1
    assert cut.citations[0] == full.citations[0]  # the first in scope order (file name)
    assert set(cut.places) == set(full.places)  # every matching report is still named in `places`
    assert cut.answer.startswith("检查了5份报告:4份提到了“法律明白人”")
    assert "另有3份报告也提到了“法律明白人”,此处只引用了前1份。" in cut.answer
    assert "fazhi ask --all" in cut.answer and "另有" not in full.answer
    assert "quoted" not in full.coverage.model_dump() and cut.coverage.model_dump()["quoted"] == 1
    _verified(limited, cut)


def test_count_of_a_figure_quotes_the_first(limited):
    ans = limited.ask("有几份报告给出了行政诉讼败诉率?", generate=False)
    assert ans.route == "count" and ans.coverage.matched == 2 and ans.coverage.quoted == 1
    assert "2份" in ans.answer and "另有1份报告也报告了" in ans.answer
    assert len({c.report_id for c in ans.citations}) == 1
    _verified(limited, ans)


def test_english_answer_says_how_many_more(limited):
    ans = limited.ask("How many reports cover the year 2023?", generate=False)
    assert ans.coverage.matched == 2 and ans.coverage.quoted == 1 and len(ans.citations) == 1
    assert "1 more reports also match; only the first 1 are quoted here." in ans.answer
    assert "narrow the question by year, level or place" in ans.answer
    _verified(limited, ans)


def test_no_limit_quotes_every_match(seeded_home, seeded):
    a = Assistant.open(Settings(home=seeded_home, answer=AnswerSettings(list_quote_limit=0)), embed_model=FakeEmbedding())
    try:
        q = "哪些报告提到了“枫桥”?"
        assert a.ask(q, generate=False).answer == seeded.ask(q, generate=False).answer
    finally:
        a.close()
