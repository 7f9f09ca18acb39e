#!/usr/bin/env python3
"""Record what tf-keras prints for the `keras.applications` cases.

Usage:
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_application_fixtures.py [case names...]

Every `Tests/Fixtures/keras/applications/cases/NAME.py` runs in a fresh session (`clear_session()`
first) and its printed text goes to `Tests/Fixtures/keras/applications/expected/NAME.txt`; an
exception adds one last line `Error: TYPE: MESSAGE`.

`weights="imagenet"` would download the weights: here `get_file` returns a dummy path and
`load_weights` does nothing, so the model is exactly what tf-keras builds, without its weights
(summaries and errors do not depend on them).
"""
import contextlib
import io
import os
import pathlib
import sys

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import tensorflow as tf  # noqa: E402
import tf_keras  # noqa: E402
from tf_keras.src.engine import training  # noqa: E402
from tf_keras.src.utils import data_utils  # noqa: E402

tf.get_logger().setLevel("ERROR")

data_utils.get_file = lambda *args, **kwargs: "/nonexistent/weights.h5"
training.Model.load_weights = lambda self, *args, **kwargs: None

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FOLDER = ROOT / "Tests" / "Fixtures" / "keras" / "applications"


def alias_keras_to_tf_keras():
    for name in list(sys.modules):
        if name == "keras" or name.startswith("keras."):
            del sys.modules[name]
    for name, module in list(sys.modules.items()):
        if name == "tf_keras" or name.startswith("tf_keras."):
            sys.modules["keras" + name[len("tf_keras"):]] = module


def run(path):
    tf_keras.backend.clear_session()
    namespace = {"__name__": "__main__", "__file__": path.name}
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(path.read_text(), path.name, "exec"), namespace)
        except Exception as error:  # noqa: BLE001 - the error is the expected output
            print(f"Error: {type(error).__name__}: {error}")
    return buffer.getvalue()


def main(names):
    alias_keras_to_tf_keras()
    (FOLDER / "expected").mkdir(parents=True, exist_ok=True)
    cases = sorted((FOLDER / "cases").glob("*.py"))
    if names:
        cases = [case for case in cases if case.stem in names]
    for case in cases:
        text = run(case)
        (FOLDER / "expected" / (case.stem + ".txt")).write_text(text)
        last = text.rstrip("\n").rsplit("\n", 1)[-1]
        print(f"{case.stem}: {len(text)} bytes; {last[:100]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
