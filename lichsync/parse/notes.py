"""What an item says about itself beyond its title: clock time, place, preparing unit, session note.

Weekly schedules write in the item what monthly tables put in columns: "8 giờ, Phó Chủ tịch … .
Điểm tại Hội trường UBND tỉnh. Đ/c Dũng; NCTH", "(Sở Kế hoạch và Đầu tư chuẩn bị nội dung)",
"… (sáng; dự: đ/c Triệu)." Pure functions over one item's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile

from lichsync.parse import vocab
from lichsync.parse.items import split_fields, with_content
from lichsync.parse.officials import PERSON_RE, VERB_RE, parse_officials, subjects
from lichsync.parse.text import collapse
from lichsync.parse.vocab import CLOCK, LEADING_TIME_RE

I = re.IGNORECASE  # noqa: E741 -- re.I's own name, in every pattern's flags
CLOCK_RE = re.compile(r"(?P<h>[01]?\d|2[0-3])\s*(?:h|giờ|g|:)\s*(?P<m>[0-5]\d)?", I)
# "Điểm tại …", "Điểm: tại …", "Địa điểm: …", "Địa điểm tại …": the place, up to the sentence's end.
# A pattern opening with a look-ahead, "(?=[…])", lists the characters a match can start with: a search
# then turns most positions away at once (tests/test_regex_guards.py proves the matches unchanged).
# A bare "điểm" is the label only where a sentence could start ("… tổ chức. Điểm tại …"), not inside one
# ("dự án trọng điểm tại huyện Hải Lăng").
PLACE_RE = re.compile(
    r"(?=đ)(?:^|(?<=[\s.;,]))(?:địa\s+điểm|(?<![^\W\d_]\s)điểm|(?-i:Điểm))\s*(?::\s*(?:tại\s+)?|\s+tại\s+)(?P<place>.+)$", I)
# A sentence ends at ". " before a capital or the end; "P. họp", "TP. Vị Thanh" are abbreviations.
NOT_AN_ABBREVIATION = r"(?<!\b[A-ZĐa-zđ])(?<!\b[A-ZĐ]{2})"
SENTENCE_END_RE = re.compile(rf"{NOT_AN_ABBREVIATION}[.;](?=\s+\S|$)")
LIST_END_RE = re.compile(rf"{NOT_AN_ABBREVIATION}\.(?=\s+\S|$)")  # a list of people goes on past ";"
# "- Giao Phòng Nội vụ chuẩn bị nội dung, …" in a units cell: the body the item is handed to prepares it.
ASSIGNED_RE = re.compile(r"^(?:[-–•+]\s*)?giao\s+(?:cho\s+)?(?P<unit>[^,;()]{2,80}?)\s+(?:chủ\s+trì,?\s+)?chuẩn\s+bị\b", I)
UNITS_NOTE_RE = re.compile(r"\((?:\s*(?:giao|do)\s+)?(?P<unit>[^()]{2,120}?)\s+(?:chủ\s+trì,?\s+)?chuẩn\s+bị\b[^()]*\)", I)
# "(sáng; dự: đ/c Triệu)", "(ngày; đ/c Triệu)", "(chiều)", "(ngày)" at the end of an item.
SESSION_WORD = r"(?:cả\s+ngày|ngày|sáng|chiều|tối)"
SESSION_NOTE_RE = re.compile(
    rf"\(\s*(?P<session>{SESSION_WORD}(?:\s*(?:,|và|-|–)\s*{SESSION_WORD})*)\s*(?:[;,:]\s*(?P<who>[^()]*))?\)\s*[.;,]?\s*$", I
)
# "(Đ/c Hải chủ trì)", "(Chủ tịch, PCT Lan dự)", "(Đ/c Lan - PCT chủ trì; Phòng TC-KH chuẩn bị)": who chairs or
# attends, in a note the item ends with; the note stays in the title, as other parentheses do.
WHO_VERB = r"(?:chủ\s+trì|(?:cùng\s+|tham\s+)?dự)"
WHO_NOTE_RE = re.compile(rf"\((?P<who>[^()]{{2,120}}?)\s+(?P<verb>{WHO_VERB})\s*(?=[;)])", I)
WHO_ENTRY_RE = re.compile(rf"\s{WHO_VERB}\s*$", I)
# "(Đ/c Lê Thị Hoa - PGĐ)" closing an item: the leader it is down for, with no verb written.
WHO_ALONE_RE = re.compile(r"\((?P<who>(?:đ/c|đồng\s+chí)\s[^()]{1,120})\)\s*[.;,]?\s*$", I)
SESSION_OF = {"sáng": "morning", "chiều": "afternoon", "tối": "evening", "ngày": "all_day", "cả ngày": "all_day"}
# Items that only say where the leaders are: no event in a calendar.
ROUTINE_RE = re.compile(
    r"^(?:[^.;]{0,120}\s)?(?:làm\s+việc|xử\s+lý\s+công\s+việc|giải\s+quyết\s+công\s+việc)(?:\s+thường\s+xuyên)?"
    r"\s+tại\s+(?:cơ\s+quan|trụ\s+sở|văn\s+phòng)\s*[.;]?\s*$",
    I,
)
# A line written per official: "Chủ tịch: 7 giờ 30 phút, … . 14 giờ, …", "Giám đốc Sở: Dự họp …".
PART_SESSION_NAME = r"(?:buổi\s+)?(?:sáng|chiều|tối|cả\s+ngày)"
PART_SESSION = rf"{PART_SESSION_NAME}\s*[,:]"
OFFICIAL_LINE_RE = re.compile(r"^(?P<head>[^:()]{2,80}):\s*(?=\S)", I)
PARTS_RE = re.compile(rf"^(?:{CLOCK}|{PART_SESSION})", I)
# Each part of such a line starts with its clock time or its session: "7 giờ 30 phút, …", "Chiều, …".
PART_START_RE = re.compile(rf"(?:^|(?<=[.;])\s+)(?={CLOCK}(?:\s*[,:]|\s+\S)|{PART_SESSION})", I)
PART_SESSION_RE = re.compile(rf"^(?P<word>{PART_SESSION_NAME})\s*[,:]\s*", I)

SESSION_IN_RE = re.compile(r"(?<!\w)(?:cả\s+ngày|sáng|chiều|tối)(?!\w)", I)


@dataclass
class Notes:
    text: str  # the item without what was lifted out of it
    start_time: str | None = None
    session: str | None = None
    location: str | None = None
    units: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)  # from "(sáng; dự: đ/c Triệu)", "Cùng dự: Ông …"
    chairs: list[str] = field(default_factory=list)  # from "Chủ trì: …"
    noted: list[str] = field(default_factory=list)  # from "(Đ/c Hải chủ trì)": the chair where no label or column names one
    participants: list[str] = field(default_factory=list)  # from "Thành phần: …", "Mời dự: …", as written


def clock(text: str) -> str | None:
    """ "7 giờ 30’" → "07:30", "8h" → "08:00"."""
    m = CLOCK_RE.search(text)
    return f"{int(m.group('h')):02d}:{int(m.group('m') or 0):02d}" if m else None


# "(Hoãn)", "(Tạm hoãn)", "(Lùi lịch, thời gian báo sau)": the item will not take place then.
POSTPONED_RE = re.compile(r"\(\s*(?:tạm\s+)?(?:hoãn|lùi\s+lịch|dời\s+lịch|lùi\s+thời\s+gian)\b[^()]*\)|^\s*(?:tạm\s+)?hoãn\s*:", I)


def is_postponed(text: str) -> bool:
    """An item marked postponed is not on the calendar until it is given a new date."""
    return bool(POSTPONED_RE.search(text))


def is_routine(text: str) -> bool:
    """ "Chủ tịch, các Phó Chủ tịch làm việc tại cơ quan." is where they are, not an event."""
    return bool(ROUTINE_RE.match(text.strip()))


def split_official_line(text: str) -> tuple[str, list[str]] | None:
    """ "Chủ tịch: 7 giờ 30 phút, dự … . 14 giờ, họp …" → ("Chủ tịch", one part per clock time or session);
    "Giám đốc Sở: Dự họp …" → ("Giám đốc Sở", ["Dự họp …"]). None unless the head names who."""
    m = OFFICIAL_LINE_RE.match(text)
    if not m or VERB_RE.search(f" {m.group('head')} ") or not subjects(f"{m.group('head')} dự"):
        return None
    body = text[m.end():]
    if not PARTS_RE.match(body):
        return m.group("head").strip(), [body.strip()]
    parts = [p.strip() for p in PART_START_RE.split(body) if p.strip()]
    return m.group("head").strip(), parts


def chair_names(text: str) -> list[str]:
    """ "Giám đốc Sở Phan Văn Thắng" → Phan Văn Thắng; "PGĐ Lê Thị Thu; Đ/c Hòa" → both;
    "Đ/c Hùng, PGĐ" → Hùng (the titles after a person stay with the person);
    "Ông Đỗ Văn Toàn – Trưởng phòng QLDTTT" → Đỗ Văn Toàn."""
    names: list[str] = []
    for chunk in _entries(vocab.HONORIFIC_RE.sub("Đ/c ", text), ";"):
        if PERSON_RE.search(chunk):
            found = [name for name, _ in parse_officials(chunk)]
        else:
            found = [n for part in _entries(chunk, ",") for n in (subjects(f"{part} dự") or [m for m, _ in parse_officials(part)])]
        names += [n for n in found if n not in names]
    return names


def _entries(text: str, separators: str) -> list[str]:
    """A list's entries, split at the separators outside parentheses: "VP Sở (PCVP, CV); Bảo tàng" → two."""
    out, depth, start = [], 0, 0
    for k, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if c in separators and depth <= 0:
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return [e.strip(" .") for e in out if e.strip(" .")]


def _first_sentence(text: str, lists: bool = False) -> str:
    """A labelled value up to its sentence's end: what follows is the office's escort or desk.
    A list of people goes on past ";" ("Đ/c Lan; đại diện phòng Nội vụ")."""
    end = (LIST_END_RE if lists else SENTENCE_END_RE).search(text)
    return collapse(text[: end.start()] if end else text).strip(" .,;")


def _place(text: str) -> str | None:
    """A place up to its sentence's end; places listed with ";" stay together ("Xã Quảng Phú; Xã Đắk Nang"),
    while a ";" before anything else ends it ("Hội trường A; Sở B chuẩn bị")."""
    entries = _first_sentence(text, lists=True).split(";")
    kept = [entries[0]] + list(takewhile(_another_place, entries[1:]))
    return "; ".join(e.strip() for e in kept if e.strip()) or None


def _another_place(entry: str) -> bool:
    entry = entry.strip()
    return bool(vocab.UNIT_HEAD_RE.match(entry)) and not PERSON_RE.search(entry) and "chuẩn bị" not in entry.lower()


def assigned_unit(text: str) -> str | None:
    """The body a units entry hands the preparation to: "- Giao Phòng Nội vụ chuẩn bị …" → "Phòng Nội vụ"."""
    m = ASSIGNED_RE.match(text.strip())
    return collapse(m.group("unit")) if m else None


def _units_notes(text: str) -> tuple[list[str], str]:
    """ "(Sở KH&ĐT chuẩn bị nội dung)" notes of a text, and the text without them; who chairs beside the
    unit ("(Đ/c Lan - PCT chủ trì; Phòng TC-KH chuẩn bị)") is no unit."""
    units = ["; ".join(e for e in _entries(collapse(u.group("unit")), ";") if not WHO_ENTRY_RE.search(e))
             for u in UNITS_NOTE_RE.finditer(text)]
    return [u for u in units if u], UNITS_NOTE_RE.sub("", text)


def _who_notes(notes: Notes, text: str) -> None:
    """Who the notes an item writes say chair ("(Đ/c Hải chủ trì)" or, with no verb, "(Đ/c Hoa - PGĐ)") or attend
    ("(Chủ tịch, PCT Lan dự)", as "Cùng dự:" says); a unit beside them ("Phòng X chuẩn bị, đồng chí Trưởng ban chủ
    trì") is not one."""
    for m in WHO_NOTE_RE.finditer(text):
        named = notes.noted if m.group("verb").lower().startswith("chủ") else notes.attendees
        for entry in _entries(m.group("who"), ",;"):
            if _names_someone(entry):
                named += [n for n in chair_names(entry) if n not in named]
    alone = WHO_ALONE_RE.search(text)
    if alone and not WHO_NOTE_RE.search(alone.group(0)) and not UNITS_NOTE_RE.search(alone.group(0)):
        for entry in _entries(alone.group("who"), ",;"):
            notes.noted += [n for n in chair_names(entry) if n not in notes.noted]


def _names_someone(entry: str) -> bool:
    return bool(PERSON_RE.search(entry) or vocab.LEADER_START_RE.match(entry.strip()))


def _take(notes: Notes, kind: str, value: str) -> None:
    """One labelled field into the notes; the rule for each label lives here."""
    if kind == "time":
        notes.start_time = notes.start_time or clock(value)
        session = SESSION_IN_RE.search(value)
        if session and not notes.session:
            notes.session = SESSION_OF[collapse(session.group(0).lower())]
    elif kind == "place":
        notes.location = notes.location or _place(value)
    elif kind == "units":
        notes.units += [u for u in (x.strip(" .") for x in re.split(r"[,;]", value)) if u]
    elif kind == "chair":
        notes.chairs += [c for c in chair_names(_first_sentence(value, lists=True)) if c not in notes.chairs]
    elif kind == "with":
        for entry in _entries(_first_sentence(value, lists=True), ";"):
            if vocab.GROUP_ENTRY_RE.match(entry) or entry[:1].islower():
                notes.participants.append(entry)
            else:
                notes.attendees += [a for a in chair_names(entry) if a not in notes.attendees]
    elif kind == "participants":
        units, value = _units_notes(value)
        notes.units += units
        notes.participants += _entries(collapse(value), ";")


def part_session(text: str) -> tuple[str | None, str]:
    """ "Chiều, họp …" → ("afternoon", "họp …"): a per-official line's part may start with its session."""
    m = PART_SESSION_RE.match(text)
    if not m:
        return None, text
    return SESSION_OF.get(collapse(re.sub(r"^buổi\s+", "", m.group("word").lower())).strip()), text[m.end():]


def read_notes(text: str, fields: list[tuple[str, str]] | tuple = ()) -> Notes:
    """What an item says of itself, from its text and its labelled fields (sub-lines the reader lifted)."""
    notes = Notes(text)
    m = LEADING_TIME_RE.match(text)
    if m and text[m.end():].strip():
        notes.start_time = clock(m.group("clock"))
        text = text[m.end():]
    m = SESSION_NOTE_RE.search(text)
    if m:
        named = {SESSION_OF[collapse(w.lower())] for w in re.findall(SESSION_WORD, m.group("session"), I)}
        notes.session = named.pop() if len(named) == 1 else "all_day"  # "(sáng, chiều)": the whole day
        who = re.sub(r"^\s*(?:tham\s+)?dự\s*:?\s*", "", m.group("who") or "", flags=I)
        notes.attendees = [name for name, _ in parse_officials(who)] if who.strip() else []
        text = text[: m.start()]
    _who_notes(notes, text)
    text, inline = with_content(*split_fields(text))
    for kind, value in [*fields, *inline]:
        _take(notes, kind, value)
    m = PLACE_RE.search(text)
    if m:
        notes.location = notes.location or _place(m.group("place"))
        text = text[: m.start()]  # what follows the place is the office's escort and desk
    notes.units += [u for u in _units_notes(text)[0] if u not in notes.units]
    notes.text = collapse(text).strip(" ,;")
    return notes
