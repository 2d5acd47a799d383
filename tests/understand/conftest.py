import pytest

from assistant.understand.followup import resolve
from assistant.understand.query import analyze


@pytest.fixture
def follow(places):
    """The standalone Query a follow-up `question` makes after `earlier` (None when it stands alone)."""
    def run(earlier: str, question: str):
        prev = analyze(earlier, places)
        return resolve(analyze(question, places), prev, places, lambda text: analyze(text, places))
    return run
