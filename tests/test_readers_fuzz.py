"""Whatever text comes in, the parser either gives a Program or raises InputError."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SAMPLES
from lichsync.errors import InputError
from lichsync.parse.model import Program
from lichsync.read.pipeline import parse_text

WEEKLY = sorted(p for p in (REPO / "samples" / "weekly").iterdir() if p.suffix in (".txt", ".html"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in [*SAMPLES, *WEEKLY]]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Characters that matter to the readers: cell and line breaks, bullets, digits, dates, HTML.
NOISE = st.text(alphabet=st.sampled_from(list("\t\n\r -+•:;/()<>&|0123456789ÐđĐƢƣ\x00\ufeff\u00a0")
                                         + list("SángChiềuTốiĐ/cNgàyTháng")), max_size=8)


def parse_or_input_error(text: str, month: int | None = None, year: int | None = None) -> None:
    try:
        program = parse_text(text, source="fuzz", month=month, year=year)
    except InputError:
        return
    assert isinstance(program, Program)
    program.to_json()  # the contract must serialise whatever was parsed


@st.composite
def mutated_seed(draw) -> str:
    """A real program with lines deleted, duplicated, swapped, and characters inserted."""
    lines = draw(st.sampled_from(SEED_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 12))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(NOISE | st.text(max_size=4)) + lines[i][at:]
    return "\n".join(lines)


@FUZZ
@given(st.text())
def test_random_text(text):
    parse_or_input_error(text)


@FUZZ
@given(mutated_seed())
def test_mutated_seed(text):
    parse_or_input_error(text)


@FUZZ
@given(mutated_seed(), st.integers(1, 12), st.integers(1990, 2100))
def test_mutated_seed_with_month_and_year(text, month, year):
    parse_or_input_error(text, month, year)
