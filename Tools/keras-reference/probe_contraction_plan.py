#!/usr/bin/env python3
"""How TensorFlow 2.21 cuts a long float32 sum (MatMul, Conv2D) into pieces on ~/keras-ref's machine.

Usage: TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/probe_contraction_plan.py [COUNT [SEED]]

A model of Eigen's TensorContractionThreadPool.h (thread count by cost, blocking by cache size,
sharding over the inner dimension) and TensorFlow's eigen_contraction_kernel.h (blocking refined
for oneDNN; every step one oneDNN sgemm call, itself summing in blocks of at most 256) as
`ContractionPlan` implements it, checked against `tf.linalg.matmul` on COUNT random products of
2-72 rows, 2-159 columns and 257-3999 inner terms, and against `tf.nn.conv2d` on a few patch
sizes. Each value is recomputed from its exact products: each piece summed from zero in the value's
order (`TensorFlowContraction.order`), added to its shard's sum, the shards added last. Prints the
fraction of values reproduced and the shapes that fall short.

Measured on this machine: every value of 239 of 250 products; the other 11 lose one row each (a
lone last row in a row block of Eigen's, 24j + 1 rows), which the model leaves out. Convolutions:
every value but the last rows left over from groups of 6, which ConvBook's convolution does not
follow at any patch size.
"""
import sys

import numpy as np
import tensorflow as tf

# One value's sum in the order TensorFlow's kernels use for its row and column (the block probe's).
from probe_contraction_blocks import f32, order

MR, NR = 16, 4  # Eigen's GEBP traits in TensorFlow's AVX build (no FMA): mr = 2 x 8 floats
L1, L2, L3 = 32 * 1024, 512 * 1024, 32 * 1024 * 1024
THREADS = 2


def divup(a, b):
    return -(-a // b)


def eigen_blocking(k, m, n, threads):
    kdiv, ksub = MR * 4 + NR * 4, MR * NR * 4
    if threads > 1:
        k_cache = max(8, min((L1 - ksub) // kdiv, 320))
        if k_cache < k:
            k = k_cache - k_cache % 8
        n_cache = (L2 - L1) // (NR * 4 * k)
        n_per = divup(n, threads)
        n = n_cache - n_cache % NR if n_cache <= n_per else min(n, (n_per + NR - 1) - (n_per + NR - 1) % NR)
        m_cache = (L3 - L2) // (4 * k * threads)
        m_per = divup(m, threads)
        m = m_cache - m_cache % MR if MR <= m_cache < m_per else min(m, (m_per + MR - 1) - (m_per + MR - 1) % MR)
        return k, m, n
    if max(k, m, n) < 48:
        return k, m, n
    max_kc = max(((L1 - ksub) // kdiv) & ~7, 1)
    if k > max_kc:
        k = max_kc if k % max_kc == 0 else max_kc - 8 * ((max_kc - 1 - k % max_kc) // (8 * (k // max_kc + 1)))
    return k, m, n


def tf_blocking(k, m, n, threads, by_column):
    if by_column:
        kc, mc, nc = eigen_blocking(k, m, n, threads)
    else:
        kc, nc, mc = eigen_blocking(k, n, m, threads)
    mc = min(m, divup(int(mc * 1.5), 48) * 48)
    nc = min(n, divup(nc, 24) * 24)
    slices = max(1, divup(k, kc))
    return min(k, divup(k // slices, 8) * 8), mc, nc


def by_column(m, n, threads):
    if m // threads >= NR and (n // threads < NR or (n // threads < 4 * NR and n % (threads * NR) != 0
                                                    and (m % (threads * NR) == 0 or m // n >= 6))):
        return False
    return not (n // threads < 16 * NR and m > n * 32)


def total(cost, size):
    return size * (11 / 64 * cost[0] + 11 / 64 * cost[1] + cost[2])


def bandwidth(cols, bm, bn, bk):
    if bk == 1:
        return 4.0
    return 2.0 if (bn if cols else bm) < NR or (bm if cols else bn) < MR else 1.0


def sgemm_blocks(count):
    if count <= 256:
        return [count]
    if count < 512:
        return [(count + 1) // 2, count // 2]
    return [min(256, count - start) for start in range(0, count, 256)]


def steps(start, end, kc):
    runs = []
    for first in range(start, end, kc):
        offset = first
        for size in sgemm_blocks(min(kc, end - first)):
            runs.append((offset, offset + size))
            offset += size
    return runs


def evaluation(rows, columns, depth, patches=False):
    """Eigen's way: [((start, end), threads, by_column) per shard]; m = columns, n = rows, k = depth."""
    m, n, k = columns, rows, depth
    rc = 86 / 8 if patches else 0.0  # image patches: 3 index divisions + 14 multiplications per value
    cols = by_column(m, n, 2)
    bk, bm, bn = tf_blocking(k, m, n, 2, cols)
    loaded = 4 * bk / m if cols else 4 * bk / n
    cost = total((loaded, 4, bk * bandwidth(False, bm, bn, bk) / 8 + rc * bk / m), n * m)
    threads = min(THREADS, max(1, int((cost - 100000) / 100000 + 0.9)))
    parallel = total((4 * n, 4, bandwidth(True, m, n, k) * m * n / 8 + rc * n), k)
    reduction = total((2, 1, 1 / 8), m * n)
    inner, least = 1, parallel
    for count in range(2, THREADS + 1, 2):
        candidate = parallel / count + 100000 + count * (reduction + 3000)
        if candidate < least:
            inner, least = count, candidate
    sharded = not (n == 1 or inner < 2 or inner < threads or m * n * 4 > L3 / inner or k // inner < 2 * NR) and (
        max(m, n) // threads < NR or (k // inner > 8 * NR and (min(m, n) < 2 * NR or inner > threads)))
    if sharded:
        size = min(k, max(96, divup(divup(k, inner), 8) * 8))
        count = divup(k, size)
        return [((i * size, min(k, (i + 1) * size)), count, True) for i in range(count)]
    if n == 1 or threads == 1:
        return [((0, k), 1, True)]
    return [((0, k), threads, by_column(m, n, threads))]


def plan(rows, columns, depth, patches=False):
    """[[(start, end), ...] per shard]: Eigen's m = columns, n = rows, k = depth."""
    return [steps(start, end, tf_blocking(end - start, columns, rows, threads, cols)[0])
            for (start, end), threads, cols in evaluation(rows, columns, depth, patches)]


def planned(products, shards, sum_of):
    value = None
    for shard in shards:
        part = None
        for start, end in shard:
            piece = sum_of(products[..., start:end])
            part = piece if part is None else f32(part.astype(np.float64) + piece)
        value = part if value is None else f32(value.astype(np.float64) + part)
    return value


def reproduce(a, b, shards):
    rows, columns = a.shape[0], b.shape[1]
    out = np.zeros((rows, columns), np.float32)
    for row in range(rows):
        for column in range(columns):
            products = a[row].astype(np.float64) * b[:, column].astype(np.float64)
            out[row, column] = planned(products[None], shards, order(row, rows, column, columns))[0]
    return out


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 21)
    short = []
    for _ in range(count):
        rows, columns, depth = int(rng.integers(2, 73)), int(rng.integers(2, 160)), int(rng.integers(257, 4000))
        a, b = f32(rng.standard_normal((rows, depth))), f32(rng.standard_normal((depth, columns)))
        fraction = np.mean(reproduce(a, b, plan(rows, columns, depth)) == tf.linalg.matmul(a, b).numpy())
        if fraction < 1:
            short.append((rows, columns, depth, round(float(fraction), 3)))
    print(f"MatMul: {count - len(short)} of {count} products reproduced; short: {short}")
    for batch, size, channels, filters in [(2, 8, 32, 16), (2, 9, 64, 24), (1, 8, 64, 8), (2, 12, 128, 32)]:
        x = f32(rng.standard_normal((batch, size, size, channels)))
        w = f32(rng.standard_normal((3, 3, channels, filters)))
        expected = tf.nn.conv2d(x, w, 1, "VALID").numpy().reshape(-1, filters)
        patches = tf.image.extract_patches(x, [1, 3, 3, 1], [1, 1, 1, 1], [1, 1, 1, 1], "VALID").numpy()
        a = patches.reshape(-1, 9 * channels)
        got = reproduce(a, w.reshape(-1, filters), plan(a.shape[0], filters, a.shape[1], patches=True))
        print(f"Conv2D 3x3 over {channels} ({a.shape[0]} positions, {filters} filters): "
              f"{np.mean(got == expected):.3f}")


if __name__ == "__main__":
    main()
