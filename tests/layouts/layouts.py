"""The layouts: one gold schedule written the many ways offices write the same content.

Every layout carries every field a gold event has (date, end_date, session, start_time, title,
officials, units, location, kind), so a careful clerk could read the gold back from the document.
Where a layout carries a field inside the item text, the expected gold says so honestly:
units written "(Văn phòng chuẩn bị)" after the item stay in its title (the gold rule: other
parentheses stay), so the expected title gains that note; a side column whose entries cannot be
lined up with the items of a one-row-per-day table (fewer entries than items) makes that field
ambiguous for the row's items, as the gold rules do for the seeds.

A layout is a function (schedule, rng) -> Rendered; `LAYOUTS` lists them by name.
"""
from __future__ import annotations

import html
import io
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from schedule import (
    WEEKDAYS,
    Item,
    Schedule,
    clock,
    day_label,
    dm,
    is_person,
    lead,
    official,
    officials_text,
    range_note,
    session_word,
    span_label,
    units_note,
    units_text,
)


@dataclass
class Rendered:
    """A rendered document: its bytes, its file suffix, and the gold it should read back as."""

    suffix: str  # ".txt", ".html", ".docx"; a PDF layout renders its source and names the converter
    data: bytes
    events: list[dict]
    convert: str | None = None  # "soffice" (Word → PDF) or "chromium" (HTML → PDF)
    layer: bool = False  # read the PDF's text layer as pasted text, not the PDF itself
    notes: list[str] = field(default_factory=list)


@dataclass
class Group:
    """Rows that share a day cell: a day, or a span row ("1-4", "Từ 08/4 đến 14/4/2019")."""

    label: str
    items: list[Item]


# --- what every layout shares ------------------------------------------------------------------

def heading(s: Schedule, rng: random.Random) -> list[str]:
    """The lines above the schedule: issuing body, motto, title, period."""
    lines = []
    if s.organization:
        lines.append(s.organization.upper())
    if rng.random() < 0.5:
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if s.weekly:
        lines.append(rng.choice(["LỊCH CÔNG TÁC TUẦN", "LỊCH LÀM VIỆC", "LỊCH CÔNG TÁC"]))
        lines.append(f"(Từ ngày {dm(s.start, year=True, pad=True)} đến ngày {dm(s.stop, year=True, pad=True)})")
    else:
        lines.append(f"CHƯƠNG TRÌNH CÔNG TÁC THÁNG {s.month} NĂM {s.year}")
    return lines


def groups(s: Schedule, spans: bool, span_style: int) -> list[Group]:
    """Day groups in date order; with `spans`, an item over several days gets its own span row
    after its first day's rows, as offices write "1-4" or "Từ 24 đến 28/6/2019"."""
    out = []
    for day, items in s.days:
        plain = [i for i in items if not (spans and i.end)]
        if plain:
            out.append(Group(day.isoformat(), plain))
        out += [Group(span_label(i.day, i.end, span_style), [i]) for i in items if spans and i.end]
    return out


def label_of(g: Group, style: str, monthly: bool) -> str:
    return day_label(date.fromisoformat(g.label), style, monthly) if re.fullmatch(r"\d{4}-\d\d-\d\d", g.label) else g.label


def by_session(items: list[Item]) -> list[Item]:
    """Items without a session first (so no session heading claims them), then by session, stable."""
    order = {None: 0}
    for i in items:
        order.setdefault(i.session, len(order))
    return sorted(items, key=lambda i: order[i.session])


def content(item: Item, *, session: str | None, time: str | None, spans: bool, range_style: int = 0,
            units: bool = False, location: bool = False, officials: bool = False) -> str:
    """The item's text; the fields the table has no column for ride along as the offices write them:
    a session word and clock time in front, "(Văn phòng chuẩn bị)", "Địa điểm: …", "Chủ trì: …"."""
    text = (lead(item, session, time) if session or time else "") + item.title
    if units or location or officials:
        text = text.rstrip(" .;")
    if not spans:
        text += range_note(item, range_style)
    if units:
        text += units_note(item)
    if location and item.location:
        text += f". Địa điểm: {item.location}"
    if officials and item.officials:
        text += f". Chủ trì: {officials_text(item.officials)}"
    return text


def expected(items: list[Item], units_inline: bool, ambiguous: dict[int, set[str]] | None = None) -> list[dict]:
    out = []
    for item in items:
        note = units_note(item) if units_inline else ""
        e = item.expected(item.title.rstrip(" .;") + note if note else None)
        extra = (ambiguous or {}).get(id(item))
        if extra:
            e["ambiguous"] = sorted(set(e.get("ambiguous", [])) | extra)
        out.append(e)
    return out


def time_cell(item: Item, style: str, with_session: bool = True) -> str:
    """A "Thời gian" cell: "7:30", "Sáng", "7:30 (Cả ngày)"."""
    t = clock(item.time, style)
    s = session_word(item.session) if with_session else ""
    if t and s:
        return f"{t} ({s})"
    return t or s


def side_entries(items: list[Item], value: Callable[[Item], str]) -> tuple[list[str], bool]:
    """A side column of a one-row-per-day table: one entry per item, one shared entry, or (when
    neither fits) the non-empty entries, which a clerk cannot line up: then the field is ambiguous."""
    values = [value(i) for i in items]
    if len(set(values)) == 1:
        return ([values[0]] if values[0] else []), False
    if all(values):
        return values, False
    return [v for v in values if v], True


# --- plain text tables ---------------------------------------------------------------------------

COLUMNS_TEXT = ["Ngày", "Thời gian", "Nội dung công việc", "Đơn vị chuẩn bị", "Chủ trì", "Địa điểm"]


def _table_rows(s: Schedule, rng: random.Random, *, spans: bool, day_style: str, time_style: str) -> tuple[list[str], list[list[str]], list[dict]]:
    """Header and rows (day cell on a group's first row only) of a simple one-item-per-row table."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    header = ["Ngày", "Thời gian", "Nội dung công việc"] + (["Đơn vị chuẩn bị"] if has_units else []) + ["Chủ trì"] + (["Địa điểm"] if has_loc else [])
    rows = []
    span_style = rng.randrange(3)
    people = rng.choice(["dc", "role"])
    for g in groups(s, spans, span_style):
        for k, item in enumerate(by_session(g.items)):
            row = [label_of(g, day_style, not s.weekly) if k == 0 else "", time_cell(item, time_style),
                   content(item, session=None, time=None, spans=spans, range_style=span_style)]
            if has_units:
                row.append(units_text(item.units))
            row.append(officials_text(item.officials, people, "; "))
            if has_loc:
                row.append(item.location or "")
            rows.append(row)
    return header, rows, expected(s.items, units_inline=False)


def _one_line(cell: str) -> str:
    return cell.replace("\n", " ")


def tab_rows(s: Schedule, rng: random.Random) -> Rendered:
    """Tab-separated rows, one item per row, the day written on its first row only."""
    header, rows, events = _table_rows(s, rng, spans=True, day_style=rng.choice(["day", "weekday_dm", "short"]), time_style="h")
    lines = heading(s, rng) + ["", "\t".join(header)] + ["\t".join(map(_one_line, r)) for r in rows]
    return Rendered(".txt", "\n".join(lines).encode(), events)


def tab_cells(s: Schedule, rng: random.Random) -> Rendered:
    """A Word table copied as text (seed 000): one row per day, each cell opening with a tab and its
    paragraphs on their own lines; units and leaders one entry per item where they differ."""
    has_units = any(i.units for i in s.items)
    has_places = any(i.location for i in s.items)
    lines = heading(s, rng) + ["", "\tNgày", "", "\tNội dung công việc"] + (["\tĐơn vị chuẩn bị"] if has_units else []) + \
        ["\tNgười chủ trì"] + (["\tĐịa điểm"] if has_places else []) + [""]
    ambiguous: dict[int, set[str]] = {}
    for g in groups(s, True, 0):
        items = by_session(g.items)
        body, last = [], "?"
        for item in items:
            word = session_word(item.session)
            t = clock(item.time, "h")
            text = (f"{t}: " if t else "") + item.title
            if item.session and item.session != last:
                body.append(f"{word}: {text}")
            else:
                body.append(f"- {text}")
            last = item.session
        lines.append("\t" + label_of(g, "day", not s.weekly).replace("\n", " "))
        lines.append("\t" + "\n".join(body))
        for name, value in ([("units", lambda i: units_text(i.units))] if has_units else []) + [
                ("officials", lambda i: officials_text(i.officials, "role", ", "))] + (
                [("location", lambda i: i.location or "")] if has_places else []):
            entries, unsure = side_entries(items, value)
            lines.append("\t" + "\n".join(entries))
            if unsure:
                for i in items:
                    ambiguous.setdefault(id(i), set()).add(name)
        lines.append("")
    return Rendered(".txt", "\n".join(lines).encode(), expected(s.items, False, ambiguous))


def _furnish(lines: list[str], header: str, rng: random.Random, pages: str) -> list[str]:
    """Page breaks every 20–35 lines: a page number, and the header row repeated on the new page."""
    out, page, every = [], 1, rng.randint(20, 35)
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % every == 0 and k < len(lines):
            page += 1
            out += ["", pages.format(page=page), header] if header else ["", pages.format(page=page)]
    return out


def tab_furniture(s: Schedule, rng: random.Random) -> Rendered:
    """Tab rows with page numbers and the header row repeated on each page."""
    header, rows, events = _table_rows(s, rng, spans=False, day_style="weekday_dm", time_style="colon")
    body = _furnish(["\t".join(map(_one_line, r)) for r in rows], "\t".join(header), rng, "Trang {page}")
    return Rendered(".txt", "\n".join(heading(s, rng) + ["", "\t".join(header)] + body + ["", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]).encode(), events)


def _pipes(s: Schedule, rng: random.Random, *, outer: bool, with_header: bool, short_rows: bool = False,
           furniture: bool = False) -> Rendered:
    header, rows, events = _table_rows(s, rng, spans=False, day_style=rng.choice(["short", "weekday_dm", "upper_full"]),
                                       time_style="colon")

    def line(cells: list[str]) -> str:
        text = " | ".join(c.replace("\n", " ") for c in cells)
        return f"| {text} |" if outer else f"{text} |"

    body = [line(r[1:] if short_rows and not r[0] else r) for r in rows]
    top = [line(header)] if with_header else []
    if furniture:
        body = _furnish(body, top[0] if top else "", rng, "- {page} -")
    return Rendered(".txt", "\n".join(heading(s, rng) + [""] + top + body).encode(), events)


def pipe_outer(s, rng):
    """"| Ngày | Thời gian | Nội dung … |" with a header row."""
    return _pipes(s, rng, outer=True, with_header=True)


def pipe_outer_noheader(s, rng):
    return _pipes(s, rng, outer=True, with_header=False)


def pipe_inner(s, rng):
    """Rows that do not start with "|" (thanhhoa-tp), with a header row."""
    return _pipes(s, rng, outer=False, with_header=True)


def pipe_inner_noheader(s, rng):
    return _pipes(s, rng, outer=False, with_header=False)


def pipe_short_rows(s, rng):
    """As thanhhoa-tp: a day's later rows leave out the date cell altogether."""
    return _pipes(s, rng, outer=False, with_header=True, short_rows=True)


def pipe_furniture(s, rng):
    return _pipes(s, rng, outer=True, with_header=True, furniture=True)


def cells_per_paragraph(s: Schedule, rng: random.Random) -> Rendered:
    """A table flattened to one cell per paragraph (thanhhoa-ubnd-2025w29): blank lines between cells,
    empty cells as a line holding a space, day and session only on a block's first row."""
    has_units = any(i.units for i in s.items)
    header = ["Ngày", "Thời gian", "Nội dung", "công việc", "Địa điểm"] + (["Đơn vị chuẩn bị"] if has_units else []) + ["Lãnh đạo chủ trì"]
    out = heading(s, rng) + [""] + header
    for g in groups(s, False, 0):
        last = "?"
        for k, item in enumerate(by_session(g.items)):
            cells = [label_of(g, "digit_lines", not s.weekly) if k == 0 else " ",
                     session_word(item.session) if item.session != last and item.session else " ",
                     content(item, session=None, time="paren", spans=False),
                     item.location or " "]
            if has_units:
                cells.append(units_text(item.units) or " ")
            cells.append(officials_text(item.officials, "dc", ",\n") or " ")
            last = item.session
            out += cells
    return Rendered(".txt", "\n\n".join(out).encode(), expected(s.items, False))


# --- prose ------------------------------------------------------------------------------------------

def prose_headings(s: Schedule, rng: random.Random) -> list[str]:
    """Day headings, session sub-headings, bullets; place, leader, units in the item's sentence."""
    out = heading(s, rng) + [""]
    time_style = rng.choice(["giờ", "h"])
    for g in groups(s, False, 0):
        out += ["", label_of(g, "upper_full", False)]
        last = None
        for item in by_session(g.items):
            if item.session and item.session != last:
                out.append(session_word(item.session, "buoi") + ":")
            last = item.session
            text = content(item, session=None, time=time_style, spans=False, units=True)
            if item.location:
                text += f". Điểm tại {item.location}"
            if item.officials:
                text += f". Chủ trì: {officials_text(item.officials, 'dc', ', ')}"
            out.append(f"- {text}.")
    return out


def prose_prefix(s: Schedule, rng: random.Random) -> list[str]:
    """Day headings "Thứ Hai 14/7"; each bullet opens with its own session word and time."""
    out = heading(s, rng) + [""]
    for g in groups(s, False, 0):
        out += ["", label_of(g, "weekday_dm", False)]
        for item in g.items:
            text = content(item, session="plain", time="h", spans=False, units=True, location=True, officials=True)
            out.append(f"+ {text}.")
    return out


def numbered_sublines(s: Schedule, rng: random.Random) -> list[str]:
    """Numbered items under "* Thứ Hai: 24/3", with "- Chủ trì:", "- Cùng dự:", "- Địa điểm:" sub-lines."""
    out = heading(s, rng) + [""]
    for g in groups(s, False, 0):
        out.append("* " + label_of(g, "colon", False))
        for n, item in enumerate(by_session(g.items), 1):
            out.append(f"{n}- " + content(item, session="plain", time="h", spans=False, units=True))
            # "Cùng dự:" carries the people who go with the chair; a group written there ("Đại diện CĐ Sở")
            # could as well be invited participants, so groups stay on the "Chủ trì:" line.
            chairs = [o for k, o in enumerate(item.officials) if k == 0 or not is_person(o)]
            others = [o for o in item.officials if o not in chairs]
            if chairs:
                out.append(f"- Chủ trì: {officials_text(chairs, 'dc', '; ')}")
            if others:
                out.append(f"- Cùng dự: {officials_text(others, 'dc', ', ')}")
            if item.participants:
                out.append(f"- Thành phần: {', '.join(item.participants)}")
            if item.location:
                out.append(f"- Địa điểm: {item.location}")
    return out


def inline_labels(s: Schedule, rng: random.Random) -> list[str]:
    """"1. Nội dung: … Thời gian: … Địa điểm: … Chủ trì: …" on one line per item."""
    out = heading(s, rng) + [""]
    for g in groups(s, False, 0):
        out.append(label_of(g, "digit_paren", False).replace("\n", " "))
        for n, item in enumerate(g.items, 1):
            text = f"{n}. Nội dung: {item.title.rstrip(' .;')}{range_note(item, 0)}{units_note(item)}."
            when = ", ".join(filter(None, [session_word(item.session, "buoi"), clock(item.time, "h")]))
            if when:
                text += f" Thời gian: {when}."
            if item.location:
                text += f" Địa điểm: {item.location}."
            if item.officials:
                text += f" Chủ trì: {officials_text(item.officials, 'dc', ', ')}."
            out.append(text)
    return out


def _text(make: Callable[[Schedule, random.Random], list[str]]) -> Callable[[Schedule, random.Random], Rendered]:
    def layout(s: Schedule, rng: random.Random) -> Rendered:
        return Rendered(".txt", "\n".join(make(s, rng)).encode(), expected(s.items, True))
    layout.__doc__ = make.__doc__
    return layout


def _wrapped(make: Callable[[Schedule, random.Random], list[str]]) -> Callable[[Schedule, random.Random], Rendered]:
    """The same text hard-wrapped at a seeded width (45–90), as a PDF's text layer or a mail breaks it."""
    def layout(s: Schedule, rng: random.Random) -> Rendered:
        width = rng.randint(45, 90)
        lines = [w for line in make(s, rng) for w in (textwrap.wrap(line, width, break_long_words=False) or [""])]
        return Rendered(".txt", "\n".join(lines).encode(), expected(s.items, True))
    layout.__doc__ = f"{make.__doc__} Hard-wrapped."
    return layout


NAV = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo điều hành", "Lịch công tác", "Thủ tục hành chính",
       "Hỏi đáp", "Liên hệ"]


def portal_around(s: Schedule, rng: random.Random) -> tuple[list[str], list[str]]:
    """Portal text above and below a schedule: menus, a search box, news teasers and documents with
    dates of their own, a footer. None of it is an event."""
    d = s.days[0][0]
    news = [f"{dm(d, year=True, pad=True)} - Hội nghị trực tuyến triển khai nhiệm vụ trọng tâm quý {1 + (d.month - 1) // 3}",
            f"Quyết định số {rng.randint(100, 999)}/QĐ-UBND ngày {dm(d.replace(day=max(1, d.day - 3)), year=True, pad=True)} về việc ban hành quy chế làm việc",
            f"Thông báo tuyển dụng viên chức năm {d.year} (đăng ngày {dm(d, year=True, pad=True)})"]
    top = NAV + ["Tìm kiếm", f"Hôm nay: {WEEKDAY_NAMES[d.weekday()]}, {dm(d, year=True, pad=True)}", "Bạn đang ở: Trang chủ > Lịch công tác"]
    bottom = ["Tin mới", *news, "Lượt truy cập: 1.245.367", "Bản quyền © Cổng thông tin điện tử. Điện thoại: 0261.3544.233",
              "Ghi rõ nguồn khi phát hành lại thông tin từ website này."]
    return top, bottom


WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def text_portal(s: Schedule, rng: random.Random) -> Rendered:
    """A saved portal page as text: the prose schedule between menus, news teasers and a footer."""
    top, bottom = portal_around(s, rng)
    lines = top + [""] + prose_prefix(s, rng) + [""] + bottom
    return Rendered(".txt", "\n".join(lines).encode(), expected(s.items, True))


# --- HTML -----------------------------------------------------------------------------------------

CSS = ("body{font-family:'DejaVu Serif',serif;font-size:11pt} table{border-collapse:collapse;width:100%}"
       "td,th{border:1px solid #000;padding:3px;vertical-align:top}")


def _cell(text: str, tag: str = "td", **attrs) -> str:
    a = "".join(f' {k}="{v}"' for k, v in attrs.items() if v and v != 1)
    paras = "".join(f"<p>{html.escape(p) or '&nbsp;'}</p>" for p in text.split("\n")) if text else "<p>&nbsp;</p>"
    return f"<{tag}{a}>{paras}</{tag}>"


def page(title_lines: list[str], table: str, before: list[str] | None = None, after: list[str] | None = None) -> bytes:
    top = "".join(f"<li><a href='#'>{html.escape(x)}</a></li>" for x in before or [])
    bottom = "".join(f"<p>{html.escape(x)}</p>" for x in after or [])
    heads = "".join(f"<p style='text-align:center'><b>{html.escape(x)}</b></p>" for x in title_lines)
    nav = f"<nav><ul class='menu'>{top}</ul></nav>" if top else ""
    foot = f"<footer>{bottom}</footer>" if bottom else ""
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Lịch công tác</title><style>{CSS}</style>"
            f"</head><body>{nav}<main>{heads}{table}</main>{foot}</body></html>").encode()


@dataclass
class Column:
    header: str
    value: Callable[[Item], str]


def html_table(s: Schedule, rng: random.Random, columns: list[Column], *, day_header: str | None = "Ngày",
               day_style: str = "weekday_dm", spans: bool = False, session_col: str | None = None,
               header: bool = True, day_at: int = 0, top_header: str | None = None) -> str:
    """A table whose day cell spans its rows (rowspan), optionally a session cell spanning its block,
    the day column at `day_at`; `top_header` writes "THỜI GIAN" over the day and the next column."""
    head = ""
    if header:
        cells = [_cell(c.header, "th") for c in columns]
        if session_col:
            cells.insert(0, _cell(session_col, "th"))
        if top_header:
            cells[0] = _cell(top_header, "th", colspan=2)
        elif day_header is not None:
            cells.insert(day_at, _cell(day_header, "th"))
        head = "<tr>" + "".join(cells) + "</tr>"
    body = []
    for g in groups(s, spans, rng.randrange(3)):
        items = by_session(g.items)
        blocks: list[list[Item]] = []
        for item in items:
            if session_col and blocks and blocks[-1][0].session == item.session and item.session:
                blocks[-1].append(item)
            else:
                blocks.append([item])
        first = True
        for block in blocks:
            for k, item in enumerate(block):
                cells = [_cell(c.value(item)) for c in columns]
                if session_col and k == 0:
                    cells.insert(0, _cell(session_word(item.session), rowspan=len(block)))
                if first:
                    cells.insert(day_at, _cell(label_of(g, day_style, not s.weekly), rowspan=len(items)))
                    first = False
                body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table>{head}{''.join(body)}</table>"


def _standard_columns(s: Schedule, rng: random.Random, *, time: str | None = "Thời gian", content: str = "Nội dung",
                      leaders: str = "Chủ trì", units: str = "Đơn vị chuẩn bị", place: str = "Địa điểm",
                      session_in_time: bool = True, time_style: str = "colon", spans: bool = False) -> list[Column]:
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    style = rng.choice(["dc", "role"])
    cols = []
    if time:
        cols.append(Column(time, lambda i: time_cell(i, time_style, session_in_time)))
    cols.append(Column(content, lambda i: item_content(i, spans)))
    cols.append(Column(leaders, lambda i: officials_text(i.officials, style, ";\n")))
    if has_units:
        cols.append(Column(units, lambda i: units_text(i.units)))
    if has_loc:
        cols.append(Column(place, lambda i: i.location or ""))
    return cols


def item_content(item: Item, spans: bool) -> str:
    return content(item, session=None, time=None, spans=spans)


def html_rowspan(s: Schedule, rng: random.Random) -> Rendered:
    """Ngày (rowspan) | Thời gian | Nội dung | Chủ trì | Đơn vị chuẩn bị | Địa điểm (daksong)."""
    table = html_table(s, rng, _standard_columns(s, rng), day_style=rng.choice(["digit_paren", "weekday_dm", "date_first"]))
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, False))


def html_session_col(s: Schedule, rng: random.Random) -> Rendered:
    """Thứ, ngày | Buổi (rowspan per session) | Giờ | Nội dung công việc | Lãnh đạo chủ trì | …"""
    cols = _standard_columns(s, rng, time="Giờ", content="Nội dung công việc", leaders="Lãnh đạo chủ trì",
                             session_in_time=False, time_style="h")
    table = html_table(s, rng, cols, day_header="Thứ, ngày", day_style="digit_lines", session_col="Buổi")
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, False))


def html_reordered(s: Schedule, rng: random.Random) -> Rendered:
    """Content first, then leader, then the day cell (rowspan), then time, place, units."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    cols = [Column("Nội dung công việc", lambda i: item_content(i, False)),
            Column("Lãnh đạo", lambda i: officials_text(i.officials, "dc", ";\n")),
            Column("Thời gian", lambda i: time_cell(i, "h"))]
    if has_loc:
        cols.append(Column("Địa điểm", lambda i: i.location or ""))
    if has_units:
        cols.append(Column("Cơ quan chuẩn bị", lambda i: units_text(i.units)))
    table = html_table(s, rng, cols, day_header="Ngày", day_at=2, day_style="upper_full")
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, False))


def html_ngay_gio(s: Schedule, rng: random.Random) -> Rendered:
    """One "Ngày/giờ" cell per row holding the day and the time: "Thứ Hai 14/7\\n7h30 (Sáng)"."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    head = ["Ngày/giờ", "Nội dung", "Lãnh đạo chủ trì"] + (["Đơn vị chuẩn bị"] if has_units else []) + (["Địa điểm"] if has_loc else [])
    rows = ["<tr>" + "".join(_cell(h, "th") for h in head) + "</tr>"]
    for g in groups(s, False, 0):
        for item in g.items:
            when = "\n".join(filter(None, [label_of(g, "weekday_dm", not s.weekly), time_cell(item, "h")]))
            cells = [when, item_content(item, False), officials_text(item.officials, "dc", ";\n")]
            cells += [units_text(item.units)] if has_units else []
            cells += [item.location or ""] if has_loc else []
            rows.append("<tr>" + "".join(_cell(c) for c in cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(s.items, False))


def html_day_rows(s: Schedule, rng: random.Random) -> Rendered:
    """The day as a full-width row ("THỨ HAI, NGÀY 14/7/2025"), its items below: Giờ | Nội dung | …"""
    cols = _standard_columns(s, rng, time="Giờ", leaders="Lãnh đạo chủ trì", time_style="h")
    rows = ["<tr>" + "".join(_cell(c.header, "th") for c in cols) + "</tr>"]
    for g in groups(s, False, 0):
        rows.append(f"<tr>{_cell(label_of(g, 'upper_full', not s.weekly), colspan=len(cols))}</tr>")
        for item in by_session(g.items):
            rows.append("<tr>" + "".join(_cell(c.value(item)) for c in cols) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(s.items, False))


def html_noheader(s: Schedule, rng: random.Random) -> Rendered:
    """A day-rowspan table with no header row at all: roles only from what the cells hold."""
    table = html_table(s, rng, _standard_columns(s, rng), header=False, day_style="digit_paren")
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, False))


SYNONYMS = {
    "day": ["Ngày", "Thứ, ngày", "Ngày tháng", "NGÀY", "Thứ/Ngày"],
    "time": ["Thời gian", "Giờ", "Thời gian", "THỜI GIAN", "Buổi/Giờ"],
    "content": ["Nội dung", "Nội dung công việc", "Công việc", "NỘI DUNG", "Nội dung hoạt động"],
    "leaders": ["Chủ trì", "Lãnh đạo chủ trì", "Người chủ trì", "Lãnh đạo chủ trì, tham dự", "CHỦ TRÌ/THAM DỰ",
                "Lãnh đạo Sở"],
    "units": ["Đơn vị chuẩn bị", "Cơ quan chuẩn bị", "Đơn vị tham mưu", "ĐƠN VỊ CHUẨN BỊ"],
    "place": ["Địa điểm", "ĐỊA ĐIỂM", "Nơi tổ chức"],
}


def html_synonyms(s: Schedule, rng: random.Random) -> Rendered:
    """Header words drawn (seeded) from the synonyms offices use; sometimes "THỜI GIAN" over two cells."""
    pick = {k: rng.choice(v) for k, v in SYNONYMS.items()}
    cols = _standard_columns(s, rng, time=pick["time"], content=pick["content"], leaders=pick["leaders"],
                             units=pick["units"], place=pick["place"])
    over = rng.random() < 0.4
    table = html_table(s, rng, cols, day_header=pick["day"], day_style=rng.choice(["weekday_dm", "digit_paren", "short"]),
                       top_header="THỜI GIAN" if over else None)
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, False), notes=[f"headers {pick}, merged={over}"])


def html_lists(s: Schedule, rng: random.Random) -> Rendered:
    """One row per day (seed 001): the content cell a "<b>Sáng:</b>" paragraph and a <ul> of items;
    units and leaders one <p> per item where they differ."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    rows = ["<tr>" + "".join(_cell(h, "th") for h in ["Ngày", "Nội dung công việc"] + (["Đơn vị chuẩn bị"] if has_units else []) + ["Người chủ trì"]) + "</tr>"]
    ambiguous: dict[int, set[str]] = {}
    for g in groups(s, True, 0):
        items = by_session(g.items)
        parts, last = [], "?"
        for item in items:
            if item.session != last:
                if parts:
                    parts.append("</ul>")
                if item.session:
                    parts.append(f"<p><b>{session_word(item.session)}:</b></p>")
                parts.append("<ul>")
                last = item.session
            text = content(item, session=None, time="h", spans=True)
            if has_loc and item.location:
                text += f". Địa điểm: {item.location}"
            parts.append(f"<li>{html.escape(text)}</li>")
        parts.append("</ul>")
        cells = [_cell(label_of(g, "day", not s.weekly)), f"<td>{''.join(parts)}</td>"]
        for name, value in ([("units", lambda i: units_text(i.units))] if has_units else []) + [
                ("officials", lambda i: officials_text(i.officials, "dc", ", "))]:
            entries, unsure = side_entries(items, value)
            cells.append(_cell("\n".join(entries)))
            if unsure:
                for i in items:
                    ambiguous.setdefault(id(i), set()).add(name)
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(s.items, False, ambiguous))


def html_per_official(s: Schedule, rng: random.Random) -> Rendered:
    """A column per leader (the four commonest sets of officials) and one for the rest, whose
    leaders ride as "Chủ trì: …" in the item; rows are day × session."""
    heads = leader_heads(s)[:-1]
    cols = [officials_text(list(h), "dc", ", ") for h in heads] + ["Công việc khác"]
    rows = ["<tr>" + "".join(_cell(h, "th") for h in ["Ngày", "Buổi"] + cols) + "</tr>"]
    for g in groups(s, False, 0):
        blocks: dict[str | None, list[Item]] = {}
        for item in by_session(g.items):
            blocks.setdefault(item.session, []).append(item)
        for k, (session, items) in enumerate(blocks.items()):
            cells = [_cell(label_of(g, "weekday_dm", not s.weekly), rowspan=len(blocks))] if k == 0 else []
            cells.append(_cell(session_word(session)))
            for n, h in enumerate(heads + [None]):
                mine = [i for i in items if (tuple(i.officials) == h if h else tuple(i.officials) not in heads)]
                paras = []
                for i in mine:
                    paras.append(f"- {content(i, session=None, time='h', spans=False, units=True, location=True, officials=h is None)}")
                cells.append(_cell("\n".join(paras)))
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(s.items, True))


def week_grid(s: Schedule, blank_outside: bool = True) -> list[list[tuple[date | None, Group | None]]]:
    """The program's weeks as a grid's columns: Monday to Friday (to Sunday where any item falls on a
    weekend), each day with its group; a day outside the program keeps its column, without a date
    where `blank_outside`."""
    by_day = {date.fromisoformat(g.label): g for g in groups(s, False, 0)}
    width = 7 if any(d.weekday() > 4 for d in by_day) else 5
    first = s.start or date(s.year, s.month, 1)
    last = s.stop or max([*by_day, first])
    weeks: dict[tuple[int, int], list[tuple[date | None, Group | None]]] = {}
    for day in sorted(by_day):
        monday = day - timedelta(days=day.weekday())
        week = [monday + timedelta(days=k) for k in range(width)]
        weeks.setdefault(day.isocalendar()[:2], [(d if first <= d <= last or d in by_day or not blank_outside else None, by_day.get(d))
                                                   for d in week])
    return list(weeks.values())


def _day_head(d: date | None, style: str) -> str:
    return day_label(d, style, False) if d else ""


def html_days_across(s: Schedule, rng: random.Random) -> Rendered:
    """Days across the top, a row per session (a school's or a district's week grid): "Buổi | Thứ Hai
    12/5 | Thứ Ba 13/5 …", a header row per week of a month; items without a session in an unlabelled row
    of their own; leaders, units and places ride in the item. The dates may sit in a header row of their own."""
    style = rng.choice(["weekday_dm", "digit_paren", "date_row"])
    corner = rng.choice(["Buổi", "Thứ/Buổi", ""])
    rows: list[str] = []
    order: dict[int, int] = {}
    for week in week_grid(s):
        days = [d for d, _ in week]
        if style == "date_row":
            rows.append("<tr>" + _cell(corner, "th") + "".join(_cell(WEEKDAYS[d.weekday()] if d else "", "th") for d in days) + "</tr>")
            rows.append("<tr>" + _cell("") + "".join(_cell(dm(d, year=True) if d else "", "th") for d in days) + "</tr>")
        else:
            rows.append("<tr>" + _cell(corner, "th") + "".join(_cell(_day_head(d, style), "th") for d in days) + "</tr>")
        sessions = list(dict.fromkeys(i.session for _, g in week if g for i in by_session(g.items)))
        for session in sorted(sessions, key=lambda x: x is not None):
            cells = [_cell(session_word(session))]
            for _, g in week:
                mine = [i for i in (g.items if g else []) if i.session == session]
                order.update((id(i), len(rows)) for i in mine)
                cells.append(_cell("\n".join(f"- {content(i, session=None, time='h', spans=False, units=True, location=True, officials=True)}"
                                             for i in mine)))
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(grid_order(s, order), True))


def grid_order(s: Schedule, row_of: dict[int, int]) -> list[Item]:
    """A grid's items as it is read: day by day, then row by row (a clerk copying it writes them so)."""
    return sorted(s.items, key=lambda i: (i.day, row_of[id(i)]))


def leader_heads(s: Schedule) -> list[tuple | None]:
    """The four commonest sets of officials, then None for the rest ("Công việc khác")."""
    counts: dict[tuple, int] = {}
    for i in s.items:
        if i.officials:
            counts[tuple(i.officials)] = counts.get(tuple(i.officials), 0) + 1
    return [*sorted(counts, key=lambda k: -counts[k])[:4], None]


def html_days_across_leaders(s: Schedule, rng: random.Random) -> Rendered:
    """Days across the top, a block of rows per leader (the four commonest sets of officials, then
    "Công việc khác" whose leaders ride in the item), a row per session within it: "Lãnh đạo | Buổi |
    Thứ Hai 12/5 | …", the leader's cell spanning its rows; a header row per week of a month."""
    heads = leader_heads(s)
    style = rng.choice(["weekday_dm", "digit_paren"])
    rows: list[str] = []
    order: dict[int, int] = {}
    for week in week_grid(s):
        rows.append("<tr>" + _cell("Lãnh đạo", "th") + _cell("Buổi", "th")
                    + "".join(_cell(_day_head(d, style), "th") for d, _ in week) + "</tr>")
        for h in heads:
            mine = [[i for i in (g.items if g else []) if (tuple(i.officials) == h if h else tuple(i.officials) not in heads)]
                    for _, g in week]
            sessions = sorted(dict.fromkeys(i.session for items in mine for i in items), key=lambda x: x is not None)
            for k, session in enumerate(sessions):
                cells = [_cell(officials_text(list(h), "dc", ", ") if h else "Công việc khác", rowspan=len(sessions))] if k == 0 else []
                cells.append(_cell(session_word(session)))
                for items in mine:
                    cells.append(_cell("\n".join(f"- {content(i, session=None, time='h', spans=False, units=True, location=True, officials=h is None)}"
                                                 for i in items if i.session == session)))
                    order.update((id(i), len(rows)) for i in items if i.session == session)
                rows.append("<tr>" + "".join(cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(grid_order(s, order), True))


def docx_days_across(s: Schedule, rng: random.Random) -> Rendered:
    """A Word grid of the week: "Lãnh đạo | Buổi | Thứ 2 (12/5/2025) | …", a block of rows per leader (the
    four commonest sets of officials, then "Công việc khác" whose leaders ride in the item), its cell
    merged down its session rows; a week's header repeats on each page, a month's weeks each head their rows."""
    heads = leader_heads(s)
    weeks = week_grid(s)
    width = len(weeks[0])
    header = [("Lãnh đạo", 1), ("Buổi", 1)]
    rows: list[dict] = []
    order: dict[int, int] = {}
    for week in weeks:
        days = ["" if d is None else day_label(d, "digit_paren", False) for d, _ in week]
        if len(weeks) == 1:
            header += [(d, 1) for d in days]
        else:
            rows.append({"cells": ["Lãnh đạo", "Buổi", *days]})
        for h in heads:
            mine = [[i for i in (g.items if g else []) if (tuple(i.officials) == h if h else tuple(i.officials) not in heads)]
                    for _, g in week]
            sessions = sorted(dict.fromkeys(i.session for items in mine for i in items), key=lambda x: x is not None)
            for k, session in enumerate(sessions):
                leader = (officials_text(list(h), "dc", ",\n") if h else "Công việc khác") if k == 0 else None
                cells = [leader, session_word(session)]
                cells += ["\n".join(f"- {content(i, session=None, time='h', spans=False, units=True, location=True, officials=h is None)}"
                                    for i in items if i.session == session) for items in mine]
                order.update((id(i), len(rows)) for items in mine for i in items if i.session == session)
                rows.append({"cells": cells, "merge_down": {0: len(sessions) - 1} if k == 0 and len(sessions) > 1 else {}})
    widths = [2.8, 1.6] + [round(20.0 / width, 2)] * width
    return Rendered(".docx", _docx(s, rng, [header] if len(weeks) == 1 else [], rows, widths, landscape=True),
                    expected(grid_order(s, order), True))


def html_days_sessions_across(s: Schedule, rng: random.Random) -> Rendered:
    """Days across the top, each over its sessions' columns ("Thứ Hai 12/5" over "Sáng | Chiều"), a row
    per leader (the four commonest sets of officials, then "Công việc khác" whose leaders ride in the item)."""
    heads = leader_heads(s)
    rows: list[str] = []
    order: dict[int, int] = {}
    order_of = {None: 0, "morning": 1, "afternoon": 2, "evening": 3, "all_day": 4}
    for week in week_grid(s, blank_outside=False):
        sessions = sorted({i.session for _, g in week if g for i in g.items}, key=lambda x: order_of[x])
        days = "".join(_cell(_day_head(d, "weekday_dm"), "th", colspan=len(sessions)) for d, _ in week)
        rows.append("<tr>" + _cell("Lãnh đạo", "th", rowspan=2) + days + "</tr>")
        rows.append("<tr>" + "".join(_cell(session_word(x), "th") for _ in week for x in sessions) + "</tr>")
        for h in heads:
            cells = [_cell(officials_text(list(h), "dc", ", ") if h else "Công việc khác")]
            for n, (_, g) in enumerate(week):
                for k, x in enumerate(sessions):
                    mine = [i for i in (g.items if g else []) if i.session == x
                            and (tuple(i.officials) == h if h else tuple(i.officials) not in heads)]
                    order.update((id(i), (n * len(sessions) + k) * 1000 + len(rows)) for i in mine)
                    cells.append(_cell("\n".join(f"- {content(i, session=None, time='h', spans=False, units=True, location=True, officials=h is None)}"
                                                 for i in mine)))
            rows.append("<tr>" + "".join(cells) + "</tr>")
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), expected(grid_order(s, order), True))


ACTOR_HEAD_RE = re.compile(r"^(?:đ/c|đồng chí|thường trực|ban |lãnh đạo|chủ tịch|phó |bí thư|giám đốc|các )", re.IGNORECASE)
VERB_HEADS = {"dự", "họp", "làm", "tiếp", "kiểm", "đi", "thăm", "chủ", "giám", "khảo", "gặp", "trao", "tặng", "nghe", "duyệt"}


def subject_title(item: Item) -> str | None:
    """The item as a district's grid writes it when its leaders are people: they open the sentence
    ("Đ/c Lạc và đ/c Hùng dự Hội nghị …", "Đ/c Lạc họp …"); None where a title already opens with
    who acts or an official is a group (written as a "Chủ trì:" note instead)."""
    names = item.officials
    if not names or not all(is_person(n) for n in names) or ACTOR_HEAD_RE.match(item.title):
        return None
    who = " và ".join(f"{'Đ/c' if k == 0 else 'đ/c'} {n}" for k, n in enumerate(names))
    first = item.title.split()[0].lower() if item.title.split() else ""
    return f"{who} {item.title[0].lower() + item.title[1:]}" if first in VERB_HEADS else f"{who} dự {item.title}"


def html_session_cols(s: Schedule, rng: random.Random) -> Rendered:
    """Days down, a column per session ("Thứ, ngày | Buổi sáng | Buổi chiều"), each cell a list of
    "- 7h30: …" items whose leaders open the sentence ("Đ/c Lạc dự …"); units and places ride in the
    item. An item the office gave no session sits in the morning column unless its clock says
    afternoon, and the column then says its session; an all-day item says "Cả ngày:" itself, and a holiday
    is the whole day whatever its column."""
    columns = ["morning", "afternoon"] + (["evening"] if any(i.session == "evening" for i in s.items) else [])
    heads = rng.choice([("Thứ, ngày", "Buổi sáng", "Buổi chiều", "Buổi tối"), ("Ngày", "Sáng", "Chiều", "Tối")])
    style = rng.choice(["weekday_dm", "digit_lines", "full"])
    rows = ["<tr>" + "".join(_cell(h, "th") for h in heads[: len(columns) + 1]) + "</tr>"]
    shown: list[tuple[Item, str, str]] = []  # (item, its column, its title as written)
    for g in groups(s, False, 0):
        cells = {c: [] for c in columns}
        for item in by_session(g.items):
            column = item.session if item.session in columns else "afternoon" if (item.time or "") >= "12:00" else "morning"
            title = subject_title(item)
            written = replace(item, title=title) if title else item
            text = content(written, session=None, time="h", spans=False, units=True, location=True, officials=title is None)
            cells[column].append(f"- {'Cả ngày: ' if item.session == 'all_day' else ''}{text}")
            shown.append((item, column, written.title))
        rows.append("<tr>" + _cell(label_of(g, style, False)) + "".join(_cell("\n".join(cells[c])) for c in columns) + "</tr>")
    gold = []
    for item, column, title in shown:
        e = item.expected(title.rstrip(" .;") + units_note(item))
        if e.get("kind") != "holiday" and item.session != "all_day":  # a holiday is a whole day, whatever its column
            e["session"] = column
        gold.append(e)
    return Rendered(".html", page(heading(s, rng), f"<table>{''.join(rows)}</table>"), gold)


def html_day_tables(s: Schedule, rng: random.Random) -> Rendered:
    """A table per day, each under its day's heading ("THỨ HAI, NGÀY 12/5/2025"), every table with its
    own header row: "Thời gian | Nội dung | Chủ trì | …"."""
    cols = _standard_columns(s, rng)
    style = rng.choice(["upper_full", "full"])
    parts = []
    for g in groups(s, False, 0):
        head = "<tr>" + "".join(_cell(c.header, "th") for c in cols) + "</tr>"
        body = "".join("<tr>" + "".join(_cell(c.value(i)) for c in cols) + "</tr>" for i in by_session(g.items))
        parts.append(f"<h4>{html.escape(label_of(g, style, False))}</h4><table>{head}{body}</table>")
    return Rendered(".html", page(heading(s, rng), "".join(parts)), expected(s.items, False))


def docx_day_tables(s: Schedule, rng: random.Random) -> Rendered:
    """A Word file of a table per day, each under its day's heading in bold ("Thứ Hai, ngày 12/5/2025")."""
    import docx
    from docx.shared import Pt

    cols = _standard_columns(s, rng)
    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10)
    for line in heading(s, rng):
        doc.add_paragraph(line).alignment = 1
    for g in groups(s, False, 0):
        doc.add_paragraph().add_run(label_of(g, "full", False)).bold = True
        items = by_session(g.items)
        table = doc.add_table(rows=len(items) + 1, cols=len(cols))
        table.style = "Table Grid"
        for cell, c in zip(table.rows[0].cells, cols, strict=True):
            cell.text = c.header
        for row, item in zip(table.rows[1:], items, strict=True):
            for cell, c in zip(row.cells, cols, strict=True):
                paras = c.value(item).split("\n")
                cell.paragraphs[0].text = paras[0]
                for p in paras[1:]:
                    cell.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return Rendered(".docx", buf.getvalue(), expected(s.items, False))


def html_portal(s: Schedule, rng: random.Random) -> Rendered:
    """The day-rowspan table inside a portal page: menus, a date bar, news teasers, cited documents, footer."""
    top, bottom = portal_around(s, rng)
    table = html_table(s, rng, _standard_columns(s, rng), day_style="digit_paren")
    return Rendered(".html", page(heading(s, rng), table, before=top, after=bottom), expected(s.items, False))


PLATES = ["48A.0225", "48A.00242", "48A-038.79", "36A-012.34", ""]


def html_driver(s: Schedule, rng: random.Random) -> Rendered:
    """daknong-snv: THỜI GIAN over two cells | NỘI DUNG | CHỦ TRÌ/THAM DỰ | LÁI XE | ĐỊA ĐIỂM, span rows
    ("Từ 24 đến 28/6/2019") outside the day's rowspan, a driver column of licence plates."""
    def when(i: Item) -> str:
        return time_cell(i, "colon") or (f"{(i.end - i.day).days + 1:02d} ngày" if i.end else "")

    cols = [Column("", when),
            Column("NỘI DUNG", lambda i: content(i, session=None, time=None, spans=True, units=True)),
            Column("CHỦ TRÌ/ THAM DỰ", lambda i: officials_text(i.officials, "dc", ";\n")),
            Column("LÁI XE", lambda i: rng.choice(PLATES)),
            Column("ĐỊA ĐIỂM", lambda i: i.location or "")]
    table = html_table(s, rng, cols, spans=True, day_style="digit_paren", top_header="THỜI GIAN")
    return Rendered(".html", page(heading(s, rng), table), expected(s.items, True))


# --- Word --------------------------------------------------------------------------------------------

def _docx(s: Schedule, rng: random.Random, header_rows: list[list[tuple[str, int]]], rows: list[dict],
          widths: list[float], landscape: bool = False) -> bytes:
    """A Word file: heading paragraphs, then a ruled table whose header rows repeat on each page.
    `rows` are {"cells": [text…], "merge_down": {col: n}}: a cell merged over the next n rows."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = docx.Document()
    if landscape:  # a week's grid of seven days is printed across the page
        section = doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Serif"
    style.font.size = Pt(10)
    for line in heading(s, rng):
        doc.add_paragraph(line).alignment = 1
    ncols = len(widths)
    table = doc.add_table(rows=len(header_rows) + len(rows), cols=ncols)
    table.style = "Table Grid"
    for r, hrow in enumerate(header_rows):
        tr = table.rows[r]._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        tr.append(flag)
        c = 0
        for text, span in hrow:
            cell = table.cell(r, c)
            if span > 1:
                cell = cell.merge(table.cell(r, c + span - 1))
            cell.text = text
            c += span
    base = len(header_rows)
    flat = table._cells  # table.cell() and row.cells rebuild this whole grid on every call
    grid = [flat[(base + r) * ncols:(base + r + 1) * ncols] for r in range(len(rows))]
    for line in grid:
        for cell, w in zip(line, widths):
            cell.width = Cm(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row["cells"]):
            if text is None:
                continue
            cell = grid[r][c]
            down = row.get("merge_down", {}).get(c, 0)
            if down:
                cell = cell.merge(grid[r + down][c])
            paras = text.split("\n")
            cell.paragraphs[0].text = paras[0]
            for p in paras[1:]:
                cell.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def docx_merged(s: Schedule, rng: random.Random) -> Rendered:
    """Ngày (merged down) | Buổi (merged per session) | Nội dung | Đơn vị chuẩn bị | Chủ trì | Địa điểm."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    head = ["Ngày", "Buổi", "Nội dung công việc"] + (["Đơn vị chuẩn bị"] if has_units else []) + ["Chủ trì"] + (["Địa điểm"] if has_loc else [])
    rows = []
    for g in groups(s, True, 0):
        items = by_session(g.items)
        for k, item in enumerate(items):
            block_start = k == 0 or items[k - 1].session != item.session or not item.session
            block_len = 1
            if block_start and item.session:
                while k + block_len < len(items) and items[k + block_len].session == item.session:
                    block_len += 1
            cells = [label_of(g, "digit_paren", not s.weekly) if k == 0 else None,
                     session_word(item.session) if block_start else None,
                     content(item, session=None, time="h", spans=True)]
            cells += [units_text(item.units)] if has_units else []
            cells += [officials_text(item.officials, "role", "\n")]
            cells += [item.location or ""] if has_loc else []
            merge = {}
            if k == 0 and len(items) > 1:
                merge[0] = len(items) - 1
            if block_start and block_len > 1:
                merge[1] = block_len - 1
            rows.append({"cells": cells, "merge_down": merge})
    widths = [2.2, 1.6, 7.0] + ([2.6] if has_units else []) + [2.8] + ([2.6] if has_loc else [])
    return Rendered(".docx", _docx(s, rng, [[(h, 1) for h in head]], rows, widths), expected(s.items, False))


def docx_two_leaders(s: Schedule, rng: random.Random) -> Rendered:
    """THỜI GIAN (two merged cells) | NỘI DUNG | CHỦ TRÌ | THAM DỰ | LÁI XE | ĐỊA ĐIỂM; span rows with a day
    count ("03 ngày"); the first official chairs, the others attend; units as "(… chuẩn bị)"."""
    has_loc = any(i.location for i in s.items)
    head = [("THỜI GIAN", 2), ("NỘI DUNG", 1), ("CHỦ TRÌ", 1), ("THAM DỰ", 1), ("LÁI XE", 1)] + ([("ĐỊA ĐIỂM", 1)] if has_loc else [])
    rows = []
    for g in groups(s, True, rng.randrange(3)):
        items = by_session(g.items)
        for k, item in enumerate(items):
            when = time_cell(item, "colon")
            if item.end and not when:
                when = f"{(item.end - item.day).days + 1:02d} ngày"
            plate = rng.choice(PLATES)
            cells = [label_of(g, "digit_paren", not s.weekly) if k == 0 else None, when,
                     content(item, session=None, time=None, spans=True, units=True),
                     official(item.officials[0], "dc") if item.officials else "",
                     officials_text(item.officials[1:], "dc", ";\n"),
                     f"Lái xe: Anh {rng.choice(['Hùng', 'Sơn', 'Tâm'])}\n{plate}" if plate else ""]
            cells += [item.location or ""] if has_loc else []
            rows.append({"cells": cells, "merge_down": {0: len(items) - 1} if k == 0 and len(items) > 1 else {}})
    widths = [2.2, 1.6, 6.4, 2.6, 2.6, 2.2] + ([2.6] if has_loc else [])
    return Rendered(".docx", _docx(s, rng, [head], rows, widths), expected(s.items, True))


def docx_day_cells(s: Schedule, rng: random.Random) -> Rendered:
    """One row per day (seed 000 as Word): "Sáng: …" and "- …" paragraphs; units and leaders one
    paragraph per item where they differ."""
    has_units = any(i.units for i in s.items)
    has_loc = any(i.location for i in s.items)
    head = ["Ngày", "Nội dung công việc"] + (["Đơn vị chuẩn bị"] if has_units else []) + ["Người chủ trì"]
    rows, ambiguous = [], {}
    for g in groups(s, True, 0):
        items = by_session(g.items)
        body, last = [], "?"
        for item in items:
            text = content(item, session=None, time="h", spans=True)
            if has_loc and item.location:
                text += f". Địa điểm: {item.location}"
            body.append(f"{session_word(item.session)}: {text}" if item.session and item.session != last else f"- {text}")
            last = item.session
        cells = [label_of(g, "day", not s.weekly), "\n".join(body)]
        for name, value in ([("units", lambda i: units_text(i.units))] if has_units else []) + [
                ("officials", lambda i: officials_text(i.officials, "role", ", "))]:
            entries, unsure = side_entries(items, value)
            cells.append("\n".join(entries))
            if unsure:
                for i in items:
                    ambiguous.setdefault(id(i), set()).add(name)
        rows.append({"cells": cells})
    widths = [1.6, 9.0] + ([3.0] if has_units else []) + [3.4]
    return Rendered(".docx", _docx(s, rng, [[(h, 1) for h in head]], rows, widths), expected(s.items, False, ambiguous))


def _fixed_widths(data: bytes) -> bytes:
    """The table's columns as wide as its cells say, as Word lays them out (LibreOffice otherwise
    fits the columns to the page evenly)."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Emu

    doc = docx.Document(io.BytesIO(data))
    table = doc.tables[0]
    table.autofit = False
    widths = [cell.width for cell in table.rows[-1].cells]
    if widths[0] and widths[1]:  # a day cell wide enough for "Thứ Hai, ngày 15/6/2026" to break only between words
        grow = max(0, Cm(2.8) - widths[0])
        widths[0], widths[1] = Cm(2.8) if grow else widths[0], Emu(widths[1] - grow)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        if width:
            col.set(qn("w:w"), str(width.twips))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf(make: Callable[[Schedule, random.Random], Rendered], tool: str) -> Callable[[Schedule, random.Random], Rendered]:
    def layout(s: Schedule, rng: random.Random) -> Rendered:
        r = make(s, rng)
        r.convert = tool
        return r
    layout.__doc__ = f"{make.__doc__} Printed to PDF by {tool}."
    layout.tool = tool
    return layout


def _layer(make: Callable[[Schedule, random.Random], Rendered]) -> Callable[[Schedule, random.Random], Rendered]:
    def layout(s: Schedule, rng: random.Random) -> Rendered:
        r = make(s, rng)
        r.layer, r.data = True, _fixed_widths(r.data)
        return r
    layout.__doc__ = f"{make.__doc__} Its text layer, as a PDF viewer copies it: each line ends with a space and a blank line."
    layout.tool = make.tool  # type: ignore[attr-defined]
    return layout


LAYOUTS: dict[str, Callable[[Schedule, random.Random], Rendered]] = {
    "tab_rows": tab_rows,
    "tab_cells": tab_cells,
    "tab_furniture": tab_furniture,
    "pipe_outer": pipe_outer,
    "pipe_outer_nohead": pipe_outer_noheader,
    "pipe_inner": pipe_inner,
    "pipe_inner_nohead": pipe_inner_noheader,
    "pipe_short_rows": pipe_short_rows,
    "pipe_furniture": pipe_furniture,
    "cell_per_para": cells_per_paragraph,
    "prose_headings": _text(prose_headings),
    "prose_prefix": _text(prose_prefix),
    "numbered_sub": _text(numbered_sublines),
    "inline_labels": _text(inline_labels),
    "prose_wrapped": _wrapped(prose_headings),
    "numbered_wrapped": _wrapped(numbered_sublines),
    "inline_wrapped": _wrapped(inline_labels),
    "text_portal": text_portal,
    "html_rowspan": html_rowspan,
    "html_session_col": html_session_col,
    "html_reordered": html_reordered,
    "html_ngay_gio": html_ngay_gio,
    "html_day_rows": html_day_rows,
    "html_noheader": html_noheader,
    "html_synonyms": html_synonyms,
    "html_lists": html_lists,
    "html_per_official": html_per_official,
    "html_days_across": html_days_across,
    "html_days_across_leaders": html_days_across_leaders,
    "html_days_sessions_across": html_days_sessions_across,
    "html_day_tables": html_day_tables,
    "html_session_cols": html_session_cols,
    "html_portal": html_portal,
    "html_driver": html_driver,
    "docx_merged": docx_merged,
    "docx_two_leaders": docx_two_leaders,
    "docx_day_cells": docx_day_cells,
    "docx_days_across": docx_days_across,
    "docx_day_tables": docx_day_tables,
    "pdf_lo_merged": _pdf(docx_merged, "soffice"),
    "pdf_lo_two_leaders": _pdf(docx_two_leaders, "soffice"),
    "pdf_chrome_rowspan": _pdf(html_rowspan, "chromium"),
    "pdf_chrome_session": _pdf(html_session_col, "chromium"),
    "pdf_lo_days_across": _pdf(docx_days_across, "soffice"),
    "pdf_chrome_days_across": _pdf(html_days_across, "chromium"),
    "pdf_chrome_session_cols": _pdf(html_session_cols, "chromium"),
    "pdf_lo_day_tables": _pdf(docx_day_tables, "soffice"),
    "pdf_chrome_day_tables": _pdf(html_day_tables, "chromium"),
    "pdf_layer_day_cells": _layer(_pdf(docx_day_cells, "soffice")),
}


def render(name: str, s: Schedule) -> Rendered:
    """Layout `name` of schedule `s`; seeded by both names, so a run is repeatable."""
    return LAYOUTS[name](s, random.Random(f"{name}:{s.name}"))
