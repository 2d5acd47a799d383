"""How reports qualify a figure: plans and targets, parts of the year, narrower scopes, and the change
from the year before — the text-side cues, each written once (the question-side ones are in cues.py)."""
from __future__ import annotations

import re

from .quantity import NUM

# ---- plans and targets ------------------------------------------------------------------------------
# a top-level heading of the work-plan part (四、2024年工作计划), not a report on a plan's completion
PLAN_HEADING = re.compile(r"^(?!.*(?:完成|落实|执行)情况).*(?:计划|打算|思路|下步|下一步|下阶段|安排|展望)")
# words before a figure that make it planned, not achieved (力争…控制在8%以下)
TARGET_CUE = re.compile(r"力争|争取|努力(?:实现|做到|确保)|目标(?:是|为|值)|确保|预计|计划(?:到|于|在)|"
                        r"将(?:要|会|于|继续|进一步|持续|力争|努力)")
# a whole sentence that states a target rather than a result
TARGET_SENTENCE = re.compile(r"力争|争取|目标是|确保.{0,12}(?:以下|以上|以内)")
# an answer sentence that presents a figure as a target (zh/en)
TARGET_SAID = re.compile(r"目标|力争|计划|控制在|争取|打算|target|aim|plan|goal|intend", re.I)

# ---- parts of the year and of the whole -------------------------------------------------------------
PART_YEAR = re.compile(r"上半年|下半年|一季度|第一季度|前三季度|前两个季度|1[-—至~]\d{1,2}月|前\d{1,2}个月|[一二三四]季度")
# a figure's scope words that make it another period than the year reported
OTHER_PERIOD = ("上半年", "去年", "上年", "同期")
# a figure's scope words that make it a part, not the whole (unless the question asks that part)
PARTIAL = ("涉企", "上半年", "去年", "上年", "立案前", "上级交办", "其中", "疑难")
# words before a figure that narrow what it covers (kept as the fact's scope)
QUALIFIERS = re.compile(
    r"以[^,。;、]{1,12}?(?:作为|为)被告(?:或被申请人)?|复议后(?:案件)?|[一二]审|上半年|下半年|前三季度|第?[一二三四]季度"
    r"|涉企|全(?:区|县|市|镇|省|州|旗)(?!平均|排名|第|前列|首位|领先)|立案前|疑难(?:复杂)?|上级交办(?:案件)?"
)
WHOLE_SCOPE = re.compile(r"^全[年市区县镇省州旗]?$")  # the whole of what the report covers: no scope to state
# units only recommended or applying (推荐5家单位参评) vs units that won or were named
OUTCOME = re.compile(r"获评|被评为|评为|获得|荣获|命名|授予|入选|获批|认定|成功创建|通过验收|被确定为")
NOMINATED = re.compile(r"推荐|申报|参评|提名|报送|推选|申请创建")
# a restriction a question puts on what is counted (online), with the words a figure's sentence needs to
# count under it: a figure of the same work without them answers another question
RESTRICTIONS: dict[str, tuple[re.Pattern, re.Pattern]] = {
    "online": (re.compile(r"\bonline\b|\b(?:on|via|over) the internet\b|网上|线上|在线", re.I),
               re.compile(r"网上|线上|在线|上线|网办|网络|一网|掌上|指尖|云|视频|直播|平台|APP|小程序|电子|数字|信息化|系统|远程",
                          re.I)),
}

# ---- change from the year before --------------------------------------------------------------------
CHANGE_BASE = r"同比|较上年|比上年|较去年|比去年|较上一年|比上一年|与上年相比|较\d{4}年|比\d{4}年"
UP, DOWN = "上升|增长|增加|提高|提升|上涨|增", "下降|减少|降低|下滑|回落|减"
CHANGE = re.compile(rf"(?P<base>{CHANGE_BASE})(?:同期)?(?P<dir>{UP}|{DOWN})了?(?:约|近)?"
                    rf"(?P<amount>(?:{NUM})\s?(?:%|‰|个百分点|百分点|倍|件|起|人次|人|次|家|个)?)?")
DIRECTION = re.compile(rf"(?:逐年|持续|稳步|大幅|明显|进一步|有所|同比|较上年|比上年)?(?:{UP}|{DOWN})")

# ---- reading sentences ----------------------------------------------------------------------------
# a heading line or an ordinal point (一、 / (一) / 1.) that announces what follows
HEADING_LIKE = re.compile(r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])[^。]{0,40}。?$")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d+[.、.])")
# sentence topics: the last one before a bare keyword (化解率, 办结) says what it is about
TOPICS = [("recon", "复议"), ("litigation", "诉讼|应诉"), ("dispute", "行政争议|矛盾纠纷|纠纷|交办|信访"),
          ("mediation", "人民调解|调委会|调解"), ("normdoc", "规范性文件")]
MEDIATION_CONTEXT = re.compile(r"调解|调委会")
