"""Look-aheads added to long alternations for speed change no match: each phrase can start only
with a character the look-ahead admits (read from the parsed pattern), and the guarded pattern
finds what the unguarded one finds, over the samples' lines and generated strings."""
from __future__ import annotations

import re
import re._constants as C  # noqa: N812
import re._parser as sre_parse
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lichsync.parse import header, vocab

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def first_chars(items) -> set[str] | None:
    """The literal characters a parsed pattern can start with; None when it can start with anything
    else (a class, a wildcard, an empty match)."""
    out: set[str] = set()
    for op, av in items:
        if op is C.AT:
            continue  # "^": zero width
        if op is C.LITERAL:
            return out | {chr(av)}
        if op is C.SUBPATTERN:
            inner = first_chars(av[3])
            if inner is None:
                return None
            return out | inner
        if op is C.BRANCH:
            found = [first_chars(b) for b in av[1]]
            return None if any(f is None for f in found) else out.union(*found)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _, body = av
            inner = first_chars(body)
            if inner is None:
                return None
            out |= inner
            if low > 0:
                return out
            continue  # optional: what follows may start the match too
        return None
    return None  # the whole pattern may match empty


def admitted(first: str, char: str) -> bool:
    return re.match(f"[{first}]", char, re.IGNORECASE) is not None


def role_phrases() -> list[str]:
    return [p for p, _ in vocab.ROLE_WORDS]


GUARDED = [  # (guarded pattern, the same without its look-ahead, the look-ahead's letters, the phrases)
    (header.ROLE_RE,
     re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(vocab.ROLE_WORDS)), re.IGNORECASE),
     header.ROLE_FIRST, role_phrases()),
    (vocab.FIELD_LABEL_RE,
     re.compile(r"(?<![\w/])(?:" + "|".join(f"(?P<{k}>{w})" for k, w in vocab.FIELD_LABELS.items()) + r")\s*:\s*",
                re.IGNORECASE),
     vocab.FIELD_FIRST, list(vocab.FIELD_LABELS.values())),
]


@pytest.mark.parametrize("guarded, plain, first, phrases", GUARDED, ids=["ROLE_RE", "FIELD_LABEL_RE"])
def test_every_phrase_starts_with_an_admitted_letter(guarded, plain, first, phrases):
    for phrase in phrases:
        starts = first_chars(sre_parse.parse(phrase, re.IGNORECASE))
        assert starts, phrase
        for char in starts:
            assert admitted(first, char), (phrase, char)


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def sample_lines() -> list[str]:
    lines = []
    for path in sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "weekly").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


@pytest.mark.parametrize("guarded, plain, first, phrases", GUARDED, ids=["ROLE_RE", "FIELD_LABEL_RE"])
def test_guarded_finds_what_the_plain_pattern_finds_on_the_samples(guarded, plain, first, phrases):
    for line in sample_lines():
        assert matches(guarded, line) == matches(plain, line), line


WORDS = ["thứ", "ngày", "Nội dung", "công việc", "chủ trì", "lãnh đạo", "VP", "văn phòng", "theo dõi", "tt", "STT",
         "Đơn vị", "chuẩn bị", "giờ", "Buổi", "địa điểm", "Thành phần", "mời", "Thời gian", "LĐVP", "ghi chú", "dự",
         "ſ", "K", ",", ":", "/", " ", "\t", "|", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=12))
def test_guarded_finds_what_the_plain_pattern_finds(parts):
    text = "".join(parts)
    for guarded, plain, _, _ in GUARDED:
        assert matches(guarded, text) == matches(plain, text), text
