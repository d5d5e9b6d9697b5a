"""Print the layout matrix: gold document × layout → exact, and the summary line.

    python tests/layouts/report.py [--layouts a,b] [--documents x,y] [--detail] [--work DIR] [--cache DIR]

Layouts are rows, documents columns (legend below the table). --detail prints, for every cell
under 0.95, what was missing, extra or wrong. PDFs are cached under --cache (default: the user's
cache directory), so a second run does not wait for LibreOffice or Chromium.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matrix  # noqa: E402

THRESHOLD = 0.95


def summary(cells: list[matrix.Cell], documents: int, layouts: int) -> str:
    values = [c.exact for c in cells]
    low = min(values) if values else 0.0
    mean = sum(values) / len(values) if values else 0.0
    return f"matrix: {documents} documents × {layouts} layouts, min exact {low:.2f}, mean exact {mean:.2f}"


def table(cells: list[matrix.Cell]) -> list[str]:
    docs = list(dict.fromkeys(c.document for c in cells))
    layouts = list(dict.fromkeys(c.layout for c in cells))
    at = {(c.layout, c.document): c for c in cells}
    width = max(len(n) for n in layouts) + 1
    out = [" " * width + "".join(f"{f'D{k + 1}':>5}" for k in range(len(docs))) + "   mean"]
    for name in layouts:
        row = [at[name, d].exact for d in docs]
        marks = "".join(f"{v:5.2f}" if (name, d) in at and at[name, d].score else "  err" for v, d in zip(row, docs))
        out.append(f"{name:<{width}}{marks}  {sum(row) / len(row):5.2f}")
    col = [sum(at[n, d].exact for n in layouts) / len(layouts) for d in docs]
    out.append(f"{'mean':<{width}}" + "".join(f"{v:5.2f}" for v in col))
    out.append("")
    out += [f"D{k + 1:<3}{d}" for k, d in enumerate(docs)]
    return out


def detail(cells: list[matrix.Cell]) -> list[str]:
    out = []
    for c in sorted(cells, key=lambda c: c.exact):
        if c.exact >= THRESHOLD:
            continue
        out.append(f"\n== {c.layout} × {c.document}: exact {c.exact:.2f}  ({c.path})")
        out.append(c.error if c.error else c.score.report(limit=8))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layouts", help="comma-separated layout names (default: all)")
    ap.add_argument("--documents", help="comma-separated gold document names (default: all)")
    ap.add_argument("--detail", action="store_true", help="say what went wrong in each cell under 0.95")
    ap.add_argument("--work", type=Path, help="where the rendered files are kept (default: a temporary folder)")
    ap.add_argument("--cache", type=Path, default=None, help="PDF cache (default: the user cache directory)")
    args = ap.parse_args()
    import platformdirs

    cache = args.cache or Path(platformdirs.user_cache_dir("lichsync")) / "layouts-pdf"
    work = args.work or Path(tempfile.mkdtemp(prefix="layouts-"))
    cells = matrix.run(work, cache, args.layouts.split(",") if args.layouts else None,
                       args.documents.split(",") if args.documents else None)
    for name, why in matrix.skipped_layouts().items():
        print(f"skipped {name}: {why}")
    print("\n".join(table(cells)))
    if args.detail:
        print("\n".join(detail(cells)))
    print(f"\nrendered files: {work}")
    docs = len({c.document for c in cells})
    layouts = len({c.layout for c in cells})
    print(summary(cells, docs, layouts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
