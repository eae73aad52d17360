#!/usr/bin/env python3
"""Renders the demo's report in headless Chromium, to PNG and to PDF, and checks what
a reader would see: a CJK font is installed (else every Chinese character is a box),
the page is not blank and shows the charts' colours, the bar chart has one bar group
per category, the summary's sentences are in the page Chromium builds, every link to
the appendix lands on an anchor, and the PDF is A4: the summary and tables; the charts;
commitments, reconciliation and data quality; then the appendix of records.

usage: render_check.py AIDSTAT DATASET OUTDIR [--keep-png FILE]"""
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path


def fail(why):
    print("render_check: " + why, file=sys.stderr)
    sys.exit(1)


def chromium(out_dir, *args):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        fail("chromium is not installed: run scripts/install-deps.sh")
    profile = tempfile.mkdtemp(dir=out_dir)  # runs in parallel must not share a profile
    # No sandbox and no /dev/shm: a root chroot or a container has neither.
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--hide-scrollbars",
           "--no-first-run", "--user-data-dir=" + profile, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        fail("chromium failed: " + done.stderr[-2000:])


def png_pixels(path):
    """The RGB(A) rows of an 8-bit PNG, with only the standard library."""
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                fail(f"unexpected PNG format: depth {depth}, colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    if len(sys.argv) < 4:
        fail(__doc__)
    cli, data, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        fail("no Chinese font is installed (fonts-wqy-microhei): Chinese would render as boxes")

    html = out / "report.html"
    subprocess.run([cli, "report", data, "--base", "2022", "--year", "2023", "-o", str(html)],
                   check=True)
    page = html.read_text(encoding="utf-8")
    yoy = subprocess.run([cli, "yoy", data, "--base", "2022", "--year", "2023", "--by",
                          "category", "--format", "csv"], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()
    categories = len(yoy) - 1
    groups = len(re.findall(r'<g class="bar-group"', page))
    if groups != categories:
        fail(f"the bar chart has {groups} bar groups for {categories} categories")

    targets = set(re.findall(r'href="#([^"]+)"', page))
    anchors = set(re.findall(r'id="([^"]+)"', page))
    if not targets or targets - anchors:
        fail(f"links without an anchor: {sorted(targets - anchors)}")
    started = time.monotonic()
    dom = subprocess.run([shutil.which("chromium") or "chromium", "--headless", "--no-sandbox",
                          "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom",
                          html.as_uri()], capture_output=True, text=True, timeout=120).stdout
    sentences = re.findall(r'<p class="sentence">(.*?)</p>', dom)
    if not sentences or "年共登记双拥工作记录" not in re.sub(r"<[^>]+>", "", sentences[0]):
        fail("the summary's sentences are not in the page Chromium built")
    png, pdf = out / "report.png", out / "report.pdf"
    chromium(out, "--window-size=1000,2700", "--screenshot=" + str(png), html.as_uri())
    chromium(out, "--no-pdf-header-footer", "--print-to-pdf=" + str(pdf), html.as_uri())
    seconds = time.monotonic() - started

    width, height, channels, rows = png_pixels(png)
    ink = red = 0
    for line in rows:
        for x in range(0, width * channels, channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r + g + b < 600:
                ink += 1
            if r > 150 and g < 90 and b < 80:  # the current year's bars, the headings' rule
                red += 1
    share = ink / (width * height)
    if share < 0.01:
        fail(f"the page is blank: {share:.2%} of it is drawn")
    if red < 2000:
        fail(f"the charts' colours are missing: {red} red pixels")

    pdf_bytes = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf_bytes))
    if not 4 <= pages <= 8:
        fail(f"the PDF has {pages} pages; the demo's report takes 6 A4 pages (4 to 8 allowed)")
    if not re.search(rb"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", pdf_bytes):
        fail("the PDF's pages are not A4")

    if len(sys.argv) > 5 and sys.argv[4] == "--keep-png":
        shutil.copyfile(png, sys.argv[5])
    print(f"render_check: {groups} bar groups, {len(sentences)} summary sentences, "
          f"{len(targets)} link targets, {share:.1%} of the page drawn, {pages} A4 pages; "
          f"Chromium took {seconds:.1f} s for PNG and PDF")


main()
