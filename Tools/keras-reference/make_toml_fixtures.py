#!/usr/bin/env python3
"""Records what Python's `tomllib` (the TOML 1.0 parser of Python 3.11+) makes of each case of
`Tests/Fixtures/toml/cases.txt`, for ConvBook's own TOML reader (`TOMLDocument`) to match.

Usage (from the repository root; any Python 3.11 or later):
    ~/keras-ref/bin/python Tools/keras-reference/make_toml_fixtures.py

Cases are separated by lines `=== NAME`; a case's text is everything up to the next such line
(its last newline included). `\\r` in a case is written `<CR>` and a control character `<0x01>`.
Writes `Tests/Fixtures/toml/expected.txt`: per case `=== NAME` and either the document as sorted
lines `KEY = VALUE` (keys as TOML writes them, values tagged: `int 5`, `float 1.5`, `str "..."`
as JSON, `bool true`, arrays `[...]`, tables `{...}`) or `error: MESSAGE @ LINE:COLUMN` (`@ end`
at the end of the document), where keys in the message are written as TOML writes them instead
of Python's tuples.
"""
import ast
import json
import math
import pathlib
import re
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FOLDER = ROOT / "Tests" / "Fixtures" / "toml"
BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key_text(parts):
    return ".".join(p if BARE.match(p) else json.dumps(p, ensure_ascii=False) for p in parts)


def value_text(value):
    if isinstance(value, bool):
        return "bool " + ("true" if value else "false")
    if isinstance(value, int):
        return f"int {value}"
    if isinstance(value, float):
        if math.isnan(value):
            return "float nan"
        if math.isinf(value):
            return "float " + ("-inf" if value < 0 else "inf")
        return f"float {value!r}"
    if isinstance(value, str):
        return "str " + json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text([k])} = {value_text(v)}" for k, v in sorted(value.items())) + "}"
    return "datetime " + value.isoformat()


def dump(table, prefix=()):
    lines = []
    for key in sorted(table):
        value = table[key]
        if isinstance(value, dict):
            lines += dump(value, prefix + (key,)) or [f"{key_text(prefix + (key,))} = {{}}"]
        else:
            lines.append(f"{key_text(prefix + (key,))} = {value_text(value)}")
    return lines


def message_text(message):
    """tomllib's message with keys as TOML writes them."""
    match = re.match(r"^(.*) \(at (?:line (\d+), column (\d+)|end of document)\)$", message, re.S)
    text = match.group(1)
    where = f"{match.group(2)}:{match.group(3)}" if match.group(2) else "end"

    def key(found):
        parsed = ast.literal_eval(found.group(0))
        return key_text(parsed if isinstance(parsed, tuple) else (parsed,))

    text = re.sub(r"\((?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?:, (?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))*,?\)", key, text)
    if text.startswith("Duplicate inline table key "):
        text = "Duplicate inline table key " + key_text((ast.literal_eval(text[27:]),))
    return f"error: {text} @ {where}"


def decode(text):
    text = text.replace("<CR>", "\r")
    return re.sub(r"<0x([0-9a-fA-F]{2})>", lambda m: chr(int(m.group(1), 16)), text)


def main():
    source = (FOLDER / "cases.txt").read_text(encoding="utf-8")
    parts = re.split(r"^=== (.+)\n", source, flags=re.M)
    out = []
    for name, text in zip(parts[1::2], parts[2::2]):
        out.append(f"=== {name}")
        try:
            out += dump(tomllib.loads(decode(text)))
        except tomllib.TOMLDecodeError as error:
            out.append(message_text(str(error)))
    (FOLDER / "expected.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {FOLDER / 'expected.txt'} ({len(parts) // 2} cases)")


if __name__ == "__main__":
    main()
