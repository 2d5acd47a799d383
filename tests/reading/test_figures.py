"""Figures in clauses (the open-vocabulary reader), the words a clause counts, and (slow, real
embedder) the clause each English part asks for."""
import pytest

from assistant.reading.figures import figure_clauses, head_term, term_before
from assistant.reading.figures_en import ANY_COUNT


def _figure(text: str) -> str | None:
    found = [text[q.start:q.end] for _, q, _ in figure_clauses(text, None)]
    return found[0] if found else None


@pytest.mark.parametrize("text,figure", [
    ("专题学法两次", "两次"), ("召开会议十二次", "十二次"), ("办理办结各类政务服务事项57.95万件", "57.95万件"),
    ("受理1,536件", "1,536件"), ("组织1200余名干部", "1200余名"), ("全年办件约12000件", "约12000件"),
    ("作为一项基础性工作", None), ("对照100项三级指标", "100项"), ("第三次会议", None),
    ("在2023年第8次集中学习会上", None), ("开展习近平法治思想学习15次", "15次"),
    ("浏览总量达到30余万次", "30余万次"), ("效率提升70%以上", "70%以上"), ("共计300件", "共计300件"),
])
def test_figures_as_written(text, figure):
    assert _figure(text) == figure


def test_a_figure_is_read_by_value_with_its_unit_apart():
    (_, q, _), = figure_clauses("浏览总量达到30余万次", {"次"})
    assert (q.value, q.unit, q.magnitude, q.approx) == (300000, "次", "万", "over")
    assert [q.text for _, q, _ in figure_clauses("服务群众1.2万人次、培训300人", {"万人次"})] == ["1.2万人次"]


def test_head_term_is_the_thing_counted():
    assert head_term("中期评估的完成度") == "完成度"
    assert head_term("开展法治督察的单位数") == "督察"  # 单位 is a stop word: the last content word counts


def test_any_count_is_never_a_rate_or_money():
    assert {"次", "件", "项"} <= ANY_COUNT and not {"%", "万元", "元"} & ANY_COUNT


def test_term_before_stops_at_the_figure_before():
    assert term_before("举办各类法律宣传活动682场次、法治讲座134场次", "134场次") == "法治讲座"
    assert term_before("举办各类法律宣传活动682场次、法治讲座134场次", "682场次") == "举办各类法律宣传活动"


@pytest.mark.slow
@pytest.mark.parametrize("question,first,second", [
    ("How many legal publicity events did Pingluo hold in 2023, and how many rule-of-law lectures?", "682", "134"),
    ("How many rule-of-law lectures did Pingluo hold in 2023, and how many legal publicity events?", "134", "682"),
])
def test_each_part_gets_its_own_figure_first_part_first(real, question, first, second):
    answer = real.ask(question)
    lines = answer.answer.splitlines()
    assert not answer.abstained and first in lines[0] and second in lines[1], answer.answer
    assert lines[0].startswith("Pingluo County")


class _WordEmbed:
    """Embeds a text as whether it says 学法: enough to tell two figures of one clause apart."""

    def get_text_embedding_batch(self, texts):
        return [[1.0 if "学法" in t else 0.0, 1.0] for t in texts]

    def get_query_embedding(self, text):
        return [1.0, 0.0]


def test_of_two_figures_in_one_clause_the_one_whose_words_are_asked_comes_first():
    from assistant.reading.figures import Figure
    from assistant.reading.figures_en import Cand, own_first

    clause = "组织新提任领导干部考试37人次、机关干部学法考试1.3万人次"
    cands = [Cand(Figure("r", 0, 30, "37人次", 0.0), [True], clause, "组织新提任领导干部考试 "),
             Cand(Figure("r", 0, 30, "1.3万人次", 0.0), [True], clause, "机关干部学法考试 "),
             Cand(Figure("s", 0, 9, "5人次", 0.0), [True], "其他5人次", "学法 ")]
    assert own_first(cands, [0, 2, 1], _WordEmbed(), "law exam") == [1, 0, 2]  # the other clause keeps its place
    assert own_first(cands, [2, 0, 1], _WordEmbed(), "law exam") == [2, 0, 1]  # one figure in the top clause


def test_a_glossary_term_in_a_figures_own_words_tells_it_from_its_neighbour():
    from assistant.reading.figures import Figure
    from assistant.reading.figures_en import Cand, own_first
    from assistant.settings import AnswerSettings

    clause = "挂宣传横幅12条、宣传海报35张"  # banners are 横幅: the embedding alone may prefer the posters
    cands = [Cand(Figure("r", 0, 16, "35张", 0.0), [True], clause, "宣传海报 ", "宣传海报"),
             Cand(Figure("r", 0, 16, "12条", 0.0), [True], clause, "挂宣传横幅 ", "传横幅")]
    assert own_first(cands, [0, 1], _WordEmbed(), "banners", ["横幅"], AnswerSettings()) == [1, 0]


def test_an_english_reading_sees_who_the_clause_names_before_its_figure():
    from assistant.reading.figures import own_words
    from assistant.settings import AnswerSettings

    body = "各单位组织干部职工开展习近平法治思想学习200余场次"
    at = body.index("200")
    assert "单位" not in own_words(body, 0, at, len(body))  # the Chinese reading: the verb and what follows
    assert "单位" in own_words(body, 0, at, len(body), AnswerSettings().en_own_reach)


def _answer(question: str, text: str) -> str | None:
    from assistant.reading.figures import find
    from assistant.settings import AnswerSettings
    from assistant.understand.parts import things_zh

    found = find(things_zh(question), ["r"], lambda rid: text, set(), AnswerSettings())
    return found[0].value if found else None


@pytest.mark.parametrize("question, text, figure", [
    # each part of a sentence counts over its own scope: 市本级 asked, the 全市 figure is another one
    ("市本级交通窗口办件里行政许可有多少件?",
     "2024年,全市交通窗口办件数量为30751件,其中行政许可16634件;市本级办件数量为9651件,其中行政许可9310件。", "9310件"),
    ("全市交通窗口办件里行政许可有多少件?",
     "2024年,全市交通窗口办件数量为30751件,其中行政许可16634件;市本级办件数量为9651件,其中行政许可9310件。", "16634件"),
    # the unit the question wrote (几次) over a near one (场次) that shares more words
    ("区委理论学习中心组集体学法搞了几次?",
     "区委中心组全年组织法治专题学习研讨5次。带动各级党委(党组)理论学习中心组开展法治专题学习400余场次。", "5次"),
])
def test_the_figure_of_the_scope_and_unit_asked(question, text, figure):
    assert _answer(question, text) == figure


def test_an_ordinal_asked_is_answered_by_an_ordinal_and_a_count_never_is():
    text = "全年政府常务会议学法4次,举行第90期鄞州论坛听取知识产权保护专题授课,组织118名区管干部参加专题培训班。"
    assert _answer("那次知识产权保护专题授课是第几期鄞州论坛?", text) == "第90期"
    assert _answer("政府常务会议学法几次?", text) == "4次"
    assert _answer("鄞州论坛一共举办了多少期?", text) is None  # 第90期 is no count of sessions


def test_a_follow_up_of_those_reads_the_figure_in_the_sentence_cited_before():
    from assistant.reading.figures import find
    from assistant.settings import AnswerSettings
    from assistant.understand.parts import things_zh

    text = "共计梳理出36个部门单位、2758项权责清单事项。调整后保留15个部门54项行政审批前置中介服务事项。"
    things = things_zh("涉及多少个部门?")
    cited = text.index("调整后")
    assert find(things, ["r"], lambda rid: text, set(), AnswerSettings())[0].value == "36个"
    beside = find(things, ["r"], lambda rid: text, set(), AnswerSettings(), lambda rid, at: at >= cited)
    assert beside[0].value == "15个"


class _RepealEmbed:
    """Embeds a text as (says 废止 / repealed, says 规范性文件 / documents); the documents weigh little in a
    question, as a real embedding tells clauses of one report apart by small margins."""

    def get_text_embedding_batch(self, texts):
        return [[float("废止" in t), float("规范性文件" in t)] for t in texts]

    def get_query_embedding(self, text):
        return [float("repeal" in text), 0.05 * ("document" in text)]


def test_how_many_of_the_whole_were_v_is_told_by_the_verb_not_the_whole():
    from assistant.reading.figures_en import find_dense
    from assistant.settings import AnswerSettings
    from assistant.understand.parts import things_en
    from assistant.understand.query import Query

    body = ("对237件市政府行政规范性文件进行了集中清理,决定继续有效24件、废止35件、宣布失效11件,"
            "有11件文件已被现行有效的行政规范性文件关联废止。")
    question = "How many of the municipal normative documents were repealed?"
    q = Query(question=question, lang="en", places=["三亚市"], zh_terms=["规范性文件", "废止"])
    found = find_dense(q, things_en(question), ["r"], lambda rid: body, _RepealEmbed(), AnswerSettings())
    assert found and found[0].value == "35件"  # the documents are the whole; 关联废止 of documents is another part
