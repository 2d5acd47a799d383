"""The figures the fact table knows, each defined once: names zh/en, family, kind, how a question names
it (`patterns` precise, `generic` only when nothing precise of the family was asked) and how a report
states it (`reads`: a keyword right before the figure; `reads_after`: a figure before its noun;
`states`: a claim without a figure).

Adding an indicator is one `_Spec` row and one `Indicator` member.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from .quantity import NUM

# "did they lose any lawsuits" asks both how many were lost and whether none were
_LOSE_CASES = r"\blos(?:e|t|ing)\b (?:\w+ ){0,2}(?:lawsuits?|cases?)"
# words between a verb and its noun, never crossing another handling verb (人民调解组织累计调处矛盾纠纷)
_FREE = r"(?:(?!调处|受理|调解|化解)[^,。;、])"


@dataclass(frozen=True)
class Read:
    """A keyword standing right before a figure of the indicator. `topic` is the sentence's subject the
    keyword needs (a bare 化解率 of 复议 is the reconsideration rate); `needs_mediation`: only in a
    sentence or section about mediation (成功率 alone says nothing)."""

    pattern: str
    topic: str = "any"  # any | recon | litigation | dispute | mediation | normdoc
    needs_mediation: bool = False


@dataclass(frozen=True)
class _Spec:
    label_zh: str
    name_en: str
    family: str
    kind: str  # count | rate | people | money | claim
    patterns: tuple[str, ...]
    generic: tuple[str, ...] = field(default_factory=tuple)
    reads: tuple[Read, ...] = field(default_factory=tuple)
    reads_after: tuple[str, ...] = field(default_factory=tuple)  # groups num, unit: 受理51件政府信息公开申请
    states: str | None = None  # a claim's wordings (kind claim)


_RECEIVED = Read(r"(?:收到|接收|受理|收案|新收)[^,。;、]{0,4}?(?:行政)?复议(?:申请|案件)?")
_RECEIVED_2 = Read(r"(?:行政)?复议(?:申请|案件)?(?:收案|受理|接收|收到)(?:申请|案件)?")
_WITHDRAWAL = r"调撤率"
_RESOLUTION = r"化解率"
_DEFEATS = r"败诉(?:案件)?(?!率)"
_RECORD = r"备案(?:审查)?(?P<q>[^,。;、]{0,12}?)规范性文件|规范性文件备案(?!率)"

_SPECS: dict[str, _Spec] = {
    "reconsideration_received": _Spec(
        "行政复议收案", "reconsideration applications received", "reconsideration", "count",
        (r"(?:收到|接收|受理|收案|新收)[^,。;?]{0,4}复议", r"复议(?:收案|受理|案件数)",
         r"(?:received|accepted|filed) (?:\w+ ){0,3}reconsideration", r"reconsideration[^?.]{0,40}\b(?:receiv|accept)\w*"),
        (r"复议案件|复议申请", r"reconsideration (?:cases?|applications?|requests?|filings?)"),
        reads=(_RECEIVED, _RECEIVED_2),
        reads_after=(rf"(?:受理|收到|接收)(?P<num>{NUM})(?P<unit>件)(?:行政)?复议(?:申请|案件)",),
    ),
    "reconsideration_concluded": _Spec(
        "行政复议办结", "reconsideration cases concluded", "reconsideration", "count",
        (r"复议[^,。;?]{0,6}办结(?!率)", r"办结[^,。;?]{0,4}复议",
         r"reconsideration (?:\w+ )?(?:concluded|closed|decided)",
         r"(?:concluded|closed) (?:\w+ ){0,2}reconsideration", r"reconsideration[^?.]{0,40}\b(?:conclud|clos)\w*"),
        reads=(Read(r"办结(?:[^,。;、]{0,4}?(?:行政)?复议(?:申请|案件)?)?(?!率)", "recon"),),
    ),
    "reconsideration_corrected": _Spec(
        "行政复议纠错", "reconsideration decisions corrected", "reconsideration", "count",
        (r"纠错(?!率)(?:案件)?(?:数|多少|几)", r"复议纠错(?!率)", r"(?:cases?|decisions?) (?:were )?corrected",
         r"number of corrections?"),
        (r"纠错(?!率)",),
        reads=(Read(r"(?:复议)?纠错(?:案件)?(?!率)", "recon"),),
    ),
    "reconsideration_correction_rate": _Spec(
        "行政复议纠错率", "reconsideration correction rate", "reconsideration", "rate",
        (r"纠错率", r"correction rate"),
        reads=(Read(r"纠错率", "recon"),),
    ),
    "reconsideration_mediation_rate": _Spec(
        "行政复议调撤率/化解率/和解率", "reconsideration mediation/withdrawal rate", "reconsideration", "rate",
        (r"复议[^,。;?]{0,6}(?:调撤率|化解率|和解率)", r"和解率",
         r"reconsideration (?:\w+ )?(?:mediation|settlement|withdrawal|resolution) rate", r"settlement rate"),
        reads=(Read(_WITHDRAWAL, "recon"), Read(_RESOLUTION, "recon"), Read(r"和解率", "recon")),
    ),
    "litigation_cases": _Spec(
        "行政诉讼案件", "administrative litigation cases", "litigation", "count",
        (r"(?:行政)?(?:诉讼|应诉)案件", r"(?:administrative )?(?:litigation|lawsuits?|court) cases?",
         r"(?:administrative )?lawsuits?", r"\bsued\b"),
        (r"行政诉讼|行政应诉", r"litigation"),
        # bare 诉讼案件 would also catch 刑事/民事/公益诉讼 and lawyers' 代理诉讼案件
        reads=(Read(r"行政(?:诉讼|应诉)(?:案件)?|应诉案件"),),
    ),
    "litigation_defeats": _Spec(
        "行政诉讼败诉案件", "litigation cases lost", "litigation", "count",
        (r"败诉(?!率)(?:案件)?(?:数|多少|几)", r"(?:cases?|lawsuits?) lost", r"number of (?:defeats|losses)", _LOSE_CASES,
         r"(?:cases?|lawsuits?)\b[^?.]{0,40}\blos(?:e|t)\b"),
        (r"败诉(?!率)", r"defeats?", r"\blos(?:e|t|ing)\b", r"losses"),
        reads=(Read(_DEFEATS),),
    ),
    "litigation_defeat_rate": _Spec(
        "行政诉讼败诉率", "litigation defeat rate", "litigation", "rate",
        (r"败诉率", r"(?:defeat|loss|losing) rate"),
        (r"败诉(?!率)", r"defeats?", r"\blos(?:e|t|ing)\b", r"losses"),
        reads=(Read(r"败诉率"), Read(_DEFEATS)),
    ),
    "litigation_withdrawal_rate": _Spec(
        "行政诉讼调撤率", "litigation mediation/withdrawal rate", "litigation", "rate",
        (r"诉讼[^,。;?]{0,6}调撤率", r"(?:litigation|lawsuit) (?:\w+ )?(?:withdrawal|mediation) rate"),
        reads=(Read(_WITHDRAWAL, "litigation"),),
    ),
    "zero_defeat": _Spec(
        "零败诉", "zero defeat", "litigation", "claim",
        (r"零败诉|无败诉|0败诉|败诉率为零|没有败诉|未败诉",
         r"zero[- ]defeats?|zero[- ]loss(?:es)?|no (?:lost )?(?:cases? )?(?:lost|defeats?)|never lost|no losses",
         _LOSE_CASES),
        (r"败诉(?!率)", r"defeats?", r"\blos(?:e|t|ing)\b", r"losses"),
        states=(r"零败诉|无败诉(?:案件)?|无一败诉|(?<![\d.])0败诉|败诉率(?:为|是|均为)?(?:零|0(?![\d.%]))"
                r"|(?:未|没有)(?:发生|出现)?(?:行政)?(?:诉讼|应诉)?(?:案件)?败诉(?:案件)?"
                r"|败诉(?:案件)?(?:数|数量)?(?:为|是)?(?:零|0(?![\d.%]))"),
    ),
    "no_reconsideration_correction": _Spec(
        "无行政纠错", "no reconsideration correction", "reconsideration", "claim",
        (r"无(?:行政)?纠错|零纠错|纠错率为零", r"no (?:\w+ )?corrections?|zero corrections?|never corrected"),
        states=r"无(?:行政)?纠错(?:案件)?|零纠错|纠错(?:率|案件)(?:为|是)?(?:零|0(?![\d.%]))",
    ),
    "court_appearance_rate": _Spec(
        "负责人出庭应诉率", "court appearance rate of officials", "litigation", "rate",
        (r"出庭(?:应诉)?率?", r"负责人出庭", r"appear(?:ed|ance|ing)? in court|court appearance"),
        reads=(Read(r"出庭(?:应诉)?率"),),
        reads_after=(rf"负责人(?P<num>{NUM})(?P<unit>%)出庭",),  # 行政机关负责人100%出庭应诉
    ),
    "legal_aid_cases": _Spec(
        "法律援助案件", "legal aid cases", "legal_service", "count",
        (r"法律援助", r"legal aid"),
        reads=(Read(r"法律援助(?:案件)?"),),
    ),
    "legal_help_cases": _Spec(
        "法律帮助", "legal help cases", "legal_service", "count",
        (r"法律帮助", r"legal help|legal assistance"),
        reads=(Read(r"法律帮助(?:案件)?"),),
    ),
    "mediation_disputes": _Spec(
        "人民调解矛盾纠纷", "disputes handled by mediation", "mediation", "count",
        (r"人民调解", r"调处", r"(?:people'?s )?mediation(?! success)", r"disputes? (?:handled|mediated)"),
        (r"矛盾纠纷|调解", r"mediat\w*|disputes?"),
        reads=(Read(rf"(?:调处|受理|调解)(?P<q>{_FREE}{{0,6}}?)(?:矛盾)?纠纷|调处(?P<q2>{_FREE}{{0,4}}?)案件",
                    needs_mediation=True),),
    ),
    "mediation_success_rate": _Spec(
        "调解成功率", "mediation success rate", "mediation", "rate",
        (r"(?:调解)?成功率", r"(?:mediation )?success rate"),
        reads=(Read(r"调解成功率"), Read(r"成功率", needs_mediation=True)),
    ),
    "disputes_resolved": _Spec(
        "成功化解矛盾纠纷", "disputes resolved", "mediation", "count",
        # "how many disputes did Qijiang resolve" as "disputes resolved"; "resolution" is the rate's
        (r"化解[^,。;?]{0,4}纠纷|纠纷[^,。;?]{0,4}化解(?!率)",
         r"disputes? (?:[\w'-]+ ){0,3}resolv(?:e|ed|es|ing)\b|resolv(?:e|ed|es|ing) (?:[\w'-]+ ){0,3}disputes?"),
        reads=(Read(r"(?:成功)?化解(?P<q>[^,。;、]{0,6}?)(?:矛盾)?纠纷"),
               Read(r"成功(?:调处|调解)(?P<q>[^,。;、]{0,6}?)(?:矛盾)?纠纷")),
    ),
    "dispute_resolution_rate": _Spec(
        "矛盾纠纷化解率", "dispute resolution rate", "mediation", "rate",
        (r"(?<!复议)化解率", r"(?:dispute )?resolution rate"),
        reads=(Read(_RESOLUTION),),
    ),
    "admin_disputes_resolved": _Spec(
        "行政争议化解", "administrative disputes resolved", "litigation", "count",
        (r"行政争议[^,。;?]{0,4}化解(?!率)|化解[^,。;?]{0,4}行政争议", r"administrative disputes? resolved"),
        reads=(Read(r"化解(?P<q>[^,。;、]{0,4}?)行政争议|行政争议[^,。;、]{0,4}?化解(?!率)"),),
    ),
    "mediation_amount": _Spec(
        "调解涉及金额", "amount involved in mediated disputes", "mediation", "money",
        # the sum must be said of mediation: 侵害企业权益案件的涉案金额 / "the amount involved in the crimes" is a case sum
        (r"(?:调解|纠纷|调处)[^?？]{0,30}(?:涉及金额|涉案金额|标的额)|(?:涉及金额|涉案金额|标的额)[^?？]{0,30}(?:调解|纠纷|调处)",
         r"(?:mediat\w*|disputes?)\b[^?]{0,60}\bamounts? (?:involved|at stake)|"
                                  r"\bamounts? (?:involved|at stake)\b[^?]{0,60}\b(?:mediat\w*|disputes?)"),
        reads=(Read(r"(?:调解)?涉及金额|涉案金额|标的额", needs_mediation=True),),
    ),
    "losses_recovered": _Spec(
        "挽回经济损失", "economic losses recovered", "legal_service", "money",
        (r"挽回(?:了|的)?(?:多少|几)?[^,。;?]{0,2}损失", r"(?:losses|money) recovered|recovered (?:\w+ ){0,2}losses"),
        reads=(Read(r"挽回(?:经济)?损失"),),
    ),
    "normative_docs_reviewed": _Spec(
        "规范性文件审查", "normative documents reviewed", "normative_docs", "count",
        (r"规范性文件[^,。;?]{0,4}(?:审查|审核)(?!率)|(?<!备案)(?:审查|审核)[^,。;?]{0,6}规范性文件",
         r"(?:normative|regulatory) documents? (?:reviewed|examined)|review(?:ed)? (?:of )?(?:normative|regulatory)"),
        (r"规范性文件", r"(?:normative|regulatory) documents?"),
        reads=(Read(r"(?<!备案)(?:审查|审核)(?P<q>[^,。;、]{0,12}?)规范性文件|(?P<q2>[^,。;、]{0,6}?)规范性文件(?:合法性)?"
                    r"(?:审查|审核)(?!率)"),),
    ),
    "normative_docs_filed": _Spec(
        "规范性文件备案", "normative documents filed", "normative_docs", "count",
        (r"规范性文件[^,。;?]{0,4}备案(?!率)|备案[^,。;?]{0,6}规范性文件|备案数",
         r"(?:normative|regulatory) documents? (?:filed|registered)|fil(?:ed|ing) (?:of )?(?:normative|regulatory)"),
        (r"规范性文件", r"(?:normative|regulatory) documents?"),
        reads=(Read(_RECORD), Read(r"备案(?!率)", "normdoc")),
    ),
    "normative_docs_cleaned": _Spec(
        "规范性文件清理", "normative documents cleaned up", "normative_docs", "count",
        (r"规范性文件[^,。;?]{0,4}清理|清理[^,。;?]{0,12}规范性文件",  # 清理了多少件市政府行政规范性文件
         r"(?:normative|regulatory) documents? (?:were |was )?(?:cleaned|sorted)|clean(?:ed)?[- ]?up"),
        reads=(Read(r"清理(?P<q>[^,。;、]{0,30}?)规范性文件|规范性文件清理"),),
        # 237件市政府行政规范性文件进行了集中清理: the figure before its noun, the verb after it
        reads_after=(rf"(?P<num>{NUM})(?P<unit>件)[^,。;、]{{0,12}}?规范性文件[^,。;、]{{0,6}}?(?:进行了?)?(?:全面|集中)?清理",),
    ),
    "enforcement_certification_rate": _Spec(
        "执法人员持证率", "enforcement officer certification rate", "enforcement", "rate",
        (r"持证(?:上岗)?率|持证", r"certificat\w*\b(?! exam| test)|licen[cs]ed"),
        reads=(Read(r"持证(?:上岗)?率"),),
    ),
    "info_disclosed_proactive": _Spec(
        "政府信息主动公开", "information disclosed proactively", "disclosure", "count",
        (r"主动公开", r"proactive\w* disclos\w*|disclosed proactively|proactively"),
        (r"信息公开|政务公开", r"disclos\w*|open government"),
        reads=(Read(r"主动公开(?:政府)?(?:信息)?"),),
    ),
    "info_disclosed_on_request": _Spec(
        "依申请公开", "information disclosed on request", "disclosure", "count",
        (r"依申请公开|信息公开申请", r"(?:disclos\w*|information) (?:on|upon|by) (?:request|application)|disclosure requests?"),
        reads=(Read(r"依申请公开(?:政府信息)?"),),
        reads_after=(rf"(?:受理|收到|接收)(?P<num>{NUM})(?P<unit>件)(?:政府)?信息公开申请",),
    ),
    "npc_suggestions": _Spec(
        "人大代表建议", "NPC deputies' suggestions", "supervision", "count",
        (r"人大(?:代表)?建议", r"npc (?:deputies'? )?suggestions?|deputies'? suggestions?"),
        reads=(Read(r"人大(?:代表)?建议"),),
    ),
    "cppcc_proposals": _Spec(
        "政协委员提案", "CPPCC members' proposals", "supervision", "count",
        (r"政协(?:委员)?提案", r"cppcc (?:members'? )?proposals?"),
        reads=(Read(r"政协(?:委员)?提案"),),
    ),
    "legal_understanding_people": _Spec(
        "法律明白人", "people trained as legal understanding persons", "popularization", "people",
        (r"法律明白人", r"law[- ]savvy|legal(?:ly)? (?:literate|understanding) (?:people|persons|residents)"),
        reads=(Read(r"法律明白人"),),
        reads_after=(rf"(?<![\d.])(?!(?:19|20)\d\d(?!\d))(?P<num>{NUM})(?P<unit>名|人)?[“\"]?法律明白人",),
    ),
}


class Indicator(str, Enum):
    reconsideration_received = "reconsideration_received"
    reconsideration_concluded = "reconsideration_concluded"
    reconsideration_corrected = "reconsideration_corrected"
    reconsideration_correction_rate = "reconsideration_correction_rate"
    reconsideration_mediation_rate = "reconsideration_mediation_rate"
    litigation_cases = "litigation_cases"
    litigation_defeats = "litigation_defeats"
    litigation_defeat_rate = "litigation_defeat_rate"
    litigation_withdrawal_rate = "litigation_withdrawal_rate"
    zero_defeat = "zero_defeat"
    no_reconsideration_correction = "no_reconsideration_correction"
    court_appearance_rate = "court_appearance_rate"
    legal_aid_cases = "legal_aid_cases"
    legal_help_cases = "legal_help_cases"
    mediation_disputes = "mediation_disputes"
    mediation_success_rate = "mediation_success_rate"
    disputes_resolved = "disputes_resolved"
    dispute_resolution_rate = "dispute_resolution_rate"
    admin_disputes_resolved = "admin_disputes_resolved"
    mediation_amount = "mediation_amount"
    losses_recovered = "losses_recovered"
    normative_docs_reviewed = "normative_docs_reviewed"
    normative_docs_filed = "normative_docs_filed"
    normative_docs_cleaned = "normative_docs_cleaned"
    enforcement_certification_rate = "enforcement_certification_rate"
    info_disclosed_proactive = "info_disclosed_proactive"
    info_disclosed_on_request = "info_disclosed_on_request"
    npc_suggestions = "npc_suggestions"
    cppcc_proposals = "cppcc_proposals"
    legal_understanding_people = "legal_understanding_people"

    @property
    def spec(self) -> _Spec:
        return _SPECS[self.value]

    @property
    def label_zh(self) -> str:
        return self.spec.label_zh

    @property
    def name_en(self) -> str:
        return self.spec.name_en

    @property
    def family(self) -> str:
        return self.spec.family

    @property
    def kind(self) -> str:
        """count | rate | people | money | claim (claims are bool facts)."""
        return self.spec.kind

    @property
    def patterns(self) -> list[str]:
        return list(self.spec.patterns)

    @property
    def generic(self) -> list[str]:
        return list(self.spec.generic)


_COMPILED = {
    ind: ([re.compile(p, re.I) for p in ind.patterns], [re.compile(p, re.I) for p in ind.generic])
    for ind in Indicator
}


def _hits(text: str, which: int) -> list[tuple[int, int, Indicator]]:
    return [(m.start(), m.end(), ind) for ind, pats in _COMPILED.items() for p in pats[which] for m in p.finditer(text)]


def _outermost(hits: list[tuple[int, int, Indicator]]) -> list[tuple[int, int, Indicator]]:
    """Drop a hit lying strictly inside a longer hit of another indicator (败诉 inside 败诉率)."""
    return [h for h in hits
            if not any(o[2] != h[2] and o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                       for o in hits)]


# outcomes no indicator counts (a clean-up's documents repealed, kept, amended): a question naming one asks
# neither what the family's generic word stands for nor any other indicator of it
_OTHER_OUTCOME = re.compile(r"废止|失效|继续(?:执行|有效)|限期修改|予以修改|保留|repeal\w*|abolish\w*|annul\w*|amend\w*|"
                            r"invalidat\w*|remain(?:ed)? in force|kept in force", re.I)


def indicator_for_terms(text: str) -> list[Indicator]:
    """Indicators a question fragment asks about, in order of first mention; [] when none."""
    text = unicodedata.normalize("NFKC", text or "")  # patterns are written with ASCII punctuation
    precise = _outermost(_hits(text, 0))
    asked_families = {ind.family for _, _, ind in precise}
    loose = [] if _OTHER_OUTCOME.search(text) else [h for h in _hits(text, 1) if h[2].family not in asked_families]
    hits = sorted(precise + loose, key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Indicator] = []
    for _, _, ind in hits:
        if ind not in out:
            out.append(ind)
    return out


def mentions(text: str, indicator: Indicator) -> bool:
    """Whether `text` names the indicator, precisely or by its generic word."""
    precise, generic = _COMPILED[indicator]
    return any(p.search(text) for p in precise + generic)


# the words that name a whole family (行政复议 is no indicator, but says which figures are meant)
FAMILY_WORDS = {"reconsideration": r"复议|reconsideration", "litigation": r"诉讼|应诉|litigation|lawsuit",
                "mediation": r"调解|纠纷|mediation|disputes?", "legal_service": r"法律援助|法律服务|legal aid|legal service",
                "normative_docs": r"规范性文件|normative|regulatory documents?", "disclosure": r"政务公开|信息公开|disclos",
                "supervision": r"人大代表建议|政协提案|suggestions?|proposals?", "popularization": r"普法|明白人|legal education",
                "enforcement": r"行政执法|执法|enforcement"}


def families_named(text: str) -> set[str]:
    return {fam for fam, pattern in FAMILY_WORDS.items() if re.search(pattern, text, re.I)}


# totals that a more specific figure of the same family refines ("how many cases did X lose")
CONTAINERS = frozenset({Indicator.litigation_cases, Indicator.reconsideration_received, Indicator.mediation_disputes})
