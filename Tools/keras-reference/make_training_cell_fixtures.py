"""Runs the cell-style training scripts of Tests/Fixtures/training-cells/*.py in tf-keras and
records what they print as NAME.txt, with Keras' timings removed (ConvBook prints the same lines
without them, so that pages stay byte-identical): `3/3 - 0s - loss: ... - 146ms/epoch - 49ms/step`
becomes `3/3 - loss: ...`.

    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_training_cell_fixtures.py

With `--keras3` it runs Tests/Fixtures/keras3/training-cells/*.py in Keras 3 (run it without
TF_USE_LEGACY_KERAS): `4/4 - 1s - 25ms/step - accuracy: ...` becomes `4/4 - accuracy: ...`.
Beside NAME.txt it writes NAME.files.json: the files the script wrote in its scratch folder
(sorted relative paths) and the text of its `.csv` files, so that ModelCheckpoint's file name
patterns and CSVLogger's rows are checked too.
"""
import contextlib
import io
import json
import os
import pathlib
import re
import sys
import tempfile

KERAS3 = "--keras3" in sys.argv[1:]
if not KERAS3:
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures"
FOLDER = FIXTURES / ("keras3" if KERAS3 else "") / "training-cells"
TIMINGS = [
    (re.compile(r"^(\d+/\d+) - \d+m?s - "), r"\1 - "),
    (re.compile(r" - \d+(?:ms|s|us)/epoch - \d+(?:ms|s|us)/step$"), ""),
    (re.compile(r"^(\d+/\d+) - \d+m?s - \d+(?:ms|s|us)/epoch - \d+(?:ms|s|us)/step$"), r"\1"),
]
KERAS3_TIMINGS = [
    (re.compile(r"^(\d+/\d+) - \d+m?s - \d+(?:ms|s|us)/step - "), r"\1 - "),
    (re.compile(r"^(\d+/\d+) - \d+m?s - \d+(?:ms|s|us)/step$"), r"\1"),
]


def strip(line):
    for pattern, replacement in KERAS3_TIMINGS if KERAS3 else TIMINGS:
        line = pattern.sub(replacement, line)
    return line


def main():
    import tensorflow as tf  # noqa: F401  (tf.keras is tf-keras with TF_USE_LEGACY_KERAS=1)

    names = [a for a in sys.argv[1:] if a != "--keras3"] or sorted(p.stem for p in FOLDER.glob("*.py"))
    for name in names:
        source = (FOLDER / f"{name}.py").read_text()
        buffer = io.StringIO()
        # Scripts may write files (ModelCheckpoint, CSVLogger): they run in a scratch folder.
        here = os.getcwd()
        with tempfile.TemporaryDirectory() as scratch:
            with contextlib.redirect_stdout(buffer):
                os.chdir(scratch)
                try:
                    exec(compile(source, f"{name}.py", "exec"), {"__name__": "__main__"})
                finally:
                    os.chdir(here)
            root = pathlib.Path(scratch)
            written = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
            texts = {f: (root / f).read_bytes().decode() for f in written if f.endswith(".csv")}
        if KERAS3:
            files = {"files": written, "texts": texts}
            (FOLDER / f"{name}.files.json").write_text(json.dumps(files, indent=1) + "\n")
        lines = [strip(line) for line in buffer.getvalue().splitlines()]
        (FOLDER / f"{name}.txt").write_text("\n".join(lines) + "\n")
        print(f"wrote {name}.txt")


if __name__ == "__main__":
    main()
