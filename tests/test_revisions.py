"""The newest issue of an organisation's period replaces the older ones (pure, no files)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lichsync.parse.model import Event, Period, Program
from lichsync.sync.revisions import Issue, current_issues, latest_given

T0 = datetime(2023, 9, 5, 8, tzinfo=timezone.utc)


def program(org: str | None, month: int = 9, start: date | None = None, end: date | None = None, title: str = "x") -> Program:
    return Program(source=title, organization=org, period=Period(month, 2023, start, end),
                   events=[Event(date=start or date(2023, month, 5), title=title)])


def names(issues):
    return [i.origin for i in issues]


def test_a_mid_month_reissue_replaces_the_first_issue_whatever_the_order():
    first = Issue(program(" Sở Lao động -  TBXH"), T0, "first")
    revised = Issue(program("SỞ LAO ĐỘNG - TBXH"), T0 + timedelta(days=12), "revised")
    for order in ([first, revised], [revised, first]):
        kept, replaced = current_issues(order)
        assert names(kept) == ["revised"]
        assert [(r.old.origin, r.by.origin) for r in replaced] == [("first", "revised")]


def test_other_months_other_bodies_and_weeks_are_kept_side_by_side():
    issues = [
        Issue(program("Sở LĐTBXH", 9), T0, "sep"),
        Issue(program("Sở LĐTBXH", 10), T0, "oct"),
        Issue(program("Sở KHCN", 9), T0, "khcn-sep"),
        Issue(program("Sở LĐTBXH", 9, date(2023, 9, 11), date(2023, 9, 17)), T0, "week37"),
        Issue(program("Sở LĐTBXH", 9, date(2023, 9, 18), date(2023, 9, 24)), T0, "week38"),
    ]
    kept, replaced = current_issues(issues)
    assert names(kept) == ["sep", "oct", "khcn-sep", "week37", "week38"] and replaced == []


def test_a_revised_week_replaces_that_week():
    old = Issue(program("UBND tỉnh", 7, date(2025, 7, 14), date(2025, 7, 20)), T0, "mon")
    new = Issue(program("UBND tỉnh", 7, date(2025, 7, 14), date(2025, 7, 20)), T0 + timedelta(days=2), "wed")
    other = Issue(program("UBND tỉnh", 7, date(2025, 7, 21), date(2025, 7, 27)), T0, "next")
    kept, replaced = current_issues([old, other, new])
    assert names(kept) == ["next", "wed"] and [r.old.origin for r in replaced] == ["mon"]


def test_same_issue_time_the_later_in_the_list_wins():
    kept, _ = current_issues([Issue(program("A"), T0, "a1"), Issue(program("A"), T0, "a2")])
    assert names(kept) == ["a2"]


def test_anonymous_programs_are_never_merged_unless_their_source_names_the_body():
    a, b = Issue(program(None), T0, "a"), Issue(program(None), T0 + timedelta(1), "b")
    assert names(current_issues([a, b])[0]) == ["a", "b"]
    a2 = Issue(a.program, T0, "a", organization="Sở LĐTBXH")
    b2 = Issue(b.program, T0 + timedelta(1), "b", organization="Sở LĐTBXH")
    assert names(current_issues([a2, b2])[0]) == ["b"]
    # the heading, when it names a body, wins over the source's
    c = Issue(program("Sở KHCN"), T0 + timedelta(2), "c", organization="Sở LĐTBXH")
    assert names(current_issues([a2, b2, c])[0]) == ["b", "c"]


def test_three_issues_of_one_month_keep_only_the_newest():
    issues = [Issue(program("A"), T0 + timedelta(days=d), f"d{d}") for d in (3, 9, 1)]
    kept, replaced = current_issues(issues)
    assert names(kept) == ["d9"] and sorted(r.old.origin for r in replaced) == ["d1", "d3"]


def test_files_given_in_order_a_later_one_of_the_same_program_replaces_the_earlier():
    old, new = program("Sở Lao động - TBXH", title="A"), program("Sở Lao động - TBXH", title="B")
    other = program("Sở Khoa học và Công nghệ", title="C")
    assert latest_given([old, other, new]) == [other, new]
    anonymous = [program(None, title="X"), program(None, title="Y")]
    assert latest_given(anonymous) == anonymous  # two bodies' programs, perhaps: both kept
