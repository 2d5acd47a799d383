"""Two servers, one store: two `fazhi serve` processes with their own FAZHI_HOME share one PostgreSQL
(FAZHI_DATABASE_URL) and one Chroma server (FAZHI_CHROMA_URL). Reports uploaded through one are
answered by the other while the upload runs; afterwards both answer alike and nothing is lost."""
import os
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from conftest import REPORTS, SEED
from servers import _wait, chroma_url, free_port, postgres  # noqa: F401 (fixtures)

QUESTIONS = ["平罗县2023年行政诉讼败诉率是多少?", "Which counties reported zero defeat in reconsideration cases?",
             "哪些报告提到了行政复议?", "临海市2020年法治政府建设有哪些举措?", "各地行政机关负责人出庭应诉率分别是多少?"]


def _serve(home: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    log = open(home / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                            env={**env, "FAZHI_HOME": str(home)}, stdout=log, stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}/"


def _up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _asked(client: Client) -> list[tuple]:
    out = []
    for q in QUESTIONS:
        a = client.predict(q, None, None, api_name="/ask")
        out.append((a["answer"], a["abstained"], a["route"], [(c["report_id"], c["start"], c["end"]) for c in a["citations"]]))
    return out


@pytest.mark.slow
def test_two_servers_share_one_store(postgres, chroma_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env.update(FAZHI_DATABASE_URL=postgres.database("shared"), FAZHI_CHROMA_URL=chroma_url, FAZHI_LLM="none",
               FAZHI_INGEST_WORKERS="1")
    servers = [_serve(tmp_path / name, env) for name in ("a", "b")]
    try:
        for proc, url in servers:
            _wait(lambda: _up(url), proc, f"`fazhi serve` at {url}", seconds=420)  # two servers starting at once on a loaded 2-core machine
        writer, reader = (Client(url, verbose=False) for _, url in servers)
        outcome: dict = {}
        upload = threading.Thread(target=lambda: outcome.update(writer.predict(
            [handle_file(str(p)) for p in sorted(REPORTS.glob("*.txt"))], api_name="/upload")))
        upload.start()
        seen, errors, answered = set(), [], 0
        while upload.is_alive():  # the other server answers throughout the upload
            try:
                seen.add(len(reader.predict(api_name="/reports")))
                reader.predict(QUESTIONS[0], None, None, api_name="/ask")
                answered += 1
            except Exception as err:  # before the first commit: "no reports have been ingested yet"
                if "no reports" not in str(err):
                    errors.append(str(err))
        upload.join()
        assert not errors and answered > 0
        assert len(outcome["added"]) == len(SEED) and not outcome["failed"]
        assert max(seen) <= len(SEED)
        reports = [sorted(r["id"] for r in c.predict(api_name="/reports")) for c in (writer, reader)]
        assert reports[0] == reports[1] and len(reports[0]) == len(SEED)  # nothing lost
        answers = [_asked(c) for c in (writer, reader)]
        assert answers[0] == answers[1]
        assert not answers[1][0][1] and "21.6%" in answers[1][0][0]  # the reader answers from the new reports
        assert not (tmp_path / "b" / "vectorstore" / "fazhi.sqlite").exists()  # no local copy of the store
    finally:
        for proc, _ in servers:
            proc.terminate()
            proc.wait(30)
