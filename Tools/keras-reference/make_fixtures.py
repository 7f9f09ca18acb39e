#!/usr/bin/env python3
"""Run the Keras corpus through a real tf-keras and write expected JSON fixtures.

Usage (see README.md):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_fixtures.py [corpus files...]
    ~/keras-ref/bin/python Tools/keras-reference/make_fixtures.py --keras3 [corpus files...]

For every `Tests/Fixtures/keras/corpus/NN-name.py` this writes
`Tests/Fixtures/keras/expected/NN-name.json`. A corpus file is split into cells at
lines that are exactly `# %%`; the cells run in order in one fresh Keras session
(`clear_session()` before each file), like cells of one notebook.
"""
import os
import sys

# `--keras3`: record with Keras 3 (what `pip install tensorflow` gives today) into
# Tests/Fixtures/keras3/expected. Only `tf_keras` itself then stays tf-keras, as in a real
# Keras 3 notebook. Must be decided before TensorFlow is imported.
KERAS3 = "--keras3" in sys.argv
# tf-keras with --fork: import once, then one forked child per file (as --keras3 always does).
FORK = "--fork" in sys.argv
if FORK:
    sys.argv.remove("--fork")
if KERAS3:
    sys.argv.remove("--keras3")
    os.environ.pop("TF_USE_LEGACY_KERAS", None)
else:
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import builtins
import concurrent.futures
import contextlib
import io
import json
import pathlib
import re
import subprocess
import warnings

import numpy as np
import tensorflow as tf
import tf_keras

if KERAS3:
    import keras as keras3

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = ROOT / "Tests" / "Fixtures" / "keras"
CORPUS = FIXTURES / "corpus"
EXPECTED = FIXTURES / "expected"
if KERAS3:
    EXPECTED = ROOT / "Tests" / "Fixtures" / "keras3" / "expected"
MODEL_CLASSES = (tf_keras.Model, keras3.Model) if KERAS3 else (tf_keras.Model,)

CELL_MARK = re.compile(r"^# %%\s*$")


def alias_keras_to_tf_keras():
    """Make `import keras` / `from keras.layers import X` resolve to tf-keras.

    TensorFlow 2.16+ installs Keras 3 as `keras`; with TF_USE_LEGACY_KERAS=1 only
    `tf.keras` is redirected. We point every `keras[.x]` module name at the
    already imported `tf_keras[.x]` module object.
    """
    for name in list(sys.modules):
        if name == "keras" or name.startswith("keras."):
            del sys.modules[name]
    for name, mod in list(sys.modules.items()):
        if name == "tf_keras" or name.startswith("tf_keras."):
            sys.modules["keras" + name[len("tf_keras"):]] = mod


def split_cells(text):
    """Return [(first_line_number_1_based, source)] for each `# %%` cell."""
    lines = text.splitlines(keepends=True)
    cells = []
    start = 1
    cur = []
    for i, line in enumerate(lines, start=1):
        if CELL_MARK.match(line):
            if cur and any(l.strip() for l in cur):
                cells.append((start, "".join(cur)))
            cur = []
            start = i + 1
        else:
            cur.append(line)
    if cur and any(l.strip() for l in cur):
        cells.append((start, "".join(cur)))
    return cells


def to_json_shape(shape):
    if shape is None:
        return None
    if isinstance(shape, tf.TensorShape):
        return None if shape.rank is None else shape.as_list()
    if isinstance(shape, (list, tuple)):
        return [to_json_shape(s) for s in shape]
    if isinstance(shape, (int, np.integer)):
        return int(shape)
    if isinstance(shape, dict):
        return {k: to_json_shape(v) for k, v in shape.items()}
    return str(shape)


def try_get(fn):
    try:
        return fn()
    except Exception:
        return None


def weight_count(weights):
    return int(sum(int(np.prod([int(d) for d in w.shape])) for w in weights))


def weight_count_of(obj, attr):
    """Sum of the sizes of obj.<attr> (trainable_weights, ...); None if Keras refuses
    (an unbuilt Sequential model raises instead of reporting no weights)."""
    try:
        weights = getattr(obj, attr)
    except Exception:
        return None
    return weight_count(weights)


def layer_shape(layer, which):
    """tf-keras' `layer.input_shape`; Keras 3 layers have no such property, so there it is the
    shape of `layer.input` / `layer.output` (a plain shape also for an InputLayer)."""
    if hasattr(type(layer), which + "_shape"):
        return to_json_shape(try_get(lambda: getattr(layer, which + "_shape")))
    tensors = try_get(lambda: getattr(layer, which))
    if tensors is None:
        return None
    if isinstance(tensors, (list, tuple)):
        return [to_json_shape(tuple(t.shape)) for t in tensors]
    return to_json_shape(tuple(tensors.shape))


def describe_layer(layer):
    params = try_get(layer.count_params)
    return {
        "name": layer.name,
        "class_name": layer.__class__.__name__,
        "input_shape": layer_shape(layer, "input"),
        "output_shape": layer_shape(layer, "output"),
        "params": None if params is None else int(params),
        "trainable_params": weight_count_of(layer, "trainable_weights"),
        "non_trainable_params": weight_count_of(layer, "non_trainable_weights"),
    }


def describe_model(variable, model):
    total = try_get(model.count_params)
    return {
        "variable": variable,
        "name": model.name,
        "built": bool(model.built),
        "input_shape": to_json_shape(try_get(lambda: model.input_shape)),
        "output_shape": to_json_shape(try_get(lambda: model.output_shape)),
        "total_params": None if total is None else int(total),
        "trainable_params": weight_count_of(model, "trainable_weights"),
        "non_trainable_params": weight_count_of(model, "non_trainable_weights"),
        "layers": [describe_layer(l) for l in model.layers],
    }


def error_line(exc, filename):
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is None and isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    return line


def dumps(obj, indent=0):
    """Pretty JSON (one-space indent) that keeps lists of scalars (shapes) on one line."""
    pad = " " * (indent + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{pad}{json.dumps(k)}: {dumps(v, indent + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(obj, list):
        if all(not isinstance(x, (list, dict)) for x in obj):
            return json.dumps(obj, ensure_ascii=False)
        if all(not isinstance(x, dict) and (not isinstance(x, list) or
               all(not isinstance(y, (list, dict)) for y in x)) for x in obj):
            return json.dumps(obj, ensure_ascii=False)  # e.g. [[null, 28, 28, 1]]
        items = [pad + dumps(x, indent + 1) for x in obj]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    return json.dumps(obj, ensure_ascii=False)


def run_file(path):
    (keras3 if KERAS3 else tf_keras).backend.clear_session()
    filename = path.name  # used as code filename: stable across machines
    text = path.read_text()
    ns = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    out_cells = []
    for start, src in split_cells(text):
        buf = io.StringIO()
        err = None
        with contextlib.redirect_stdout(buf):
            try:
                code = compile("\n" * (start - 1) + src, filename, "exec")
                exec(code, ns)
            except Exception as exc:  # noqa: BLE001 - we record every refusal
                err = {
                    "type": type(exc).__name__,
                    "message": str(exc),
                    "line": error_line(exc, filename),
                }
        models = [
            describe_model(var, val)
            for var, val in ns.items()
            if isinstance(val, MODEL_CLASSES) and not var.startswith("__")
        ]
        out_cells.append({"stdout": buf.getvalue(), "error": err, "models": models})
    return {
        "keras_version": (keras3 if KERAS3 else tf_keras).__version__,
        "tensorflow_version": tf.__version__,
        "file": path.name,
        "cells": out_cells,
    }


def write_footer_variants():
    """Seed-model summaries: the default footer of this tf-keras and the classic one.

    Writes expected/summary-footers/seed-{flatten,gap}.{default,classic}.txt.
    `default` is exactly what this tf-keras prints. `classic` is the same text with
    the three footer lines rewritten in the Keras <= 2.12 style
    (`Total params: 11,574,090`), which is what the seed article shows.
    """
    outdir = EXPECTED / "summary-footers"
    outdir.mkdir(parents=True, exist_ok=True)
    keras = tf_keras

    def seed(head):
        keras.backend.clear_session()
        body = [
            keras.layers.Input(shape=(224, 224, 3)),
            keras.layers.Conv2D(32, (3, 3), activation="relu"),
            keras.layers.Conv2D(32, (3, 3), activation="relu"),
            keras.layers.MaxPooling2D((2, 2), (2, 2)),
            keras.layers.BatchNormalization(),
            keras.layers.Conv2D(64, (3, 3), activation="relu"),
            keras.layers.Conv2D(64, (3, 3), activation="relu"),
            keras.layers.MaxPooling2D((2, 2), (2, 2)),
            keras.layers.BatchNormalization(),
        ]
        if head == "flatten":
            body += [
                keras.layers.Flatten(),
                keras.layers.Dropout(0.3),
                keras.layers.Dense(64, activation="relu"),
                keras.layers.Dense(32, activation="relu"),
                keras.layers.Dense(10, activation="softmax"),
            ]
        else:
            body += [
                keras.layers.GlobalAveragePooling2D(),
                keras.layers.Dropout(0.3),
                keras.layers.Dense(10, activation="softmax"),
            ]
        return keras.Sequential(body)

    for head in ("flatten", "gap"):
        model = seed(head)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            model.summary()
        default = buf.getvalue()
        (outdir / f"seed-{head}.default.txt").write_text(default)
        total = model.count_params()
        trainable = weight_count(model.trainable_weights)
        non_trainable = weight_count(model.non_trainable_weights)
        lines = default.split("\n")
        classic = []
        for line in lines:
            if line.startswith("Total params: "):
                line = f"Total params: {total:,}"
            elif line.startswith("Trainable params: "):
                line = f"Trainable params: {trainable:,}"
            elif line.startswith("Non-trainable params: "):
                line = f"Non-trainable params: {non_trainable:,}"
            classic.append(line)
        (outdir / f"seed-{head}.classic.txt").write_text("\n".join(classic))
    tf_keras.backend.clear_session()


def worker(paths):
    """Run corpus files in this process (the caller gives one file per process)."""
    if KERAS3:
        # Keras 3 run twice: once without a terminal and COLUMNS unset (rich: 80 columns,
        # summary 76 wide) and once with COLUMNS=120 (summary 88 or 108 wide); the second
        # run's printed text is kept as `stdout_columns_120`.
        out_dir = pathlib.Path(os.environ["KERAS3_OUT"])
    else:
        alias_keras_to_tf_keras()
        import keras as aliased  # noqa: F401 - sanity check of the alias

        assert aliased is tf_keras, "keras did not resolve to tf_keras"
        out_dir = EXPECTED
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        path = pathlib.Path(path).resolve()
        result = run_file(path)
        out = out_dir / (path.stem + ".json")
        out.write_text(dumps(result) + "\n")
        errs = [c["error"]["type"] if c["error"] else "-" for c in result["cells"]]
        print(f"{path.name}: {len(result['cells'])} cell(s), errors: {' '.join(errs)}",
              file=sys.stderr)


RICH_ENV = ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE",
            "JUPYTER_COLUMNS", "JUPYTER_LINES")


def record_keras3(files, scratch):
    """Keras 3: every corpus file runs twice, each time in a child forked from this process
    (which has imported TensorFlow, Keras 3 and tf-keras and run nothing, so a child starts as
    a fresh process would, without importing for ~10 s): once with COLUMNS unset and no
    terminal (rich: 80 columns, so the summary is 76 wide) and once with COLUMNS=120 (88, or
    108 with `Connected to`). The second run's printed text is kept as `stdout_columns_120`.
    rich colours only on a terminal: stdin is /dev/null, stdout and stderr are not terminals."""
    for key in RICH_ENV:
        os.environ.pop(key, None)
    failed = []
    for path in files:
        codes = []
        for width in ("76", "120"):
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    devnull = os.open(os.devnull, os.O_RDONLY)
                    os.dup2(devnull, 0)
                    if width == "120":
                        os.environ["COLUMNS"] = "120"
                    os.environ["KERAS3_OUT"] = str(scratch / width)
                    worker([str(path)])
                    code = 0
                finally:
                    sys.stderr.flush()
                    os._exit(code)
            codes.append(os.waitpid(pid, 0)[1])
        name = path.stem
        if any(codes):
            failed.append(str(path))
            continue
        a = json.loads((scratch / "76" / f"{name}.json").read_text())
        b = json.loads((scratch / "120" / f"{name}.json").read_text())
        for cell, other in zip(a["cells"], b["cells"]):
            cell["stdout_columns_120"] = other["stdout"]
        EXPECTED.mkdir(parents=True, exist_ok=True)
        (EXPECTED / f"{name}.json").write_text(dumps(a) + "\n")
    return failed


def record_forked(files):
    """tf-keras, `--fork`: `keras` is aliased to tf-keras and TensorFlow imported here once; each
    file then runs in a child forked from this process, which starts as a fresh worker process
    would after its imports (and so records the same), without importing for ~10 s per file."""
    alias_keras_to_tf_keras()
    import keras as aliased  # noqa: F401 - imported before forking

    failed = []
    for path in files:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)
                worker([str(path)])
                code = 0
            finally:
                sys.stderr.flush()
                os._exit(code)
        if os.waitpid(pid, 0)[1]:
            failed.append(str(path))
    return failed


def main(argv):
    if argv and argv[0] == "--worker":
        worker(argv[1:])
        return
    if argv and argv[0] == "--footers":
        write_footer_variants()
        return
    # Every corpus file runs in its own fresh Python process: some module state
    # (e.g. which module object `tensorflow.keras.layers` is, which shows up in
    # AttributeError messages) depends on what was imported before.
    files = [pathlib.Path(a).resolve() for a in argv] or sorted(CORPUS.glob("*.py"))
    script = str(pathlib.Path(__file__).resolve())
    jobs = [[sys.executable, script, "--worker", str(f)] for f in files]
    if not argv:
        jobs.append([sys.executable, script, "--footers"])
    failed = []
    scratch = EXPECTED.parent / "scratch"

    def run_one(cmd, env):
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)

    def run(cmd):
        proc = run_one(cmd, None)
        lines = [l for l in proc.stderr.splitlines() if ": " in l and "cell(s)" in l]
        return cmd, proc.returncode, lines, proc.stderr

    if KERAS3:
        failed = record_keras3(files, scratch)
        jobs = []
    elif FORK:
        failed = record_forked(files)
        jobs = [job for job in jobs if "--footers" in job]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for cmd, rc, lines, err in pool.map(run, jobs):
            for l in lines:
                print(l, file=sys.stderr)
            if rc != 0:
                failed.append(cmd[-1])
                print(err, file=sys.stderr)
    if not argv:
        stems = {p.stem for p in files}
        for stale in EXPECTED.glob("*.json"):
            if stale.stem not in stems:
                stale.unlink()
                print(f"removed stale {stale.name}", file=sys.stderr)
    if KERAS3:
        import shutil
        shutil.rmtree(scratch, ignore_errors=True)
    if failed:
        sys.exit(f"worker failed for: {failed}")


if __name__ == "__main__":
    main(sys.argv[1:])
