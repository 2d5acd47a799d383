"""Claims without a figure: "zero defeat" (零败诉) and "no correction" (无行政纠错), however reports,
questions and answers word them. The text rules that make a claim a fact live with the indicators
(domain/indicators.py, `states`); these are the wordings every other stage shares."""
from __future__ import annotations

import re

# the wordings reports use for a zero-defeat / no-correction claim (retrieval searches for all of them)
ZERO_WORDS = ("零败诉", "无败诉", "0败诉", "败诉率为零", "败诉率为0", "无行政纠错", "纠错率为零", "零纠错")
# a claim preceded by these is denied, not made (未实现零败诉)
NEGATED = re.compile(r"(?:未能?|没有|尚未|难以|未实现)(?:实现|做到|达到)?[“\"]?$")
# an answer sentence that says zero defeat or no correction, in either language
ZERO_SAID = re.compile(
    r"零败诉|无败诉|0败诉|没有败诉|未发生败诉|未出现败诉|败诉率为零|败诉率为0(?![.\d])|无行政纠错|零纠错|纠错率为零|"
    r"zero[- ]defeats?|no defeats?|zero (?:lost|losses)|did not lose|never lost|no (?:cases? )?(?:were )?lost|"
    r"no (?:reconsideration )?corrections?", re.I)
# the two domain terms that make a question ask about the claim (analyzed questions' focus)
ZERO_FOCUS = ("零败诉", "无败诉")
