"""The last check drops what it cannot verify, line by line, and abstains when nothing cited is left."""
from types import SimpleNamespace

from assistant.checks.verify import verify
from assistant.models import Citation
from assistant.render.draft import Draft, Line
from assistant.render.slots import Cite
from assistant.understand.intent import Lookup
from assistant.understand.query import Query

TEXT = "2023年共有行政诉讼案件148件,败诉率为21.6%。"
CTX = SimpleNamespace(corpus=SimpleNamespace(text=lambda rid: TEXT))
INTENT = Lookup(query=Query(question="平罗县行政诉讼败诉率?", lang="zh"))


def _cit(quote: str, key: int, start: int | None = None) -> Citation:
    start = TEXT.index(quote) if start is None else start
    return Citation(key=key, report_id="r", source="r.txt", title=None, place="平罗县", year=2023, section="",
                    quote=quote, start=start, end=start + len(quote))


def _line(text: str, key: int) -> Line:
    return Line("evidence", "report.item", {"quote": text, "cite": Cite((key,))})


def test_a_verified_draft_is_kept_as_is():
    draft = Draft(lines=[_line("败诉率为21.6%", 1)], citations=[_cit("败诉率为21.6%", 1)])
    assert verify(draft, INTENT, CTX) is draft


def test_a_line_with_a_number_its_quote_lacks_is_dropped_and_the_rest_kept():
    good, bad = _cit("败诉率为21.6%", 1), _cit("共有行政诉讼案件148件", 2)
    draft = Draft(lines=[_line("败诉率为21.6%", 1), _line("共有行政诉讼案件150件", 2)], citations=[good, bad])
    kept = verify(draft, INTENT, CTX)
    assert [line.keys() for line in kept.lines] == [[1]] and kept.citations == [good] and not kept.abstained


def test_nothing_verifiable_left_abstains():
    forged = _cit("败诉率为21.6%", 1, start=0)  # not at its offsets
    kept = verify(Draft(lines=[_line("败诉率为21.6%", 1)], citations=[forged], route="lookup"), INTENT, CTX)
    assert kept.abstained and not kept.citations and kept.route == "lookup"
    assert kept.lines[0].text("zh") == "在已收录的报告中没有找到能回答这个问题的内容。"
