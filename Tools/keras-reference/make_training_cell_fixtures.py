"""Runs the cell-style training scripts of Tests/Fixtures/training-cells/*.py in tf-keras and
records what they print as NAME.txt, with Keras' timings removed (ConvBook prints the same lines
without them, so that pages stay byte-identical): `3/3 - 0s - loss: ... - 146ms/epoch - 49ms/step`
becomes `3/3 - loss: ...`.

    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_training_cell_fixtures.py
"""
import contextlib
import io
import os
import pathlib
import re
import sys
import tempfile

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

FOLDER = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "training-cells"
TIMINGS = [
    (re.compile(r"^(\d+/\d+) - \d+m?s - "), r"\1 - "),
    (re.compile(r" - \d+(?:ms|s|us)/epoch - \d+(?:ms|s|us)/step$"), ""),
    (re.compile(r"^(\d+/\d+) - \d+m?s - \d+(?:ms|s|us)/epoch - \d+(?:ms|s|us)/step$"), r"\1"),
]


def strip(line):
    for pattern, replacement in TIMINGS:
        line = pattern.sub(replacement, line)
    return line


def main():
    import tensorflow as tf  # noqa: F401  (tf.keras is tf-keras with TF_USE_LEGACY_KERAS=1)

    names = sys.argv[1:] or sorted(p.stem for p in FOLDER.glob("*.py"))
    for name in names:
        source = (FOLDER / f"{name}.py").read_text()
        buffer = io.StringIO()
        # Scripts may write files (ModelCheckpoint, CSVLogger): they run in a scratch folder.
        here = os.getcwd()
        with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(buffer):
            os.chdir(scratch)
            try:
                exec(compile(source, f"{name}.py", "exec"), {"__name__": "__main__"})
            finally:
                os.chdir(here)
        lines = [strip(line) for line in buffer.getvalue().splitlines()]
        (FOLDER / f"{name}.txt").write_text("\n".join(lines) + "\n")
        print(f"wrote {name}.txt")


if __name__ == "__main__":
    main()
