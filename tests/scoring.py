"""Score a parsed schedule against a gold one, with the semantics of shared/tools/score_schedule.py.

Kept in the repository so the accuracy tests run without the shared folder; test_accuracy.py
checks that both scorers agree whenever the shared one is there.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

FIELDS = ("session", "end_date", "start_time", "officials", "units", "location", "kind", "title")
PAIR_THRESHOLD = 0.6

# Old and new tone placement are both in use: "Thành uỷ" / "Thành ủy", "hoà" / "hòa".
_OLD = "oà oá oả oã oạ oè oé oẻ oẽ oẹ uỳ uý uỷ uỹ uỵ".split()
_NEW = "òa óa ỏa õa ọa òe óe ỏe õe ọe ùy úy ủy ũy ụy".split()
_TONES = dict(zip(_OLD, _NEW))
_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD) + r")(?!\w)")
_COMRADE_RE = re.compile(r"^đ/c\s+")


def norm(s: str | None) -> str:
    """Comparable text: NFC, "Ƣ" repaired, spaces collapsed, edge punctuation off, lower, new tones."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate({ord("Ƣ"): "Ư", ord("ƣ"): "ư"})
    s = re.sub(r"\s+", " ", s).strip().strip(".;,:-+ ").lower()
    return _TONE_RE.sub(lambda m: _TONES[m.group(1)], s)


def official_set(names) -> frozenset[str]:
    """Officials are a set: order and a leading "Đ/c" do not count."""
    return frozenset(filter(None, (_COMRADE_RE.sub("", norm(n)) for n in names or [])))


def words(values) -> list[str]:
    """A bag of words: how a parser splits "VP, BTXH + TE" into units is not scored."""
    return sorted(w for v in values or [] for w in re.findall(r"\w+", norm(v)))


def _single_day(e: dict) -> str | None:
    end = e.get("end_date")
    return None if end in (None, e.get("date")) else end


def agrees(name: str, gold: dict, parsed: dict) -> bool:
    """Whether one field of a paired event agrees."""
    g, p = gold.get(name), parsed.get(name)
    if name == "officials":
        return official_set(g) == official_set(p)
    if name == "units":
        return words(g) == words(p)
    if name == "location":
        return words([g] if g else []) == words([p] if p else [])
    if name == "title":
        return norm(g) == norm(p)
    if name == "end_date":  # null and end_date == date both mean one day
        return _single_day(gold) == _single_day(parsed)
    if name == "kind":
        return (g or "work") == (p or "work")
    return g == p


def title_similarity(a: dict, b: dict) -> float:
    return SequenceMatcher(None, norm(a.get("title")), norm(b.get("title"))).ratio()


def pair(gold: list[dict], parsed: list[dict]) -> list[tuple[dict, dict]]:
    """Pair events of the same date greedily, most similar titles first, ratio >= 0.6."""
    dates: dict = {}
    for e in gold:
        dates.setdefault(e.get("date"), ([], []))[0].append(e)
    for e in parsed:
        dates.setdefault(e.get("date"), ([], []))[1].append(e)
    pairs = []
    for gs, ps in dates.values():
        candidates = sorted(
            ((title_similarity(g, p), i, j) for i, g in enumerate(gs) for j, p in enumerate(ps)),
            reverse=True,
        )
        taken_g: set[int] = set()
        taken_p: set[int] = set()
        for ratio, i, j in candidates:
            if ratio < PAIR_THRESHOLD:
                break
            if i not in taken_g and j not in taken_p:
                taken_g.add(i)
                taken_p.add(j)
                pairs.append((gs[i], ps[j]))
    return pairs


@dataclass
class Score:
    gold_events: int
    parsed_events: int
    paired: int
    precision: float
    recall: float
    f1: float
    fields: dict[str, float]
    exact: float = 0.0  # share of gold events a paired event gets right in every counted field
    misses: list[dict] = field(default_factory=list)  # {"date", "field", "title", "gold", "parsed"}
    unpaired_gold: list[dict] = field(default_factory=list)
    unpaired_parsed: list[dict] = field(default_factory=list)

    def report(self, limit: int = 40) -> str:
        """The misses as lines a person can act on."""
        out = [f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} exact={self.exact:.3f} "
               + " ".join(f"{k}={v:.3f}" for k, v in self.fields.items())]
        for e in self.unpaired_gold[:limit]:
            out.append(f"  missing  {e.get('date')}  {e.get('title', '')[:70]!r}")
        for e in self.unpaired_parsed[:limit]:
            out.append(f"  extra    {e.get('date')}  {e.get('title', '')[:70]!r}")
        for m in sorted(self.misses, key=lambda m: (m["date"] or "", m["field"]))[:limit]:
            out.append(f"  {m['date']}  {m['field']}: gold={m['gold']!r} parsed={m['parsed']!r}"
                       f"  ({m['title'][:50]!r})")
        hidden = max(0, len(self.misses) - limit)
        if hidden:
            out.append(f"  ... and {hidden} more field misses")
        return "\n".join(out)


def score(gold_doc: dict, parsed_doc: dict) -> Score:
    """Event P/R/F1, and per field the share of paired events that agree (ambiguous fields skipped)."""
    gold, parsed = gold_doc.get("events", []), parsed_doc.get("events", [])
    pairs = pair(gold, parsed)
    precision = len(pairs) / len(parsed) if parsed else 0.0
    recall = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    fields, misses = {}, []
    for name in FIELDS:
        counted = agreed = 0
        for g, p in pairs:
            if name in g.get("ambiguous", []):
                continue
            counted += 1
            if agrees(name, g, p):
                agreed += 1
            else:
                misses.append({"date": g.get("date"), "field": name, "title": g.get("title") or "",
                               "gold": g.get(name), "parsed": p.get(name)})
        fields[name] = agreed / counted if counted else 1.0
    exact = sum(all(agrees(name, g, p) for name in FIELDS if name not in g.get("ambiguous", [])) for g, p in pairs)
    paired_g = {id(g) for g, _ in pairs}
    paired_p = {id(p) for _, p in pairs}
    return Score(
        gold_events=len(gold), parsed_events=len(parsed), paired=len(pairs),
        precision=precision, recall=recall, f1=f1, fields=fields, misses=misses,
        exact=exact / len(gold) if gold else 1.0,
        unpaired_gold=[e for e in gold if id(e) not in paired_g],
        unpaired_parsed=[e for e in parsed if id(e) not in paired_p],
    )
