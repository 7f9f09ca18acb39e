#!/usr/bin/env python3
"""Record what tf-keras (or Keras 3) prints for the `keras.applications` cases.

Usage:
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_application_fixtures.py [case names...]
    ~/keras-ref/bin/python Tools/keras-reference/make_application_fixtures.py --keras3 [case names...]

Every `Tests/Fixtures/keras/applications/cases/NAME.py` runs in a fresh session (`clear_session()`
first) and its printed text goes to `Tests/Fixtures/keras/applications/expected/NAME.txt`; an
exception adds one last line `Error: TYPE: MESSAGE`.

`weights="imagenet"` would download the weights: here `get_file` returns a dummy path and
`load_weights` does nothing, so the model is exactly what tf-keras builds, without its weights
(summaries and errors do not depend on them).

`--keras3` runs the same cases with Keras 3 (no `TF_USE_LEGACY_KERAS`; `keras`, `tf.keras` and
`from tensorflow import keras` are Keras 3) into `Tests/Fixtures/keras3/applications/expected/`.
Each case runs once in a child forked after the imports, with no terminal (stdin `/dev/null`,
pipes): `NAME.txt` is its text with `COLUMNS` unset (rich's 80 columns: tables 76 wide) and
`NAME.columns-120.txt` the same run's text with every summary printed again with `COLUMNS=120`
(88 wide, 108 with `Connected to`). `NAME.layers.txt` lists every model bound to a
global variable after the run: `model NAME (VARIABLE)`, then one line per layer of `model.layers`,
`name<TAB>class<TAB>output shape<TAB>params` (the full names that the table may cut with `...`).
"""
import contextlib
import io
import os
import pathlib
import sys
import warnings

KERAS3 = "--keras3" in sys.argv
if KERAS3:
    sys.argv.remove("--keras3")
    os.environ.pop("TF_USE_LEGACY_KERAS", None)
else:
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import tensorflow as tf  # noqa: E402

tf.get_logger().setLevel("ERROR")

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FOLDER = ROOT / "Tests" / "Fixtures" / "keras" / "applications"
OUTPUT = FOLDER / "expected"

if KERAS3:
    import keras  # noqa: E402
    from keras.src.utils import file_utils  # noqa: E402

    warnings.filterwarnings("ignore")
    file_utils.get_file = lambda *args, **kwargs: "/nonexistent/weights.h5"
    keras.Model.load_weights = lambda self, *args, **kwargs: None
    backend = keras.backend
    OUTPUT = ROOT / "Tests" / "Fixtures" / "keras3" / "applications" / "expected"
else:
    import tf_keras  # noqa: E402
    from tf_keras.src.engine import training  # noqa: E402
    from tf_keras.src.utils import data_utils  # noqa: E402

    data_utils.get_file = lambda *args, **kwargs: "/nonexistent/weights.h5"
    training.Model.load_weights = lambda self, *args, **kwargs: None
    backend = tf_keras.backend


def alias_keras_to_tf_keras():
    for name in list(sys.modules):
        if name == "keras" or name.startswith("keras."):
            del sys.modules[name]
    for name, module in list(sys.modules.items()):
        if name == "tf_keras" or name.startswith("tf_keras."):
            sys.modules["keras" + name[len("tf_keras"):]] = module


def run(path):
    backend.clear_session()
    namespace = {"__name__": "__main__", "__file__": path.name}
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            exec(compile(path.read_text(), path.name, "exec"), namespace)
        except Exception as error:  # noqa: BLE001 - the error is the expected output
            print(f"Error: {type(error).__name__}: {error}")
    return buffer.getvalue(), namespace


def layer_lines(namespace):
    """The models bound to global variables and their layers (Keras 3: shapes of `layer.output`)."""
    lines = []
    for variable, value in namespace.items():
        if variable.startswith("__") or not isinstance(value, keras.Model):
            continue
        lines.append(f"model {value.name} ({variable})")
        for layer in value.layers:
            try:
                shape = str(tuple(layer.output.shape))
            except Exception:  # noqa: BLE001 - a layer called more than once has no one output
                shape = "?"
            try:
                params = str(layer.count_params())
            except Exception:  # noqa: BLE001 - unbuilt
                params = "?"
            lines.append(f"{layer.name}\t{type(layer).__name__}\t{shape}\t{params}")
    return "".join(line + "\n" for line in lines)


RICH_ENV = ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
            "JUPYTER_COLUMNS", "JUPYTER_LINES")


class Widths:
    """Standard output of a Keras 3 run, kept twice: what a pipe with `COLUMNS` unset shows and
    what it shows with `COLUMNS=120`. Printed text goes to both; `model.summary()` renders once per
    width (rich reads `COLUMNS` on every call), so each case is built only once."""

    def __init__(self):
        self.narrow = io.StringIO()
        self.wide = io.StringIO()

    def write(self, text):
        self.narrow.write(text)
        self.wide.write(text)
        return len(text)

    def flush(self):
        pass


def print_both_widths(original):
    def print_summary(*args, **kwargs):
        both = sys.stdout
        if not isinstance(both, Widths):
            return original(*args, **kwargs)
        try:
            with contextlib.redirect_stdout(both.narrow):
                original(*args, **kwargs)
            os.environ["COLUMNS"] = "120"
            with contextlib.redirect_stdout(both.wide):
                original(*args, **kwargs)
        finally:
            os.environ.pop("COLUMNS", None)

    return print_summary


def record_keras3(case):
    """Runs `case` once in a forked child (a fresh session, no terminal, `COLUMNS` unset) and writes
    its text at both widths and its models' layers."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            from keras.src.utils import summary_utils

            summary_utils.print_summary = print_both_widths(summary_utils.print_summary)
            both = Widths()
            backend.clear_session()
            namespace = {"__name__": "__main__", "__file__": case.name}
            with contextlib.redirect_stdout(both):
                try:
                    exec(compile(case.read_text(), case.name, "exec"), namespace)
                except Exception as error:  # noqa: BLE001 - the error is the expected output
                    print(f"Error: {type(error).__name__}: {error}")
            text = both.narrow.getvalue()
            (OUTPUT / (case.stem + ".txt")).write_text(text)
            (OUTPUT / (case.stem + ".columns-120.txt")).write_text(both.wide.getvalue())
            (OUTPUT / (case.stem + ".layers.txt")).write_text(layer_lines(namespace))
            last = text.rstrip("\n").rsplit("\n", 1)[-1]
            print(f"{case.stem}: {len(text)} bytes; {last[:100]}", file=sys.stderr)
            code = 0
        finally:
            sys.stderr.flush()
            os._exit(code)
    if os.waitpid(pid, 0)[1]:
        sys.exit(f"{case.stem}: the recording child failed")


def main(names):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    cases = sorted((FOLDER / "cases").glob("*.py"))
    if names:
        cases = [case for case in cases if case.stem in names]
    if KERAS3:
        for key in RICH_ENV:
            os.environ.pop(key, None)
        for case in cases:
            record_keras3(case)
        return
    alias_keras_to_tf_keras()
    for case in cases:
        text, _ = run(case)
        (OUTPUT / (case.stem + ".txt")).write_text(text)
        last = text.rstrip("\n").rsplit("\n", 1)[-1]
        print(f"{case.stem}: {len(text)} bytes; {last[:100]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
