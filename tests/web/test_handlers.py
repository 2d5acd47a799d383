"""WebApp handlers given hostile values: one-line errors, never a traceback."""
from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402
import pytest  # noqa: E402

from assistant.web.handlers import WebApp  # noqa: E402


@pytest.fixture(autouse=True)
def extractive_answers(monkeypatch):
    monkeypatch.setenv("FAZHI_LLM", "none")


@pytest.mark.parametrize("places", [123, [1, 2], {"a": 1}, [None]])
def test_ask_with_places_that_are_not_names(seeded, places, caplog):
    with pytest.raises(gr.Error) as err:
        WebApp(seeded).ask("平罗县败诉率", places, "all")
    assert "places must be a place name" in str(err.value.message) and "\n" not in str(err.value.message)
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("url", ["http://example.org/\udcff.html", "\ud800", 123, None])
def test_ingest_url_with_a_surrogate_or_no_string(seeded, url, caplog):
    out = WebApp(seeded).ingest_url(url, progress=lambda *a, **k: None)
    reasons = [out["message"]] + [f["reason"] for f in out["failed"]]
    assert not out["added"] and any(reasons) and all("\n" not in r for r in reasons)
    assert "Traceback" not in caplog.text
