#!/usr/bin/env python3
"""Builds tests/data/scan-so-ldtbxh-hatinh-2023-09.pdf: the sample Word program as an office scans
it. samples/so-ldtbxh-hatinh-2023-09.pdf (LibreOffice's print of the .docx) is rasterised at
170 dpi, tilted 0.8°, speckled with noise, blotted with a red stamp-like ring and saved as an
image-only PDF of JPEG pages. Seeded, so it rebuilds the same file.

    python tests/data/make_scan.py
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "samples" / "so-ldtbxh-hatinh-2023-09.pdf"
TARGET = Path(__file__).resolve().parent / "scan-so-ldtbxh-hatinh-2023-09.pdf"
DPI, TILT = 170, 0.8


def scan(page: Image.Image, rng: np.random.Generator, stamp: bool) -> Image.Image:
    page = page.convert("RGB").rotate(TILT, resample=Image.BICUBIC, expand=False, fillcolor="white")
    if stamp:  # a seal over the signature, partly over the table's last rows
        draw = ImageDraw.Draw(page, "RGBA")
        x, y, r = int(page.width * 0.62), int(page.height * 0.80), int(DPI * 0.7)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(200, 30, 40, 150), width=int(DPI * 0.05))
        draw.ellipse((x - r // 3, y - r // 3, x + r // 3, y + r // 3), fill=(200, 30, 40, 90))
    pixels = np.asarray(page).astype(np.int16)
    pixels += rng.normal(0, 12, pixels.shape[:2])[..., None].astype(np.int16)  # sensor noise
    specks = rng.random(pixels.shape[:2]) < 0.0015  # dust
    pixels[specks] = 40
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def main() -> None:
    rng = np.random.default_rng(14)
    pdf = pypdfium2.PdfDocument(SOURCE)
    pages = [scan(pdf[k].render(scale=DPI / 72).to_pil(), rng, k == len(pdf) - 1) for k in range(len(pdf))]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=DPI, quality=60)
    TARGET.write_bytes(out.getvalue())
    print(f"{TARGET.name}: {len(pages)} pages, {len(out.getvalue()) // 1024} KB")


if __name__ == "__main__":
    main()
