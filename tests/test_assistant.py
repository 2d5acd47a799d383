"""The Python API end to end with the deterministic fake embedder (fast, no model)."""
import shutil

import pytest

from assistant import Assistant, InputError, StoreMismatchError
from assistant.errors import FazhiError
from assistant.settings import Settings
from conftest import REPORTS, SEED, FakeEmbedding


def test_ingest_seed_reports(seeded):
    metas = {m.source: m for m in seeded.reports()}
    assert set(metas) == set(SEED)
    for name, (place, year) in SEED.items():
        assert (metas[name].place, metas[name].year) == (place, year)
        assert metas[name].chunks > 5 and metas[name].sections > 5


def test_reingest_is_noop(seeded):
    before = seeded.vectors.count()
    result = seeded.ingest([REPORTS], progress=False)
    assert result.added == [] and sorted(result.skipped) == sorted(SEED)
    assert seeded.vectors.count() == before


def test_duplicate_under_other_name_skipped(assistant, tmp_path):
    src = REPORTS / "001_4d08be111e600d4c.txt"
    copy = tmp_path / "copy.txt"
    shutil.copy(src, copy)
    result = assistant.ingest([src, copy], progress=False)
    assert len(result.added) == 1 and result.skipped == ["copy.txt"]


def test_folder_with_bad_files(assistant, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(REPORTS / "004_5430cf997af9a534.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    (folder / "bin.txt").write_bytes(b"\x00\x01" * 100)
    (folder / "gbk.txt").write_bytes("临海市司法局关于2020年度法治政府建设情况的报告\n2020年,接收行政复议申请80件。".encode("gbk"))
    (folder / "notitle.txt").write_text("今年开展普法活动12场,受理法律援助案件5件。", encoding="utf-8")
    result = assistant.ingest([folder], progress=False)
    added = {m.source: m for m in result.added}
    assert set(added) == {"004_5430cf997af9a534.txt", "gbk.txt", "notitle.txt"}
    assert added["gbk.txt"].place == "临海市" and added["gbk.txt"].year == 2020
    assert added["notitle.txt"].title is None and added["notitle.txt"].warnings
    failed = {f.path.rsplit("/", 1)[-1]: f.reason for f in result.failed}
    assert set(failed) == {"empty.txt", "image.png", "bin.txt"}
    assert all("\n" not in r for r in failed.values())
    answer = assistant.ask("宿迁经开区法律援助案件多少件?")
    assert "88" in answer.answer


def test_missing_path_reported(assistant, tmp_path):
    result = assistant.ingest([tmp_path / "nope.txt"], progress=False)
    assert result.failed and "no such file" in result.failed[0].reason


@pytest.mark.parametrize("question", [
    "平罗县2023年行政诉讼败诉率是多少?", "婺城区行政复议纠错率是多少?", "宿迁经开区法律援助案件多少件?",
    "Which counties reported zero defeat?", "綦江区司法局存在哪些不足?", "compare Linhai and Pingluo",
    "临海市人民调解成功率", "How many legal aid cases did Wucheng handle?",
])
def test_answers_cite_verbatim(seeded, question):
    answer = seeded.ask(question)
    assert not answer.abstained and answer.citations
    for cit in answer.citations:
        assert seeded.text(cit.report_id)[cit.start:cit.end] == cit.quote
        assert f"[{cit.key}]" in answer.answer
    assert (answer.question, bool(answer.answer)) == (question, True)


def test_answer_language_follows_question(seeded):
    en = seeded.ask("What is Pingluo's defeat rate?").answer
    zh = seeded.ask("平罗县败诉率是多少?").answer
    assert "Pingluo County" in en and "写道" not in en and "原文" not in en
    assert "平罗县" in zh and "County" not in zh and ("原文" in zh or "写道" in zh)


def test_number_lookup(seeded):
    answer = seeded.ask("平罗县2023年行政诉讼败诉率是多少?")
    assert "21.6%" in answer.citations[0].quote and answer.citations[0].place == "平罗县"


def test_zero_defeat_list_covers_each_report(seeded):
    answer = seeded.ask("哪些地区报告了零败诉?")
    places = {c.place for c in answer.citations}
    assert {"金华市婺城区", "重庆市綦江区", "临海市"} <= places
    assert "平罗县" not in places


@pytest.mark.parametrize("question", [
    "杭州市西湖区2023年行政诉讼败诉率是多少?", "平罗县2021年行政复议收案多少件?", "今天天气怎么样?",
])
def test_abstains(seeded, question):
    answer = seeded.ask(question)
    assert answer.abstained and answer.citations == []


def test_rate_not_stated_says_so_and_cites_what_is_there(seeded):
    """Linhai states 复议纠错10件 and 化解率 but no 纠错率: not reported, with the related figures cited."""
    answer = seeded.ask("临海市行政复议纠错率是多少?")
    first = answer.answer.split("\n")[0]
    assert answer.abstained and first == "临海市司法局2020年的报告没有写明行政复议纠错率。"
    assert answer.citations and all("纠错率" not in c.quote for c in answer.citations)
    assert all(line.startswith("相关但不同") for line in answer.answer.split("\n")[1:])


def test_filters(seeded):
    answer = seeded.ask("行政诉讼败诉率", place="平罗")
    assert {c.place for c in answer.citations} == {"平罗县"}
    answer = seeded.ask("法律援助案件", year=2024)
    assert {c.year for c in answer.citations} == {2024}


@pytest.mark.parametrize("kwargs,message", [
    (dict(question=""), "empty"), (dict(question="   \n"), "empty"), (dict(question="问" * 2001), "2000"),
    (dict(question="败诉率", place="杭州"), "places in the corpus"), (dict(question="败诉率", year=2019), "2019"),
])
def test_bad_questions(seeded, kwargs, message):
    with pytest.raises(InputError) as err:
        seeded.ask(**kwargs)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_empty_store_asks_to_ingest(assistant):
    with pytest.raises(FazhiError, match="fazhi ingest"):
        assistant.ask("败诉率")


def test_refuses_store_built_with_other_embedder(seeded_home):
    class Other(FakeEmbedding):
        model_name: str = "other-model"

    other = Assistant.open(Settings(home=seeded_home), embed_model=Other())
    with pytest.raises(StoreMismatchError, match="fake-bigram-64"):
        other.ask("败诉率")
    with pytest.raises(StoreMismatchError):
        other.ingest([REPORTS], progress=False)
    assert len(other.reports()) == 5  # listing still works
    other.close()


def test_interrupted_ingest_leaves_store_usable(assistant, monkeypatch):
    real_add = assistant.docs.add_all
    assistant.ingest([REPORTS / "001_4d08be111e600d4c.txt"], progress=False)  # one commit done before the crash

    def crash(*args, **kwargs):  # the next commit dies after its vectors were written, before its texts
        raise KeyboardInterrupt

    monkeypatch.setattr(assistant.docs, "add_all", crash)
    with pytest.raises(KeyboardInterrupt):
        assistant.ingest([REPORTS], progress=False)
    monkeypatch.setattr(assistant.docs, "add_all", real_add)
    result = assistant.ingest([REPORTS], progress=False)
    assert len(result.added) == 4 and len(assistant.reports()) == 5
    assert assistant.vectors.count() == len(assistant.chunks)  # orphaned vectors were replaced, not duplicated


def test_remove_report(assistant):
    assistant.ingest([REPORTS / "001_4d08be111e600d4c.txt", REPORTS / "003_49aefc5b94c96eef.txt"], progress=False)
    pingluo = next(m for m in assistant.reports() if m.place == "平罗县")
    assistant.remove(pingluo.id)
    assert [m.place for m in assistant.reports()] == ["临海市"]
    assert {c.place for c in assistant.ask("接收行政复议申请多少件?").citations} == {"临海市"}


@pytest.mark.parametrize("question", ["How many trees did Pingluo plant?", "平罗县种了多少棵树?"])
def test_unrelated_figure_question_abstains(seeded, question):
    assert seeded.ask(question).abstained


def test_overview_only_when_asked(seeded):
    assert seeded.ask("compare Linhai and Pingluo").citations
    assert seeded.ask("How many NPC deputy suggestions did Pingluo handle?").citations[0].quote.count("39")


@pytest.mark.parametrize("question", ["婺城区行政诉讼败诉率是多少?", "What was the defeat rate in Wucheng?"])
def test_targets_are_not_results(seeded, question):
    answer = seeded.ask(question)
    assert "12.7%" in answer.answer and not any("力争" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["What is Hangzhou's administrative litigation defeat rate?",
                                      "How many legal aid cases did Xihu District handle in 2023?",
                                      "Did Shanghai report zero defeat?"])
def test_english_places_outside_the_corpus(seeded, question):
    answer = seeded.ask(question)
    assert answer.abstained and "in the corpus" in answer.answer


def test_items_that_are_not_paths_fail_one_by_one(assistant):
    result = assistant.ingest([REPORTS / "001_4d08be111e600d4c.txt", 123, None], progress=False)
    assert len(result.added) == 1 and len(result.failed) == 2
    assert all("not a file path" in f.reason and "\n" not in f.reason for f in result.failed)
