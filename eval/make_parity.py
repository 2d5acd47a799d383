"""Write eval/parity-tune.jsonl and eval/parity-check.jsonl: the same figure asked in Chinese and in English.

Each pair asks for one figure written with 万/亿/余/% (or a plain count beside them) in a report of
eval/unseen-reports (30 unseen excerpts + the 5 seeds). Pairs alternate between the tune half (odd) and the
check half (even); tune only on the tune half. Every quote is checked verbatim against its report.

Usage (from the repository root):  python eval/make_parity.py
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "eval" / "unseen-reports"

# (file, place, quote, value, unit, Chinese question, English question)
PAIRS = [
    ("111_云南省_2024.txt", "云南省", "培训党员148.8万人次", 148.8, "万人次",
     "云南省2024年培训党员多少人次?", "How many person-times of Party members did Yunnan train in 2024?"),
    ("139_甘肃陇西县_2025.txt", "甘肃省定西市陇西县", "办理办结各类政务服务事项57.95万件", 57.95, "万件",
     "陇西县2025年办理办结各类政务服务事项多少件?", "How many government service matters did Longxi County handle in 2025?"),
    ("119_宣城市公安局_2021.txt", "安徽省宣城市", "涉案总金额达2841万元", 2841, "万元",
     "宣城市公安局2021年侦办侵害企业合法权益犯罪案件的涉案总金额是多少?",
     "What was the total amount involved in the crimes against enterprises that Xuancheng police investigated in 2021?"),
    ("111_云南省_2024.txt", "云南省", "组织各级党员教育培训1.2万期", 1.2, "万期",
     "云南省2024年组织各级党员教育培训多少期?", "How many sessions of Party member education and training did Yunnan hold in 2024?"),
    ("135_新疆叶城县_2023.txt", "新疆维吾尔自治区喀什地区叶城县", "全县各级领导干部累计参加人数达15万余人次", 15, "万人次",
     "叶城县2023年各级领导干部累计参加法治讲座多少人次?",
     "How many person-times of leading cadres attended the rule-of-law lectures in Yecheng County in 2023?"),
    ("141_北京密云区_2022.txt", "北京市密云区", "开展线上线下法治讲座36场受众4万余人", 4, "万人",
     "密云区2022年线上线下法治讲座的受众有多少人?", "How many people did the online and offline law lectures in Miyun District reach in 2022?"),
    ("141_北京密云区_2022.txt", "北京市密云区", "开展习近平法治思想宣传300余次受众10万余人", 10, "万人",
     "密云区2022年开展习近平法治思想宣传的受众有多少人?",
     "How many people did Miyun District's publicity of Xi Jinping Thought on the Rule of Law reach in 2022?"),
    ("141_北京密云区_2022.txt", "北京市密云区", "组织公职人员线上旁听行政案件庭审3000余人次", 3000, "人次",
     "密云区2022年组织公职人员线上旁听行政案件庭审多少人次?",
     "How many person-times of public servants attended court hearings of administrative cases online in Miyun District in 2022?"),
    ("143_重庆渝中区_2024.txt", "重庆市渝中区", "机关干部学法考试1.3万人次", 1.3, "万人次",
     "渝中区2024年机关干部学法考试多少人次?", "How many person-times took the law exam for government staff in Yuzhong District in 2024?"),
    ("145_营口老边区_2025.txt", "辽宁省营口市老边区", "开展法治专题学习400余场次", 400, "场次",
     "老边区2025年各级理论学习中心组开展法治专题学习多少场次?",
     "How many rule-of-law study sessions did the theory study groups in Laobian District hold in 2025?"),
    ("149_北京经济技术开发区_2021.txt", "北京市北京经济技术开发区", "“好差评”系统累计评价9000余次", 9000, "次",
     "北京经济技术开发区2021年“好差评”系统累计评价多少次?",
     "How many times was the good-or-bad rating system of the Beijing Economic-Technological Development Area used in 2021?"),
    ("155_眉山彭山区公义镇_2021.txt", "四川省眉山市彭山区公义镇", "法律服务达300余人次", 300, "人次",
     "公义镇2021年为群众提供法律咨询、法律服务多少人次?",
     "How many person-times of legal consultation and legal services did Gongyi Town provide in 2021?"),
    ("157_徐闻县下洋镇_2023.txt", "广东省湛江市徐闻县下洋镇", "发放小册子2000余册", 2000, "册",
     "下洋镇2023年发放小册子多少册?", "How many booklets did Xiayang Town hand out in 2023?"),
    ("159_巫溪县通城镇_2025.txt", "重庆市巫溪县通城镇", "投资50万元建成", 50, "万元",
     "通城镇2025年投资多少万元建成红色法治阵地?", "How much did Tongcheng Town invest in building its red rule-of-law site in 2025?"),
    ("159_巫溪县通城镇_2025.txt", "重庆市巫溪县通城镇", "覆盖500余人次", 500, "人次",
     "通城镇2025年法治培训覆盖多少人次?", "How many person-times did Tongcheng Town's rule-of-law training cover in 2025?"),
    ("121_天津市人社局_2022.txt", "天津市", "组织1200余名干部参加天津市领导干部网上学法", 1200, "名",
     "天津市人社局2022年组织多少名干部参加领导干部网上学法?",
     "How many cadres did the Tianjin human resources bureau organise for the online law study of leading cadres in 2022?"),
    ("127_宁夏泾源县公安局_2025.txt", "宁夏回族自治区固原市泾源县", "覆盖民辅警200余人次", 200, "人次",
     "泾源县公安局2025年专题培训覆盖民辅警多少人次?",
     "How many person-times of police officers and auxiliary police did the Jingyuan police training cover in 2025?"),
    ("135_新疆叶城县_2023.txt", "新疆维吾尔自治区喀什地区叶城县", "参考率、及格率均在80%", 80, "%",
     "叶城县2023年干部专题考试的及格率是多少?", "What was the pass rate of the cadres' special exams in Yecheng County in 2023?"),
    ("149_北京经济技术开发区_2021.txt", "北京市北京经济技术开发区", "政务服务满意率达100%", 100, "%",
     "北京经济技术开发区2021年政务服务满意率是多少?",
     "What was the satisfaction rate with government services in the Beijing Economic-Technological Development Area in 2021?"),
    ("101_上海市_2018.txt", "上海市", "完成度为81.7%", 81.7, "%",
     "上海市2018年法治政府建设规划中期评估的完成度是多少?", "What was the completion rate of Shanghai's rule-of-law plan at its 2018 mid-term review?"),
    # the five seed reports
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "释放资金压力7.47亿元", 7.47, "亿元",
     "婺城区2022年金融服务超市释放资金压力多少?", "How much financial pressure did Wucheng's financial service supermarket relieve in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "服务人数达3万人次", 3, "万人次",
     "婺城区2022年“婺城一键找法”服务人数达多少人次?", "How many person-times did Wucheng's one-click legal help service serve in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "为弱势群体挽回经济损失730余万元", 730, "万元",
     "婺城区2022年为弱势群体挽回经济损失多少?", "How much in economic losses did Wucheng recover for vulnerable groups in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "涉案金额2.4亿元", 2.4, "亿元",
     "婺城区2022年调解员调处矛盾纠纷的涉案金额是多少?", "What was the amount involved in the disputes Wucheng's mediators handled in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "开展“法助共富 法护平安”等系列活动1400余场", 1400, "场",
     "婺城区2022年开展“法助共富 法护平安”等系列活动多少场?", "How many legal help events did Wucheng hold in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "全区执法人员持证率91%", 91, "%",
     "婺城区2022年执法人员持证率是多少?", "What was the certification rate of law enforcement officers in Wucheng in 2022?"),
    ("000_1b26b6e538fcc224.txt", "金华市婺城区", "为570余家单位提供法治体检", 570, "家",
     "婺城区2022年为多少家单位提供法治体检?", "How many organisations did Wucheng give a legal health check in 2022?"),
    ("001_4d08be111e600d4c.txt", "平罗县", "惠及市场主体2600余家", 2600, "家",
     "平罗县2023年“证照分离”改革惠及多少家市场主体?", "How many market entities benefited from Pingluo's licence reform in 2023?"),
    ("001_4d08be111e600d4c.txt", "平罗县", "败诉率为21.6%", 21.6, "%",
     "平罗县2023年行政诉讼败诉率是多少?", "What was Pingluo County's litigation defeat rate in 2023?"),
    ("001_4d08be111e600d4c.txt", "平罗县", "通过率为88.8%", 88.8, "%",
     "平罗县2023年行政执法证件考试通过率是多少?", "What was the pass rate of Pingluo's law enforcement certificate exam in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "发放宣传单5万余张", 5, "万张",
     "綦江区2023年交通运输执法专项整治发放宣传单多少张?", "How many leaflets did Qijiang hand out in its transport enforcement campaign in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "浏览总量达到30余万次", 30, "万次",
     "綦江区2023年新媒体普法栏目浏览总量达到多少次?", "How many views did Qijiang's new-media law popularization column get in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "已成功化解涉企纠纷1600余起", 1600, "起",
     "綦江区2023年成功化解涉企纠纷多少起?", "How many enterprise-related disputes did Qijiang resolve in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "帮助相关企业挽回经济损失9000余万元", 9000, "万元",
     "綦江区2023年帮助相关企业挽回经济损失多少?", "How much in economic losses did Qijiang help enterprises recover in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "行政争议实质化解率达82%", 82, "%",
     "綦江区2023年行政争议实质化解率是多少?", "What was Qijiang's substantive resolution rate of administrative disputes in 2023?"),
    ("002_87db0459dcb0080d.txt", "重庆市綦江区", "调解成功率99.35%", 99.35, "%",
     "綦江区2023年矛盾纠纷调解成功率是多少?", "What was Qijiang's mediation success rate in 2023?"),
    ("003_49aefc5b94c96eef.txt", "临海市", "调解涉及金额20574.58万元", 20574.58, "万元",
     "临海市2020年人民调解涉及金额是多少?", "What was the amount involved in Linhai's people's mediation in 2020?"),
    ("003_49aefc5b94c96eef.txt", "临海市", "示范户1300余户", 1300, "户",
     "临海市2020年培育学法守法示范户多少户?", "How many model households for studying and obeying the law did Linhai foster in 2020?"),
    ("004_5430cf997af9a534.txt", "宿迁经济技术开发区", "形成“一件事”案例6000余件", 6000, "件",
     "宿迁经济技术开发区2024年形成“一件事”案例多少件?", "How many one-thing cases did the Suqian Economic and Technological Development Zone form in 2024?"),
    ("004_5430cf997af9a534.txt", "宿迁经济技术开发区", "为群内8万余名群众", 8, "万名",
     "宿迁经济技术开发区2024年“云端普法矩阵”服务群内多少名群众?",
     "How many residents did the Suqian Economic and Technological Development Zone's online law popularization groups serve in 2024?"),
    ("004_5430cf997af9a534.txt", "宿迁经济技术开发区", "城乡建设等领域信访案件1000余件", 1000, "件",
     "宿迁经济技术开发区2024年依法处置信访案件多少件?",
     "How many petition cases did the Suqian Economic and Technological Development Zone handle in 2024?"),
    ("003_49aefc5b94c96eef.txt", "临海市", "调解成功7405件", 7405, "件",
     "临海市2020年人民调解成功多少件?", "How many people's mediation cases did Linhai settle successfully in 2020?"),
]


def rows(n: int, pair: tuple) -> list[dict]:
    source, place, quote, value, unit, zh, en = pair
    if quote not in (REPORTS / source).read_text(encoding="utf-8"):
        raise SystemExit(f"{source}: quote not verbatim: {quote}")
    gold = {"values": [{"value": value, "unit": unit}], "places": [place]}
    return [{"id": f"p{n:02d}-{lang}", "question": q, "lang": lang, "kind": "lookup", "answer": gold,
             "evidence": [{"source": source, "quote": quote}]} for lang, q in (("zh", zh), ("en", en))]


def main() -> int:
    halves = {"tune": [], "check": []}
    for n, pair in enumerate(PAIRS, 1):
        halves["tune" if n % 2 else "check"] += rows(n, pair)
    for name, items in halves.items():
        path = ROOT / "eval" / f"parity-{name}.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        print(f"{path}: {len(items) // 2} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
