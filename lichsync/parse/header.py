"""Column roles from a program's header row ("Ngày | Nội dung công việc | Đơn vị chuẩn bị | …")."""
from __future__ import annotations

import re

from lichsync.parse import vocab
from lichsync.parse.rows import DAY

# Every phrase starts with one of ROLE_FIRST's letters (tests/test_regex_guards.py checks it): the
# look-ahead turns a long cell's other positions away at once, where the alternation tried every phrase.
ROLE_FIRST = "bcđgklnpstv"
ROLE_RE = re.compile(
    f"(?=[{ROLE_FIRST}])(?:" + "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(vocab.ROLE_WORDS)) + ")", re.IGNORECASE
)
HEADER_START_RE = re.compile(r"^\s*(?:\*\*)?\s*(?:(?:thứ|tt|stt)\s*[,/]?\s*)?ngày\b", re.IGNORECASE)


# One cell naming weekday and date together ("Thứ ngày", "Thứ/Ngày"): the day column. (In a flattened
# header line, "Thứ Ngày" may be two columns; `roles_in` keeps them apart.)
DAY_CELL_RE = re.compile(r"^\W*thứ\W*ngày\b", re.IGNORECASE)


def _role(m: re.Match[str]) -> str:
    """The role of the phrase ROLE_RE matched: its group r<k> is vocab.ROLE_WORDS[k]."""
    assert m.lastgroup is not None  # every phrase of ROLE_RE is a named group
    return vocab.ROLE_WORDS[int(m.lastgroup[1:])][1]


def role_of(cell: str, first: re.Match[str] | None | bool = True) -> str | None:
    """The role of one header cell, when a reader sees cells one by one (tables); `first` is
    ROLE_RE's first match in it when the caller has searched already."""
    if DAY_CELL_RE.match(cell):
        return DAY
    m = ROLE_RE.search(cell) if first is True else first
    return _role(m) if m else None


def roles_in(text: str) -> list[str]:
    """Every role a header line names, in order (a line may hold several cells: "Ngày Buổi Nội dung …")."""
    return [_role(m) for m in ROLE_RE.finditer(text)]


def roles_of(header_text: str) -> list[str]:
    """Roles in the order the header names them; each role once."""
    roles: list[str] = []
    for m in ROLE_RE.finditer(header_text):
        role = _role(m)
        if role not in roles:
            roles.append(role)
    return roles


def is_header(text: str) -> bool:
    """A header row names the day and the content: "Ngày<TAB>Nội dung công việc…"."""
    return bool(HEADER_START_RE.match(text)) and bool(re.search(r"nội\s+dung|công\s+việc", text, re.IGNORECASE))
