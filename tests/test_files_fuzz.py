"""Damaged and reshaped Word and PDF files: parse_file gives a Program or an InputError, nothing else."""
from __future__ import annotations

import copy
import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from lichsync.errors import InputError
from lichsync.parse.model import Program
from lichsync.read.pipeline import parse_file

DOCX = [p.with_suffix(".docx") for p in SAMPLES]
PDF_BYTES = SAMPLES[0].with_suffix(".pdf").read_bytes()
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def parse_or_input_error(tmp_path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        program = parse_file(path)
    except InputError:
        return
    assert isinstance(program, Program)
    program.to_json()


@st.composite
def reshaped_docx(draw) -> bytes:
    """A real program's Word table with rows deleted, duplicated, moved, and cells emptied or rewritten."""
    document = docx.Document(draw(st.sampled_from(DOCX)))
    table = document.tables[0]._tbl
    for _ in range(draw(st.integers(1, 10))):
        rows = table.tr_lst
        if len(rows) < 2:
            break
        row = rows[draw(st.integers(0, len(rows) - 1))]
        op = draw(st.sampled_from(["delete", "duplicate", "move", "empty", "rewrite"]))
        if op == "delete":
            table.remove(row)
        elif op == "duplicate":
            row.addnext(copy.deepcopy(row))
        elif op == "move":
            table.remove(row)
            table.tr_lst[draw(st.integers(0, len(table.tr_lst) - 1))].addnext(row)
        else:
            cells = row.tc_lst
            cell = cells[draw(st.integers(0, len(cells) - 1))]
            for p in cell.p_lst[1:]:
                cell.remove(p)
            runs = cell.p_lst[0].r_lst
            for r in runs:
                cell.p_lst[0].remove(r)
            if op == "rewrite":
                cell.p_lst[0].add_r().text = draw(st.text(alphabet=st.sampled_from(list("0123456789-/ SángChiềuĐ/cNgày:+")), max_size=20))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@FEW
@given(reshaped_docx())
def test_reshaped_docx(tmp_path, data):
    parse_or_input_error(tmp_path, data, "reshaped.docx")


@FEW
@given(st.integers(0, len(PDF_BYTES)), st.binary(min_size=1, max_size=64), st.booleans())
def test_damaged_pdf(tmp_path, at, junk, cut):
    """Truncated at any point, or with junk written over any part of the file."""
    data = PDF_BYTES[:at] if cut else PDF_BYTES[:at] + junk + PDF_BYTES[at + len(junk):]
    parse_or_input_error(tmp_path, data, "damaged.pdf")
