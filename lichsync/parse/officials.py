"""Who an entry names: "Đ/c Lạc - TUV,BTĐU,GĐ" → Lạc (titles TUV,BTĐU,GĐ); group labels as written."""
from __future__ import annotations

import functools
import re

from lichsync.parse.text import collapse
from lichsync.parse.vocab import TITLE_ACRONYMS, UPPER

PERSON_RE = re.compile(r"(?:\bđ/\s*c|\bđồng\s+chí)(?:\.|\s*:)?\s+", re.IGNORECASE)
# Words that make up titles rather than names.
TITLE_WORDS = {
    "bí", "thư", "phó", "chủ", "tịch", "giám", "đốc", "trưởng", "ủy", "uỷ", "viên", "thường", "trực",
    "tỉnh", "sở", "ban", "đoàn", "chánh", "văn", "phòng", "chỉ", "huy", "hội", "đồng", "thành",
    "huyện", "đảng", "khối", "bch", "tổ", "đội", "cấp", "hđnd", "ubnd", "ubmttq", "mttq", "cđ",
    "xã", "phường", "thị", "trấn", "quận", "phố",
}
# Nouns of bodies that may stand, capitalised, between a title and a name.
BODY_WORDS = {"sở", "ban", "phòng", "tỉnh", "huyện", "xã", "quận", "thị", "đảng", "bộ", "cục", "viện", "trường", "ủy", "uỷ"}
# Nouns a body's name starts with ("Ban TĐKT", "Phòng KH"), never a person's title.
BODY_HEADS = {"ban", "phòng", "văn", "vp", "trung", "chi", "cục", "tổ", "đoàn", "hội"}
ACRONYM_RE = re.compile(r"^[A-ZĐÂĂÊÔƠƯ&]{2,}[A-ZĐÂĂÊÔƠƯ0-9&-]*,?$")
TITLE_START_RE = re.compile(r"^(?:bí\s+thư|phó|chủ\s+tịch|giám\s+đốc|trưởng|chánh|ủy\s+viên|tỉnh\s+ủy\s+viên)\b", re.IGNORECASE)


def _is_title_word(word: str) -> bool:
    w = word.strip(",.;:()")
    return bool(ACRONYM_RE.match(w)) or w.lower() in TITLE_WORDS or w in {"-", "–"}


NAME_END_RE = re.compile(r"\s*[,;(]|\s+-\s+")
NAME_PART_RE = re.compile(r"\s*[-–,(]\s*")


def person(text: str) -> tuple[str, str]:
    """The name and the titles of what follows "Đ/c": "Hoàn GĐ Sở" → ("Hoàn", "GĐ Sở")."""
    text = collapse(text).strip(" ,;.-")
    if TITLE_START_RE.match(text):
        # "Đ/c Bí thư", "Đ/c Phó Bí thư Thường trực Tỉnh ủy": the title is the name.
        name: list[str] = []
        for w in NAME_END_RE.split(text)[0].split():
            if name and w[:1].islower() and w.lower() not in TITLE_WORDS:
                break  # "Bí thư dự …": the verb ends the title
            name.append(w)
        return " ".join(name), ""
    name_part, *rest = NAME_PART_RE.split(text, maxsplit=1)
    words = name_part.split()
    # Leading titles before a full name: "PCT Nguyễn Văn Thi".
    while len(words) > 1 and ACRONYM_RE.match(words[0]):
        words = words[1:]
    name = []
    for k, w in enumerate(words):
        # The name ends where the titles begin: an acronym ("GĐ"), a title ("Giám đốc …"), a lowercase word.
        if name and (ACRONYM_RE.match(w.strip(",.;")) or TITLE_START_RE.match(" ".join(words[k:])) or w[:1].islower()):
            break
        name.append(w)
    titles = " ".join(words[len(name):] + rest)
    return " ".join(name), titles.strip()


def _titles_only(part: str) -> bool:
    """A comma part that continues a person's titles ("BTĐU", "GĐ Sở", "CT CĐ"), not a new label."""
    words = part.split()
    if words and words[0].lower() in BODY_HEADS:
        return False  # "Đ/c Quỳnh, Ban TĐKT": a body named beside the person
    return bool(words) and all(_is_title_word(w) for w in words) and any(ACRONYM_RE.match(w.strip(",")) for w in words)


def _capitalised(word: str) -> bool:
    """A word of a personal name: "Thi", "Ánh", "A"."""
    return word[:1].isupper() and (word[1:].islower() or not word[1:])


def _label(text: str) -> tuple[str, str]:
    """A group label as written, or the name in "PCT Nguyễn Văn Thi" (titles first, then a full name)."""
    words = text.split()
    if TITLE_START_RE.match(text) and (full := _full_name(words)):  # "Giám đốc Nguyễn Văn Tài"
        return full, text[: -len(full)].strip()
    k = 0
    while k < len(words) and ACRONYM_RE.match(words[k]):
        k += 1
    name = words[k:]
    if k and len(name) >= 2 and all(_capitalised(w) for w in name):
        return " ".join(name), " ".join(words[:k])
    return text, ""


# "Ủy quyền Phòng TNMT tham dự", "Giao Phòng Nội vụ chủ trì": the leader hands the item to X, who goes.
DELEGATION_RE = re.compile(
    r"^(?:[-–•+]\s*)?(?:ủy|uỷ)\s+quyền\s+(?:cho\s+)?(?P<who>.+?)(?:\s+(?:tham\s+dự|dự|tham\s+gia|chủ\s+trì))?\s*$"
    r"|^(?:[-–•+]\s*)?giao\s+(?:cho\s+)?(?P<whom>.+?)\s+(?:chủ\s+trì|tham\s+dự|dự)\s*$",
    re.IGNORECASE,
)


def delegate(text: str) -> str:
    """Who an entry hands the item to: "Ủy quyền Phòng Tài nguyên và Môi trường tham dự" → the Phòng."""
    m = DELEGATION_RE.match(text.strip(" ,;."))
    return (m.group("who") or m.group("whom")) if m else text


# Where a group entry names a second group: at a comma; at "các Phó Chủ tịch" after a title whose comma a
# line break took ("Chủ tịch" / "các Phó Chủ tịch" in a PDF cell); where a title follows a body's name with
# no comma, two paragraphs a PDF cell ran together ("Bí thư Huyện ủy" / "Phó Bí thư Thường trực …").
LEAD_SPLIT_RE = re.compile(
    r"\s*,\s*|\s+(?=các\s+(?:phó\s+)?(?:chủ\s+tịch|giám\s+đốc|bí\s+thư|trưởng\s+ban|ủy\s+viên|uỷ\s+viên)\b)"
    r"|(?:(?<=ủy)|(?<=uỷ)|(?<=huyện)|(?<=tỉnh)|(?<=sở)|(?<=xã)|(?<=phường))\s+(?=(?:phó\s+)?(?:bí\s+thư|chủ\s+tịch|giám\s+đốc|trưởng\s+ban)\b)",
    re.IGNORECASE,
)


SEMICOLON_RE = re.compile(r"\s*;\s*")


def parse_officials(text: str) -> list[tuple[str, str]]:
    """(name, titles) for everyone an entry names, in order, without repeats."""
    return list(_officials(text))


@functools.lru_cache(maxsize=4096)
def _officials(text: str) -> tuple[tuple[str, str], ...]:
    """Cached: a leaders column names the same few people row after row (three calls in four repeat one)."""
    text = delegate(collapse(text).strip(" ,;."))
    out: list[tuple[str, str]] = []
    for chunk in SEMICOLON_RE.split(text):
        chunk = chunk.strip(" ,.-")
        if not chunk:
            continue
        pieces = PERSON_RE.split(chunk)
        lead = pieces[0].strip(" ,.-")
        if lead:
            out += [_label(g) for g in (p.strip(" .") for p in LEAD_SPLIT_RE.split(lead)) if g]
        for body in pieces[1:]:
            parts = [p.strip() for p in body.split(",")]
            name, titles = person(parts[0])
            extra: list[str] = []
            for p in parts[1:]:
                if _titles_only(p) or (not extra and re.match(r"^(?:PGĐ|GĐ|TUV)\b", p) and len(p.split()) <= 2 and "phụ" not in p):
                    titles = f"{titles}, {p}".strip(", ")
                elif p:
                    extra.append(p)
            if name:
                out.append((name, titles))
            out += [(g, "") for g in extra]
    seen, unique = set(), []
    for name, titles in out:
        if name.lower() not in seen:
            seen.add(name.lower())
            unique.append((name, titles))
    return tuple(unique)


IN_TEXT_PERSON_RE = re.compile(r"^(?:đ/c|đồng\s+chí)\s+(?P<title>(?:phó\s+)?(?:bí\s+thư|chủ\s+tịch)[^,;]*?)(?=\s+(?:dự|tham\s+dự|làm\s+việc|tiếp|chủ\s+trì|đi|thăm|kiểm\s+tra|gặp)\b|,|;|$)", re.IGNORECASE)
GROUP_RE = re.compile(
    r"(?P<group>(?:Ban\s+Thường\s+vụ|Thường\s+trực|Ban\s+Chấp\s+hành|Lãnh\s+đạo)\s+(?:Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Đảng\s+ủy(?:\s+Khối)?|tỉnh|UBND\s+tỉnh|HĐND\s+tỉnh))"
)


def officials_in_text(title: str) -> list[str]:
    """Leaders an item names as its actors when the program has no leader column (seed 003 style).

    Only the subject of the item ("Đ/c Bí thư Tỉnh ủy dự …", "Thường trực Tỉnh ủy giao ban …")
    or the body a meeting is of ("Họp / Hội nghị Ban Thường vụ Tỉnh ủy") counts; a leader mentioned
    as a topic ("Ngày sinh đồng chí Trần Phú") does not.
    """
    m = IN_TEXT_PERSON_RE.match(title)
    if m and m.group("title")[0].isupper():
        return [collapse(m.group("title"))]
    m = re.match(r"^(?:(?:Họp|Hội\s+nghị|Phiên\s+họp)\s+)?" + GROUP_RE.pattern, title)
    if m:
        return [collapse(m.group("group"))]
    return []


# Who an item's sentence is about: its subject, before the verb ("Chủ tịch dự …", "Ban Pháp chế giám sát …").
ACTOR_START_RE = re.compile(
    r"^(?:(?:đ/c|đồng\s+chí)\s+)?(?:các\s+)?(?:phó\s+)?(?:chủ\s+tịch|bí\s+thư|giám\s+đốc|hiệu\s+trưởng|trưởng\s+ban|"
    r"thường\s+trực|ban\s+thường\s+vụ|thường\s+vụ|lãnh\s+đạo|tập\s+thể|ban\s+|(?:đ/c|đồng\s+chí)\s+\w|"
    rf"(?-i:{TITLE_ACRONYMS})\s+(?=[{UPPER}]))",  # "PGĐ Cao Văn Chóng dự …", "PCT Âu Văn Hải chủ trì …"
    re.IGNORECASE,
)
VERB_RE = re.compile(
    r"\s(?=(?:dự|tham\s+dự|tham\s+gia|họp|đi|làm\s+việc|tiếp|thăm|kiểm\s+tra|chủ\s+trì|giám\s+sát|khảo\s+sát|"
    r"thông\s+qua|gặp|trao|tặng|phát\s+biểu|chúc\s+mừng|nghe|duyệt|đối\s+thoại|tiếp\s+xúc|chỉ\s+đạo|"
    r"tổ\s+chức|công\s+tác|hội\s+ý|giao\s+ban|cho\s+ý\s+kiến|xem\s+xét|đón|tiễn|viếng|thực\s+hiện|"
    r"báo\s+cáo|ký|phê\s+duyệt|chào\s+cờ|khai\s+mạc|phát\s+động|ra\s+quân|chủ\s+tọa|đón\s+tiếp|trao\s+đổi)\b)",
    re.IGNORECASE,
)
CONNECT_RE = re.compile(r"\s*,\s*|\s+và\s+(?=(?:các\s+|đ/c|đồng\s+chí|phó\s|chủ\s|bí\s|ban\s|thường\s))", re.IGNORECASE)
NEW_ACTOR_RE = re.compile(r"^(?:các\s|đ/c|đồng\s+chí)", re.IGNORECASE)


def _full_name(words: list[str]) -> str | None:
    """The personal name closing a title: "Phó Chủ tịch Hồ Thu Ánh" → "Hồ Thu Ánh"."""
    name: list[str] = []
    for w in reversed(words):
        if not _capitalised(w):
            break
        name.insert(0, w)
    while len(name) > 2 and name[0].lower() in BODY_WORDS:
        name.pop(0)  # "Giám đốc Sở Phan Văn Thắng": the body the title belongs to, not the name
    return " ".join(name) if len(name) >= 2 and len(name) < len(words) else None


def subjects(text: str) -> list[str]:
    """The leaders an item's sentence starts with, each by name when the text gives one.

    "Phó Chủ tịch Thường trực Trương Cảnh Tuyên, Phó Chủ tịch Hồ Thu Ánh dự …" → both names;
    "đồng chí Bí thư Thành ủy và đồng chí Phó Bí thư Thành ủy dự …" → both titles. People the
    item is about come after the verb and are not its subject.
    """
    text = collapse(text)
    if not ACTOR_START_RE.match(text):
        return []
    m = _verb(text)
    if not m and PERSON_RE.match(text + " "):  # "Đ/c Đỗ Minh Quân, PCT UBND thành phố": who is on duty
        return [person(re.split(r"\s*[,;]", body)[0])[0] for body in PERSON_RE.split(text)[1:] if body.strip()]
    if not m or m.start() > 120:
        return []
    head = text[: m.start()]
    commas = [False] + [c.group(0).strip() == "," for c in CONNECT_RE.finditer(head)]
    actors: list[tuple[str, bool]] = []  # (actor, has a personal name)
    one_comrade = False  # the last actor is "Đồng chí <title>": one person, whose other titles may follow
    for comma, part in zip(commas, (p.strip(" .") for p in CONNECT_RE.split(head)), strict=True):
        if not part:
            continue
        if PERSON_RE.match(part + " "):
            name, _ = person(PERSON_RE.sub("", part, count=1))
            actors.append((name, not TITLE_START_RE.match(name)))
            one_comrade = not actors[-1][1]
            continue
        full = _full_name(part.split())
        more_titles = not full and not NEW_ACTOR_RE.match(part) and actors and not actors[-1][1]
        if more_titles and (not ACTOR_START_RE.match(part) or (comma and one_comrade)):
            continue  # "Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh", "Đồng chí Phó Bí thư, Chủ tịch UBND tỉnh"
        actors.append((full or part, bool(full)))
        one_comrade = False
    return [a for a, _ in actors if a]


BODY_HEAD_END_RE = re.compile(r"(?:^|\s)(?:Ban|Ủy ban|Uỷ ban|Đoàn|Hội đồng|Tổ)$")


def _verb(text: str) -> re.Match[str] | None:
    """Where the subject's verb starts: not a verb written with a capital after a body's head word, which
    names the body ("Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra", "Ban Chỉ đạo", "Đoàn Giám sát")."""
    return next((m for m in VERB_RE.finditer(text)
                 if not (text[m.end() : m.end() + 1].isupper() and BODY_HEAD_END_RE.search(text, 0, m.start()))), None)


def is_personal_name(name: str) -> bool:
    """ "Cao Văn Chóng", "Lạc": a person's name, not a title or group ("Chủ tịch UBND tỉnh", "Ban KTNS")."""
    words = name.split()
    return bool(words) and all(_capitalised(w) and w.isalpha() for w in words)


def same_person(a: str, b: str) -> bool:
    """ "Lê Anh Xuân" and "Xuân": a given name written alone names the person whose full name ends with it."""
    x, y = sorted((a.split(), b.split()), key=len)
    return bool(x) and y[len(y) - len(x):] == x
