"""Every sentence an answer is made of, by key, in Chinese and English (`{slot}` fields filled by
render/). Quotes stay in Chinese; the words around them follow the question's language."""
from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ---- abstentions and what is outside the corpus --------------------------------------------------
    "not_found": ("在已收录的报告中没有找到能回答这个问题的内容。", "The reports in the corpus do not contain an answer to this question."),
    "reason.no_report": ("没有符合该地区和年份的报告。", "No report in the corpus matches that place and year."),
    "reason.filtered_out": ("问题提到的{named}不在当前的地区筛选({kept})之内;清除筛选后再问。",
                            "The question names {named}, which the place filter ({kept}) leaves out; clear the filter and ask again."),
    "reason.off_subject": ("范围内的报告没有涉及“{what}”(法治政府建设报告通常不报告这类数字)。",
                           "No report in scope says anything about “{what}” (rule-of-law reports do not usually give such figures)."),
    "reason.outside": ("语料中没有“{names}”的报告。相近的报告:{near}(语料共{total}份)。",
                       "No report for {names} is in the corpus. Nearest reports: {near} (of {total})."),
    "reason.unclear": ("问题里的“{word}”指的是哪个地区或哪份报告?请写明地区(如“平罗县2023年行政复议收案数是多少?”),"
                       "或在同一对话里接着上一个问题问。",
                       "Which place or report does “{word}” refer to? Name the place (e.g. “What was Pingluo's "
                       "reconsideration caseload in 2023?”), or ask it as a follow-up in the same conversation."),
    "followup.reading": ("按上文理解为:{question}", "Read with the earlier question as: {question}"),
    "about.doc_number": ("{who}报告的文号为{value}{cite}。", "The document number of the report of {who} is {value} {cite}."),
    "about.recipient": ("{who}的报告报送给{value}{cite}。", "The report of {who} is addressed to {value} {cite}."),
    "about.session": ("{who}的报告是{value}所作的{cite}。", "The report of {who} was delivered at: {value} {cite}."),
    "about.other_names": ("{who}报告的发文单位又称{value}{cite}。", "The body that wrote the report of {who} also goes by: {value} {cite}."),
    "about.issuer": ("{who}的报告由{value}发布{cite}。", "The report of {who} was issued by {value} {cite}."),
    "about.year": ("{who}的报告写的是{value}年的工作{cite}。", "The report of {who} describes its work in {value} {cite}."),
    "about.published": ("{who}的报告发布于{value}{cite}。", "The report of {who} was published on {value} {cite}."),
    "about.written": ("{who}的报告落款日期为{value}{cite}。", "The report of {who} is dated {value} {cite}."),
    "about.contact": ("{who}的报告请读者与{value}联系{cite}。", "The report of {who} asks readers to contact {value} {cite}."),
    "about.period": ("{who}的报告所列数据的期限为{value}{cite}。", "The figures of the report of {who} cover {value} {cite}."),
    "about.basis": ("{who}的报告依据{value}发布{cite}。", "The report of {who} was made under {value} {cite}."),
    "about.signer": ("{who}的报告签发人为{value}{cite}。", "The report of {who} was signed off by {value} {cite}."),
    "about.source": ("{who}报告页面的来源栏为{value}{cite}。", "The page of the report of {who} gives {value} as its source {cite}."),
    "about.issuer_by_source": ("{who}的报告没有写明发布机关;报告页面的来源栏为{value}{cite}。",
                               "The report of {who} does not name its issuer; its page gives {value} as its source {cite}."),
    "about.named": ("{who}的报告中,所问文件的{what}为{value}{cite}。",
                    "In the report of {who}, the {what} of the document asked about is {value} {cite}."),
    "about.not_stated": ("{who}的报告没有写明{what}。", "The report of {who} does not state its {what}."),
    "reason.figure_not_stated": ("范围内的报告没有写明所问的数字。", "No report in scope states that figure."),
    "caveat.unplaced": ("注意:没有写明“{names}”的报告;以下引文出自未写明地名、年份和层级相符的报告,请核对来源。",
                        "Note: no report names {names}; the quotes below come from reports that name no place but match "
                        "the year and level asked. Check the source."),
    # ---- a figure asked of named reports ------------------------------------------------------------
    "fact.claim": ("{who}{year}报告{scope}{value}{cite}。{change}", "{who} reports {name}{scope}{year}: “{value}” {cite}.{change}"),
    "fact.planned": ("{who}{year}报告提出的{name}{scope}目标为{value}{cite}。{change}",
                     "{who} sets a target {name}{scope} of {value} in its report{year} {cite}.{change}"),
    "fact.rate": ("{who}{year}{name}{scope}为{value}{cite}。{change}", "{who} reported {name}{scope} of {value}{year} {cite}.{change}"),
    "fact.count": ("{who}{year}{name}{scope}为{value}{cite}。{change}", "{who} reported {value} {name}{scope}{year} {cite}.{change}"),
    # the change stated in the fact's sentence, asked: said in the answer's first sentence, beside the figure
    "fact.rate_changed": ("{who}{year}{name}{scope}为{value},{change}{cite}。", "{who} reported {name}{scope} of {value}{year}, {change} {cite}."),
    "fact.count_changed": ("{who}{year}{name}{scope}为{value},{change}{cite}。", "{who} reported {value} {name}{scope}{year}, {change} {cite}."),
    "figure.term": ("{who}{year}{term}{value}{cite}。", "{who} reported {value}{year} {cite}."),
    "figure.clause": ("{who}{year}:{term}{cite}。", "{who} reported {value}{year} {cite}."),
    "missing": ("{who}{year}的报告没有写明{name}。", "The report of {who}{year} does not state {name}."),
    "missing.target": ("{who}{year}的报告没有写明{name}的目标。", "The report of {who}{year} does not state a target for {name}."),
    "direction": ("{who}{year}的报告没有给出{name}的具体数字,只写明了变化方向{cite}。",
                  "The report of {who}{year} gives no figure for the {name}, only its direction {cite}."),
    "evidence": ("原文{cite}:“{quote}”", "Source {cite}: “{quote}”"),
    "related": ("相关但不同:{name}{scope}{planned} —— “{quote}”{cite}", "Related but different: {name}{scope}{planned} — “{quote}” {cite}"),
    "change.none": ("报告没有写明与上年相比的变化。", "The report does not state the change from the previous year."),
    "change.amount": ("报告写明{text}。", "The report states it is {direction} {amount} year on year ({text})."),
    "change.inline": ("{text}", "{direction} {amount} year on year ({text})"),
    "change.direction": ("报告只写明了变化方向({text}),没有给出变化幅度。",
                         "The report gives only the direction ({direction}: {text}), not by how much."),
    # ---- quotes read from the reports ---------------------------------------------------------------
    "report.says": ("{who}写道:“{quote}”{cite}", "{who} states: “{quote}” {cite}"),
    "report.points": ("{who}写到以下相关内容,要点:{points}。", "{who} describes the following; the points in its own words: {points}."),
    "report.describes": ("{who}写到以下相关内容:", "{who} describes the following:"),
    "report.item": ("- “{quote}”{cite}", "- “{quote}” {cite}"),
    # ---- checks that turn a near miss into "not stated" ---------------------------------------------
    "partial_only": ("报告只给出了{name}的部分口径数字,没有给出总数。{cites}", "The report gives {name} only for a part (see the quote), not the total.{cites}"),
    "not_in_scope": ("在范围内的报告中没有找到{name}。", "No report in scope states {name}."),
    "not_reported": ("{place}的报告没有给出{name}。报告中相关但不同的数字见引文。{cites}",
                     "The {english} ({place}) report does not state {name}; the cited passage gives related but different figures.{cites}"),
    "near_miss.nominated": ("报告只写了推荐、申报或参评的数量,没有写明获评或命名的数量。{cites}",
                            "The report states only how many were recommended or applied, not how many won or were named.{cites}"),
    "near_miss.not_outcome": ("报告写了相关的数量,但没有写明获评、获奖或被命名的数量。{cites}",
                              "The report gives a related count, but not how many won or were named.{cites}"),
    "near_miss.online": ("报告给出了相关的数字,但没有写明网上(线上)的数字。{cites}",
                         "The report gives a related figure, but not one for what was done online.{cites}"),
    "near_miss.term": ("报告给出了相关的数字,但没有写明“{term}”的数字。{cites}",
                       "The report gives a related figure, but none for “{term}”.{cites}"),
    "near_miss.no_figure": ("最接近的段落没有写明所问的数字。{cites}",
                            "The passages that come closest do not state the figure asked.{cites}"),
    "near_miss.part_year": ("报告只给出了部分时段(如上半年)的数字,没有写明全年的数字。{cites}",
                            "The report gives the figure only for part of the year (e.g. the first half), not the whole year.{cites}"),
    # ---- every report in scope ----------------------------------------------------------------------
    "checked": ("检查了{checked}份报告:{matched}份{what}{related}{missing}", "Checked {checked} reports: {matched} {what}{related}{missing}"),
    "checked.related": (",{n}份只报告了相近但不同的情况", ", {n} state only a related but different figure"),
    "checked.missing": (",{n}份未报告。", ", {n} do not report it."),
    "checked.end": ("。", "."),
    "what.zero": ("明确报告了所问范围的零败诉", "explicitly report zero defeat in the scope asked"),
    "what.indicators": ("报告了{names}", "report {names}"),
    "what.mention": ("提到了{terms}", "mention {terms}"),
    "what.states": ("写明了{what}", "state their {what}"),
    "what.match": ("符合条件", "match"),
    "more.related": ("其余只报告了相近但不同情况的报告未逐一引用。", "The other reports stating only a related figure are not quoted."),
    "more": ("另有{n}份报告也{what},此处只引用了前{shown}份。要查看其余报告,可按年份、级别或地区缩小提问范围,"
             "或使用 fazhi ask --all 列出全部。",
             "{n} more reports also {what}; only the first {shown} are quoted here. To see the others, narrow the "
             "question by year, level or place, or run fazhi ask --all to list them all."),
    "not_reported_by": ("未报告:{names}。", "Not reported: {names}."),
    "not_mentioned_by": ("未提到:{names}。", "Not mentioned in: {names}."),
    "not_stated_by": ("未写明:{names}。", "Not stated in: {names}."),
    "item.claim": ("- {who}{note}:“{quote}”{cite}", "- {who}{note}: {name} — “{quote}” {cite}"),
    "item.value": ("- {who}{note}:{name}{scope}为{value}。原文:“{quote}”{cite}", "- {who}{note}: {name}{scope}: {value} — “{quote}” {cite}"),
    "item.quote": ("- {who}:“{quote}”{cite}", "- {who}:“{quote}”{cite}"),
    "item.title": ("- {who}:《{title}》{cite}", "- {who}:《{title}》{cite}"),
    "note.scope_differs": ("(不同口径)", " (different scope)"),
    "reports.match": ("语料共{total}份报告,其中{n}份符合条件:", "Of the {total} reports in the corpus, {n} match:"),
    # ---- tables --------------------------------------------------------------------------------------
    "table.only_one": ("只有{who}写明了这些数字,其他报告都没有写明。", "Only {who} states these figures; the other report(s) state none of them."),
    "table.winner": ("按报告所写,{who}的{name}{word}。", "As reported, {who} has {word} {name}."),
    "table.every": ("各报告都写明了:{names}。", "Stated by every report: {names}."),
    "table.none_common": ("(没有共同的指标)", "(none in common)"),
    "table.some": ("只有部分报告写明:{names}。", "Stated by only some: {names}."),
    "table.years_differ": ("注意:各报告年份不同({years}),数字不是同一年的。",
                           "Note: the reports cover different years ({years}); the figures are not from the same year."),
    "table.scopes_differ": ("注意:{name}的口径或单位不同(见表中括号),比较仅供参考。",
                            "Note: {name} is stated with different scopes or units (see the table); compare with care."),
    "table.none_of_these": ("未报告以上任何一项:{names}。", "Report none of these: {names}."),
    "table.report": ("报告", "Report"),
    "table.row": ("| {cells} |", "| {cells} |"),
    "table.rule": ("{rule}", "{rule}"),
    "table.not_reported": ("未报告", "not reported"),
    "table.partial": ("{scope},仅部分口径,未参与比较", "{scope}, only part of the total, not compared"),
    "table.more_names": ("{names}等{n}份", "{names}等{n}份"),
    # ---- words used inside sentences ----------------------------------------------------------------
    "word.higher": ("更高", "higher"), "word.lower": ("更低", "lower"), "word.more": ("更多", "more"), "word.fewer": ("更少", "fewer"),
    "word.highest": ("最高", "the highest"), "word.lowest": ("最低", "the lowest"), "word.most": ("最多", "the most"),
    "word.fewest": ("最少", "the fewest"),
    "word.target": ("(目标)", " (target)"), "word.up": ("上升", "up"), "word.down": ("下降", "down"),
    "word.year_unknown": ("年份不详", "year unknown"),
}


# ---- figures in English (render/sentences.value_en) ----------------------------------------------------
# the words an English figure needs after its digits, by Chinese unit or by kind (domain/quantity.py);
# plain counts (件, 个, 项…) are named by the indicator or the thing counted
UNIT_EN: dict[str, str] = {"%": "%", "％": "%", "‰": "‰", "‱": "‱", "per_myriad": "‱", "个百分点": " percentage points", "百分点": " percentage points",
                           "倍": " times", "人次": " person-times", "元": " yuan", "money": " yuan",
                           "percent": "%", "permille": "‰", "points": " percentage points", "multiple": " times",
                           "score": " points"}
# an open-vocabulary figure without an English name for its thing: the unit said as an English noun
COUNT_EN: dict[str, str] = {"次": " times", "场": " sessions", "场次": " sessions", "期": " sessions", "人": " people",
                            "名": " people", "位": " people", "家": " organisations", "户": " households", "天": " days",
                            "篇": " articles", "份": " copies", "条": " items", "项": " items", "个": " items",
                            "件": " items", "件次": " cases", "起": " cases", "宗": " cases", "所": " institutions",
                            "处": " sites", "张": " sheets", "册": " copies", "亩": " mu", "个工作日": " working days",
                            "工作日": " working days", "个月": " months", "小时": " hours", "日": " days",
                            "证": " licences in one"}
# units that say only "a number of things": what is counted may be named by any English noun
GENERIC_COUNT = frozenset({"件", "个", "项", "条", "类", "件次"})
APPROX_EN: dict[str, str] = {"over": "over ", "about": "about ", "nearly": "nearly ", "as many as": "as many as ",
                             "under": "under ", "up to": "up to "}
