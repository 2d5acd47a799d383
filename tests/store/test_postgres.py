"""FAZHI_DATABASE_URL: the store's tables in a real PostgreSQL give the same answers as SQLite, and two
Assistants on one database see each other's commits (generation row) under advisory locks."""
import threading
import time

import pytest

from assistant import Assistant
from assistant.errors import FazhiError
from assistant.settings import Settings
from assistant.store.advisory import AdvisoryStoreLock
from assistant.store.database import open_database
from assistant.store.lexical import LexicalIndex
from conftest import REPORTS, FakeEmbedding
from servers import free_port, postgres  # noqa: F401 (a fixture)
from test_chroma_server import _answers


def _open(home, url) -> Assistant:
    return Assistant.open(Settings(home=home, database_url=url, llm="none"), embed_model=FakeEmbedding())


def test_postgres_store_answers_like_sqlite(postgres, seeded, tmp_path):
    url = postgres.database("answers")
    a = _open(tmp_path, url)
    result = a.ingest([REPORTS], progress=False)
    assert len(result.added) == 5
    assert not (tmp_path / "vectorstore" / "fazhi.sqlite").exists()  # the tables are in PostgreSQL
    assert [m.id for m in a.reports()] == [m.id for m in seeded.reports()]
    assert a.facts() == seeded.facts()
    assert _answers(a) == _answers(seeded)
    a.remove(result.added[0].id)
    gone = result.added[0].id
    assert len(a.reports()) == 4 and not [f for f in a.facts() if f.report_id == gone]
    assert a.lexical.report_ids() == {m.id for m in a.reports()}
    a.close()


def test_a_second_process_sees_the_first_ones_commits(postgres, tmp_path):
    url = postgres.database("generation")
    writer, reader = _open(tmp_path / "a", url), _open(tmp_path / "a", url)  # one embedded Chroma, one database
    assert reader.reports() == []
    writer.ingest([REPORTS / "001_4d08be111e600d4c.txt"], progress=False)
    assert [m.place for m in reader.reports()] == ["平罗县"]
    answer = reader.ask("平罗县2023年行政诉讼败诉率是多少?", generate=False)
    assert not answer.abstained and "21.6%" in answer.answer
    writer.close()
    reader.close()


def test_bm25_postings_match_sqlite(postgres, tmp_path):
    from assistant.models import Chunk

    chunks = [Chunk(id=f"r:{i}", report_id="r", section="s", start=0, end=1, text=t)
              for i, t in enumerate(["行政诉讼 败诉率 下降", "行政复议 案件 办理", "法治 政府 建设 行政诉讼"])]
    stores = [LexicalIndex(tmp_path / "lex.sqlite"), LexicalIndex(open_database(postgres.database("lexical")))]
    for lex in stores:
        lex.add_report("r", chunks, "平罗县")
    assert stores[0].top(["行政诉讼", "败诉率"], 3) == stores[1].top(["行政诉讼", "败诉率"], 3) == ["r:0", "r:2"]
    for lex in stores:
        lex.remove_report("r")
        assert lex.top(["行政诉讼"], 3) == [] and lex.n_chunks == 0
        lex.close()


def test_commit_waits_for_a_reader_in_another_session(postgres):
    db = open_database(postgres.database("locks"))
    reader, writer = AdvisoryStoreLock(db), AdvisoryStoreLock(db)
    order: list[str] = []
    with reader.reading():
        def commit():
            with writer.committing():
                order.append("commit")
        thread = threading.Thread(target=commit)
        thread.start()
        time.sleep(0.5)
        order.append("read done")
    thread.join(10)
    assert order == ["read done", "commit"]
    with writer.writer():  # a second ingest waits, then gives up with a one-line error naming the fix
        with pytest.raises(FazhiError, match="FAZHI_LOCK_TIMEOUT"):
            with AdvisoryStoreLock(db, timeout=0.3).writer():
                pass
    db.close()


def test_unreachable_database_is_one_line_naming_the_fix(tmp_path):
    url = f"postgresql://someone:secret@127.0.0.1:{free_port()}/nowhere"
    with pytest.raises(FazhiError) as err:
        _open(tmp_path, url)
    message = str(err.value)
    assert "\n" not in message and "FAZHI_DATABASE_URL" in message and "secret" not in message


def test_a_url_that_is_not_postgresql_is_refused(tmp_path):
    with pytest.raises(FazhiError, match="not a postgresql:// URL"):
        _open(tmp_path, "mysql://localhost/fazhi")


def test_page_history_is_shared_through_postgres(postgres, tmp_path):
    """The page's conversations live in the store's database: a second server (its own pool) sees them."""
    from assistant.models import Answer, Citation
    from assistant.web.history import UNDO_SECONDS, History

    url = postgres.database("history")
    a = _open(tmp_path / "a", url)
    store = History.of(a)
    assert store.db is a.docs.db  # one pool for the store and the history
    other = History(open_database(url))  # another server
    cit = Citation(key=1, report_id="r1", source="001.txt", title="平罗县报告", place="平罗县", year=2023,
                   section="一、工作", quote="败诉率为21.6%", start=10, end=19)
    answer = Answer(question="平罗县2023年行政诉讼败诉率是多少?", answer="败诉率为21.6% [1]。", citations=[cit])
    conv = store.create(owner="b1")
    n = store.append(conv, answer.question, ["平罗县"], 2023)
    store.answer(conv, n, answer=answer)
    store.append(conv, "那2022年呢?")
    (turn, unanswered) = other.load(conv)
    assert turn.answer == answer and turn.places == ["平罗县"] and turn.year == 2023 and unanswered.answer is None
    assert [(c["id"], c["turns"]) for c in other.conversations("b1")] == [(conv, 2)] and other.conversations("b2") == []
    assert [c["id"] for c in other.conversations()] == [conv] and other.title(conv) == answer.question
    assert other.pop(conv).question == "那2022年呢?" and other.rename(conv, " 平罗县\n败诉率 ") == "平罗县 败诉率"
    other.append(conv, "再问一次")
    assert other.pop(conv).question == "再问一次" and store.title(conv) == "平罗县 败诉率"  # a name given by hand stays
    other.delete(conv)
    assert not store.exists(conv) and store.restore(conv, "b1") and store.exists(conv, "b1", strict=True)
    store.delete(conv)
    with a.docs.db.transaction() as tx:  # past the undo window: the next server to start removes it for good
        tx.execute("UPDATE conversations SET deleted = deleted - ?", (UNDO_SECONDS + 1,))
    History(open_database(url))
    assert not store.restore(conv) and a.docs.db.one("SELECT COUNT(*) FROM turns")[0] == 0
    assert not (tmp_path / "a" / "history.sqlite").exists() and not a.settings.history_path.exists()
    other.db.close()
    a.close()
