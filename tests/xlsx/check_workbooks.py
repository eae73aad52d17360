#!/usr/bin/env python3
"""Workbooks both ways, through the command, against openpyxl as the independent writer
and reader:
- workbooks typed as a spreadsheet user types them load to the same dataset as the
  equivalent CSV directory (compared through their CSV exports, byte for byte);
- each problem kind has its exact sheet!cell message, and hostile files are refused;
- every result written as xlsx reads back equal to the CSV contract's values;
- export -o book.xlsx loads back to the same dataset, and two runs write the same bytes.
usage: check_workbooks.py AIDSTAT DEMO_DIR WORK_DIR"""
import csv
import datetime
import decimal
import filecmp
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

CLI, DEMO, WORK = sys.argv[1:4]
failures = []


def run(*args, status=0):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, cwd=WORK)
    if p.returncode != status:
        raise AssertionError(f"aidstat {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}:\n  got  {got!r}\n  want {want!r}")


def same_dataset(a, b, what):
    """Compares two datasets through their CSV exports, file by file."""
    for side, path in (("a", a), ("b", b)):
        shutil.rmtree(os.path.join(WORK, side), ignore_errors=True)
        run("export", path, "-o", os.path.join(WORK, side))
    for name in sorted(os.listdir(os.path.join(WORK, "a"))):
        with open(os.path.join(WORK, "a", name), "rb") as f, open(os.path.join(WORK, "b", name), "rb") as g:
            expect(f"{what}: {name}", f.read(), g.read())


ITEMS_HEADER = "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,direction,note"
ITEMS_CSV = [
    "2023-03-15,condolence,city_gov,73051,,cash,1234.50,,,,",
    "2023-04,education,city_gov,73051,,cash,1100余万元,,,,",
    "2023,medical,73051,garrison,,cash,0.30,,,,",
    "2023-05-02,culture,city_gov,garrison,,cash,300.00,,,,慰问演出",
    "2023-06,culture,city_gov,garrison,,in_kind,近3万元,12,person,,",
    "2022-12-31,culture,city_gov,garrison,,cash,5.00,,,,",
]


def typed_workbook(path, epoch=None):
    """The records of ITEMS_CSV as a user types them: date cells of each precision,
    number amounts and ids, report notation as text, a formula, an extra sheet."""
    wb = openpyxl.Workbook()
    if epoch:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "items"
    ws.append(ITEMS_HEADER.split(","))
    rows = [
        (datetime.datetime(2023, 3, 15), "yyyy-mm-dd", "city_gov", 73051, 1234.5, None, None, None),
        (datetime.datetime(2023, 4, 1), 'yyyy"年"m"月"', "city_gov", 73051, "1100余万元", None, None, None),
        (datetime.datetime(2023, 1, 1), "yyyy", 73051, "garrison", 0.30000000000000004, None, None, None),
        (datetime.datetime(2023, 5, 2), None, "city_gov", "garrison", "=100*3", None, None, "慰问演出"),
        (datetime.datetime(2023, 6, 1), "yyyy-mm", "city_gov", "garrison", "INLINE", 12, "person", None),
        (datetime.datetime(2022, 12, 31), "m/d/yyyy", "city_gov", "garrison", 5, None, None, None),
    ]
    cats = ["condolence", "education", "medical", "culture", "culture", "culture"]
    forms = ["cash", "cash", "cash", "cash", "in_kind", "cash"]
    for r, (day, fmt, prov, rec, amount, qty, measure, note) in enumerate(rows, start=2):
        ws.cell(r, 1, day)
        if fmt:
            ws.cell(r, 1).number_format = fmt
        for c, v in enumerate([cats[r - 2], prov, rec, None, forms[r - 2], amount, qty, measure, None, note], start=2):
            if v is not None:
                ws.cell(r, c, v)
    wb.create_sheet("notes").append(["free text the office keeps"])
    wb.save(path)
    # What openpyxl cannot write: the formula's saved value, and a shared string (this
    # openpyxl writes text as inline strings, so the workbook has both kinds).
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("<f>100*3</f><v></v>", "<f>100*3</f><v>300</v>")
    sheet = re.sub(r'<c r="G6"[^>]*t="inlineStr"><is><t>INLINE</t></is></c>', '<c r="G6" t="s"><v>0</v></c>', sheet)
    assert '<c r="G6" t="s">' in sheet and "<v>300</v>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                     'count="1" uniqueCount="1"><si><t>近3万元</t></si></sst>').encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)


def check_typed_workbooks():
    csv_dir = os.path.join(WORK, "typed-csv")
    os.makedirs(csv_dir, exist_ok=True)
    with open(os.path.join(csv_dir, "items.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join([ITEMS_HEADER] + ITEMS_CSV) + "\n")
    for name, epoch in (("typed.xlsx", None), ("typed1904.xlsx", CALENDAR_MAC_1904)):
        path = os.path.join(WORK, name)
        typed_workbook(path, epoch)
        same_dataset(path, csv_dir, name)
    check = run("check", "typed.xlsx").stdout
    expect("check notes the extra sheet", check.splitlines()[0],
           "typed.xlsx: note: the sheet 'notes' is not one a dataset has, so it was not read "
           "(the sheets read are items, units, beneficiaries, categories, commitments and stated_totals)")


def problem_lines(path):
    p = run("check", path, status=1)
    return [l for l in p.stdout.splitlines() if ": error: " in l]


def check_problems():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "items"
    ws.append(ITEMS_HEADER.split(","))
    base = ["2023-03-15", "culture", "city_gov", "garrison", None, "cash", "5", None, None, None, None]
    for _ in range(8):
        ws.append(base)
    ws["G2"] = "1100余余万元"
    ws["G3"] = 0.305
    ws["G4"] = "=1/0"
    ws["G4"].value = "#DIV/0!"
    ws["G4"].data_type = "e"
    ws["K5"] = True
    ws["G6"] = "=SUM(1,2)"
    ws.merge_cells("K7:K8")
    ws["K7"] = "merged"
    ws["A9"] = 60
    ws["A9"].number_format = "yyyy-mm-dd"
    ws["M9"] = "stray"
    wb.save(os.path.join(WORK, "bad.xlsx"))
    # The CSV loader's own message for the same text, found independently.
    bad_csv = os.path.join(WORK, "bad-csv")
    os.makedirs(bad_csv, exist_ok=True)
    with open(os.path.join(bad_csv, "items.csv"), "w", encoding="utf-8") as f:
        f.write(ITEMS_HEADER + "\n2023-03-15,culture,city_gov,garrison,,cash,1100余余万元,,,,\n")
    csv_message = problem_lines(bad_csv)[0].split(": error: ", 1)[1]
    want = [
        "bad.xlsx: items!G2: error: " + csv_message,
        "bad.xlsx: items!G3: error: the number 0.305 is finer than one fen (0.01 yuan); round it to fen",
        "bad.xlsx: items!G4: error: the cell holds the error #DIV/0!; correct the formula or type the value",
        "bad.xlsx: items!K5: error: the cell holds the logical value TRUE, which is not data; type the value as text",
        "bad.xlsx: items!G6: error: a formula without a saved value; open the workbook in Excel and save it, or type the value",
        "bad.xlsx: items!K7: error: cells K7:K8 are merged across rows, so only the first row holds the value; "
        "unmerge them and fill in each row",
        "bad.xlsx: items!A9: error: the date serial number 60 is 29 February 1900, a day Excel's 1900 date system "
        "counts but the calendar lacks; write the intended day",
        "bad.xlsx: items!M9: error: this cell has no heading in the header row (row 1); give its column a heading or clear it",
    ]
    expect("each problem, by sheet and cell", problem_lines("bad.xlsx"), want)


def zip_of(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)


def minimal_parts(sheet_xml, strings_xml=None):
    parts = {
        "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                           b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                           b'<sheets><sheet name="items" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                                      b'</Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if strings_xml is not None:
        parts["xl/sharedStrings.xml"] = strings_xml
    return parts


def refused(name, want):
    p = run("totals", name, status=1)
    expect(f"{name} is refused", p.stderr.strip(), want)


def check_hostile():
    with open(os.path.join(WORK, "text.xlsx"), "w") as f:
        f.write("date,amount\n")
    refused("text.xlsx", "aidstat: text.xlsx is not an Excel workbook (.xlsx): it is not a zip file (Not a zip archive)")
    zip_of(os.path.join(WORK, "missing.xlsx"), {"[Content_Types].xml": b"<Types/>"})
    refused("missing.xlsx", "aidstat: missing.xlsx is not a complete workbook: it has no part xl/workbook.xml")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<sst><si><t>&lol2;</t></si></sst>')
    zip_of(os.path.join(WORK, "laughs.xlsx"), minimal_parts(b"<worksheet><sheetData/></worksheet>", laughs))
    refused("laughs.xlsx", "aidstat: laughs.xlsx is damaged: xl/sharedStrings.xml line 1: "
                           "it declares a DOCTYPE, which workbooks never do")
    many = b"<sst>" + b"<si/>" * (4194304 + 1) + b"</sst>"
    zip_of(os.path.join(WORK, "strings.xlsx"), minimal_parts(b"<worksheet><sheetData/></worksheet>", many))
    refused("strings.xlsx", "aidstat: strings.xlsx is damaged: xl/sharedStrings.xml line 1: "
                            "more than 4194304 shared strings")
    far = b'<worksheet><sheetData><row r="1"><c r="XFE1" t="inlineStr"><is><t>date</t></is></c></row></sheetData></worksheet>'
    zip_of(os.path.join(WORK, "far.xlsx"), minimal_parts(far))
    refused("far.xlsx", "aidstat: far.xlsx is damaged: xl/worksheets/sheet1.xml line 1: "
                        "cell reference 'XFE1' is beyond XFD1048576, the last cell a sheet has")
    # A bomb: the sheet inflates far beyond the size its directory entry declares.
    bomb = b"<worksheet><sheetData>" + b" " * 10_000_000 + b"</sheetData></worksheet>"
    path = os.path.join(WORK, "bomb.xlsx")
    zip_of(path, minimal_parts(bomb))
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            name_len = int.from_bytes(data[at + (26 if sig == b"PK\x03\x04" else 28):][:2], "little")
            start = at + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[start:start + name_len]) == name:
                data[at + offset:at + offset + 4] = (1000).to_bytes(4, "little")
            at += 4
    open(path, "wb").write(bytes(data))
    p = run("totals", "bomb.xlsx", status=1)
    expect("a bomb is refused", "bomb.xlsx" in p.stderr and "damaged" in p.stderr, True)


def sheet_values(path, sheet=None):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = list(ws.iter_rows())
    return [c.value or "" for c in rows[1]], rows[2:]


def as_number(text):
    return decimal.Decimal(text)


def cell_equals(cell, text):
    if text == "":
        return cell.value is None
    if isinstance(cell.value, str):
        return cell.value == text
    want = as_number(text)
    got = decimal.Decimal(repr(cell.value))
    if "%" in cell.number_format:
        got *= 100
    return abs(got - want) < decimal.Decimal("0.000001")


def compare_result(args, sheet, csv_text, what):
    names, rows = sheet_values(os.path.join(WORK, "r.xlsx"), sheet)
    records = list(csv.reader(io.StringIO(csv_text)))
    header, body = records[0], records[1:]
    expect(f"{what}: rows", len(rows), len(body))
    for r, record in enumerate(body):
        for name, text in zip(header, record):
            if name not in names:
                failures.append(f"{what}: no column {name} in the workbook")
                return
            cell = rows[r][names.index(name)]
            if not cell_equals(cell, text):
                failures.append(f"{what}: row {r + 1} {name}: workbook {cell.value!r}, CSV {text!r}")


def check_results():
    shutil.copytree(DEMO, os.path.join(WORK, "demo"), dirs_exist_ok=True)
    commands = [
        ["totals", "demo", "--by", "category"],
        ["totals", "demo", "--by", "provider", "--by", "form"],
        ["yoy", "demo", "--base", "2022", "--year", "2023", "--by", "category"],
        ["trend", "demo", "--from", "2022", "--to", "2023", "--by", "category"],
        ["pivot", "demo", "--rows", "category", "--cols", "form", "--min-cell", "3"],
        ["pivot", "demo", "--rows", "category", "--cols", "form", "--measure", "headcount", "--min-cell", "40"],
        ["progress", "demo", "--by", "category"],
    ]
    for args in commands:
        text = run(*args, "--format", "csv").stdout
        run(*args, "--format", "xlsx", "-o", "r.xlsx")
        compare_result(args, None, text, " ".join(args))
        run(*args, "--format", "xlsx", "-o", "r2.xlsx")
        expect(" ".join(args) + ": two runs, same bytes",
               filecmp.cmp(os.path.join(WORK, "r.xlsx"), os.path.join(WORK, "r2.xlsx"), shallow=False), True)
    found = run("check", "demo", "--format", "csv").stdout
    findings, reconciliations = found.split("\n\n")
    run("check", "demo", "--format", "xlsx", "-o", "r.xlsx")
    compare_result(["check"], "findings", findings, "check findings")
    compare_result(["check"], "reconciliations", reconciliations, "check reconciliations")
    p = run("totals", "demo", "--format", "xlsx", status=2)
    expect("xlsx needs -o", "-o FILE.xlsx" in p.stderr, True)


def check_round_trips():
    run("export", "demo", "-o", "demo.xlsx")
    same_dataset("demo.xlsx", "demo", "the demo, exported as a workbook and loaded back")
    run("export", "demo", "-o", "demo2.xlsx")
    expect("export: two runs, same bytes",
           filecmp.cmp(os.path.join(WORK, "demo.xlsx"), os.path.join(WORK, "demo2.xlsx"), shallow=False), True)
    notation = os.path.join(WORK, "notation")
    os.makedirs(notation, exist_ok=True)
    amounts = ["1100余万元", "近3万元", "[361.2, 374.5]万元", "二十几万元", "319万元", "3190000.50",
               "0.01", "壹仟贰佰圆", "约5万元", "[1, 2]", ""]
    dates = ["2023-01-05", "2023-02", "2023", "1899-12-31", "1900-02-28", "1900-03-01", "9999-12-31"]
    with open(os.path.join(notation, "items.csv"), "w", encoding="utf-8") as f:
        f.write(ITEMS_HEADER + "\n")
        for i, a in enumerate(amounts):
            note = '"a note, with ""quotes""\nand a line break"' if i == 0 else ""
            f.write(f"{dates[i % len(dates)]},culture,{70000 + i},garrison,,cash,{a},{i or ''},"
                    f"{'person' if i else ''},,{note}\n".replace(f",{a},", f',"{a}",'))
    run("export", "notation", "-o", "notation.xlsx")
    same_dataset("notation.xlsx", "notation", "every notation, exported as a workbook and loaded back")


for check in (check_typed_workbooks, check_problems, check_hostile, check_results, check_round_trips):
    try:
        check()
    except AssertionError as e:
        failures.append(f"{check.__name__}: {e}")
for f in failures:
    print("FAILED", f)
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
