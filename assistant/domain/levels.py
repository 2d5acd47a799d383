"""Administrative levels, the suffixes that give them, and the kinds of issuing body — read by places/
(names, resolve), ingest/ (metadata) and question understanding alike."""
from __future__ import annotations

LEVELS = ("province", "city", "county", "district", "development_zone", "subdistrict", "town", "department")

# suffixes of administrative units as written (longest first inside each alternative)
UNIT_SUFFIX = (
    "特别行政区|自治区|自治州|自治县|自治旗|经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|"
    "新区|地区|省|市|区|县|旗|盟|街道|镇|乡"
)
# zones are not administrative divisions: they hang under the division their name starts with
ZONE_SUFFIX = "经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|综合保税区|保税区|新区|产业园区|工业园区"
ZONE_ABBREVIATIONS = {"经济技术开发区": ["经开区", "开发区"], "经济开发区": ["经开区", "开发区"], "高新技术产业开发区": ["高新区"]}
NOT_A_ZONE = frozenset({"经济开发区", "经济技术开发区", "开发区", "高新区", "新区"})  # a kind, not a name
# common words that end in a unit suffix but are not places (区城市管理局 → 城市)
NOT_PLACE = frozenset({"城市", "城区", "社区", "园区", "市区", "地区", "全区", "全市", "全县", "辖区", "景区", "都市"})

# the level a unit's suffix gives (first match wins: 自治县 before 县, 街道 before 区)
LEVEL_BY_SUFFIX = [
    (("经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区", "开发区", "新区", "园区"), "development_zone"),
    (("街道",), "subdistrict"),
    (("镇", "乡"), "town"),
    (("县", "自治县", "旗", "自治旗"), "county"),
    (("区",), "district"),
    (("市", "自治州", "盟", "地区"), "city"),
    (("省", "自治区", "特别行政区"), "province"),
]

# how a report calls its own unit (我区, 全县, 本市) → the levels that unit can have
SELF_UNIT = r"[我全本](省|市|县|区|旗|镇|乡|街道)(?!委|政府|人大|政协|级)"
SELF_LEVEL = {"省": ("province",), "市": ("city", "province"), "县": ("county",), "旗": ("county",),
              "区": ("district", "development_zone"), "镇": ("town",), "乡": ("town",), "街道": ("subdistrict",)}

# English level names, most specific first (金华市婺城区 → Wucheng District, Jinhua)
EN_LEVEL = [("经济技术开发区", "Economic and Technological Development Zone"), ("高新技术产业开发区", "High-tech Zone"),
            ("高新区", "High-tech Zone"), ("经济开发区", "Economic Development Zone"), ("开发区", "Development Zone"), ("新区", "New Area"), ("自治区", "Autonomous Region"),
            ("自治州", "Autonomous Prefecture"), ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"),
            ("街道", "Subdistrict"), ("省", "Province"), ("市", "City"), ("区", "District"), ("县", "County"), ("镇", "Town"),
            ("乡", "Township")]

# an issuer ending so is a department, unless it is a government or Party body
DEPARTMENT_END = r"(局|委员会|办公室|厅|中心|院|委|办)$"
GOVERNMENT_BODY = r"(人民政府|政府|区委|县委|市委|党工委|管委会)"
# the kinds of department a question may name to narrow a place to that department's report
DEPARTMENT_KINDS = (r"(司法局|司法厅|公安局|公安厅|人社局|人力资源和社会保障局|生态环境局|交通运输厅|交通运输局|"
                    r"市场监督管理局|市场监管局|财政局|自然资源局|教育局|卫生健康委员会|卫健委|民政局|税务局|[\u4e00-\u9fff]{2,4}局)")
# a kind of issuing body named in a question about reports (哪些报告是公安局发布的) → issuer/title regex
BODIES = [(r"司法局|司法厅|司法行政|justice (?:bureau|department)|(?:bureau|department) of justice", "司法局|司法厅"),
          (r"公安局|公安厅|公安机关|公安分局|public security|police", "公安局|公安厅|公安分局"),
          (r"人社局|人力资源和社会保障|human resources|\bHR\b", "人社局|人力资源和社会保障"),
          (r"生态环境局|ecolog\w* (?:and )?environment", "生态环境局|生态环境厅"),
          # a Party committee and a government together (中共海南省委 海南省人民政府)
          (r"(?:党委|省委|市委|县委|区委)(?:和|与|、|及|跟)(?:人民)?政府|联合(?:名义|署名|发布|印发)|\bjointly\b|"
           r"\bjoint(?:ly)? (?:issued|report|name)|\bparty committee and (?:the )?government", r"委\s+\S{0,12}?人民政府")]
# the level of the reports a question lists or counts (2022年有哪些县的报告 / how many town reports)
LEVEL_WORDS = [(r"(?<![乡村])镇(?!街)|乡镇|镇街|街镇|\btowns?(?:hips?)?\b", "town"), (r"街道|sub-?districts?|street offices?", "subdistrict"),
               (r"开发区|经开区|高新区|development zones?", "development_zone"), (r"县|\bcount(?:y|ies)\b", "county"),
               (r"市辖区|(?<![省市县镇发新园辖城社景])区(?!县)|\bdistricts?\b", "district"),
               (r"(?<![县])(?<!县级)市(?![辖区])|(?<!county-level )(?<!county level )\bcit(?:y|ies)\b", "city"),
               (r"省|自治区|直辖市|\bprovinc\w*", "province"), (r"(?:政府)?(?:职能|行政|工作)?部门|\b(?:(?:government|functional) )?(?:departments?|bureaus?|agenc(?:y|ies))\b",
                                                                   "department")]
# a level as a follow-up writes it into the earlier question (县级报告 / county reports)
LEVEL_NAMES = {"town": ("乡镇", "town"), "subdistrict": ("街道", "subdistrict"), "development_zone": ("开发区", "development zone"),
               "county": ("县级", "county"), "district": ("区级", "district"), "city": ("市级", "city"),
               "province": ("省级", "provincial"), "department": ("部门", "department")}
# what follows a level word when it qualifies reports (县级报告, 县的报告, county-level reports)
ABOUT_REPORTS = (r"(?:[（(][^）)]{1,12}[）)])?(?:(?:这|那)?一?级|(?:这|那)?一?层级?|层面|政府层面|[-\s]level|"
                 r"(?:人民政府|政府|办事处|管委会)?\s*(?:自己|自行|单独|独立)?(?:出|发|发布|印发|报送|提交|上交|递交|交|写|做|出具)?的?(?:法治政府建设)?(?:年度)?(?:情况)?报告(?!了)|\s*reports?\b|"
                 r"有(?:报告|几份报告|多少份报告)|(?:\s+(?:governments?|administrations?|offices?))?\s+(?:(?:have|has|had)\s+)?(?:(?:wrote|written|published|issued|submitted)\s+)?"
                 r"(?:a |any |their |its )?(?:own )?reports?\b|"
                 r"(?:人民政府|政府|办事处|管委会)?(?:出|发|发布|写|做)的(?:一共|总共|共)?(?:有|是)?(?:哪几份|哪些|几份|多少份))")
# a level that wrote the reports, named after "by/from" or before 发布的 (reports written by departments,
# 有几份报告是部门发布的, 哪些报告由街道出具): it qualifies the reports as ABOUT_REPORTS does
ISSUED_BY_EN = (r"\breports?\b.{0,40}?\b(?:by|from)\s+(?:(?:a|an|the|local|individual|municipal|people's|[a-z]+[- ]level)\s+)*$")
ISSUED_ZH_HEAD = r"(?:是|由|为|属于)$"
ISSUED_ZH_TAIL = (r"(?:[（(][^）)]{1,16}[）)])?(?:(?:人民)?政府|办事处|管委会)?(?:而(?:不是|非)[\u4e00-\u9fff]{1,8})?(?:单独|自己|自行|本身)?"
                  r"(?:发布|印发|出具|撰写|编写|编制|报送|提交|上交|递交|作出|发出|交|写|做|出|发)?"
                  r"的?\s*(?:报告)?\s*(?:(?:一共|总共|共)?有?(?:几|多少)份?)?\s*(?:吗|呢)?\s*[?？。]?$")
# reports a government issued itself, not one of its departments (有几份报告是人民政府发布的, issued by people's
# governments): every level but department, when the question names no level
GOVERNMENT_ISSUED = (r"(?:人民)?政府(?:自己|本身|本级)?(?:发布|印发|出具|报送|撰写|发|出)的|人民政府(?:的|发的)?报告|"
                     r"\b(?:issued|published|written|submitted|produced) by (?:the )?(?:local |people'?s )?governments?\b|"
                     r"\bgovernments?'? (?:own )?reports\b")
# a name the answer text might invent: a short run ending in a unit suffix
PLACE_LIKE = r"[\u4e00-\u9fff]{2,3}?(?:自治县|自治州|开发区|高新区|新区|县|市|区|旗|州)"


# a province's one-character name (黔 for 贵州省, 渝 for 重庆市): a follow-up may name it so (那黔呢?)
PROVINCE_SHORT = {"京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省", "辽": "辽宁省",
                  "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省",
                  "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "琼": "海南省", "川": "四川省",
                  "蜀": "四川省", "黔": "贵州省", "贵": "贵州省", "滇": "云南省", "云": "云南省", "陕": "陕西省", "秦": "陕西省",
                  "甘": "甘肃省", "陇": "甘肃省", "青": "青海省", "蒙": "内蒙古自治区", "桂": "广西壮族自治区", "藏": "西藏自治区",
                  "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区"}
