#!/usr/bin/env python3
"""Checks the house rules a reader relies on (docs/layout.md):
- no file over 400 lines and no function over 80 lines in src/, tools/ and examples/;
- no comment or document cites a section of the product spec or an issue number, which
  do not ship: they point to docs/ or say the thing itself.
Prints each breach and exits 1 if there is any."""
import pathlib
import re
import sys

MAX_FILE, MAX_FUNCTION = 400, 80
CODE = ("src", "tools", "examples")
CITED = ("src", "include", "tools", "examples", "tests", "bench", "python", "docs", "scripts")
CITATION = re.compile(r"\bSPEC ?§?[0-9]|\b[Ii]ssue [0-9]+\b|\(issue [0-9]")
CONTROL = re.compile(r"^\s*(}\s*)?(if|for|while|switch|catch|do|else|try)\b|\b(namespace|struct|class|enum|union)\b")


def strip(text):
    """The text with comments, strings and character literals blanked, lines kept."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r'R"(\w*)\((.*?)\)\1"', lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])+'", "''", text)
    return re.sub(r"//[^\n]*", "", text)


def long_functions(path):
    """(line, length) of each function body longer than MAX_FUNCTION lines."""
    lines = strip(path.read_text()).split("\n")
    stack, out = [], []
    for n, line in enumerate(lines, 1):
        for i, ch in enumerate(line):
            if ch == "{":
                head = " ".join(lines[max(0, n - 3):n - 1] + [line[:i]])[-300:]
                is_function = ")" in head[head.rfind(";") + 1:] and not CONTROL.search(line[:i])
                stack.append((n, is_function))
            elif ch == "}" and stack:
                start, is_function = stack.pop()
                if is_function and n - start - 1 > MAX_FUNCTION:
                    out.append((start, n - start - 1))
    return out


def main(root):
    bad = []
    for folder in CODE:
        for f in sorted((root / folder).rglob("*.[ch]pp")):
            n = len(f.read_text().split("\n")) - 1
            if n > MAX_FILE:
                bad.append(f"{f.relative_to(root)}: {n} lines (at most {MAX_FILE})")
            for start, length in long_functions(f):
                bad.append(f"{f.relative_to(root)}:{start}: a function of {length} lines "
                           f"(at most {MAX_FUNCTION})")
    texts = [root / "README.md", root / "CMakeLists.txt"]
    for folder in CITED:
        texts += [f for f in (root / folder).rglob("*") if f.is_file() and f.suffix in
                  (".cpp", ".hpp", ".c", ".h", ".py", ".md", ".txt", ".sh", ".cmake", ".dict")]
    for f in sorted(set(texts)):
        if "golden/expected" in str(f) or "node_modules" in str(f) or "corpus" in f.parts:
            continue
        for n, line in enumerate(f.read_text(errors="replace").split("\n"), 1):
            if CITATION.search(line):
                bad.append(f"{f.relative_to(root)}:{n}: cites the spec or an issue: {line.strip()[:80]}")
    print("\n".join(bad) if bad else "house rules hold: short files and functions, no citations")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
