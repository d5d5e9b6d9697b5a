"""The officials directory: who a program's "Lạc", "Lãnh đạo Sở" or "Đ/c Bí thư" is.

Built from the configuration (people, their groups, organisation-level title aliases) and,
for names the configuration does not know, from the programs themselves: any person's name
a program writes ("Lạc", "Nguyễn Văn Thi") becomes an official, so lichsync works with no
configuration at all. Roles and groups without a person ("Thường trực", "Theo TP mời") are
not officials of their own. A group reaches people through the configuration; when the
configuration does not say who is in it, a leadership group ("Lãnh đạo Sở", "Ban Giám đốc",
"Thường trực") reaches the people the same document writes with leadership titles (GĐ, PGĐ, CT,
PCT …). When the programs come from several bodies, the people found in them are kept apart by
body ("Lạc" of one Sở is not "Lạc" of another).
"""
from __future__ import annotations

import difflib
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lichsync.config import Config, Official
from lichsync.parse.model import Program
from lichsync.parse.text import fold

# First words of roles and groups, never of a person's name ("Bí Thư", "Ban Thường Vụ").
_ROLE_HEADS = {"bi", "pho", "chu", "giam", "truong", "chanh", "uy", "thuong", "lanh", "ban", "to", "dai", "dang",
               "theo", "cac", "doan", "hoi", "van", "thanh", "can", "dong", "toan"}


_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def key_of(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form used for every name comparison. Cached: the
    same labels, titles and bodies come back in every event of every program of an export."""
    return " ".join(_WORD.findall(fold(text)))


def slug(text: str) -> str:
    return key_of(text).replace(" ", "-") or "official"


def looks_like_person(label: str) -> bool:
    """A name as programs write people ("Lạc", "Lê Anh Xuân"), not a role or group ("Lãnh đạo Sở")."""
    words = label.split()
    return (
        0 < len(words) <= 4
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not (len(words) > 1 and key_of(words[0]) in _ROLE_HEADS)
        and key_of(words[0]) not in {"bi", "pho", "chu", "giam", "lanh", "ban", "theo"}
    )


# Group labels a program writes for its own leadership, folded.
_LEADERSHIP_GROUP = re.compile(r"^(lanh dao|ld|ban giam doc|bgd|thuong truc)( (so|tinh|tinh uy|ubnd|huyen|dang uy))?$")
# A leadership title as a document writes it beside a name ("GĐ", "PGĐ Sở", "Phó Chủ tịch UBND"),
# folded; "CT CĐ" (the trade union's chair) or "BTĐU" (the Party committee's secretary) is not one.
_LEADERSHIP_TITLE = re.compile(r"^(p?gd|p?ct|pho giam doc|giam doc|pho chu tich|chu tich)( (so|ubnd|tinh|huyen))?$")


def is_leadership_group(label: str) -> bool:
    return bool(_LEADERSHIP_GROUP.match(key_of(label)))


def has_leadership_title(titles: str) -> bool:
    """ "TUV, BTĐU, GĐ" → True; "CT CĐ" → False."""
    return any(_LEADERSHIP_TITLE.match(key_of(part)) for part in titles.split(","))


def body_of(program: Program | Roster) -> str:
    return key_of(program.organization or "")


@dataclass(frozen=True)
class Roster:
    """All the directory reads of one program: its body, the labels its events write (first seen first)
    and how often each (label, titles) pair is written. Small: a sync keeps it per document, so one
    changed document builds the directory without loading the others (sync/quick.py)."""
    organization: str | None
    labels: tuple[str, ...]
    titled: tuple[tuple[tuple[str, str], int], ...]  # resolving a label reads no more of its event than these

    @classmethod
    def of(cls, program: Program) -> Roster:
        labels = dict.fromkeys(label for event in program.events for label in event.officials)
        titled = Counter((label, written) for event in program.events for label, written in event.titles.items())
        return cls(program.organization, tuple(labels), tuple(titled.items()))


class AmbiguousName(LookupError):
    def __init__(self, name: str, matches: list[Official]):
        super().__init__(name)
        self.matches = matches


class UnknownName(LookupError):
    def __init__(self, name: str, close: list[str]):
        super().__init__(name)
        self.close = close


class Directory:
    """Resolves program labels to official keys and user-typed names to officials."""

    def __init__(self, config: Config, programs: Iterable[Program | Roster] = ()):
        self.officials: list[Official] = list(config.officials)
        self._names: dict[str, list[str]] = {}  # folded name → official keys
        self._groups: dict[str, list[str]] = {}  # folded group label → member keys
        self._titles: dict[str, str] = {key_of(t): k for t, k in config.organization.titles.items()}
        for o in self.officials:
            for name in o.names:
                self._names.setdefault(key_of(name), []).append(o.key)
            for group in o.groups:
                self._groups.setdefault(key_of(group), []).append(o.key)
        self._by_key = {o.key: o for o in self.officials}
        self._body: dict[str, str] = {}  # key of an official found in a program → its body, when bodies are several
        self._leaders: dict[int, tuple[str, ...]] = {}  # id(program) → keys of the people it titles as leaders
        programs = list(programs)
        self.rosters = [p if isinstance(p, Roster) else Roster.of(p) for p in programs]  # in the programs' order
        self.bodies = {body_of(p): p.organization or "" for p in self.rosters}
        several = len(self.bodies) > 1
        for program, roster in zip(programs, self.rosters, strict=True):
            for label in roster.labels:
                self._discover(label, program if several else None)
        self._written: dict[str, Counter] = {}  # key → titles the programs write beside the name
        for program, roster in zip(programs, self.rosters, strict=True):
            for (label, written), count in roster.titled:
                for key in self.resolve([label], {label: written}, program):
                    self._written.setdefault(key, Counter())[written] += count
        for program, roster in zip(programs, self.rosters, strict=True):
            leaders = [k for (label, t), _ in roster.titled if has_leadership_title(t)
                       for k in self.resolve([label], {label: t}, program)]
            self._leaders[id(program)] = tuple(dict.fromkeys(leaders))

    def _discover(self, label: str, program: Program | Roster | None) -> None:
        body = body_of(program) if program else None
        known = self._lookup(label)
        if (known and (body is None or any(self._body.get(k, body) == body for k in known))) or not looks_like_person(label):
            return
        key = base = slug(f"{label} {body}") if body else slug(label)
        n = 2
        while key in self._by_key:
            key, n = f"{base}-{n}", n + 1
        official = Official(key=key, short_name=f"{label} – {program.organization}" if body and program else label)
        self.officials.append(official)
        self._by_key[key] = official
        self._names.setdefault(key_of(label), []).append(key)
        if body is not None:
            self._body[key] = body
            self._names[key_of(official.short_name)] = [key]

    def _lookup(self, label: str) -> list[str]:
        k = key_of(label)
        if k in self._names:
            return self._names[k]
        if k in self._groups:
            return self._groups[k]
        if k in self._titles:
            return [self._titles[k]]
        return []

    def fingerprint(self, program: Program | Roster) -> str:
        """All that mapping `program` reads of the directory: every name, group, title and body it
        knows (one document may teach it a name that the others then resolve to), and the program's leaders."""
        return hashlib.sha256(f"{self._known}{self._leaders.get(id(program))}".encode()).hexdigest()

    def digest(self) -> str:
        """What mapping any program and heading any feed read of the directory, but each program's own
        leaders: the same digest after one program changed, and every other program maps as before."""
        roles = [(o.key, self.role(o.key)) for o in self.officials]
        return hashlib.sha256(f"{self._known}{roles}".encode()).hexdigest()

    @functools.cached_property
    def _known(self) -> str:
        """Of what every program's mapping reads; once, as nothing changes the directory once built."""
        known = (self.officials, self._names, self._groups, self._titles, self._body, self.bodies)
        return hashlib.sha256(repr(known).encode()).hexdigest()

    def role(self, key: str) -> str:
        """The titles of an official: the configuration's, else the ones the programs write most ("TUV, BTĐU, GĐ")."""
        official = self.get(key)
        if official.titles:
            return ", ".join(official.titles)
        written = self._written.get(key)
        return written.most_common(1)[0][0] if written else ""

    def is_leadership_group(self, label: str) -> bool:
        """A leadership group the configuration does not fill: the program's own leaders make it up."""
        return key_of(label) not in self._groups and not self._lookup(label) and is_leadership_group(label)

    def get(self, key: str) -> Official:
        return self._by_key[key]

    def resolve(self, labels: Iterable[str], titles: dict[str, str] | None = None,
                program: Program | Roster | None = None) -> tuple[str, ...]:
        """Official keys for an event's labels, in order: a person, each member of a group, a title's holder.

        Two people written the same way ("Hùng") are told apart by the titles written with the
        name ("CT CĐ") when those match one person's titles; otherwise both are kept. `program`
        keeps people found in programs to their own body's, and gives a leadership group no
        configuration fills the leaders that program names.
        """
        out: list[str] = []
        for label in labels:
            keys = self._lookup(label)
            if program is not None:
                keys = [k for k in keys if self._body.get(k, body_of(program)) == body_of(program)]
                if not keys and self.is_leadership_group(label):
                    keys = list(self._leaders.get(id(program), ()))
            written = key_of((titles or {}).get(label, ""))
            if len(keys) > 1 and written and label and key_of(label) in self._names:
                fitting = [k for k in keys if any(key_of(t) in written for t in self.get(k).titles)]
                keys = fitting or keys
            out += [k for k in keys if k not in out]
        return tuple(out)

    def find(self, name: str) -> Official:
        """The official a user means by NAME: key, short or full name, alias, title; accents and case ignored."""
        k = key_of(name)
        matches = [o for o in self.officials if k in {key_of(n) for n in (o.key, *o.names, *o.titles)}]
        if k in self._titles and self.get(self._titles[k]) not in matches:
            matches.append(self.get(self._titles[k]))
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousName(name, matches)
        spoken = {key_of(n): n for o in self.officials for n in (*o.names, *o.titles)}
        spoken.update({key_of(t): t for t in self._titles})
        close = difflib.get_close_matches(k, list(spoken), n=5, cutoff=0.5)
        close += [s for s in spoken if k and (k in s.split() or s.startswith(k)) and s not in close]
        raise UnknownName(name, [spoken[c] for c in close][:5])


def describe(official: Official) -> str:
    """"Lạc (TUV, BTĐU, GĐ)" — how the CLI lists an official."""
    extra = ", ".join(official.titles)
    name = official.full_name or official.short_name
    if official.full_name and official.full_name != official.short_name:
        name = f"{official.short_name} – {official.full_name}"
    return f"{name} ({extra})" if extra else name
