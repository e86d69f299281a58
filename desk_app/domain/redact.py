"""Redaction of residents' personal data in free text, for anything the centre publishes.

A worker's description or a department's answer often carries what the form keeps apart: "张三
（13912345678）反映…", "请联系王女士", an ID number read out over the phone. Whatever leaves the
centre for the public (the progress page, a public Open311 listing) goes through `redact` first.
It removes mobile and landline numbers, 15- and 18-character ID numbers, e-mail addresses, names
introduced by the usual cues (我叫…, 姓名…, 联系人…, …先生/女士/阿姨), and every value the
caller knows belongs to the resident (the case's own name, phone, ID number, address) wherever it
appears. Pure string work: no Qt, no SQL, and the same answer on the desk and at the centre.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PHONE_MARK = "[电话已隐去]"
ID_MARK = "[证件号已隐去]"
EMAIL_MARK = "[邮箱已隐去]"
NAME_MARK = "某某"

_SEP = r"[\s\-－—.·]?"
# A mobile (optionally +86), written whole or in groups: 13912345678, 139 1234 5678, 139-1234-5678.
_MOBILE = re.compile(rf"(?<![\dA-Za-z])(?:\+?86{_SEP})?1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?!\d)")
# A landline with its area code: 0755-83456789, (0755)83456789, 0755 8345 6789, with extension.
_LANDLINE = re.compile(
    rf"(?<![\dA-Za-z])[(（]?0\d{{2,3}}[)）]?{_SEP}[2-9]\d{{2,3}}{_SEP}\d{{4}}"
    rf"(?:\s*(?:转|ext\.?|x|#)\s*\d{{1,6}})?(?!\d)", re.IGNORECASE)
# Hotlines and bare local numbers only where the text says they are a phone.
_CUED_NUMBER = re.compile(
    r"((?:电话|手机|联系方式|号码|座机|tel|phone|微信|QQ)\s*(?:号码?)?\s*[:：是为]?\s*)"
    r"[+\d][\d\s\-]{5,18}\d", re.IGNORECASE)
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Chinese name is two to four Han characters; these cues introduce one.
_HAN_NAME = r"[\u4e00-\u9fff·]{2,4}?"
_NAME_AFTER_CUE = re.compile(
    r"((?:我叫|我是|名叫|叫做|姓名|联系人|居民|住户|业主|租户|投诉人|求助人|反映人|来电人|申请人)"
    r"\s*[:：]?\s*)(" + _HAN_NAME + r")(?=$|[\s，,。.；;：:！!？?（(、）)]|先生|女士|反映|称|来电|说|投诉|要求|家|的)")
# The common surnames (and the compound ones): a name before a title starts with one of them.
_SURNAMES = ("欧阳|司马|诸葛|上官|东方|皇甫|令狐|"
             "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
             "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
             "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章"
             "鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
             "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
             "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
             "丛仲虞敖巩明佘池查麻苑迟邝]")
_HONORIFIC = re.compile(
    r"(?:" + _SURNAMES + r")[\u4e00-\u9fff]{0,2}?(先生|女士|小姐|阿姨|大爷|大妈|大叔|师傅|老师|同志)")


def redact(text: str, known: Iterable[str | None] = ()) -> str:
    """`text` with personal data replaced by plain markers; `known` values are removed wherever
    they occur (longest first, so an address is not left half-replaced by a name inside it)."""
    if not text:
        return text
    out = text
    for value in sorted({v.strip() for v in known if v and len(v.strip()) >= 2},
                        key=len, reverse=True):
        out = out.replace(value, _mark_for(value))
    out = _EMAIL.sub(EMAIL_MARK, out)
    out = _ID_NUMBER.sub(ID_MARK, out)
    out = _MOBILE.sub(PHONE_MARK, out)
    out = _LANDLINE.sub(PHONE_MARK, out)
    out = _CUED_NUMBER.sub(lambda m: m[1] + PHONE_MARK, out)
    out = _NAME_AFTER_CUE.sub(lambda m: m[1] + NAME_MARK, out)
    out = _HONORIFIC.sub(lambda m: "某" + m[1], out)
    return out


def _mark_for(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 15 and len(value) <= 20:
        return ID_MARK
    if len(digits) >= 7 and len(value) <= 24:
        return PHONE_MARK
    return NAME_MARK if len(value) <= 4 else "[已隐去]"
