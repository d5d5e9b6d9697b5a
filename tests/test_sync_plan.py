"""The push planner on plain values: no network, no files."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from lichsync.calendar.calendar_event import CalendarEvent
from lichsync.sync.plan import Desired, Record, RemoteEvent, plan

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SEPT, OCT = "so-ldtbxh|2023-09", "so-ldtbxh|2023-10"


def desired(i: int, title: str | None = None, scope: str = SEPT) -> Desired:
    start = datetime(2023, 9, 1 + i, 7, 30, tzinfo=TZ)
    return Desired(CalendarEvent(uid=f"2023090{i}-x@lichsync", summary=title or f"Giao ban {i}", start=start,
                                 end=start + timedelta(hours=4)), scope)


def pushed(d: Desired, etag: str = '"1"') -> tuple[RemoteEvent, Record]:
    """What the calendar and the state hold after lichsync wrote `d`."""
    remote = RemoteEvent(d.uid, f"/cal/{d.uid}.ics", etag, owned=True, hash=d.hash, scope=d.scope,
                         summary=d.event.summary, start=d.event.start)
    return remote, Record(d.uid, remote.remote_id, etag, d.hash)


def ops(p) -> dict[str, str]:
    return {a.uid: a.op for a in p.actions}


def test_empty_calendar_creates_everything():
    want = [desired(1), desired(2)]
    p = plan(want, {}, [], [SEPT])
    assert ops(p) == {want[0].uid: "create", want[1].uid: "create"}
    assert len(p.writes) == 2


def test_nothing_changed_means_no_write():
    want = [desired(1), desired(2)]
    remote, records = zip(*(pushed(d) for d in want))
    p = plan(want, {r.uid: r for r in records}, remote, [SEPT])
    assert p.writes == [] and p.counts()["unchanged"] == 2
    assert not any(a.adopt or a.edited for a in p.actions)


def test_changed_content_is_one_update_of_the_remote_event():
    old = desired(1)
    remote, record = pushed(old)
    new = desired(1, title="Giao ban Sở (đổi giờ)")
    p = plan([new], {old.uid: record}, [remote], [SEPT])
    [action] = p.writes
    assert (action.op, action.remote, action.edited) == ("update", remote, False)


def test_deletes_only_owned_events_of_the_pushed_scopes():
    kept, dropped, october = desired(1), desired(2), desired(3, scope=OCT)
    person = RemoteEvent("abc@google.com", "/cal/abc.ics", '"9"', owned=False, summary="Đi khám bệnh")
    state = {}
    remote = [person]
    for d in (kept, dropped, october):
        r, rec = pushed(d)
        remote.append(r)
        state[d.uid] = rec
    p = plan([kept], state, remote, [SEPT])
    assert ops(p) == {kept.uid: "unchanged", dropped.uid: "delete"}  # October and the person's event: untouched


def test_a_program_with_nothing_left_for_the_official_still_deletes_its_events():
    gone = desired(1)
    remote, record = pushed(gone)
    p = plan([], {gone.uid: record}, [remote], [SEPT])
    assert [(a.op, a.uid) for a in p.actions] == [("delete", gone.uid)]


def test_person_edit_is_kept_while_the_program_is_unchanged():
    d = desired(1)
    remote, record = pushed(d)
    edited = replace(remote, etag='"2"', summary="Giao ban (dời sang phòng họp 2)")
    p = plan([d], {d.uid: record}, [edited], [SEPT])
    [action] = p.actions
    assert (action.op, action.edited) == ("unchanged", True)
    assert p.edited_kept == [action] and p.writes == []


def test_person_edit_is_overwritten_when_the_program_changed_and_the_plan_says_so():
    d = desired(1)
    remote, record = pushed(d)
    edited = replace(remote, etag='"2"')
    p = plan([desired(1, title="Giao ban tháng 9")], {d.uid: record}, [edited], [SEPT])
    [action] = p.writes
    assert (action.op, action.edited) == ("update", True)
    assert p.edited_overwritten == [action]


def test_lost_state_refinds_events_by_uid_without_writing():
    want = [desired(1), desired(2)]
    remote = [pushed(d)[0] for d in want]
    p = plan(want, {}, remote, [SEPT])
    assert p.writes == []
    assert all(a.op == "unchanged" and a.adopt for a in p.actions)


def test_lost_state_and_changed_program_updates_instead_of_duplicating():
    old = desired(1)
    remote, _ = pushed(old)
    p = plan([desired(1, title="Họp mới")], {}, [remote], [SEPT])
    assert [(a.op, a.remote) for a in p.actions] == [("update", remote)]


def test_a_persons_event_with_the_same_uid_is_left_alone():
    d = desired(1)
    theirs = RemoteEvent(d.uid, "/cal/imported.ics", '"5"', owned=False)
    p = plan([d], {}, [theirs], [SEPT])
    assert ops(p) == {d.uid: "foreign"} and p.writes == []


def test_deleted_remote_event_is_created_again_and_cancelled_ones_do_not_count():
    d = desired(1)
    remote, record = pushed(d)
    p = plan([d], {d.uid: record}, [replace(remote, cancelled=True)], [SEPT])
    assert ops(p) == {d.uid: "create"}
    p = plan([d], {d.uid: record}, [], [SEPT])
    assert ops(p) == {d.uid: "create"}


def test_state_of_events_gone_from_calendar_and_program_is_forgotten():
    d = desired(1)
    _, record = pushed(d)
    p = plan([], {d.uid: record}, [], [SEPT])
    assert p.actions == [] and p.forget == [d.uid]
