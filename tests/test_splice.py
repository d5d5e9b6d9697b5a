"""sync/splice.py on feeds made by hand: an empty feed, blocks in and out at their places, a feed that
does not fit its entries. (tests/test_sync_quick.py checks whole syncs against `export --all`.)"""
from __future__ import annotations

from lichsync.sync.splice import Entries, cut, sizes

HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
END = b"END:VCALENDAR\r\n"


def block(uid: str) -> bytes:
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nEND:VEVENT\r\n".encode()


def feed(*uids: str) -> tuple[bytes, Entries]:
    data = HEAD + b"".join(map(block, uids)) + END
    found = sizes(data)
    assert found is not None
    return data, Entries.of([(1, "", uid) for uid in uids], found)


def test_an_empty_feed_has_no_blocks_and_takes_one():
    data, entries = feed()
    assert entries.sizes.tolist() == []
    c = cut(data, entries)
    assert c is not None
    pieces, after = c.spliced([], [((1, "", "a"), block("a"))])
    assert b"".join(pieces) == feed("a")[0] and after == feed("a")[1]


def test_blocks_leave_and_arrive_at_their_places():
    data, entries = feed("a", "c", "e")
    c = cut(data, entries)
    assert c is not None and c.at([(1, "", "c")]) == [1] and c.at([(1, "", "b")]) is None
    pieces, after = c.spliced([1], [((1, "", "b"), block("b")), ((1, "", "d"), block("d")), ((1, "", "f"), block("f"))])
    assert (b"".join(pieces), after) == feed("a", "b", "d", "e", "f")
    assert c.holds([1], [((1, "", "c"), block("c"))]) and not c.holds([1], [((1, "", "c"), block("c2"))])


def test_a_feed_that_does_not_fit_its_entries_is_not_cut():
    data, entries = feed("a", "b")
    assert cut(data + b"x", entries) is None
    assert cut(data.replace(b"UID:a", b"UID:aa"), entries) is None
    assert sizes(data[:-len(END)]) is None
