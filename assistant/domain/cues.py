"""Cues in questions, zh and en, each written once: what shape of answer a question asks for (a figure,
a rate, a list, a count, a comparison, a table per report, the report itself, an open account), and
what it adds to the figure (a target, a change, a rank, part of the year, a total, an outcome).

Question understanding (understand/) is the only reader of these: later stages get typed fields.
"""
from __future__ import annotations

import re

I = re.I

# ---- the figure asked -------------------------------------------------------------------------------
RATE = re.compile(r"率|百分|占比|\brates?\b|percent|proportion|\b(?:what|which) share\b|%", I)  # \b: not corporate, separate
# a figure asked as yes or no against a threshold (及格率过八成了吗?, "had it finished at least three quarters"): the
# threshold is no figure the question gives
THRESHOLD = re.compile(r"(?:超过|过|达到|达|高于|低于|不到|不足|超)了?(?:[\d.]+|[一二三四五六七八九十两半百千万]+)(?:成|%|％|个百分点)?"
                       r"[\u4e00-\u9fff]{0,4}?了?(?:吗|没有?)|"
                       # English: only in a question asked as yes or no ("held over 100 sessions. How many …" gives 100)
                       r"(?:^|[.?!;:,]\s*)(?:was|were|is|are|did|does|do|had|has|have)\b[^.?;]{0,100}?"
                       r"\b(?:over|above|more than|less than|fewer than|below|under|at least|"
                       r"exceed(?:ed|s)?|reach(?:ed|es)?|beyond)\s+(?:[\d.,]+\s*(?:%|percent|per cent)?|half|a (?:third|quarter|half)|"
                       r"three quarters|two thirds|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
                       r"seventy|eighty|ninety|a hundred)\b(?:\s*(?:percent|per cent))?)", I)
# "what was the total amount involved": a sum asked without how much
NUMBER = re.compile(r"多少|几|数量|数目|how many|how much|number of|\bcount(?:s|ed)?\b|\bfigures?\b|\brates?\b|率|比例|percent|"
                    r"\bwhat (?:was|is|were|are) (?:the |its |their )?(?:(?:total |overall |combined )?(?:amount|sum|value)s?|"
                    r"total|combined|overall (?:number|amount|figure|sum))\b|"
                    # a query typed as keywords ends with what it wants ("… red education base investment")
                    r"\b(?:investment|amount|total|sum|spending|funding|budget|number|count)\s*\??\s*$|"
                    r"\bin (?:working |calendar |business )?days\b|" + THRESHOLD.pattern, I)  # \b: a county is no count
FIGURE_ZH = re.compile(r"多少|几[个次件场项名人家期天条份部]?")  # any Chinese figure question (几 alone too)
TARGET = re.compile(r"目标|力争|预期|计划(?:达到|实现|完成)|指标值|\btargets?\b|\bgoals?\b|\baim(?:s|ed)?\b", I)
# an ordinal asked (第几期鄞州论坛, which edition of the forum): answered by 第90期, never by a count
ORDINAL = re.compile(r"第几|\bwhat number\b|\bwhich (?:number|edition|issue|round|batch|installment)\b|"
                     r"\b(?:what|which)(?: exact| precise| specific)? (?:position|rank(?:ing)?)\b|\bwhere\b[^?]{0,80}\brank(?:ed)?\b|"
                     r"\brank(?:ed)? (?:what|where)\b", I)
RANK = re.compile(r"排名|排第|第几|位次|名次|排在|\brank", I)
TOTAL = re.compile(r"全市|全区|全县|全年|总共|总计|合计|共|总数|in total|overall|total|altogether", I)
CHANGE = re.compile(r"同比|比上年|较上年|比去年|较去年|上年同期|与上年相比|(?:增长|增加|上升|下降|减少|降低|提高)了?(?:多少|几)|增幅|降幅|"
                    r"变化|增减|趋势|year[- ]on[- ]year|compared (?:with|to) (?:the )?(?:previous|last|prior) year|"
                    r"(?:previous|last|prior) year|\bchang\w*|\bincreas\w*|\bdecreas\w*|\bgr[eo]w\w*|\brise\b|\brose\b|\bfell\b|"
                    r"\bdrop\w*|\btrend\b", I)
# a figure written as the change itself (较上一年提高13.8%, 同比增长12.2%): what a question asking a change wants
# the figure a change started from (把62项指标精简为13项: "how many before the cut" asks 62项, not 13项)
# the whole an earlier figure is part of, asked in a follow-up ("Out of how many documents in total?")
WHOLE_ASKED = re.compile(r"^\s*(?:out of|from|of) how many\b|\bin total\b|\baltogether\b|\ball told\b|\b(?:overall|grand) total\b", I)
WHOLE_ASKED_ZH = re.compile(r"一共|总共|总计|合计|共计|总数|总量")
BEFORE_CHANGE = re.compile(r"\bbefore (?:[\w-]+\s+){0,4}?(?:was |were |being )?(?:cut|streamlin\w*|reduc\w*|chang\w*|reform\w*|"
                           r"merg\w*|simplif\w*|consolidat\w*|trimm\w*|compress\w*)|\boriginally\b|\bpreviously\b|"
                           r"\bto begin with\b|\bstart(?:ed|ing)? (?:out )?(?:with|from)\b|\bbefore (?:that|this|then)\b(?!\s+(?:meeting|session|report|year|date|time|day)\b)|"
                           r"(?:精简|压缩|缩减|调整|优化|改革|整合|合并|削减)(?:之)?前|原有|原来|原先|最初", I)
# what lies between the two figures of a change: 考核指标精简优化为, 由…压缩至
# the words between a figure and the one it changed to (把62项…精简为13项; 在35证合一的基础上实现39证合一)
CHANGE_TO = re.compile(r"(?:(?:精简|压缩|缩减|缩短|减少|降低|下降|调整|优化|整合|合并|削减|提高|提升|增加|增长|扩大)[^\d,，。;；]{0,6}(?:为|到|至)|"
                       r"基础上[^\d,，。;；]{0,6}?(?:实现|达到|增加到|扩大到|提升到|提高到|拓展到|扩展到)?)[“\"‘]?\s*$")
CHANGED_BY = re.compile(r"(?:提高|提升|增长|增加|上升|下降|减少|降低|增幅|降幅|增|降)(?:了|为|达)?$")
# words that narrow a figure to a part of the whole; a fact whose sentence lacks one answers another question
SCOPE_WORDS = re.compile(r"涉企|企业|委托|商事|金融|上半年|下半年|前三季度|一审|二审|复议后|立案前|上级交办|疑难|中心|"
                         r"街道|乡镇|村(?:社区)?|律师|公证|仲裁|信访|交通|市场监管|生态环境|公安")
# what a question excludes (不含复议后案件 / as opposed to 化解率): never part of what it asks
EXCLUDE = re.compile(r"[((]\s*(?:不含|不包括|除去|除了|不算|不是|excluding|except|other than|not counting|not\b)[^))]*[))]|"
                     r"(?:不含|不包括|不算|不计|除去|而不是|而非|as opposed to|rather than|excluding|except for|other than|setting aside|"
                     r"leaving aside|aside from|apart from)[^,,。?;?]*|"
                     r"(?<=[,,;])\s*(?:but |and )?not (?:the |counting |including )?[^,,。?;?))]*", I)  # "city level only, not the whole city"
# where a question asking several figures splits (…多少件,败诉率是多少? / 人大建议和政协提案 / … and what was …);
# " and " between capitalised words is part of a name (Economic and Technological Development Zone)
PART_BREAK = re.compile(r"[,，;；?？、]|以及|并且|和|及|与|\band (?=[a-z])")
# outcome vs nomination (获评 5 个 vs 推荐 5 家参评) and part of the year vs the whole year
OUTCOME_ASKED = re.compile(r"获评|被评为|评为|获得|荣获|命名|授予|入选|获批|认定为|"
                           r"\b(?:won|win|awarded|named|designated|recogni[sz]ed|selected|certified)\b", I)
WHOLE_YEAR = re.compile(r"全年|整年|全年度|一年来|\b(?:whole|full|entire) year\b|\ball (?:of )?(?:the )?year\b", I)
PART_ASKED = re.compile(r"上半年|下半年|季度|\d{1,2}月|\bfirst half\b|\bsecond half\b|\bquarter\b|\bmonths?\b", I)

# ---- the shape of the answer ------------------------------------------------------------------------
PLAN = re.compile(r"计划|打算|思路|安排|下一步|下步|明年|目标|力争|\btargets?\b|\bgoals?\b|\bplan(?:s|ned|ning)?\b|next year|"
                  r"\bintend|will do", I)
OPEN = re.compile(r"工作计划|工作打算|工作思路|下一步|\bplans?\b|哪些工作|哪些举措|哪些措施|什么举措|什么措施|如何|怎样|怎么|做了什么|做了哪些|"
                  r"有哪些|存在哪些|不足|问题|"
                  r"\bwhat did\b|\bhow did\b|\bhow does\b|\bwhat (?:measures|steps|actions|work)\b|shortcoming|problem|weakness", I)
# 分别有多少件 right after two things named asks two figures, not a list or a table of reports
_EACH = r"分别(?!(?:有|是|为|达到|都)?(?:多少|几))"
LIST = re.compile(rf"哪些|哪几|哪个地区|哪个县|列出|列举|各地区|各地|各报告|{_EACH}|每个地区|所有地区|"
                  r"\beach (?:place|report|county|district|city)\b|\ball (?:places|reports|counties|districts)\b|"
                  # which edition: an ordinal; the rate at which / the extent to which, "the bureau, which also runs …": a
                  # relative clause (a verb follows it, not the noun asked)
                  r"(?<!\bat )(?<!\bto )\bwhich\b(?!\s+(?:number|edition|issue|round|batch|installment)\b)"
                  r"(?!(?<=, which)\s+(?!(?:reports?|places?|count(?:y|ies)|districts?|cit(?:y|ies)|towns?|provinces?|regions?|"
                  r"areas?|bod(?:y|ies)|departments?|bureaus?|ones?|of|years?)\b)(?:also|is|was|are|were|has|had|have|does|did|"
                  r"will|can|\w+(?:s|ed)\b))|"
                  r"^\s*(?:please\s+)?list\b|(?:^|[,;:.?!]\s*|\b(?:and|also|then|please|can you|could you)\s+)"
                  r"list (?=the\b|all\b|every\b|each\b|which\b|reports?\b|places\b)|"  # not "the study list the bureau drew up"
                  r"\bwhat (?:places|counties|districts|cities|reports)\b", I)  # "the power list" is no listing
# the reports themselves are what is listed ("Which reports were issued by bureaus in Zhejiang?"), not one report
WHICH_REPORTS = re.compile(r"哪些报告|哪几份|报告(?:都|一共|共)?(?:有|是)(?:哪些|哪几份|哪几个)|\bwhich (?:of the )?reports\b|"
                           r"\blist (?:the |all )?reports\b", I)
COUNT = re.compile(r"(?<!哪)几份|多少份|(?<!哪)几个(?:地区|地方|报告|县|区|市)|多少个(?:地区|地方|报告|县|区|市)|多少(?:地区|报告)|"
                   r"报告(?:一共|总共|共|加起来)?(?:有|是)?(?:多少|几)个|"  # 开发区的报告有多少个
                   r"\bhow many (?:of (?:the |these |those |all )?(?:\d+ )?)?(?:[\w-]+ ){0,3}"
                   r"(?:reports|places|counties|districts|cities|zones|provinces|towns|departments|bureaus)\b|number of reports", I)
REPORTS_WORD = re.compile(r"报告|reports?\b", I)
# the one report a figure is read from, not reports counted (海南省2022年报告里,考核了多少个市县)
REPORT_AS_SOURCE = re.compile(r"报告[里中内]|报告(?:显示|提到|指出|称)|\bin (?:its|the|their) (?:\d{4} )?report\b", I)
REPORTS_COUNTED = re.compile(r"几份|多少份|几篇|多少篇|(?:几|多少)个?报告|\bhow many (?:\w+ ){0,3}reports\b|\bnumber of reports\b", I)
COMPARE = re.compile(r"比较|对比|相比|谁的|谁报告的|谁更|哪个更|哪一个更|哪个(?:地区|报告)?.{0,12}(?:更|最)|(?:更|最)(?:高|低|多|少)|"
                     r"\bcompare\b|\bversus\b|\bvs\.?\b|(?:higher|lower|more|fewer|larger|smaller|highest|lowest|most|least)\b", I)
MAX = re.compile(r"最高|最多|最大|highest|most|largest", I)
MIN = re.compile(r"最低|最少|最小|lowest|least|fewest|smallest", I)
LOWER = re.compile(r"更低|更少|较低|较少|最低|最少|lower|fewer|less|least|lowest", I)
RANKS = re.compile(r"比较|对比|谁|哪个|哪一|最|更|compare|versus|\bvs\b|which|most|least|highest|lowest|more|fewer", I)
GENERAL = re.compile(r"情况|方面|工作|数据|数字|指标|figures|numbers|situation|performance|record", I)
PER_REPORT = re.compile(rf"各报告|每份报告|各份报告|各地|各地区|各个|{_EACH}|逐一|\beach (?:report|place|county|district|city)\b|"
                        r"\bper report\b|\bfor each\b|\bevery report\b", I)
MENTION = re.compile(r"提到|提及|谈到|讲到|说到|涉及|出现|提起|mention|refer(?:s|red)? to|talk(?:s|ed)? about|discuss|"
                     r"\b(?:bring|brings|brought|bringing) up\b", I)
GT = re.compile(r"(?:达到|达|超过|高于|大于|不低于|以上|at least|above|over|more than|exceed\w*)\s*(\d+(?:\.\d+)?)\s*%?", I)
LT = re.compile(r"(?:低于|少于|小于|不超过|below|under|less than|fewer than)\s*(\d+(?:\.\d+)?)\s*%?", I)
# an apostrophe inside a word (Xinjiang's, don't) opens or closes no quotation
QUOTED = re.compile(r"(?<![A-Za-z])[“\"「『‘']([^”\"」』’']{2,20})[”\"」』’'](?![A-Za-z])")
BEFORE = re.compile(r"(?:before|earlier than|older than|prior to|早于|之前|以前)\s*(20\d{2})|(20\d{2})\s*年?(?:以前|之前)", I)
AFTER = re.compile(r"(?:after|later than|newer than|more recent than|晚于|之后|以后)\s*(20\d{2})|(20\d{2})\s*年?(?:以后|之后)", I)
# the bound year itself included: since 2022, 2022 or later, 2022年及以后 / up to 2021, 2021年及以前
SINCE = re.compile(r"(?:since|starting (?:in|from))\s*(20\d{2})|(20\d{2})\s*(?:or|and) (?:later|after|newer|more recent)|"
                   r"(20\d{2})\s*onwards?\b|(20\d{2})\s*年?(?:及|或)?(?:以后|之后|以来)|自(20\d{2})年?(?:起|以来)", I)
UNTIL = re.compile(r"(?:up to|until|through)\s*(20\d{2})|(20\d{2})\s*(?:or|and) (?:earlier|before|older)|"
                   r"(20\d{2})\s*年?(?:及|或)(?:以前|之前)", I)
YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
# a year said short (22年的工作, 长春市22年度), not a span of years (连续22年, 近20年来, 22年间), nor a date (26年2月发的:
# when it was posted)
SHORT_YEAR = re.compile(r"(?<![\d.第近满续共达约逾超过了多余])([12]\d)(?=年度|年(?!来|以来|间|多|余|左右|前|后|之|内|里|时间|历史|\d{1,2}月))")
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a year the report was posted or dated in ("only posted in September 2025", 2025年9月才发布): not the year it covers
POSTED_YEAR = re.compile(rf"\b(?:posted|published|released|issued|uploaded|put online|went (?:online|up|live)|came out|dated|signed)\s+(?:on\s+|in\s+)?"
                         rf"(?:{_MONTH_EN}\s+)?(?:\d{{1,2}},?\s+)?(20\d{{2}}|19\d{{2}})|"
                         r"(?<!\d)(20\d{2}|19\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:才|就|已|已经)?"
                         r"(?:发布|公布|印发|挂出|上网|发出|公开|报送|落款)", I)
# English: only places named ("compare / tell me about X"), not a question about their content
OVERVIEW_EN = re.compile(r"\b(?:compare|comparison|tell me about|overview|summar\w*|describe|what about|versus|vs)\b|"
                         r"^\s*what did\b.{0,80}\bdo\b(?:\s+in\s+\d{4})?\s*\??\s*$", I)
CONTENT_EN = re.compile(r"\b(?:how many|how much|what (?:is|was|were|are) the|which|number|rate|percent)\b", I)
# zero-defeat scopes a question asks about
ZERO_AFTER = re.compile(r"复议后|after (?:administrative )?reconsideration|taken to court after", I)
ZERO_LITIGATION = re.compile(r"诉讼|应诉|litigation|lawsuit|court|sued", I)
ZERO_RECONSIDERATION = re.compile(r"复议|reconsideration", I)

# ---- follow-up questions: what marks a question that leans on the one before it --------------------------
FOLLOW_LEAD = re.compile(r"^\s*(?:(?:不对|不是|错了|搞错了|弄错了|说错了|我说错了)[,，。!！\s]*(?:我(?:想|要)?(?:问|说|找|查)的是)?|我(?:想|要)?(?:问|说)的是|"
                         r"(?:no|sorry|oops)[,.!]?\s+I (?:meant|asked about|wanted)|I meant|actually,?\s+I meant|"
                         r"那么?|还有|另外|以及|再问一下|再看|换个(?:地方|地区|县|市|区)|换一个(?:地方|地区)|换成|换作|换到|改成|改问|同样的问题[,，]?\s*(?:问一下|问问|再问)?|"
                         r"问一下|问问|and\b|so\b|then\b|also\b|what about\b|how about\b|"
                         r"and what about\b|same (?:question )?for\b|(?:out of|from|of)(?= how many\b))[\s,，、:：]*", I)
_THAN = r"(?:more|fewer|less|higher|lower|bigger|smaller|greater|larger|longer|shorter)"
# "… — more or fewer than that?", "比它多还是少?": the earlier figure compared, the new scope asked
FOLLOW_TAIL = re.compile(r"(?:的情况|的数字|的数据)?(?:呢|看看|看一下|试试)\s*[?？]?\s*$|(?<=\w)\s*(?:too|as well)\s*[?？]?\s*$|"
                         rf"[\s,，—–-]*(?:(?:is it|are they|was it|were they)\s+)?{_THAN}(?:\s+or\s+{_THAN})?(?:\s+\w+)?\s+than\s+"
                         r"(?:that|this|it|them|those|before)\s*[?？]?\s*$|"
                         r"呢?[,，—]*\s*(?:是|会)?(?:比|和|跟)(?:它|这个|那个|前者|上一个|刚才)(?:相比|比)?(?:是)?[^?？,，]{0,6}[?？]?\s*$", I)
# a pronoun standing for the place/report asked before (它的…, 该县…, its …)
REFER_SCOPE = re.compile(r"它们?的?|该(?:县|市|区|省|镇|乡|街道|局|地|单位|报告)的?|这个(?:县|市|区|地方|报告)的?|"
                         r"(?:这|那)份(?:报告|材料)?的?|本报告的?|"
                         r"\b(?:its|it|they|(?:that|this) (?:county|city|district|report|place|bureau|document)|"
                         r"the (?:same )?(?:county|city|district|town|township|bureau|province|place)(?![- ](?:level|wide))(?:'s)?|"
                         r"the same (?:place|report))\b", I)
# a pronoun standing for the thing counted before (其中…, those, of them)
REFER_THING = re.compile(r"^\s*其中|(?<![\u4e00-\u9fff])其(?=中|余)|这些|\b(?:of (?:those|them|these)|those|them|these|"
                         r"which of (?:those|them)|(?:did|does|do|was|is|has|had|would) (?:that|this)(?! (?:county|city|district|"
                         r"report|place|bureau|document|year))|(?:that|this) (?:figure|number|total|count|amount|system|mechanism|"
                         r"platform|campaign|programme|program)|"
                         rf"{_THAN}(?:\s+\w+)?\s+than (?:that|this|it|them|those)|"
                         r"^\s*(?:out of|from|of) how many)\b", I)  # "Out of how many documents?": the whole of that figure
# a follow-up to a list or count asking for the reports themselves ("Which ones?", "分别是哪几份?")
WHICH_ONES = re.compile(r"(?:分别|具体|都)?(?:是)?(?:哪些|哪几份|哪几个|哪几家|哪些报告|哪些地方)(?:报告|地方)?(?:呢)?|"
                        r"(?:请)?(?:列|列举|列出|罗列|说)(?:一下|出来|下)(?:吧)?|"
                        r"which (?:ones|reports|places)(?: are (?:they|those|these))?|which are (?:they|those|these)|"
                        r"what are (?:they|those|these)|(?:please )?(?:list|name|show) (?:them|those|these)(?: please)?", I)
# a follow-up narrowing a list or count to some of its reports ("其中", "of them")
# the earliest / latest of the reports listed (其中最早的是哪一份?, "Which is the most recent report?")
EARLIEST = re.compile(r"最早|最老|年份最早|\b(?:earliest|oldest)\b", I)
LATEST = re.compile(r"最新|最晚|最近的?(?:一份|那份)|年份最近|\b(?:latest|newest|most recent)\b", I)
WHICH_REPORT = re.compile(r"哪一?份|哪个报告|哪篇|\bwhich (?:one|report|is|was)\b", I)
AMONG = re.compile(r"^\s*其中|\b(?:of|among) (?:them|those|these|the reports)\b", I)
# the figure before, set beside another place's (比密云区多还是少?, "X did more … than that, right?", "compared with X?")
COMPARED_TO = re.compile(r"^\s*(?:那|那么)?(?:比|和|跟|与|同|较)[^,，。?？]{1,16}?(?:比|相比|比起来|比较)?(?:是|的话)?"
                         r"(?:多还是少|少还是多|高还是低|低还是高|大还是小|哪个多|哪个高|谁多|谁高|更多|更少|更高|更低|多吗|少吗|高吗|低吗|"
                         r"多|少|高|低|怎么样)|\b(?:more|fewer|less|higher|lower|bigger|smaller|greater|larger)\b.{0,60}?\bthan "
                         r"(?:that|this|it|them|those)\b|^\s*(?:and\s+)?(?:how (?:does|did) (?:it|that|this) compare (?:with|to)|"
                         r"compared? (?:with|to)|vs\.?|versus)\b|\bhow (?:does|did|do) .{1,60}? compare\b", I)
# the sentence the answer before cited, asked for whole ("quote the original sentence", 原文怎么说的?, 原话是什么)
QUOTE_ASKED = re.compile(r"^\s*(?:那|请|麻烦)?(?:把|给我)?(?:原文|原话|原句|原始表述)(?:是)?(?:怎么(?:说|写)的?|是什么|给我看看|看看|发一下|贴一下|呢)?"
                         r"\s*[?？。.!！]?\s*$|^\s*(?:(?:can|could) you\s+|please\s+)?(?:quote|show(?: me)?|give(?: me)?|cite)\s+"
                         r"(?:the |that |this )?(?:exact |original |full |whole |source )?(?:line|sentence|text|passage|wording|quote)"
                         r"(?:\s+(?:in full|again|please))?\s*[?.!]?\s*$|^\s*what (?:exactly )?does (?:it|the report) say\s*[?.]?\s*$|"
                         r"^\s*what(?:'s| is| was) the (?:exact |original |precise |full )?(?:wording|sentence|line|text|quote)"
                         r"(?: there| in the report| again)?\s*[?.]?\s*$", I)
# how far apart two figures are (差多少?, "how many more X than Y?"): both figures asked
DIFFERENCE = re.compile(r"\bhow (?:many|much) (?:more|fewer|less)\b|(?:多|少|差|相差)了?多少", I)
# reports listed in the order of their years (按年份从早到晚排一下, "sort them by year"); NEWEST_FIRST: the latest first
BY_YEAR = re.compile(r"按(?:年份|年度|时间|年)(?:从早到晚|由早到晚|从晚到早|由近及远|从新到旧|先后)?(?:顺序)?(?:排|排序|排列|列)|"
                     r"\b(?:sort|order|arrange|list)(?:ed)?\s+(?:them\s+|these\s+|those\s+)?(?:by|in order of)\s+(?:year|date|time)|"
                     r"\bchronologically\b|\b(?:oldest|earliest|newest|latest|most recent) first\b", I)
NEWEST_FIRST = re.compile(r"从晚到早|由近及远|从新到旧|\b(?:newest|latest|most recent) first\b", I)
# the answer before, asked for again in the other language (用中文再说一遍?, "In English please"): group 1 names it
IN_LANGUAGE = re.compile(r"^\s*(?:请|能不能|可以)?(?:再)?(?:用|换成|翻译成|换)?(中文|汉语|英文|英语)(?:再|重新)?(?:说|回答|讲|答|写|翻译)?"
                         r"(?:一遍|一下|一次)?(?:吧|呢|吗)?\s*[?？.。!！]?\s*$|^\s*(?:(?:please|can you|could you)\s+)?"
                         r"(?:(?:say|answer|repeat|give|write|put|tell me)\s+(?:that|it|this|the answer)?\s*(?:again\s+)?)?"
                         r"in (English|Chinese)(?:,? please| again)?\s*[?.!]?\s*$", I)
# "which village / which magazine's list" of one report: a name its text gives, not reports listed
WHICH_CONTENT = re.compile(r"\bwhich (?!(?:reports?|documents?|places?|count(?:y|ies)|districts?|cit(?:y|ies)|towns?|"
                           r"townships?|provinces?|regions?|areas?|bod(?:y|ies)|departments?|bureaus?|agenc(?:y|ies)|offices?|"
                           r"governments?|ones?|of|years?|levels?|zones?|subdistricts?|prefectures?)\b)[a-z]+", I)
# "and in %?" after a count: the same thing asked as a share
AS_SHARE_EN = re.compile(r"(?:and\s+)?(?:in|as\s+an?|as)\s+(?:%|percent(?:age)?s?|a\s+(?:share|rate)|rates?)|"
                         r"(?:and\s+)?(?:what|which)\s+(?:percentage|share|rate)", I)
# "how many is that?" / 一共几份? after a list of reports: its count
HOW_MANY_LISTED = re.compile(r"(?:一共|总共|共|总计|合计)?(?:有)?(?:几|多少)(?:份|个|篇)?(?:报告)?(?:啊|呀)?|数一下|"
                             r"how many(?: (?:is that|are they|are there|of them|reports|in total|altogether))*|count them", I)
# 哪份是…, "which one covers 2025?": picks among the reports listed before
PICK_LISTED = re.compile(r"^(?:哪一?份|哪几份|哪一个|哪个|只要|只看|只留|就要|\bwhich (?:one|ones|of them)\b|\bonly\b|\bjust\b)", I)
# "what if we add Gansu and Qinghai?", 把甘肃也算上: more places to the same list
WIDEN_LISTED = re.compile(r"\b(?:add|adding|plus|include|including|together with|along with|throw in|toss in)\b|加上|算上|加进来|连同|再加", I)
# where inside one report a figure is counted: the whole area or the government's own level (全市 vs 市本级);
# a follow-up naming only one of these swaps it for the earlier question's
FIGURE_SCOPE = re.compile(r"[省市州盟县区旗镇乡](?:本级|直(?:属)?(?:部门|单位)?)|全[省市州盟县区旗镇乡]域?|机关本级|本级|"
                          r"\b(?:(?:(?:at|on|for) )?(?:the )?(?:city|municipal|county|district|provincial|prefecture)[- ]level"
                          r"(?: itself| alone| only)?|"
                          r"(?:city|county|province|district)[- ]?wide|across the (?:city|county|province|district))\b", I)
ASKING = re.compile(r"多少|几|哪|什么|是否|有没有|吗|如何|怎样|怎么|谁|何时|\b(?:how|what|which|who|when|whether|did|does|"
                    r"do|is|are|was|were|has|have)\b", I)
# the reports as a whole, named as where the answer is looked for (这批报告里, 语料库中, "in this collection"): no topic
CORPUS_REF = re.compile(r"(?:这|那)(?:批|些|几份|几篇|堆)(?:报告|材料|文件)?(?:里面|里头|里|中|当中)?|语料库?(?:里面|里|中)?|"
                        r"(?:报告)?库(?:里面|里|中)|\bin (?:the|this|these) (?:corpus|collection|set|batch)\b", I)
# a running total asked after a figure of one year (场景累计达到86个 after 年度新上线34个; "And the cumulative total?")
CUMULATIVE = re.compile(r"(?:的)?(?:累计|总计|合计|共计|总数|一共|总共|加起来)(?:的|数|数量)?(?:是|有)?(?:多少)?|"
                        r"(?:the |a )?(?:cumulative(?:ly)?|(?:the )?(?:running|cumulative) total|in total|altogether|"
                        r"all told|so far|to date|in all)(?: (?:number|figure|count|total))?(?: so far| to date)?", I)
# a question asking which report, body, time or place (其中哪份是司法局的), not a figure
ASKS_WHICH = re.compile(r"哪|谁|\b(?:which|who|whom|when|where)\b", I)
