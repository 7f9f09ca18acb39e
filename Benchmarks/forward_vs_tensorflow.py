#!/usr/bin/env python3
"""ConvBook's forward pass beside TensorFlow-CPU on the seed article's two models, in one run.

Usage (from the repository root; needs the tf-keras venv of ../shared/notes/keras-facts.md):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Benchmarks/forward_vs_tensorflow.py \
        [--rounds 3] [--runs 10] [--no-build] [--markdown Benchmarks/forward_vs_tensorflow.md]
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Benchmarks/forward_vs_tensorflow.py --resnet \
        [--markdown Benchmarks/forward_vs_tensorflow_resnet.md]

With --resnet it times the ResNet-style graph `resnet_model` of Examples/resnet-style.py (128x128x3,
residual blocks with BatchNormalization and Add) instead of the seed article's two chains.

What it does:
  1. Builds the release binary: swift build -c release --scratch-path .build-forward --product convbook
  2. Builds `flat_model` and `gap_model` from Examples/flatten-vs-pooling.py in tf-keras (224x224x3).
  3. For each round, for each model and batch size (1, 8), interleaved so that both sides see the
     same machine load:
       - ConvBook: `convbook bench ... --model M --batch B --runs R --json` (its own warm-up, median
         of R timed runs, 2 threads = every core);
       - TensorFlow: after 3 warm-up calls, the median of R timed calls of each of
         `model(x, training=False)` and `model.predict(x)` (the APIs the spec names; TensorFlow is
         credited with the faster of the two), and, reported in a column of its own, a
         `tf.function` of the call (graph mode, which Keras users rarely write by hand).
  4. Per configuration, the median over rounds of each side's median; throughput ratio =
     TF ms / ConvBook ms (> 1: ConvBook is faster).
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "Examples" / "flatten-vs-pooling.py"
SCRATCH = ".build-forward"
BINARY = ROOT / SCRATCH / "release" / "convbook"
MODELS = ["flat_model", "gap_model"]
BATCHES = [1, 8]


def build():
    subprocess.run(
        ["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "convbook"],
        cwd=ROOT, check=True)


def convbook_bench(model, batch, runs):
    out = subprocess.run(
        [str(BINARY), "bench", str(EXAMPLE), "--model", model, "--batch", str(batch),
         "--runs", str(runs), "--json", "--keras", "2"],
        cwd=ROOT, check=True, capture_output=True, text=True)
    report = json.loads(out.stdout)
    if not report.get("simd_fast_path", False):
        sys.exit("convbook was built without its SIMD fast path: " + report.get("simd_build_check", ""))
    entry = report["models"][0]
    return entry["median_ms"], entry["gflops"], entry["peak_bytes"], entry["multiply_accumulates"]


def tensorflow_models():
    import numpy as np  # noqa: F401
    import tensorflow as tf
    import tf_keras  # noqa: F401
    namespace = {"__name__": "__main__"}
    exec(compile(EXAMPLE.read_text(), str(EXAMPLE), "exec"), namespace)
    return tf, {name: namespace[name] for name in MODELS}


def median_ms(function, runs, warmup=3):
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1e3)
    return statistics.median(samples)


def tensorflow_bench(tf, model, batch, runs):
    import numpy as np
    sample = tuple(int(d) for d in model.input_shape[1:])
    x = np.random.default_rng(0).uniform(0, 1, size=(batch,) + sample).astype(np.float32)
    tensor = tf.constant(x)
    graph = tf.function(lambda t: model(t, training=False))
    timings = {
        "call": median_ms(lambda: model(tensor, training=False).numpy(), runs),
        "predict": median_ms(lambda: model.predict(x, batch_size=batch, verbose=0), runs),
    }
    best = min(timings, key=timings.get)
    graph_ms = median_ms(lambda: graph(tensor).numpy(), runs)
    return timings[best], best, graph_ms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--markdown", type=pathlib.Path)
    parser.add_argument("--resnet", action="store_true",
                        help="time resnet_model of Examples/resnet-style.py")
    args = parser.parse_args()
    global EXAMPLE, MODELS
    if args.resnet:
        EXAMPLE = ROOT / "Examples" / "resnet-style.py"
        MODELS = ["resnet_model"]

    if not args.no_build:
        build()
    tf, models = tensorflow_models()
    load_before = os.getloadavg()
    results = {(m, b): {"convbook": [], "tf": [], "tf_modes": [], "graph": []}
               for m in MODELS for b in BATCHES}
    for round_index in range(args.rounds):
        for model in MODELS:
            for batch in BATCHES:
                entry = results[(model, batch)]
                ms, gflops, peak, macs = convbook_bench(model, batch, args.runs)
                entry["convbook"].append(ms)
                entry["peak"] = peak
                entry["macs"] = macs
                tf_ms, mode, graph_ms = tensorflow_bench(tf, models[model], batch, args.runs)
                entry["tf"].append(tf_ms)
                entry["tf_modes"].append(mode)
                entry["graph"].append(graph_ms)
                print(f"round {round_index + 1}: {model} batch {batch}: convbook {ms:.2f} ms, "
                      f"TensorFlow {tf_ms:.2f} ms ({mode}), tf.function {graph_ms:.2f} ms",
                      file=sys.stderr)
    load_after = os.getloadavg()

    rows = []
    for model in MODELS:
        for batch in BATCHES:
            entry = results[(model, batch)]
            ours = statistics.median(entry["convbook"])
            theirs = statistics.median(entry["tf"])
            graph = statistics.median(entry["graph"])
            rows.append({
                "graph_ms": graph, "graph_ratio": graph / ours,
                "model": model, "batch": batch, "convbook_ms": ours, "tf_ms": theirs,
                "convbook_gflops": 2 * entry["macs"] / (ours / 1e3) / 1e9,
                "tf_gflops": 2 * entry["macs"] / (theirs / 1e3) / 1e9,
                "ratio": theirs / ours, "peak": entry["peak"],
                "tf_mode": max(set(entry["tf_modes"]), key=entry["tf_modes"].count),
            })
    header = ("| model | batch | ConvBook ms/batch | ConvBook GFLOP/s | ConvBook peak memory | "
              "TF ms/batch (faster of call, predict) | TF GFLOP/s | **ratio** | "
              "TF tf.function ms/batch | ratio vs tf.function |")
    lines = [header, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(
            f"| {r['model']} | {r['batch']} | {r['convbook_ms']:.2f} | {r['convbook_gflops']:.1f} | "
            f"{r['peak'] / 2**20:.1f} MiB | {r['tf_ms']:.2f} ({r['tf_mode']}) | {r['tf_gflops']:.1f} | "
            f"**{r['ratio']:.2f}x** | {r['graph_ms']:.2f} | {r['graph_ratio']:.2f}x |")
    worst = min(r["ratio"] for r in rows)
    worst_graph = min(r["graph_ratio"] for r in rows)
    import tensorflow as tf_module
    import tf_keras
    context = (
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after. "
        f"TensorFlow {tf_module.__version__}, tf-keras {tf_keras.__version__}. "
        f"{args.rounds} interleaved rounds x {args.runs} timed runs; medians.")
    table = "\n".join(lines)
    print(table)
    print(f"\nworst throughput ratio: {worst:.2f}x (vs tf.function: {worst_graph:.2f}x)")
    print(context)
    if args.markdown:
        command = ("TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Benchmarks/forward_vs_tensorflow.py "
                   f"--rounds {args.rounds} --runs {args.runs}" + (" --resnet" if args.resnet else ""))
        subject = (
            "The ResNet-style graph `resnet_model` of `Examples/resnet-style.py` (128x128x3; a "
            "7x7 stem, six basic residual blocks of 32, 64 and 128 channels with BatchNormalization "
            "and `Add`, global average pooling)" if args.resnet else
            "The seed article's two models (`Examples/flatten-vs-pooling.py`: `flat_model` = "
            "flatten_head, `gap_model` = pooling_head) at 224x224x3")
        args.markdown.write_text(
            "# ConvBook forward pass beside TensorFlow-CPU\n\n"
            f"{subject}, measured in one run by\n\n"
            f"```sh\n{command}\n```\n\n"
            f"{table}\n\nWorst of the {len(rows)} throughput ratios: **{worst:.2f}x** (target >= 1.5x, aim 2x); "
            f"against graph-mode `tf.function`: {worst_graph:.2f}x.\n\n"
            f"{context}\n\n"
            "ConvBook: `convbook bench` (release build, 2 threads), median of the timed runs after "
            "warm-up; GFLOP/s = 2 x the summary's multiply-accumulates / median; peak memory = peak "
            "resident set size of the bench process (VmHWM, reset per model) while the seeded "
            "weights are made and packed and the passes run. TensorFlow: the faster of "
            "`model(x, training=False)` and `model.predict(x)` (named in brackets), and separately "
            "a `tf.function` of the call; medians of the timed calls after 3 warm-up calls. "
            f"{kernels_on_this_machine()} ConvBook uses Winograd F(4x4, 3x3) for the 3x3 convolutions of 8 or more channels, "
            "which is why its GFLOP/s (counted as the direct convolution's multiply-accumulates) can exceed the FMA peak of the two cores.\n")
    return 0


def kernels_on_this_machine():
    """Which kernels each side runs here: the processor, whether it has AVX-512 (ConvBook's C register
    tiles, chosen at run time, else its Swift AVX2 tiles) and whether TensorFlow turned oneDNN on."""
    model, flags = "an unknown processor", set()
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                model = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
    except OSError:
        pass
    from tensorflow.python.util import _pywrap_util_port

    onednn = _pywrap_util_port.IsMklEnabled()
    avx512 = "avx512f" in flags
    return (
        f"The CPU is {model} ({'with' if avx512 else 'without'} AVX-512). TensorFlow runs "
        f"{'oneDNN' if onednn else 'its Eigen'} kernels here (`IsMklEnabled()` {onednn}); ConvBook "
        f"its {'C AVX-512' if avx512 else 'Swift AVX2'} register tiles for direct convolutions."
    )


if __name__ == "__main__":
    sys.exit(main())
