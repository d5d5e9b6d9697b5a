#!/usr/bin/env python3
"""Make the .docx and .pdf samples (and the .html page of one seed) from the seed texts.

    python samples/make_samples.py            # needs python-docx; the PDFs need LibreOffice (soffice)

Each seed's rows and cells come from lichsync's own text readers, so the Word table holds what
the seed says: the heading paragraphs above the table, a header row repeated on every page, one
table row per item with the day cell merged down the rows of its day (as offices lay out their
programs), one paragraph per line of a cell, and the side entry of an item beside it (merged
down when one entry serves several items). LibreOffice turns each .docx into a PDF of several
pages with rows breaking across pages and DejaVu (Vietnamese glyphs) embedded. The generated
files are committed: neither the tests nor users need LibreOffice.
"""
from __future__ import annotations

import copy
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lichsync.parse import align, columns, heading, items, parser, vocab  # noqa: E402
from lichsync.parse import flow, tabbed  # noqa: E402
from lichsync.parse.rows import CONTENT, DAY, LINE, WEEKDAY  # noqa: E402
from lichsync.parse.text import normalize  # noqa: E402

FONT = "DejaVu Serif"
HEADER_TEXT = {
    DAY: "Ngày", WEEKDAY: "Thứ", CONTENT: "Nội dung công việc", "units": "Đơn vị chuẩn bị",
    "leaders": "Lãnh đạo chủ trì", "location": "Địa điểm", "time": "Thời gian",
}
WIDTHS_CM = {DAY: 1.6, WEEKDAY: 1.4, CONTENT: 8.4, "units": 3.4, "leaders": 3.6, "location": 3.4, "time": 2.0}
PAGE_NAME = "so-ldtbxh-hatinh-2021-11"  # the seed published as a portal page
UNRULED_NAME = "so-ldtbxh-hatinh-2023-09"  # the seed also printed from a table without borders
UNRULED = HERE / "unruled"


def read_seed(text: str):
    """(heading lines, table, trailer lines) of a seed, through the same readers lichsync uses."""
    import calendar

    month, year, offset = heading.find_period(text)
    raw = text.split("\n")
    table = tabbed.read([(no, line.rstrip(" ")) for no, line in enumerate(raw, 1)])
    if table is None:
        layer = [(no, line.strip()) for no, line in enumerate(raw, 1) if line]
        table = flow.read(layer, calendar.monthrange(year, month)[1], after=text[:offset].count("\n"))
    head = [ln.replace("\t", " ").strip() for ln in raw[: table.header_line - 1]]
    end = next((k for k in range(table.header_line, len(raw)) if vocab.TRAILER_RE.match(raw[k])), len(raw))
    # Recipients and signature sit side by side on one line of the text: a paragraph each here.
    tail = [part.strip() for ln in raw[end:] for part in re.split(r"\s{3,}|\t", ln)]
    return [ln for ln in head if ln], table, [ln for ln in tail if ln]


def sub_rows(table, row) -> list[dict[str, list[str] | object]]:
    """The table rows of one day: one per item, its paragraphs and, per side column, its entry."""
    sides = [r for r in table.roles if r in parser.SIDES]
    if row.flow:
        segments = [s for part in row.flow for s in columns.split_flow(part, sides, parser._width(table))]
    else:
        paragraphs = [(p.text, p.line, p.pos) for p in row.cells.get(CONTENT, [])]
        segments = [columns.Segment(paragraphs, {r: row.cells.get(r, []) for r in sides})]
    out: list[dict] = []
    context = items.Context()
    for seg in segments:
        indexed = [(t, no, k) for k, (t, no, _) in enumerate(seg.paragraphs)]
        found = items.parse_items(seg.paragraphs, copy.copy(context))
        starts = [it.pos for it in items.parse_items(indexed, context)]
        if not found:
            out.append({CONTENT: [t for t, _, _ in seg.paragraphs],
                        **{r: [" ".join(p.text for p in seg.sides.get(r, []) if p.text)] for r in sides}})
            continue
        starts[0] = 0
        for k in range(1, len(starts)):  # a bare "Chiều:" above an item opens that item's row
            while starts[k] - 1 > starts[k - 1] and _bare_session(indexed[starts[k] - 1][0]):
                starts[k] -= 1
        bounds = starts[1:] + [len(indexed)]
        groups = {}
        for role in sides:
            entries = align.segment(seg.sides.get(role, []), target=len(found))
            groups[role] = align.assign(entries, [it.pos for it in found])[0]
        for k, (a, b) in enumerate(zip(starts, bounds)):
            sub = {CONTENT: [t for t, _, _ in seg.paragraphs[a:b]]}
            for role in sides:
                sub[role] = groups[role][k]  # entries; identical lists on consecutive rows merge
            out.append(sub)
    return out


def _bare_session(text: str) -> bool:
    _, session, _, body = items.split_head(text)
    return session is not None and not body


def style_document(doc: Document) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.8)


def write_cell(cell, lines: list[str], bold: bool = False, center: bool = False) -> None:
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(3)
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(line).bold = bold


def repeat_as_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def make_docx(seed: Path, out: Path, ruled: bool = True) -> None:
    head, table, tail = read_seed(normalize(seed.read_text(encoding="utf-8")))
    roles = [r for r in table.roles if r in WIDTHS_CM]
    doc = Document()
    style_document(doc)
    for line in head:
        para = doc.add_paragraph(line)
        if line.isupper() or heading.TITLE_RE.search(line):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.runs[0].bold = True
    grid = doc.add_table(rows=1, cols=len(roles))
    grid.style = "Table Grid" if ruled else "Normal Table"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for k, role in enumerate(roles):
        write_cell(grid.rows[0].cells[k], [HEADER_TEXT[role]], bold=True, center=True)
    repeat_as_header(grid.rows[0])
    merges = []
    for row in table.rows:
        subs = sub_rows(table, row)
        first = len(grid.rows)
        cells = [grid.add_row().cells for _ in subs]
        day_lines = [row.day] + ([row.weekday] if row.weekday and WEEKDAY not in roles else []) + ([row.lunar] if row.lunar else [])
        for k, role in enumerate(roles):
            if role == DAY:
                write_cell(cells[0][k], day_lines, bold=True, center=True)
                merges.append((first, first + len(subs) - 1, k))
            elif role == WEEKDAY:
                write_cell(cells[0][k], [row.weekday or ""], center=True)
                merges.append((first, first + len(subs) - 1, k))
            elif role == CONTENT:
                for j, sub in enumerate(subs):
                    write_cell(cells[j][k], sub[CONTENT])
            else:
                j = 0
                while j < len(subs):
                    value = subs[j].get(role, [])
                    end = j
                    while end + 1 < len(subs) and value and [id(v) for v in subs[end + 1].get(role, [])] == [id(v) for v in value]:
                        end += 1
                    texts = [v if isinstance(v, str) else v.text for v in value]
                    write_cell(cells[j][k], ["; ".join(t for t in texts if t)] if any(texts) else [])
                    if end > j:
                        merges.append((first + j, first + end, k))
                    j = end + 1
    for top, bottom, k in merges:
        if bottom > top:
            grid.cell(top, k).merge(grid.cell(bottom, k))
    for line in tail:
        para = doc.add_paragraph(line)
        if line.isupper():
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            para.runs[0].bold = True
    for k, role in enumerate(roles):
        grid.columns[k].width = Cm(WIDTHS_CM[role])
        for cell in grid.columns[k].cells:
            cell.width = Cm(WIDTHS_CM[role])
    doc.save(out)


def make_html(seed: Path, out: Path) -> None:
    """A portal's page: the seed's own HTML cells inside a table, with the site's chrome around it."""
    text = normalize(seed.read_text(encoding="utf-8"))
    head, table, _ = read_seed(text)
    lines = text.split("\n")
    header = lines[table.header_line - 1]
    body_rows = ["<tr>" + "".join(f"<th>{c.strip()}</th>" for c in header.split("\t")) + "</tr>"]
    by_line = {row.line: row for row in table.rows}
    for no, line in enumerate(lines[table.header_line :], table.header_line + 1):
        if no not in by_line:
            continue  # the text repeats the header on each page; the page has it once
        cells = line.split("\t")
        for k, role in enumerate(table.roles):
            if role in parser.SIDES and k < len(cells):
                # Entries the text parted with runs of spaces, which HTML collapses: a <p> each.
                cells[k] = "".join(f"<p>{html.escape(p.text)}</p>" for p in _entries(by_line[no].cells.get(role, [])))
        body_rows.append("<tr>" + "".join(f"<td>{c.strip()}</td>" for c in cells) + "</tr>")
    heading_html = "\n".join(f"<p>{html.escape(h)}</p>" for h in head)
    out.write_text(
        f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(head[-1] if head else seed.stem)}</title></head>
<body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/lich">Lịch công tác</a></li></ul></nav></header>
<main><article>
{heading_html}
<table class="table-schedule" border="1" cellspacing="0" cellpadding="4">
<tbody>
{chr(10).join(body_rows)}
</tbody></table>
</article></main>
<footer><p>Cổng thông tin điện tử Sở Lao động - Thương binh và Xã hội Hà Tĩnh</p></footer>
</body></html>
""",
        encoding="utf-8",
    )


def _entries(pieces):
    """Pieces with the lines they share (a second "Đ/c" within a line) joined back."""
    out = []
    for p in pieces:
        if out and p.sep < LINE:
            out[-1] = type(p)(f"{out[-1].text} {p.text}", p.line, out[-1].sep)
        else:
            out.append(p)
    return out


def to_pdf(docx: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("make_samples: LibreOffice (soffice) is needed for the PDFs: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as profile:  # a private profile: runs beside an open LibreOffice
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(docx.parent), str(docx)],
            check=True, capture_output=True, timeout=180,
        )


def main() -> None:
    for seed in sorted(HERE.glob("*.txt")):
        docx = seed.with_suffix(".docx")
        make_docx(seed, docx)
        to_pdf(docx)
        print(f"{docx.name}, {docx.with_suffix('.pdf').name}")
        if seed.stem == UNRULED_NAME:  # the same table drawn without rulings, for the PDF reader's fallback
            UNRULED.mkdir(exist_ok=True)
            make_docx(seed, UNRULED / docx.name, ruled=False)
            to_pdf(UNRULED / docx.name)
            (UNRULED / docx.name).unlink()
            print(f"unruled/{docx.with_suffix('.pdf').name}")
        if seed.stem == PAGE_NAME:
            make_html(seed, seed.with_suffix(".html"))
            print(seed.with_suffix(".html").name)


if __name__ == "__main__":
    main()
