#!/usr/bin/env python3
"""Record how NumPy prints arrays (`str` and `repr`): precision 8, suppression off, line width 75,
summaries above 1000 values, `dtype=` and `shape=` suffixes, for the cases below.

    ~/keras-ref/bin/python Tools/keras-reference/make_numpy_print_fixtures.py

Writes Tests/Fixtures/numpy/print.json: per case the dtype, shape, the values (as Python floats,
exact; "nan", "inf", "-inf" as strings), and NumPy's str and repr. NumPy 2.4.

Also writes Tests/Fixtures/numpy/expressions.json: cell-language expressions over arrays (NumPy's
dtype rules: float64 from Python floats, float32 kept against Python scalars, promotion between
arrays, reductions, casts) with the `str` NumPy prints for each, which `NumPyExpressionTests`
evaluates in a cell and compares.
"""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "numpy" / "print.json"

rng = np.random.default_rng(7)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


CASES = {
    "small_float32": np.array([0.1, 0.25, -1.5], dtype=np.float32),
    "whole_float32": np.array([1, 2, 3], dtype=np.float32),
    "zeros_float32": np.zeros((2, 3), dtype=np.float32),
    "normal_matrix": rng.normal(size=(3, 4)).astype(np.float32),
    "normal_wide": rng.normal(size=30).astype(np.float32),
    "tiny_values": np.array([1e-5, 0.5, 2.0], dtype=np.float32),
    "large_values": np.array([1.5e7, 1.0, -3.25], dtype=np.float32),
    "spread_ratio": np.array([0.001, 2.0], dtype=np.float32),
    "not_finite": np.array([np.nan, 1.5, -np.inf, 0.0], dtype=np.float32),
    "cube": rng.normal(size=(2, 3, 4)).astype(np.float32),
    "predictions": softmax(rng.normal(size=(5, 10))).astype(np.float32),
    "sigmoid_column": (1 / (1 + np.exp(-rng.normal(size=(6, 1))))).astype(np.float32),
    "rounded": np.round(rng.normal(size=(4, 3)).astype(np.float32), 2),
    "float64_halves": np.array([0.5, 0.25, 1.125, -2.0]),
    "float64_tenth": np.array([0.1, 0.2, 0.3]),
    "float64_quarters": np.arange(6.0) / 4 + 0.1,
    "summarized": rng.normal(size=2000).astype(np.float32),
    "summarized_matrix": rng.normal(size=(40, 30)).astype(np.float32),
    "row_of_eight": np.arange(8, dtype=np.float32) / 7,
    "int_wide": np.arange(40) * 3,
    "uint8_wide": (np.arange(30) * 9 % 256).astype(np.uint8),
    "bool_wide": np.arange(20) % 3 == 0,
    "negative_zero": np.array([-0.0, 0.0, 1.0], dtype=np.float32),
    "image_row": (np.arange(28) * 9 % 256).astype(np.float32) / 255.0,
    "exp_mixed": np.array([1e-8, -2.5e-3, 3.0, 1e3], dtype=np.float32),
    "large_float64": np.array([1.5e8, 1.0, 0.25]),
    "scalar_array": np.array(0.75, dtype=np.float32),
    "float64_thirds": np.array([1.0, 2.0, 4.0]) / 3,
    "float64_long_digits": np.arange(10) / 7,
    "float64_scientific": np.array([1e-5, 1.0, 123456.789]),
    "float64_image_row": (np.arange(28) * 9 % 256).astype(np.uint8) / 255.0,
    "float64_tiny_and_big": np.array([1.0 / 3, 2e8, -7.25]),
    "float64_matrix": rng.normal(size=(4, 5)),
    "float64_summarized": rng.normal(size=(30, 50)),
    "float64_not_finite": np.array([np.nan, 0.1, np.inf, -np.inf]),
}

# Cell expressions (they must run in ConvBook's cell language as written) and NumPy's str of
# each. Float32 scalars are left out: ConvBook gives Python floats for NumPy scalars.
EXPRESSIONS = [
    "np.array([1.0]) / 3",
    "np.array([1.0, 2.0, 4.0]).mean()",
    "np.mean(np.array([1, 2, 4]))",
    "np.array([0.1, 0.2, 0.3]).sum()",
    "np.sum(np.arange(100) / 10)",
    "(np.arange(100000) / 255.0).mean()",
    "(np.arange(100000) / 255.0).sum()",
    "np.arange(12).reshape(3, 4).mean(axis=1)",
    "np.array([[0.1, 0.2], [0.3, 0.4]]).mean(axis=0)",
    "np.array([[0.1, 0.2], [0.3, 0.4]]).sum(axis=1)",
    "np.max(np.array([0.1, 0.35]) * 3)",
    "(np.arange(6) * 40).astype('uint8') / 255.0",
    "((np.arange(6) * 40).astype('uint8') / 255.0).dtype",
    "(np.arange(6) * 40).astype('uint8').astype('float32') / 255.0",
    "(np.arange(6) * 40).astype('uint8').astype('float32') / 255",
    "np.array([1.5, 2.5], dtype='float32') * 0.1",
    "(np.array([1.5, 2.5], dtype='float32') * 0.1).dtype",
    "np.array([1.5, 2.5], dtype='float32') + np.array([0.1, 0.2])",
    "(np.array([1.5, 2.5], dtype='float32') + np.array([0.1, 0.2])).dtype",
    "np.array([1, 2], dtype='float32') / 3",
    "(np.arange(5) / 7).astype('float32')",
    "np.array([1.0, 2.0, 3.0]).astype('float32') / 3",
    "np.arange(10) / 3",
    "np.array([0.1, 0.7]) * 3",
    "np.array([2.0, 3.0]) ** 0.5",
    "np.array([7.0, -7.0]) // 0.1",
    "-np.array([0.1, 0.2]) / 3",
    "np.array([0.1, 0.2]) > 0.15",
    "np.array([0.1], dtype='float32') == 0.1",
    "np.array([0.1]) == np.array([0.1], dtype='float32')",
    "np.concatenate([np.array([0.1]), np.array([1], dtype='float32')])",
    "(np.arange(12).reshape(3, 4) / 7)[1:, ::2]",
    "np.expand_dims(np.array([0.1, 0.2]) / 3, 0)",
    "np.round(np.array([0.125, 0.375, 2.675]) * 3, 2)",
    "np.array([0.1, 0.2]).tolist()",
    "(np.arange(4) / 3)[1]",
    "np.argmax(np.array([[0.1, 0.3], [0.5, 0.2]]) / 3, axis=1)",
    "np.array([[0.5, 0.25]]).astype('int64')",
    "np.zeros(3) + 1 / 3",
    "np.ones((2, 2), dtype='float32') / 3",
    "np.array([1, 2, 3]) * 0.1",
    "np.array([True, False]) * 0.1",
    "np.array([1e8, 1.0]) / 3",
    "np.array([1e-5]) * np.array([1.0, 3.0])",
]


def expression_records():
    records = []
    for source in EXPRESSIONS:
        records.append({"source": source, "str": str(eval(source, {"np": np}))})
    return records


def value(v, dtype):
    """A JSON number, or "nan" / "inf" / "-inf" (JSON has no such numbers)."""
    if dtype.kind != "f":
        return int(v)
    return float(v) if np.isfinite(v) else str(float(v))


def main():
    records = []
    for name, array in CASES.items():
        records.append({
            "name": name,
            "dtype": str(array.dtype),
            "shape": list(array.shape),
            "values": [value(v, array.dtype) for v in array.reshape(-1)],
            "str": str(array),
            "repr": repr(array),
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(records, indent=1) + "\n")
    expressions = expression_records()
    (OUT.parent / "expressions.json").write_text(json.dumps(expressions, indent=1) + "\n")
    for record in expressions:
        print(record["source"], "->", record["str"])
    for record in records:
        print(record["name"])
        print(record["str"])
        print(record["repr"])


if __name__ == "__main__":
    main()
