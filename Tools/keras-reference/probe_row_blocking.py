#!/usr/bin/env python3
"""Which sgemm call computes each row of TensorFlow 2.21's float32 MatMul / Conv2D on ~/keras-ref's machine.

Usage: TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/probe_row_blocking.py [COUNT [SEED]]

`RowBlocking` (CNNKernels): Eigen's contraction hands oneDNN blocks of `nc` rows (Eigen's n block for the
way it evaluates the product, `evaluateProductBlockingSizesHeuristic` with one thread too, rounded up to
24 by TensorFlow's `TensorContractionBlocking`), and oneDNN's `sgemm_nocopy_driver` cuts a call of more
than 72 rows in blocks of 48 (two halves from 73 to 95 rows left). The exceptions of the 6-row tiles
(`TensorFlowContraction.order`) count from the start of such a block; an Eigen block of one row is
oneDNN's matrix-vector product: one FMA chain over the shard's whole inner range.

Checks every value of COUNT random MatMuls (2-300 rows, 2-100 columns, up to 1500 inner terms) and
COUNT Conv2Ds (1x1 and 3x3, up to 4 images) against this model, and against the model without the
row blocks (the 6-row groups counted from the product's first row).

Measured on this machine: every value of every product with the row blocks (40 + 40 MatMuls, 40 Conv2Ds);
without them 11 of 80 MatMuls and some convolutions lose rows.
"""
import sys

import numpy as np
import tensorflow as tf

import probe_contraction_plan as P
from probe_contraction_blocks import chain, f32, pairs
from probe_contraction_plan import L1, MR, NR, divup, evaluation, plan


def order(row, rows, column, columns):
    left = rows % 6
    if rows >= 2 and 1 <= left <= 2 and row >= rows - left:
        return "unfused"
    last = columns % 16
    if (1 <= last <= 8 and column >= columns - last) or (rows % 6 == 3 and row >= rows - 3):
        return "pairs"
    return "chain"


def eigen_blocking(k, m, n, threads):
    if threads > 1:
        return P.eigen_blocking(k, m, n, threads)
    if max(k, m, n) < 48:
        return k, m, n
    kdiv, ksub = MR * 4 + NR * 4, MR * NR * 4
    max_kc = max(((L1 - ksub) // kdiv) & ~7, 1)
    if k > max_kc:
        k = max_kc if k % max_kc == 0 else max_kc - 8 * ((max_kc - 1 - k % max_kc) // (8 * (k // max_kc + 1)))
    actual_l2 = 1572864
    remaining = L1 - ksub - m * k * 4
    max_nc = remaining // (k * 4) if remaining >= NR * 4 * k else 3 * actual_l2 // (4 * max_kc * 4)
    nc = min(actual_l2 // (2 * k * 4), max_nc) & ~(NR - 1)
    if n > nc:
        n = nc if n % nc == 0 else nc - NR * ((nc - n % nc) // (NR * (n // nc + 1)))
    return k, m, n


def row_block(k, m, n, threads, column_sharding):
    if column_sharding:
        nc = eigen_blocking(k, m, n, threads)[2]
    else:
        nc = eigen_blocking(k, n, m, threads)[1]
    return min(n, divup(nc, 24) * 24) if nc > 0 else n


def row_blocks(rows, columns, depth, patches=False):
    """Eigen's block of rows in each shard of `plan(rows, columns, depth)`."""
    return [row_block(end - start, columns, rows, threads, cols)
            for (start, end), threads, cols in evaluation(rows, columns, depth, patches)]


def onednn_blocks(rows):
    blocks, start = [], 0
    while start < rows:
        left = rows - start
        size = 48 if left >= 96 else (left + 1) // 2 if left > 72 else left
        blocks.append((start, size))
        start += size
    return blocks


def place(row, rows, nc):
    """(row in its sgemm call, the call's rows), or None for a lone row of an Eigen block."""
    first = row // nc * nc
    count = min(nc, rows - first)
    if count == 1 and rows > 1:
        return None
    for start, size in onednn_blocks(count):
        if start <= row - first < start + size:
            return row - first - start, size


def planned(products, shard, sum_of):
    value = None
    for start, end in shard:
        piece = sum_of(products[..., start:end])
        value = piece if value is None else f32(value.astype(np.float64) + piece)
    return value


def reproduce(a, b, shards, blocks, place_of):
    rows, columns = a.shape[0], b.shape[1]
    products = a.astype(np.float64)[:, None, :] * b.T.astype(np.float64)[None, :, :]
    out = None
    for shard, nc in zip(shards, blocks):
        sums = {"chain": planned(products, shard, chain), "pairs": planned(products, shard, pairs),
                "unfused": planned(products, shard, lambda p: pairs(p, False)),
                "lone": chain(products[..., shard[0][0]:shard[-1][1]])}
        part = np.zeros((rows, columns), np.float32)
        for row in range(rows):
            where = place_of(row, rows, nc)
            for column in range(columns):
                key = "lone" if where is None else order(where[0], where[1], column, columns)
                part[row, column] = sums[key][row, column]
        out = part if out is None else f32(out.astype(np.float64) + part)
    return out


def check(name, a, b, expected, patches):
    rows, depth = a.shape
    shards, blocks = plan(rows, b.shape[1], depth, patches=patches), row_blocks(rows, b.shape[1], depth, patches)
    new = np.mean(reproduce(a, b, shards, blocks, place) == expected)
    old = np.mean(reproduce(a, b, shards, blocks, lambda row, rows, nc: (row, rows)) == expected)
    if new < 1 or old < 1:
        print(f"{name}: row blocks {blocks}: {new:.4f} (without: {old:.4f})", flush=True)
    return new == 1, old == 1


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    matmul = tf.function(lambda a, b: tf.matmul(a, b), reduce_retracing=True)
    conv = tf.function(lambda x, w: tf.nn.conv2d(x, w, 1, "VALID"), reduce_retracing=True)
    tally = np.zeros(4, int)
    for _ in range(count):
        rows, columns, depth = int(rng.integers(2, 300)), int(rng.integers(2, 100)), int(rng.integers(2, 1500))
        a, b = f32(rng.standard_normal((rows, depth))), f32(rng.standard_normal((depth, columns)))
        tally[:2] += check(f"MatMul {rows}x{depth} by {columns}", a, b, matmul(a, b).numpy(), False)
    for _ in range(count):
        size, batch = int(rng.choice([1, 3])), int(rng.integers(1, 5))
        width, channels, filters = int(rng.integers(size + 1, 10)), int(rng.integers(1, 40)), int(rng.integers(2, 40))
        x = f32(rng.standard_normal((batch, width, width, channels)))
        w = f32(rng.standard_normal((size, size, channels, filters)))
        patches = tf.image.extract_patches(x, [1, size, size, 1], [1] * 4, [1] * 4, "VALID").numpy()
        expected = conv(x, w).numpy().reshape(-1, filters)
        tally[2:] += check(f"Conv2D {size}x{size} over {batch}x{width}x{width}x{channels} by {filters}",
                           patches.reshape(-1, size * size * channels), w.reshape(-1, filters), expected, size != 1)
    print(f"MatMul: {tally[0]} of {count} exact ({tally[1]} without row blocks); "
          f"Conv2D: {tally[2]} of {count} ({tally[3]} without)")


if __name__ == "__main__":
    main()
