#!/usr/bin/env python3
"""One training epoch of a small MNIST-size CNN: ConvBook's `convbook fit` beside tf-keras `fit`.

Usage (from the repository root):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Benchmarks/training_vs_tensorflow.py \
        [--samples 2048] [--batch-size 32] [--rounds 3] [--epochs 3] [--no-build] \
        [--kernels auto|avx2] [--model mnist_cnn|text_lstm]
        [--markdown Benchmarks/training_vs_tensorflow.md]

What it does:
  1. Builds the release binary (swift build -c release --scratch-path .build-training).
  2. Writes random data of MNIST's shapes (x uniform [0, 1) of (samples, 28, 28, 1), y class
     indices 0..9) and the same initial weights for both sides (Keras' initializers, seed 0).
  3. Per round, interleaved so that both sides see the same machine load:
       - ConvBook: `convbook fit Benchmarks/training/mnist_cnn.py --epochs E --no-shuffle`, the
         whole process (start-up and file reading included) divided by E, wall and CPU time;
       - tf-keras: `model.fit(x, y, epochs=E + 1, shuffle=False)` with a callback timing every
         epoch (wall and process CPU time); its first epoch (tf.function tracing) is dropped.
     Both use every core (2 threads) and the model's compile(): Adam, sparse categorical
     crossentropy, accuracy.
  4. Samples per second = samples / median epoch time; ratio = ConvBook / tf-keras, for wall
     time and for CPU time (on a machine shared with other processes, CPU time is the steadier
     measure: the scheduler shares cores per thread, and TensorFlow runs more threads).
  5. `--kernels avx2` runs ConvBook with CONVBOOK_KERNELS=avx2 (its AVX2 register tiles even on a
     processor with AVX-512; the default picks AVX-512 tiles at run time where available).
  6. Per round, the ratio of tf-keras' median epoch to ConvBook's: the report gives the median
     ratio and its spread (lowest..highest round), which says more than one run on a shared machine.
  7. `--baseline BINARY` also runs another convbook binary (e.g. main's, copied aside) in every
     round, right before this one: ConvBook before/after, interleaved, which is less sensitive to the
     machine's load than the comparison with TensorFlow. `--binary BINARY` times a given binary
     instead of building one (implies `--no-build`).
  8. `--model text_lstm` times `Benchmarks/training/text_lstm.py` instead (Embedding 10000x32 ->
     LSTM 32 -> Dense 1 sigmoid; Adam, binary crossentropy) on random token ids of length 80
     (int64, 1..9999) and random 0/1 labels: the recurrent backward pass.
  9. `--markdown FILE` writes the report at the top of FILE and keeps FILE's own sections (from its
     first `## ` heading on) below it.
"""
import argparse
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODELS = {
    "mnist_cnn": "(Conv2D 32 -> MaxPooling2D -> Conv2D 64 -> MaxPooling2D\n-> Flatten -> Dense 10 "
    "softmax; Adam, sparse categorical crossentropy, accuracy) on {samples} random\nsamples of "
    "MNIST's shapes",
    "text_lstm": "(Embedding 10000x32 -> LSTM 32 -> Dense 1 sigmoid;\nAdam, binary crossentropy, "
    "accuracy) on {samples} random token-id sequences of length 80\nand 0/1 labels",
}
MODEL = ROOT / "Benchmarks" / "training" / "mnist_cnn.py"
SCRATCH = ".build-training"
BINARY = ROOT / SCRATCH / "release" / "convbook"


def build():
    subprocess.run(
        ["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "convbook"],
        cwd=ROOT, check=True)


def convbook_epochs(folder, epochs, batch_size, threads, kernels="auto", binary=BINARY):
    """(wall seconds per epoch, CPU seconds per epoch, last epoch line) of one `convbook fit`."""
    command = [str(binary), "fit", str(MODEL), "--x", str(folder / "x.npy"), "--y",
               str(folder / "y.npy"), "--weights", str(folder / "initial.npz"), "--epochs",
               str(epochs), "--batch-size", str(batch_size), "--no-shuffle", "--out",
               str(folder / "convbook-trained.npz"), "--keras", "2"]
    if threads:
        command += ["--threads", str(threads)]
    before = os.times()
    start = time.perf_counter()
    environment = dict(os.environ)
    if kernels == "avx2":
        environment["CONVBOOK_KERNELS"] = "avx2"
    out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True,
                         env=environment).stdout
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    lines = [l for l in out.splitlines() if "/epoch" in l]
    return wall / epochs, cpu / epochs, lines[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=2048)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--kernels", choices=["auto", "avx2"], default="auto")
    parser.add_argument("--markdown")
    parser.add_argument("--model", choices=sorted(MODELS), default="mnist_cnn")
    parser.add_argument("--binary", help="time this convbook binary (no build)")
    parser.add_argument("--baseline", help="also time this convbook binary in every round")
    args = parser.parse_args()
    global MODEL
    MODEL = ROOT / "Benchmarks" / "training" / (args.model + ".py")
    binary = pathlib.Path(args.binary).resolve() if args.binary else BINARY
    if not args.no_build and not args.binary:
        build()

    import numpy as np
    import tensorflow as tf
    import tf_keras

    tf.get_logger().setLevel("ERROR")
    folder = pathlib.Path(tempfile.mkdtemp(prefix="convbook-training-bench-"))
    rng = np.random.default_rng(0)
    if args.model == "text_lstm":
        x = rng.integers(1, 10000, (args.samples, 80)).astype(np.int64)
        y = rng.integers(0, 2, (args.samples, 1)).astype(np.float32)
    else:
        x = rng.uniform(0, 1, (args.samples, 28, 28, 1)).astype(np.float32)
        y = rng.integers(0, 10, args.samples).astype(np.float32)
    np.save(folder / "x.npy", x)
    np.save(folder / "y.npy", y)

    def keras_model():
        tf_keras.backend.clear_session()
        tf_keras.utils.set_random_seed(0)
        ns = {}
        exec(compile(MODEL.read_text(), str(MODEL), "exec"), ns)
        return ns["model"]

    model = keras_model()
    initial = {w.name: w.numpy() for w in model.weights}
    np.savez(folder / "initial.npz", **initial)

    class Timer(tf_keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()
            self.cpu_start = time.process_time()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.start)
            self.cpu.append(time.process_time() - self.cpu_start)

    load_before = os.getloadavg()[0]
    ours, ours_cpu, theirs, theirs_cpu = [], [], [], []
    base, base_cpu, ratios, base_ratios = [], [], [], []
    last_line = ""
    for _ in range(args.rounds):
        if args.baseline:
            wall, cpu, _ = convbook_epochs(folder, args.epochs, args.batch_size, None,
                                           args.kernels, pathlib.Path(args.baseline).resolve())
            base.append(wall)
            base_cpu.append(cpu)
        wall, cpu, last_line = convbook_epochs(folder, args.epochs, args.batch_size, None,
                                               args.kernels, binary)
        ours.append(wall)
        ours_cpu.append(cpu)
        if args.baseline:
            base_ratios.append(base[-1] / wall)
        model = keras_model()
        model.set_weights([initial[w.name] for w in model.weights])
        timer = Timer()
        timer.times = []
        timer.cpu = []
        model.fit(x, y, epochs=args.epochs + 1, batch_size=args.batch_size, shuffle=False,
                  verbose=0, callbacks=[timer])
        theirs += timer.times[1:]
        theirs_cpu += timer.cpu[1:]
        ratios.append(statistics.median(timer.times[1:]) / ours[-1])
    load_after = os.getloadavg()[0]
    ours_s = statistics.median(ours)
    theirs_s = statistics.median(theirs)
    ours_c = statistics.median(ours_cpu)
    theirs_c = statistics.median(theirs_cpu)
    ours_rate = args.samples / ours_s
    theirs_rate = args.samples / theirs_s
    ratio = ours_rate / theirs_rate
    cpu_ratio = theirs_c / ours_c
    tiles = ("AVX2 tiles (CONVBOOK_KERNELS=avx2)" if args.kernels == "avx2"
             else "AVX-512 tiles where the CPU has them")
    baseline_text = ""
    if args.baseline:
        baseline_text = f"""
Baseline binary `{args.baseline}` in the same rounds (run right before): median wall
{statistics.median(base):.3f} s/epoch, CPU {statistics.median(base_cpu):.3f} s/epoch; per round
baseline / this binary: median {statistics.median(base_ratios):.2f}x, lowest {min(base_ratios):.2f}x,
highest {max(base_ratios):.2f}x.
"""
    report = f"""# ConvBook training beside tf-keras `fit`

One epoch of `Benchmarks/training/{args.model}.py` {MODELS[args.model].format(samples=args.samples)}, batch size {args.batch_size}, `shuffle=False`, the same initial weights, measured
in one run by

```sh
TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Benchmarks/training_vs_tensorflow.py --rounds {args.rounds} --epochs {args.epochs}{" --kernels avx2" if args.kernels == "avx2" else ""}{" --model " + args.model if args.model != "mnist_cnn" else ""}
```

| side | median wall s/epoch | samples/s (wall) | median CPU s/epoch |
| --- | ---: | ---: | ---: |
| ConvBook `convbook fit` (release, 2 threads, {tiles}; whole process / epochs) | {ours_s:.3f} | {ours_rate:.0f} | {ours_c:.3f} |
| tf-keras 2.21 `model.fit` (TensorFlow-CPU, first epoch dropped) | {theirs_s:.3f} | {theirs_rate:.0f} | {theirs_c:.3f} |

**Ratio (ConvBook / tf-keras samples per second, wall time): {ratio:.2f}x**; in CPU time per
epoch: {cpu_ratio:.2f}x (goal >= 1.5x). Per round (tf-keras' median epoch / ConvBook's): median
{statistics.median(ratios):.2f}x, lowest {min(ratios):.2f}x, highest {max(ratios):.2f}x ({", ".join(f"{r:.2f}" for r in ratios)}).
{baseline_text}
ConvBook's last epoch line: `{last_line}`.

Machine: {platform.machine()}, {os.cpu_count()} CPUs; load average {load_before:.2f} before,
{load_after:.2f} after. TensorFlow {tf.__version__}. {args.rounds} interleaved rounds x {args.epochs}
epochs; medians over all timed epochs.
"""
    print(report)
    if args.markdown:
        path = pathlib.Path(args.markdown)
        kept = ""
        if path.exists():
            text = path.read_text()
            at = text.find("\n## ")
            kept = text[at:] if at >= 0 else ""
        path.write_text(report + kept)


if __name__ == "__main__":
    main()
