"""Reading shapes the ninth session's sets showed, on a made-up report: 总共…? after a part is the figure 其中 splits;
其中…有几部? after a figure is the part its sentence gives after 其中; an English question over two places gets each
place's own figure; a four-character term is found written apart or turned round (庭审旁听); "how many people"
takes person-times when no figure counts people."""
from __future__ import annotations

import pytest

REPORT = """舟山市交通运输局2024年法治政府建设工作报告
2024年,舟山市交通运输局坚持以习近平法治思想为指导。
一、主要工作
(一)持续推动政务服务增值化改革。2024年,全市交通窗口办件数量为30751件,其中行政许可16634件、其他权利事项14117件。
(二)加强普法宣传。制作应急普法作品13部,其中2部作品荣获全国优秀作品。组织公职人员庭审旁听3次。
(三)加强党员教育。组织党员教育培训120期,培训党员8600人次。
"""


@pytest.fixture
def zhoushan(with_report):
    return with_report(REPORT, "zhoushan.txt")


def _first(answer) -> str:
    return answer.answer.split("\n")[0]


def test_the_whole_after_a_part(zhoushan):
    part = zhoushan.ask("舟山市2024年交通窗口办件中行政许可有多少件?", generate=False)
    assert "16634件" in _first(part), part.answer
    whole = zhoushan.ask("总共办了多少件?", history=[part], generate=False)
    assert "30751件" in _first(whole) and "16634" not in _first(whole), whole.answer


def test_a_part_after_its_whole(zhoushan):
    whole = zhoushan.ask("舟山市2024年制作了多少部普法作品?", generate=False)
    assert "13部" in _first(whole), whole.answer
    part = zhoushan.ask("其中拿奖的有几部?", history=[whole], generate=False)
    assert "2部" in _first(part) and "13部" not in _first(part), part.answer


def test_people_asked_beside_sessions_take_person_times(zhoushan):
    answer = zhoushan.ask("Zhoushan 2024: how many Party member training sessions were held, and how many people trained?",
                          generate=False)
    assert "120 sessions" in answer.answer and "8600 person-times" in answer.answer, answer.answer


def test_a_term_written_turned_round(zhoushan):
    answer = zhoushan.ask("哪些报告提到了旁听庭审?", generate=False)
    assert not answer.abstained and "庭审旁听" in answer.answer, answer.answer


def test_an_english_question_over_two_places_gets_each_figure(with_report):
    with_report(REPORT, "zhoushan.txt")
    both = with_report(REPORT.replace("舟山", "嘉兴").replace("8600人次", "5100人次").replace("120期", "75期"), "jiaxing.txt")
    answer = both.ask("How many person-times of Party members did Zhoushan and Jiaxing train in 2024?", generate=False)
    assert "8600" in answer.answer and "5100" in answer.answer, answer.answer


def test_the_sentence_cited_quoted_whole(zhoushan):
    part = zhoushan.ask("舟山市2024年交通窗口办件中行政许可有多少件?", generate=False)
    quoted = zhoushan.ask("quote the original sentence", history=[part], generate=False)
    assert quoted.route == "quote" and "全市交通窗口办件数量为30751件" in quoted.answer and "其他权利事项14117件" in quoted.answer
    assert len(quoted.citations) == 1 and quoted.citations[0].quote in zhoushan.text(quoted.citations[0].report_id)


def test_one_word_and_a_unit_read_where_it_stands(zhoushan):
    answer = zhoushan.ask("舟山市2024年里面说旁听搞了几次?", generate=False)
    assert "3次" in answer.answer.split("\n")[0], answer.answer
