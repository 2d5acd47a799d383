

def test_the_sentence_around_a_quote():
    from assistant.text.spans import sentence_around
    text = "第一句。调整后保留15个部门54项事项,其余取消。第三句。"
    s, e = sentence_around(text, text.index("15个"), text.index("15个") + 3)
    assert text[s:e] == "调整后保留15个部门54项事项,其余取消。"
