"""The mapper and the officials directory, as pure functions over schedule events."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from conftest import REPO
from lichsync import config
from lichsync.config import Config
from lichsync.calendar.directory import AmbiguousName, Directory, UnknownName, looks_like_person
from lichsync.calendar.mapper import map_programs
from lichsync.parse.model import Event, Period, Program
from lichsync.read.pipeline import parse_file

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
EXAMPLE = config.load(REPO / "config.example.toml")


def program(*events: Event, org: str | None = "Sở Lao động - TBXH", month: int = 10) -> Program:
    return Program(source="p.txt", period=Period(month=month, year=2023), organization=org, events=list(events))


def mapped(p: Program, cfg: Config = Config()):
    return map_programs([p], cfg, Directory(cfg, [p]))


def at(day: int, hh: int, mm: int, month: int = 10) -> datetime:
    return datetime(2023, month, day, hh, mm, tzinfo=HCM)


@pytest.mark.parametrize("session, start, end", [
    ("morning", (7, 30), (11, 30)), ("afternoon", (13, 30), (17, 0)),
    ("evening", (19, 0), (21, 0)), ("all_day", (7, 30), (17, 0)),
])
def test_sessions_become_local_hours(session, start, end):
    ce, = mapped(program(Event(date(2023, 10, 3), "Họp", session=session, officials=["Lạc"])))
    assert (ce.start, ce.end) == (at(3, *start), at(3, *end))
    assert ce.start.utcoffset().total_seconds() == 7 * 3600


def test_start_time_ends_with_its_session_or_after_the_default_duration():
    events = [
        Event(date(2023, 10, 3), "A", session="morning", start_time="08:30"),
        Event(date(2023, 10, 3), "B", session=None, start_time="14:00"),  # falls in the afternoon
        Event(date(2023, 10, 3), "C", session="all_day", start_time="08:00"),  # its own session holds it
        Event(date(2023, 10, 3), "D", session=None, start_time="12:00"),  # between sessions
        Event(date(2023, 10, 3), "E", session="morning", start_time="14:00"),  # the time wins over the word
    ]
    got = {ce.summary: (ce.start, ce.end) for ce in mapped(program(*events))}
    assert got == {
        "A": (at(3, 8, 30), at(3, 11, 30)),
        "B": (at(3, 14, 0), at(3, 17, 0)),
        "C": (at(3, 8, 0), at(3, 17, 0)),
        "D": (at(3, 12, 0), at(3, 13, 0)),
        "E": (at(3, 14, 0), at(3, 17, 0)),
    }
    by_duration = config.from_dict({"events": {"timed_end": "duration", "default_duration": 90}})
    ce = next(c for c in mapped(program(*events), by_duration) if c.summary == "A")
    assert (ce.start, ce.end) == (at(3, 8, 30), at(3, 10, 0))


def test_no_session_is_date_only_and_all_day_as_configured():
    p = program(Event(date(2023, 10, 3), "Đi kiểm tra cơ sở"), Event(date(2023, 10, 4), "Họp", session="all_day"))
    plain, whole = mapped(p)
    assert (plain.start, plain.end) == (date(2023, 10, 3), date(2023, 10, 4)) and plain.all_day
    assert (whole.start, whole.end) == (at(4, 7, 30), at(4, 17, 0))
    dated = config.from_dict({"events": {"all_day": "date"}})
    assert [(c.start, c.end) for c in mapped(p, dated)][1] == (date(2023, 10, 4), date(2023, 10, 5))


def test_seasonal_hours():
    summer = config.from_dict({"sessions": {"seasons": [{"from": "05-01", "to": "09-30", "morning": "07:00-11:00"}]}})
    sept, = mapped(program(Event(date(2023, 9, 29), "Họp", session="morning"), month=9), summer)
    octo, = mapped(program(Event(date(2023, 10, 2), "Họp", session="morning")), summer)
    assert (sept.start, sept.end) == (at(29, 7, 0, month=9), at(29, 11, 0, month=9))
    assert (octo.start, octo.end) == (at(2, 7, 30), at(2, 11, 30))


def test_spans_single_or_one_per_working_day():
    # Thursday 05/10 to Monday 09/10 (a weekend inside).
    span = Event(date(2023, 10, 5), "Tập huấn", end_date=date(2023, 10, 9), session="all_day")
    one, = mapped(program(span))
    assert (one.start, one.end) == (at(5, 7, 30), at(9, 17, 0))
    daily = config.from_dict({"events": {"spans": "daily"}})
    days = mapped(program(span), daily)
    assert [(c.start, c.end) for c in days] == [(at(d, 7, 30), at(d, 17, 0)) for d in (5, 6, 9)]
    assert len({c.uid for c in days}) == 3
    weekend = Event(date(2023, 10, 7), "Hội thao", end_date=date(2023, 10, 8))  # only weekend days: kept
    assert [c.start for c in mapped(program(weekend), daily)] == [date(2023, 10, 7), date(2023, 10, 8)]
    undated = mapped(program(replace(span, session=None)))[0]
    assert (undated.start, undated.end) == (date(2023, 10, 5), date(2023, 10, 10))


def test_holidays_are_transparent_all_day():
    ce, = mapped(program(Event(date(2023, 9, 1), "Nghỉ lễ Quốc khánh 02/9", end_date=date(2023, 9, 4), kind="holiday"),
                         month=9))
    assert ce.transparent and (ce.start, ce.end) == (date(2023, 9, 1), date(2023, 9, 5))
    assert "Nghỉ lễ" in ce.categories


def test_officials_through_groups_and_title_aliases():
    p = program(
        Event(date(2023, 10, 3), "Đi kiểm tra cơ sở", officials=["Lãnh đạo Sở"]),
        Event(date(2023, 10, 4), "Họp Đảng ủy", officials=["Bí thư"]),
        Event(date(2023, 10, 5), "Tiếp dân", officials=["Dũng", "Lãnh đạo Sở"]),
        Event(date(2023, 10, 6), "Dự hội nghị", officials=["Theo TP mời"]),
    )
    got = [c.officials for c in mapped(p, EXAMPLE)]
    assert got == [("lac", "cong", "dung", "hoa"), ("lac",), ("dung", "lac", "cong", "hoa"), ()]


def test_without_config_every_person_named_is_an_official():
    p = parse_file(REPO / "samples" / "so-khcn-hatinh-2024-01.txt")
    d = Directory(Config(), [p])
    assert sorted(o.short_name for o in d.officials) == ["An", "Bình", "Hoàn", "Hùng", "Trọng"]
    assert looks_like_person("Lê Anh Xuân") and looks_like_person("Lạc")
    assert not any(map(looks_like_person, ["Lãnh đạo Sở", "Thường trực", "Bí thư", "BTV ĐUK", "Theo TP mời",
                                           "Đại diện LĐ Sở", "Bí Thư Tỉnh Ủy", "PGĐ phụ trách"]))


def test_same_short_name_told_apart_by_written_titles():
    cfg = config.from_dict({"officials": {
        "hung-pgd": {"short_name": "Hùng", "titles": ["PGĐ"]},
        "hung-cd": {"short_name": "Hùng", "titles": ["CT CĐ"]},
    }})
    e = Event(date(2023, 10, 3), "Họp công đoàn", officials=["Hùng"], titles={"Hùng": "CT CĐ"})
    assert mapped(program(e), cfg)[0].officials == ("hung-cd",)


@pytest.mark.parametrize("typed", ["Lac", "lạc", "LẠC", "Giám đốc", "giam doc so", "lac", "Bí thư Đảng ủy"])
def test_find_by_name_alias_or_title(typed):
    assert Directory(EXAMPLE).find(typed).key == "lac"


def test_find_unknown_or_ambiguous():
    d = Directory(EXAMPLE)
    with pytest.raises(AmbiguousName) as amb:
        d.find("PGĐ")
    assert {o.key for o in amb.value.matches} == {"cong", "dung", "hoa"}
    with pytest.raises(UnknownName) as unk:
        d.find("Lang")
    assert "Lạc" in unk.value.close


def test_uids_survive_a_revised_issue():
    first = parse_file(REPO / "samples" / "so-ldtbxh-hatinh-2023-09.txt")
    uids = {(c.start if c.all_day else c.start.date(), c.summary): c.uid for c in mapped(first)}
    revised = replace(first, events=[
        replace(e, session="afternoon", officials=["Dũng"], line=(e.line or 0) + 7) if e.title == "Hội thảo về chuyển đổi số"
        else replace(e, line=(e.line or 0) + 7)
        for e in first.events
    ] + [Event(date(2023, 9, 14), "Họp bổ sung", session="morning")])
    again = {(c.start if c.all_day else c.start.date(), c.summary): c.uid for c in mapped(revised)}
    assert {k: again[k] for k in uids} == uids  # every item keeps its UID, the moved one too
    assert len(set(again.values())) == len(again)


def test_identical_items_get_distinct_uids_and_titles_fold():
    e = Event(date(2023, 10, 3), "Họp giao ban", session="morning")
    a, b = mapped(program(e, e))
    assert a.uid != b.uid and b.uid.startswith(a.uid.split("@")[0])
    same, = mapped(program(replace(e, title="HỌP GIAO BAN.", session="evening")))
    assert same.uid == a.uid  # case, accents-insensitive and punctuation don't make a new event
    other_body, = mapped(program(e, org="Sở Khoa học và Công nghệ"))
    assert other_body.uid != a.uid


def test_description_in_vietnamese():
    ce, = mapped(program(Event(date(2023, 10, 3), "Họp", session="morning", officials=["Lạc"], units=["Văn phòng"],
                               location="Hội trường tầng 3", titles={"Lạc": "TUV, BTĐU, GĐ"})), EXAMPLE)
    assert ce.description.splitlines() == [
        "Chủ trì: Lạc (TUV, BTĐU, GĐ)",
        "Chuẩn bị: Văn phòng",
        "Địa điểm: Hội trường tầng 3",
        "Âm lịch: 19/08 Quý Mão",  # 03/10/2023
        "Nguồn: Chương trình công tác tháng 10/2023 – Sở Lao động - TBXH",
    ]
    assert ce.location == "Hội trường tầng 3" and ce.start.time() == time(7, 30)


def test_participants_show_in_the_description():
    ce, = mapped(program(Event(date(2023, 10, 3), "Họp Hội đồng thi đua", officials=["Lạc"],
                               participants=["Lãnh đạo các phòng", "Mời: Sở Tài chính"])), EXAMPLE)
    assert ce.description.splitlines()[:2] == ["Chủ trì: Lạc", "Thành phần: Lãnh đạo các phòng; Mời: Sở Tài chính"]


def test_participants_of_a_prose_week_reach_the_calendar():
    """binhduong-sovhttdl-2025w13.txt: "- Thành / phần: BGĐ Sở; đại diện P.QLVHGĐ; …" under the 14h00 item."""
    p = parse_file(REPO / "samples" / "weekly" / "binhduong-sovhttdl-2025w13.txt")
    described = {ce.summary[:30]: ce.description.splitlines() for ce in mapped(p, EXAMPLE)}
    assert "Thành phần: BGĐ Sở; đại diện P.QLVHGĐ; VP Sở (PCVP, CV phụ trách TĐKT), đại diện Bảo tàng tỉnh" \
        in described["Ban Giám đốc họp thông qua hồ "]
    assert not any(line.startswith("Thành phần") for line in described["PGĐ Cao Văn Chóng dự lễ khai m"])


def test_participants_round_trip_through_the_json_contract():
    e = Event(date(2025, 3, 24), "Họp", participants=["Lãnh đạo Sở"])
    assert Event.from_dict(e.to_dict()) == e
    assert "participants" not in Event(date(2025, 3, 24), "Họp").to_dict()  # optional: left out when empty
