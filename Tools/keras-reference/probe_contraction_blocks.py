#!/usr/bin/env python3
"""How TensorFlow's float32 MatMul sums a value over more than 256 terms on an AVX2 processor.

Usage: TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/probe_contraction_blocks.py [K ...]

For each inner size K and a few (rows, columns) shapes it draws float32 operands, runs tf.linalg.matmul
(the kernel of a Dense layer's MatMul) and recomputes every value from the exact products: the terms
are cut into oneDNN sgemm's inner blocks (all of them up to 256; below 512 two halves, the first larger
by the odd term; else blocks of 256), each block is summed in the value's own order
(`TensorFlowContraction.order`: one FMA chain, two chains by parity with FMA, or without), and each
block's result is added to the value. It prints the fraction of values reproduced exactly.

Measured on this machine (Eigen engine, 2 threads): every value for K = 257-513 on these shapes. Eigen
cuts a longer sum into several sgemm calls first (and sometimes shards it over threads):
`probe_contraction_plan.py` follows that (`ContractionPlan`).
"""
import sys

import numpy as np
import tensorflow as tf

RNG = np.random.default_rng(7)


def f32(values):
    return np.asarray(values, np.float32)


def chain(products):
    total = np.zeros(products.shape[:-1], np.float32)
    for k in range(products.shape[-1]):
        total = f32(total.astype(np.float64) + products[..., k])
    return total


def pairs(products, fused=True):
    taps = products.shape[-1]
    whole = taps // 2 * 2
    terms = products if fused else f32(products).astype(np.float64)
    even = chain(terms[..., 0:whole:2])
    odd = chain(terms[..., 1:whole:2])
    total = f32(even.astype(np.float64) + odd)
    if whole < taps:
        total = f32(total.astype(np.float64) + terms[..., whole])
    return total


def order(row, rows, column, columns):
    left = rows % 6
    if rows >= 2 and 1 <= left <= 2 and row >= rows - left:
        return lambda p: pairs(p, fused=False)
    last = columns % 16
    if (1 <= last <= 8 and column >= columns - last) or (rows % 6 == 3 and row >= rows - 3):
        return pairs
    return chain


def blocks(count, depth=256):
    if count <= depth:
        return [count]
    if count < 2 * depth:
        return [(count + 1) // 2, count // 2]
    sizes, left = [], count
    while left > 0:
        sizes.append(min(depth, left))
        left -= depth
    return sizes


def main():
    sizes = [int(argument) for argument in sys.argv[1:]] or [257, 300, 400, 511, 512, 513, 576, 800]
    for count in sizes:
        for rows, columns in [(2, 8), (7, 8), (8, 20), (32, 10), (33, 64)]:
            a = f32(RNG.standard_normal((rows, count)))
            b = f32(RNG.standard_normal((count, columns)))
            expected = tf.linalg.matmul(a, b).numpy()
            matched = 0
            for row in range(rows):
                for column in range(columns):
                    products = a[row].astype(np.float64) * b[:, column].astype(np.float64)
                    sum_of = order(row, rows, column, columns)
                    start, value = 0, None
                    for size in blocks(count):
                        block = sum_of(products[None, start : start + size])[0]
                        value = block if value is None else f32(np.float64(value) + block)
                        start += size
                    matched += value == expected[row, column]
            print(f"K={count} rows={rows} columns={columns} blocks={blocks(count)}: "
                  f"{matched / (rows * columns):.3f}", flush=True)


if __name__ == "__main__":
    main()
