#!/usr/bin/env python3
"""Times building and previewing a course: a cold `convbook build` (empty execution cache), a warm
rebuild with nothing changed, a rebuild after editing one lesson, `convbook summary` of lesson 1's
model, and `convbook serve`'s edit-to-served latency.

Usage: Benchmarks/site_benchmark.py [LESSONS_DIR] [--runs N] [--convbook PATH]

Works on a copy of the lessons in a temporary folder, so the course is never touched. Prints
medians over N runs (default 5; 10 for the serve latency).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, cwd):
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        sys.exit(f"command failed ({completed.returncode}): {' '.join(command)}")
    return elapsed


def report(name, samples):
    print(f"{name:<44} median {statistics.median(samples) * 1000:8.1f} ms"
          f"   min {min(samples) * 1000:8.1f} ms   (n={len(samples)})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lessons", nargs="?", default=os.path.join(ROOT, "Lessons"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--convbook", default=os.path.join(ROOT, ".build/release/convbook"))
    args = parser.parse_args()
    convbook = os.path.abspath(args.convbook)
    work = tempfile.mkdtemp(prefix="convbook-bench-")
    try:
        lessons = os.path.join(work, "lessons")
        shutil.copytree(args.lessons, lessons)
        first = sorted(f for f in os.listdir(lessons) if f.endswith(".md") and f.lower() != "readme.md")[0]
        lesson = os.path.join(lessons, first)
        original = open(lesson).read()
        build = [convbook, "build", "lessons", "--out", "site"]

        cold = []
        for _ in range(args.runs):
            shutil.rmtree(os.path.join(work, ".convbook-cache"), ignore_errors=True)
            cold.append(timed(build, work))
        report("cold build (empty cache)", cold)
        report("warm rebuild, nothing changed", [timed(build, work) for _ in range(args.runs)])
        edited = []
        for run in range(args.runs):
            open(lesson, "w").write(original + f"\nEdited {run} {time.time()}.\n")
            edited.append(timed(build, work))
        open(lesson, "w").write(original)
        report(f"rebuild after editing {first}", edited)
        summary = [convbook, "summary", lesson, "--model", "flat_model"]
        report("summary --model flat_model", [timed(summary, work) for _ in range(args.runs * 4)])

        port = 18000 + os.getpid() % 1000
        server = subprocess.Popen([convbook, "serve", "lessons", "--port", str(port)], cwd=work,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            page = os.path.splitext(first)[0] + ".html"
            url = f"http://127.0.0.1:{port}/{page}"
            deadline = time.time() + 120
            while True:
                try:
                    urllib.request.urlopen(url).read()
                    break
                except OSError:
                    if time.time() > deadline:
                        sys.exit("serve did not start")
                    time.sleep(0.1)
            latencies = []
            for run in range(max(10, args.runs)):
                marker = f"serve-marker-{run}-{time.time()}"
                start = time.perf_counter()
                open(lesson, "w").write(original + f"\n{marker}\n")
                while marker not in urllib.request.urlopen(url).read().decode():
                    if time.perf_counter() - start > 30:
                        sys.exit("serve did not rebuild within 30 s")
                    time.sleep(0.005)
                latencies.append(time.perf_counter() - start)
                time.sleep(0.3)
            open(lesson, "w").write(original)
            report(f"serve: edit {first} to served page", latencies)
        finally:
            server.terminate()
            server.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
