"""Splitting a flattened row (a PDF text layer) back into its content cell and side columns.

The layer gives a row as one run of lines: the content cell's wrapped lines, then each side
column's. Where the content ends is read from the lines themselves (a new item starts with a
bullet or a session word, a wrapped line continues a long or unfinished one), and where the
reading is open, from the counts: the split that gives each side column as many entries as
there are items wins. A row broken across pages repeats the pattern; each part is a segment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lichsync.parse import align, items, vocab
from lichsync.parse.rows import GAP, LEADERS, LINE, Piece


@dataclass
class Segment:
    paragraphs: list[tuple[str, int, int | None]]  # (text, line, position)
    sides: dict[str, list[Piece]] = field(default_factory=dict)


@dataclass
class _Line:
    text: str
    line: int
    pos: int
    gap_before: bool
    forced: bool = False  # must continue the line above (lowercase start, unfinished line above)
    starts_item: bool = False  # surely opens an item: a bullet, a session word
    opens: bool = False  # opens a paragraph unless the counts say the side columns start here
    wide: bool = False  # wider than a side column can be: only content


def _words(text: str) -> int:
    return len(text.split())


def _is_bullet(text: str) -> bool:
    return bool(re.match(r"^[-–•+]\s*\S", text))


def _content_like_bullet(text: str) -> bool:
    """A bullet that opens a content item rather than a side-column entry ("- Các cơ")."""
    body = vocab.BULLET_RE.sub("", text, count=1)
    return bool(vocab.SESSION_RE.match(body)) or _words(body) >= 5 or body.rstrip().endswith(".")


def _starts_item(text: str) -> bool:
    body = vocab.BULLET_RE.sub("", text, count=1) if _is_bullet(text) else text
    if vocab.SESSION_RE.match(body):
        return True
    return _is_bullet(text) and _content_like_bullet(text)


def _in_brackets(content: list[_Line]) -> bool:
    """The item so far leaves a bracket open ("… (Phòng Tuyên truyền" / "- Báo chí - Xuất bản chuẩn bị)"): no item starts inside it."""
    text = _item_so_far(content)
    return text.count("(") > text.count(")")


def _is_field(text: str) -> bool:
    """A line holding "Địa điểm: …" or "Thành phần: …": an item's field, never a side column's entry."""
    return any(m.group("place") or m.group("participants") for m in vocab.FIELD_LABEL_RE.finditer(text))


NUMBER_START_RE = re.compile(r"^\d+(?:[/.]\d+)*(?=[\s,.;)]|$)(?!\s*(?:giờ|h\b))")


def _number_goes_on(prev: str, text: str) -> bool:
    """ "tháng" / "9/2026": a line opening with a number (not a clock time) goes on with an unfinished line."""
    return bool(NUMBER_START_RE.match(text)) and not prev.endswith(".")


def _item_so_far(content: list[_Line]) -> str:
    """The last item's lines so far, joined: what they leave open (a bracket, a quote, "… tháng đầu" /
    "năm", a place's label a line above its name) shows across its wraps."""
    start = max((k for k, ln in enumerate(content) if ln.starts_item or ln.opens), default=0)
    return " ".join(ln.text for ln in content[start:])


def _wide(text: str, width: int) -> bool:
    """A line nearly as wide as the content column, holding no leader after other words: no side
    column is that wide, and a unit and a leader run together ("Văn phòng Đ/c Lạc - GĐ Sở") name one."""
    return len(text) >= 0.8 * width and not vocab.LEADER_INLINE_RE.search(text)


def _bare_session(text: str) -> bool:
    outer, session, inner, body = items.split_head(text)
    return session is not None and not body


def split_flow(pieces: list[Piece], sides: list[str], width: int, overflow: int | None = None) -> list[Segment]:
    """Segments of a flattened row: content paragraphs and the pieces of each side column. A line
    longer than `overflow` characters ran into a side column (see overflow_width)."""
    segments: list[tuple[list[_Line], list[_Line]]] = []
    content: list[_Line] = []
    tail: list[_Line] = []
    gap = run_on = False  # run_on: the tail holds only side cells run onto the content's line
    pos = 0
    for piece, side_start in _split_run_ons(pieces, width, overflow):
        if not piece.text:
            gap = True
            pos += 1
            continue
        line = _Line(piece.text.strip(), piece.line, pos, gap, wide=_wide(piece.text.strip(), width))
        gap = False
        pos += 1
        if side_start and content and not tail:
            tail.append(line)
            run_on = True
            continue
        if run_on and line.text[0].islower():  # "8-9 Hội nghị … Văn phòng Sở Đ/c An" / "sửa đổi cho …"
            line.forced = True
            content.append(line)
            continue
        run_on = False
        if tail:
            if _starts_item(line.text) and (not _is_bullet(line.text) or not _bulleted(tail) or _content_like_bullet(line.text)):
                segments.append((content, tail))
                content, tail = [], []
                line.pos, pos = 0, 1
                line.starts_item = True
                content.append(line)
            else:
                tail.append(line)
            continue
        if not content:
            line.starts_item = True
            content.append(line)
            continue
        prev = content[-1]
        if _starts_item(line.text) and not items.range_goes_on(prev.text, line.text) and not _in_brackets(content):
            line.starts_item = True
            content.append(line)
        elif _bare_session(prev.text) and not line.gap_before:
            line.opens = True
            content.append(line)
        elif not line.gap_before and (line.text[0].islower() or _number_goes_on(prev.text, line.text)
                                      or ((vocab.ends_with_connector(_item_so_far(content)) or items.awaits_value(_item_so_far(content)))
                                          and not _leader_after_place(prev.text, line.text))
                                      or _is_field(line.text)):
            line.forced = True
            content.append(line)
        elif not line.gap_before and _wraps(prev.text, line.text, width, _item_so_far(content)):
            content.append(line)
        else:
            tail.append(line)
    segments.append((content, tail))
    return [_settle(c, t, sides) for c, t in segments if c or t]


def join_page_cuts(pages: list[list[Segment]]) -> list[Segment]:
    """A row's segments, page by page, with the row a page cut made whole again. The page's first
    segment is the rest of the cut row's cells when its first line goes on with the item above (in
    lowercase, after an unfinished line: "… sửa đổi bổ" / "sung Nghị quyết …"), or when a side column
    above holds more entries than the items above (the page wrote a side cell ahead of its items): then
    each column goes on below, its entries lined up with all the row's items. Where the page above held
    no side entries, the items and entries below are all one segment with it."""
    out: list[Segment] = []
    for segments in pages:
        for k, seg in enumerate(segments):
            above = out[-1] if out else None
            cut = k == 0 and above is not None and bool(above.paragraphs)
            if above is None or not (cut or not seg.paragraphs or not any(above.sides.values())):
                out.append(seg)
                continue
            if cut and seg.paragraphs and _goes_on(above.paragraphs, seg.paragraphs[0][0]):
                text, line, pos = above.paragraphs[-1]
                above.paragraphs[-1] = (f"{text} {seg.paragraphs[0][0]}", line, pos)
                seg = Segment(seg.paragraphs[1:], seg.sides)
            elif seg.paragraphs and any(above.sides.values()) and not (cut and _ahead(above)):
                out.append(seg)  # a row of its own at the top of the page
                continue
            above.paragraphs += seg.paragraphs
            for role, pieces in seg.sides.items():
                above.sides.setdefault(role, []).extend(pieces)
    return out


def _ahead(seg: Segment) -> bool:
    """A side column holding more entries than the segment's items: the rest of its items are on the next page."""
    return any(len(align.segment(pieces)) > len(seg.paragraphs) for pieces in seg.sides.values())


def _goes_on(above: list[tuple[str, int, int | None]], text: str) -> bool:
    """The first paragraph on a new page continues the last item above: it reads as the rest of a sentence,
    or it opens no item where every item above opens with its session or bullet ("Sáng: 8h00: Kiểm tra
    công tác chuẩn bị" / "Ngày hội Đại đoàn kết …")."""
    return _continues(above[-1][0], text) or (not _starts_item(text) and all(_starts_item(p[0]) for p in above))


def _continues(above: str, text: str) -> bool:
    """ "… sửa đổi bổ" / "sung …", "… Ngày sinh đồng chí" / "Trần Phú …": the page cut a sentence."""
    return text[:1].islower() or bool(vocab.ends_with_connector(above) or align.AWAITS_NAME_RE.search(above))


RUN_ON_RE = re.compile(r"^(?P<item>.*\S\.)\s+(?P<side>\S.*)$")


def _split_run_ons(pieces: list[Piece], width: int, overflow: int | None) -> list[tuple[Piece, bool]]:
    """Split a line where the layer ran the side columns into the content: "… nhân dân tỉnh. VP Đoàn"
    (a finished sentence, then a unit or leader that the next line does not continue in lowercase), or
    "… Tổ công tác Đề án 06 Văn phòng Đ/c Lạc - GĐ Sở" (a row on one line: item, unit, leader), or a
    line wider than the content column ("Sáng: Họp Ban Chấp hành Đảng bộ Sở Văn phòng")."""
    out: list[tuple[Piece, bool]] = []
    for k, piece in enumerate(pieces):
        text = piece.text.strip()
        m = RUN_ON_RE.match(text)
        cut: int | None
        following = next((p.text.strip() for p in pieces[k + 1 :] if p.text.strip()), "")
        if m and len(m.group("side").split()) <= 6 and not following[:1].islower() and (
            vocab.UNIT_HEAD_RE.match(m.group("side")) or vocab.LEADER_START_RE.match(m.group("side"))
        ):
            cut = m.start("side")
        else:
            cut = _row_on_one_line(text) if k == 0 else None
            if cut is None and overflow and len(text) > overflow:
                cut = _overflow_cut(text, overflow)
        if cut:
            out.append((Piece(text[:cut].strip(), piece.line, piece.sep, piece.pos), False))
            out.append((Piece(text[cut:].strip(), piece.line, piece.sep, piece.pos), True))
        else:
            out.append((piece, False))
    return out


def _row_on_one_line(text: str) -> int | None:
    """Where the side cells start in a row's first line when it holds the whole row: before the unit that
    ends the item's words ("… Chính phủ. Văn phòng Sở"), or before the leader that closes the line
    ("Đ/c Hoàn - PCT"; "Lãnh đạo Sở" only after a unit or a finished sentence)."""
    lead = next((m for m in vocab.LEADER_INLINE_RE.finditer(text)
                 if len(text[m.end():].split()) <= (8 if text[m.end():].startswith("Đ/c") else 4)), None)
    if lead is None:
        return None
    words = text[: lead.start()].split()
    if len(words) < 2 or vocab.ends_with_connector(words[-1]):
        return None
    for k in range(max(len(words) - 4, 1), len(words)):
        if _unit_starts(words, k):
            return len(" ".join(words[:k]))
    return lead.start() if text[lead.end():].startswith("Đ/c") or words[-1].endswith(".") else None


ACRONYMS_RE = re.compile(r"^[A-ZĐ]{2,}(?:[-&][A-ZĐ]+)*(?:\s*[,;+]\s*[A-ZĐ]{2,}(?:[-&][A-ZĐ]+)*)*$")  # "BTXH, VP": a units entry


def overflow_width(flows: list[list[Piece]]) -> int | None:
    """How long a content line can be: the lines a lowercase line continues are surely full content
    lines; one clearly longer than them (a proportional font allows some play) holds a side cell too."""
    full = sorted(len(a.text) for flow in flows for a, b in zip(flow, flow[1:], strict=False)
                  if a.text and b.text[:1].islower())
    if len(full) < 5:
        return None
    usual = [n for n in full if n <= 1.25 * full[len(full) * 3 // 4]]  # without the overflowing lines themselves
    return int(usual[int(len(usual) * 0.9)] * 1.12)


def _overflow_cut(text: str, width: int) -> int | None:
    """Where a line wider than the content column runs into a side column: before the last body's
    name that leaves the content part within the column and filling most of it. A lone generic
    head ("Sở" of "Văn phòng Sở") names nothing by itself."""
    words = text.split()
    cut = None
    for k in range(1, len(words)):
        content = " ".join(words[:k])
        if len(content) > width:
            break
        if len(content) >= 0.6 * width and _unit_starts(words, k) and (len(words) - k > 1 or ACRONYMS_RE.match(words[k])):
            cut = len(content)
    return cut


def _unit_starts(words: list[str], k: int) -> bool:
    """Does a body's name start at word k (a capital head noun after a word that does not await it)?
    Never inside a name that a "VP…" later in the words heads ("Đảng bộ VP" is two cells)."""
    unit = " ".join(words[k:])
    awaited = vocab.ends_with_connector(words[k - 1]) and words[k - 1].lower() != "số"  # "chuyển đổi số Văn phòng"
    return (words[k][0].isupper() and bool(vocab.UNIT_HEAD_RE.match(unit)) and not awaited
            and not vocab.INCOMPLETE_HEAD_RE.match(unit) and not any(OFFICE_RE.fullmatch(w) for w in words[k + 1 :]))


OFFICE_RE = re.compile(r"VP\w*")  # the office ("VP", "VPTU"): always the head of its own name


COMRADE_START_RE = re.compile(r"^(?:Đ/c|Đ/C|Đồng\s+chí)\s")  # capitalised: a cell's first word, not a sentence's middle


def _wraps(prev: str, text: str, width: int, ending: str) -> bool:
    """Does `text` continue `prev` in the content column? A full line that did not end its
    sentence wraps; a line wider than any side column can only be content. `ending`: the item's
    last lines, where a place's label may sit a line above its name ("… Địa" / "điểm: Phòng họp số 2")."""
    if _bulleted_tail_start(text) or ACRONYMS_RE.match(text) or (_opens_side(text) and len(_unit_then_leader(text)) > 1):
        return False  # "BTXH, VP"; "Văn phòng Sở Đ/c Cao Văn", "Văn phòng Sở Bí thư Chi bộ": a unit, then a leader
    if COMRADE_START_RE.match(text):
        return False  # "… vi phạm trật tự xây dựng" / "Đ/c Đoàn Văn": a leader cell (a sentence naming one goes on in
        # lower case, or after a word that awaits it: "… làm việc với" / "Đ/c Bí thư", a forced wrap)
    if align.BARE_BODY_RE.match(text):
        return False  # "Văn phòng" alone: a unit cell's first line (a wrap after "… với" is forced anyway)
    if ((vocab.LEADER_START_RE.match(text) or _opens_side(text)) and _in_place(ending)) or _leader_after_place(prev, text):
        return False  # "… Địa điểm: Hội trường B" / "Văn phòng" / "Đảng ủy": a named place ends the item
    return (len(prev) >= 0.8 * width and not prev.endswith(".")) or len(text) >= 0.6 * width


def _place_value(text: str) -> str | None:
    """The value of the "Địa điểm: …" field a line ends in ("" when the label ends it), or None."""
    fields = list(vocab.FIELD_LABEL_RE.finditer(text))
    return text[fields[-1].end():].strip() if fields and fields[-1].group("place") else None


def _leader_after_place(prev: str, text: str) -> bool:
    """ "… Địa điểm:" / "Đ/c Nguyễn": a place is never a leader, so this is the leader cell after a
    place the page carried over."""
    return _place_value(prev) == "" and bool(vocab.LEADER_START_RE.match(text))


def _in_place(text: str) -> bool:
    """Does the line end inside an item's "Địa điểm: …" field, with the place named beyond its head noun?"""
    value = _place_value(text)
    return bool(value and not vocab.INCOMPLETE_HEAD_RE.match(value))


def _bulleted(tail: list[_Line]) -> bool:
    return bool(tail) and _is_bullet(tail[0].text)


def _bulleted_tail_start(text: str) -> bool:
    return _is_bullet(text) and not _content_like_bullet(text)


def _settle(content: list[_Line], tail: list[_Line], sides: list[str]) -> Segment:
    """Where the content ends, where the lines left it open: the split that gives each side column
    as many entries as there are items. The content may give its open end to the tail, or take the
    tail's first lines where they go on with it ("Cả ngày: Họp" / "UBND tỉnh phiên" / "thường kỳ
    tháng 9" / "Văn phòng Sở"); on a tie the reading of the lines stands, unless the side lines
    read one by one say that a line the content took as a wrap opens an entry."""
    lines = content + tail
    best = None
    last_start = max((k for k, ln in enumerate(content) if ln.starts_item), default=0)
    for cut in sorted(range(last_start + 1, len(lines) + 1), key=lambda c: abs(c - len(content))):
        if cut < len(lines) and (lines[cut].forced or lines[cut].starts_item or _last_word(lines[cut - 1].text, lines[cut].text)):
            continue
        if any(ln.wide for ln in content[cut:]):
            continue  # the content never gives away a line only the content column is wide enough for
        if cut > len(content) and any(_opens_side(ln.text) for ln in lines[len(content) : cut]):
            continue  # the content never takes a line that opens a unit or a leader
        paragraphs = _paragraphs(lines[:cut])
        n = len(items.parse_items(paragraphs))
        columns = _columns(lines[cut:], sides, n)
        by_lines = sum(abs(_line_entries(p) - n) for p in columns.values()) if cut <= len(content) else len(lines)
        cost = (sum(abs(len(align.segment(p)) - n) for p in columns.values()), by_lines)
        if best is None or cost < best[0]:
            best = (cost, cut, paragraphs, columns)
    if best is None:
        return Segment(_paragraphs(content), _columns(tail, sides))
    return Segment(best[2], best[3])


OPEN_END_RE = re.compile(r"[,;:\-–(/&]$")  # a line ending in punctuation that awaits more


def _line_entries(pieces: list[Piece]) -> int:
    """Entries of a column without gap lines, read from its lines: each line that opens with a capital
    after a finished one starts an entry ("Thanh tra, VP" / "BTXH"; not "Đ/c Công - TUV," / "PBT")."""
    count, above = 0, ""
    for piece in pieces:
        if not above or (piece.text[:1].isupper() and not OPEN_END_RE.search(above)
                         and not vocab.ends_with_connector(above)):
            count += 1
        above = piece.text.rstrip()
    return count


def _last_word(above: str, text: str) -> bool:
    """A name's last word wrapped alone ("… Thành phố Hồ Chí" / "Minh", "… xã Hòa" / "Phong"): one
    capitalised word, no acronym or body, under an unfinished line, opens no side entry."""
    return (" " not in text and text[:1].isupper() and not text.isupper() and not _opens_side(text)
            and not ACRONYMS_RE.match(text) and above[-1:] not in ".;:)")


def _opens_side(text: str) -> bool:
    """A line that can only open a side entry: a bullet, a leader, a body's name ("Văn phòng Sở")."""
    return bool(_is_bullet(text) or vocab.LEADER_START_RE.match(text) or _opens_body(text))


def _opens_body(text: str) -> bool:
    return bool(text[:1].isupper() and vocab.UNIT_HEAD_RE.match(text) and not vocab.INCOMPLETE_HEAD_RE.match(text))


def _paragraphs(lines: list[_Line]) -> list[tuple[str, int, int | None]]:
    out: list[tuple[str, int, int | None]] = []
    for ln in lines:
        if ln.starts_item or ln.opens or not out:
            out.append((ln.text, ln.line, ln.pos))
        else:
            text, no, pos = out[-1]
            out[-1] = (f"{text} {ln.text}", no, pos)
    return out


def _columns(tail: list[_Line], sides: list[str], items_count: int | None = None) -> dict[str, list[Piece]]:
    """The side columns of a tail, in the header's order: a leader column starts at its first
    leader entry, the columns around it share what comes before and after it evenly."""
    if not sides:
        return {}
    pieces = []
    for ln in tail:
        for k, part in enumerate(_unit_then_leader(ln.text) if LEADERS in sides else [ln.text]):
            if part.strip():
                sep = (GAP if ln.gap_before else 0.0) if k == 0 else LINE
                pieces.append(Piece(part.strip(), ln.line, sep, ln.pos))
    if LEADERS not in sides:
        return _share(pieces, sides)
    at = sides.index(LEADERS)
    before, after = sides[:at], sides[at + 1 :]
    if not after:
        return _leaders_last(pieces, before, items_count)
    # A leader cell opens with its leader or, cut by a page, with the rest of a name and its title ("Kim Oanh - PGĐ").
    lead = next((i for i, p in enumerate(pieces) if vocab.LEADER_START_RE.match(p.text) or align.NAME_END_RE.match(p.text)), None)
    if lead is None:
        return _share(pieces, sides)
    end = _leader_end(pieces, lead, len(after))
    return _share(pieces[:lead], before) | {LEADERS: _rebase(pieces[lead:end])} | _share(pieces[end:], after)


def _unit_then_leader(text: str) -> list[str]:
    """A side line cut where a leader starts after a unit: "Văn phòng Sở Đ/c Lạc", "Văn phòng Sở Bí thư Chi bộ".
    A title cuts only after a body's name of two to four words that no connector joins to it ("Phòng Nội
    vụ Chủ tịch UBND"): not "Ban Giám đốc", nor "… tỉnh và đồng chí Chủ tịch …"."""
    parts = vocab.LEADER_INLINE_RE.split(text)
    title = vocab.TITLE_INLINE_RE.search(parts[0])
    unit = parts[0][: title.start()] if title else ""
    if title and 2 <= len(unit.split()) <= 4 and _opens_body(unit) and not JOINING_RE.search(unit):
        return [unit, parts[0][title.end():], *parts[1:]]
    return parts


JOINING_RE = re.compile(r"\b(?:và|với|của|cho|các|đồng\s+chí|đ/c)\b", re.IGNORECASE)


def _leaders_last(pieces: list[Piece], others: list[str], items_count: int | None = None) -> dict[str, list[Piece]]:
    if not others:  # the leader column is the only side: all of the tail is its ("TT HĐND", "Phòng HC-VTLT")
        return {LEADERS: _rebase(pieces)}
    entries = _entry_starts(pieces)
    lead = _first_leader(pieces, entries, items_count)
    if lead is None and others and len(entries) == len(others) and _split_last_name(pieces):
        lead = len(pieces) - 1  # "Ban Tổ chức Tổ kiểm tra": the unit, then who attends
    elif lead is None:
        lead = entries[len(entries) * len(others) // (len(others) + 1)] if len(entries) > len(others) else len(pieces)
        if all(_names_body(p.text) for p in pieces[lead:]):
            lead = len(pieces)  # "VPTU, VP" / "UBND tỉnh" / "UBND tỉnh": bodies only, the leader cell is empty
    return _share(pieces[:lead], others) | {LEADERS: _rebase(pieces[lead:])}


def _first_leader(pieces: list[Piece], entries: list[int], items_count: int | None) -> int | None:
    """Where a leader column that ends the row starts: at its first entry named as a leader (moved by the
    counts, see _lead_by_counts); in a cell cut by a page, at the rest of a name and its title ("Kim Oanh -
    PGĐ", or "Đ/c Nguyễn Thị" a line above it); where a leader ran onto a unit's line after its comma
    ("Văn phòng Sở, Đ/c Trần Văn"), at the leader that gives each column an entry per item."""
    lead = next((i for i in entries if vocab.LEADER_START_RE.match(pieces[i].text)), None)
    if lead is not None:
        return _lead_by_counts(pieces, lead, items_count) if items_count else lead
    rest = next((i for i, p in enumerate(pieces) if align.NAME_END_RE.match(p.text)), None)
    if rest is not None:
        return rest - 1 if rest and align.NAME_SO_FAR_RE.match(pieces[rest - 1].text) else rest
    if not items_count:
        return None
    return next((k for k in range(1, len(pieces)) if vocab.LEADER_START_RE.match(pieces[k].text)
                 and len(align.segment(pieces[:k])) == items_count == len(align.segment(pieces[k:]))), None)


def _lead_by_counts(pieces: list[Piece], lead: int, items_count: int) -> int:
    """Where the leader column starts when the first leader named by title leaves it fewer entries than
    items, a line before it that gives each column an entry per item: where bodies lead too ("Ủy ban Kiểm
    tra Huyện ủy" / "Bí thư Huyện ủy"), the latest entry's first line; where the units have no more entries
    than items, the first rest of a name that a page carried over ("Hưng - GĐ Sở, Đ/c …")."""
    units, leaders = len(align.segment(pieces[:lead])), len(align.segment(pieces[lead:]))
    if leaders >= items_count or units < items_count:
        return lead
    if units > items_count:
        tried = [k for k in range(lead - 1, 0, -1) if _opens_entry(pieces[k])]
    else:
        tried = [k for k in range(1, lead) if align.NAME_END_RE.match(pieces[k].text)]
    return next((k for k in tried if len(align.segment(pieces[:k])) == items_count == len(align.segment(pieces[k:]))), lead)


def _leader_end(pieces: list[Piece], lead: int, columns_after: int) -> int:
    """Where a leader cell with columns after it ends: at the next entry when there are enough
    entries for those columns, else at the first line that neither names a leader nor wraps one."""
    def other(i: int) -> bool:
        return not vocab.LEADER_START_RE.match(pieces[i].text)

    later = [i for i in _entry_starts(pieces) if i > lead and other(i)]
    if len(later) >= columns_after:
        return later[0]
    return next((i for i in range(lead + 1, len(pieces)) if _opens_entry(pieces[i]) and other(i)), len(pieces))


def _share(pieces: list[Piece], roles: list[str]) -> dict[str, list[Piece]]:
    """`roles` share `pieces` in order, cut evenly at entry starts; where the layer left fewer
    entries than columns (no gap lines), each line opening with a capital starts one."""
    if not roles:
        return {}
    starts = _entry_starts(pieces)
    if len(starts) < len(roles):
        starts = sorted({*starts, *(i for i, p in enumerate(pieces) if _opens_entry(p))})
    bounds = _even_cuts(starts, len(roles)) + [len(pieces)]
    out, start = {}, 0
    for role, end in zip(roles, bounds, strict=True):
        out[role] = _rebase(pieces[start:end])
        start = end
    return out


def _opens_entry(piece: Piece) -> bool:
    return piece.text[:1].isupper()


def _names_body(text: str) -> bool:
    return bool(ACRONYMS_RE.match(text) or (vocab.UNIT_HEAD_RE.match(text) and not vocab.LEADER_START_RE.match(text)))


def _split_last_name(pieces: list[Piece]) -> bool:
    """Split the last piece where a second name starts inside it; True when it did."""
    words = pieces[-1].text.split()
    for k in range(len(words) - 1, 0, -1):
        rest = " ".join(words[k:])
        if words[k][0].isupper() and vocab.UNIT_HEAD_RE.match(rest) and not vocab.ends_with_connector(words[k - 1]):
            last = pieces.pop()
            pieces.append(Piece(" ".join(words[:k]), last.line, last.sep, last.pos))
            pieces.append(Piece(rest, last.line, LINE, last.pos))
            return True
    return False


def _entry_starts(pieces: list[Piece]) -> list[int]:
    seps = align.boundaries(pieces)
    return [0] + [i + 1 for i, s in enumerate(seps) if s >= align.NATURAL] if pieces else []


def _even_cuts(starts: list[int], columns: int) -> list[int]:
    """Where to cut `starts` (entry start indexes) into `columns` equal runs: the cut points after the first."""
    if columns <= 1:
        return []
    per = max(1, -(-len(starts) // columns)) if starts else 1
    return [starts[min(k * per, len(starts) - 1)] if starts else 0 for k in range(1, columns)]


def _rebase(pieces: list[Piece]) -> list[Piece]:
    """Positions counted from the column's own first line."""
    if not pieces:
        return []
    top = pieces[0].pos or 0
    return [Piece(p.text, p.line, p.sep, (p.pos or 0) - top) for p in pieces]
