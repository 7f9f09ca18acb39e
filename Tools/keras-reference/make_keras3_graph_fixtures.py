#!/usr/bin/env python3
"""Write forward-pass fixtures of functional graphs whose numbers are Keras 3's own.

Usage:
    ~/keras-ref/bin/python Tools/keras-reference/make_keras3_graph_fixtures.py [NAME ...]

Writes, in Tests/Fixtures/keras3/forward-graphs/, the files of the tf-keras graph fixtures
(`make_forward_fixtures.py --graphs`): NAME.py (the model code, binds `model`), NAME.weights.npz
(keys: Keras 3's variable paths, `mha/query/kernel`), NAME.inputs.npz (`input_0`, ...) and
NAME.outputs.npz (`output_0`, ...) in model order. Inputs named `*mask` hold 0/1 values.
"""
import os
import pathlib
import sys
import textwrap
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.pop("TF_USE_LEGACY_KERAS", None)

import numpy as np
import keras

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras3" / "forward-graphs"

HEADER = """\
import keras
from keras import layers

"""

CASES = {}


def graph_case(name, description, code):
    CASES[name] = (description, textwrap.dedent(code).strip("\n") + "\n")


graph_case("mha_call_masks", "MultiHeadAttention with Keras 3's query_mask= (which Keras 3 replaces by the query's own mask), value_mask= and key_mask= given as inputs", """
    query = keras.Input(shape=(4, 6))
    value = keras.Input(shape=(5, 6))
    query_mask = keras.Input(shape=(4,), name="query_mask")
    value_mask = keras.Input(shape=(5,), name="value_mask")
    masked = layers.MultiHeadAttention(2, 3, name="mha")(query, value, query_mask=query_mask, value_mask=value_mask)
    keyed = layers.MultiHeadAttention(2, 3, name="mha_key")(query, value, key=value, key_mask=value_mask)
    model = keras.Model([query, value, query_mask, value_mask], [masked, keyed])
""")


def run_case(name):
    keras.backend.clear_session()
    description, code = CASES[name]
    src = HEADER + code
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    model = ns["model"]
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    weights = {}
    for w in model.weights:
        value = rng.normal(0.0, 0.5, size=tuple(int(d) for d in w.shape)).astype(np.float32)
        w.assign(value)
        weights[w.path] = value
    xs = [rng.normal(0.0, 1.0, size=(2,) + tuple(int(d) for d in t.shape[1:])).astype(np.float32)
          for t in model.inputs]
    for i, t in enumerate(model.inputs):
        if t.name.endswith("mask"):
            xs[i] = (xs[i] > 0.3).astype(np.float32)
            xs[i][0, 0] = 0
    ys = model.predict(xs, verbose=0)
    if not isinstance(ys, list):
        ys = [ys]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.py").write_text(src)
    np.savez(OUT / f"{name}.weights.npz", **weights)
    np.savez(OUT / f"{name}.inputs.npz", **{f"input_{i}": x for i, x in enumerate(xs)})
    np.savez(OUT / f"{name}.outputs.npz",
             **{f"output_{i}": np.asarray(y, np.float32) for i, y in enumerate(ys)})
    print(name, description, file=sys.stderr)


def main(argv):
    for name in argv or list(CASES):
        run_case(name)


if __name__ == "__main__":
    main(sys.argv[1:])
