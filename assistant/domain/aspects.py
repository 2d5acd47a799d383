"""What a question may ask about a report itself (its issuer, year, document number, addressee, the meeting it
was delivered at, its dates, the other names of its author), and where a report states each one.

An aspect with a `stated` rule is read from the text and quoted; one without is read from the report's
metadata and quoted where the text shows it (title, signature, publication line)."""
from __future__ import annotations

import re
from dataclasses import dataclass

I = re.I
# when, in Chinese: a day asked (哪天, 几月几号), shared by the meeting, the publication date and their follow-ups
WHEN_ZH = r"什么时候|何时|哪一?天|哪日|几号|几月几[日号]|什么日期|哪个日期|什么日子"
WHEN_EN = r"(?:what|which)\s*(?:date|day)|when"  # \s*: a follow-up's words may come run together


@dataclass(frozen=True)
class Aspect:
    name: str
    asked: re.Pattern
    stated: re.Pattern | None = None  # where the text states it; the match is the value
    label: tuple[str, str] = ("", "")  # what it is, for "not stated" (zh, en)
    unless: re.Pattern | None = None  # a question matching this asks something else ("how many cadres were sent to")


# a question counting something other than reports asks a figure, whatever it says of documents "issued by" or cadres
# "sent to" somewhere
COUNTED_ELSE = re.compile(r"\bhow (?:many|much)\b(?!\s+(?:of\s+(?:the|these|those)\s+)?(?:\w+\s+)?reports\b)|多少(?!份)|"
                          r"几(?:个|名|人|次|件|项|家)", I)

ASPECTS: tuple[Aspect, ...] = (
    Aspect("doc_number", re.compile(r"文号|发文字号|发文编号|document (?:number|no)|reference number|file number", I),
           re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号"),
           ("文号", "document number")),
    Aspect("recipient", re.compile(r"报送给|报告给(?!出)|呈报给|呈送给?|报送至|递交给|送给|提交给|报给|写给|向谁|给谁|主送|submitted (?:up )?to|sent (?:up )?to|addressed (?:directly |straight )?to|"
                                   r"to whom|(?:was|is) (?:it|the report) (?:reported|submitted|sent) to|"
                                   r"\b(?:which|what) (?:body|organ|authority|institution|office|committee|assembly)\b[^?.]{0,40}?"
                                   r"\b(?:presented|delivered|submitted|sent|reported|addressed|made|read)\s+to\b", I),
           re.compile(r"^\s*(?P<value>[\u4e00-\u9fff、 ]{0,38}?(?:政府|常委会|委员会|委|局|厅|办公室|办))\s*[:：]\s*$", re.M),
           ("报送对象", "addressee"), unless=COUNTED_ELSE),
    Aspect("session", re.compile(r"(?:哪|什么|哪一)(?:次|个|届)?[^。?？]{0,8}会议|会议上(?:所作|作的|的报告)|(?:哪|什么)[^。?？]{0,8}会上(?:所)?[作做]|"
                                 rf"(?:{WHEN_ZH})[^。?？]{{0,4}}(?<!发)作(?:的|了)|"
                                 r"\bat (?:which|what)\b[^?.,]{0,60}?\b(?:session|meeting)|\bwhich (?:session|meeting)|"
                                 r"\b(?:delivered|presented|given|made|read) at\b|\bwhen was\b.{0,60}\b(?:delivered|presented|read out)\b|"
                                 r"\b(?:delivered|presented|given|made|read|reported) (?:to|before)\b.{0,50}\b(?:congress|"
                                 r"committee|meeting|session)", I),
           re.compile(r"在?[\u4e00-\u9fff\d]{2,40}?第[一二三四五六七八九十\d]+次(?:全体)?会议上?"), ("所作的会议", "meeting")),
    Aspect("other_names", re.compile(r"牌子|别称|又称|其他名称|另外两个名称|other (?:two )?names?|also (?:known|called)|"
                                     r"go(?:es)? by|alias", I),
           re.compile(r"[\u4e00-\u9fff]{2,12}[((](?P<value>[\u4e00-\u9fff]{2,20}(?:[、,，][\u4e00-\u9fff]{2,20})+)[))]|"
                      r"加挂(?P<plate>[^。]{2,60}?)牌子"), ("其他名称", "other names")),
    Aspect("issuer", re.compile(r"以(?:谁|哪个|哪家|哪一?级|什么)[^。?？]{0,6}?名义|谁(?:发布|出的|印发|报送|制定|撰写|签发|发的|写的)|由谁(?=报送|发布|印发|制定|出具|撰写|签发|$|[?？])|"
                                r"发布机构|发文机关|报送单位|出的还是|发的还是|"
                                r"(?:哪个|哪家|哪一?级|什么)(?:机关|单位|部门|机构|政府)(?:发布|印发|报送|出具|撰写|制定|签发|发|出|写|报)|"
                                r"(?:发布|印发|报送|出具|撰写|发|出|写)(?:的|这份报告的|报告的)(?:机关|单位|部门|机构)是|"
                                r"\bwhich (?:body|office|department|authority|bureau|agency|organ|government|unit) "
                                r"(?:issued|wrote|published|submitted|authored|produced|released|put (?:[\w'’ ]{1,40} )?out\b)|"
                                r"\bwho (?:issued|wrote|published|submitted|authored|released|put (?:[\w'’ ]{1,40} )?out\b)|\bissued by\b|\bissuing body\b|"
                                r"\bby (?:which|what) (?:body|office|department|authority|agency|government|organ)\b|\bby whom\b", I),
           label=("发布机关", "issuer"), unless=COUNTED_ELSE),
    # 哪一年被命名为示范县: the year of an event the report tells, not the year it covers
    Aspect("year", re.compile(r"哪一?年(?!发布|公布|印发|发出|上网)(?![^。?？]{0,3}(?:被|获|评|命名|入选|成立|出台|启动))|哪个年度|什么年度|哪一年度|\bwhich year\b(?! was)|"
                              r"\bwhat year\b(?! was)", I), label=("年度", "year")),
    Aspect("published", re.compile(rf"发布时间|发布日期|发布于|(?:{WHEN_ZH}|哪一?年)"
                                   r"[^。?？]{0,6}(?:发布|公布|上网|挂网|[挂放贴传发]到网上|发出|发的|印发|公开|刊发|刊登|贴出|推出|放出|出来)|"
                                   r"\b(?:when|(?:on )?(?:what|which) (?:day|date))\b.{0,200}?\b(?:publish|post|release|upload|"
                                   r"put (?:it |the report )?(?:out|online|up))|\bpublication date\b|\bdate (?:of )?publication\b", I),
           label=("发布日期", "publication date")),
    Aspect("source", re.compile(r"来源栏|来源(?:是|写|为|单位)|信息来源|\bsource\b|\bposted by\b|\bpublished by\b", I),
           re.compile(r"(?:信息来源|文章来源|来源)\s*[:：]\s*(?P<value>[\u4e00-\u9fff()（）]{2,30})"), ("来源", "source")),
    Aspect("contact", re.compile(r"(?:有|如有)(?![^。?？]{0,20}?(?:多少|几))[^。?？]{0,20}(?:疑问|疑惑|问题)|疑问|咨询(?:谁|哪)|联系(?:方式|电话|人|地址)|"
                                 r"找(?:局里|单位里)?(?:哪个|哪一个|什么|谁)(?:处室|部门|科室|单位)?|联系(?:哪个|哪一个|谁)|"
                                 r"\bcontact\b|get in touch|\bwho (?:can|should|do) (?:i|we|one|readers?) (?:ask|call|write)|"
                                 r"\b(?:enquir|inquir)", I),
           re.compile(r"(?:请|可)?(?:与|向)(?P<value>[\u4e00-\u9fff]{2,30}?)联系|"
                      r"联系(?:单位|部门|人|电话|方式)\s*[:：]\s*(?P<other>[^\n。;；]{2,40})"), ("联系方式", "contact")),
    Aspect("period", re.compile(r"统计期限|数据(?:的)?(?:期限|时间|区间|范围)|统计(?:时间|区间|范围)|时间范围|从哪天到哪天|"
                                r"\b(?:period|time span|date range|time frame)\b.{0,40}\b(?:cover|data|figures)|"
                                r"\b(?:data|figures) cover", I),
           re.compile(r"(?:数据|统计)的?(?:期限|时间|区间|范围)(?:为|是|:|:)?(?P<value>[^。;；\n]{4,40})"),
           ("数据期限", "period the figures cover")),
    Aspect("basis", re.compile(r"(?:依据|根据|按照)(?:哪|什么)|哪(?:一|个)?(?:条|项)(?:规定|法规|条例)?|"
                               r"\b(?:which|what) (?:article|regulation|rule|provision|law)\b|\bunder which\b|"
                               r"\blegal basis\b|\bpursuant to\b", I),
           re.compile(r"(?:根据|按照|依据)(?P<value>《[^》]{2,40}》(?:第[一二三四五六七八九十百\d]+条)?(?:[^,,。]{0,6}规定)?)"),
           ("依据", "basis")),
    Aspect("signer", re.compile(r"签发人|谁签(?:发|的|字)|签字人|\bsign(?:ed)? (?:off|it)\b|\bsignator|\bwho signed\b", I),
           re.compile(r"签发人\s*[:：]?\s*(?P<value>[\u4e00-\u9fff]{2,4})"), ("签发人", "signatory")),
    Aspect("written", re.compile(r"成文日期|落款日期|落款|签发日期|\bwhen was\b.{0,60}\b(?:written|signed|dated)\b", I),
           label=("落款日期", "date")),
)


# English words that qualify a statement about the report, as the report writes them (sent to a provincial government)
QUALIFIERS_EN = [(r"\bprovincial\b", "省"), (r"\b(?:municipal|city)\b", "市"), (r"\bcounty\b", "县"),
                 (r"people'?s congress", "人大"), (r"\bstanding committee\b", "常委会"), (r"\bgovernment\b", "政府"),
                 (r"\bparty committee\b", "委")]


def qualifiers_en(question: str) -> list[str]:
    return [zh for pattern, zh in QUALIFIERS_EN if re.search(pattern, question, I)]


# spoken words for the written ones the patterns above use (这报告啥时候发的, 咋没写文号)
_SPOKEN = {"啥时候": "什么时候", "啥时": "什么时候", "啥": "什么", "咋": "怎么", "哪天儿": "哪天"}
_SPOKEN_RE = re.compile("|".join(sorted(_SPOKEN, key=len, reverse=True)))


def asked(question: str) -> list[Aspect]:
    """The aspects of the report a question asks about, in the order above."""
    question = _SPOKEN_RE.sub(lambda m: _SPOKEN[m.group()], question)
    return [a for a in ASPECTS if a.asked.search(question) and not (a.unless and a.unless.search(question))]
