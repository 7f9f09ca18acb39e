#!/usr/bin/env python3
"""Times `convbook summary` on a Keras script, whole process, against real tf-keras doing the same.

Usage: Benchmarks/summary_benchmark.py [SCRIPT.py] [--runs N] [--convbook PATH] [--keras-python PATH]
       [--keras 2|3]

`Benchmarks/applications.py` (ResNet50, MobileNetV2 and EfficientNetB0 from keras.applications)
needs `--keras 2`: ConvBook builds applications with tf-keras 2 only so far.

Both commands run in this one invocation, alternating, so that machine noise affects both alike.
The baseline is `python -c "exec(open(SCRIPT).read())"` with tf-keras (TF_USE_LEGACY_KERAS=1), which
imports TensorFlow and prints the same summaries; it runs only if the given Python has tf-keras
(see Tools/keras-reference/README.md for the venv). Prints medians and the ratio.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def time_command(command, env=None):
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        sys.exit(f"command failed ({completed.returncode}): {' '.join(command)}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", nargs="?", default=os.path.join(ROOT, "Examples/flatten-vs-pooling.py"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keras-runs", type=int, default=5)
    parser.add_argument("--convbook", default=os.path.join(ROOT, ".build/release/convbook"))
    parser.add_argument("--keras-python", default=os.path.expanduser("~/keras-ref/bin/python"))
    parser.add_argument("--keras", choices=["2", "3"], help="passed to `convbook summary --keras`")
    args = parser.parse_args()

    if not os.path.exists(args.convbook):
        subprocess.run(["swift", "build", "-c", "release", "--product", "convbook"], cwd=ROOT, check=True)

    convbook = [args.convbook, "summary", args.script] + (["--keras", args.keras] if args.keras else [])
    if subprocess.run(convbook, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        sys.exit(f"convbook refused {args.script}: {' '.join(convbook)}")
    ours = [time_command(convbook) for _ in range(args.runs)]
    median_ours = statistics.median(ours)
    print(f"convbook summary  median {median_ours * 1000:8.1f} ms  (min {min(ours) * 1000:.1f}, {args.runs} runs)")

    have_keras = os.path.exists(args.keras_python) and subprocess.run(
        [args.keras_python, "-c", "import tf_keras"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ).returncode == 0
    if not have_keras:
        print("tf-keras baseline skipped: no Python with tf_keras at", args.keras_python)
        return
    env = dict(os.environ, TF_USE_LEGACY_KERAS="1", TF_CPP_MIN_LOG_LEVEL="3")
    script = (
        "import sys, tf_keras; sys.modules['keras'] = tf_keras; "
        "src = open(sys.argv[1]).read(); exec(compile(src, sys.argv[1], 'exec'))\n"
        "for v in list(globals().values()):\n"
        "    if isinstance(v, tf_keras.Model): v.summary()\n"
    )
    keras = [args.keras_python, "-c", script, args.script]
    theirs = [time_command(keras, env) for _ in range(args.keras_runs)]
    median_theirs = statistics.median(theirs)
    print(f"tf-keras summary  median {median_theirs * 1000:8.1f} ms  (min {min(theirs) * 1000:.1f}, {args.keras_runs} runs)")
    print(f"ratio: convbook is {median_theirs / median_ours:.0f}x sooner")


if __name__ == "__main__":
    main()
