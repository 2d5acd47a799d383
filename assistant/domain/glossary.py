"""English → Chinese domain terms, so an English question reaches Chinese reports (BM25, routing, figures)."""
from __future__ import annotations

import re

# English phrase → Chinese terms (regex on lower-cased question). Order: longer phrases first.
GLOSSARY: list[tuple[str, list[str]]] = [
    (r"zero[- ]defeats?|no (?:lost )?(?:cases? )?(?:lost|defeats?)|zero[- ]loss(?:es)?|never lost|no losses", ["零败诉", "无败诉", "败诉"]),
    (r"(?:defeat|loss|losing) rate", ["败诉率"]),
    (r"los[et] any|any (?:defeats?|loss(?:es)?|lost (?:cases|lawsuits))|ever lose", ["零败诉", "败诉"]),
    (r"correction rate", ["纠错率"]),
    (r"corrected|correction", ["纠错"]),
    (r"reconsideration", ["行政复议"]),
    (r"litigation|lawsuits?|sued|court cases?|administrative (?:cases|suits)", ["行政诉讼", "应诉"]),
    (r"appear(?:ed|ance|ing)? in court|court appearance", ["出庭应诉", "负责人出庭"]),
    (r"sit(?:s|ting)? in on (?:court )?(?:hearings?|trials?|cases?)|(?:attend\w*|observ\w*|audit\w*) (?:court )?(?:hearings?|trials?)",
     ["旁听庭审", "旁听"]),
    (r"defeats?|lost|los(?:e|es|ing|ses)", ["败诉"]),
    (r"legal aid", ["法律援助"]),
    (r"legal help|legal assistance", ["法律帮助", "法律援助"]),
    (r"people'?s mediation|mediat\w*", ["人民调解", "调解"]),
    (r"administrative disputes?", ["行政争议"]),
    (r"(?<!administrative )disputes?", ["矛盾纠纷", "纠纷"]),
    (r"normative documents?|regulatory documents?", ["规范性文件"]),
    (r"law enforcement|enforcement", ["行政执法", "执法"]),
    # the share of officers holding a certificate, not an exam for one (证件考试的通过率)
    (r"certificat\w*\b(?! exam| test)|licen[cs]ed", ["持证率"]),
    (r"certificat\w* (?:exam\w*|tests?)", ["证件考试", "资格考试"]),
    (r"information disclosure|disclos\w*|open government", ["政府信息公开", "主动公开"]),
    (r"legal advis\w*|legal counsel", ["法律顾问"]),
    (r"law[- ]savvy|legal(?:ly)? (?:literate|understanding) (?:people|persons|residents)", ["法律明白人"]),
    (r"legal[- ](?:publicity|education|awareness)|law popularization|publici[sz]\w* (?:of )?(?:the )?law", ["普法", "法治宣传", "法律宣传"]),
    (r"business environment", ["营商环境"]),
    (r"one plan,? (?:and )?two outlines", ["一规划两纲要"]),
    (r"major (?:administrative )?decisions?", ["重大行政决策"]),
    (r"enterprises?|compan(?:y|ies)|firms?|business(?:es)?(?! environment)", ["涉企", "企业"]),
    (r"shortcomings?|problems?|weakness\w*|deficienc\w*", ["存在问题", "不足"]),
    (r"plans?|next year|future work", ["工作打算", "计划", "工作思路"]),
    (r"npc\b[\w' ]{0,20}suggestions?|deput(?:y|ies)'?s? suggestions?|people'?s congress", ["人大建议", "人大代表建议"]),
    (r"cppcc proposals?|proposals?", ["政协提案"]),
    (r"success rate", ["成功率"]),
    (r"resolution rate|resolved rate", ["化解率"]),
    (r"resolv\w*|resolution", ["化解"]),
    (r"substantive\w*", ["实质"]),
    (r"commissioned|entrusted|referred", ["委托"]),
    (r"(?:applications? )?(?:received|accepted|filed)|intake", ["受理", "接收", "收到"]),
    (r"concluded|closed|handled", ["办结", "办理"]),
    (r"conclude|close|closes|closing", ["办结"]),
    (r"complet\w*|accomplish\w*|finish\w*", ["办结", "完成"]),
    (r"withdraw\w*|mediated settlement", ["调撤"]),
    (r"reconcil\w*|settlement", ["和解"]),
    (r"training|trained|courses?", ["培训"]),
    (r"(?:leading )?cadres?|officials?|leaders?|leadership", ["领导干部", "干部"]),
    (r"inspection|patrol", ["巡察", "督察"]),
    (r"on[- ]site (?:inspection|supervision|check|visit)s?|field (?:inspection|visit)s?", ["实地督察", "实地检查", "现场检查", "实地"]),
    (r"cities\s*(?:/|and|&|or)\s*counties|counties\s*(?:/|and|&|or)\s*cities", ["市县"]),
    (r"supervis\w*|oversight|monitor\w*", ["监督"]),
    (r"legality review|legal review|review\w*", ["合法性审查", "审查"]),
    (r"filing|filed for the record|record", ["备案"]),
    (r"clean(?:ed)?[- ]?up|sort(?:ed)? out", ["清理"]),
    (r"repeal\w*|abolish\w*|annul\w*", ["废止"]),
    # the other outcomes of a clean-up of documents: kept in force, taken out of their kind's management
    (r"(?:stay\w*|remain\w*|kept|keep\w*|left|continu\w*|still) (?:\w+ )?(?:in force|valid|effective|in effect)|retain\w*",
     ["继续有效", "保留"]),
    (r"(?:taken|removed|dropped) (?:out of|from) (?:[\w-]+ ){0,3}management|no longer (?:managed|treated) as", ["不再作为"]),
    # what became of approval items (取消行政许可事项8项、承接10项、调整149项、依法设定8项)
    (r"cancel+\w*|scrap\w*|removed", ["取消"]),
    (r"adjust\w*", ["调整"]),
    (r"took (?:them |it )?over|taken over|tak(?:e|ing) (?:them |it )?over|undert(?:ook|ake|aken)|devolved|delegated|transferred (?:in|down)", ["承接", "下放"]),
    (r"(?:stay(?:ed)?|remain(?:ed)?|kept|still|continu\w*(?: to be)?)\s+(?:in force|valid|effective|in effect)|"
     r"retain\w*", ["继续有效", "继续执行", "保留"]),
    (r"(?:expired?|invalidated|lapsed|no longer (?:valid|in force))", ["失效"]),
    (r"(?:to be )?(?:revised|amended)(?: within a (?:time )?limit)?", ["修改", "修订"]),
    (r"petitions?|letters and visits", ["信访"]),
    (r"lawyers?|attorneys?", ["律师"]),
    (r"notar\w*", ["公证"]),
    (r"village\w*", ["村"]),
    (r"demonstration|model", ["示范"]),
    (r"pilot\w*", ["试点"]),
    (r"digital\w*", ["数字"]),
    (r"penalt\w*|punish\w*|fines?", ["处罚"]),
    (r"government services?", ["政务服务"]),
    (r"one-stop|one[- ]go|single[- ]window|handled (?:all )?at once|one[- ]visit", ["一站式", "一事通办", "一网通办", "一次办", "一窗"]),
    (r"one[- ]thing|one matter|single matter", ["一件事"]),  # 高效办成一件事: a whole matter done at one go
    (r"grids?", ["网格"]),
    (r"case files?|file review", ["案卷", "评查"]),
    (r"amount|money involved", ["金额"]),
    (r"(?:economic|financial|property) loss(?:es)?", ["经济损失"]),
    (r"losses? recovered|recover\w*", ["挽回经济损失", "挽回"]),
    (r"financ\w*", ["金融"]),
    (r"commercial", ["商事"]),
    (r"labou?r disputes?|wage arrears|unpaid wages", ["劳动争议", "欠薪"]),
    (r"veterans?", ["退役军人"]),
    (r"epidemic|covid|pandemic", ["疫情"]),
    (r"lectures?", ["讲座"]),
    (r"events?|activities", ["活动"]),
    (r"study(?:ing)? (?:the )?law|law study|learn\w* (?:the )?law", ["学法"]),
    (r"meetings?", ["会议"]),
    (r"satisf\w*", ["满意"]),
    (r"reform\w*", ["改革"]),
    (r"sub-?districts?|towns?|townships?", ["街镇", "乡镇", "街道"]),
    (r"comprehensive (?:administrative )?law enforcement", ["综合行政执法"]),
    (r"accountab\w*|responsib\w*", ["责任"]),
    (r"assess\w*|evaluat\w*|apprais\w*", ["考核", "评价"]),
    (r"law-based (?:administration|governance)|administ\w* (?:according to|by|in accordance with) (?:the )?law", ["依法行政"]),
    (r"commend\w*|prais\w*|honou?r\w*", ["表彰"]),
    (r"titles?|awards?|won|wins?|named|accolades?", ["获评", "荣获", "称号", "命名"]),
    (r"instructions?|directives?|written comments?", ["批示"]),
    (r"at all levels|every level", ["各级"]),
    (r"police stations?", ["派出所"]),
    (r"household[- ]registration|hukou", ["户政", "户籍"]),
    (r"exit[- ]entry|entry[- ]exit|immigration", ["出入境"]),
    (r"traffic (?:police|management|control)|traffic", ["交管", "交通"]),
    (r"single online portal|one[- ]network|(?:all )?online through one (?:portal|platform)", ["一网通办"]),
    (r"police|public security", ["公安", "民警"]),
    (r"first half", ["上半年"]),
    (r"(?:during|over|for|in|throughout) the (?:whole |entire )?year|all year|the whole year", ["全年"]),
    (r"intermediar\w*", ["中介"]),
    (r"pre-?approvals?|prerequisites?|preconditions?", ["前置"]),
    (r"banners?", ["横幅"]),
    (r"posters?", ["海报"]),
    (r"pamphlets?|brochures?|booklets?", ["小册子", "手册", "宣传资料", "折页"]),
    (r"leaflets?|flyers?", ["宣传单", "传单", "宣传资料", "折页"]),
    (r"municipal level|city level|city-level", ["市本级"]),
    (r"cumulative(?:ly)?|running total|so far|to date", ["累计"]),
    (r"scenarios?|use cases", ["场景"]),
    (r"online|on the internet|via the web", ["网上", "网办", "线上", "全程网办"]),
    (r"rule of law", ["法治"]),
    # words reports use around their figures, each the Chinese a clause writes (浏览总量, 一线执法力量, 协议履行率)
    (r"views?|page views|hits|clicks|read(?:s|ership)", ["浏览", "阅读", "点击"]),
    (r"new[- ]media|we-?chat|official accounts?|short videos?|videos?", ["新媒体", "微信", "公众号", "短视频", "视频"]),
    (r"live[- ]?stream\w*|broadcasts?", ["直播"]),
    (r"residents|citizens|the public|the masses|ordinary people", ["群众"]),
    (r"front[- ]line|grassroots|primary[- ]level", ["一线", "基层"]),
    (r"fulfil\w*|performance of (?:the )?agreements?|agreements? (?:honou?red|performed)", ["履行"]),
    (r"assigned by (?:higher|superior)\w*(?: authorities| levels?)?|higher[- ]level assign\w*", ["上级交办", "交办"]),
    (r"hotlines?", ["热线"]),
    (r"work orders?|tickets?", ["工单"]),
    (r"procurat\w*|prosecut\w*", ["检察"]),
    (r"self-?assess\w*|self-?inspect\w*|self-?check\w*", ["自评", "自查"]),
    (r"(?:health|legal) check-?ups?|health checks?|physical examinations?", ["体检"]),
    (r"legal services?", ["法律服务"]),
    (r"law firms?", ["律师事务所", "律所"]),
    (r"suggestions?|recommendations?", ["建议"]),
    (r"opinion letters?|letters? of opinion|written opinions?|legal opinions?", ["意见书", "法律意见"]),
    (r"warning letters?|risk warnings?|reminder letters?", ["提示函", "风险提示"]),
    (r"decrees?|(?:command|government|executive|mayor'?s?|headquarters'?) orders?", ["令"]),
    (r"notices?|circulars?|announcements?", ["通告", "通知", "公告"]),
    (r"indicators?|metrics?|criteria", ["指标"]),
    (r"(?:every|each) ninth(?: day)?|ninth[- ]day", ["逢九必讲"]),  # Xinjiang's lectures on days ending in 9
    (r"within a (?:set |given )?(?:deadline|time limit|period)|by a (?:set )?deadline|time-limited", ["限期"]),
    (r"in progress|under ?way|ongoing|being (?:advanced|carried out|pushed forward|worked on)|still (?:being )?worked on|"
     r"unfinished|not yet (?:finished|completed|done)", ["正在推进", "推进中", "正在"]),
    (r"powers? and responsibilit(?:y|ies)(?: lists?)?|responsibility lists?", ["权责清单", "权责", "责任清单"]),
    (r"inventor(?:y|ies)|(?:power|responsibility|task|problem|negative) lists?", ["清单"]),  # "list them": no 清单
    (r"proof|certifying matters|certification matters", ["证明事项", "证明"]),
    (r"supermarkets?", ["超市"]),
    (r"classes|classrooms?", ["课堂", "班"]),
    (r"single licen[cs]e|one licen[cs]e", ["一证照", "一证"]),
    (r"business licen[cs]es?", ["营业执照"]),
    (r"registrations?|register(?:ed|ing)?", ["登记", "注册"]),
    (r"certificates? in one|licen[cs]es? in one|certificates? (?:merged|combined|integrated) into", ["证合一"]),
    (r"merg\w*|integrat\w*|combin\w*|folded into|consolidat\w*", ["整合", "合一"]),
    (r"no[- ]difference|undifferentiated|any[- ]matter", ["无差别"]),
    (r"comprehensive (?:service )?windows?|all-in-one windows?", ["综窗", "综合窗口", "综合受理"]),
    (r"paperwork|(?:application |required )?materials|documents? (?:required|needed)", ["材料"]),
    (r"(?:approval |procedural )?steps|links in the (?:approval )?chain", ["环节"]),
    (r"processing times?|time limits?|turnaround times?", ["时限"]),
    (r"windows?|counters?", ["窗口"]),
    (r"catalogu\w*|catalog(?:ed|ing)?", ["编目"]),
    (r"mobile phones?|smart ?phones?|on (?:a |their )?(?:mobile|phone)|mobile apps?|handheld", ["掌上", "手机", "移动端"]),
    (r"frequently used|high[- ]frequency|most[- ]used|commonly used", ["高频"]),
    (r"public services?", ["公共服务"]),
    (r"xi jinping thought|xi jinping'?s thought", ["习近平法治思想", "习近平"]),
    (r"publici[sz]\w*|publicity|propaganda|promot\w*", ["宣传"]),
    (r"seminars?|workshops?|study (?:classes|courses)", ["研讨班", "研讨会", "研讨", "专题班"]),
    (r"volunteers?", ["志愿者", "志愿"]),
    (r"consult\w*|advice", ["咨询"]),
    (r"complaints?|tip-?offs?", ["投诉", "举报"]),
    (r"exams?|examinations?|tests?", ["考试"]),
    (r"oaths?|sworn in|swore|swear\w*", ["宪法宣誓", "宣誓"]),
    (r"pass rate|passed", ["通过率", "合格率", "通过"]),
    (r"visitors?|receiv\w* (?:\w+ ){0,2}visits?|visits?\b[^?.]{0,80}\breceiv\w*|people served|serv(?:e|es|ed|ing)\b", ["服务人群", "接待", "参观", "服务"]),
    (r"visits?|visited", ["走访", "来访"]),
    (r"\bbases?\b", ["基地"]),
    (r"ledgers?|account books?", ["台账"]),
    (r"experience (?:halls?|cent(?:er|re)s?|museums?)", ["体验馆"]),
    (r"approvals?|permits?", ["审批", "许可"]),
    (r"administrative (?:permits?|licen[cs](?:es?|ing)|approvals?)", ["行政许可"]),
    (r"\blicen[cs](?:es?|ing)\b", ["行政许可", "许可"]),
    (r"credit|blacklist\w*", ["信用"]),
    (r"safety|secur\w* hazards?", ["安全", "隐患"]),
    (r"security hazards?|hidden dangers?|hazards?|risks?", ["隐患", "风险"]),
    (r"rectif\w*", ["整改"]),
    (r"invest\w*", ["投资", "投入"]),
    (r"first instance", ["一审"]),
    (r"community correction", ["社区矫正"]),
    # who studies, meets and counts in a report's figures (党组理论学习14次, 各单位组织干部职工学习200余场次)
    (r"theor(?:y|etical) study|study of (?:political )?theory", ["理论学习"]),
    (r"(?:theory )?study groups?|central (?:study )?groups?", ["中心组"]),
    # a meeting of the Party committee or group is one word in the reports (召开厅党委会52次, 党组会议)
    (r"party (?:committee|(?:leadership )?group) meetings?|meetings? (?:of|did|does|has|had|held by) (?:the |its )?"
     r"(?:[\w-]+(?:'s)? ){0,2}party (?:committee|(?:leadership )?group)", ["党委会", "党组会", "党委会议", "党组会议"]),
    (r"party (?:leadership )?groups?", ["党组"]),
    (r"party committees?", ["党委"]),
    (r"party (?:organi[sz]ations?|branches)", ["党组织", "党支部"]),
    (r"executive meetings?|standing meetings?|executive sessions?", ["常务会议", "常务会"]),
    (r"collective(?:ly)? (?:law[- ])?stud\w*|group study|joint study", ["集体学习", "集体学法", "集中学习", "集中学法"]),
    (r"before (?:the |its |their )?meetings?|pre-?meeting", ["会前"]),
    (r"government (?:employees|staff|workers|officials|personnel)|agency (?:staff|employees|personnel|officials)|"
     r"(?:civil|public) servants|organ staff", ["机关干部", "公职人员", "机关工作人员"]),
    (r"newly (?:promoted|appointed)|new(?:ly)?[- ]appointed|new(?:ly)?[- ]promoted", ["新提任", "新任"]),
    (r"law exams?|legal[- ](?:knowledge )?(?:tests?|exams?)|exams? on (?:the )?law|tested on (?:the )?law", ["学法考试", "考法", "法律知识考试"]),
    (r"(?:lists? of|official|administrative) powers|power lists?|powers", ["权力清单", "职权", "权力"]),
    (r"ratings?|rated|good[- ](?:or|and)[- ]bad|feedback", ["好差评", "评价"]),
    (r"staff|employees?|workers?|personnel", ["职工", "工作人员", "人员"]),
    (r"departments?|(?:work )?units|agencies", ["部门", "单位"]),
    (r"city-?wide|across the city|(?:the )?whole city|throughout the city", ["全市"]),
    (r"county-?wide|across the county|(?:the )?whole county", ["全县"]),
    (r"district-?wide|across the district|(?:the )?whole district", ["全区"]),
    (r"province-?wide|across the province|(?:the )?whole province", ["全省"]),
    (r"transport\w*|traffic", ["交通"]),
    (r"(?:cases|items|applications|matters) handled|handled (?:cases|items)|transactions?", ["办件"]),
    (r"contracts?", ["合同"]),
    (r"projects?", ["项目"]),
    (r"difficult cases|complex cases|hard cases", ["疑难"]),
    (r"motions?|bills?", ["议案"]),
    (r"(?:attend\w*|observ\w*|sit\w* in on) (?:court )?(?:trials?|hearings?)|trial observation", ["旁听庭审", "旁听"]),
    (r"hearings?", ["听证"]),
    (r"(?:pre-?appointment|before appointment) (?:law )?(?:exams?|tests?)|law exams?|law tests?", ["任前考法", "考法"]),
    (r"report(?:ing|s|ed)? on (?:the )?(?:rule of )?law|law[- ]reporting", ["述法"]),
    (r"experts?", ["专家"]),
    (r"typical cases|case studies|model cases", ["典型案例"]),
    (r"audit\w*", ["审计"]),
    (r"other rights?", ["其他权利"]),
    (r"first (?:agenda )?(?:item|topic)", ["第一议题"]),
    (r"discussions?|exchanges?", ["研讨", "交流"]),
    (r"requests?|demands?", ["诉求"]),
    (r"intellectual property|\bipr?\b|patents?|trademarks?", ["知识产权"]),
    (r"forums?", ["论坛"]),
    (r"(?:lectures?|talks?|classes)\b", ["授课"]),
    (r"(?:financial|funding|capital) (?:pressure|burden|strain)s?", ["资金压力"]),
    (r"pressures?|burdens?", ["压力", "负担"]),
    (r"reliev\w*|eas(?:e|ed|ing)\b|lighten\w*", ["释放", "缓解", "减轻"]),
    # places counted in pairs are one word in Chinese (19个市县, 镇街)
    (r"cit(?:y|ies) (?:and|or) count(?:y|ies)|count(?:y|ies) (?:and|or) cit(?:y|ies)", ["市县"]),
    (r"count(?:y|ies) (?:and|or) districts?|districts? (?:and|or) count(?:y|ies)", ["县区", "区县"]),
    (r"towns? (?:and|or) (?:sub-?districts?|townships?)|(?:sub-?districts?|townships?) (?:and|or) towns?", ["镇街", "乡镇", "镇(街)"]),
    (r"provincial(?:[- ]level)?", ["省级"]),
    (r"invalid\w*|lapsed|no longer (?:valid|in force)", ["失效"]),
]


# phrases whose words mean something else alone: a match of one hides the matches of the words inside it (other
# phrases keep theirs: "responsibility list" is 权责清单 and still 责任)
COMPOUNDS = frozenset({r"business licen[cs]es?", r"police stations?", r"(?:economic|financial|property) loss(?:es)?",
                       r"certificates? in one|licen[cs]es? in one|certificates? (?:merged|combined|integrated) into"})
_EN_PATTERNS = [re.compile(rf"\b(?:{pattern})\b") for pattern, _ in GLOSSARY]


def glossary_matches(question: str) -> list[tuple[int, int, int]]:
    """(glossary entry, start, end) of every English domain phrase in the question, in glossary order.

    Computed once per question: the terms of the whole question and of the question without its
    exclusions ("as opposed to mediation") are both read off these spans."""
    q = question.lower()
    found = [(n, m.start(), m.end()) for n, pat in enumerate(_EN_PATTERNS) for m in pat.finditer(q)]
    # the words inside a compound are read as the compound ("business licence" is 营业执照, not 企业 and 许可)
    return [(n, s, e) for n, s, e in found
            if not any(GLOSSARY[m][0] in COMPOUNDS and a <= s and e <= b and b - a > e - s for m, a, b in found)]


def terms_of(matches: list[tuple[int, int, int]], skip: list[tuple[int, int]] = ()) -> list[str]:
    """Chinese terms of the matches, leaving out any match that overlaps a skipped span."""
    terms: list[str] = []
    for n, s, e in matches:
        if any(s < b and a < e for a, b in skip):
            continue
        terms.extend(t for t in GLOSSARY[n][1] if t not in terms)
    return terms


def synonym_groups(matches: list[tuple[int, int, int]]) -> list[list[str]]:
    """The Chinese renderings of each matched phrase that has several (won → 获评, 荣获, 称号, 命名)."""
    groups = [GLOSSARY[n][1] for n, _, _ in matches if len(GLOSSARY[n][1]) > 1]
    return [g for i, g in enumerate(groups) if g not in groups[:i]]


def expand_english(question: str) -> list[str]:
    """Chinese terms for the English domain phrases in `question`."""
    return terms_of(glossary_matches(question))


# ZH → EN: what a report's figure counts, named in English. An English
# answer says "579,500 government service matters (57.95万件)"; a term not listed stays Chinese in brackets.
THINGS_EN: list[tuple[str, str]] = [
    ("政务服务事项", "government service matters"), ("政务服务", "government services"),
    ("法律援助案件", "legal aid cases"), ("法律援助", "legal aid cases"), ("法律咨询", "legal consultations"),
    ("矛盾纠纷", "disputes"), ("纠纷", "disputes"), ("涉企纠纷", "enterprise-related disputes"),
    ("行政复议案件", "administrative reconsideration cases"), ("行政诉讼案件", "administrative litigation cases"),
    ("行政确认", "administrative confirmations"), ("行政处罚", "administrative penalties"),
    ("行政许可", "administrative licences"), ("执法检查", "law-enforcement inspections"),
    ("规范性文件", "normative documents"), ("培训党员", "Party members trained"),
    ("党员", "Party members"), ("领导干部", "leading cadres"), ("干部", "cadres"), ("公职人员", "public servants"),
    ("执法人员", "law-enforcement officers"), ("群众", "residents"), ("企业", "enterprises"),
    ("市场主体", "market entities"), ("宣传单", "leaflets"), ("小册子", "booklets"), ("横幅", "banners"),
    ("海报", "posters"), ("讲座", "lectures"), ("活动", "events"), ("案卷", "case files"),
    ("整改建议", "rectification suggestions"), ("建议", "suggestions"), ("信访", "petitions"),
    ("公证", "notarisations"), ("调解", "mediations"), ("涉案金额", "amount involved"), ("涉案总金额", "total amount involved"),
    ("经济损失", "economic losses recovered"), ("资金", "funds"), ("浏览", "views"), ("评价", "ratings"),
    ("案件", "cases"), ("考试", "exams"), ("学习", "study sessions"), ("律师团队", "lawyer teams"), ("团队", "teams"),
    ("律师", "lawyers"), ("问题", "problems"), ("诉求", "requests"), ("任务", "tasks"), ("项目", "projects"),
    ("合同", "contracts"), ("职工", "staff"), ("专家", "experts"), ("部门", "departments"), ("单位", "units"),
    ("乡镇", "towns"), ("村", "villages"), ("社区", "communities"), ("窗口", "windows"), ("事项", "matters"),
    ("办件", "cases handled"),
]


def thing_en(term: str) -> str | None:
    """The English name of what a Chinese clause counts (办理办结各类政务服务事项 → government service
    matters), or None when no glossary term fits. The term nearest the figure (ending last) names it."""
    hits = [(term.rfind(zh) + len(zh), len(zh), en) for zh, en in THINGS_EN if zh in term]
    return max(hits)[2] if hits else None
