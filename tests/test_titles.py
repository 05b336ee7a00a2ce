"""Titles, outlets as readers name them: real first lines of Weibo posts, 新闻联播 items, crawled
news items and notices (corpus and real dev set layouts), through the whole pipeline."""

from __future__ import annotations

import pytest

from extract import extract_text

BODY = "\n据通报,1月25日0—24时,重庆市报告新型冠状病毒感染的肺炎新增确诊病例18例,新增重症病例1例。截至1月25日24时,累计报告确诊病例75例。"

TITLES = [
    # A Weibo post: the 【】 headline, without the #话题# marks of tags that stand by themselves in it;
    # a #话题# before the 【】 is not part of it.
    ("whole-tag headline", "#新冠肺炎最新动态#【#重庆新增新冠肺炎18例#】1月25日0—24时,重庆市报告新增确诊病例18例。", "重庆新增新冠肺炎18例"),
    ("tag then words", "【#上海又有11例病例治愈出院# 已累计治愈41例】上海市卫健委今天通报:11例新冠肺炎病例于今日出院。", "上海又有11例病例治愈出院 已累计治愈41例"),
    ("words then tag", "#新冠肺炎最新动态#【紧急扩散!#石家庄公布最新确诊病例车次及行程轨迹#】截至2月1日24时,石家庄市累计确诊病例13例。", "紧急扩散!石家庄公布最新确诊病例车次及行程轨迹"),
    ("two tags", "【#大连公布9例新增确诊详情#:#大连新增9例均为凯洋世界海鲜公司员工#】7月23日24时至7月24日15时,大连市新增确诊病例9例。", "大连公布9例新增确诊详情:大连新增9例均为凯洋世界海鲜公司员工"),
    ("tag run on into words is kept", "【#北京新增确诊病例8例#病例详情公布】在今天下午召开的新闻发布会上,北京新增新冠肺炎确诊病例8例。", "#北京新增确诊病例8例#病例详情公布"),
    ("tag before an emoticon is kept", "【国家卫健委:#严格预防通过交通工具传播新型冠状病毒肺炎#[话筒]】\n肺炎机制发〔2020〕2号\n各省、自治区、直辖市应对新型冠状病毒感染的肺炎疫情联防联控工作机制:经国务院批准,将新型冠状病毒感染的肺炎纳入乙类传染病。", "国家卫健委:#严格预防通过交通工具传播新型冠状病毒肺炎#[话筒]"),
    ("tag inside words", "【重庆一#村支书疫情防控失职停职检查# 致20余人居家隔离】29日,重庆市涪陵区疫情防控工作领导小组办公室进行了通报。", "重庆一村支书疫情防控失职停职检查 致20余人居家隔离"),
    # A 新闻联播 item: the first line, its [视频] tag kept as written.
    ("xwlb", "[视频]李克强对全国畜牧渔业工作会议作出重要批示\n央视网消息(新闻联播):全国畜牧渔业工作会议10月22日在重庆召开。中共中央政治局常委、国务院总理李克强作出重要批示。", "[视频]李克强对全国畜牧渔业工作会议作出重要批示"),
    ("xwlb column", "[视频]【走进县城看发展】重庆巫溪:绿色兴业 生态富民\n央视网消息(新闻联播):今天(9月22日)的《走进县城看发展》带您走进重庆巫溪和宁夏盐池。", "[视频]【走进县城看发展】重庆巫溪:绿色兴业 生态富民"),
    # A crawled news item: its first short line, even written with a full stop.
    ("news item", "重庆新增确诊病例11例,累计 411 例" + BODY, "重庆新增确诊病例11例,累计 411 例"),
    ("news item with a full stop", "重庆市新增确诊4例,累计确诊509例;新增治愈8例,累计治愈87例。" + BODY, "重庆市新增确诊4例,累计确诊509例;新增治愈8例,累计治愈87例。"),
    ("notice named 通报", "最新疫情通报" + BODY, "最新疫情通报"),
    # A notice that opens with running text has no title; a section heading below is none.
    ("no headline", "市卫健委今早(25日)通报:2022年4月24日0—24时,新增本土新冠肺炎确诊病例2472例和无症状感染者16983例,其中846例确诊病例为此前无症状感染者转归。\n"
     "阳性感染者居住地信息按区划分进行统计,您可关注所在区的官方微信,第一时间了解本区阳性感染者的居住信息。\n本土病例情况\n2022年4月24日0—24时,新增本土新冠肺炎确诊病例2472例。", None),
    ("a lede's opening credit is body", "央视网消息(新闻联播):日前,中共中央政治局常委、国务院总理李克强在重庆考察。\n\n"
     "近日长江、嘉陵江重庆段遭遇突如其来、历史罕见的洪峰。李克强一到重庆就赶赴灾区,强调要做好抢险救援、生产恢复等工作。", None),
    ("dated first sentence is body", "7月24日0时至15时,大连市新增确诊病例9例。\n1.患者4:高某,男,49岁,系7月22日确诊患者石某的密切接触者,居住地为甘井子区大连湾北街。", None),
    # Web reposts (held-out 6): a column label opening the headline is kept; a photo caption and a
    # list bullet are no headline.
    ("column label", "(抗击新冠肺炎)重庆21日新增本土确诊病例2例、本土无症状感染者1例\n中新网重庆3月22日电 (梁钦卿)重庆市卫生健康委22日发布疫情通报。" + BODY,
     "(抗击新冠肺炎)重庆21日新增本土确诊病例2例、本土无症状感染者1例"),
    ("photo caption", "【香港商报网讯】记者 付彦华 报导:3月15日,记者从黑龙江省政府新闻办公室召开的新闻发布会上获悉,黑龙江省无新增确诊病例。\n发布会现场 付彦华/摄" + BODY, None),
    ("picture source", "内蒙古疫情不减,持续出现新增病例。示意图(图片来源:STR/AFP via Getty Images)\n【看中国2021年10月31日讯】此轮疫情暴发后,内蒙古已有多名官员被问责。" + BODY, None),
    ("bullet", "• 中国多地报告新型肺炎确诊患者首例治愈者出院" + BODY, "中国多地报告新型肺炎确诊患者首例治愈者出院"),
    # A lede above a reposted headline: the headline (seed layout).
    ("lede then headline", "12月1日,市政府新闻办举行第155场新冠肺炎疫情防控工作新闻发布会,市卫生健康委副主任李畔介绍,当前,我市疫情形势趋稳向好。\n"
     "中心城区报告新增感染者数量连续3日下降\n李畔通报称,12月1日0—12时,重庆市新增本土确诊病例53例;新增本土无症状感染者2239例。", "中心城区报告新增感染者数量连续3日下降"),
]


@pytest.mark.parametrize(("text", "title"), [t[1:] for t in TITLES], ids=[t[0] for t in TITLES])
def test_titles_as_readers_name_them(text: str, title: str | None) -> None:
    assert extract_text(text, "2020-01-26").article.title == title


def test_a_sentence_headline_keeps_its_counts_in_the_body() -> None:
    dated = "7月24日0时至15时,大连市新增确诊病例9例。\n1.患者4:高某,男,49岁,居住地为甘井子区大连湾北街。"
    assert [c.value for c in extract_text(dated, "2020-07-25").case_counts if c.region == "大连市"] == [9]


OUTLETS = [
    ("CCTV reporter credit", "【#天津新增3例新型肺炎确诊病例#】截至1月27日早6时,天津市新增3例确诊病例,确诊病例增至17例。(总台央视记者丁旭 王晓沛)", {}, "央视新闻"),
    ("CCTV credit before a Weibo short link (corpus 009)", "#新冠肺炎最新动态#【29日起，#重庆零售药店销售发热咳嗽药品需登记#】1月29日，记者从重庆市药监局获悉，从当日起实行登记报告制度。\n        对不按照规定进行登记报告的零售药店要及时约谈、责令改正。（央视）http://t.cn/A6PawAGX", {}, "央视新闻"),
    ("CCTV credit with spaces", "【#重庆新增18例确诊病例#】记者从发布会获悉,重庆市新增确诊病例18例。(总台央视记者 唐巍 邓丽娟 王宏超)", {}, "央视新闻"),
    ("URL domain, archived", "台风、暴雨、疫情夹击,南京疫情蔓延至全国5省11市,当局加紧检测。", {"url": "https://web.archive.org/web/20210920171301/https://hkcnews.com/article/43769/x"}, "众新闻"),
    ("URL domain, subdomain", "国务院联防联控机制:湖北和武汉要严格管控防输出,各地加强检查。", {"url": "http://news.cctv.com/2020/02/29/ARTI.shtml"}, "央视网"),
    ("unknown domain", "国务院联防联控机制:湖北和武汉要严格管控防输出,各地加强检查。", {"url": "https://example.org/a"}, None),
    ("text beats domain", "【#天津新增3例境外输入病例#】记者从天津市疾控中心获悉,天津新增报告3例境外输入确诊病例。(人民日报)", {"url": "https://hkcnews.com/a"}, "人民日报"),
    # corpus 031 (a Weibo post): the account's Latin brand after the outlet's name.
    ("Weibo account with a Latin brand", "【#男子寻刺激朝路人吐口水被刑拘# 排除感染新冠肺炎】4日,重庆市渝北区公安分局龙山派出所接到报警称,有一男子朝多名过路女性疯狂喷吐口水。目前,郭某已被刑拘。@看看新闻KNEWS http://t.cn/A6PFFlOE", {}, "看看新闻"),
    ("Weibo account, no brand", "【#天津新增3例境外输入病例#】天津新增报告3例境外输入确诊病例。@人民网天津频道", {}, "人民网"),
    # held-out 15 (figures changed): the site's dateline with its place and day before 消息.
    ("dateline with place and day before 消息", "央廣網重慶5月9日消息(記者劉湛)重慶市衛生健康委通報:5月8日0—24時,重慶市本地無新增新冠肺炎確診病例報告。", {}, "央广网"),
]


@pytest.mark.parametrize(("text", "meta", "outlet"), [o[1:] for o in OUTLETS], ids=[o[0] for o in OUTLETS])
def test_outlets_as_they_call_themselves(text: str, meta: dict[str, str], outlet: str | None) -> None:
    assert extract_text(text, "2020-01-27", meta=meta).article.outlet == outlet
