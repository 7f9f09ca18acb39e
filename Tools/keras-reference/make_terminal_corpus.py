#!/usr/bin/env python3
"""Keras 3 on a terminal, for the whole conformance corpus.

Usage (see README.md):
    ~/keras-ref/bin/python Tools/keras-reference/make_terminal_corpus.py [corpus files...]

Each corpus file runs, cell by cell in one namespace as `make_fixtures.py --keras3` runs it, in a
child forked after TensorFlow and Keras 3 are imported, with its standard output on a pty (so
rich styles the summary) and each of two settings: `TERM=xterm-256color COLUMNS=120` (bold and
256 colours, summary 88 or 108 wide) and the same with `NO_COLOR=1` (bold only). What the file
printed (ANSI codes kept, the pty's `\\r\\n` turned into `\\n`; exceptions are swallowed, standard
error discarded) is written to `Tests/Fixtures/keras3/terminal-corpus/NAME.SETTING.txt` when it
holds a summary; `Keras3TerminalCorpusTests` compares ConvBook's styled output with them.
"""
import os
import sys

os.environ.pop("TF_USE_LEGACY_KERAS", None)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import builtins
import pathlib
import pty
import re
import warnings

import tensorflow as tf  # noqa: F401 - imported once, before forking
import tf_keras  # noqa: F401
import keras

warnings.filterwarnings("ignore")

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "Tests" / "Fixtures" / "keras" / "corpus"
OUT = ROOT / "Tests" / "Fixtures" / "keras3" / "terminal-corpus"
CELL_MARK = re.compile(r"^# %%\s*$")
SETTINGS = {
    "xterm-256color-120": {"TERM": "xterm-256color", "COLUMNS": "120"},
    "no-color-120": {"TERM": "xterm-256color", "COLUMNS": "120", "NO_COLOR": "1"},
}
RICH_ENV = ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
            "JUPYTER_COLUMNS", "JUPYTER_LINES", "TERM")


def split_cells(text):
    """[(first line, source)] for each `# %%` cell, as make_fixtures.py splits them."""
    lines = text.splitlines(keepends=True)
    cells, start, current = [], 1, []
    for number, line in enumerate(lines, start=1):
        if CELL_MARK.match(line):
            if current and any(l.strip() for l in current):
                cells.append((start, "".join(current)))
            current, start = [], number + 1
        else:
            current.append(line)
    if current and any(l.strip() for l in current):
        cells.append((start, "".join(current)))
    return cells


def run_cells(path):
    keras.backend.clear_session()
    namespace = {"__name__": "__main__", "__file__": path.name, "__builtins__": builtins}
    for start, source in split_cells(path.read_text()):
        try:
            exec(compile("\n" * (start - 1) + source, path.name, "exec"), namespace)
        except Exception:  # noqa: BLE001 - a failing cell prints nothing more
            pass
        sys.stdout.flush()


def record(path, setting):
    pid, master = pty.fork()
    if pid == 0:
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 2)
            for key in RICH_ENV:
                os.environ.pop(key, None)
            os.environ.update(SETTINGS[setting])
            run_cells(path)
            code = 0
        finally:
            os._exit(code)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    status = os.waitpid(pid, 0)[1]
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def main(argv):
    files = [pathlib.Path(a).resolve() for a in argv] or sorted(CORPUS.glob("*.py"))
    OUT.mkdir(parents=True, exist_ok=True)
    failed = []
    for path in files:
        for setting in SETTINGS:
            status, text = record(path, setting)
            target = OUT / f"{path.stem}.{setting}.txt"
            if status != 0:
                failed.append(f"{path.name} ({setting})")
            elif "Total params" in text:
                target.write_text(text)
            elif target.exists():
                target.unlink()
        print(path.name, file=sys.stderr, flush=True)
    if failed:
        print("failed:", *failed, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
