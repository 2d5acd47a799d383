import pytest

from assistant.errors import InputError
from assistant.ingest.loader import decode_bytes, load_text

SAMPLE = "平罗县2023年度法治政府建设情况报告\n2023年共有行政诉讼案件148件,败诉率为21.6%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_decode(tmp_path, encoding):
    p = tmp_path / "r.txt"
    p.write_bytes(SAMPLE.encode(encoding))
    assert load_text(p) == SAMPLE


def test_html_text(tmp_path):
    p = tmp_path / "r.html"
    p.write_text(f"<html><head><style>p{{}}</style><script>var a=1;</script></head><body><p>{SAMPLE}</p></body></html>",
                 encoding="utf-8")
    text = load_text(p)
    assert "败诉率为21.6%" in text and "var a" not in text


def test_docx(tmp_path):
    import docx

    d = docx.Document()
    for line in SAMPLE.split("\n"):
        d.add_paragraph(line)
    p = tmp_path / "r.docx"
    d.save(p)
    assert load_text(p).strip() == SAMPLE


def test_pdf_text_layer(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "r.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(50, 800, "平罗县2023年度法治政府建设情况报告")
    c.save()
    assert "法治政府建设" in load_text(p)


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t ", "empty"),
    ("bin.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("r.xlsx", b"abc", "unsupported file type"),
    ("bad.docx", b"not a zip", "not a readable .docx"),
    ("bad.pdf", b"%PDF-1.4 garbage", "PDF"),
])
def test_bad_files_one_line_errors(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_text(p)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert name in str(err.value)


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(SAMPLE.encode() * 2000)
    with pytest.raises(InputError, match="limit"):
        load_text(p, max_mb=0.01)


def test_undecodable_rejected():
    with pytest.raises(InputError, match="decode"):
        decode_bytes("x.txt", bytes(range(128, 256)) * 20)


def test_pdf_wrapped_lines_are_rejoined(tmp_path):
    """A PDF text layer breaks sentences at the page width; quotes must still be whole sentences."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = ["江山市2023年度法治政府建设情况报告", "一、主要工作", "(一)行政复议。全年共收到行政复议申请136件,办结",
             "128件,纠错率为9.4%。行政诉讼一审败诉率为", "5.2%。", "二、存在的不足", "一是执法人员力量不足。", "- 1 -"]
    p = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(lines):
        c.drawString(40, 800 - 18 * i, line)
    c.save()
    text = load_text(p)
    assert "全年共收到行政复议申请136件,办结128件,纠错率为9.4%。" in text
    assert "行政诉讼一审败诉率为5.2%。" in text
    assert "\n二、存在的不足\n" in text and "- 1 -" not in text


def test_unwrap_keeps_headings_and_short_lines():
    from assistant.ingest.loader import unwrap

    assert unwrap("一、总体情况\n(一)执法\n今年开展培训2次,覆盖全体\n执法人员。") == "一、总体情况\n(一)执法\n今年开展培训2次,覆盖全体执法人员。"


def test_an_encrypted_pdf_is_named_encrypted(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(p), encrypt="a-secret-password")
    c.drawString(50, 800, "report")
    c.save()
    with pytest.raises(InputError) as err:
        load_text(p)
    assert "locked.pdf" in str(err.value) and "encrypted" in str(err.value)


def test_content_is_sniffed_by_its_magic_bytes(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "really-a-pdf.txt"
    c = canvas.Canvas(str(p))
    c.setFont("STSong-Light", 12)
    c.drawString(50, 800, "平罗县2023年度法治政府建设情况报告")
    c.save()
    text = load_text(p)
    assert "法治政府建设" in text and "%PDF" not in text
