"""A look-ahead put before a pattern for speed, "(?=[…])", changes no match: every character a match
can start with (read from the parsed pattern) is one the look-ahead admits, and the guarded
pattern finds what the same pattern without it finds, over the samples' lines and generated strings.

Why the look-aheads pay: a search tries the pattern at every position of a line; where it opens with
a look-behind, an optional group or (case-insensitive) an alternation of phrases, each try costs
several steps, and the look-ahead turns most positions away in one.
"""
from __future__ import annotations

import functools
import re
import re._constants as C  # noqa: N812
import re._parser as sre_parse
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lichsync.parse import checks, days, header, items, notes, parser, vocab

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

GUARDED = {
    "ROLE_RE": header.ROLE_RE,
    "FIELD_LABEL_RE": vocab.FIELD_LABEL_RE,
    "CONNECTOR_END_RE": vocab.CONNECTOR_END_RE,
    "DATE_RANGE_RE": vocab.DATE_RANGE_RE,
    "VI_DATE_RE": vocab.VI_DATE_RE,
    "DASHED_DATE_RE": vocab.DASHED_DATE_RE,
    "days.DATE_RE": days.DATE_RE,
    "days.RANGE_RE": days.RANGE_RE,
    "days.WEEKDAY_RANGE_RE": days.WEEKDAY_RANGE_RE,
    "days.NAMED_DATE_RE": days.NAMED_DATE_RE,
    "days.DOTTED_DATE_RE": days.DOTTED_DATE_RE,
    "days.WEEKDAYS_IN_DAY_RE": days.WEEKDAYS_IN_DAY_RE,
    "items.TIME_RE": items.TIME_RE,
    "items.DAY_RANGE_RE": items.DAY_RANGE_RE,
    "parser.TITLE_TRAIL_RE": parser.TITLE_TRAIL_RE,
    "checks.FULL_DATE_RE": checks.FULL_DATE_RE,
    "notes.PLACE_RE": notes.PLACE_RE,
}
GUARD_RE = re.compile(r"^\(\?=(\[(?:\\.|[^\]\\])*\]|\\.|[^()\[\\|])\)")  # a class, an escape or a letter


def split(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The look-ahead alone, and the pattern without it."""
    guard = GUARD_RE.match(pattern.pattern)
    assert guard, f"{pattern.pattern[:40]!r} does not open with a look-ahead"
    return re.compile(guard.group(1), pattern.flags), re.compile(pattern.pattern[guard.end():], pattern.flags)


@functools.cache
def category(name: object) -> frozenset[str]:
    """Every character a category (\\d, \\s, \\w) matches."""
    probe = re.compile({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}[name])
    return frozenset(c for c in map(chr, range(0x110000)) if probe.match(c))


def in_set(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            out |= {chr(c) for c in range(av[0], av[1] + 1)}
        elif op is C.CATEGORY:
            out |= category(av)
        else:
            raise AssertionError(f"a class this test cannot bound: {op}")
    return out


def first_chars(items) -> tuple[set[str], bool]:
    """The characters a parsed pattern can start a match with (before any case folding), and
    whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            return out | in_set(av), False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: what follows starts the match
        if op is C.SUBPATTERN:
            inner, empty = first_chars(av[3])
        elif op is C.BRANCH:
            found = [first_chars(b) for b in av[1]]
            inner, empty = set().union(*(f for f, _ in found)), any(e for _, e in found)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            inner, empty = first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"an opening this test cannot bound: {op}")
        out |= inner
        if not empty:
            return out, False
    return out, True


@pytest.mark.parametrize("name", GUARDED)
def test_every_start_of_a_match_is_admitted_by_the_look_ahead(name):
    guard, plain = split(GUARDED[name])
    starts, empty = first_chars(sre_parse.parse(plain.pattern, plain.flags))
    assert not empty, "a pattern that can match empty matches where its look-ahead fails"
    refused = sorted(c for c in starts if not guard.fullmatch(c))
    assert not refused, refused


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def sample_lines() -> list[str]:
    lines = []
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "weekly").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


@pytest.mark.parametrize("name", GUARDED)
def test_guarded_finds_what_the_plain_pattern_finds_on_the_samples(name):
    guarded = GUARDED[name]
    _, plain = split(guarded)
    for line in sample_lines():
        assert matches(guarded, line) == matches(plain, line), line
        assert guarded.sub("", line) == plain.sub("", line)


WORDS = ["thứ", "Thứ Hai", "T.2", "CN", "chủ nhật", "ngày", "năm", "tháng", "từ", "Từ ngày", "đến", "hết", "và",
         "Nội dung", "công việc", "chủ trì", "lãnh đạo", "VP", "văn phòng", "theo dõi", "tt", "STT", "Đơn vị", "chuẩn bị",
         "giờ", "h", "phút", "Buổi", "địa điểm", "Địa điểm", "điểm", "tại", "Thành phần", "mời", "Thời gian", "LĐVP",
         "ghi chú", "dự", "của", "những", "5", "12", "08", "2024", "/", "-", "–", ".", ",", ":", ";", "(", ")", "+", "“",
         '"', "&", " ", "\t", "\n", "|", "a", "A", "ſ", "\u212a"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=14))
def test_guarded_finds_what_the_plain_pattern_finds(parts):
    text = "".join(parts)
    for guarded in GUARDED.values():
        _, plain = split(guarded)
        assert matches(guarded, text) == matches(plain, text), (guarded.pattern[:30], text)


def from_the_end(text: str) -> bool:
    return vocab.CONNECTOR_END_RE.search(text, max(0, len(text) - vocab.CONNECTOR_REACH)) is not None


def test_a_connector_is_found_from_the_last_characters_as_from_the_whole_text():
    texts = sample_lines() + ["Hội nghị của", "… Ngày sinh đồng chí", "đầu năm", "cả ngày", "trong ngày", "Chủ trì: những\n",
                              "kỳ 2023 -", "Trung tâm và", "ĐẦU NĂM", "xã hội,", "Nhà văn hóa thôn 5 (", "giữa ngày"]
    for text in texts:
        assert from_the_end(text) == bool(vocab.CONNECTOR_END_RE.search(text)), text


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=14))
def test_a_connector_found_from_the_end_is_the_one_found_in_the_whole_text(parts):
    text = "".join(parts)
    assert from_the_end(text) == bool(vocab.CONNECTOR_END_RE.search(text)), text


def test_a_straight_quote_awaits_more_only_where_it_opens():
    assert vocab.ends_with_connector('phong trào thi đua "Phụ nữ tích cực" và "')
    assert not vocab.ends_with_connector('thi đua "Phụ nữ tích cực học tập, xây dựng gia đình hạnh phúc"')
    assert vocab.ends_with_connector("Hội nghị của") and vocab.ends_with_connector("phát động “")
