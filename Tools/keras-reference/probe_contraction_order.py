#!/usr/bin/env python3
"""Which order TensorFlow's CPU contraction (Conv2D, Conv1D, MatMul) adds a value's products in.

Usage: TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/probe_contraction_order.py

For each shape it draws float32 inputs and weights, runs the op in TensorFlow, and recomputes every
output value from the exact products (float64) in candidate orders, rounding to float32 after each
step as the hardware does:

- `chain`: one FMA chain over the taps k = 0, 1, ..., K-1 (the patch in (kh, kw, c) order);
- `pairs`: one FMA chain over the even taps and one over the odd taps (each from 0), then
  even + odd, then, when K is odd, the last tap by FMA;
- `dot`: `TensorFlowDot`'s order (Eigen's matrix-vector product, a single output unit).

It prints the fraction of values each order reproduces exactly, per block of 6 output positions and
for the last (N mod 6) positions apart. What ConvBook takes from it (`LastBlockOrder`): units in
blocks of 16; a last block of 9-16 units sums as `chain`, of at most 8 as `pairs`, a single unit as
`dot`. The last 1 or 2 positions of a contraction (N mod 6, within Eigen's column blocks) follow an
order not identified yet; 3 left over take `pairs` even with 16 units.
"""
import numpy as np
import tensorflow as tf

RNG = np.random.default_rng(2026)


def f32(values):
    return values.astype(np.float32)


def chain(products, start=None):
    total = np.zeros(products.shape[:-1], np.float32) if start is None else start
    for k in range(products.shape[-1]):
        total = f32(total.astype(np.float64) + products[..., k])
    return total


def pairs(products):
    taps = products.shape[-1]
    whole = taps // 2 * 2
    total = f32(chain(products[..., 0:whole:2]) + chain(products[..., 1:whole:2]))
    return chain(products[..., whole:], total)


def reduce8(lanes):
    return f32(
        f32(f32(lanes[0] + lanes[1]) + f32(lanes[4] + lanes[5]))
        + f32(f32(lanes[2] + lanes[3]) + f32(lanes[6] + lanes[7]))
    )


def dot(products):
    taps = products.shape[-1]
    rounded = f32(products)
    total = None

    def add(value):
        return value if total is None else f32(total + value)

    whole = taps // 16 * 16
    if whole:
        total = add(reduce8([chain(products[..., i:whole:8]) for i in range(8)]))
    k = whole
    if taps - k >= 8:
        total = add(reduce8([rounded[..., k + i] for i in range(8)]))
        k += 8
    if taps - k >= 4:
        total = add(
            f32(
                f32(rounded[..., k] + rounded[..., k + 1])
                + f32(rounded[..., k + 2] + rounded[..., k + 3])
            )
        )
        k += 4
    if taps - k >= 2:
        total = add(f32(rounded[..., k] + rounded[..., k + 1]))
        k += 2
    if taps - k == 1:
        total = add(rounded[..., k])
    return total


def conv_products(batch, size, channels, units, kernel, padding):
    x = RNG.standard_normal((batch, size, size, channels)).astype(np.float32)
    w = RNG.standard_normal((kernel, kernel, channels, units)).astype(np.float32)
    y = tf.nn.conv2d(x, w, 1, padding.upper()).numpy()
    if padding == "same":
        pad = kernel - 1
        x = np.pad(x, ((0, 0), (pad // 2, pad - pad // 2), (pad // 2, pad - pad // 2), (0, 0)))
    out = y.shape[1]
    patches = np.stack(
        [
            x[b, i : i + kernel, j : j + kernel, :].reshape(-1)
            for b in range(batch)
            for i in range(out)
            for j in range(out)
        ]
    )
    products = patches[:, :, None].astype(np.float64) * w.reshape(-1, units)[None]
    return np.moveaxis(products, 1, -1), y.reshape(-1, units)


def matmul_products(rows, inner, units):
    a = RNG.standard_normal((rows, inner)).astype(np.float32)
    b = RNG.standard_normal((inner, units)).astype(np.float32)
    y = tf.matmul(a, b).numpy()
    return np.moveaxis(a[:, :, None].astype(np.float64) * b[None], 1, -1), y


def report(name, products, expected):
    """Scores per part: positions in whole blocks of 6 and the rest; units in whole blocks of 16
    and a last block of at most 8."""
    positions, units = expected.shape
    body = positions // 6 * 6
    full = units // 16 * 16 if 1 <= units % 16 <= 8 and units > 16 else units
    cells = []
    for label, rows in [("positions", slice(0, body)), (f"last {positions - body}", slice(body, None))]:
        for unit_label, columns in [(f"units :{full}", slice(0, full)), (f"units {full}:", slice(full, None))]:
            part = expected[rows, columns]
            if part.size == 0:
                continue
            scores = []
            for order in (chain, pairs, dot):
                got = order(products[rows, columns])
                scores.append(f"{order.__name__} {np.mean(got == part):.2f}")
            cells.append(f"{label} {unit_label}: " + ", ".join(scores))
    print(name)
    for cell in cells:
        print("    " + cell)


def main():
    for batch, size, channels, units, kernel, padding in [
        (3, 4, 4, 4, 2, "same"),
        (1, 6, 8, 8, 3, "same"),
        (1, 6, 16, 1, 3, "same"),
        (1, 4, 5, 20, 3, "same"),
        (1, 4, 5, 24, 3, "same"),
        (1, 6, 16, 32, 3, "same"),
        (1, 5, 16, 16, 3, "same"),
        (1, 7, 3, 16, 3, "valid"),
    ]:
        products, expected = conv_products(batch, size, channels, units, kernel, padding)
        report(f"conv {batch}x{size}x{size}x{channels} k{kernel} {units}", products, expected)
    for rows, inner, units in [(6, 20, 4), (12, 9, 3), (6, 20, 20), (32, 20, 4), (15, 40, 16)]:
        products, expected = matmul_products(rows, inner, units)
        report(f"matmul {rows}x{inner} @ {inner}x{units}", products, expected)


if __name__ == "__main__":
    main()
